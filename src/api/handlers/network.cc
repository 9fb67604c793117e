#include <cstdlib>

#include "api/handlers/handlers.h"
#include "api/body.h"
#include "engine/network_view.h"
#include "engine/resolution.h"

namespace cairn::api::handlers {
namespace {

nlohmann::json Entity(const storage::EntityRow& e) {
  nlohmann::json j = {{"id", e.id}, {"kind", e.kind}, {"name", e.name}, {"mention_count", e.mention_count},
                      {"restricted", e.restricted}};
  if (!e.company_number.empty()) j["company_number"] = e.company_number;
  if (!e.postcode.empty()) j["postcode"] = e.postcode;
  if (!e.birth_date.empty()) j["birth_date"] = e.birth_date;
  if (!e.restricted) {
    j["network"] = {{"degree", e.degree}, {"betweenness", e.betweenness}, {"component_size", e.component_size},
                    {"community", e.community}, {"community_size", e.community_size}};
  }
  return j;
}

nlohmann::json Link(const storage::LinkRow& l) {
  nlohmann::json j = {{"from", l.from_entity}, {"to", l.to_entity}, {"type", l.type}, {"restricted", l.restricted}};
  if (!l.start_date.empty()) j["start"] = l.start_date;
  if (!l.end_date.empty()) j["end"] = l.end_date;
  nlohmann::json detail = nlohmann::json::parse(l.detail, nullptr, false);
  if (!detail.is_discarded() && !detail.empty()) j["detail"] = detail;
  return j;
}

nlohmann::json Mention(const storage::MentionView& v) {
  const auto& m = v.mention;
  nlohmann::json fields = nlohmann::json::object();
  for (auto [k, val] : {std::pair{"name", &m.name}, {"given_name", &m.given_name}, {"surname", &m.surname},
                        {"company_number", &m.company_number}, {"birth_date", &m.birth_date},
                        {"address", &m.address}, {"postcode", &m.postcode}, {"reference", &m.reference}}) {
    if (!val->empty()) fields[k] = *val;
  }
  return {{"key", m.mention_key},
          {"role", m.role},
          {"fields", fields},
          {"match_reason", m.match_reason},
          {"restricted", m.restricted},
          {"source", {{"format", v.format}, {"record", v.record_key}, {"file", v.file}, {"line", v.line}}}};
}

nlohmann::json Graph(const engine::Subgraph& g) {
  nlohmann::json nodes = nlohmann::json::array(), edges = nlohmann::json::array();
  for (const auto& e : g.nodes) nodes.push_back(Entity(e));
  for (const auto& l : g.edges) edges.push_back(Link(l));
  return {{"nodes", nodes}, {"edges", edges}, {"truncated", g.truncated}};
}

std::string Param(const Request& req, const char* name) {
  return req.http.has_param(name) ? req.http.get_param_value(name) : std::string();
}

}  // namespace

Result<Reply> Search(Request& req) {
  CAIRN_ASSIGN_OR_RETURN(auto limit, IntQuery(req, "limit"));
  CAIRN_ASSIGN_OR_RETURN(auto hits, engine::Search(req.env, req.actor, Param(req, "q"), int(std::clamp<int64_t>(limit.value_or(20), 1, 100))));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& h : hits) {
    nlohmann::json j = Entity(h.entity);
    j["score"] = h.score;
    items.push_back(j);
  }
  return Reply{200, {{"results", items}}, {}};
}

Result<Reply> GetEntity(Request& req) {
  CAIRN_ASSIGN_OR_RETURN(auto v, engine::ReadEntity(req.env, req.actor, req.params.at(0)));
  nlohmann::json mentions = nlohmann::json::array(), links = nlohmann::json::array(),
                 neighbours = nlohmann::json::array();
  for (const auto& m : v.mentions) mentions.push_back(Mention(m));
  for (const auto& l : v.links) links.push_back(Link(l));
  for (const auto& n : v.neighbours) neighbours.push_back(Entity(n));
  return Reply{200, {{"entity", Entity(v.entity)}, {"mentions", mentions}, {"links", links}, {"neighbours", neighbours}}, {}};
}

Result<Reply> GetNetwork(Request& req) {
  CAIRN_ASSIGN_OR_RETURN(auto hops, IntQuery(req, "hops"));
  CAIRN_ASSIGN_OR_RETURN(auto g, engine::Neighbourhood(req.env, req.actor, req.params.at(0), int(hops.value_or(1))));
  return Reply{200, Graph(g), {}};
}

Result<Reply> GetPath(Request& req) {
  std::string from = Param(req, "from"), to = Param(req, "to");
  if (from.empty()) return InvalidField("from", "from is required");
  if (to.empty()) return InvalidField("to", "to is required");
  CAIRN_ASSIGN_OR_RETURN(auto g, engine::ShortestPath(req.env, req.actor, from, to));
  nlohmann::json body = Graph(g);
  body["found"] = !g.nodes.empty();
  return Reply{200, body, {}};
}

Result<Reply> DecideMatch(Request& req) {
  Body b(req.body);
  CAIRN_ASSIGN_OR_RETURN(std::string a, b.String("mention_a"));
  CAIRN_ASSIGN_OR_RETURN(std::string c, b.String("mention_b"));
  CAIRN_ASSIGN_OR_RETURN(std::string decision, b.String("decision"));
  CAIRN_ASSIGN_OR_RETURN(auto note, b.OptString("note"));
  CAIRN_RETURN_IF_ERROR(b.Finish());
  CAIRN_RETURN_IF_ERROR(engine::RecordDecision(req.env, req.actor, a, c, decision, note.value_or("")));
  return Reply{201, {{"recorded", true}, {"applies", "from the next resolution of the network"}}, {}};
}

}  // namespace cairn::api::handlers
