// Synthetic people in the Febrl column layout, for linkage tests and benchmarks: originals and
// noisy duplicates of them, with the truth in rec_id ("rec-K-org", "rec-K-dup-J": the same K is
// the same person). Deterministic: the same rows and seed give the same file.
#pragma once

#include <cstdint>
#include <ostream>

#include "common/status.h"

namespace cairn::synth {

struct PersonsOptions {
  uint64_t rows = 1000;
  uint64_t seed = 1;
  double duplicate_share = 0.3;  // share of rows that are duplicates of an original
  int max_duplicates = 3;        // per original
};

// Writes a header and `rows` records to `out`. Names, streets and towns come from the
// embedded lists in data/synth/. Noise: typos (substitution, insertion, deletion,
// transposition), missing values, swapped given name and surname, nicknames, date digit
// changes, postcode typos and address word variants.
Status WritePersons(const PersonsOptions& options, std::ostream& out);

}  // namespace cairn::synth
