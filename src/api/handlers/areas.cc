// Rapid support for areas (engine/rapid_support.h). Parse, call, serialise.
#include "api/body.h"
#include "api/handlers/handlers.h"
#include "engine/rapid_support.h"

namespace cairn::api::handlers {
namespace {

using nlohmann::json;

json AreaJson(const engine::AreaRow& a) {
  auto opt = [](const std::optional<int64_t>& v) { return v ? json(*v) : json(); };
  return {{"slug", a.slug},
          {"council", a.name},
          {"area", a.area},
          {"region", a.region},
          {"flagged_businesses", a.flagged_businesses},
          {"socg_groups", opt(a.socg_groups)},
          {"exploitation_signals", opt(a.exploitation_signals)},
          {"open_tasks", a.open_tasks},
          {"score", a.score},
          {"designated", a.designated}};
}

json PartnershipJson(const engine::AreaPartnership& p) {
  json members = json::array();
  for (const auto& [id, name] : p.members) members.push_back({{"id", id}, {"name", name}});
  const auto& t = p.tasks.all;
  return {{"area", AreaJson(p.area)},
          {"reason", p.reason},
          {"plan", p.plan},
          {"status", p.status},
          {"designated_at", p.designated_at},
          {"members", members},
          {"tasks", {{"total", t.total()}, {"open", t.proposed + t.accepted + t.in_progress + t.blocked},
                     {"done", t.done}, {"overdue", t.overdue}, {"done_on_time", t.done_on_time}}}};
}

}  // namespace

Result<Reply> ListAreas(Request& req) {
  CAIRN_ASSIGN_OR_RETURN(auto r, engine::RankAreas(req.env, req.actor));
  json areas = json::array();
  for (const auto& a : r.areas) areas.push_back(AreaJson(a));
  const auto& w = r.weights;
  return Reply{200,
               {{"areas", areas},
                {"weights", {{"flagged_businesses", w.flagged_businesses}, {"socg_groups", w.socg_groups},
                             {"exploitation_signals", w.exploitation_signals}, {"open_tasks", w.open_tasks}}},
                {"suppress_below", r.suppress_below}},
               {}};
}

Result<Reply> GetArea(Request& req) {
  CAIRN_ASSIGN_OR_RETURN(auto p, engine::ReadArea(req.env, req.actor, req.params.at(0)));
  return Reply{200, PartnershipJson(p), {}};
}

Result<Reply> DesignateArea(Request& req) {
  Body b(req.body);
  CAIRN_ASSIGN_OR_RETURN(auto reason, b.String("reason"));
  CAIRN_ASSIGN_OR_RETURN(auto plan, b.OptString("plan"));
  CAIRN_ASSIGN_OR_RETURN(auto members, b.OptIntList("members"));
  CAIRN_RETURN_IF_ERROR(b.Finish());
  CAIRN_ASSIGN_OR_RETURN(auto p, engine::DesignateArea(req.env, req.actor, req.params.at(0), reason, plan.value_or(""),
                                                       members.value_or(std::vector<int64_t>())));
  return Reply{200, PartnershipJson(p), {}};
}

}  // namespace cairn::api::handlers
