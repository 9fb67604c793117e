#include "storage/internal/sqlite_insert.h"

#include <soci/sqlite3/soci-sqlite3.h>  // declares SQLite's C API in namespace sqlite_api

namespace cairn::storage::internal {

using namespace sqlite_api;  // NOLINT: SQLite's C API, as SOCI's header wraps it

SqliteInsert::SqliteInsert(soci::session& sql, const std::string& target, int columns) {
  db_ = static_cast<soci::sqlite3_session_backend*>(sql.get_backend())->conn_;
  std::string query = "INSERT INTO " + target + " VALUES (";
  for (int c = 0; c < columns; ++c) query += c ? ", ?" : "?";
  query += ")";
  Check(sqlite3_prepare_v2(db_, query.c_str(), int(query.size()), &statement_, nullptr), "prepare");
}

SqliteInsert::~SqliteInsert() { sqlite3_finalize(statement_); }

void SqliteInsert::Check(int rc, const char* what) {
  if (rc == SQLITE_OK || rc == SQLITE_DONE) return;
  // SQLite's message names the constraint or the column, never a row's values.
  const int extended = sqlite3_extended_errcode(db_);
  throw soci::sqlite3_soci_error(std::string("bulk insert: ") + what + ": " + sqlite3_errmsg(db_), extended);
}

SqliteInsert& SqliteInsert::operator<<(std::string_view v) {
  // SQLITE_STATIC: the text is read in place, not copied; it stays valid until EndRow steps.
  Check(sqlite3_bind_text64(statement_, next_++, v.data(), v.size(), SQLITE_STATIC, SQLITE_UTF8), "bind");
  return *this;
}

SqliteInsert& SqliteInsert::operator<<(int64_t v) {
  Check(sqlite3_bind_int64(statement_, next_++, v), "bind");
  return *this;
}

SqliteInsert& SqliteInsert::operator<<(bool v) { return *this << int64_t(v ? 1 : 0); }

SqliteInsert& SqliteInsert::operator<<(double v) {
  Check(sqlite3_bind_double(statement_, next_++, v), "bind");
  return *this;
}

SqliteInsert& SqliteInsert::operator<<(const std::optional<int64_t>& v) {
  if (v) return *this << *v;
  Check(sqlite3_bind_null(statement_, next_++), "bind");
  return *this;
}

void SqliteInsert::EndRow() {
  const int rc = sqlite3_step(statement_);
  sqlite3_reset(statement_);
  next_ = 1;
  Check(rc, "step");
}

}  // namespace cairn::storage::internal
