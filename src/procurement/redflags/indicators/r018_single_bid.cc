// R018 Single bid received: numberOfTenderers is 1 in an open or selective procedure.
#include "procurement/redflags/indicators.h"

namespace cairn::procurement::redflags {

void FoldR018(const Process& p, const Settings& s, Accumulator& acc) {
  if (p.number_of_tenderers != 1 || !p.method || !s.r018.procurement_methods.count(std::string(*p.method))) return;
  acc.Raise(Group::kOcid, p.ocid, "R018", 1.0);
}

}  // namespace cairn::procurement::redflags
