#include "audit/chain.h"

#include "common/crypto.h"
#include "common/time.h"
#include "storage/audit_log.h"
#include "storage/retention.h"

namespace cairn::audit {
namespace {

constexpr int kAuditLockKey = 2;

nlohmann::json OptionalId(const std::optional<int64_t>& id) {
  return id ? nlohmann::json(*id) : nlohmann::json(nullptr);
}

}  // namespace

std::string ComputeHash(const model::AuditEntry& e) {
  // A JSON array has one serialisation for given values, so it is a canonical form.
  nlohmann::json fields = {e.seq,        e.at,        OptionalId(e.actor_user_id),
                           OptionalId(e.actor_organisation_id), e.actor, e.action,
                           e.record_type, e.record_id, e.outcome, e.detail, e.source};
  return Sha256Hex(fields.dump() + e.prev_hash);
}

Status Append(storage::Tx& tx, const Clock& clock, const model::Actor& actor, const Event& event) {
  tx.LockForAppend(kAuditLockKey);
  CAIRN_ASSIGN_OR_RETURN(auto last, storage::LastAuditEntry(tx));
  model::AuditEntry e;
  e.seq = last ? last->seq + 1 : 1;
  e.prev_hash = last ? last->hash : kGenesisHash;
  if (!last) {
    // Retention may have removed every entry: the chain goes on from its anchor.
    CAIRN_ASSIGN_OR_RETURN(auto anchor, storage::ReadAuditAnchor(tx));
    if (anchor) {
      e.seq = anchor->seq + 1;
      e.prev_hash = anchor->hash;
    }
  }
  e.at = FormatTimestamp(clock.Now());
  e.actor_user_id = actor.user_id;
  e.actor_organisation_id = actor.organisation_id;
  e.actor = actor.name;
  e.action = event.action;
  e.record_type = event.record_type;
  e.record_id = event.record_id;
  e.outcome = event.success ? "success" : "failure";
  e.detail = event.detail.dump();
  e.source = actor.source;
  e.hash = ComputeHash(e);
  return storage::InsertAuditEntry(tx, e);
}

Result<VerifyReport> Verify(storage::Database& db) {
  VerifyReport report;
  std::string expected_prev = kGenesisHash;
  int64_t expected_seq = 1;
  Status s = db.Read([&](storage::Tx& tx) -> Status {
    // After retention removed the oldest entries, the chain continues from the last one removed.
    CAIRN_ASSIGN_OR_RETURN(auto anchor, storage::ReadAuditAnchor(tx));
    if (anchor) {
      expected_prev = anchor->hash;
      expected_seq = anchor->seq + 1;
      report.anchored_after = anchor->seq;
    }
    return storage::ScanAudit(tx, [&](const model::AuditEntry& e) {
      ++report.entries;
      std::string why;
      if (e.seq != expected_seq) {
        why = "expected entry " + std::to_string(expected_seq) + " here: an entry is missing";
      } else if (e.prev_hash != expected_prev) {
        why = "its link to the previous entry does not match";
      } else if (ComputeHash(e) != e.hash) {
        why = "its contents do not match its hash: the entry was changed";
      }
      if (!why.empty()) {
        report.first_broken_seq = e.seq;
        report.reason = why;
        return false;
      }
      expected_prev = e.hash;
      ++expected_seq;
      return true;
    });
  });
  if (!s.ok()) return s;
  return report;
}

}  // namespace cairn::audit
