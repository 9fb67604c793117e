#include "resolve/record.h"

#include <cstdio>
#include <stdexcept>
#include <string>

#include "resolve/normalise.h"

namespace cairn::resolve {
namespace {

constexpr std::array<std::string_view, kRoleCount> kNames = {
    "given_name", "middle_name", "surname", "full_name", "dob", "birth_year", "birth_month",
    "address", "town", "postcode", "email", "phone", "org_name", "company_number", "id_number"};

std::string Upper(std::string s) {
  for (char& c : s) c = char(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

std::string_view RoleName(Role role) { return kNames[size_t(role)]; }

void Record::Set(Role r, std::string_view value) {
  const size_t i = size_t(r);
  const size_t from = start_[i], to = start_[i + 1];
  if (data_.size() - (to - from) + value.size() > kMaxBytes) {
    throw std::length_error("a record's values come to more than " + std::to_string(kMaxBytes) + " bytes");
  }
  data_.replace(from, to - from, value);  // std::string copes when `value` views data_ itself
  const int64_t moved = int64_t(value.size()) - int64_t(to - from);
  for (size_t j = i + 1; j <= kRoleCount; ++j) start_[j] = uint16_t(int64_t(start_[j]) + moved);
}

std::optional<Role> ParseRole(std::string_view name) {
  for (size_t i = 0; i < kRoleCount; ++i) {
    if (kNames[i] == name) return Role(i);
  }
  return std::nullopt;
}

std::string NormaliseForRole(Role role, std::string_view raw) {
  switch (role) {
    case Role::kGivenName:
    case Role::kMiddleName:
    case Role::kSurname:
    case Role::kFullName: return NormalisePersonName(raw);
    case Role::kDob: {
      auto d = ParseDate(raw);
      if (!d) return "";
      char buf[16];
      std::snprintf(buf, sizeof buf, "%04d%02d%02d", d->year, d->month, d->day);
      return buf;
    }
    case Role::kBirthYear:
    case Role::kBirthMonth:
    case Role::kPhone:
    case Role::kIdNumber: return DigitsOnly(raw);
    case Role::kAddress:
    case Role::kTown: return NormaliseText(raw);
    case Role::kPostcode: return NormalisePostcode(raw);
    case Role::kEmail: {
      std::string e;
      for (unsigned char c : raw) {
        if (!std::isspace(c)) e += char(std::tolower(c));
      }
      return e;
    }
    case Role::kOrgName: return NormaliseOrganisationName(raw);
    case Role::kCompanyNumber: {
      std::string s;
      for (unsigned char c : raw) if (std::isalnum(c)) s += char(c);
      s = Upper(s);
      // Companies House numbers are 8 characters: "SC12345" and "SC012345" are one company.
      size_t digits_from = s.find_first_of("0123456789");
      if (digits_from != std::string::npos && s.size() < 8) s.insert(digits_from, 8 - s.size(), '0');
      return s;
    }
  }
  return std::string(raw);
}

}  // namespace cairn::resolve
