#include "storage/findings.h"

#include <map>

#include "storage/internal/soci_types.h"

namespace cairn::storage {
namespace {

constexpr const char* kColumns =
    "id, finding_key, indicator, entity_id, entity_kind, entity_name, postcode_area, sic_codes, score, summary, "
    "evidence, evidence_hash, restricted, owner_organisation_id, status, decision_reason, decided_by, decided_at, "
    "decided_evidence_hash, first_detected_at, detected_at";

void Bind(soci::statement& st, FindingRow& f) {
  st.exchange(soci::into(f.id));
  st.exchange(soci::into(f.finding_key));
  st.exchange(soci::into(f.indicator));
  st.exchange(soci::into(f.entity_id));
  st.exchange(soci::into(f.entity_kind));
  st.exchange(soci::into(f.entity_name));
  st.exchange(soci::into(f.postcode_area));
  st.exchange(soci::into(f.sic_codes));
  st.exchange(soci::into(f.score));
  st.exchange(soci::into(f.summary));
  st.exchange(soci::into(f.evidence));
  st.exchange(soci::into(f.evidence_hash));
  st.exchange(soci::into(f.restricted));
  st.exchange(soci::into(f.owner_organisation_id));
  st.exchange(soci::into(f.status));
  st.exchange(soci::into(f.decision_reason));
  st.exchange(soci::into(f.decided_by));
  st.exchange(soci::into(f.decided_at));
  st.exchange(soci::into(f.decided_evidence_hash));
  st.exchange(soci::into(f.first_detected_at));
  st.exchange(soci::into(f.detected_at));
}

bool SameContent(const FindingRow& a, const FindingRow& b) {
  return a.score == b.score && a.summary == b.summary && a.evidence_hash == b.evidence_hash &&
         a.evidence == b.evidence && a.entity_name == b.entity_name && a.postcode_area == b.postcode_area &&
         a.sic_codes == b.sic_codes && a.entity_kind == b.entity_kind;
}

// The WHERE clause for a query and reach; binds its values to `st`. `owner` must outlive st.
std::string Where(soci::statement& st, const FindingQuery& q, const Reach& reach, const int64_t& owner) {
  std::string where = "1 = 1";
  if (!reach.all_restricted) {
    where += reach.restricted_owner ? " AND (restricted = 0 OR owner_organisation_id = :owner)" : " AND restricted = 0";
    if (reach.restricted_owner) st.exchange(soci::use(owner));
  }
  if (!q.indicator.empty()) where += " AND indicator = :indicator", st.exchange(soci::use(q.indicator));
  if (!q.entity_id.empty()) where += " AND entity_id = :entity", st.exchange(soci::use(q.entity_id));
  if (!q.status.empty()) where += " AND status = :status", st.exchange(soci::use(q.status));
  if (!q.postcode_area.empty()) where += " AND postcode_area = :area", st.exchange(soci::use(q.postcode_area));
  if (!q.sic_code.empty()) where += " AND ' ' || sic_codes || ' ' LIKE :sic", st.exchange(soci::use(q.sic_code));
  if (q.min_score > 0) where += " AND score >= :min", st.exchange(soci::use(q.min_score));
  return where;
}

}  // namespace

Status ReplaceFindings(Tx& tx, const std::vector<FindingRow>& rows, const std::vector<FindingRow>& stored,
                       const std::string& now, FindingWriteStats* stats) {
  FindingWriteStats local;
  FindingWriteStats& s = stats ? *stats : local;
  std::map<std::string, const FindingRow*> by_key;
  for (const auto& f : stored) by_key[f.finding_key] = &f;
  for (const FindingRow& f : rows) {
    auto it = by_key.find(f.finding_key);
    if (it == by_key.end()) {
      tx.sql() << "INSERT INTO findings (finding_key, indicator, entity_id, entity_kind, entity_name, postcode_area, "
                  "sic_codes, score, summary, evidence, evidence_hash, restricted, owner_organisation_id, status, "
                  "decision_reason, decided_at, decided_evidence_hash, first_detected_at, detected_at) VALUES (:k, :i, "
                  ":e, :ek, :en, :pa, :sic, :s, :sum, :ev, :eh, :r, :o, 'open', '', '', '', :now, :now2)",
          soci::use(f.finding_key), soci::use(f.indicator), soci::use(f.entity_id), soci::use(f.entity_kind),
          soci::use(f.entity_name), soci::use(f.postcode_area), soci::use(f.sic_codes), soci::use(f.score),
          soci::use(f.summary), soci::use(f.evidence), soci::use(f.evidence_hash), soci::use(f.restricted),
          soci::use(f.owner_organisation_id), soci::use(now), soci::use(now);
      ++s.inserted;
      continue;
    }
    const FindingRow& old = *it->second;
    by_key.erase(it);
    if (SameContent(old, f)) {
      ++s.unchanged;
      continue;
    }
    bool reopen = old.status == "dismissed" && old.decided_evidence_hash != f.evidence_hash;
    std::string status = reopen ? "open" : old.status;
    tx.sql() << "UPDATE findings SET entity_kind = :ek, entity_name = :en, postcode_area = :pa, sic_codes = :sic, "
                "score = :s, summary = :sum, evidence = :ev, evidence_hash = :eh, status = :st, detected_at = :now "
                "WHERE id = :id",
        soci::use(f.entity_kind), soci::use(f.entity_name), soci::use(f.postcode_area), soci::use(f.sic_codes),
        soci::use(f.score), soci::use(f.summary), soci::use(f.evidence), soci::use(f.evidence_hash), soci::use(status),
        soci::use(now), soci::use(old.id);
    ++(reopen ? s.reopened : s.updated);
  }
  for (const auto& [_, gone] : by_key) {
    tx.sql() << "DELETE FROM findings WHERE id = :id", soci::use(gone->id);
    ++s.deleted;
  }
  return Status::Ok();
}

Result<std::vector<FindingRow>> QueryFindings(Tx& tx, const FindingQuery& q, const Reach& reach) {
  FindingRow f;
  soci::statement st(tx.sql());
  Bind(st, f);
  int64_t owner = reach.restricted_owner.value_or(0);
  FindingQuery bound = q;
  if (!bound.sic_code.empty()) bound.sic_code = "% " + bound.sic_code + " %";
  std::string where = Where(st, bound, reach, owner);
  internal::Execute(st, std::string("SELECT ") + kColumns + " FROM findings WHERE " + where +
                            " ORDER BY score DESC, id LIMIT " + std::to_string(std::max(0, q.limit)) + " OFFSET " +
                            std::to_string(std::max(0, q.offset)));
  std::vector<FindingRow> out;
  while (st.fetch()) out.push_back(f);
  return out;
}

Result<int64_t> CountFindings(Tx& tx, const FindingQuery& q, const Reach& reach) {
  int64_t n = 0;
  soci::statement st(tx.sql());
  st.exchange(soci::into(n));
  int64_t owner = reach.restricted_owner.value_or(0);
  FindingQuery bound = q;
  if (!bound.sic_code.empty()) bound.sic_code = "% " + bound.sic_code + " %";
  std::string where = Where(st, bound, reach, owner);
  internal::Execute(st, "SELECT COUNT(*) FROM findings WHERE " + where);
  st.fetch();
  return n;
}

Result<std::vector<std::pair<std::string, std::string>>> FlaggedOrganisations(Tx& tx, const Reach& reach,
                                                                              const std::string& except_indicator) {
  std::string entity, sics;
  soci::statement st(tx.sql());
  st.exchange(soci::into(entity));
  st.exchange(soci::into(sics));
  int64_t owner = reach.restricted_owner.value_or(0);
  FindingQuery q;
  std::string where = Where(st, q, reach, owner);
  st.exchange(soci::use(except_indicator));
  internal::Execute(st, "SELECT DISTINCT entity_id, sic_codes FROM findings WHERE " + where +
                            " AND entity_kind = 'organisation' AND status <> 'dismissed' AND indicator <> :except "
                            "ORDER BY entity_id");
  std::vector<std::pair<std::string, std::string>> out;
  while (st.fetch()) out.emplace_back(entity, sics);
  return out;
}

Result<std::optional<FindingRow>> GetFinding(Tx& tx, int64_t id) {
  FindingRow f;
  soci::statement st(tx.sql());
  Bind(st, f);
  st.exchange(soci::use(id));
  internal::Execute(st, std::string("SELECT ") + kColumns + " FROM findings WHERE id = :id");
  if (!st.fetch()) return std::optional<FindingRow>();
  return std::optional<FindingRow>(f);
}

Result<std::vector<FindingRow>> AllFindings(Tx& tx) {
  FindingRow f;
  soci::statement st(tx.sql());
  Bind(st, f);
  internal::Execute(st, std::string("SELECT ") + kColumns + " FROM findings ORDER BY id");
  std::vector<FindingRow> out;
  while (st.fetch()) out.push_back(f);
  return out;
}

Status DecideFinding(Tx& tx, int64_t id, const std::string& status, const std::string& reason, int64_t user,
                     const std::string& at, const std::string& evidence_hash) {
  tx.sql() << "UPDATE findings SET status = :s, decision_reason = :r, decided_by = :u, decided_at = :at, "
              "decided_evidence_hash = :h WHERE id = :id",
      soci::use(status), soci::use(reason), soci::use(user), soci::use(at), soci::use(evidence_hash), soci::use(id);
  return Status::Ok();
}

Status ReplaceRisk(Tx& tx, const std::vector<RiskRow>& rows) {
  tx.sql() << "DELETE FROM entity_risk";
  if (rows.empty()) return Status::Ok();
  RiskRow r;
  soci::statement st =
      (tx.sql().prepare << "INSERT INTO entity_risk (entity_id, entity_kind, entity_name, restricted, "
                           "owner_organisation_id, own_score, neighbour_score, risk, findings) VALUES (:e, :k, :n, :r, "
                           ":o, :own, :nb, :risk, :f)",
       soci::use(r.entity_id), soci::use(r.entity_kind), soci::use(r.entity_name), soci::use(r.restricted),
       soci::use(r.owner_organisation_id), soci::use(r.own_score), soci::use(r.neighbour_score), soci::use(r.risk),
       soci::use(r.findings));
  for (const RiskRow& row : rows) {
    r = row;
    st.execute(true);
  }
  return Status::Ok();
}

namespace {

constexpr const char* kRiskColumns =
    "entity_id, entity_kind, entity_name, restricted, owner_organisation_id, own_score, neighbour_score, risk, findings";

void BindRisk(soci::statement& st, RiskRow& r) {
  st.exchange(soci::into(r.entity_id));
  st.exchange(soci::into(r.entity_kind));
  st.exchange(soci::into(r.entity_name));
  st.exchange(soci::into(r.restricted));
  st.exchange(soci::into(r.owner_organisation_id));
  st.exchange(soci::into(r.own_score));
  st.exchange(soci::into(r.neighbour_score));
  st.exchange(soci::into(r.risk));
  st.exchange(soci::into(r.findings));
}

std::string ReachClause(soci::statement& st, const Reach& reach, const int64_t& owner) {
  if (reach.all_restricted) return "1 = 1";
  if (!reach.restricted_owner) return "restricted = 0";
  st.exchange(soci::use(owner));
  return "(restricted = 0 OR owner_organisation_id = :owner)";
}

}  // namespace

Result<std::vector<RiskRow>> RiskOf(Tx& tx, const std::string& entity_id, const Reach& reach) {
  RiskRow r;
  soci::statement st(tx.sql());
  BindRisk(st, r);
  int64_t owner = reach.restricted_owner.value_or(0);
  std::string where = ReachClause(st, reach, owner);
  st.exchange(soci::use(entity_id));
  internal::Execute(st, std::string("SELECT ") + kRiskColumns + " FROM entity_risk WHERE " + where +
                            " AND entity_id = :e ORDER BY restricted, id");
  std::vector<RiskRow> out;
  while (st.fetch()) out.push_back(r);
  return out;
}

Result<std::vector<RiskRow>> TopRisk(Tx& tx, const std::string& kind, const Reach& reach, int limit) {
  RiskRow r;
  soci::statement st(tx.sql());
  BindRisk(st, r);
  int64_t owner = reach.restricted_owner.value_or(0);
  std::string where = ReachClause(st, reach, owner);
  if (!kind.empty()) where += " AND entity_kind = :kind", st.exchange(soci::use(kind));
  // Fetch generously, then keep each entity's most informative row (restricted beats public).
  internal::Execute(st, std::string("SELECT ") + kRiskColumns + " FROM entity_risk WHERE " + where +
                            " ORDER BY risk DESC, entity_id LIMIT " + std::to_string(std::max(0, limit) * 2));
  std::vector<RiskRow> rows;
  while (st.fetch()) rows.push_back(r);
  std::map<std::string, size_t> best;
  for (size_t i = 0; i < rows.size(); ++i) {
    auto [it, fresh] = best.try_emplace(rows[i].entity_id, i);
    if (!fresh && rows[i].restricted && !rows[it->second].restricted) it->second = i;
  }
  std::vector<RiskRow> out;
  for (size_t i = 0; i < rows.size() && int(out.size()) < limit; ++i) {
    if (best[rows[i].entity_id] == i) out.push_back(rows[i]);
  }
  return out;
}

}  // namespace cairn::storage
