#include "model/organisation.h"

#include <algorithm>
#include <regex>
#include <string>

namespace cairn::model {

bool IsOrganisationType(std::string_view type) {
  return std::find(kOrganisationTypes.begin(), kOrganisationTypes.end(), type) !=
         kOrganisationTypes.end();
}

bool IsRegion(std::string_view region) {
  return std::find(kRegions.begin(), kRegions.end(), region) != kRegions.end();
}

bool IsOrgIdentifier(std::string_view id) {
  static const std::regex kId("^[A-Z]{2,3}-[A-Z0-9]{2,}-[A-Za-z0-9][A-Za-z0-9./_-]*$");
  return id.empty() || std::regex_match(std::string(id), kId);
}

}  // namespace cairn::model
