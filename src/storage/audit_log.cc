#include "storage/audit_log.h"

#include "storage/internal/soci_types.h"

namespace cairn::storage {
namespace {

constexpr const char* kSelect =
    "SELECT seq, at, actor_user_id, actor_organisation_id, actor, action, record_type, "
    "record_id, outcome, detail, source, prev_hash, hash FROM audit_log ";

void Bind(soci::statement& st, model::AuditEntry& e) {
  st.exchange(soci::into(e.seq));
  st.exchange(soci::into(e.at));
  st.exchange(soci::into(e.actor_user_id));
  st.exchange(soci::into(e.actor_organisation_id));
  st.exchange(soci::into(e.actor));
  st.exchange(soci::into(e.action));
  st.exchange(soci::into(e.record_type));
  st.exchange(soci::into(e.record_id));
  st.exchange(soci::into(e.outcome));
  st.exchange(soci::into(e.detail));
  st.exchange(soci::into(e.source));
  st.exchange(soci::into(e.prev_hash));
  st.exchange(soci::into(e.hash));
}

}  // namespace

Result<std::optional<model::AuditEntry>> LastAuditEntry(Tx& tx) {
  model::AuditEntry e;
  soci::statement st(tx.sql());
  Bind(st, e);
  internal::Execute(st, std::string(kSelect) + "ORDER BY seq DESC LIMIT 1");
  if (!st.fetch()) return std::optional<model::AuditEntry>();
  return std::optional<model::AuditEntry>(e);
}

Status InsertAuditEntry(Tx& tx, const model::AuditEntry& e) {
  tx.sql() << "INSERT INTO audit_log (seq, at, actor_user_id, actor_organisation_id, actor, "
              "action, record_type, record_id, outcome, detail, source, prev_hash, hash) VALUES "
              "(:seq, :at, :uid, :oid, :actor, :action, :rtype, :rid, :outcome, :detail, "
              ":source, :prev, :hash)",
      soci::use(e.seq), soci::use(e.at), soci::use(e.actor_user_id),
      soci::use(e.actor_organisation_id), soci::use(e.actor), soci::use(e.action),
      soci::use(e.record_type), soci::use(e.record_id), soci::use(e.outcome), soci::use(e.detail),
      soci::use(e.source), soci::use(e.prev_hash), soci::use(e.hash);
  return Status::Ok();
}

Result<std::vector<model::AuditEntry>> QueryAudit(Tx& tx, const AuditFilter& f) {
  model::AuditEntry e;
  soci::statement st(tx.sql());
  Bind(st, e);
  // Each condition is a fixed fragment with its own placeholder; values are always bound.
  std::string where = "WHERE 1 = 1";
  if (f.user_id) { where += " AND actor_user_id = :uid"; st.exchange(soci::use(*f.user_id)); }
  if (f.organisation_id) {
    where += " AND actor_organisation_id = :oid";
    st.exchange(soci::use(*f.organisation_id));
  }
  if (f.record_type) { where += " AND record_type = :rtype"; st.exchange(soci::use(*f.record_type)); }
  if (f.record_id) { where += " AND record_id = :rid"; st.exchange(soci::use(*f.record_id)); }
  if (f.from) { where += " AND at >= :from"; st.exchange(soci::use(*f.from)); }
  if (f.to) { where += " AND at < :to"; st.exchange(soci::use(*f.to)); }
  if (f.before_seq > 0) { where += " AND seq < :before"; st.exchange(soci::use(f.before_seq)); }
  internal::Execute(st, kSelect + where + " ORDER BY seq DESC LIMIT " + std::to_string(f.limit));
  std::vector<model::AuditEntry> out;
  while (st.fetch()) out.push_back(e);
  return out;
}

Status ScanAudit(Tx& tx, const std::function<bool(const model::AuditEntry&)>& visit) {
  model::AuditEntry e;
  soci::statement st(tx.sql());
  Bind(st, e);
  internal::Execute(st, std::string(kSelect) + "ORDER BY seq");
  while (st.fetch()) {
    if (!visit(e)) break;
  }
  return Status::Ok();
}

}  // namespace cairn::storage
