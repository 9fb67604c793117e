#include "engine/library.h"

#include <magic.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>

#include "audit/chain.h"
#include "common/crypto.h"
#include "common/text.h"
#include "common/time.h"
#include "engine/guidance.h"
#include "engine/meetings.h"
#include "engine/tasks.h"
#include "storage/organisations.h"
#include "storage/strands.h"
#include "storage/training.h"

namespace cairn::engine {
namespace {

using model::Role;

bool Blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }
bool Coordinator(const model::Actor& a) { return a.role == Role::kAdmin || a.role == Role::kSecretariat; }

bool AllWords(const std::string& text, const std::string& q) {
  std::stringstream in(AsciiLower(q));
  std::string w, t = AsciiLower(text);
  while (in >> w)
    if (t.find(w) == std::string::npos) return false;
  return true;
}

bool MaySee(const model::Actor& a, const storage::CaseStudyRow& c) {
  if (!c.restricted) return true;
  if (!a.organisation_id) return false;
  return *a.organisation_id == c.owner_organisation_id ||
         std::find(c.access.begin(), c.access.end(), *a.organisation_id) != c.access.end();
}

Status Member(const model::Actor& a) {
  if (!a.user_id || !a.organisation_id || a.role == Role::kAuditor)
    return PermissionDenied("a member of an organisation adds to the library");
  return Status::Ok();
}

Result<CaseStudyView> ViewOf(storage::Tx& tx, const model::Actor& actor, const storage::CaseStudyRow& c) {
  CaseStudyView v;
  v.row = c;
  auto owner = storage::GetOrganisation(tx, c.owner_organisation_id);
  if (owner.ok()) v.owner = owner->name;
  CAIRN_ASSIGN_OR_RETURN(auto strands, storage::ListStrands(tx));
  for (const auto& s : strands)
    if (s.id == c.strand_id) v.strand = s.code;
  for (int64_t org : c.access) {
    auto o = storage::GetOrganisation(tx, org);
    if (o.ok()) v.shared_with.push_back(o->name);
  }
  v.html = RenderMarkdown(c.summary);
  v.can_edit = actor.role != Role::kAuditor &&
               ((actor.organisation_id && *actor.organisation_id == c.owner_organisation_id) || Coordinator(actor));
  return v;
}

Status Fill(storage::Tx& tx, const CaseStudyInput& in, storage::CaseStudyRow& c) {
  if (Blank(in.title)) return InvalidField("title", "a case study needs a title");
  if (Blank(in.summary)) return InvalidField("summary", "say what happened");
  if (Blank(in.outcome)) return InvalidField("outcome", "say what the outcome was");
  c.title = in.title;
  c.summary = in.summary;
  c.sector = in.sector;
  c.council_area = in.council_area;
  c.outcome = in.outcome;
  c.crime_types = JoinList(in.crime_types);
  c.indicators = JoinList(in.indicators);
  c.restricted = in.restricted;
  c.strand_id = 0;
  if (!in.strand.empty()) {
    CAIRN_ASSIGN_OR_RETURN(auto strands, storage::ListStrands(tx));
    for (const auto& s : strands)
      if (s.code == in.strand) c.strand_id = s.id;
    if (!c.strand_id) return InvalidField("strand", "unknown strand '" + in.strand + "'");
  }
  c.access.clear();
  if (in.restricted) {
    for (int64_t org : in.shared_with) {
      if (!storage::GetOrganisation(tx, org).ok()) return InvalidField("shared_with", "no organisation with id " + std::to_string(org));
      c.access.push_back(org);
    }
  }
  return Status::Ok();
}

// The types the library takes: libmagic's MIME type → the extensions that may carry it.
const std::map<std::string, std::vector<std::string>>& Accepted() {
  static const std::map<std::string, std::vector<std::string>> kTypes = {
      {"application/pdf", {".pdf"}},
      {"application/vnd.openxmlformats-officedocument.presentationml.presentation", {".pptx"}},
      {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", {".xlsx"}},
      {"application/vnd.openxmlformats-officedocument.wordprocessingml.document", {".docx"}},
      {"application/vnd.oasis.opendocument.text", {".odt"}},
      {"application/vnd.oasis.opendocument.spreadsheet", {".ods"}},
      {"application/vnd.oasis.opendocument.presentation", {".odp"}},
      {"image/png", {".png"}},
      {"image/jpeg", {".jpg", ".jpeg"}},
      {"text/plain", {".txt", ".md", ".csv"}},
      {"text/csv", {".csv"}},
  };
  return kTypes;
}

// libmagic is not thread-safe per handle; one handle, used under a lock.
Result<std::string> MimeOf(const std::string& bytes) {
  static std::mutex mu;
  static magic_t cookie = nullptr;
  std::lock_guard<std::mutex> lock(mu);
  if (!cookie) {
    cookie = magic_open(MAGIC_MIME_TYPE);
    if (!cookie || magic_load(cookie, nullptr) != 0) {
      if (cookie) magic_close(cookie);
      cookie = nullptr;
      return Unavailable("cannot load the file-type database (libmagic)");
    }
  }
  const char* type = magic_buffer(cookie, bytes.data(), bytes.size());
  if (!type) return Unavailable("cannot tell the file's type");
  return std::string(type);
}

Result<ResourceView> ResourceViewOf(storage::Tx& tx, const storage::ResourceRow& r) {
  ResourceView v;
  v.row = r;
  auto owner = storage::GetOrganisation(tx, r.owner_organisation_id);
  if (owner.ok()) v.owner = owner->name;
  CAIRN_ASSIGN_OR_RETURN(v.versions, storage::ResourceVersions(tx, r.id, false));
  return v;
}

}  // namespace

Result<CaseStudyView> CreateCaseStudy(const app::Env& env, const model::Actor& actor, const CaseStudyInput& in) {
  CAIRN_RETURN_IF_ERROR(Member(actor));
  CaseStudyView out;
  CAIRN_RETURN_IF_ERROR(env.db.Write([&](storage::Tx& tx) -> Status {
    storage::CaseStudyRow c;
    CAIRN_RETURN_IF_ERROR(Fill(tx, in, c));
    c.owner_organisation_id = *actor.organisation_id;
    c.created_by = *actor.user_id;
    c.created_at = c.updated_at = FormatTimestamp(env.clock.Now());
    CAIRN_ASSIGN_OR_RETURN(c.id, storage::InsertCaseStudy(tx, c));
    CAIRN_RETURN_IF_ERROR(audit::Append(tx, env.clock, actor, {"create", "case_study", std::to_string(c.id), true,
                                                               {{"restricted", c.restricted}}}));
    CAIRN_ASSIGN_OR_RETURN(out, ViewOf(tx, actor, c));
    return Status::Ok();
  }));
  return out;
}

Result<CaseStudyView> UpdateCaseStudy(const app::Env& env, const model::Actor& actor, int64_t id, const CaseStudyInput& in) {
  CaseStudyView out;
  CAIRN_RETURN_IF_ERROR(env.db.Write([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(auto all, storage::ListCaseStudies(tx));
    auto it = std::find_if(all.begin(), all.end(), [&](const auto& c) { return c.id == id; });
    if (it == all.end() || !MaySee(actor, *it)) return NotFound("no case study with id " + std::to_string(id));
    CAIRN_ASSIGN_OR_RETURN(auto before, ViewOf(tx, actor, *it));
    if (!before.can_edit) return PermissionDenied("the organisation that wrote it changes a case study");
    storage::CaseStudyRow c = *it;
    CAIRN_RETURN_IF_ERROR(Fill(tx, in, c));
    c.updated_at = FormatTimestamp(env.clock.Now());
    CAIRN_RETURN_IF_ERROR(storage::UpdateCaseStudy(tx, c));
    CAIRN_RETURN_IF_ERROR(audit::Append(tx, env.clock, actor, {"update", "case_study", std::to_string(id), true,
                                                               {{"restricted", c.restricted}}}));
    CAIRN_ASSIGN_OR_RETURN(out, ViewOf(tx, actor, c));
    return Status::Ok();
  }));
  return out;
}

Result<std::vector<CaseStudyView>> ListCaseStudies(const app::Env& env, const model::Actor& actor, const CaseStudyFilter& f) {
  std::vector<CaseStudyView> out;
  bool restricted_read = false;
  CAIRN_RETURN_IF_ERROR(env.db.Read([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(auto all, storage::ListCaseStudies(tx));
    for (const auto& c : all) {
      if (!MaySee(actor, c)) continue;
      CAIRN_ASSIGN_OR_RETURN(auto v, ViewOf(tx, actor, c));
      auto has = [](const std::string& csv, const std::string& x) {
        auto list = SplitList(csv);
        return std::find(list.begin(), list.end(), x) != list.end();
      };
      if (!f.sector.empty() && c.sector != f.sector) continue;
      if (!f.crime_type.empty() && !has(c.crime_types, f.crime_type)) continue;
      if (!f.indicator.empty() && !has(c.indicators, f.indicator)) continue;
      if (!f.area.empty() && AsciiLower(c.council_area) != AsciiLower(f.area)) continue;
      if (!f.strand.empty() && v.strand != f.strand) continue;
      if (f.task && std::find(c.links.begin(), c.links.end(), std::pair<std::string, int64_t>{"task", *f.task}) == c.links.end())
        continue;
      if (f.meeting &&
          std::find(c.links.begin(), c.links.end(), std::pair<std::string, int64_t>{"meeting", *f.meeting}) == c.links.end())
        continue;
      if (!AllWords(c.title + " " + c.summary + " " + c.outcome + " " + c.sector + " " + c.council_area, f.q)) continue;
      restricted_read = restricted_read || c.restricted;
      out.push_back(std::move(v));
    }
    return Status::Ok();
  }));
  if (restricted_read) {
    CAIRN_RETURN_IF_ERROR(env.db.Write([&](storage::Tx& tx) {
      return audit::Append(tx, env.clock, actor, {"read", "case_study", "list", true, {{"restricted", true}}});
    }));
  }
  return out;
}

Result<CaseStudyView> GetCaseStudy(const app::Env& env, const model::Actor& actor, int64_t id) {
  std::optional<CaseStudyView> out;
  bool refused = false;
  CAIRN_RETURN_IF_ERROR(env.db.Read([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(auto all, storage::ListCaseStudies(tx));
    for (const auto& c : all) {
      if (c.id != id) continue;
      if (!MaySee(actor, c)) {
        refused = true;
        return Status::Ok();
      }
      CAIRN_ASSIGN_OR_RETURN(auto v, ViewOf(tx, actor, c));
      out = std::move(v);
    }
    return Status::Ok();
  }));
  if (refused) {
    CAIRN_RETURN_IF_ERROR(env.db.Write([&](storage::Tx& tx) {
      return audit::Append(tx, env.clock, actor, {"read", "case_study", std::to_string(id), false, {{"restricted", true}}});
    }));
  }
  if (!out) return NotFound("no case study with id " + std::to_string(id));
  if (out->row.restricted) {
    CAIRN_RETURN_IF_ERROR(env.db.Write([&](storage::Tx& tx) {
      return audit::Append(tx, env.clock, actor, {"read", "case_study", std::to_string(id), true, {{"restricted", true}}});
    }));
  }
  return *out;
}

Status LinkCaseStudy(const app::Env& env, const model::Actor& actor, int64_t id, const std::string& kind, int64_t target) {
  if (kind != "task" && kind != "meeting") return InvalidField("kind", "link from a task or a meeting");
  CAIRN_RETURN_IF_ERROR(Member(actor));
  CAIRN_RETURN_IF_ERROR(GetCaseStudy(env, actor, id).status());
  // The actor must be able to see what they link it from.
  if (kind == "task") {
    auto t = ReadTask(env, actor, target);
    if (!t.ok()) return InvalidField("id", "no task with id " + std::to_string(target));
  } else {
    auto m = ReadMeeting(env, actor, target);
    if (!m.ok()) return InvalidField("id", "no meeting with id " + std::to_string(target));
  }
  return env.db.Write([&](storage::Tx& tx) -> Status {
    CAIRN_RETURN_IF_ERROR(storage::LinkCaseStudy(tx, id, kind, target));
    return audit::Append(tx, env.clock, actor, {"link", "case_study", std::to_string(id), true, {{kind, target}}});
  });
}

Result<std::string> CheckUpload(const app::Env& env, const std::string& filename, const std::string& bytes) {
  if (bytes.empty()) return InvalidField("file", "the file is empty");
  if (bytes.size() > size_t(env.settings.resources_max_upload_bytes))
    return InvalidField("file", "the file is " + std::to_string(bytes.size() / 1024) + " KiB; the most the library takes is " +
                                    std::to_string(env.settings.resources_max_upload_bytes / 1024) + " KiB");
  auto dot = filename.rfind('.');
  std::string ext = dot == std::string::npos ? "" : AsciiLower(filename.substr(dot));
  if (filename.find_first_of("/\\") != std::string::npos || filename.empty() || filename.size() > 200)
    return InvalidField("filename", "give the file's name, without a folder");
  CAIRN_ASSIGN_OR_RETURN(std::string type, MimeOf(bytes));
  auto accepted = Accepted().find(type);
  if (accepted == Accepted().end())
    return InvalidField("file", "the library does not take this kind of file (" + type +
                                    "); it takes PDF, Office and OpenDocument files, PNG and JPEG images and text");
  if (std::find(accepted->second.begin(), accepted->second.end(), ext) == accepted->second.end())
    return InvalidField("file", "the file's name says " + (ext.empty() ? std::string("nothing") : ext) + " but its content is " +
                                    type + "; rename it or upload the file you meant");
  if (!env.settings.resources_scan_command.empty()) {
    // The scanner reads a temporary copy; exit status 0 means clean (clamdscan's convention).
    auto path = std::filesystem::temp_directory_path() / ("cairn-upload-" + RandomToken(12));
    {
      std::ofstream f(path, std::ios::binary);
      f << bytes;
    }
    int rc = std::system((env.settings.resources_scan_command + " '" + path.string() + "' >/dev/null 2>&1").c_str());
    std::filesystem::remove(path);
    if (rc != 0) return InvalidField("file", "the virus scanner refused the file");
  }
  return type;
}

Result<ResourceView> CreateResource(const app::Env& env, const model::Actor& actor, const ResourceInput& in) {
  CAIRN_RETURN_IF_ERROR(Member(actor));
  if (Blank(in.title)) return InvalidField("title", "a resource needs a title");
  ResourceView out;
  CAIRN_RETURN_IF_ERROR(env.db.Write([&](storage::Tx& tx) -> Status {
    if (!in.course_code.empty()) {
      CAIRN_ASSIGN_OR_RETURN(auto courses, storage::ListCourses(tx));
      if (std::none_of(courses.begin(), courses.end(), [&](const auto& c) { return c.code == in.course_code; }))
        return InvalidField("course", "unknown course '" + in.course_code + "'");
    }
    storage::ResourceRow r;
    r.title = in.title;
    r.description = in.description;
    r.audiences = JoinList(in.audiences);
    r.topics = JoinList(in.topics);
    r.course_code = in.course_code;
    r.owner_organisation_id = *actor.organisation_id;
    r.created_by = *actor.user_id;
    r.created_at = FormatTimestamp(env.clock.Now());
    CAIRN_ASSIGN_OR_RETURN(r.id, storage::InsertResource(tx, r));
    CAIRN_RETURN_IF_ERROR(audit::Append(tx, env.clock, actor, {"create", "resource", std::to_string(r.id), true, {}}));
    CAIRN_ASSIGN_OR_RETURN(out, ResourceViewOf(tx, r));
    return Status::Ok();
  }));
  return out;
}

Result<ResourceView> UploadResource(const app::Env& env, const model::Actor& actor, int64_t id, const std::string& filename,
                                    const std::string& bytes) {
  CAIRN_RETURN_IF_ERROR(Member(actor));
  CAIRN_ASSIGN_OR_RETURN(std::string type, CheckUpload(env, filename, bytes));
  ResourceView out;
  CAIRN_RETURN_IF_ERROR(env.db.Write([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(auto r, storage::GetResource(tx, id));
    if (!r) return NotFound("no resource with id " + std::to_string(id));
    if (*actor.organisation_id != r->owner_organisation_id && !Coordinator(actor))
      return PermissionDenied("the organisation that owns a resource uploads its new versions");
    storage::ResourceVersionRow v;
    v.resource_id = id;
    v.version = r->version + 1;
    v.filename = filename;
    v.content_type = type;
    v.size_bytes = int64_t(bytes.size());
    v.sha256 = Sha256Hex(bytes);
    v.content_base64 = Base64Encode(bytes);
    v.uploaded_by = *actor.user_id;
    v.uploaded_at = FormatTimestamp(env.clock.Now());
    CAIRN_RETURN_IF_ERROR(storage::AddResourceVersion(tx, v));
    CAIRN_RETURN_IF_ERROR(audit::Append(tx, env.clock, actor,
                                        {"upload", "resource", std::to_string(id), true,
                                         {{"version", v.version}, {"type", type}, {"bytes", v.size_bytes}, {"sha256", v.sha256}}}));
    CAIRN_ASSIGN_OR_RETURN(r, storage::GetResource(tx, id));
    CAIRN_ASSIGN_OR_RETURN(out, ResourceViewOf(tx, *r));
    return Status::Ok();
  }));
  return out;
}

Result<std::vector<ResourceView>> ListResources(const app::Env& env, const std::string& course_code) {
  std::vector<ResourceView> out;
  CAIRN_RETURN_IF_ERROR(env.db.Read([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(auto all, storage::ListResources(tx));
    for (const auto& r : all) {
      if (!course_code.empty() && r.course_code != course_code) continue;
      CAIRN_ASSIGN_OR_RETURN(auto v, ResourceViewOf(tx, r));
      out.push_back(std::move(v));
    }
    return Status::Ok();
  }));
  return out;
}

Result<ResourceView> GetResource(const app::Env& env, int64_t id) {
  std::optional<ResourceView> out;
  CAIRN_RETURN_IF_ERROR(env.db.Read([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(auto r, storage::GetResource(tx, id));
    if (r) {
      CAIRN_ASSIGN_OR_RETURN(auto v, ResourceViewOf(tx, *r));
      out = std::move(v);
    }
    return Status::Ok();
  }));
  if (!out) return NotFound("no resource with id " + std::to_string(id));
  return *out;
}

Result<Download> DownloadResource(const app::Env& env, int64_t id, std::optional<int64_t> version) {
  Download d;
  CAIRN_RETURN_IF_ERROR(env.db.Write([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(auto versions, storage::ResourceVersions(tx, id, true));
    auto it = versions.begin();
    if (version) it = std::find_if(versions.begin(), versions.end(), [&](const auto& v) { return v.version == *version; });
    if (it == versions.end()) return NotFound("no such file for resource " + std::to_string(id));
    d.filename = it->filename;
    d.content_type = it->content_type;
    d.bytes = Base64Decode(it->content_base64).value_or("");
    return storage::CountDownload(tx, id);
  }));
  return d;
}

Result<std::vector<SearchHit>> SearchLibrary(const app::Env& env, const model::Actor& actor, const std::string& q) {
  std::vector<SearchHit> out;
  if (Blank(q)) return out;
  GuidanceFilter g;
  g.q = q;
  CAIRN_ASSIGN_OR_RETURN(auto pages, ListGuidance(env, g));
  for (const auto& p : pages) out.push_back({"guidance", p.row.slug, p.row.title, p.row.summary});
  CaseStudyFilter f;
  f.q = q;
  CAIRN_ASSIGN_OR_RETURN(auto cases, ListCaseStudies(env, actor, f));
  for (const auto& c : cases) out.push_back({"case_study", std::to_string(c.row.id), c.row.title, c.row.outcome});
  CAIRN_ASSIGN_OR_RETURN(auto resources, ListResources(env));
  for (const auto& r : resources)
    if (AllWords(r.row.title + " " + r.row.description + " " + r.row.topics, q))
      out.push_back({"resource", std::to_string(r.row.id), r.row.title, r.row.description});
  return out;
}

}  // namespace cairn::engine
