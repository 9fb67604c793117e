// Small helpers the indicators share.
#pragma once

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "risk/finding.h"
#include "risk/internal/dates.h"
#include "risk/network.h"
#include "risk/settings.h"

namespace cairn::risk::internal {

// The as-of date as a day number. REQUIRES: network.as_of is a YYYY-MM-DD date (the engine and
// tests set it).
inline int Today(const Network& net) { return Day(net.as_of).value_or(0); }

// True if the link has not ended by `today` (no end date, or one after today).
inline bool Current(const Edge& e, int today) {
  auto end = Day(e.end);
  return !end || *end > today;
}

inline bool Within(const std::string& date, int from, int to) {
  auto d = Day(date);
  return d && *d >= from && *d <= to;
}

inline bool IsActiveCompany(const Node& n) {
  return n.company && n.company->dissolved.empty() && (n.company->status.empty() || n.company->status == "Active");
}

inline bool HasSic(const Node& n, const std::vector<std::string>& codes) {
  if (!n.company) return false;
  for (const auto& sic : n.company->sic_codes) {
    if (std::find(codes.begin(), codes.end(), sic) != codes.end()) return true;
  }
  return false;
}

inline bool IsDirector(const Edge& e) {
  return e.type == "officer_of" && e.detail.value("role", std::string()).find("director") != std::string::npos;
}

// Appends evidence for `record` unless it is already there.
inline void Cite(Finding& f, int64_t record, std::string note) {
  for (const auto& e : f.evidence) {
    if (e.record == record && e.note == note) return;
  }
  f.evidence.push_back({record, std::move(note)});
}

// "an officer" → the name of node i, for summaries.
inline std::string NameOf(const Network& net, uint32_t i) {
  const Node& n = net.node(i);
  return n.name.empty() ? n.id : n.name;
}

// Postcode in upper case without spaces, for comparing.
inline std::string PostcodeKey(std::string p) {
  std::string out;
  for (char c : p) {
    if (c != ' ') out += char(std::toupper(static_cast<unsigned char>(c)));
  }
  return out;
}

// The distinct strings of a list of signals, whether an array or "a; b" text.
std::set<std::string> Signals(const nlohmann::json& value);

// B1 and B2: a finding `code` for each organisation whose inspection visits (trades_at links)
// saw any of the section's `signals`, scored weight × min(1, distinct signals ÷ full_at).
void FieldSignals(const char* code, const char* what, const Network& net, const Section& s, std::vector<Finding>* out);

}  // namespace cairn::risk::internal
