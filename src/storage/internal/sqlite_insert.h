// Loading many rows into a SQLite table through one prepared single-row INSERT.
//
// SOCI copies every bound string into a buffer of its own on each execution and frees it after,
// and a multi-row INSERT (multi_row.h) needs each row copied into its slot first; writing a whole
// resolved network that way spent more time in that copying than SQLite spent storing the rows
// (docs/benchmarks.md, "The network smaller on disk"). SQLite has no COPY: the quickest way in is
// the C API's own prepared statement, stepped once a row with each value bound in place. So this
// speaks to SQLite through the connection SOCI holds, as internal/copy_in.h does to libpq.
//
// SQLite only: the caller checks Tx::backend(). A value's text must stay valid until EndRow.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sqlite_api {  // where SOCI's header declares SQLite's C API
struct sqlite3;
struct sqlite3_stmt;
}  // namespace sqlite_api

namespace cairn::storage::internal {

class SqliteInsert {
 public:
  // `target`: "table (column, column, …)" naming `columns` columns. Throws
  // soci::sqlite3_soci_error if SQLite cannot prepare the statement.
  SqliteInsert(soci::session& sql, const std::string& target, int columns);
  ~SqliteInsert();
  SqliteInsert(const SqliteInsert&) = delete;
  SqliteInsert& operator=(const SqliteInsert&) = delete;

  // The next value of the current row, in the order of the target's columns.
  SqliteInsert& operator<<(std::string_view v);
  SqliteInsert& operator<<(int64_t v);
  SqliteInsert& operator<<(bool v);  // as 1 or 0: Cairn's flags are INTEGER columns
  SqliteInsert& operator<<(double v);
  SqliteInsert& operator<<(const std::optional<int64_t>& v);  // nullopt is NULL
  // Stores the row. Throws soci::sqlite3_soci_error with SQLite's message and result code (so a
  // constraint violation is reported as one) if SQLite refuses it.
  void EndRow();

 private:
  void Check(int rc, const char* what);

  sqlite_api::sqlite3* db_;
  sqlite_api::sqlite3_stmt* statement_ = nullptr;
  int next_ = 1;  // the next parameter to bind
};

}  // namespace cairn::storage::internal
