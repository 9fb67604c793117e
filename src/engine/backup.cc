#include "engine/backup.h"

#include "audit/chain.h"
#include "storage/operations.h"

namespace cairn::engine {

namespace {

// Records in the audit log that `action` on the store was done, with `detail`, or that it failed
// and why. Returns `done`, unless it succeeded and could not be audited: then that error,
// saying that `what` happened all the same.
template <typename T>
Result<T> Audited(const app::Env& env, const model::Actor& actor, const char* action, Result<T> done,
                  nlohmann::json detail, const std::string& what) {
  if (!done.ok()) detail["error"] = done.status().message();
  Status logged = env.db.Write([&](storage::Tx& tx) {
    return audit::Append(tx, env.clock, actor, {action, "store", "", done.ok(), detail});
  });
  if (!done.ok()) return done.status();
  if (!logged.ok()) return Status(logged.code(), what + " but could not be audited: " + logged.message());
  return done;
}

}  // namespace

Result<storage::BackupFile> TakeBackup(const app::Env& env, const std::string& url, const std::string& out,
                                       const model::Actor& actor) {
  Result<storage::BackupFile> made = storage::BackupStore(url, out);
  nlohmann::json detail = {{"file", out}};
  if (made.ok()) {
    detail["bytes"] = made->bytes;
    detail["kind"] = made->kind == storage::BackupKind::kSqlite ? "sqlite" : "pg_dump";
  }
  return Audited(env, actor, "backup", std::move(made), std::move(detail), "the backup was written");
}

Result<storage::Database::Compacted> CompactStore(const app::Env& env, const model::Actor& actor) {
  Result<storage::Database::Compacted> done = env.db.Compact();
  nlohmann::json detail = nlohmann::json::object();
  if (done.ok()) {
    detail["bytes_before"] = done->before;
    detail["bytes_after"] = done->after;
  }
  return Audited(env, actor, "compact", std::move(done), std::move(detail), "the store was compacted");
}

Result<RestoreReport> RestoreBackup(const std::string& url, const std::string& file, bool replace, const Clock& clock,
                                    const model::Actor& actor) {
  CAIRN_RETURN_IF_ERROR(storage::RestoreStore(url, file, replace));
  CAIRN_ASSIGN_OR_RETURN(auto db, storage::Database::Open(url));
  RestoreReport report;
  CAIRN_ASSIGN_OR_RETURN(report.schema_version, db->SchemaVersion());
  if (report.schema_version > storage::Database::LatestSchemaVersion()) {
    return FailedPrecondition(file + " was made by a newer Cairn (schema " + std::to_string(report.schema_version) +
                              "; this one knows up to " + std::to_string(storage::Database::LatestSchemaVersion()) +
                              "): restored, but serve it with that version");
  }
  CAIRN_ASSIGN_OR_RETURN(auto verified, audit::Verify(*db));
  if (!verified.ok()) {
    return DataLoss("restored from " + file + ", but its audit chain is broken at entry " +
                    std::to_string(*verified.first_broken_seq) + ": " + verified.reason);
  }
  report.audit_entries = verified.entries;
  CAIRN_RETURN_IF_ERROR(db->Read([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(report.counts, storage::CountTables(tx));
    return Status::Ok();
  }));
  CAIRN_RETURN_IF_ERROR(db->Write([&](storage::Tx& tx) {
    return audit::Append(tx, clock, actor,
                         {"restore", "store", "", true, {{"file", file}, {"entries_verified", verified.entries}}});
  }));
  return report;
}

}  // namespace cairn::engine
