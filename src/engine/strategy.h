// The strategy's progress: for each strand its aim and lead, and for each of its objectives what
// the tasks linked to it did in a period — opened, done, declined, open and overdue now — the
// outcomes counted, and the self-assessment action-plan items linked to it, open and done. Aggregates over every task (counts, no content), so every signed-in user
// sees the same page. The progress report (engine/progress_report.h) builds on it.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/env.h"
#include "common/status.h"
#include "model/actor.h"

namespace cairn::engine {

struct ObjectiveProgress {
  int64_t id = 0;
  std::string code, title;
  int64_t opened = 0, done = 0, declined = 0, open_now = 0, overdue_now = 0;
  std::map<std::string, int64_t> outcomes;  // type → total (money in pence)
  int64_t plan_actions_open = 0, plan_actions_done = 0;  // self-assessment action plans, now
};

struct StrandProgress {
  std::string code, name, aim, lead_organisation, lead_person;
  std::vector<ObjectiveProgress> objectives;
  ObjectiveProgress total;  // the strand's objectives added up
};

struct StrategyProgress {
  std::string from, to;  // the period, [from, to)
  std::vector<StrandProgress> strands;
};

// `from` and `to` are YYYY-MM-DD (InvalidField naming them otherwise, or if to is not after from).
Result<StrategyProgress> BuildStrategyProgress(const app::Env& env, const std::string& from, const std::string& to);

}  // namespace cairn::engine
