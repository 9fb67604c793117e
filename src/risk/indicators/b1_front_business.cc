// B1 Front business: what inspectors saw on visits, against Crimestoppers' "signs to spot".
#include "risk/indicators.h"
#include "risk/internal/common.h"

namespace cairn::risk {

void FrontBusiness(const Network& net, const Section& s, const Settings&, std::vector<Finding>* out) {
  internal::FieldSignals("B1", "front-business", net, s, out);
}

}  // namespace cairn::risk
