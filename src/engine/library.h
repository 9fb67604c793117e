// The Taskforce's shared knowledge beside guidance (engine/guidance.h): case studies — what
// happened in a case, structured so it can be found (sector, crime types, area, the indicators
// that showed, the strand that acted, the outcome) and linked from tasks and meetings — and the
// resource library — files (PDF, slides, spreadsheets, images, text) with a title, audiences,
// topics and an owner, each upload a new version, with download counts; a training course's
// materials are resources that name it. Search runs over guidance, case studies and resources,
// showing each person only what they may see.
//
// A restricted case study is seen only by its organisation and the organisations it names; every
// read of one is audited. Uploads are checked by their bytes (libmagic), not their name: the type
// must be one the library takes and must match the file's extension, within the size limit
// ([resources] max_upload_bytes); with [resources] scan_command set, the file is passed to it
// (e.g. a ClamAV client) and refused unless it exits 0.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/env.h"
#include "common/status.h"
#include "model/actor.h"
#include "storage/library.h"

namespace cairn::engine {

struct CaseStudyInput {
  std::string title, summary, sector, council_area, strand, outcome;
  std::vector<std::string> crime_types, indicators;
  bool restricted = false;
  std::vector<int64_t> shared_with;  // organisations that may read a restricted one
};
struct CaseStudyView {
  storage::CaseStudyRow row;
  std::string owner, strand, html;  // html: the summary rendered safely
  std::vector<std::string> shared_with;
  bool can_edit = false;
};
struct CaseStudyFilter {
  std::string sector, crime_type, area, strand, indicator, q;
  std::optional<int64_t> task, meeting;  // linked from
};

// Any member of an organisation (not an auditor). InvalidField for no title, summary or outcome,
// an unknown strand, or a restricted one naming an unknown organisation.
Result<CaseStudyView> CreateCaseStudy(const app::Env& env, const model::Actor& actor, const CaseStudyInput& in);
// The owning organisation (or the secretariat, for one it may see) changes it.
Result<CaseStudyView> UpdateCaseStudy(const app::Env& env, const model::Actor& actor, int64_t id, const CaseStudyInput& in);
Result<std::vector<CaseStudyView>> ListCaseStudies(const app::Env& env, const model::Actor& actor, const CaseStudyFilter& f);
// NotFound if absent or not for the actor; audited when restricted.
Result<CaseStudyView> GetCaseStudy(const app::Env& env, const model::Actor& actor, int64_t id);
// Links a case study the actor may see from a task or meeting ("task" / "meeting").
Status LinkCaseStudy(const app::Env& env, const model::Actor& actor, int64_t id, const std::string& kind, int64_t target);

struct ResourceInput {
  std::string title, description, course_code;
  std::vector<std::string> audiences, topics;
};
struct ResourceView {
  storage::ResourceRow row;
  std::string owner;
  std::vector<storage::ResourceVersionRow> versions;  // newest first, without content
};
// Any member of an organisation (not an auditor). InvalidField for no title or an unknown course.
Result<ResourceView> CreateResource(const app::Env& env, const model::Actor& actor, const ResourceInput& in);
// A new version of the file. The owning organisation or the secretariat. InvalidField("file") for
// an empty or oversized file, a type the library does not take, an extension that does not match
// the content, or a file the scanner refuses.
Result<ResourceView> UploadResource(const app::Env& env, const model::Actor& actor, int64_t id,
                                    const std::string& filename, const std::string& bytes);
Result<std::vector<ResourceView>> ListResources(const app::Env& env, const std::string& course_code = "");
Result<ResourceView> GetResource(const app::Env& env, int64_t id);
struct Download {
  std::string filename, content_type, bytes;
};
// The current version (or `version`); counts the download.
Result<Download> DownloadResource(const app::Env& env, int64_t id, std::optional<int64_t> version);

// What the library takes: the content type libmagic reports and the extensions that may carry it.
// Exposed for tests and docs.
Result<std::string> CheckUpload(const app::Env& env, const std::string& filename, const std::string& bytes);

struct SearchHit {
  std::string kind;  // guidance, case_study, resource
  std::string id, title, summary;
};
// Every word in `q` must appear. Case studies only those the actor may see.
Result<std::vector<SearchHit>> SearchLibrary(const app::Env& env, const model::Actor& actor, const std::string& q);

}  // namespace cairn::engine
