// The scale of the problem the seeds ask about: how many public contract awards, and how much
// money, go to suppliers with SOC flags (P1, P2, P4, P7 — and, resting on intelligence, N1 and P5
// proximity to a subject) — by buyer, sector (CPV division), year and council area.
//
// Taskforce roles see every figure. A partner sees its own organisation's row as buyer in full
// and every other flagged count from 1 to suppress_below − 1 (config/threat.toml) withheld, so a
// small number cannot point at a supplier. Reading it is audited.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/env.h"
#include "common/status.h"
#include "model/actor.h"

namespace cairn::engine {

struct ExposureRow {
  std::string key;  // a buyer, CPV division, year or council area
  int64_t awards = 0;
  double value = 0;
  std::optional<int64_t> flagged_awards;  // nullopt: withheld
  std::optional<double> flagged_value;
};

struct Exposure {
  std::vector<ExposureRow> buyers, sectors, years, councils;  // years ascending: the trend
  ExposureRow total;
  int suppress_below = 5;
  bool suppressed = false;
  std::string own_buyer;  // the partner's own organisation, shown in full
};

Result<Exposure> BuildExposure(const app::Env& env, const model::Actor& actor);
// One table: dimension,key,awards,value,flagged_awards,flagged_value,flagged_share ("<5" withheld).
std::string ExposureCsv(const Exposure& e);
// One sheet per dimension. Unavailable if it cannot be written.
Result<std::string> ExposureXlsx(const Exposure& e);

}  // namespace cairn::engine
