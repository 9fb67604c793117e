#include "risk/network.h"

namespace cairn::risk {

uint32_t Network::Add(Node node) {
  uint32_t i = uint32_t(nodes_.size());
  by_id_.emplace(node.id, i);
  nodes_.push_back(std::move(node));
  into_.emplace_back();
  out_of_.emplace_back();
  return i;
}

void Network::Link(Edge edge) {
  uint32_t e = uint32_t(edges_.size());
  out_of_[edge.from].push_back(e);
  into_[edge.to].push_back(e);
  edges_.push_back(std::move(edge));
}

std::optional<uint32_t> Network::Find(const std::string& id) const {
  auto it = by_id_.find(id);
  if (it == by_id_.end()) return std::nullopt;
  return it->second;
}

}  // namespace cairn::risk
