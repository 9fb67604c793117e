#include "storage/retention.h"

#include <soci/soci.h>

namespace cairn::storage {
namespace {

// Each rule's condition, with exactly one :c (the cutoff), over its table's own columns.
const char* Condition(RetentionRule rule) {
  switch (rule) {
    case RetentionRule::kSessions: return "expires_at < :c";
    case RetentionRule::kNotifications: return "read_at <> '' AND read_at < :c";
    case RetentionRule::kEmails: return "sent_at <> '' AND sent_at < :c";
    case RetentionRule::kClosedTasks:
      return "status IN ('done', 'declined') AND updated_at < :c AND title NOT LIKE '[removed]%'";
    case RetentionRule::kClosedDivert: return "status = 'closed' AND updated_at < :c AND label <> '[removed]'";
    case RetentionRule::kAuditLog: return "at < :c";
  }
  return "1 = 0";
}

const char* Table(RetentionRule rule) {
  switch (rule) {
    case RetentionRule::kSessions: return "sessions";
    case RetentionRule::kNotifications: return "notifications";
    case RetentionRule::kEmails: return "email_outbox";
    case RetentionRule::kClosedTasks: return "tasks";
    case RetentionRule::kClosedDivert: return "divert_cases";
    case RetentionRule::kAuditLog: return "audit_log";
  }
  return "";
}

int64_t Run(Tx& tx, const std::string& sql, const std::string& cutoff) {
  soci::statement st = (tx.sql().prepare << sql, soci::use(cutoff));
  st.execute(true);
  return st.get_affected_rows();
}

Result<int64_t> PruneAudit(Tx& tx, const std::string& cutoff, const std::string& now) {
  // Entries are appended in time order, so everything before the cutoff is a prefix of the chain.
  int64_t last = 0;
  soci::indicator ind = soci::i_null;
  tx.sql() << "SELECT MAX(seq) FROM audit_log WHERE at < :c", soci::use(cutoff), soci::into(last, ind);
  if (ind == soci::i_null) return 0;
  std::string hash;
  tx.sql() << "SELECT hash FROM audit_log WHERE seq = :s", soci::use(last), soci::into(hash);
  tx.sql() << "DELETE FROM audit_anchor";
  tx.sql() << "INSERT INTO audit_anchor (id, seq, hash, pruned_at) VALUES (1, :s, :h, :t)", soci::use(last),
      soci::use(hash), soci::use(now);
  soci::statement st = (tx.sql().prepare << "DELETE FROM audit_log WHERE seq <= :s", soci::use(last));
  st.execute(true);
  return st.get_affected_rows();
}

}  // namespace

Result<int64_t> CountDue(Tx& tx, RetentionRule rule, const std::string& cutoff) {
  int64_t n = 0;
  tx.sql() << std::string("SELECT COUNT(*) FROM ") + Table(rule) + " WHERE " + Condition(rule), soci::use(cutoff),
      soci::into(n);
  return n;
}

Result<int64_t> ApplyRule(Tx& tx, RetentionRule rule, const std::string& cutoff, const std::string& now) {
  std::string where = Condition(rule);
  switch (rule) {
    case RetentionRule::kSessions:
    case RetentionRule::kNotifications:
    case RetentionRule::kEmails:
      return Run(tx, std::string("DELETE FROM ") + Table(rule) + " WHERE " + where, cutoff);
    case RetentionRule::kClosedTasks: {
      std::string ids = "SELECT id FROM tasks WHERE " + where;
      Run(tx, "UPDATE task_events SET reason = '' WHERE task_id IN (" + ids + ")", cutoff);
      Run(tx, "DELETE FROM notifications WHERE task_id IN (" + ids + ")", cutoff);
      return Run(tx, "UPDATE tasks SET title = '[removed] task ' || CAST(id AS TEXT), description = '', "
                     "status_reason = '' WHERE " + where, cutoff);
    }
    case RetentionRule::kClosedDivert: {
      Run(tx, "DELETE FROM divert_notes WHERE case_id IN (SELECT id FROM divert_cases WHERE " + where + ")", cutoff);
      return Run(tx, "UPDATE divert_cases SET label = '[removed]', consent_note = '', closed_reason = '' WHERE " + where,
                 cutoff);
    }
    case RetentionRule::kAuditLog: return PruneAudit(tx, cutoff, now);
  }
  return 0;
}

Result<std::optional<AuditAnchor>> ReadAuditAnchor(Tx& tx) {
  AuditAnchor a;
  soci::indicator ind = soci::i_null;
  tx.sql() << "SELECT seq, hash FROM audit_anchor WHERE id = 1", soci::into(a.seq, ind), soci::into(a.hash);
  if (!tx.sql().got_data() || ind == soci::i_null) return std::optional<AuditAnchor>();
  return std::optional<AuditAnchor>(a);
}

}  // namespace cairn::storage
