#include "risk/internal/procurement.h"

#include <algorithm>

namespace cairn::risk::internal {
namespace {

std::vector<Part> PartsOf(const Network& net, uint32_t process, const char* type) {
  std::vector<Part> out;
  for (uint32_t e : net.into(process)) {
    const Edge& edge = net.edges()[e];
    if (edge.type != type || net.node(edge.from).kind != "organisation") continue;
    std::string status = edge.detail.value("status", std::string());
    if (edge.type == "supplier_to" && (status == "cancelled" || status == "unsuccessful")) continue;
    bool seen = std::any_of(out.begin(), out.end(), [&](const Part& p) { return p.org == edge.from; });
    if (!seen) out.push_back({edge.from, e});
  }
  return out;
}

}  // namespace

std::vector<uint32_t> Processes(const Network& net) {
  std::vector<uint32_t> out;
  for (uint32_t i = 0; i < net.nodes().size(); ++i)
    if (net.node(i).kind == "process") out.push_back(i);
  return out;
}

const Edge* BuyerLink(const Network& net, uint32_t process) {
  for (uint32_t e : net.into(process))
    if (net.edges()[e].type == "buyer_in") return &net.edges()[e];
  return nullptr;
}

std::vector<Part> Bidders(const Network& net, uint32_t process) {
  std::vector<Part> out = PartsOf(net, process, "bidder_in");
  // A supplier that no bid names still took part.
  for (const Part& p : PartsOf(net, process, "supplier_to"))
    if (std::none_of(out.begin(), out.end(), [&](const Part& q) { return q.org == p.org; })) out.push_back(p);
  return out;
}

std::vector<Part> Awards(const Network& net, uint32_t process) { return PartsOf(net, process, "supplier_to"); }

double AwardAmount(const Edge& e) {
  const auto& v = e.detail.value("value", nlohmann::json());
  if (v.is_object() && v.contains("amount") && v["amount"].is_number()) return v["amount"].get<double>();
  return -1;
}

std::vector<std::string> Cpvs(const Network& net, uint32_t process) {
  std::vector<std::string> out;
  if (const Edge* buyer = BuyerLink(net, process)) {
    for (const auto& c : buyer->detail.value("cpv", nlohmann::json::array()))
      if (c.is_string()) out.push_back(c.get<std::string>());
  }
  return out;
}

bool IsWorks(const Network& net, uint32_t process) {
  const Edge* buyer = BuyerLink(net, process);
  if (buyer && buyer->detail.value("category", std::string()) == "works") return true;
  for (const auto& c : Cpvs(net, process))
    if (c.rfind("45", 0) == 0) return true;
  return false;
}

std::string ProcessLabel(const Network& net, uint32_t process) {
  const Node& n = net.node(process);
  return n.name.empty() ? n.id : n.name + " (" + n.id + ")";
}

}  // namespace cairn::risk::internal
