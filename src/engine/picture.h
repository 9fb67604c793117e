// The picture: SOC groups in aggregate — by region (West, East, North), council area and crime
// type: how many groups and members, how many involved in several crime types, how many using
// legitimate businesses — and flagged businesses per business sector.
//
// Everyone who may see the picture sees the counts; a count from 1 to suppress_below − 1
// (config/threat.toml) is withheld from anyone but an analyst, so a small count cannot point at a
// group. Analysts can drill down: each row lists the groups behind it that they may open.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/env.h"
#include "common/status.h"
#include "model/actor.h"

namespace cairn::engine {

struct PictureRow {
  std::string key;  // a region, council, crime type or sector
  // nullopt: withheld (fewer than suppress_below, and the viewer may not drill down).
  std::optional<int64_t> groups, members, several_crime_types, legitimate_business;
  std::vector<std::string> drill_down;  // group references the viewer may open
};

struct Picture {
  std::vector<PictureRow> regions, councils, crime_types;
  std::vector<PictureRow> sectors;  // `groups` holds the number of flagged businesses
  PictureRow total;
  int suppress_below = 5;
  bool suppressed = false;  // the viewer's counts are suppressed where small
};

// Reading it with drill-down (an analyst) is audited.
Result<Picture> BuildPicture(const app::Env& env, const model::Actor& actor);

// The picture as CSV (one table: dimension,key,groups,members,several_crime_types,
// legitimate_business; withheld counts written "<5").
std::string PictureCsv(const Picture& p);

// The picture as an XLSX workbook, one sheet per dimension. Unavailable if it cannot be written.
Result<std::string> PictureXlsx(const Picture& p);

}  // namespace cairn::engine
