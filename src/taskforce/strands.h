// The strategy's strands, read-only in the platform (seeded from data/seed/taskforce.json).
#pragma once

#include <vector>

#include "app/env.h"
#include "common/status.h"
#include "model/strand.h"

namespace cairn::taskforce {

Result<std::vector<model::Strand>> ListStrands(const app::Env& env);

}  // namespace cairn::taskforce
