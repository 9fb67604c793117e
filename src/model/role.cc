#include "model/role.h"

namespace cairn::model {

std::string_view RoleName(Role role) {
  switch (role) {
    case Role::kAdmin: return "admin";
    case Role::kSecretariat: return "secretariat";
    case Role::kStrandLead: return "strand_lead";
    case Role::kAnalyst: return "analyst";
    case Role::kPartner: return "partner";
    case Role::kAuditor: return "auditor";
  }
  return "partner";
}

std::optional<Role> ParseRole(std::string_view name) {
  for (Role r : kAllRoles) {
    if (RoleName(r) == name) return r;
  }
  return std::nullopt;
}

}  // namespace cairn::model
