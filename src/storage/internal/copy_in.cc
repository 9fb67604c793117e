#include "storage/internal/copy_in.h"

#include <libpq-fe.h>
#include <soci/postgresql/soci-postgresql.h>

#include <cstdio>
#include <memory>

namespace cairn::storage::internal {
namespace {

constexpr size_t kSendAt = 1 << 20;  // bytes buffered before they are handed to libpq

using ResultPtr = std::unique_ptr<PGresult, decltype(&PQclear)>;

[[noreturn]] void Fail(PGconn* conn, PGresult* result, const std::string& what) {
  // The primary message only: the detail and context lines quote the row's values.
  const char* primary = result ? PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
  const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  std::string message = what + ": " + (primary ? primary : PQerrorMessage(conn));
  throw soci::postgresql_soci_error(message, state ? state : "XX000");
}

}  // namespace

CopyIn::CopyIn(soci::session& sql, const std::string& target) {
  auto* backend = static_cast<soci::postgresql_session_backend*>(sql.get_backend());
  conn_ = backend->conn_;
  ResultPtr result(PQexec(conn_, ("COPY " + target + " FROM STDIN").c_str()), &PQclear);
  if (PQresultStatus(result.get()) != PGRES_COPY_IN) Fail(conn_, result.get(), "COPY " + target);
  buffer_.reserve(kSendAt + 4096);
}

CopyIn::~CopyIn() {
  if (finished_) return;
  // Abandoned (an exception on the way): end the COPY as failed so its rows are not kept, and
  // drain the results so the connection can take the ROLLBACK that follows.
  PQputCopyEnd(conn_, "abandoned by the writer");
  while (PGresult* r = PQgetResult(conn_)) PQclear(r);
}

void CopyIn::Separate() {
  if (row_started_) buffer_ += '\t';
  row_started_ = true;
}

CopyIn& CopyIn::operator<<(std::string_view v) {
  Separate();
  for (char c : v) {
    switch (c) {
      case '\\': buffer_ += "\\\\"; break;
      case '\t': buffer_ += "\\t"; break;
      case '\n': buffer_ += "\\n"; break;
      case '\r': buffer_ += "\\r"; break;
      default: buffer_ += c;
    }
  }
  return *this;
}

CopyIn& CopyIn::operator<<(int64_t v) {
  Separate();
  buffer_ += std::to_string(v);
  return *this;
}

CopyIn& CopyIn::operator<<(bool v) {
  Separate();
  buffer_ += v ? '1' : '0';
  return *this;
}

CopyIn& CopyIn::operator<<(double v) {
  Separate();
  char text[32];
  std::snprintf(text, sizeof text, "%.17g", v);  // enough digits to read back the same double
  buffer_ += text;
  return *this;
}

CopyIn& CopyIn::operator<<(const std::optional<int64_t>& v) {
  if (v) return *this << *v;
  Separate();
  buffer_ += "\\N";
  return *this;
}

void CopyIn::EndRow() {
  buffer_ += '\n';
  row_started_ = false;
  ++rows_;
  if (buffer_.size() >= kSendAt) Send();
}

void CopyIn::Send() {
  if (buffer_.empty()) return;
  if (PQputCopyData(conn_, buffer_.data(), int(buffer_.size())) != 1) Fail(conn_, nullptr, "COPY");
  buffer_.clear();
}

int64_t CopyIn::Finish() {
  Send();
  finished_ = true;
  if (PQputCopyEnd(conn_, nullptr) != 1) Fail(conn_, nullptr, "COPY");
  ResultPtr result(PQgetResult(conn_), &PQclear);
  while (PGresult* more = PQgetResult(conn_)) PQclear(more);
  if (PQresultStatus(result.get()) != PGRES_COMMAND_OK) Fail(conn_, result.get(), "COPY");
  return rows_;
}

}  // namespace cairn::storage::internal
