// Backing up a live store and restoring one, with the audit trail told about both and a restore
// checked before it is reported done (storage/backup.h does the copying).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "app/env.h"
#include "common/status.h"
#include "model/actor.h"
#include "storage/backup.h"

namespace cairn::engine {

// Copies the store `env` has open (at `url`) to `out` and records in its audit log who took a
// backup, where to and how large — or that it failed. A backup is a read of everything,
// restricted records included, so it is always audited.
Result<storage::BackupFile> TakeBackup(const app::Env& env, const std::string& url, const std::string& out,
                                       const model::Actor& actor);

// Gives the space of deleted rows back to the disk (storage::Database::Compact) and records
// in the audit log who did it and the sizes before and after, or that it failed.
Result<storage::Database::Compacted> CompactStore(const app::Env& env, const model::Actor& actor);

struct RestoreReport {
  int schema_version = 0;
  int64_t audit_entries = 0;  // all verified, before the restore's own entry
  std::vector<std::pair<std::string, int64_t>> counts;
};

// Restores `file` into the store at `url` (empty unless `replace`), then checks it: the schema is
// one this binary knows, and the audit chain verifies from the first entry to the last. Records
// the restore in the restored store's audit log. DataLoss if the restored chain is broken.
Result<RestoreReport> RestoreBackup(const std::string& url, const std::string& file, bool replace, const Clock& clock,
                                    const model::Actor& actor);

}  // namespace cairn::engine
