// Loading many rows into a PostgreSQL table with COPY … FROM STDIN.
//
// COPY sends rows as one stream instead of statements, so the server parses no SQL and plans
// nothing per row; writing a whole resolved network this way is several times quicker than
// multi-row INSERTs (docs/benchmarks.md, "Resolution on PostgreSQL"). SOCI 4.0 has no COPY, so
// this speaks to libpq through the connection SOCI holds. Rows go in COPY's text format, each
// value escaped here (backslash, tab, newline, carriage return) and a missing value as \N.
//
// PostgreSQL only: the caller checks Tx::backend(). While a CopyIn is open its connection can
// run nothing else; Finish ends it, and a CopyIn dropped unfinished aborts the COPY so the
// transaction fails rather than keeping half the rows.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

struct pg_conn;

namespace cairn::storage::internal {

class CopyIn {
 public:
  // `target`: "table (column, column, …)". Throws soci::postgresql_soci_error if the server
  // refuses to start the COPY.
  CopyIn(soci::session& sql, const std::string& target);
  ~CopyIn();
  CopyIn(const CopyIn&) = delete;
  CopyIn& operator=(const CopyIn&) = delete;

  // The next value of the current row, in the order of the target's columns.
  CopyIn& operator<<(std::string_view v);
  CopyIn& operator<<(const char* v) { return *this << std::string_view(v); }  // not the bool overload
  CopyIn& operator<<(int64_t v);
  CopyIn& operator<<(bool v);  // as 1 or 0: Cairn's flags are INTEGER columns
  CopyIn& operator<<(double v);
  CopyIn& operator<<(const std::optional<int64_t>& v);  // nullopt is NULL
  void EndRow();

  // Sends what is buffered and ends the COPY. Returns the rows loaded; throws
  // soci::postgresql_soci_error with the server's message (and SQLSTATE, so a constraint
  // violation is reported as one) if the server refused any row.
  int64_t Finish();

 private:
  void Separate();
  void Send();

  pg_conn* conn_;
  std::string buffer_;
  bool row_started_ = false;
  bool finished_ = false;
  int64_t rows_ = 0;
};

}  // namespace cairn::storage::internal
