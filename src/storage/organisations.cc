#include "storage/organisations.h"

#include "storage/internal/soci_types.h"

namespace cairn::storage {
namespace {

constexpr const char* kColumns =
    "id, slug, name, type, region, taskforce_member, taskforce_role, org_identifier, created_at, updated_at";

// Binds the columns of kColumns, in order, into `o`.
void IntoOrganisation(soci::statement& st, model::Organisation& o) {
  st.exchange(soci::into(o.id));
  st.exchange(soci::into(o.slug));
  st.exchange(soci::into(o.name));
  st.exchange(soci::into(o.type));
  st.exchange(soci::into(o.region));
  st.exchange(soci::into(o.taskforce_member));
  st.exchange(soci::into(o.taskforce_role));
  st.exchange(soci::into(o.org_identifier));
  st.exchange(soci::into(o.created_at));
  st.exchange(soci::into(o.updated_at));
}

Result<std::vector<model::Organisation>> Select(Tx& tx, const std::string& where,
                                                 const std::string& param) {
  model::Organisation o;
  soci::statement st(tx.sql());
  std::string sql = std::string("SELECT ") + kColumns + " FROM organisations " + where +
                    " ORDER BY taskforce_member DESC, name";
  IntoOrganisation(st, o);
  if (!param.empty()) st.exchange(soci::use(param));
  internal::Execute(st, sql);
  std::vector<model::Organisation> out;
  while (st.fetch()) out.push_back(o);
  return out;
}

}  // namespace

Result<std::vector<model::Organisation>> ListOrganisations(Tx& tx) { return Select(tx, "", ""); }

Result<model::Organisation> GetOrganisation(Tx& tx, int64_t id) {
  CAIRN_ASSIGN_OR_RETURN(auto rows, Select(tx, "WHERE id = :id", std::to_string(id)));
  if (rows.empty()) return NotFound("no organisation with id " + std::to_string(id));
  return rows.front();
}

Result<std::optional<model::Organisation>> FindOrganisationBySlug(Tx& tx, const std::string& slug) {
  CAIRN_ASSIGN_OR_RETURN(auto rows, Select(tx, "WHERE slug = :slug", slug));
  if (rows.empty()) return std::optional<model::Organisation>();
  return std::optional<model::Organisation>(rows.front());
}

Result<int64_t> InsertOrganisation(Tx& tx, const model::Organisation& o) {
  long long id = 0;
  tx.sql() << "INSERT INTO organisations (slug, name, type, region, taskforce_member, "
              "taskforce_role, org_identifier, created_at, updated_at) VALUES (:slug, :name, :type, :region, "
              ":member, :role, :orgid, :created, :updated) RETURNING id",
      soci::use(o.slug), soci::use(o.name), soci::use(o.type), soci::use(o.region),
      soci::use(o.taskforce_member), soci::use(o.taskforce_role), soci::use(o.org_identifier), soci::use(o.created_at),
      soci::use(o.updated_at), soci::into(id);
  return int64_t{id};
}

Status UpdateOrganisation(Tx& tx, const model::Organisation& o) {
  long long id = o.id;
  soci::statement st = (tx.sql().prepare
                            << "UPDATE organisations SET name = :name, type = :type, region = "
                               ":region, taskforce_member = :member, taskforce_role = :role, "
                               "org_identifier = :orgid, updated_at = :updated WHERE id = :id",
                        soci::use(o.name), soci::use(o.type), soci::use(o.region),
                        soci::use(o.taskforce_member), soci::use(o.taskforce_role), soci::use(o.org_identifier),
                        soci::use(o.updated_at), soci::use(id));
  st.execute(true);
  if (st.get_affected_rows() == 0) return NotFound("no organisation with id " + std::to_string(o.id));
  return Status::Ok();
}

}  // namespace cairn::storage
