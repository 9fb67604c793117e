// Running the indicators and scoring entities: the risk module's entry points.
#pragma once

#include <vector>

#include "risk/finding.h"
#include "risk/indicators.h"
#include "risk/network.h"
#include "risk/settings.h"

namespace cairn::risk {

// Runs every enabled indicator (in parallel; the result does not depend on it). Findings of one
// indicator on one node with the same restriction and owner are merged into one: summaries
// joined, evidence united, the highest score kept. Ordered by node, then indicator, then
// restriction: the same network and settings always give the same findings.
std::vector<Finding> Detect(const Network& net, const Settings& settings);

struct Risk {
  double own = 0;         // 1 − Π(1 − score) over the node's findings
  double neighbours = 0;  // the largest own risk within reach, times neighbour_weight per link
  double risk = 0;        // 1 − (1 − own)(1 − neighbours)
};

// Each node's risk from `findings`. Links through process nodes (bidders of one tender) carry no
// risk, nor do nodes with more than max_degree_to_pass links. With `include_restricted` false,
// restricted findings and links are left out: the risk a partner may see.
std::vector<Risk> Combine(const Network& net, const std::vector<const Finding*>& findings, const Section& risk,
                          bool include_restricted);

}  // namespace cairn::risk
