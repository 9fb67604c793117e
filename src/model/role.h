// The roles a Cairn user can hold (one per user). What each may do is decided in policy/.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace cairn::model {

enum class Role { kAdmin, kSecretariat, kStrandLead, kAnalyst, kPartner, kAuditor };

inline constexpr std::array<Role, 6> kAllRoles = {Role::kAdmin,   Role::kSecretariat,
                                                   Role::kStrandLead, Role::kAnalyst,
                                                   Role::kPartner, Role::kAuditor};

// "admin", "secretariat", "strand_lead", "analyst", "partner", "auditor".
std::string_view RoleName(Role role);
std::optional<Role> ParseRole(std::string_view name);

}  // namespace cairn::model
