// The tasking board: where work stands per strand, per organisation and per council area, and
// the intelligence-to-tasking measures the strategy asks for — findings without a task, the time
// from a finding to an accepted task, tasks per organisation and the share completed on time.
// Built from the tasks the actor may see (engine/tasks.h), so a partner's board is its own
// organisation's work; the findings count covers the findings the actor may see.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/env.h"
#include "common/status.h"
#include "model/actor.h"

namespace cairn::engine {

struct BoardRow {
  std::string key, label;
  int64_t proposed = 0, accepted = 0, in_progress = 0, blocked = 0, done = 0, declined = 0;
  int64_t overdue = 0;       // open and past due
  int64_t done_on_time = 0;  // done on or before the due date
  int64_t total() const { return proposed + accepted + in_progress + blocked + done + declined; }
  // done_on_time ÷ done; nullopt when nothing is done.
  std::optional<double> on_time_share() const;
};

struct TaskingBoard {
  BoardRow all;
  std::vector<BoardRow> by_strand, by_organisation, by_council_area;
  int64_t findings_without_task = 0;
  // Days from a finding's first detection to the first task made of it being accepted.
  int64_t finding_lags = 0;  // how many findings the figures cover
  std::optional<double> finding_to_accepted_median_days, finding_to_accepted_mean_days;
};

struct BoardFilter {
  std::optional<std::string> strand, council_area;
  std::optional<int64_t> owner_organisation_id;
};

Result<TaskingBoard> BuildTaskingBoard(const app::Env& env, const model::Actor& actor, const BoardFilter& filter);

}  // namespace cairn::engine
