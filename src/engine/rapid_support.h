// Rapid support for areas: the 32 council areas ranked by weighted signals — flagged businesses
// (licensed by the area's council), SOC group presence (the picture's count), exploitation
// signals (open Divert cases) and open tasks — with the weights of config/rapid_support.toml
// shown beside them. The secretariat (or an admin) designates an area for rapid support and forms
// a partnership for it: member organisations and a plan; its tasks are the tasks whose council
// area it is, followed on the area's page.
//
// Counts from 1 to 4 of SOC groups and of people at risk are withheld from anyone who is not an
// analyst (groups) or a coordinator (people), as the picture does, so a small count cannot point
// at someone. Designating is audited.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/env.h"
#include "common/status.h"
#include "engine/tasking_board.h"
#include "model/actor.h"

namespace cairn::engine {

struct RapidSupportWeights {
  double flagged_businesses = 1, socg_groups = 3, exploitation_signals = 2, open_tasks = 0.5;
};
Result<RapidSupportWeights> ParseRapidSupportWeights(const std::string& text, const std::string& source);
const RapidSupportWeights& DefaultRapidSupportWeights();

struct AreaRow {
  int64_t council_organisation_id = 0;
  std::string slug, name, area, region;  // area: the council area's name ("Fife"), as tasks and cases give it
  int64_t flagged_businesses = 0, open_tasks = 0;
  std::optional<int64_t> socg_groups, exploitation_signals;  // nullopt: withheld (small)
  double score = 0;
  bool designated = false;
};

struct AreaRanking {
  RapidSupportWeights weights;
  std::vector<AreaRow> areas;  // highest score first
  int suppress_below = 5;
};
Result<AreaRanking> RankAreas(const app::Env& env, const model::Actor& actor);

struct AreaPartnership {
  AreaRow area;
  std::string reason, plan, status, designated_at;
  std::vector<std::pair<int64_t, std::string>> members;
  TaskingBoard tasks;  // the area's tasks, as the actor may see them
};
// NotFound for a slug that is not a council; FailedPrecondition if it is not designated.
Result<AreaPartnership> ReadArea(const app::Env& env, const model::Actor& actor, const std::string& slug);

// Designates (or updates the designation of) the area: a reason, a plan, member organisations
// (added; the council itself always is one). Secretariat or admin only. Audited.
Result<AreaPartnership> DesignateArea(const app::Env& env, const model::Actor& actor, const std::string& slug,
                                      const std::string& reason, const std::string& plan,
                                      const std::vector<int64_t>& members);

}  // namespace cairn::engine
