// The procurement exposure report (engine/exposure.h): parse, call, serialise.
#include "api/handlers/handlers.h"
#include "engine/exposure.h"

namespace cairn::api::handlers {
namespace {

nlohmann::json Rows(const std::vector<engine::ExposureRow>& rows) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& r : rows) {
    nlohmann::json j = {{"key", r.key}, {"awards", r.awards}, {"value", r.value}};
    j["flagged_awards"] = r.flagged_awards ? nlohmann::json(*r.flagged_awards) : nlohmann::json();
    j["flagged_value"] = r.flagged_value ? nlohmann::json(*r.flagged_value) : nlohmann::json();
    out.push_back(j);
  }
  return out;
}

}  // namespace

Result<Reply> GetExposure(Request& req) {
  CAIRN_ASSIGN_OR_RETURN(auto e, engine::BuildExposure(req.env, req.actor));
  return Reply{200,
               {{"total", Rows({e.total})[0]},
                {"buyers", Rows(e.buyers)},
                {"sectors", Rows(e.sectors)},
                {"years", Rows(e.years)},
                {"councils", Rows(e.councils)},
                {"suppress_below", e.suppress_below},
                {"suppressed", e.suppressed},
                {"own_buyer", e.own_buyer}},
               {}};
}

Result<Reply> ExportExposure(Request& req) {
  CAIRN_ASSIGN_OR_RETURN(auto e, engine::BuildExposure(req.env, req.actor));
  return Download(
      req, "cairn-procurement-exposure", [&]() -> Result<std::string> { return engine::ExposureCsv(e); },
      [&] { return engine::ExposureXlsx(e); });
}

}  // namespace cairn::api::handlers
