#include "storage/library.h"

#include <soci/soci.h>

#include <map>

namespace cairn::storage {
namespace {

void WriteAccess(Tx& tx, const CaseStudyRow& c) {
  tx.sql() << "DELETE FROM case_study_access WHERE case_study_id = :id", soci::use(c.id);
  for (int64_t org : c.access)
    tx.sql() << "INSERT INTO case_study_access (case_study_id, organisation_id) VALUES (:c, :o)", soci::use(c.id),
        soci::use(org);
}

}  // namespace

Result<int64_t> InsertCaseStudy(Tx& tx, const CaseStudyRow& c) {
  long long id = 0;
  int64_t restricted = c.restricted ? 1 : 0;
  tx.sql() << "INSERT INTO case_studies (title, summary, sector, crime_types, council_area, indicators, strand_id, outcome, "
              "restricted, owner_organisation_id, created_by, created_at, updated_at) VALUES (:t, :s, :se, :c, :a, :i, :st, "
              ":o, :r, :org, :by, :ca, :ua) RETURNING id",
      soci::use(c.title), soci::use(c.summary), soci::use(c.sector), soci::use(c.crime_types), soci::use(c.council_area),
      soci::use(c.indicators), soci::use(c.strand_id), soci::use(c.outcome), soci::use(restricted),
      soci::use(c.owner_organisation_id), soci::use(c.created_by), soci::use(c.created_at), soci::use(c.updated_at),
      soci::into(id);
  CaseStudyRow with_id = c;
  with_id.id = id;
  WriteAccess(tx, with_id);
  return int64_t{id};
}

Status UpdateCaseStudy(Tx& tx, const CaseStudyRow& c) {
  int64_t restricted = c.restricted ? 1 : 0;
  tx.sql() << "UPDATE case_studies SET title = :t, summary = :s, sector = :se, crime_types = :c, council_area = :a, "
              "indicators = :i, strand_id = :st, outcome = :o, restricted = :r, updated_at = :ua WHERE id = :id",
      soci::use(c.title), soci::use(c.summary), soci::use(c.sector), soci::use(c.crime_types), soci::use(c.council_area),
      soci::use(c.indicators), soci::use(c.strand_id), soci::use(c.outcome), soci::use(restricted),
      soci::use(c.updated_at), soci::use(c.id);
  WriteAccess(tx, c);
  return Status::Ok();
}

Result<std::vector<CaseStudyRow>> ListCaseStudies(Tx& tx) {
  CaseStudyRow c;
  int64_t restricted = 0;
  soci::statement st = (tx.sql().prepare << "SELECT id, title, summary, sector, crime_types, council_area, indicators, "
                                            "strand_id, outcome, restricted, owner_organisation_id, created_by, "
                                            "created_at, updated_at FROM case_studies ORDER BY id DESC",
                        soci::into(c.id), soci::into(c.title), soci::into(c.summary), soci::into(c.sector),
                        soci::into(c.crime_types), soci::into(c.council_area), soci::into(c.indicators),
                        soci::into(c.strand_id), soci::into(c.outcome), soci::into(restricted),
                        soci::into(c.owner_organisation_id), soci::into(c.created_by), soci::into(c.created_at),
                        soci::into(c.updated_at));
  st.execute(false);
  std::vector<CaseStudyRow> out;
  while (st.fetch()) {
    c.restricted = restricted != 0;
    out.push_back(c);
  }
  std::map<int64_t, CaseStudyRow*> by_id;
  for (auto& x : out) by_id[x.id] = &x;
  int64_t id = 0, org = 0;
  soci::statement access = (tx.sql().prepare << "SELECT case_study_id, organisation_id FROM case_study_access",
                            soci::into(id), soci::into(org));
  access.execute(false);
  while (access.fetch())
    if (by_id.count(id)) by_id[id]->access.push_back(org);
  std::string kind;
  int64_t target = 0;
  soci::statement links = (tx.sql().prepare << "SELECT case_study_id, kind, target_id FROM case_study_links ORDER BY kind, target_id",
                           soci::into(id), soci::into(kind), soci::into(target));
  links.execute(false);
  while (links.fetch())
    if (by_id.count(id)) by_id[id]->links.push_back({kind, target});
  return out;
}

Status LinkCaseStudy(Tx& tx, int64_t id, const std::string& kind, int64_t target) {
  int64_t n = 0;
  tx.sql() << "SELECT COUNT(*) FROM case_study_links WHERE case_study_id = :c AND kind = :k AND target_id = :t", soci::use(id),
      soci::use(kind), soci::use(target), soci::into(n);
  if (n == 0)
    tx.sql() << "INSERT INTO case_study_links (case_study_id, kind, target_id) VALUES (:c, :k, :t)", soci::use(id),
        soci::use(kind), soci::use(target);
  return Status::Ok();
}

Result<int64_t> InsertResource(Tx& tx, const ResourceRow& r) {
  long long id = 0;
  tx.sql() << "INSERT INTO resources (title, description, audiences, topics, course_code, owner_organisation_id, created_by, "
              "created_at, version, downloads) VALUES (:t, :d, :a, :tp, :c, :o, :by, :at, 0, 0) RETURNING id",
      soci::use(r.title), soci::use(r.description), soci::use(r.audiences), soci::use(r.topics), soci::use(r.course_code),
      soci::use(r.owner_organisation_id), soci::use(r.created_by), soci::use(r.created_at), soci::into(id);
  return int64_t{id};
}

Result<std::vector<ResourceRow>> ListResources(Tx& tx) {
  ResourceRow r;
  soci::statement st = (tx.sql().prepare << "SELECT id, title, description, audiences, topics, course_code, "
                                            "owner_organisation_id, created_by, created_at, version, downloads FROM "
                                            "resources ORDER BY title",
                        soci::into(r.id), soci::into(r.title), soci::into(r.description), soci::into(r.audiences),
                        soci::into(r.topics), soci::into(r.course_code), soci::into(r.owner_organisation_id),
                        soci::into(r.created_by), soci::into(r.created_at), soci::into(r.version), soci::into(r.downloads));
  st.execute(false);
  std::vector<ResourceRow> out;
  while (st.fetch()) out.push_back(r);
  return out;
}

Result<std::optional<ResourceRow>> GetResource(Tx& tx, int64_t id) {
  CAIRN_ASSIGN_OR_RETURN(auto all, ListResources(tx));
  for (auto& r : all)
    if (r.id == id) return std::optional<ResourceRow>(r);
  return std::optional<ResourceRow>();
}

Status AddResourceVersion(Tx& tx, const ResourceVersionRow& v) {
  tx.sql() << "INSERT INTO resource_versions (resource_id, version, filename, content_type, size_bytes, sha256, "
              "content_base64, uploaded_by, uploaded_at) VALUES (:r, :v, :f, :c, :s, :h, :b, :by, :at)",
      soci::use(v.resource_id), soci::use(v.version), soci::use(v.filename), soci::use(v.content_type),
      soci::use(v.size_bytes), soci::use(v.sha256), soci::use(v.content_base64), soci::use(v.uploaded_by),
      soci::use(v.uploaded_at);
  tx.sql() << "UPDATE resources SET version = :v WHERE id = :id", soci::use(v.version), soci::use(v.resource_id);
  return Status::Ok();
}

Result<std::vector<ResourceVersionRow>> ResourceVersions(Tx& tx, int64_t id, bool with_content) {
  ResourceVersionRow v;
  std::string columns = with_content ? "content_base64" : "''";
  soci::statement st = (tx.sql().prepare << "SELECT resource_id, version, filename, content_type, size_bytes, sha256, " +
                                                columns + ", uploaded_by, uploaded_at FROM resource_versions WHERE "
                                                          "resource_id = :id ORDER BY version DESC",
                        soci::use(id), soci::into(v.resource_id), soci::into(v.version), soci::into(v.filename),
                        soci::into(v.content_type), soci::into(v.size_bytes), soci::into(v.sha256),
                        soci::into(v.content_base64), soci::into(v.uploaded_by), soci::into(v.uploaded_at));
  st.execute(false);
  std::vector<ResourceVersionRow> out;
  while (st.fetch()) out.push_back(v);
  return out;
}

Status CountDownload(Tx& tx, int64_t id) {
  tx.sql() << "UPDATE resources SET downloads = downloads + 1 WHERE id = :id", soci::use(id);
  return Status::Ok();
}

}  // namespace cairn::storage
