#include "storage/rapid_support.h"

#include <soci/soci.h>

namespace cairn::storage {

Result<std::vector<RapidSupportRow>> ListRapidSupport(Tx& tx) {
  RapidSupportRow r;
  soci::statement st = (tx.sql().prepare << "SELECT council_organisation_id, reason, plan, status, designated_by, "
                                             "designated_at, updated_at FROM rapid_support_areas ORDER BY designated_at",
                        soci::into(r.council_organisation_id), soci::into(r.reason), soci::into(r.plan),
                        soci::into(r.status), soci::into(r.designated_by), soci::into(r.designated_at),
                        soci::into(r.updated_at));
  st.execute(false);
  std::vector<RapidSupportRow> out;
  while (st.fetch()) out.push_back(r);
  return out;
}

Result<std::optional<RapidSupportRow>> GetRapidSupport(Tx& tx, int64_t council_organisation_id) {
  CAIRN_ASSIGN_OR_RETURN(auto all, ListRapidSupport(tx));
  for (auto& r : all)
    if (r.council_organisation_id == council_organisation_id) return std::optional<RapidSupportRow>(r);
  return std::optional<RapidSupportRow>();
}

Status PutRapidSupport(Tx& tx, const RapidSupportRow& r) {
  tx.sql() << "INSERT INTO rapid_support_areas (council_organisation_id, reason, plan, status, designated_by, "
              "designated_at, updated_at) VALUES (:c, :r, :p, :s, :by, :at, :u) ON CONFLICT (council_organisation_id) "
              "DO UPDATE SET reason = excluded.reason, plan = excluded.plan, status = excluded.status, "
              "updated_at = excluded.updated_at",
      soci::use(r.council_organisation_id), soci::use(r.reason), soci::use(r.plan), soci::use(r.status),
      soci::use(r.designated_by), soci::use(r.designated_at), soci::use(r.updated_at);
  return Status::Ok();
}

Status AddRapidSupportMember(Tx& tx, int64_t council_organisation_id, int64_t organisation_id, const std::string& at) {
  int64_t n = 0;
  tx.sql() << "SELECT COUNT(*) FROM rapid_support_members WHERE council_organisation_id = :c AND organisation_id = :o",
      soci::use(council_organisation_id), soci::use(organisation_id), soci::into(n);
  if (n > 0) return Status::Ok();
  tx.sql() << "INSERT INTO rapid_support_members (council_organisation_id, organisation_id, added_at) VALUES (:c, :o, :at)",
      soci::use(council_organisation_id), soci::use(organisation_id), soci::use(at);
  return Status::Ok();
}

Result<std::vector<std::pair<int64_t, std::string>>> RapidSupportMembers(Tx& tx, int64_t council_organisation_id) {
  int64_t id = 0;
  std::string name;
  soci::statement st = (tx.sql().prepare << "SELECT o.id, o.name FROM rapid_support_members m JOIN organisations o ON "
                                             "o.id = m.organisation_id WHERE m.council_organisation_id = :c ORDER BY o.name",
                        soci::use(council_organisation_id), soci::into(id), soci::into(name));
  st.execute(false);
  std::vector<std::pair<int64_t, std::string>> out;
  while (st.fetch()) out.emplace_back(id, name);
  return out;
}

Result<std::vector<std::pair<std::string, std::string>>> RecordsOfFlaggedOrganisations(Tx& tx, const std::string& format) {
  std::string entity, payload;
  soci::statement st =
      (tx.sql().prepare << "SELECT DISTINCT m.entity_id, r.payload FROM mentions m JOIN source_records r ON "
                           "r.id = m.source_record_id WHERE r.format = :f AND m.kind = 'organisation' AND m.entity_id IN "
                           "(SELECT entity_id FROM findings WHERE status <> 'dismissed' AND restricted = 0 AND "
                           "entity_kind = 'organisation')",
       soci::use(format), soci::into(entity), soci::into(payload));
  st.execute(false);
  std::vector<std::pair<std::string, std::string>> out;
  while (st.fetch()) out.emplace_back(entity, payload);
  return out;
}

Result<std::map<std::string, int64_t>> OpenDivertCasesByArea(Tx& tx) {
  std::string area;
  int64_t n = 0;
  soci::statement st = (tx.sql().prepare << "SELECT council_area, COUNT(*) FROM divert_cases WHERE status = 'open' "
                                             "GROUP BY council_area",
                        soci::into(area), soci::into(n));
  st.execute(false);
  std::map<std::string, int64_t> out;
  while (st.fetch()) out[area] += n;
  return out;
}

Result<std::map<std::string, int64_t>> OpenTasksByArea(Tx& tx) {
  std::string area;
  int64_t n = 0;
  soci::statement st = (tx.sql().prepare << "SELECT council_area, COUNT(*) FROM tasks WHERE status NOT IN ('done', "
                                             "'declined') GROUP BY council_area",
                        soci::into(area), soci::into(n));
  st.execute(false);
  std::map<std::string, int64_t> out;
  while (st.fetch()) out[area] += n;
  return out;
}

}  // namespace cairn::storage
