// What an operator watches: queue sizes and totals for the metrics endpoint (api/metrics.h).
#pragma once

#include "app/env.h"
#include "common/status.h"
#include "storage/operations.h"

namespace cairn::engine {

// Counts as of the env's clock. Unavailable if the store cannot be read.
Result<storage::OperationalCounts> ReadOperationalCounts(const app::Env& env);

}  // namespace cairn::engine
