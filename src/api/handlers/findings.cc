// Findings and entity risk (engine/detection.h): parse, call, serialise.
#include <algorithm>
#include <cstdlib>

#include "api/body.h"
#include "api/handlers/handlers.h"
#include "engine/detection.h"

namespace cairn::api::handlers {
namespace {

nlohmann::json Finding(const storage::FindingRow& f) {
  nlohmann::json j = {{"id", f.id},
                      {"indicator", f.indicator},
                      {"entity", {{"id", f.entity_id}, {"kind", f.entity_kind}, {"name", f.entity_name}}},
                      {"score", f.score},
                      {"summary", f.summary},
                      {"status", f.status},
                      {"restricted", f.restricted},
                      {"postcode_area", f.postcode_area},
                      {"sic_codes", f.sic_codes},
                      {"first_detected_at", f.first_detected_at},
                      {"detected_at", f.detected_at},
                      {"evidence", nlohmann::json::parse(f.evidence, nullptr, false)}};
  if (!f.decided_at.empty()) {
    j["decision"] = {{"reason", f.decision_reason}, {"decided_at", f.decided_at}, {"decided_by", f.decided_by.value_or(0)},
                     // A dismissal stops holding once the evidence changes; the finding reopens.
                     {"evidence_changed_since", f.decided_evidence_hash != f.evidence_hash}};
  }
  return j;
}

std::string Param(const Request& req, const char* name) {
  return req.http.has_param(name) ? req.http.get_param_value(name) : std::string();
}

}  // namespace

Result<Reply> ListFindings(Request& req) {
  storage::FindingQuery q;
  q.indicator = Param(req, "indicator");
  q.status = Param(req, "status");
  q.postcode_area = Param(req, "area");
  q.sic_code = Param(req, "sector");
  q.entity_id = Param(req, "entity");
  if (!q.status.empty() && q.status != "open" && q.status != "dismissed" && q.status != "confirmed") {
    return InvalidField("status", "must be open, dismissed or confirmed");
  }
  std::string min = Param(req, "min_score");
  if (!min.empty()) {
    char* end = nullptr;
    q.min_score = std::strtod(min.c_str(), &end);
    if (end != min.c_str() + min.size() || q.min_score < 0 || q.min_score > 1) {
      return InvalidField("min_score", "must be a number from 0 to 1");
    }
  }
  CAIRN_ASSIGN_OR_RETURN(Paging paging, PagingQuery(req, 50, 500));
  q.limit = paging.limit;
  q.offset = paging.offset;
  CAIRN_ASSIGN_OR_RETURN(auto page, engine::ListFindings(req.env, req.actor, q));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& f : page.findings) items.push_back(Finding(f));
  return Reply{200, {{"findings", items}, {"total", page.total}, {"limit", q.limit}, {"offset", q.offset}}, {}};
}

Result<Reply> GetFinding(Request& req) {
  CAIRN_ASSIGN_OR_RETURN(int64_t id, IdParam(req, 0));
  CAIRN_ASSIGN_OR_RETURN(auto f, engine::ReadFinding(req.env, req.actor, id));
  return Reply{200, Finding(f), {}};
}

Result<Reply> DecideFinding(Request& req) {
  CAIRN_ASSIGN_OR_RETURN(int64_t id, IdParam(req, 0));
  Body b(req.body);
  CAIRN_ASSIGN_OR_RETURN(std::string decision, b.String("decision"));
  CAIRN_ASSIGN_OR_RETURN(auto reason, b.OptString("reason"));
  CAIRN_RETURN_IF_ERROR(b.Finish());
  CAIRN_ASSIGN_OR_RETURN(auto f, engine::DecideOnFinding(req.env, req.actor, id, decision, reason.value_or("")));
  return Reply{200, Finding(f), {}};
}

Result<Reply> GetRisk(Request& req) {
  CAIRN_ASSIGN_OR_RETURN(auto r, engine::RiskOfEntity(req.env, req.actor, req.params.at(0)));
  nlohmann::json findings = nlohmann::json::array();
  for (const auto& f : r.findings) findings.push_back(Finding(f));
  nlohmann::json body = {{"findings", findings}, {"refer", r.refer}};
  if (r.risk) {
    body["risk"] = {{"risk", r.risk->risk}, {"own", r.risk->own_score}, {"neighbours", r.risk->neighbour_score},
                    {"restricted", r.risk->restricted}};
  } else {
    body["risk"] = {{"risk", 0}, {"own", 0}, {"neighbours", 0}, {"restricted", false}};
  }
  return Reply{200, body, {}};
}

}  // namespace cairn::api::handlers
