#include "storage/strands.h"

#include "storage/internal/soci_types.h"

namespace cairn::storage {

Result<std::vector<model::Strand>> ListStrands(Tx& tx) {
  model::Strand s;
  soci::statement st =
      (tx.sql().prepare << "SELECT id, code, name, aim, lead_organisation_id, lead_person, "
                           "position FROM strands ORDER BY position",
       soci::into(s.id), soci::into(s.code), soci::into(s.name), soci::into(s.aim),
       soci::into(s.lead_organisation_id), soci::into(s.lead_person), soci::into(s.position));
  st.execute(false);
  std::vector<model::Strand> out;
  while (st.fetch()) out.push_back(s);
  return out;
}

Result<int64_t> UpsertStrand(Tx& tx, const model::Strand& s) {
  long long id = 0;
  tx.sql() << "INSERT INTO strands (code, name, aim, lead_organisation_id, lead_person, position) "
              "VALUES (:code, :name, :aim, :lead, :person, :pos) ON CONFLICT (code) DO UPDATE SET "
              "name = excluded.name, aim = excluded.aim, lead_organisation_id = "
              "excluded.lead_organisation_id, lead_person = excluded.lead_person, position = "
              "excluded.position RETURNING id",
      soci::use(s.code), soci::use(s.name), soci::use(s.aim), soci::use(s.lead_organisation_id),
      soci::use(s.lead_person), soci::use(s.position), soci::into(id);
  return int64_t{id};
}

}  // namespace cairn::storage
