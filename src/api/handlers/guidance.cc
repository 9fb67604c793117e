// Guidance (engine/guidance.h): pages to read, filtered, and the secretariat's edits. Parse,
// call, serialise. `html` is the page rendered by cmark in its safe mode.
#include "api/body.h"
#include "api/handlers/handlers.h"
#include "engine/guidance.h"

namespace cairn::api::handlers {
namespace {

using nlohmann::json;

json PageJson(const engine::GuidancePage& p, bool with_body) {
  json j = {{"slug", p.row.slug},           {"title", p.row.title},         {"summary", p.row.summary},
            {"audiences", p.audiences},     {"sectors", p.sectors},         {"indicators", p.indicators},
            {"crime_types", p.crime_types}, {"public", p.row.is_public},    {"review_on", p.row.review_on},
            {"review_due", p.review_due},   {"version", p.row.version},     {"updated_at", p.row.updated_at}};
  json titles = json::array();
  for (const auto& a : p.audiences)
    for (const auto& [code, title] : engine::GuidanceAudiences())
      if (code == a) titles.push_back(title);
  j["audience_titles"] = titles;
  if (with_body) {
    j["body"] = p.row.body;
    j["html"] = p.html;
  }
  return j;
}

std::string Param(Request& req, const char* name) {
  return req.http.has_param(name) ? req.http.get_param_value(name) : "";
}

}  // namespace

Result<Reply> ListGuidance(Request& req) {
  engine::GuidanceFilter f;
  f.audience = Param(req, "audience");
  f.sector = Param(req, "sector");
  f.indicator = Param(req, "indicator");
  f.crime_type = Param(req, "crime_type");
  f.q = Param(req, "q");
  CAIRN_ASSIGN_OR_RETURN(auto pages, engine::ListGuidance(req.env, f));
  json items = json::array();
  for (const auto& p : pages) items.push_back(PageJson(p, false));
  json audiences = json::array();
  for (const auto& [code, title] : engine::GuidanceAudiences()) audiences.push_back({{"code", code}, {"title", title}});
  return Reply{200, {{"pages", items}, {"audiences", audiences}}, {}};
}

Result<Reply> GetGuidance(Request& req) {
  CAIRN_ASSIGN_OR_RETURN(auto p, engine::GetGuidance(req.env, req.params.at(0)));
  return Reply{200, PageJson(p, true), {}};
}

Result<Reply> SaveGuidance(Request& req) {
  Body b(req.body);
  engine::GuidanceInput in;
  CAIRN_ASSIGN_OR_RETURN(in.title, b.String("title"));
  CAIRN_ASSIGN_OR_RETURN(auto summary, b.OptText("summary", 2000));
  CAIRN_ASSIGN_OR_RETURN(auto body, b.OptText("body", 200000));
  CAIRN_ASSIGN_OR_RETURN(auto review_on, b.OptString("review_on"));
  CAIRN_ASSIGN_OR_RETURN(auto audiences, b.OptStringList("audiences"));
  CAIRN_ASSIGN_OR_RETURN(auto sectors, b.OptStringList("sectors"));
  CAIRN_ASSIGN_OR_RETURN(auto indicators, b.OptStringList("indicators"));
  CAIRN_ASSIGN_OR_RETURN(auto crime_types, b.OptStringList("crime_types"));
  CAIRN_ASSIGN_OR_RETURN(auto is_public, b.OptBool("public"));
  CAIRN_RETURN_IF_ERROR(b.Finish());
  in.summary = summary.value_or("");
  in.body = body.value_or("");
  in.review_on = review_on.value_or("");
  in.audiences = audiences.value_or(std::vector<std::string>());
  in.sectors = sectors.value_or(std::vector<std::string>());
  in.indicators = indicators.value_or(std::vector<std::string>());
  in.crime_types = crime_types.value_or(std::vector<std::string>());
  in.is_public = is_public.value_or(false);
  CAIRN_ASSIGN_OR_RETURN(auto p, engine::SaveGuidance(req.env, req.actor, req.params.at(0), in));
  return Reply{200, PageJson(p, true), {}};
}

}  // namespace cairn::api::handlers
