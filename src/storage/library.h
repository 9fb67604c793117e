// Case studies and the resource library (migration 0021). All within a lent Tx.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "storage/database.h"

namespace cairn::storage {

struct CaseStudyRow {
  int64_t id = 0;
  std::string title, summary, sector, crime_types, council_area, indicators;
  int64_t strand_id = 0;
  std::string outcome;
  bool restricted = false;
  int64_t owner_organisation_id = 0, created_by = 0;
  std::string created_at, updated_at;
  std::vector<int64_t> access;                             // organisations named for a restricted one
  std::vector<std::pair<std::string, int64_t>> links;      // (task|meeting, id)
};
Result<int64_t> InsertCaseStudy(Tx& tx, const CaseStudyRow& c);
// Overwrites the fields and the named organisations.
Status UpdateCaseStudy(Tx& tx, const CaseStudyRow& c);
Result<std::vector<CaseStudyRow>> ListCaseStudies(Tx& tx);
Status LinkCaseStudy(Tx& tx, int64_t id, const std::string& kind, int64_t target);

struct ResourceRow {
  int64_t id = 0;
  std::string title, description, audiences, topics, course_code;
  int64_t owner_organisation_id = 0, created_by = 0;
  std::string created_at;
  int64_t version = 0, downloads = 0;
};
struct ResourceVersionRow {
  int64_t resource_id = 0, version = 0;
  std::string filename, content_type;
  int64_t size_bytes = 0;
  std::string sha256, content_base64;  // content only when asked for
  int64_t uploaded_by = 0;
  std::string uploaded_at;
};
Result<int64_t> InsertResource(Tx& tx, const ResourceRow& r);
Result<std::vector<ResourceRow>> ListResources(Tx& tx);
Result<std::optional<ResourceRow>> GetResource(Tx& tx, int64_t id);
// Adds version r.version and makes it current.
Status AddResourceVersion(Tx& tx, const ResourceVersionRow& v);
// Without content unless `with_content`; newest first.
Result<std::vector<ResourceVersionRow>> ResourceVersions(Tx& tx, int64_t id, bool with_content);
Status CountDownload(Tx& tx, int64_t id);

}  // namespace cairn::storage
