// Divert and victims (engine/divert.h): cases visible only to the organisations working them,
// every read audited. Parse, call, serialise.
#include "api/body.h"
#include "api/handlers/handlers.h"
#include "engine/divert.h"

namespace cairn::api::handlers {
namespace {

using nlohmann::json;

json CaseJson(const engine::DivertCaseView& v) {
  const auto& c = v.c;
  json members = json::array();
  for (const auto& [id, name] : v.members) members.push_back({{"id", id}, {"name", name}});
  json notes = json::array();
  for (const auto& n : v.notes) notes.push_back({{"at", n.at}, {"by", n.user}, {"text", n.text}});
  json j = {{"id", c.id},
            {"reference", c.reference},
            {"kind", c.kind},
            {"label", c.label},
            {"age_band", c.age_band},
            {"council_area", c.council_area},
            {"consent", c.consent},
            {"consent_note", c.consent_note},
            {"lead_organisation", c.lead_organisation},
            {"status", c.status},
            {"closed_reason", c.closed_reason},
            {"organisations", members},
            {"notes", notes},
            {"lead", v.lead},
            {"created_at", c.created_at}};
  if (c.kind == "trafficking_victim") {
    j["nrm"] = {{"referred_on", c.nrm_referred_on},
                {"reasonable_grounds", c.reasonable_grounds},
                {"reasonable_grounds_on", c.reasonable_grounds_on},
                {"conclusive_grounds", c.conclusive_grounds},
                {"conclusive_grounds_on", c.conclusive_grounds_on},
                {"support", {{"running", v.clock.running},
                             {"support_until", v.clock.support_until},
                             {"days_remaining", v.clock.days_remaining},
                             {"due_soon", v.clock.due_soon}}}};
  }
  if (c.kind == "doorstep_victim")
    j["doorstep"] = {{"nominated_neighbour", c.nominated_neighbour}, {"ncc_zone_requested_on", c.ncc_zone_requested_on}};
  return j;
}

}  // namespace

Result<Reply> ListDivertCases(Request& req) {
  CAIRN_ASSIGN_OR_RETURN(auto rows, engine::ListDivertCases(req.env, req.actor));
  json items = json::array();
  for (const auto& v : rows) items.push_back(CaseJson(v));
  return Reply{200, {{"cases", items}, {"age_bands", engine::AgeBands()}}, {}};
}

Result<Reply> CreateDivertCase(Request& req) {
  Body b(req.body);
  engine::DivertCaseInput in;
  CAIRN_ASSIGN_OR_RETURN(in.kind, b.String("kind"));
  CAIRN_ASSIGN_OR_RETURN(in.label, b.String("label"));
  CAIRN_ASSIGN_OR_RETURN(in.age_band, b.String("age_band"));
  CAIRN_ASSIGN_OR_RETURN(in.council_area, b.String("council_area"));
  CAIRN_ASSIGN_OR_RETURN(in.consent, b.String("consent"));
  for (auto [field, out] : {std::pair{"consent_note", &in.consent_note}, std::pair{"nrm_referred_on", &in.nrm_referred_on}}) {
    CAIRN_ASSIGN_OR_RETURN(auto v, b.OptString(field));
    if (v) *out = *v;
  }
  CAIRN_ASSIGN_OR_RETURN(auto neighbour, b.OptBool("nominated_neighbour"));
  in.nominated_neighbour = neighbour.value_or(false);
  CAIRN_ASSIGN_OR_RETURN(auto orgs, b.OptIntList("organisations"));
  CAIRN_RETURN_IF_ERROR(b.Finish());
  in.organisations = orgs.value_or(std::vector<int64_t>());
  CAIRN_ASSIGN_OR_RETURN(auto v, engine::CreateDivertCase(req.env, req.actor, in));
  return Reply{201, CaseJson(v), {}};
}

Result<Reply> GetDivertCase(Request& req) {
  CAIRN_ASSIGN_OR_RETURN(int64_t id, IdParam(req, 0));
  CAIRN_ASSIGN_OR_RETURN(auto v, engine::ReadDivertCase(req.env, req.actor, id));
  return Reply{200, CaseJson(v), {}};
}

Result<Reply> AddDivertOrganisation(Request& req) {
  CAIRN_ASSIGN_OR_RETURN(int64_t id, IdParam(req, 0));
  Body b(req.body);
  CAIRN_ASSIGN_OR_RETURN(auto org, b.Int("organisation_id"));
  CAIRN_RETURN_IF_ERROR(b.Finish());
  CAIRN_ASSIGN_OR_RETURN(auto v, engine::AddDivertOrganisation(req.env, req.actor, id, org));
  return Reply{200, CaseJson(v), {}};
}

Result<Reply> UpdateDivertNrm(Request& req) {
  CAIRN_ASSIGN_OR_RETURN(int64_t id, IdParam(req, 0));
  Body b(req.body);
  engine::NrmUpdate u;
  CAIRN_ASSIGN_OR_RETURN(u.referred_on, b.OptString("referred_on"));
  CAIRN_ASSIGN_OR_RETURN(u.reasonable_grounds, b.OptString("reasonable_grounds"));
  CAIRN_ASSIGN_OR_RETURN(u.reasonable_grounds_on, b.OptString("reasonable_grounds_on"));
  CAIRN_ASSIGN_OR_RETURN(u.conclusive_grounds, b.OptString("conclusive_grounds"));
  CAIRN_ASSIGN_OR_RETURN(u.conclusive_grounds_on, b.OptString("conclusive_grounds_on"));
  CAIRN_RETURN_IF_ERROR(b.Finish());
  CAIRN_ASSIGN_OR_RETURN(auto v, engine::UpdateNrm(req.env, req.actor, id, u));
  return Reply{200, CaseJson(v), {}};
}

Result<Reply> UpdateDivertDoorstep(Request& req) {
  CAIRN_ASSIGN_OR_RETURN(int64_t id, IdParam(req, 0));
  Body b(req.body);
  CAIRN_ASSIGN_OR_RETURN(auto neighbour, b.OptBool("nominated_neighbour"));
  CAIRN_ASSIGN_OR_RETURN(auto ncc, b.OptBool("request_ncc_zone"));
  CAIRN_RETURN_IF_ERROR(b.Finish());
  CAIRN_ASSIGN_OR_RETURN(auto v, engine::UpdateDoorstep(req.env, req.actor, id, neighbour.value_or(false), ncc.value_or(false)));
  return Reply{200, CaseJson(v), {}};
}

Result<Reply> AddDivertNote(Request& req) {
  CAIRN_ASSIGN_OR_RETURN(int64_t id, IdParam(req, 0));
  Body b(req.body);
  CAIRN_ASSIGN_OR_RETURN(auto text, b.String("text"));
  CAIRN_RETURN_IF_ERROR(b.Finish());
  CAIRN_ASSIGN_OR_RETURN(auto v, engine::AddDivertNote(req.env, req.actor, id, text));
  return Reply{201, CaseJson(v), {}};
}

Result<Reply> CloseDivertCase(Request& req) {
  CAIRN_ASSIGN_OR_RETURN(int64_t id, IdParam(req, 0));
  Body b(req.body);
  CAIRN_ASSIGN_OR_RETURN(auto reason, b.String("reason"));
  CAIRN_RETURN_IF_ERROR(b.Finish());
  CAIRN_ASSIGN_OR_RETURN(auto v, engine::CloseDivertCase(req.env, req.actor, id, reason));
  return Reply{200, CaseJson(v), {}};
}

}  // namespace cairn::api::handlers
