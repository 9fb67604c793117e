// Seeds the Taskforce's reference data: member organisations, the 32 councils and the four
// strands with their aims, objectives and leads, from the data files data/seed/taskforce.json and
// data/seed/councils.csv (embedded in the binary). Idempotent: organisations and strands that
// exist (by slug or code) are left as they are, so local edits survive a re-seed. Audited as the system.
#pragma once

#include <string>

#include "app/env.h"
#include "common/status.h"

namespace cairn::taskforce {

struct SeedReport {
  int organisations_created = 0;
  int strands_written = 0;
  int objectives_written = 0;
};

// Seeds from `taskforce_json` and `councils_csv` (the file contents); `source` names them in
// errors, which say the line or entry that is wrong.
Result<SeedReport> SeedFrom(const app::Env& env, const std::string& taskforce_json,
                            const std::string& councils_csv);

// Seeds from the embedded data files.
Result<SeedReport> SeedTaskforce(const app::Env& env);

}  // namespace cairn::taskforce
