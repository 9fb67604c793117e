// SOC group profiles and assessments (engine/socg.h): parse, call, serialise.
#include <algorithm>

#include "api/body.h"
#include "api/handlers/handlers.h"
#include "engine/socg.h"

namespace cairn::api::handlers {
namespace {

nlohmann::json Entity(const storage::EntityRow& e) {
  nlohmann::json j = {{"id", e.id}, {"kind", e.kind}, {"name", e.name}};
  if (!e.company_number.empty()) j["company_number"] = e.company_number;
  if (!e.postcode.empty()) j["postcode"] = e.postcode;
  return j;
}

nlohmann::json Assessment(const storage::SocgAssessmentRow& a) {
  return {{"id", a.id},
          {"attributes", nlohmann::json::parse(a.attributes, nullptr, false)},
          {"harm", a.harm},
          {"likelihood", a.likelihood},
          {"confidence", a.confidence},
          {"score", a.score},
          {"band", a.band},
          {"rationale", a.rationale},
          {"assessor", a.assessor},
          {"assessed_at", a.assessed_at}};
}

nlohmann::json Profile(const engine::SocgProfile& p, bool full) {
  nlohmann::json j = {{"reference", p.reference},
                      {"entity_id", p.group.id},
                      {"members", p.members.size()},
                      {"businesses", p.businesses.size()},
                      {"crime_types", p.crime_types},
                      {"crime_types_from_records", p.crime_types_from_records},
                      {"councils", p.councils},
                      {"regions", p.regions},
                      {"postcode_areas", p.postcode_areas},
                      {"cross_border", p.cross_border},
                      {"uses_legitimate_business", p.uses_legitimate_business}};
  j["assessment"] = p.assessments.empty() ? nlohmann::json() : Assessment(p.assessments.front());
  if (!full) return j;
  nlohmann::json members = nlohmann::json::array(), businesses = nlohmann::json::array(),
                 addresses = nlohmann::json::array(), history = nlohmann::json::array();
  for (const auto& m : p.members) members.push_back(Entity(m));
  for (const auto& a : p.addresses) addresses.push_back(Entity(a));
  for (const auto& b : p.businesses) {
    nlohmann::json e = Entity(b.entity);
    e["how"] = b.how;
    e["risk"] = b.risk;
    businesses.push_back(e);
  }
  for (const auto& a : p.assessments) history.push_back(Assessment(a));
  j["members"] = members;
  j["businesses"] = businesses;
  j["addresses"] = addresses;
  j["notes"] = p.notes;
  j["assessments"] = history;
  return j;
}

}  // namespace

Result<Reply> ListSocgs(Request& req) {
  CAIRN_ASSIGN_OR_RETURN(auto groups, engine::ListSocgs(req.env, req.actor));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& g : groups) items.push_back(Profile(g, false));
  return Reply{200, {{"socgs", items}}, {}};
}

Result<Reply> GetSocg(Request& req) {
  CAIRN_ASSIGN_OR_RETURN(auto g, engine::ReadSocg(req.env, req.actor, req.params.at(0)));
  return Reply{200, Profile(g, true), {}};
}

Result<Reply> UpdateSocg(Request& req) {
  Body b(req.body);
  CAIRN_ASSIGN_OR_RETURN(auto types, b.OptStringList("crime_types"));
  CAIRN_ASSIGN_OR_RETURN(auto notes, b.OptString("notes"));
  CAIRN_RETURN_IF_ERROR(b.Finish());
  CAIRN_ASSIGN_OR_RETURN(auto g, engine::UpdateSocgProfile(req.env, req.actor, req.params.at(0),
                                                           types.value_or(std::vector<std::string>()), notes.value_or("")));
  return Reply{200, Profile(g, true), {}};
}

Result<Reply> AssessSocg(Request& req) {
  Body b(req.body);
  risk::ThreatInput in;
  CAIRN_ASSIGN_OR_RETURN(auto attributes, b.IntMap("attributes"));
  for (const auto& [k, v] : attributes) in.attributes[k] = int(std::clamp<int64_t>(v, -1, 99));
  CAIRN_ASSIGN_OR_RETURN(int64_t harm, b.Int("harm"));
  CAIRN_ASSIGN_OR_RETURN(int64_t likelihood, b.Int("likelihood"));
  CAIRN_ASSIGN_OR_RETURN(in.confidence, b.String("confidence"));
  CAIRN_ASSIGN_OR_RETURN(std::string rationale, b.String("rationale"));
  CAIRN_RETURN_IF_ERROR(b.Finish());
  in.harm = int(std::clamp<int64_t>(harm, -1, 99));
  in.likelihood = int(std::clamp<int64_t>(likelihood, -1, 99));
  CAIRN_ASSIGN_OR_RETURN(auto a, engine::AssessSocg(req.env, req.actor, req.params.at(0), in, rationale));
  return Reply{201, Assessment(a), {}};
}

Result<Reply> GetThreatSettings(Request&) {
  const auto& s = risk::DefaultThreatSettings();
  nlohmann::json attributes = nlohmann::json::array(), bands = nlohmann::json::array();
  for (const auto& a : s.attributes) attributes.push_back({{"code", a.code}, {"title", a.title}, {"weight", a.weight}});
  for (const auto& b : s.bands) bands.push_back({{"name", b.name}, {"min", b.min}});
  return Reply{200,
               {{"attributes", attributes},
                {"bands", bands},
                {"attribute_share", s.attribute_share},
                {"confidence_grades", s.confidence_grades},
                {"crime_types", s.crime_types}},
               {}};
}

}  // namespace cairn::api::handlers
