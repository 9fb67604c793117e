// Small text helpers shared across layers: comma-separated lists (how the store keeps short code
// lists), ASCII lower case, and escaping for HTML written by hand.
#pragma once

#include <cctype>
#include <sstream>
#include <string>
#include <vector>

namespace cairn {

// "a,b,,c" → {"a", "b", "c"} (empty items dropped).
inline std::vector<std::string> SplitList(const std::string& csv) {
  std::vector<std::string> out;
  std::stringstream in(csv);
  std::string item;
  while (std::getline(in, item, ','))
    if (!item.empty()) out.push_back(item);
  return out;
}

inline std::string JoinList(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : ",") + i;
  return out;
}

inline std::string AsciiLower(std::string s) {
  for (char& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// &, <, > and " as entities: safe inside element text and double-quoted attributes.
inline std::string HtmlEscape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace cairn
