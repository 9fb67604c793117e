// R030 Late bid won: a valid bid dated after the tender period ended came from a supplier of an
// active award.
#include <algorithm>

#include "procurement/redflags/indicators.h"
#include "procurement/redflags/internal/common.h"

namespace cairn::procurement::redflags {

void FoldR030(const Process& p, const Settings&, Accumulator& acc) {
  if (!p.tender_end || !p.awards_final()) return;
  thread_local std::vector<std::string_view> suppliers;
  suppliers.clear();
  bool fired = false;
  for (const auto& b : p.bids) {
    if (b.status != BidStatus::kValid || !b.date || *b.date <= *p.tender_end) continue;
    if (suppliers.empty()) internal::ActiveSuppliers(p, suppliers);
    for (std::string_view id : p.of(b.tenderers)) {
      if (std::find(suppliers.begin(), suppliers.end(), id) == suppliers.end()) continue;
      acc.Raise(Group::kTenderer, id, "R030", 1.0);
      fired = true;
    }
  }
  if (fired) acc.Raise(Group::kOcid, p.ocid, "R030", 1.0);
}

}  // namespace cairn::procurement::redflags
