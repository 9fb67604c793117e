// Reading the audit trail, for auditors. Reading it is itself audited, with the filter used.
#pragma once

#include <vector>

#include "app/env.h"
#include "common/status.h"
#include "model/actor.h"
#include "model/audit_entry.h"
#include "storage/audit_log.h"

namespace cairn::audit {

inline constexpr int kMaxPageSize = 500;

struct Page {
  std::vector<model::AuditEntry> entries;  // newest first
  int64_t next_before = 0;                 // pass as before_seq for the next page; 0 at the end
};

// InvalidField naming "from"/"to"/"limit" for a bad timestamp or page size.
Result<Page> ReadLog(const app::Env& env, const model::Actor& actor, storage::AuditFilter filter);

}  // namespace cairn::audit
