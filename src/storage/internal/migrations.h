// Versioned SQL migrations, embedded from src/storage/migrations/NNNN_name.sql.
//
// A migration file is plain SQL written once for both backends. Statements end with ';' at the
// end of a line. Two placeholders are rendered per backend:
//   {{id}}       an auto-assigned 64-bit primary key column type
//   {{bigint}}   a 64-bit integer type
// What only one backend has (SQLite's FTS5, PostgreSQL's extensions) goes in a pair of files of
// the same version, NNNN_name.sqlite.sql and NNNN_name.postgres.sql; each backend runs its own.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "storage/database.h"

namespace cairn::storage::internal {

struct Migration {
  int version = 0;
  std::string name;  // file name without directory
  std::string sql;   // as written, placeholders unrendered
  std::optional<Backend> only;  // set for a backend's own half of a pair
};

// All embedded migrations in version order.
const std::vector<Migration>& EmbeddedMigrations();

// `sql` with placeholders rendered for `backend`, split into statements.
std::vector<std::string> RenderStatements(const std::string& sql, Backend backend);

Status ReadSchemaVersion(Tx& tx, int* version);
// Applies `m` unless already recorded; sets *ran to whether it did.
Status ApplyIfNew(Tx& tx, const Migration& m, bool* ran);

}  // namespace cairn::storage::internal
