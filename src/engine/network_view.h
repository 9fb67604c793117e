// Reading the network: search, one entity with its sources, neighbourhoods and paths.
//
// Restricted records (intelligence) are visible only to analysts of the organisation that
// holds them. Everywhere — search hits, an entity's mentions and links, network and path
// results — what a viewer may not see is left out as if it did not exist: a restricted entity
// is "not found", a link through it is absent. Showing restricted content is audited.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/env.h"
#include "common/status.h"
#include "model/actor.h"
#include "storage/network.h"

namespace cairn::engine {

// True if `actor` may see a record with this restriction and owner.
bool CanSee(const model::Actor& actor, bool restricted, std::optional<int64_t> owner);

struct SearchHit {
  storage::EntityRow entity;
  double score = 0;  // 1 for an exact number or postcode; name similarity otherwise
};

// Entities matching `query`: a company number or postcode exactly, or a name allowing typos.
// InvalidField("q") for a query under 2 characters.
Result<std::vector<SearchHit>> Search(const app::Env& env, const model::Actor& actor, const std::string& query,
                                      int limit);

struct EntityView {
  storage::EntityRow entity;
  std::vector<storage::MentionView> mentions;  // the visible ones, with provenance
  std::vector<storage::LinkRow> links;         // the visible ones
  std::vector<storage::EntityRow> neighbours;  // the entities at the other end of those links
};

// NotFound if absent or not visible to `actor`.
Result<EntityView> ReadEntity(const app::Env& env, const model::Actor& actor, const std::string& id);

struct Subgraph {
  std::vector<storage::EntityRow> nodes;
  std::vector<storage::LinkRow> edges;
  bool truncated = false;  // the node limit was reached
};

// Everything within `hops` links of `id` (1–3), at most `max_nodes` nodes.
Result<Subgraph> Neighbourhood(const app::Env& env, const model::Actor& actor, const std::string& id, int hops,
                               size_t max_nodes = 500);

// A shortest chain of links from `from` to `to`, at most `max_hops` long; empty nodes if none.
Result<Subgraph> ShortestPath(const app::Env& env, const model::Actor& actor, const std::string& from,
                              const std::string& to, int max_hops = 6);

}  // namespace cairn::engine
