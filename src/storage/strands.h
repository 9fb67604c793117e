// Strands table. All functions run inside a transaction lent by Database.
#pragma once

#include <vector>

#include "common/status.h"
#include "model/strand.h"
#include "storage/database.h"

namespace cairn::storage {

// In strategy order (position).
Result<std::vector<model::Strand>> ListStrands(Tx& tx);
// Inserts, or updates the strand with the same code. Returns its id.
Result<int64_t> UpsertStrand(Tx& tx, const model::Strand& strand);

}  // namespace cairn::storage
