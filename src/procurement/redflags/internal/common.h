// Rules several red flags share (INDICATORS.md, "Common rules").
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "procurement/redflags/accumulator.h"
#include "procurement/redflags/process.h"
#include "procurement/redflags/settings.h"

namespace cairn::procurement::redflags::internal {

// False if the process's procurementMethodDetails does not compare prices: it is in the deny
// list, or an allow list is set and it is not in it.
bool ComparesPrices(const Process& p, const Settings& s);

// The process as decided on price alone, for R024, R025 and R058: every award final, exactly one
// active award with exactly one supplier who bid, and no other valid bid lower than the
// winner's. nullptr if it is not one. Tenderers are told apart by their numbers in `acc`.
// Worked out once per process and kept in it.
const PriceOnlyAward* PriceOnlyAwardOf(const Process& p, Accumulator& acc);

// The suppliers of the process's active awards.
// Appends them to `out`.
void ActiveSuppliers(const Process& p, std::vector<std::string_view>& out);

// The fence a fence-based indicator compares with: `threshold` if set; otherwise the Tukey
// fence of `values` (lower or upper), recorded in `meta[code]`. nullopt if there are no values,
// or if the computed fence is not above 0 or (for a lower fence) Q1 is not above 0 — the zero
// guards that stop a flag firing on everyone when most values are 0.
enum class Side { kLower, kUpper };
std::optional<double> Fence(const char* code, const std::string& prefix, std::vector<double> values, Side side,
                            const std::optional<double>& threshold, Meta& meta);

}  // namespace cairn::procurement::redflags::internal
