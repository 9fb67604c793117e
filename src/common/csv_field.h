// Writing one CSV field (RFC 4180): quoted, with its quotes doubled, when it holds a comma, a
// quote or a line break; as it is otherwise.
#pragma once

#include <string>
#include <string_view>

namespace cairn {

inline std::string CsvField(std::string_view v) {
  if (v.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(v);
  std::string q = "\"";
  for (char c : v) {
    if (c == '"') q += '"';
    q += c;
  }
  return q + "\"";
}

}  // namespace cairn
