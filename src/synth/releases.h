// Synthetic OCDS compiled releases with bids and awards, one per line — the input the red flags
// read — for benchmarks and load tests at sizes no public file offers. Each process has a buyer,
// a tender period, CPV items, two to eight bids and usually an award to the lowest valid bid;
// a few carry what the red flags look for (short periods, single bids, identical or late bids,
// disqualified lowest bids, cover bidders who never win). Deterministic: the same rows and seed
// give the same file.
#pragma once

#include <cstdint>
#include <functional>
#include <ostream>

#include "common/status.h"

namespace cairn::synth {

struct ReleasesOptions {
  uint64_t rows = 1000;
  uint64_t seed = 1;
  uint64_t buyers = 300;
  uint64_t suppliers = 20000;
  std::function<void(uint64_t done, uint64_t total)> progress;  // every 10,000 rows
};

// Writes `rows` compiled releases, one JSON object per line, to `out`.
Status WriteReleases(const ReleasesOptions& options, std::ostream& out);

}  // namespace cairn::synth
