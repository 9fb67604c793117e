// Records prepared for linkage: each field role holds one normalised value ("" = missing).
#pragma once

#include <array>
#include <cstdint>
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

// One record's values, packed one after another into a single string, at most kMaxBytes of
// them. (An array of fifteen std::strings took 480 bytes a record before holding any value, and
// linkage holds a million records or more at once: a national register's people, 16 million.)
class Record {
 public:
  static constexpr size_t kMaxBytes = UINT16_MAX;

  std::string_view operator[](Role r) const {
    const size_t i = size_t(r);
    return std::string_view(data_).substr(start_[i], start_[i + 1] - start_[i]);
  }
  // Replaces the value of `r` ("" = missing). Throws std::length_error, the record unchanged,
  // if the values would come to more than kMaxBytes.
  void Set(Role r, std::string_view value);
  size_t bytes() const { return data_.size(); }

 private:
  std::string data_;
  std::array<uint16_t, kRoleCount + 1> start_{};  // value i is data_[start_[i], start_[i + 1])
};

// Normalises `raw` for `role` (dates become YYYYMMDD with 00 for unknown parts; invalid
// dates become missing).
std::string NormaliseForRole(Role role, std::string_view raw);

}  // namespace cairn::resolve
