// The picture (engine/picture.h): JSON for the dashboard, CSV or XLSX to download.
#include "api/handlers/handlers.h"
#include "engine/picture.h"

namespace cairn::api::handlers {
namespace {

nlohmann::json Count(const std::optional<int64_t>& n) { return n ? nlohmann::json(*n) : nlohmann::json(); }

nlohmann::json Rows(const std::vector<engine::PictureRow>& rows, bool sectors) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& r : rows) {
    nlohmann::json j = {{"key", r.key}};
    if (sectors) {
      j["flagged_businesses"] = Count(r.groups);
    } else {
      j["groups"] = Count(r.groups);
      j["members"] = Count(r.members);
      j["several_crime_types"] = Count(r.several_crime_types);
      j["legitimate_business"] = Count(r.legitimate_business);
    }
    if (!r.drill_down.empty()) j["drill_down"] = r.drill_down;
    out.push_back(j);
  }
  return out;
}

}  // namespace

Result<Reply> GetPicture(Request& req) {
  CAIRN_ASSIGN_OR_RETURN(auto p, engine::BuildPicture(req.env, req.actor));
  return Reply{200,
               {{"total", Rows({p.total}, false)[0]},
                {"regions", Rows(p.regions, false)},
                {"councils", Rows(p.councils, false)},
                {"crime_types", Rows(p.crime_types, false)},
                {"sectors", Rows(p.sectors, true)},
                {"suppress_below", p.suppress_below},
                {"suppressed", p.suppressed}},
               {}};
}

Result<Reply> ExportPicture(Request& req) {
  CAIRN_ASSIGN_OR_RETURN(auto p, engine::BuildPicture(req.env, req.actor));
  return Download(
      req, "cairn-picture", [&]() -> Result<std::string> { return engine::PictureCsv(p); },
      [&] { return engine::PictureXlsx(p); });
}

}  // namespace cairn::api::handlers
