// R003 Short submission period: fewer whole days between the tender period's start and end than
// the threshold for the process's procurementMethodDetails (or the general one).
#include "procurement/redflags/indicators.h"

namespace cairn::procurement::redflags {

void FoldR003(const Process& p, const Settings& s, Accumulator& acc) {
  if (!p.tender_start || !p.tender_end) return;
  const auto& methods = s.r003.procurement_methods;
  if (!methods.empty() && (!p.method || !methods.count(std::string(*p.method)))) return;
  int64_t threshold = s.r003.threshold;
  if (p.method_details && !s.r003.by_method_details.empty()) {
    auto it = s.r003.by_method_details.find(std::string(*p.method_details));
    if (it != s.r003.by_method_details.end()) threshold = it->second;
  }
  int64_t days = (*p.tender_end - *p.tender_start) / 86400;  // truncated toward zero, as Cardinal
  if (days < threshold) acc.Raise(Group::kOcid, p.ocid, "R003", 1.0);
}

}  // namespace cairn::procurement::redflags
