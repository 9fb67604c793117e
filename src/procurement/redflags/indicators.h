// The Cardinal-compatible red flags (INDICATORS.md), one file each in indicators/. Fold* looks at
// one process and records into the caller's Accumulator; Finish* runs once after every process
// has been folded and merged, for the indicators that compare a process or party with all others.
#pragma once

#include <vector>

#include "procurement/redflags/accumulator.h"
#include "procurement/redflags/process.h"
#include "procurement/redflags/settings.h"

namespace cairn::procurement::redflags {

using FoldFn = void (*)(const Process& p, const Settings& s, Accumulator& acc);

// The folds of the enabled indicators: worked out once per run, not once per process.
std::vector<FoldFn> FoldsFor(const Settings& s);
// Every enabled indicator on one process, which is neither cancelled nor excluded.
void Fold(const Process& p, const Settings& s, Accumulator& acc);
// Every enabled fence-based indicator over the merged accumulator; fills `meta`.
void Finish(const Settings& s, Accumulator& acc, Meta& meta);

void FoldR003(const Process& p, const Settings& s, Accumulator& acc);
void FoldR018(const Process& p, const Settings& s, Accumulator& acc);
void FoldR025(const Process& p, const Settings& s, Accumulator& acc);
void FoldR028(const Process& p, const Settings& s, Accumulator& acc);
void FoldR030(const Process& p, const Settings& s, Accumulator& acc);
void FoldR035(const Process& p, const Settings& s, Accumulator& acc);
void FoldR036(const Process& p, const Settings& s, Accumulator& acc);
void FoldR038(const Process& p, const Settings& s, Accumulator& acc);
void FoldR048(const Process& p, const Settings& s, Accumulator& acc);
void FoldPriceGap(const Process& p, const Settings& s, Accumulator& acc);  // for R024 and R058

void FinishR024(const Settings& s, Accumulator& acc, Meta& meta);
void FinishR025(const Settings& s, Accumulator& acc, Meta& meta);
void FinishR038(const Settings& s, Accumulator& acc, Meta& meta);
void FinishR048(const Settings& s, Accumulator& acc, Meta& meta);
void FinishR058(const Settings& s, Accumulator& acc, Meta& meta);

}  // namespace cairn::procurement::redflags
