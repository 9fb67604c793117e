// PostgreSQL URLs: recognising them, hiding their password in logs, and turning them into
// libpq conninfo strings (for SOCI, and for pg_dump and pg_restore in storage/backup.cc).
#pragma once

#include <string>

#include "common/status.h"

namespace cairn::storage::internal {

bool IsPostgresUrl(const std::string& url);
// The URL with any password replaced by ***.
std::string RedactPassword(const std::string& url);
// libpq's keyword='value' form of `url`. With `password` given, the password is left out of the
// result and written there instead (for a child process's environment rather than its argv).
Result<std::string> PostgresConninfo(const std::string& url, std::string* password = nullptr);

}  // namespace cairn::storage::internal
