// Retention rules as statements over the store (engine/retention.h decides when and audits).
// Each rule counts what is due before a cutoff timestamp and, when applied, deletes or
// anonymises exactly that, within the caller's transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "storage/database.h"

namespace cairn::storage {

enum class RetentionRule {
  kSessions,       // expired sessions: deleted
  kNotifications,  // read notifications: deleted
  kEmails,         // sent emails: deleted
  kClosedTasks,    // done or declined tasks: title, description and reasons anonymised
  kClosedDivert,   // closed Divert cases: label, consent note and closing reason cleared, notes deleted
  kAuditLog,       // audit entries: deleted, with the chain anchored at the last one removed
};

// What is due under `rule`: records whose time stamp is before `cutoff` (RFC 3339).
Result<int64_t> CountDue(Tx& tx, RetentionRule rule, const std::string& cutoff);
// Deletes or anonymises what CountDue counts. Returns how many records it affected.
Result<int64_t> ApplyRule(Tx& tx, RetentionRule rule, const std::string& cutoff, const std::string& now);

struct AuditAnchor {
  int64_t seq = 0;
  std::string hash;
};
// Where the audit chain starts, if old entries have been removed.
Result<std::optional<AuditAnchor>> ReadAuditAnchor(Tx& tx);

}  // namespace cairn::storage
