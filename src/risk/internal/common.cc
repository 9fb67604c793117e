#include "risk/internal/common.h"

#include <set>

namespace cairn::risk::internal {

std::set<std::string> Signals(const nlohmann::json& value) {
  std::set<std::string> out;
  auto add = [&](std::string s) {
    size_t a = s.find_first_not_of(' '), b = s.find_last_not_of(' ');
    if (a != std::string::npos) out.insert(s.substr(a, b - a + 1));
  };
  if (value.is_array()) {
    for (const auto& v : value) {
      if (v.is_string()) add(v.get<std::string>());
    }
  } else if (value.is_string()) {
    std::string text = value.get<std::string>();
    size_t start = 0;
    while (start <= text.size()) {
      size_t end = text.find_first_of(";|", start);
      if (end == std::string::npos) end = text.size();
      add(text.substr(start, end - start));
      start = end + 1;
    }
  }
  return out;
}

void FieldSignals(const char* code, const char* what, const Network& net, const Section& s, std::vector<Finding>* out) {
  const auto& listed = s.List("signals");
  const std::set<std::string> wanted(listed.begin(), listed.end());
  for (uint32_t c = 0; c < net.nodes().size(); ++c) {
    if (net.node(c).kind != "organisation") continue;
    std::set<std::string> seen;
    Finding f{code, c, 0};
    for (uint32_t e : net.out_of(c)) {
      const Edge& edge = net.edges()[e];
      if (edge.type != "trades_at") continue;
      std::string found;
      for (const auto& signal : internal::Signals(edge.detail.value("signals", nlohmann::json()))) {
        if (!wanted.count(signal)) continue;
        seen.insert(signal);
        found += (found.empty() ? "" : ", ") + signal;
      }
      if (!found.empty()) internal::Cite(f, edge.record, "visit on " + edge.start + ": " + found);
    }
    if (seen.empty()) continue;
    f.score = s.weight() * std::min(1.0, double(seen.size()) / std::max(1.0, s.Number("full_at")));
    f.summary = std::to_string(seen.size()) + " " + what + " signal" + (seen.size() > 1 ? "s" : "") + " seen on " +
                std::to_string(f.evidence.size()) + " visit" + (f.evidence.size() > 1 ? "s" : "");
    out->push_back(std::move(f));
  }
}


}  // namespace cairn::risk::internal
