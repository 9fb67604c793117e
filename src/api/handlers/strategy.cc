// The strategy's progress (engine/strategy.h). Parse, call, serialise.
#include "api/handlers/handlers.h"
#include "common/time.h"
#include "engine/progress_report.h"
#include "engine/strategy.h"

namespace cairn::api::handlers {
namespace {

using nlohmann::json;

json ProgressJson(const engine::ObjectiveProgress& o) {
  return {{"id", o.id},         {"code", o.code},         {"title", o.title},
          {"opened", o.opened}, {"done", o.done},         {"declined", o.declined},
          {"open_now", o.open_now}, {"overdue_now", o.overdue_now}, {"outcomes", o.outcomes},
          {"plan_actions", {{"open", o.plan_actions_open}, {"done", o.plan_actions_done}}}};
}

}  // namespace

// The financial year (1 April to 1 April) that holds `today`, as [from, to).
std::pair<std::string, std::string> FinancialYear(const std::string& today) {
  int year = std::stoi(today.substr(0, 4));
  if (today.substr(5, 2) < "04") --year;
  return {std::to_string(year) + "-04-01", std::to_string(year + 1) + "-04-01"};
}

Result<Reply> GetStrategy(Request& req) {
  auto [from, to] = FinancialYear(FormatTimestamp(req.env.clock.Now()).substr(0, 10));
  if (req.http.has_param("from")) from = req.http.get_param_value("from");
  if (req.http.has_param("to")) to = req.http.get_param_value("to");
  CAIRN_ASSIGN_OR_RETURN(auto p, engine::BuildStrategyProgress(req.env, from, to));
  json strands = json::array();
  for (const auto& s : p.strands) {
    json objectives = json::array();
    for (const auto& o : s.objectives) objectives.push_back(ProgressJson(o));
    strands.push_back({{"code", s.code}, {"name", s.name}, {"aim", s.aim}, {"lead_organisation", s.lead_organisation},
                       {"lead_person", s.lead_person}, {"objectives", objectives}, {"total", ProgressJson(s.total)}});
  }
  return Reply{200, {{"from", p.from}, {"to", p.to}, {"strands", strands}}, {}};
}

Result<Reply> GetProgressReport(Request& req) {
  auto [from, to] = FinancialYear(FormatTimestamp(req.env.clock.Now()).substr(0, 10));
  if (req.http.has_param("from")) from = req.http.get_param_value("from");
  if (req.http.has_param("to")) to = req.http.get_param_value("to");
  std::string format = req.http.has_param("format") ? req.http.get_param_value("format") : "html";
  CAIRN_ASSIGN_OR_RETURN(auto bytes, engine::RenderProgressReport(req.env, req.actor, from, to, format));
  Reply r;
  r.raw = std::move(bytes);
  r.content_type = format == "html" ? "text/html; charset=utf-8"
                   : format == "pdf" ? "application/pdf"
                                     : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  r.headers.push_back({"Content-Disposition", std::string(format == "html" ? "inline" : "attachment") +
                                                  "; filename=\"cairn-progress-" + from + "." + format + "\""});
  return r;
}

}  // namespace cairn::api::handlers
