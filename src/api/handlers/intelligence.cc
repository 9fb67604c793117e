// Intelligence records, reviews and disclosures (engine/intelligence.h): parse, call, serialise.
#include <algorithm>

#include "api/body.h"
#include "api/handlers/handlers.h"
#include "engine/intelligence.h"

namespace cairn::api::handlers {
namespace {

nlohmann::json Disclosure(const storage::DisclosureRow& d, bool with_record) {
  nlohmann::json j = {{"id", d.id},
                      {"from_organisation", {{"id", d.from_organisation_id}, {"name", d.from_organisation}}},
                      {"to_organisation", {{"id", d.to_organisation_id}, {"name", d.to_organisation}}},
                      {"released_text", d.released_text},
                      {"lawful_basis", d.lawful_basis},
                      {"handling_conditions", d.handling_conditions},
                      {"disclosed_at", d.disclosed_at}};
  if (!d.schedule1_condition.empty()) j["schedule1_condition"] = d.schedule1_condition;
  if (with_record) j["record"] = d.source_record_id;  // the holder's view only
  return j;
}

nlohmann::json Record(const engine::IntelRecord& r, bool full) {
  nlohmann::json subject = {{"id", r.subject_id}, {"type", r.subject_type}};
  for (auto [k, v] : {std::pair{"name", &r.name}, {"date_of_birth", &r.date_of_birth}, {"company_number", &r.company_number},
                      {"address", &r.address}, {"postcode", &r.postcode}, {"socg_reference", &r.socg_reference}}) {
    if (!v->empty()) subject[k] = *v;
  }
  nlohmann::json grading = {{"model", "3x5x2"}, {"source", r.source_grade}, {"information", r.information_grade},
                            {"handling", r.handling_code}};
  if (!r.handling_conditions.empty()) grading["handling_conditions"] = r.handling_conditions;
  if (!r.legacy_grading.is_null()) grading["legacy"] = r.legacy_grading;
  nlohmann::json j = {{"id", r.id},
                      {"subject", subject},
                      {"grading", grading},
                      {"originator", r.originator},
                      {"recorded_on", r.recorded_on},
                      {"review_on", r.review_on},
                      {"review_due", r.review_due},
                      {"source", {{"file", r.file}, {"line", r.line}}}};
  if (!r.entity_id.empty()) j["entity"] = {{"id", r.entity_id}, {"name", r.entity_name}, {"kind", r.entity_kind}};
  if (full) {
    nlohmann::json reviews = nlohmann::json::array(), disclosures = nlohmann::json::array();
    for (const auto& v : r.reviews) {
      reviews.push_back({{"reviewed_at", v.reviewed_at}, {"reviewer", v.reviewer}, {"next_review_on", v.next_review_on},
                         {"note", v.note}});
    }
    for (const auto& d : r.disclosures) disclosures.push_back(Disclosure(d, true));
    j["reviews"] = reviews;
    j["disclosures"] = disclosures;
  }
  return j;
}

}  // namespace

Result<Reply> ListIntelligence(Request& req) {
  engine::IntelQuery q;
  std::string due = req.http.has_param("due") ? req.http.get_param_value("due") : "";
  if (!due.empty() && due != "true" && due != "false") return InvalidField("due", "must be true or false");
  q.due_only = due == "true";
  q.subject_type = req.http.has_param("type") ? req.http.get_param_value("type") : "";
  CAIRN_ASSIGN_OR_RETURN(Paging paging, PagingQuery(req, 100, 500));
  q.limit = paging.limit;
  q.offset = paging.offset;
  CAIRN_ASSIGN_OR_RETURN(auto page, engine::ListIntelligence(req.env, req.actor, q));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& r : page.records) items.push_back(Record(r, false));
  return Reply{200, {{"records", items}, {"total", page.total}, {"limit", q.limit}, {"offset", q.offset}}, {}};
}

Result<Reply> GetIntelligence(Request& req) {
  CAIRN_ASSIGN_OR_RETURN(int64_t id, IdParam(req, 0));
  CAIRN_ASSIGN_OR_RETURN(auto r, engine::ReadIntelligence(req.env, req.actor, id));
  return Reply{200, Record(r, true), {}};
}

Result<Reply> ReviewIntelligence(Request& req) {
  CAIRN_ASSIGN_OR_RETURN(int64_t id, IdParam(req, 0));
  Body b(req.body);
  CAIRN_ASSIGN_OR_RETURN(std::string next, b.String("next_review_on"));
  CAIRN_ASSIGN_OR_RETURN(std::string note, b.String("note"));
  CAIRN_RETURN_IF_ERROR(b.Finish());
  CAIRN_ASSIGN_OR_RETURN(auto r, engine::ReviewIntelligence(req.env, req.actor, id, next, note));
  return Reply{201, Record(r, true), {}};
}

Result<Reply> CreateDisclosure(Request& req) {
  CAIRN_ASSIGN_OR_RETURN(int64_t id, IdParam(req, 0));
  Body b(req.body);
  engine::DisclosureRequest d;
  CAIRN_ASSIGN_OR_RETURN(auto to, b.OptInt("to_organisation_id"));
  if (!to) return InvalidField("to_organisation_id", "to_organisation_id is required");
  d.to_organisation_id = *to;
  CAIRN_ASSIGN_OR_RETURN(d.released_text, b.String("released_text"));
  CAIRN_ASSIGN_OR_RETURN(d.lawful_basis, b.String("lawful_basis"));
  CAIRN_ASSIGN_OR_RETURN(auto condition, b.OptString("schedule1_condition"));
  CAIRN_ASSIGN_OR_RETURN(auto handling, b.OptString("handling_conditions"));
  CAIRN_RETURN_IF_ERROR(b.Finish());
  d.schedule1_condition = condition.value_or("");
  d.handling_conditions = handling.value_or("");
  CAIRN_ASSIGN_OR_RETURN(auto made, engine::Disclose(req.env, req.actor, id, d));
  return Reply{201, Disclosure(made, true), {}};
}

Result<Reply> ListDisclosures(Request& req) {
  std::string direction = req.http.has_param("direction") ? req.http.get_param_value("direction") : "received";
  CAIRN_ASSIGN_OR_RETURN(auto rows, engine::ListDisclosures(req.env, req.actor, direction));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& d : rows) items.push_back(Disclosure(d, direction == "made"));
  return Reply{200, {{"disclosures", items}, {"direction", direction}}, {}};
}

Result<Reply> ListLawfulBases(Request&) {
  const auto& all = engine::AllLawfulBases();
  nlohmann::json bases = nlohmann::json::array(), conditions = nlohmann::json::array();
  for (const auto& b : all.bases) bases.push_back({{"code", b.code}, {"title", b.title}, {"needs_condition", b.needs_condition}});
  for (const auto& [code, title] : all.conditions) conditions.push_back({{"code", code}, {"title", title}});
  return Reply{200, {{"bases", bases}, {"schedule1_conditions", conditions}}, {}};
}

}  // namespace cairn::api::handlers
