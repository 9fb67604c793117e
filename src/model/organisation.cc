#include "model/organisation.h"

#include <algorithm>

namespace cairn::model {

bool IsOrganisationType(std::string_view type) {
  return std::find(kOrganisationTypes.begin(), kOrganisationTypes.end(), type) !=
         kOrganisationTypes.end();
}

bool IsRegion(std::string_view region) {
  return std::find(kRegions.begin(), kRegions.end(), region) != kRegions.end();
}

}  // namespace cairn::model
