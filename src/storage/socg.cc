#include "storage/socg.h"

#include "storage/internal/soci_types.h"

namespace cairn::storage {

Result<std::optional<SocgProfileRow>> GetSocgProfile(Tx& tx, const std::string& reference, int64_t owner) {
  SocgProfileRow p;
  tx.sql() << "SELECT socg_reference, owner_organisation_id, crime_types, notes, updated_by, updated_at FROM "
              "socg_profiles WHERE socg_reference = :r AND owner_organisation_id = :o",
      soci::use(reference), soci::use(owner), soci::into(p.socg_reference), soci::into(p.owner_organisation_id),
      soci::into(p.crime_types), soci::into(p.notes), soci::into(p.updated_by), soci::into(p.updated_at);
  if (!tx.sql().got_data()) return std::optional<SocgProfileRow>();
  return std::optional<SocgProfileRow>(p);
}

Status UpsertSocgProfile(Tx& tx, const SocgProfileRow& p) {
  tx.sql() << "INSERT INTO socg_profiles (socg_reference, owner_organisation_id, crime_types, notes, updated_by, "
              "updated_at) VALUES (:r, :o, :c, :n, :by, :at) ON CONFLICT (socg_reference, owner_organisation_id) DO "
              "UPDATE SET crime_types = excluded.crime_types, notes = excluded.notes, updated_by = excluded.updated_by, "
              "updated_at = excluded.updated_at",
      soci::use(p.socg_reference), soci::use(p.owner_organisation_id), soci::use(p.crime_types), soci::use(p.notes),
      soci::use(p.updated_by), soci::use(p.updated_at);
  return Status::Ok();
}

Result<int64_t> InsertSocgAssessment(Tx& tx, const SocgAssessmentRow& a) {
  int64_t id = 0;
  tx.sql() << "INSERT INTO socg_assessments (socg_reference, owner_organisation_id, attributes, harm, likelihood, "
              "confidence, score, band, rationale, assessed_by, assessed_at) VALUES (:r, :o, :a, :h, :l, :c, :s, :b, "
              ":why, :by, :at) RETURNING id",
      soci::use(a.socg_reference), soci::use(a.owner_organisation_id), soci::use(a.attributes), soci::use(a.harm),
      soci::use(a.likelihood), soci::use(a.confidence), soci::use(a.score), soci::use(a.band), soci::use(a.rationale),
      soci::use(a.assessed_by), soci::use(a.assessed_at), soci::into(id);
  return id;
}

Result<std::vector<SocgAssessmentRow>> AssessmentsOf(Tx& tx, const std::string& reference, int64_t owner) {
  SocgAssessmentRow a;
  soci::statement st =
      (tx.sql().prepare << "SELECT a.id, a.socg_reference, a.owner_organisation_id, a.attributes, a.harm, a.likelihood, "
                           "a.confidence, a.score, a.band, a.rationale, a.assessed_by, u.display_name, a.assessed_at FROM "
                           "socg_assessments a JOIN users u ON u.id = a.assessed_by WHERE a.socg_reference = :r AND "
                           "a.owner_organisation_id = :o ORDER BY a.id DESC",
       soci::use(reference), soci::use(owner), soci::into(a.id), soci::into(a.socg_reference),
       soci::into(a.owner_organisation_id), soci::into(a.attributes), soci::into(a.harm), soci::into(a.likelihood),
       soci::into(a.confidence), soci::into(a.score), soci::into(a.band), soci::into(a.rationale),
       soci::into(a.assessed_by), soci::into(a.assessor), soci::into(a.assessed_at));
  st.execute(false);
  std::vector<SocgAssessmentRow> out;
  while (st.fetch()) out.push_back(a);
  return out;
}

}  // namespace cairn::storage
