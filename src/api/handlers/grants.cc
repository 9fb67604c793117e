// The grant scheme (engine/grants.h): schemes and their ledger, applications from draft to final
// report, and the 360Giving export. Parse, call, serialise. Money in pence.
#include "api/body.h"
#include "api/handlers/handlers.h"
#include "engine/grants.h"

namespace cairn::api::handlers {
namespace {

using nlohmann::json;

json SchemeJson(const engine::SchemeView& v) {
  const auto& s = v.scheme;
  const auto& g = v.ledger;
  json by_strand = json::object();
  for (const auto& [strand, pence] : v.awarded_by_strand) by_strand[strand] = pence;
  json by_status = json::object();
  for (const auto& [status, n] : v.applications_by_status) by_status[status] = n;
  return {{"id", s.id},
          {"code", s.code},
          {"title", s.title},
          {"description", s.description},
          {"funder", v.funder},
          {"budget_pence", s.budget_pence},
          {"max_grant_pence", s.max_grant_pence},
          {"opens_on", s.opens_on},
          {"closes_on", s.closes_on},
          {"open", v.open},
          {"strands", v.strands},
          {"objectives", v.objectives},
          {"ledger",
           {{"budget_pence", g.budget},
            {"committed_pence", g.committed},
            {"paid_pence", g.paid},
            {"remaining_pence", g.remaining},
            {"outstanding_pence", g.outstanding},
            {"requested_pence", g.requested},
            {"reconciles", g.reconciles}}},
          {"awarded_by_strand", by_strand},
          {"applications_by_status", by_status}};
}

json ApplicationJson(const engine::ApplicationView& v) {
  const auto& a = v.application;
  auto person = [&](int64_t id) { return v.people.count(id) ? json(v.people.at(id)) : json(); };
  json lines = json::array();
  for (const auto& l : a.lines) lines.push_back({{"description", l.description}, {"amount_pence", l.amount_pence}});
  json payments = json::array();
  for (const auto& p : v.payments)
    payments.push_back({{"amount_pence", p.amount_pence}, {"paid_on", p.paid_on}, {"reference", p.reference},
                        {"recorded_by", person(p.recorded_by)}});
  json evaluations = json::array();
  for (const auto& e : v.evaluations)
    evaluations.push_back({{"note", e.note}, {"author", person(e.author_user_id)}, {"created_at", e.created_at}});
  json versions = json::array();
  for (const auto& x : v.versions)
    versions.push_back({{"version", x.version}, {"submitted_at", x.submitted_at}, {"submitted_by", person(x.submitted_by)},
                        {"content", json::parse(x.content, nullptr, false)}});
  return {{"id", a.id},
          {"reference", a.reference},
          {"scheme_id", a.scheme_id},
          {"scheme", v.scheme_code},
          {"scheme_title", v.scheme_title},
          {"organisation_id", a.organisation_id},
          {"organisation", v.organisation},
          {"applicant", v.applicant},
          {"status", a.status},
          {"version", a.version},
          {"title", a.title},
          {"summary", a.summary},
          {"amount_pence", a.amount_pence},
          {"strand", v.strand},
          {"objectives", v.objectives},
          {"outcomes", a.outcomes},
          {"lines", lines},
          {"lines_total_pence", v.lines_total},
          {"starts_on", a.starts_on},
          {"ends_on", a.ends_on},
          {"match_funding_pence", a.match_funding_pence},
          {"match_funding_source", a.match_funding_source},
          {"created_at", a.created_at},
          {"updated_at", a.updated_at},
          {"submitted_at", a.submitted_at},
          {"endorsement",
           a.endorsed_at.empty() ? json()
                                 : json{{"by", person(a.endorsed_by)}, {"at", a.endorsed_at}, {"reason", a.endorsement_reason}}},
          {"decision", a.decided_at.empty()
                           ? json()
                           : json{{"by", person(a.decided_by)}, {"at", a.decided_at}, {"reason", a.decision_reason}}},
          {"awarded_pence", a.awarded_pence},
          {"paid_pence", v.paid},
          {"payments", payments},
          {"final_report", a.final_report},
          {"final_report_at", a.final_report_at},
          {"evaluations", evaluations},
          {"versions", versions},
          {"can",
           {{"edit", v.can_edit},
            {"submit", v.can_submit},
            {"revise", v.can_revise},
            {"endorse", v.can_endorse},
            {"decide", v.can_decide},
            {"pay", v.can_pay},
            {"report", v.can_report},
            {"evaluate", v.can_evaluate}}}};
}

Result<engine::ApplicationInput> ReadApplication(Request& req, Body& b) {
  engine::ApplicationInput in;
  CAIRN_ASSIGN_OR_RETURN(in.title, b.OptString("title"));
  CAIRN_ASSIGN_OR_RETURN(in.summary, b.OptText("summary", 20000));
  CAIRN_ASSIGN_OR_RETURN(in.amount_pence, b.OptInt("amount_pence"));
  CAIRN_ASSIGN_OR_RETURN(in.strand, b.OptString("strand"));
  CAIRN_ASSIGN_OR_RETURN(in.objectives, b.OptStringList("objectives"));
  CAIRN_ASSIGN_OR_RETURN(in.outcomes, b.OptText("outcomes", 20000));
  CAIRN_ASSIGN_OR_RETURN(in.starts_on, b.OptString("starts_on"));
  CAIRN_ASSIGN_OR_RETURN(in.ends_on, b.OptString("ends_on"));
  CAIRN_ASSIGN_OR_RETURN(in.match_funding_pence, b.OptInt("match_funding_pence"));
  CAIRN_ASSIGN_OR_RETURN(in.match_funding_source, b.OptString("match_funding_source"));
  bool has_lines = req.body.contains("lines");
  CAIRN_ASSIGN_OR_RETURN(auto lines, ReadObjectList<storage::BudgetLine>(
                                         b, "lines",
                                         [](Body& item) -> Result<storage::BudgetLine> {
                                           storage::BudgetLine l;
                                           CAIRN_ASSIGN_OR_RETURN(l.description, item.String("description"));
                                           CAIRN_ASSIGN_OR_RETURN(l.amount_pence, item.Int("amount_pence"));
                                           return l;
                                         },
                                         50));
  if (has_lines) in.lines = std::move(lines);
  CAIRN_RETURN_IF_ERROR(b.Finish());
  return in;
}

std::string Param(Request& req, const char* name) {
  return req.http.has_param(name) ? req.http.get_param_value(name) : "";
}

}  // namespace

Result<Reply> ListGrantSchemes(Request& req) {
  CAIRN_ASSIGN_OR_RETURN(auto schemes, engine::ListSchemes(req.env));
  json items = json::array();
  for (const auto& s : schemes) items.push_back(SchemeJson(s));
  return Reply{200, {{"schemes", items}}, {}};
}

Result<Reply> CreateGrantScheme(Request& req) {
  Body b(req.body);
  engine::SchemeInput in;
  CAIRN_ASSIGN_OR_RETURN(in.code, b.String("code"));
  CAIRN_ASSIGN_OR_RETURN(in.title, b.String("title"));
  CAIRN_ASSIGN_OR_RETURN(auto description, b.OptText("description", 20000));
  CAIRN_ASSIGN_OR_RETURN(auto funder, b.OptString("funder"));
  CAIRN_ASSIGN_OR_RETURN(in.budget_pence, b.OptInt("budget_pence"));
  CAIRN_ASSIGN_OR_RETURN(in.max_grant_pence, b.OptInt("max_grant_pence"));
  CAIRN_ASSIGN_OR_RETURN(in.opens_on, b.String("opens_on"));
  CAIRN_ASSIGN_OR_RETURN(in.closes_on, b.String("closes_on"));
  CAIRN_ASSIGN_OR_RETURN(auto strands, b.OptStringList("strands"));
  CAIRN_ASSIGN_OR_RETURN(auto objectives, b.OptStringList("objectives"));
  CAIRN_RETURN_IF_ERROR(b.Finish());
  in.description = description.value_or("");
  in.funder = funder.value_or("");
  in.strands = strands.value_or(std::vector<std::string>());
  in.objectives = objectives.value_or(std::vector<std::string>());
  CAIRN_ASSIGN_OR_RETURN(auto v, engine::CreateScheme(req.env, req.actor, in));
  return Reply{201, SchemeJson(v), {}};
}

Result<Reply> GetGrantScheme(Request& req) {
  CAIRN_ASSIGN_OR_RETURN(int64_t id, IdParam(req));
  CAIRN_ASSIGN_OR_RETURN(auto v, engine::GetScheme(req.env, id));
  return Reply{200, SchemeJson(v), {}};
}

Result<Reply> ListGrantApplications(Request& req) {
  CAIRN_ASSIGN_OR_RETURN(auto scheme, IntQuery(req, "scheme"));
  CAIRN_ASSIGN_OR_RETURN(auto apps, engine::ListApplications(req.env, req.actor, scheme.value_or(0)));
  std::string status = Param(req, "status");
  json items = json::array();
  for (const auto& a : apps)
    if (status.empty() || a.application.status == status) items.push_back(ApplicationJson(a));
  return Reply{200, {{"applications", items}}, {}};
}

Result<Reply> CreateGrantApplication(Request& req) {
  CAIRN_ASSIGN_OR_RETURN(int64_t scheme, IdParam(req));
  Body b(req.body);
  CAIRN_ASSIGN_OR_RETURN(auto in, ReadApplication(req, b));
  CAIRN_ASSIGN_OR_RETURN(auto v, engine::CreateApplication(req.env, req.actor, scheme, in));
  return Reply{201, ApplicationJson(v), {}};
}

Result<Reply> GetGrantApplication(Request& req) {
  CAIRN_ASSIGN_OR_RETURN(int64_t id, IdParam(req));
  CAIRN_ASSIGN_OR_RETURN(auto v, engine::GetApplication(req.env, req.actor, id));
  return Reply{200, ApplicationJson(v), {}};
}

Result<Reply> SaveGrantApplication(Request& req) {
  CAIRN_ASSIGN_OR_RETURN(int64_t id, IdParam(req));
  Body b(req.body);
  CAIRN_ASSIGN_OR_RETURN(auto in, ReadApplication(req, b));
  CAIRN_ASSIGN_OR_RETURN(auto v, engine::SaveApplication(req.env, req.actor, id, in));
  return Reply{200, ApplicationJson(v), {}};
}

Result<Reply> SubmitGrantApplication(Request& req) {
  CAIRN_ASSIGN_OR_RETURN(int64_t id, IdParam(req));
  CAIRN_RETURN_IF_ERROR(Body(req.body).Finish());
  CAIRN_ASSIGN_OR_RETURN(auto r, engine::SubmitApplication(req.env, req.actor, id));
  if (!r.failures.empty()) {
    json failures = json::array();
    for (const auto& f : r.failures) failures.push_back({{"rule", f.rule}, {"field", f.field}, {"message", f.message}});
    std::string message = std::to_string(r.failures.size()) + (r.failures.size() == 1 ? " rule" : " rules") +
                          " of the scheme not met: " + r.failures.front().rule + ": " + r.failures.front().message;
    return Reply{422,
                 {{"error", {{"code", "ineligible"}, {"message", message}, {"field", r.failures.front().field},
                             {"failures", failures}}}},
                 {}};
  }
  return Reply{200, ApplicationJson(r.view), {}};
}

Result<Reply> ReviseGrantApplication(Request& req) {
  CAIRN_ASSIGN_OR_RETURN(int64_t id, IdParam(req));
  CAIRN_RETURN_IF_ERROR(Body(req.body).Finish());
  CAIRN_ASSIGN_OR_RETURN(auto v, engine::ReviseApplication(req.env, req.actor, id));
  return Reply{200, ApplicationJson(v), {}};
}

Result<Reply> EndorseGrantApplication(Request& req) {
  CAIRN_ASSIGN_OR_RETURN(int64_t id, IdParam(req));
  Body b(req.body);
  CAIRN_ASSIGN_OR_RETURN(auto decision, b.String("decision"));
  CAIRN_ASSIGN_OR_RETURN(auto reason, b.OptText("reason", 20000));
  CAIRN_RETURN_IF_ERROR(b.Finish());
  if (decision != "endorse" && decision != "decline") return InvalidField("decision", "decision must be endorse or decline");
  CAIRN_ASSIGN_OR_RETURN(auto v, engine::EndorseApplication(req.env, req.actor, id, decision == "endorse", reason.value_or("")));
  return Reply{200, ApplicationJson(v), {}};
}

Result<Reply> DecideGrantApplication(Request& req) {
  CAIRN_ASSIGN_OR_RETURN(int64_t id, IdParam(req));
  Body b(req.body);
  CAIRN_ASSIGN_OR_RETURN(auto decision, b.String("decision"));
  CAIRN_ASSIGN_OR_RETURN(auto amount, b.OptInt("amount_pence"));
  CAIRN_ASSIGN_OR_RETURN(auto reason, b.OptText("reason", 20000));
  CAIRN_RETURN_IF_ERROR(b.Finish());
  if (decision != "approve" && decision != "reject") return InvalidField("decision", "decision must be approve or reject");
  CAIRN_ASSIGN_OR_RETURN(auto v, engine::DecideApplication(req.env, req.actor, id, decision == "approve", amount,
                                                           reason.value_or("")));
  return Reply{200, ApplicationJson(v), {}};
}

Result<Reply> RecordGrantPayment(Request& req) {
  CAIRN_ASSIGN_OR_RETURN(int64_t id, IdParam(req));
  Body b(req.body);
  CAIRN_ASSIGN_OR_RETURN(auto amount, b.Int("amount_pence"));
  CAIRN_ASSIGN_OR_RETURN(auto paid_on, b.String("paid_on"));
  CAIRN_ASSIGN_OR_RETURN(auto reference, b.OptString("reference"));
  CAIRN_RETURN_IF_ERROR(b.Finish());
  CAIRN_ASSIGN_OR_RETURN(auto v, engine::RecordPayment(req.env, req.actor, id, amount, paid_on, reference.value_or("")));
  return Reply{201, ApplicationJson(v), {}};
}

Result<Reply> SubmitGrantFinalReport(Request& req) {
  CAIRN_ASSIGN_OR_RETURN(int64_t id, IdParam(req));
  Body b(req.body);
  CAIRN_ASSIGN_OR_RETURN(auto report, b.OptText("report", 50000));
  CAIRN_RETURN_IF_ERROR(b.Finish());
  CAIRN_ASSIGN_OR_RETURN(auto v, engine::SubmitFinalReport(req.env, req.actor, id, report.value_or("")));
  return Reply{200, ApplicationJson(v), {}};
}

Result<Reply> AddGrantEvaluation(Request& req) {
  CAIRN_ASSIGN_OR_RETURN(int64_t id, IdParam(req));
  Body b(req.body);
  CAIRN_ASSIGN_OR_RETURN(auto note, b.OptText("note", 20000));
  CAIRN_RETURN_IF_ERROR(b.Finish());
  CAIRN_ASSIGN_OR_RETURN(auto v, engine::AddEvaluation(req.env, req.actor, id, note.value_or("")));
  return Reply{201, ApplicationJson(v), {}};
}

Result<Reply> GetGrants360Giving(Request& req) {
  std::string format = Param(req, "format");
  if (format.empty()) format = "json";
  CAIRN_ASSIGN_OR_RETURN(auto bytes, engine::GrantsOpenData(req.env, req.actor, format));
  Reply r;
  r.raw = std::move(bytes);
  r.content_type = format == "json"  ? "application/json"
                   : format == "csv" ? "text/csv; charset=utf-8"
                                     : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  r.headers.push_back({"Content-Disposition", "attachment; filename=\"grants-360giving." + format + "\""});
  return r;
}

}  // namespace cairn::api::handlers
