#include "engine/network_view.h"

#include <algorithm>
#include <deque>
#include <map>
#include <set>

#include "audit/chain.h"
#include "resolve/normalise.h"
#include "resolve/record.h"
#include "resolve/similarity.h"

namespace cairn::engine {
namespace {

bool Visible(const model::Actor& a, const storage::EntityRow& e) {
  return CanSee(a, e.restricted, e.owner_organisation_id);
}
bool Visible(const model::Actor& a, const storage::LinkRow& l) { return CanSee(a, l.restricted, l.owner_organisation_id); }

// An entity by id if `actor` may see it; nullopt otherwise.
Result<std::optional<storage::EntityRow>> VisibleEntity(storage::Tx& tx, const model::Actor& actor,
                                                        const std::string& id) {
  CAIRN_ASSIGN_OR_RETURN(auto e, storage::GetEntity(tx, id));
  if (!e || !Visible(actor, *e)) return std::optional<storage::EntityRow>();
  return e;
}

// Breadth-first search over visible links from `start`, stopping at `stop` (if set), `hops`
// or `max_nodes`. Records each reached node's parent link for path recovery.
struct Walk {
  std::map<std::string, storage::EntityRow> nodes;
  std::map<std::string, storage::LinkRow> parent;  // node → link it was reached by
  std::vector<storage::LinkRow> edges;
  bool truncated = false;
};

Status Bfs(storage::Tx& tx, const model::Actor& actor, const storage::EntityRow& start, int hops, size_t max_nodes,
           const std::string& stop, Walk* w) {
  std::deque<std::pair<std::string, int>> queue = {{start.id, 0}};
  w->nodes[start.id] = start;
  std::set<std::pair<std::string, std::string>> seen_edges;
  while (!queue.empty()) {
    auto [id, depth] = queue.front();
    queue.pop_front();
    if (id == stop || depth >= hops) continue;
    CAIRN_ASSIGN_OR_RETURN(auto links, storage::LinksOf(tx, id));
    for (const auto& l : links) {
      if (!Visible(actor, l)) continue;
      const std::string& other = l.from_entity == id ? l.to_entity : l.from_entity;
      if (!w->nodes.count(other)) {
        if (w->nodes.size() >= max_nodes) {
          w->truncated = true;
          continue;
        }
        CAIRN_ASSIGN_OR_RETURN(auto e, VisibleEntity(tx, actor, other));
        if (!e) continue;
        w->nodes[other] = *e;
        w->parent[other] = l;
        queue.emplace_back(other, depth + 1);
      }
      std::string key = l.from_entity + "|" + l.to_entity + "|" + l.type + "|" + l.start_date;
      if (seen_edges.insert({key, std::to_string(l.source_record_id)}).second) w->edges.push_back(l);
    }
  }
  return Status::Ok();
}

// Name similarity that ignores word order: "smith john" finds "john smith".
double NameScore(const std::string& query, const std::string& name) {
  auto sorted = [](const std::string& text) {
    auto words = resolve::Tokens(text);
    std::sort(words.begin(), words.end());
    std::string out;
    for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
    return out;
  };
  if (name.find(query) != std::string::npos) return 0.99;
  return std::max(resolve::JaroWinkler(query, name), resolve::JaroWinkler(sorted(query), sorted(name)));
}

bool LooksLikeCompanyNumber(const std::string& q) {
  return q.size() >= 6 && q.size() <= 10 && std::any_of(q.begin(), q.end(), ::isdigit) &&
         std::all_of(q.begin(), q.end(), [](unsigned char c) { return std::isalnum(c) || c == ' '; });
}

}  // namespace

bool CanSee(const model::Actor& actor, bool restricted, std::optional<int64_t> owner) {
  if (!restricted) return true;
  return actor.role == model::Role::kAnalyst && owner && actor.organisation_id == owner;
}

Result<std::vector<SearchHit>> Search(const app::Env& env, const model::Actor& actor, const std::string& query,
                                      int limit) {
  std::string q = query;
  q.erase(0, q.find_first_not_of(" \t"));
  q.erase(q.find_last_not_of(" \t") + 1);
  if (q.size() < 2) return InvalidField("q", "type at least 2 characters");
  // The query may be a company number, a postcode or a name: try it as each.
  std::string company_number = LooksLikeCompanyNumber(q) ? resolve::NormaliseForRole(resolve::Role::kCompanyNumber, q) : "";
  std::string postcode = resolve::NormalisePostcode(q);
  std::string name = resolve::NormaliseText(q);
  std::vector<std::string> sounds;  // every word's Soundex, so one misspelt word still finds
  for (const auto& w : resolve::Tokens(name)) {
    if (w.size() >= 3 && sounds.size() < 4) sounds.push_back(resolve::Soundex(w));
  }
  std::vector<SearchHit> hits;
  CAIRN_RETURN_IF_ERROR(env.db.Read([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(auto rows, storage::FindEntities(tx, company_number, postcode, name, sounds, 2000));
    for (auto& e : rows) {
      if (!Visible(actor, e)) continue;
      double score = (!company_number.empty() && e.company_number == company_number) || e.postcode == postcode
                         ? 1.0
                         : NameScore(name, e.search_name);
      if (score >= 0.75) hits.push_back({std::move(e), score});
    }
    return Status::Ok();
  }));
  std::stable_sort(hits.begin(), hits.end(), [](const SearchHit& a, const SearchHit& b) { return a.score > b.score; });
  if (int(hits.size()) > limit) hits.resize(size_t(limit));
  bool restricted_shown = std::any_of(hits.begin(), hits.end(), [](const SearchHit& h) { return h.entity.restricted; });
  if (restricted_shown) {
    CAIRN_RETURN_IF_ERROR(env.db.Write([&](storage::Tx& tx) {
      return audit::Append(tx, env.clock, actor, {"read", "search", "", true, {{"q", query}, {"restricted_results", true}}});
    }));
  }
  return hits;
}

Result<EntityView> ReadEntity(const app::Env& env, const model::Actor& actor, const std::string& id) {
  EntityView v;
  bool restricted_shown = false;
  CAIRN_RETURN_IF_ERROR(env.db.Read([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(auto e, VisibleEntity(tx, actor, id));
    if (!e) return NotFound("no entity " + id);
    v.entity = *e;
    restricted_shown = e->restricted;
    CAIRN_ASSIGN_OR_RETURN(auto mentions, storage::MentionsOf(tx, id));
    for (auto& m : mentions) {
      if (!CanSee(actor, m.mention.restricted, m.mention.owner_organisation_id)) continue;
      restricted_shown = restricted_shown || m.mention.restricted;
      v.mentions.push_back(std::move(m));
    }
    CAIRN_ASSIGN_OR_RETURN(auto links, storage::LinksOf(tx, id));
    std::set<std::string> neighbours;
    for (auto& l : links) {
      if (!Visible(actor, l)) continue;
      const std::string& other = l.from_entity == id ? l.to_entity : l.from_entity;
      CAIRN_ASSIGN_OR_RETURN(auto n, VisibleEntity(tx, actor, other));
      if (!n) continue;
      restricted_shown = restricted_shown || l.restricted || n->restricted;
      if (neighbours.insert(other).second) v.neighbours.push_back(*n);
      v.links.push_back(std::move(l));
    }
    return Status::Ok();
  }));
  if (restricted_shown) {
    CAIRN_RETURN_IF_ERROR(env.db.Write([&](storage::Tx& tx) {
      return audit::Append(tx, env.clock, actor, {"read", "entity", id, true, {{"restricted", true}}});
    }));
  }
  return v;
}

Result<Subgraph> Neighbourhood(const app::Env& env, const model::Actor& actor, const std::string& id, int hops,
                               size_t max_nodes) {
  if (hops < 1 || hops > 3) return InvalidField("hops", "must be 1, 2 or 3");
  Walk w;
  CAIRN_RETURN_IF_ERROR(env.db.Read([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(auto start, VisibleEntity(tx, actor, id));
    if (!start) return NotFound("no entity " + id);
    return Bfs(tx, actor, *start, hops, max_nodes, "", &w);
  }));
  Subgraph g;
  for (auto& [_, e] : w.nodes) g.nodes.push_back(e);
  g.edges = std::move(w.edges);
  g.truncated = w.truncated;
  bool restricted_shown = std::any_of(g.nodes.begin(), g.nodes.end(), [](const auto& e) { return e.restricted; }) ||
                          std::any_of(g.edges.begin(), g.edges.end(), [](const auto& l) { return l.restricted; });
  if (restricted_shown) {
    CAIRN_RETURN_IF_ERROR(env.db.Write([&](storage::Tx& tx) {
      return audit::Append(tx, env.clock, actor, {"read", "network", id, true, {{"hops", hops}, {"restricted", true}}});
    }));
  }
  return g;
}

Result<Subgraph> ShortestPath(const app::Env& env, const model::Actor& actor, const std::string& from,
                              const std::string& to, int max_hops) {
  Walk w;
  CAIRN_RETURN_IF_ERROR(env.db.Read([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(auto a, VisibleEntity(tx, actor, from));
    if (!a) return NotFound("no entity " + from);
    CAIRN_ASSIGN_OR_RETURN(auto b, VisibleEntity(tx, actor, to));
    if (!b) return NotFound("no entity " + to);
    return Bfs(tx, actor, *a, max_hops, 100000, to, &w);
  }));
  Subgraph g;
  if (!w.nodes.count(to)) return g;
  for (std::string at = to;; ) {
    g.nodes.insert(g.nodes.begin(), w.nodes[at]);
    if (at == from) break;
    const storage::LinkRow& l = w.parent[at];
    g.edges.insert(g.edges.begin(), l);
    at = l.from_entity == at ? l.to_entity : l.from_entity;
  }
  if (std::any_of(g.nodes.begin(), g.nodes.end(), [](const auto& e) { return e.restricted; }) ||
      std::any_of(g.edges.begin(), g.edges.end(), [](const auto& l) { return l.restricted; })) {
    CAIRN_RETURN_IF_ERROR(env.db.Write([&](storage::Tx& tx) {
      return audit::Append(tx, env.clock, actor, {"read", "path", from + "→" + to, true, {{"restricted", true}}});
    }));
  }
  return g;
}

}  // namespace cairn::engine
