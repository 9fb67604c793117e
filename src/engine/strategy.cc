#include "engine/strategy.h"

#include "common/time.h"
#include "storage/organisations.h"
#include "storage/self_assessment.h"
#include "storage/strands.h"
#include "storage/tasks.h"

namespace cairn::engine {
namespace {

Status CheckDate(const std::string& value, const std::string& field) {
  if (value.size() != 10 || !ParseTimestamp(value).ok()) return InvalidField(field, field + " must be a date, YYYY-MM-DD");
  return Status::Ok();
}

void Add(ObjectiveProgress& into, const ObjectiveProgress& o) {
  into.opened += o.opened;
  into.done += o.done;
  into.declined += o.declined;
  into.open_now += o.open_now;
  into.overdue_now += o.overdue_now;
  for (const auto& [type, n] : o.outcomes) into.outcomes[type] += n;
  into.plan_actions_open += o.plan_actions_open;
  into.plan_actions_done += o.plan_actions_done;
}

}  // namespace

Result<StrategyProgress> BuildStrategyProgress(const app::Env& env, const std::string& from, const std::string& to) {
  CAIRN_RETURN_IF_ERROR(CheckDate(from, "from"));
  CAIRN_RETURN_IF_ERROR(CheckDate(to, "to"));
  if (to <= from) return InvalidField("to", "the period must end after it starts");
  StrategyProgress out;
  out.from = from;
  out.to = to;
  std::string today = FormatTimestamp(env.clock.Now()).substr(0, 10);
  CAIRN_RETURN_IF_ERROR(env.db.Read([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(auto strands, storage::ListStrands(tx));
    CAIRN_ASSIGN_OR_RETURN(auto objectives, storage::ListObjectives(tx));
    CAIRN_ASSIGN_OR_RETURN(auto progress, storage::ObjectiveProgress(tx, from, to, today));
    CAIRN_ASSIGN_OR_RETURN(auto plans, storage::PlanActionCountsByObjective(tx));
    std::map<int64_t, storage::ObjectiveProgressRow> by_id;
    for (auto& p : progress) by_id[p.objective_id] = p;
    for (const auto& s : strands) {
      StrandProgress sp;
      sp.code = s.code;
      sp.name = s.name;
      sp.aim = s.aim;
      sp.lead_person = s.lead_person.value_or("");
      if (s.lead_organisation_id) {
        auto org = storage::GetOrganisation(tx, *s.lead_organisation_id);
        if (org.ok()) sp.lead_organisation = org->name;
      }
      sp.total.code = s.code;
      sp.total.title = "All of " + s.name;
      for (const auto& o : objectives) {
        if (o.strand_id != s.id) continue;
        ObjectiveProgress op;
        op.id = o.id;
        op.code = o.code;
        op.title = o.title;
        if (auto it = by_id.find(o.id); it != by_id.end()) {
          op.opened = it->second.opened;
          op.done = it->second.done;
          op.declined = it->second.declined;
          op.open_now = it->second.open_now;
          op.overdue_now = it->second.overdue_now;
          op.outcomes = it->second.outcomes;
        }
        if (auto it = plans.find(o.id); it != plans.end()) {
          op.plan_actions_open = it->second.first;
          op.plan_actions_done = it->second.second;
        }
        Add(sp.total, op);
        sp.objectives.push_back(std::move(op));
      }
      out.strands.push_back(std::move(sp));
    }
    return Status::Ok();
  }));
  return out;
}

}  // namespace cairn::engine
