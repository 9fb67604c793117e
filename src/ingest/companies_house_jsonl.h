// Companies House persons with significant control (PSC snapshot) and officers, both as JSON
// lines in the envelope {"company_number": "…", "data": {…}} (FORMATS.md). Parsed with simdjson.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/status.h"
#include "ingest/source_record.h"

namespace cairn::ingest {

inline constexpr char kPscFormat[] = "companies_house_psc";
inline constexpr char kOfficersFormat[] = "companies_house_officers";

// Which of the two formats `first_line` is, or nullopt if neither.
std::optional<std::string> DetectCompaniesHouseJsonl(std::string_view first_line);

// One line of the PSC snapshot. nullopt for the snapshot's closing totals line, which is not
// a PSC. InvalidArgument for invalid JSON, a missing company number or kind, or an impossible
// date (notified_on, ceased_on). The key is the company number and the PSC's own link.
Result<std::optional<SourceRecord>> ParsePscLine(std::string_view line);

// One officer appointment. InvalidArgument for invalid JSON, a missing company number, name or
// role, or an impossible date (appointed_on, resigned_on). The key is the company number, the
// officer's appointments link (or name), role and appointment date.
Result<std::optional<SourceRecord>> ParseOfficerLine(std::string_view line);

}  // namespace cairn::ingest
