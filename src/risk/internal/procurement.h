// What the procurement flags (P1–P7) read of a contracting process in the network: its buyer's
// link (with the CPV codes and category, engine/extract.cc), its bidders and its awards.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "risk/network.h"

namespace cairn::risk::internal {

// One party's part in a process: a bid (bidder_in) or an award (supplier_to).
struct Part {
  uint32_t org = 0;      // the organisation node
  uint32_t edge = 0;     // index into Network::edges()
};

// The contracting process nodes, in node order.
std::vector<uint32_t> Processes(const Network& net);
// The process's buyer link, or null.
const Edge* BuyerLink(const Network& net, uint32_t process);
// Bids and awards into the process from organisations; each organisation once per kind, first
// link kept. Awards that were cancelled or unsuccessful are left out.
std::vector<Part> Bidders(const Network& net, uint32_t process);
std::vector<Part> Awards(const Network& net, uint32_t process);
// The amount of an award link, or -1 when it gives none.
double AwardAmount(const Edge& e);
// The process's CPV codes (from the buyer link), and whether it is works (main category, or a
// CPV code in division 45).
std::vector<std::string> Cpvs(const Network& net, uint32_t process);
bool IsWorks(const Network& net, uint32_t process);
// "the tender title (ocid)" for summaries.
std::string ProcessLabel(const Network& net, uint32_t process);

}  // namespace cairn::risk::internal
