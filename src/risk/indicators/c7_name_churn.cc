// C7 Name churn: a company that keeps changing its name (Trading Standards: doorstep scammers
// change names to shed reviews and complaints).
#include "risk/indicators.h"
#include "risk/internal/common.h"

namespace cairn::risk {

void NameChurn(const Network& net, const Section& s, const Settings&, std::vector<Finding>* out) {
  const int today = internal::Today(net);
  const int from = today - int(s.Number("window_days"));
  for (uint32_t c = 0; c < net.nodes().size(); ++c) {
    const Node& n = net.node(c);
    if (!n.company) continue;
    std::vector<std::string> changes;
    for (const auto& d : n.company->name_changes) {
      if (internal::Within(d, from, today)) changes.push_back(d);
    }
    if (changes.size() < size_t(s.Number("min_changes"))) continue;
    Finding f{"C7", c, s.weight()};
    f.summary = std::to_string(changes.size()) + " name changes in the " + std::to_string(int(s.Number("window_days"))) +
                " days to " + net.as_of;
    std::string dates;
    for (const auto& d : changes) dates += (dates.empty() ? "" : ", ") + d;
    internal::Cite(f, n.company->record, "previous names changed on " + dates);
    out->push_back(std::move(f));
  }
}

}  // namespace cairn::risk
