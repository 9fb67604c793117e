// Intelligence grading. Cairn stores the 3x5x2 model (source 1–3, information A–E, handling P
// or C with conditions); records graded under the legacy 5x5x5 model (source A–E, intelligence
// 1–5, handling 1–5) are read and mapped, keeping the original grades beside the mapped ones.
#pragma once

#include <nlohmann/json.hpp>

#include "common/status.h"

namespace cairn::ingest {

// Rewrites `record`'s source_grade, information_grade, handling_code and handling_conditions
// to 3x5x2. A record whose source_grade is a letter is legacy 5x5x5: then information_grade and
// handling_code must be 1–5, they are mapped (docs/intelligence.md gives the table), and the
// originals go in legacy_grading. InvalidField naming the column for a mixture of the two.
Status NormaliseGrading(nlohmann::json& record);

}  // namespace cairn::ingest
