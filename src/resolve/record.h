// Records prepared for linkage: each field role holds one normalised value ("" = missing).
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cairn::resolve {

// What a column means, which decides how it is normalised, compared and blocked on.
enum class Role {
  kGivenName, kMiddleName, kSurname, kFullName, kDob, kBirthYear, kBirthMonth, kAddress, kTown,
  kPostcode, kEmail, kPhone, kOrgName, kCompanyNumber, kIdNumber,
};
inline constexpr size_t kRoleCount = 15;

// "given_name", "dob", … as used on the command line.
std::string_view RoleName(Role role);
std::optional<Role> ParseRole(std::string_view name);

struct Record {
  std::string id;
  std::array<std::string, kRoleCount> value;
  const std::string& operator[](Role r) const { return value[size_t(r)]; }
  std::string& operator[](Role r) { return value[size_t(r)]; }
};

// Normalises `raw` for `role` (dates become YYYYMMDD with 00 for unknown parts; invalid
// dates become missing).
std::string NormaliseForRole(Role role, std::string_view raw);

}  // namespace cairn::resolve
