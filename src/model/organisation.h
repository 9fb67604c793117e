// Organisations: Taskforce members, the 32 councils and any other partner body.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cairn::model {

// The kinds of body that take part, used to group and filter organisations.
inline constexpr std::array<std::string_view, 14> kOrganisationTypes = {
    "government",      "law_officer",     "police",         "prosecutor",
    "law_enforcement", "prison_service",  "tax_authority",  "border_agency",
    "council",         "local_government_association", "health",
    "inspectorate",    "third_sector",    "private_sector"};

bool IsOrganisationType(std::string_view type);

// Council areas are grouped as in the SOCG picture.
inline constexpr std::array<std::string_view, 3> kRegions = {"West", "East", "North"};
bool IsRegion(std::string_view region);

// An org-id.guide identifier: a list prefix (country code, a hyphen, the register's code) then a
// hyphen and the identifier within that list, e.g. "GB-SC-SC038092". Empty is allowed (unknown).
bool IsOrgIdentifier(std::string_view id);

struct Organisation {
  int64_t id = 0;
  std::string slug;  // stable, URL-safe key from the seed data, e.g. "police-scotland"
  std::string name;
  std::string type;                    // one of kOrganisationTypes
  std::optional<std::string> region;   // councils: West / East / North
  bool taskforce_member = false;
  std::optional<std::string> taskforce_role;  // e.g. "Chair", "Strand lead for Detect"
  // Its identifier on org-id.guide ("GB-CHC-1234567", "GB-COH-SC123456"), for open data; "" if
  // not known, when the 360Giving export names it with a 360G- identifier instead.
  std::string org_identifier;
  std::string created_at;
  std::string updated_at;
};

}  // namespace cairn::model
