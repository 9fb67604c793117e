// Case studies, the resource library and search across them with guidance (engine/library.h).
// Parse, call, serialise. An upload's body is the file itself (the route's raw_body).
#include "api/body.h"
#include "api/handlers/handlers.h"
#include "common/text.h"
#include "engine/library.h"

namespace cairn::api::handlers {
namespace {

using nlohmann::json;

json CaseStudyJson(const engine::CaseStudyView& v) {
  const auto& c = v.row;
  json links = json::array();
  for (const auto& [kind, id] : c.links) links.push_back({{"kind", kind}, {"id", id}});
  return {{"id", c.id},           {"title", c.title},           {"summary", c.summary},   {"html", v.html},
          {"sector", c.sector},   {"crime_types", SplitList(c.crime_types)}, {"council_area", c.council_area},
          {"indicators", SplitList(c.indicators)}, {"strand", v.strand}, {"outcome", c.outcome},
          {"restricted", c.restricted}, {"owner", v.owner}, {"shared_with", v.shared_with}, {"links", links},
          {"created_at", c.created_at}, {"updated_at", c.updated_at}, {"can_edit", v.can_edit}};
}

json ResourceJson(const engine::ResourceView& v) {
  const auto& r = v.row;
  json versions = json::array();
  for (const auto& x : v.versions)
    versions.push_back({{"version", x.version}, {"filename", x.filename}, {"content_type", x.content_type},
                        {"size_bytes", x.size_bytes}, {"sha256", x.sha256}, {"uploaded_at", x.uploaded_at}});
  return {{"id", r.id},           {"title", r.title},         {"description", r.description},
          {"audiences", SplitList(r.audiences)}, {"topics", SplitList(r.topics)}, {"course", r.course_code},
          {"owner", v.owner},     {"version", r.version},     {"downloads", r.downloads},
          {"versions", versions}, {"created_at", r.created_at}};
}

std::string Param(Request& req, const char* name) {
  return req.http.has_param(name) ? req.http.get_param_value(name) : "";
}

Result<engine::CaseStudyInput> ReadCaseStudy(Body& b) {
  engine::CaseStudyInput in;
  CAIRN_ASSIGN_OR_RETURN(in.title, b.String("title"));
  CAIRN_ASSIGN_OR_RETURN(auto summary, b.OptText("summary", 50000));
  CAIRN_ASSIGN_OR_RETURN(auto sector, b.OptString("sector"));
  CAIRN_ASSIGN_OR_RETURN(auto area, b.OptString("council_area"));
  CAIRN_ASSIGN_OR_RETURN(auto strand, b.OptString("strand"));
  CAIRN_ASSIGN_OR_RETURN(auto outcome, b.OptText("outcome", 5000));
  CAIRN_ASSIGN_OR_RETURN(auto crime_types, b.OptStringList("crime_types"));
  CAIRN_ASSIGN_OR_RETURN(auto indicators, b.OptStringList("indicators"));
  CAIRN_ASSIGN_OR_RETURN(auto restricted, b.OptBool("restricted"));
  CAIRN_ASSIGN_OR_RETURN(auto shared, b.OptIntList("shared_with"));
  CAIRN_RETURN_IF_ERROR(b.Finish());
  in.summary = summary.value_or("");
  in.sector = sector.value_or("");
  in.council_area = area.value_or("");
  in.strand = strand.value_or("");
  in.outcome = outcome.value_or("");
  in.crime_types = crime_types.value_or(std::vector<std::string>());
  in.indicators = indicators.value_or(std::vector<std::string>());
  in.restricted = restricted.value_or(false);
  in.shared_with = shared.value_or(std::vector<int64_t>());
  return in;
}

}  // namespace

Result<Reply> ListCaseStudies(Request& req) {
  engine::CaseStudyFilter f;
  f.sector = Param(req, "sector");
  f.crime_type = Param(req, "crime_type");
  f.area = Param(req, "area");
  f.strand = Param(req, "strand");
  f.indicator = Param(req, "indicator");
  f.q = Param(req, "q");
  CAIRN_ASSIGN_OR_RETURN(f.task, IntQuery(req, "task"));
  CAIRN_ASSIGN_OR_RETURN(f.meeting, IntQuery(req, "meeting"));
  CAIRN_ASSIGN_OR_RETURN(auto list, engine::ListCaseStudies(req.env, req.actor, f));
  json items = json::array();
  for (const auto& c : list) items.push_back(CaseStudyJson(c));
  return Reply{200, {{"case_studies", items}}, {}};
}

Result<Reply> CreateCaseStudy(Request& req) {
  Body b(req.body);
  CAIRN_ASSIGN_OR_RETURN(auto in, ReadCaseStudy(b));
  CAIRN_ASSIGN_OR_RETURN(auto v, engine::CreateCaseStudy(req.env, req.actor, in));
  return Reply{201, CaseStudyJson(v), {}};
}

Result<Reply> GetCaseStudy(Request& req) {
  CAIRN_ASSIGN_OR_RETURN(int64_t id, IdParam(req));
  CAIRN_ASSIGN_OR_RETURN(auto v, engine::GetCaseStudy(req.env, req.actor, id));
  return Reply{200, CaseStudyJson(v), {}};
}

Result<Reply> UpdateCaseStudy(Request& req) {
  CAIRN_ASSIGN_OR_RETURN(int64_t id, IdParam(req));
  Body b(req.body);
  CAIRN_ASSIGN_OR_RETURN(auto in, ReadCaseStudy(b));
  CAIRN_ASSIGN_OR_RETURN(auto v, engine::UpdateCaseStudy(req.env, req.actor, id, in));
  return Reply{200, CaseStudyJson(v), {}};
}

Result<Reply> LinkCaseStudy(Request& req) {
  CAIRN_ASSIGN_OR_RETURN(int64_t id, IdParam(req));
  Body b(req.body);
  CAIRN_ASSIGN_OR_RETURN(auto kind, b.String("kind"));
  CAIRN_ASSIGN_OR_RETURN(auto target, b.Int("id"));
  CAIRN_RETURN_IF_ERROR(b.Finish());
  CAIRN_RETURN_IF_ERROR(engine::LinkCaseStudy(req.env, req.actor, id, kind, target));
  CAIRN_ASSIGN_OR_RETURN(auto v, engine::GetCaseStudy(req.env, req.actor, id));
  return Reply{200, CaseStudyJson(v), {}};
}

Result<Reply> ListResources(Request& req) {
  CAIRN_ASSIGN_OR_RETURN(auto list, engine::ListResources(req.env, Param(req, "course")));
  json items = json::array();
  for (const auto& r : list) items.push_back(ResourceJson(r));
  return Reply{200, {{"resources", items}, {"max_upload_bytes", req.env.settings.resources_max_upload_bytes}}, {}};
}

Result<Reply> CreateResource(Request& req) {
  Body b(req.body);
  engine::ResourceInput in;
  CAIRN_ASSIGN_OR_RETURN(in.title, b.String("title"));
  CAIRN_ASSIGN_OR_RETURN(auto description, b.OptText("description", 5000));
  CAIRN_ASSIGN_OR_RETURN(auto course, b.OptString("course"));
  CAIRN_ASSIGN_OR_RETURN(auto audiences, b.OptStringList("audiences"));
  CAIRN_ASSIGN_OR_RETURN(auto topics, b.OptStringList("topics"));
  CAIRN_RETURN_IF_ERROR(b.Finish());
  in.description = description.value_or("");
  in.course_code = course.value_or("");
  in.audiences = audiences.value_or(std::vector<std::string>());
  in.topics = topics.value_or(std::vector<std::string>());
  CAIRN_ASSIGN_OR_RETURN(auto v, engine::CreateResource(req.env, req.actor, in));
  return Reply{201, ResourceJson(v), {}};
}

Result<Reply> GetResource(Request& req) {
  CAIRN_ASSIGN_OR_RETURN(int64_t id, IdParam(req));
  CAIRN_ASSIGN_OR_RETURN(auto v, engine::GetResource(req.env, id));
  return Reply{200, ResourceJson(v), {}};
}

Result<Reply> UploadResource(Request& req) {
  CAIRN_ASSIGN_OR_RETURN(int64_t id, IdParam(req));
  std::string filename = Param(req, "filename");
  CAIRN_ASSIGN_OR_RETURN(auto v, engine::UploadResource(req.env, req.actor, id, filename, req.http.body));
  return Reply{201, ResourceJson(v), {}};
}

Result<Reply> DownloadResource(Request& req) {
  CAIRN_ASSIGN_OR_RETURN(int64_t id, IdParam(req));
  CAIRN_ASSIGN_OR_RETURN(auto version, IntQuery(req, "version"));
  CAIRN_ASSIGN_OR_RETURN(auto d, engine::DownloadResource(req.env, id, version));
  Reply r;
  r.raw = std::move(d.bytes);
  r.content_type = d.content_type;
  std::string safe;
  for (char c : d.filename) safe += (std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_') ? c : '_';
  r.headers.push_back({"Content-Disposition", "attachment; filename=\"" + safe + "\""});
  return r;
}

Result<Reply> SearchLibrary(Request& req) {
  CAIRN_ASSIGN_OR_RETURN(auto hits, engine::SearchLibrary(req.env, req.actor, Param(req, "q")));
  json items = json::array();
  for (const auto& h : hits) items.push_back({{"kind", h.kind}, {"id", h.id}, {"title", h.title}, {"summary", h.summary}});
  return Reply{200, {{"results", items}}, {}};
}

}  // namespace cairn::api::handlers
