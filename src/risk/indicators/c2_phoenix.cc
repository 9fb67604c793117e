// C2 Phoenix pattern: someone behind companies that failed young, now behind a live company
// that looks like one of them (Insolvency Act 1986 s216: re-use of a failed company's name).
#include <set>
#include <sstream>

#include "risk/indicators.h"
#include "risk/internal/common.h"

namespace cairn::risk {
namespace {

// The words of a company name without its legal suffix, in upper case.
std::set<std::string> NameWords(const std::string& name) {
  static const std::set<std::string> kSuffixes = {"LIMITED", "LTD", "LTD.", "PLC", "LLP", "CO", "COMPANY", "THE", "&"};
  std::set<std::string> words;
  std::istringstream in(name);
  std::string w;
  while (in >> w) {
    for (char& ch : w) ch = char(std::toupper(static_cast<unsigned char>(ch)));
    if (!kSuffixes.count(w)) words.insert(w);
  }
  return words;
}

bool SimilarNames(const std::string& a, const std::string& b, double floor) {
  auto x = NameWords(a), y = NameWords(b);
  if (x.empty() || y.empty()) return false;
  size_t shared = 0;
  for (const auto& w : x) shared += y.count(w);
  return double(shared) / double(std::max(x.size(), y.size())) >= floor;
}

bool Failed(const Node& n, int today, const Section& s) {
  if (!n.company) return false;
  auto inc = internal::Day(n.company->incorporated);
  auto end = internal::Day(n.company->dissolved);
  bool liquidation = n.company->status.find("iquidation") != std::string::npos;
  if (!inc || (!end && !liquidation)) return false;
  int failed_on = end ? *end : today;
  return failed_on - *inc <= int(s.Number("failed_within_days")) && failed_on >= today - int(s.Number("lookback_days"));
}

// Why `live` looks like `failed`, or "".
std::string Resemblance(const Node& live, const Node& failed, const Section& s) {
  if (SimilarNames(live.name, failed.name, s.Number("name_similarity"))) return "a similar name";
  for (const auto& sic : live.company->sic_codes) {
    for (const auto& other : failed.company->sic_codes) {
      if (sic == other) return "the same SIC code " + sic;
    }
  }
  const std::string& p = live.company->registered_postcode;
  if (!p.empty() && internal::PostcodeKey(p) == internal::PostcodeKey(failed.company->registered_postcode)) {
    return "the same registered postcode";
  }
  return "";
}

}  // namespace

void PhoenixPattern(const Network& net, const Section& s, const Settings&, std::vector<Finding>* out) {
  const int today = internal::Today(net);
  for (uint32_t p = 0; p < net.nodes().size(); ++p) {
    if (net.node(p).kind != "person") continue;
    std::vector<uint32_t> failed, live;  // edges
    std::set<uint32_t> seen_failed;
    for (uint32_t e : net.out_of(p)) {
      const Edge& edge = net.edges()[e];
      if (edge.type != "officer_of" && edge.type != "psc_of") continue;
      const Node& c = net.node(edge.to);
      if (Failed(c, today, s)) {
        if (seen_failed.insert(edge.to).second) failed.push_back(e);
      } else if (internal::IsActiveCompany(c) && internal::Current(edge, today)) {
        live.push_back(e);
      }
    }
    if (int(failed.size()) < int(s.Number("min_failed"))) continue;
    std::set<uint32_t> flagged;
    for (uint32_t le : live) {
      uint32_t c = net.edges()[le].to;
      if (flagged.count(c)) continue;
      for (uint32_t fe : failed) {
        const Node& old = net.node(net.edges()[fe].to);
        std::string why = Resemblance(net.node(c), old, s);
        if (why.empty()) continue;
        flagged.insert(c);
        Finding f{"C2", c, s.weight()};
        f.summary = internal::NameOf(net, p) + " was behind " + std::to_string(failed.size()) +
                    " companies that failed within " + std::to_string(int(s.Number("failed_within_days"))) +
                    " days of incorporation, and this company has " + why + " as " + old.name;
        internal::Cite(f, net.edges()[le].record, internal::NameOf(net, p) + " is " + net.edges()[le].type + " this company");
        for (uint32_t e : failed) {
          const Node& dead = net.node(net.edges()[e].to);
          internal::Cite(f, dead.company->record, dead.name + " incorporated " + dead.company->incorporated +
                                                      (dead.company->dissolved.empty() ? ", " + dead.company->status
                                                                                       : ", dissolved " + dead.company->dissolved));
          internal::Cite(f, net.edges()[e].record, internal::NameOf(net, p) + " was " + net.edges()[e].type + " " + dead.name);
        }
        Finding person = f;
        person.node = p;
        person.summary = internal::NameOf(net, p) + " is behind " + net.node(c).name + ", which has " + why + " as " +
                         old.name + ", one of " + std::to_string(failed.size()) + " companies of theirs that failed young";
        out->push_back(std::move(f));
        out->push_back(std::move(person));
        break;
      }
    }
  }
}

}  // namespace cairn::risk
