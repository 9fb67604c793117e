// Money is held in pence as integers everywhere (never floating point); this writes it as people
// read it.
#pragma once

#include <cstdint>
#include <string>

namespace cairn {

// "£1,234.56", thousands separated; "-£5.00" for a negative amount.
inline std::string FormatPounds(int64_t pence) {
  std::string sign = pence < 0 ? "-" : "";
  uint64_t p = pence < 0 ? uint64_t(0) - uint64_t(pence) : uint64_t(pence);
  std::string whole = std::to_string(p / 100);
  for (int i = int(whole.size()) - 3; i > 0; i -= 3) whole.insert(size_t(i), ",");
  std::string cents = std::to_string(p % 100);
  if (cents.size() < 2) cents.insert(0, "0");
  return sign + "£" + whole + "." + cents;
}

// "1234.56": the amount in pounds with two decimals, no symbol or separators (open data, CSV).
inline std::string DecimalPounds(int64_t pence) {
  std::string s = FormatPounds(pence);
  std::string out;
  for (char c : s)
    if (c == '-' || c == '.' || (c >= '0' && c <= '9')) out += c;
  return out;
}

}  // namespace cairn
