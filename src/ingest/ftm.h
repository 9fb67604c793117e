// FollowTheMoney entities, one JSON object per line (FORMATS.md): {"id", "schema",
// "properties": {name: [strings]}}. Links between entities are entity ids in properties.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "common/status.h"
#include "ingest/source_record.h"

namespace cairn::ingest {

inline constexpr char kFtmFormat[] = "ftm";

// The schemas Cairn maps (FORMATS.md).
inline constexpr std::array<std::string_view, 16> kFtmSchemas = {
    "Person", "Company", "Organization", "LegalEntity", "Address", "Directorship", "Ownership", "Membership",
    "Family", "Associate", "UnknownLink", "License", "Contract", "ContractAward", "Note", "Occupancy"};

// True if `first_line` is a FollowTheMoney entity.
bool IsFtmLine(std::string_view first_line);

// One entity, keyed by its id. InvalidArgument for invalid JSON, a missing id, a schema Cairn
// does not map, or a property that is not a list of strings.
Result<std::optional<SourceRecord>> ParseFtmLine(std::string_view line);

}  // namespace cairn::ingest
