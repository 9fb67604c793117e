// The audit_log table, raw. Hashing and chain rules live in audit/; only audit/ calls these.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "model/audit_entry.h"
#include "storage/database.h"

namespace cairn::storage {

struct AuditFilter {
  std::optional<int64_t> user_id;
  std::optional<int64_t> organisation_id;
  std::optional<std::string> record_type;
  std::optional<std::string> record_id;
  std::optional<std::string> from;  // inclusive timestamp
  std::optional<std::string> to;    // exclusive timestamp
  int64_t before_seq = 0;           // > 0: only entries older than this (paging)
  int limit = 100;
};

// The newest entry, or nullopt for an empty log.
Result<std::optional<model::AuditEntry>> LastAuditEntry(Tx& tx);
Status InsertAuditEntry(Tx& tx, const model::AuditEntry& e);
// Newest first.
Result<std::vector<model::AuditEntry>> QueryAudit(Tx& tx, const AuditFilter& filter);
// Calls `visit` for every entry in seq order, streaming; stops early if it returns false.
Status ScanAudit(Tx& tx, const std::function<bool(const model::AuditEntry&)>& visit);

}  // namespace cairn::storage
