#include "engine/grants.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "audit/chain.h"
#include "common/money.h"
#include "common/time.h"
#include "engine/internal/grants.h"
#include "storage/organisations.h"
#include "storage/strands.h"
#include "storage/tasks.h"
#include "storage/users.h"

namespace cairn::engine {
namespace {

using model::Role;
using nlohmann::json;

using internal::Blank;
using internal::IsDate;
using internal::Lookup;
using internal::Today;

bool Coordinator(const model::Actor& a) { return a.role == Role::kAdmin || a.role == Role::kSecretariat; }
bool Overseer(const model::Actor& a) { return Coordinator(a) || a.role == Role::kAuditor; }
std::string Now(const app::Env& env) { return FormatTimestamp(env.clock.Now()); }


bool LeadsStrand(const model::Actor& a, const Lookup& l, int64_t strand_id) {
  const model::Strand* s = l.Strand(strand_id);
  return a.role == Role::kStrandLead && s && s->lead_organisation_id && a.organisation_id == s->lead_organisation_id;
}

bool OwnOrganisation(const model::Actor& a, const storage::ApplicationRow& app) {
  return a.organisation_id && *a.organisation_id == app.organisation_id && a.role != Role::kAuditor;
}

bool MaySee(const model::Actor& a, const Lookup& l, const storage::ApplicationRow& app) {
  // A draft is its organisation's own workspace until submitted.
  if (a.organisation_id && *a.organisation_id == app.organisation_id) return true;
  if (Overseer(a)) return app.status != "draft";
  return app.status != "draft" && LeadsStrand(a, l, app.strand_id);
}

bool Awarded(const storage::ApplicationRow& a) { return a.status == "approved" || a.status == "completed"; }

Result<SchemeView> BuildScheme(const app::Env& env, storage::Tx& tx, const Lookup& l, const storage::SchemeRow& s) {
  SchemeView v;
  v.scheme = s;
  auto funder = storage::GetOrganisation(tx, s.funder_organisation_id);
  if (funder.ok()) {
    v.funder = funder->name;
    v.funder_slug = funder->slug;
  }
  for (int64_t id : s.strand_ids)
    if (const auto* st = l.Strand(id)) v.strands.push_back(st->code);
  for (int64_t id : s.objective_ids)
    if (const auto* o = l.Objective(id)) v.objectives.push_back(o->code);
  std::string today = Today(env);
  v.open = s.opens_on <= today && today <= s.closes_on;
  CAIRN_ASSIGN_OR_RETURN(auto apps, storage::ListApplications(tx, s.id));
  CAIRN_ASSIGN_OR_RETURN(auto payments, storage::ListPayments(tx, s.id, 0));
  CAIRN_ASSIGN_OR_RETURN(int64_t committed_sql, storage::CommittedPence(tx, s.id));
  std::map<int64_t, int64_t> paid_by_app;
  Ledger& g = v.ledger;
  g.budget = s.budget_pence;
  for (const auto& p : payments) {
    paid_by_app[p.application_id] += p.amount_pence;
    g.paid += p.amount_pence;
  }
  bool within_awards = true;
  for (const auto& a : apps) {
    ++v.applications_by_status[a.status];
    if (a.status == "submitted" || a.status == "endorsed") g.requested += a.amount_pence;
    if (Awarded(a)) {
      g.committed += a.awarded_pence;
      const auto* st = l.Strand(a.strand_id);
      v.awarded_by_strand[st ? st->code : ""] += a.awarded_pence;
    }
    if (paid_by_app[a.id] > (Awarded(a) ? a.awarded_pence : 0)) within_awards = false;
  }
  g.remaining = g.budget - g.committed;
  g.outstanding = g.committed - g.paid;
  g.reconciles = within_awards && committed_sql == g.committed && g.remaining >= 0 && g.outstanding >= 0 &&
                 g.budget == g.remaining + g.outstanding + g.paid;
  return v;
}

Result<ApplicationView> BuildView(const app::Env& env, storage::Tx& tx, const model::Actor& actor, const Lookup& l,
                                  const storage::ApplicationRow& a) {
  ApplicationView v;
  v.application = a;
  CAIRN_ASSIGN_OR_RETURN(auto scheme, storage::GetScheme(tx, a.scheme_id));
  v.scheme_code = scheme.code;
  v.scheme_title = scheme.title;
  auto org = storage::GetOrganisation(tx, a.organisation_id);
  if (org.ok()) v.organisation = org->name;
  if (const auto* st = l.Strand(a.strand_id)) v.strand = st->code;
  for (int64_t id : a.objective_ids)
    if (const auto* o = l.Objective(id)) v.objectives.push_back(o->code);
  for (const auto& line : a.lines) v.lines_total += line.amount_pence;
  CAIRN_ASSIGN_OR_RETURN(v.payments, storage::ListPayments(tx, 0, a.id));
  for (const auto& p : v.payments) v.paid += p.amount_pence;
  CAIRN_ASSIGN_OR_RETURN(v.evaluations, storage::ListEvaluations(tx, a.id));
  CAIRN_ASSIGN_OR_RETURN(v.versions, storage::ListVersions(tx, a.id));
  std::set<int64_t> ids = {a.applicant_user_id, a.endorsed_by, a.decided_by};
  for (const auto& p : v.payments) ids.insert(p.recorded_by);
  for (const auto& e : v.evaluations) ids.insert(e.author_user_id);
  for (const auto& x : v.versions) ids.insert(x.submitted_by);
  for (int64_t id : ids) {
    if (id == 0) continue;
    auto u = storage::GetUser(tx, id);
    if (u.ok()) v.people[id] = u->display_name;
  }
  v.applicant = v.people[a.applicant_user_id];
  bool own = OwnOrganisation(actor, a);
  v.can_edit = own && a.status == "draft";
  v.can_submit = v.can_edit;
  v.can_revise = own && a.status == "declined";
  v.can_endorse = a.status == "submitted" && LeadsStrand(actor, l, a.strand_id);
  v.can_decide = a.status == "endorsed" && actor.role == Role::kSecretariat;
  v.can_pay = Awarded(a) && actor.role == Role::kSecretariat && v.paid < a.awarded_pence;
  v.can_report = own && a.status == "approved";
  v.can_evaluate = Awarded(a) && (actor.role == Role::kSecretariat || LeadsStrand(actor, l, a.strand_id));
  return v;
}

// Reads the application for a write by `actor`: NotFound if the actor may not see it.
Result<storage::ApplicationRow> ForWrite(storage::Tx& tx, const model::Actor& actor, const Lookup& l, int64_t id) {
  auto a = storage::GetApplication(tx, id);
  if (!a.ok() || !MaySee(actor, l, *a)) return NotFound("no grant application with id " + std::to_string(id));
  return *a;
}

json Content(const storage::ApplicationRow& a, const ApplicationView& v) {
  json lines = json::array();
  for (const auto& l : a.lines) lines.push_back({{"description", l.description}, {"amount_pence", l.amount_pence}});
  return {{"title", a.title},         {"summary", a.summary},     {"amount_pence", a.amount_pence},
          {"strand", v.strand},       {"objectives", v.objectives}, {"outcomes", a.outcomes},
          {"lines", lines},           {"starts_on", a.starts_on}, {"ends_on", a.ends_on},
          {"match_funding_pence", a.match_funding_pence}, {"match_funding_source", a.match_funding_source}};
}

// Runs `change` on the application in one write transaction, then audits `action`.
Result<ApplicationView> Change(const app::Env& env, const model::Actor& actor, int64_t id, const std::string& action,
                               const std::function<Status(storage::Tx&, const Lookup&, storage::ApplicationRow&, json&)>& change) {
  ApplicationView out;
  CAIRN_RETURN_IF_ERROR(env.db.Write([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(auto l, Lookup::Load(tx));
    CAIRN_ASSIGN_OR_RETURN(auto a, ForWrite(tx, actor, l, id));
    json detail = json::object();
    CAIRN_RETURN_IF_ERROR(change(tx, l, a, detail));
    a.updated_at = Now(env);
    CAIRN_RETURN_IF_ERROR(storage::UpdateApplication(tx, a));
    CAIRN_RETURN_IF_ERROR(audit::Append(tx, env.clock, actor, {action, "grant_application", a.reference, true, detail}));
    CAIRN_ASSIGN_OR_RETURN(out, BuildView(env, tx, actor, l, a));
    return Status::Ok();
  }));
  return out;
}

}  // namespace

Result<SchemeView> CreateScheme(const app::Env& env, const model::Actor& actor, const SchemeInput& in) {
  if (Blank(in.code)) return InvalidField("code", "a scheme needs a code");
  if (Blank(in.title)) return InvalidField("title", "a scheme needs a title");
  int64_t budget = in.budget_pence.value_or(kDefaultSchemeBudgetPence);
  int64_t max = in.max_grant_pence.value_or(kDefaultMaxGrantPence);
  if (budget <= 0) return InvalidField("budget_pence", "the budget must be more than £0.00");
  if (max <= 0) return InvalidField("max_grant_pence", "the maximum grant must be more than £0.00");
  if (max > budget) return InvalidField("max_grant_pence", "the maximum grant is more than the budget");
  if (!IsDate(in.opens_on)) return InvalidField("opens_on", "opens_on must be a date, YYYY-MM-DD");
  if (!IsDate(in.closes_on)) return InvalidField("closes_on", "closes_on must be a date, YYYY-MM-DD");
  if (in.closes_on < in.opens_on) return InvalidField("closes_on", "the scheme closes before it opens");
  if (!Coordinator(actor) || !actor.user_id) return PermissionDenied("the secretariat sets up grant schemes");
  SchemeView out;
  CAIRN_RETURN_IF_ERROR(env.db.Write([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(auto l, Lookup::Load(tx));
    storage::SchemeRow s;
    s.code = in.code;
    s.title = in.title;
    s.description = in.description;
    s.budget_pence = budget;
    s.max_grant_pence = max;
    s.opens_on = in.opens_on;
    s.closes_on = in.closes_on;
    s.created_by = *actor.user_id;
    s.created_at = Now(env);
    std::string funder = in.funder.empty() ? "scottish-government" : in.funder;
    CAIRN_ASSIGN_OR_RETURN(auto org, storage::FindOrganisationBySlug(tx, funder));
    if (!org) return InvalidField("funder", "unknown organisation '" + funder + "'");
    s.funder_organisation_id = org->id;
    std::set<int64_t> strands;
    for (const auto& code : in.strands) {
      const auto* st = l.StrandByCode(code);
      if (!st) return InvalidField("strands", "unknown strand '" + code + "'");
      strands.insert(st->id);
    }
    for (const auto& code : in.objectives) {
      const auto* o = l.ObjectiveByCode(code);
      if (!o) return InvalidField("objectives", "unknown objective '" + code + "'");
      s.objective_ids.push_back(o->id);
      strands.insert(o->strand_id);
    }
    if (strands.empty()) return InvalidField("strands", "name the strands the scheme serves");
    s.strand_ids.assign(strands.begin(), strands.end());
    CAIRN_ASSIGN_OR_RETURN(s.id, storage::InsertScheme(tx, s));
    CAIRN_RETURN_IF_ERROR(audit::Append(tx, env.clock, actor,
                                        {"create", "grant_scheme", s.code, true,
                                         {{"budget_pence", budget}, {"max_grant_pence", max}}}));
    CAIRN_ASSIGN_OR_RETURN(s, storage::GetScheme(tx, s.id));
    CAIRN_ASSIGN_OR_RETURN(out, BuildScheme(env, tx, l, s));
    return Status::Ok();
  }));
  return out;
}

Result<std::vector<SchemeView>> ListSchemes(const app::Env& env) {
  std::vector<SchemeView> out;
  CAIRN_RETURN_IF_ERROR(env.db.Read([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(auto l, Lookup::Load(tx));
    CAIRN_ASSIGN_OR_RETURN(auto schemes, storage::ListSchemes(tx));
    for (const auto& s : schemes) {
      CAIRN_ASSIGN_OR_RETURN(auto v, BuildScheme(env, tx, l, s));
      out.push_back(std::move(v));
    }
    return Status::Ok();
  }));
  return out;
}

Result<SchemeView> GetScheme(const app::Env& env, int64_t id) {
  SchemeView out;
  CAIRN_RETURN_IF_ERROR(env.db.Read([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(auto l, Lookup::Load(tx));
    CAIRN_ASSIGN_OR_RETURN(auto s, storage::GetScheme(tx, id));
    CAIRN_ASSIGN_OR_RETURN(out, BuildScheme(env, tx, l, s));
    return Status::Ok();
  }));
  return out;
}

Result<ApplicationView> CreateApplication(const app::Env& env, const model::Actor& actor, int64_t scheme_id,
                                          const ApplicationInput& in) {
  if (!actor.user_id || !actor.organisation_id || actor.role == Role::kAuditor)
    return PermissionDenied("a member of an organisation applies");
  ApplicationView out;
  CAIRN_RETURN_IF_ERROR(env.db.Write([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(auto l, Lookup::Load(tx));
    CAIRN_ASSIGN_OR_RETURN(auto scheme, storage::GetScheme(tx, scheme_id));
    CAIRN_ASSIGN_OR_RETURN(auto org, storage::GetOrganisation(tx, *actor.organisation_id));
    if (!org.taskforce_member)
      return PermissionDenied("member: " + org.name + " is not a Taskforce member; the scheme is open to members only");
    std::string today = Today(env);
    if (today < scheme.opens_on || today > scheme.closes_on)
      return FailedPrecondition("scheme_open: the scheme takes applications from " + scheme.opens_on + " to " +
                                scheme.closes_on);
    storage::ApplicationRow a;
    a.scheme_id = scheme.id;
    a.organisation_id = org.id;
    a.applicant_user_id = *actor.user_id;
    a.status = "draft";
    a.created_at = a.updated_at = Now(env);
    CAIRN_RETURN_IF_ERROR(internal::ApplyInput(in, l, scheme, a));
    CAIRN_ASSIGN_OR_RETURN(a.id, storage::InsertApplication(tx, a, "SOCG-"));
    CAIRN_ASSIGN_OR_RETURN(a, storage::GetApplication(tx, a.id));
    CAIRN_RETURN_IF_ERROR(audit::Append(tx, env.clock, actor, {"create", "grant_application", a.reference, true,
                                                               {{"scheme", scheme.code}}}));
    CAIRN_ASSIGN_OR_RETURN(out, BuildView(env, tx, actor, l, a));
    return Status::Ok();
  }));
  return out;
}

Result<ApplicationView> SaveApplication(const app::Env& env, const model::Actor& actor, int64_t id,
                                        const ApplicationInput& in) {
  return Change(env, actor, id, "update", [&](storage::Tx& tx, const Lookup& l, storage::ApplicationRow& a, json&) -> Status {
    if (!OwnOrganisation(actor, a)) return PermissionDenied("only the applying organisation edits its application");
    if (a.status != "draft") return FailedPrecondition("the application was submitted and is frozen");
    CAIRN_ASSIGN_OR_RETURN(auto scheme, storage::GetScheme(tx, a.scheme_id));
    return internal::ApplyInput(in, l, scheme, a);
  });
}

Result<SubmitResult> SubmitApplication(const app::Env& env, const model::Actor& actor, int64_t id) {
  SubmitResult out;
  CAIRN_RETURN_IF_ERROR(env.db.Write([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(auto l, Lookup::Load(tx));
    CAIRN_ASSIGN_OR_RETURN(auto a, ForWrite(tx, actor, l, id));
    if (!OwnOrganisation(actor, a)) return PermissionDenied("only the applying organisation submits its application");
    if (a.status != "draft") return FailedPrecondition("the application has been submitted already");
    CAIRN_ASSIGN_OR_RETURN(auto scheme, storage::GetScheme(tx, a.scheme_id));
    CAIRN_ASSIGN_OR_RETURN(auto org, storage::GetOrganisation(tx, a.organisation_id));
    out.failures = internal::Eligibility(env, l, scheme, org, a);
    if (!out.failures.empty()) {
      CAIRN_ASSIGN_OR_RETURN(out.view, BuildView(env, tx, actor, l, a));
      return Status::Ok();  // nothing is written: the caller reports the failures
    }
    a.status = "submitted";
    a.version += 1;
    a.submitted_at = a.updated_at = Now(env);
    a.endorsed_by = 0;
    a.endorsed_at = a.endorsement_reason = "";
    CAIRN_RETURN_IF_ERROR(storage::UpdateApplication(tx, a));
    CAIRN_ASSIGN_OR_RETURN(auto view, BuildView(env, tx, actor, l, a));
    CAIRN_RETURN_IF_ERROR(storage::InsertVersion(tx, {a.id, a.version, *actor.user_id, a.submitted_at, Content(a, view).dump()}));
    CAIRN_RETURN_IF_ERROR(audit::Append(tx, env.clock, actor, {"submit", "grant_application", a.reference, true,
                                                               {{"version", a.version}, {"amount_pence", a.amount_pence}}}));
    CAIRN_ASSIGN_OR_RETURN(out.view, BuildView(env, tx, actor, l, a));
    return Status::Ok();
  }));
  return out;
}

Result<ApplicationView> ReviseApplication(const app::Env& env, const model::Actor& actor, int64_t id) {
  return Change(env, actor, id, "revise", [&](storage::Tx&, const Lookup&, storage::ApplicationRow& a, json&) -> Status {
    if (!OwnOrganisation(actor, a)) return PermissionDenied("only the applying organisation revises its application");
    if (a.status != "declined") return FailedPrecondition("only an application the strand lead declined can be revised");
    a.status = "draft";
    return Status::Ok();
  });
}

Result<ApplicationView> EndorseApplication(const app::Env& env, const model::Actor& actor, int64_t id, bool endorse,
                                           const std::string& reason) {
  if (!endorse && Blank(reason)) return InvalidField("reason", "give the reason for declining");
  return Change(env, actor, id, endorse ? "endorse" : "decline",
                [&](storage::Tx&, const Lookup& l, storage::ApplicationRow& a, json& detail) -> Status {
                  const auto* strand = l.Strand(a.strand_id);
                  if (!LeadsStrand(actor, l, a.strand_id))
                    return PermissionDenied("strand_lead: only the lead of the " + (strand ? strand->name : std::string("chosen")) +
                                            " strand endorses this application");
                  if (a.status != "submitted") return FailedPrecondition("only a submitted application is endorsed or declined");
                  a.status = endorse ? "endorsed" : "declined";
                  a.endorsed_by = *actor.user_id;
                  a.endorsed_at = Now(env);
                  a.endorsement_reason = reason;
                  detail["reason"] = reason;
                  return Status::Ok();
                });
}

Result<ApplicationView> DecideApplication(const app::Env& env, const model::Actor& actor, int64_t id, bool approve,
                                          std::optional<int64_t> amount_pence, const std::string& reason) {
  if (!approve && Blank(reason)) return InvalidField("reason", "give the reasons for rejecting");
  if (amount_pence && *amount_pence <= 0) return InvalidField("amount_pence", "an award must be more than £0.00");
  if (actor.role != Role::kSecretariat) return PermissionDenied("the secretariat decides on applications");
  return Change(env, actor, id, approve ? "approve" : "reject",
                [&](storage::Tx& tx, const Lookup&, storage::ApplicationRow& a, json& detail) -> Status {
                  // The lock first: from here to commit no other award or payment in this scheme
                  // can read the committed sum, so the check below holds when we write.
                  CAIRN_RETURN_IF_ERROR(storage::LockScheme(tx, a.scheme_id));
                  CAIRN_ASSIGN_OR_RETURN(a, storage::GetApplication(tx, a.id));
                  if (a.status != "endorsed")
                    return FailedPrecondition("endorsed_only: only an application its strand lead endorsed goes to decision (it is " +
                                              a.status + ")");
                  a.decided_by = *actor.user_id;
                  a.decided_at = Now(env);
                  a.decision_reason = reason;
                  detail["reason"] = reason;
                  if (!approve) {
                    a.status = "rejected";
                    return Status::Ok();
                  }
                  int64_t award = amount_pence.value_or(a.amount_pence);
                  if (award > a.amount_pence)
                    return InvalidField("amount_pence", "an award cannot be more than the " + FormatPounds(a.amount_pence) +
                                                            " asked for");
                  CAIRN_ASSIGN_OR_RETURN(auto scheme, storage::GetScheme(tx, a.scheme_id));
                  CAIRN_ASSIGN_OR_RETURN(int64_t committed, storage::CommittedPence(tx, a.scheme_id));
                  if (committed + award > scheme.budget_pence)
                    return FailedPrecondition("budget: an award of " + FormatPounds(award) + " would exceed the scheme's budget of " +
                                              FormatPounds(scheme.budget_pence) + "; " +
                                              FormatPounds(scheme.budget_pence - committed) + " remains");
                  a.status = "approved";
                  a.awarded_pence = award;
                  detail["awarded_pence"] = award;
                  return Status::Ok();
                });
}

Result<ApplicationView> RecordPayment(const app::Env& env, const model::Actor& actor, int64_t id,
                                      int64_t amount_pence, const std::string& paid_on, const std::string& reference) {
  if (amount_pence <= 0) return InvalidField("amount_pence", "a payment must be more than £0.00");
  if (!IsDate(paid_on)) return InvalidField("paid_on", "paid_on must be a date, YYYY-MM-DD");
  if (paid_on > Today(env)) return InvalidField("paid_on", "paid_on is in the future");
  if (actor.role != Role::kSecretariat) return PermissionDenied("the secretariat records payments");
  return Change(env, actor, id, "pay", [&](storage::Tx& tx, const Lookup&, storage::ApplicationRow& a, json& detail) -> Status {
    CAIRN_RETURN_IF_ERROR(storage::LockScheme(tx, a.scheme_id));
    CAIRN_ASSIGN_OR_RETURN(a, storage::GetApplication(tx, a.id));
    if (!Awarded(a)) return FailedPrecondition("awarded_only: payments are made only against an award");
    CAIRN_ASSIGN_OR_RETURN(auto payments, storage::ListPayments(tx, 0, a.id));
    int64_t paid = 0;
    for (const auto& p : payments) paid += p.amount_pence;
    if (paid + amount_pence > a.awarded_pence)
      return FailedPrecondition("within_award: a payment of " + FormatPounds(amount_pence) + " would take payments beyond the award of " +
                                FormatPounds(a.awarded_pence) + "; " + FormatPounds(a.awarded_pence - paid) + " is unpaid");
    CAIRN_RETURN_IF_ERROR(storage::InsertPayment(tx, {0, a.id, amount_pence, paid_on, reference, *actor.user_id, Now(env)}));
    detail["amount_pence"] = amount_pence;
    detail["paid_on"] = paid_on;
    return Status::Ok();
  });
}

Result<ApplicationView> SubmitFinalReport(const app::Env& env, const model::Actor& actor, int64_t id,
                                          const std::string& report) {
  if (Blank(report)) return InvalidField("report", "say what the project achieved");
  return Change(env, actor, id, "report", [&](storage::Tx&, const Lookup&, storage::ApplicationRow& a, json&) -> Status {
    if (!OwnOrganisation(actor, a)) return PermissionDenied("the funded organisation reports on its grant");
    if (a.status != "approved") return FailedPrecondition("a final report is made once, on an awarded grant");
    a.final_report = report;
    a.final_report_at = Now(env);
    a.status = "completed";
    return Status::Ok();
  });
}

Result<ApplicationView> AddEvaluation(const app::Env& env, const model::Actor& actor, int64_t id, const std::string& note) {
  if (Blank(note)) return InvalidField("note", "write the evaluation note");
  return Change(env, actor, id, "evaluate", [&](storage::Tx& tx, const Lookup& l, storage::ApplicationRow& a, json&) -> Status {
    if (actor.role != Role::kSecretariat && !LeadsStrand(actor, l, a.strand_id))
      return PermissionDenied("the secretariat or the strand's lead evaluates a grant");
    if (!Awarded(a)) return FailedPrecondition("only an awarded grant is evaluated");
    return storage::InsertEvaluation(tx, {0, a.id, note, *actor.user_id, Now(env)});
  });
}

Result<ApplicationView> GetApplication(const app::Env& env, const model::Actor& actor, int64_t id) {
  ApplicationView out;
  CAIRN_RETURN_IF_ERROR(env.db.Read([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(auto l, Lookup::Load(tx));
    CAIRN_ASSIGN_OR_RETURN(auto a, ForWrite(tx, actor, l, id));
    CAIRN_ASSIGN_OR_RETURN(out, BuildView(env, tx, actor, l, a));
    return Status::Ok();
  }));
  return out;
}

Result<std::vector<ApplicationView>> ListApplications(const app::Env& env, const model::Actor& actor, int64_t scheme_id) {
  std::vector<ApplicationView> out;
  CAIRN_RETURN_IF_ERROR(env.db.Read([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(auto l, Lookup::Load(tx));
    CAIRN_ASSIGN_OR_RETURN(auto apps, storage::ListApplications(tx, scheme_id));
    for (const auto& a : apps) {
      if (!MaySee(actor, l, a)) continue;
      CAIRN_ASSIGN_OR_RETURN(auto v, BuildView(env, tx, actor, l, a));
      out.push_back(std::move(v));
    }
    return Status::Ok();
  }));
  return out;
}

Result<std::map<std::string, GrantSpend>> GrantSpendByStrand(const app::Env& env, const std::string& from,
                                                             const std::string& to) {
  std::map<std::string, GrantSpend> out;
  CAIRN_RETURN_IF_ERROR(env.db.Read([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(auto l, Lookup::Load(tx));
    CAIRN_ASSIGN_OR_RETURN(auto apps, storage::ListApplications(tx, 0));
    for (const auto& a : apps) {
      if (!Awarded(a)) continue;
      const auto* st = l.Strand(a.strand_id);
      GrantSpend& g = out[st ? st->code : ""];
      std::string day = a.decided_at.substr(0, 10);
      if (day >= from && day < to) {
        ++g.awards;
        g.awarded += a.awarded_pence;
      }
      CAIRN_ASSIGN_OR_RETURN(auto payments, storage::ListPayments(tx, 0, a.id));
      for (const auto& p : payments)
        if (p.paid_on >= from && p.paid_on < to) g.paid += p.amount_pence;
    }
    return Status::Ok();
  }));
  return out;
}

}  // namespace cairn::engine
