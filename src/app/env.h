// What every service function needs: the store, the clock and the settings. Owned by the
// caller (cairn serve or a CLI command) and passed by reference; outlives every call.
#pragma once

#include "common/clock.h"
#include "config/settings.h"
#include "storage/database.h"

namespace cairn::app {

struct Env {
  storage::Database& db;
  const Clock& clock;
  const config::Settings& settings;
};

}  // namespace cairn::app
