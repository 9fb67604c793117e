// The SOC small grant scheme: the Taskforce funds small projects that advance the strategy.
//
// A scheme has a budget (default £150,000), a maximum per grant (default £10,000), opening and
// closing dates and the strands and objectives it serves. A user of a Taskforce member
// organisation drafts an application (title, summary, amount, strand, objectives, intended
// outcomes, budget lines adding up to the amount, timescale, match funding), saves it as often as
// they like and submits it: submission checks every eligibility rule and lists each that fails;
// a submitted application is frozen and its content kept as a numbered version. The lead of the
// chosen strand (a strand lead of the organisation that leads it) endorses it or declines it with
// a reason; a declined application may be revised and submitted again as a new version. The
// secretariat approves an endorsed application for an amount up to the request, or rejects it with
// reasons. Awards can never exceed the scheme's budget, however many decisions arrive at once: the
// check and the award happen in one transaction holding the scheme's lock. Payments are recorded
// against an award, never beyond it; the applicant submits a final report on the outcomes; the
// secretariat and the strand lead add evaluation notes. The ledger — budget, committed, paid,
// remaining — reconciles at every step.
//
// Money is in pence, as integers, throughout. Every write is audited.
//
// Visibility: the secretariat, the administrator and auditors see every application; the lead of
// a strand sees those submitted under it; anyone else only their own organisation's. Others get
// NotFound.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/env.h"
#include "common/status.h"
#include "model/actor.h"
#include "storage/grants.h"

namespace cairn::engine {

inline constexpr int64_t kDefaultSchemeBudgetPence = 150000 * 100;
inline constexpr int64_t kDefaultMaxGrantPence = 10000 * 100;

struct SchemeInput {
  std::string code, title, description;
  std::string funder;  // organisation slug; default scottish-government
  std::optional<int64_t> budget_pence, max_grant_pence;
  std::string opens_on, closes_on;  // YYYY-MM-DD
  std::vector<std::string> strands, objectives;  // codes; an objective's strand is served too
};

struct Ledger {
  int64_t budget = 0;
  int64_t committed = 0;    // the sum of awards
  int64_t paid = 0;         // the sum of payments
  int64_t remaining = 0;    // budget − committed: what can still be awarded
  int64_t outstanding = 0;  // committed − paid: awarded, not yet paid
  int64_t requested = 0;    // submitted or endorsed, not yet decided
  // budget = remaining + outstanding + paid, nothing negative, no award paid beyond itself, and
  // the stored sums equal the sums of the rows.
  bool reconciles = false;
};

struct SchemeView {
  storage::SchemeRow scheme;
  std::string funder, funder_slug;
  std::vector<std::string> strands, objectives;  // codes
  bool open = false;                             // today within [opens_on, closes_on]
  Ledger ledger;
  std::map<std::string, int64_t> awarded_by_strand;  // strand code → pence awarded
  std::map<std::string, int64_t> applications_by_status;
};

// Admin or secretariat. InvalidField for a missing code or title, an amount that is not
// positive or a maximum above the budget, dates that are not YYYY-MM-DD or close before they
// open, an unknown funder, strand or objective, or no strand at all. AlreadyExists for a code in
// use.
Result<SchemeView> CreateScheme(const app::Env& env, const model::Actor& actor, const SchemeInput& in);
Result<std::vector<SchemeView>> ListSchemes(const app::Env& env);
Result<SchemeView> GetScheme(const app::Env& env, int64_t id);

// What an applicant fills in. Absent fields are left as they were when saving a draft.
struct ApplicationInput {
  std::optional<std::string> title, summary, strand, outcomes, starts_on, ends_on, match_funding_source;
  std::optional<int64_t> amount_pence, match_funding_pence;
  std::optional<std::vector<std::string>> objectives;  // codes
  std::optional<std::vector<storage::BudgetLine>> lines;
};

// One broken eligibility rule: its name (member, scheme_open, amount_positive, amount_max,
// budget_lines, budget_adds_up, strand_in_scheme, objective_in_strand, objective_in_scheme,
// required, timescale, match_funding), the field it concerns and what is wrong.
struct RuleFailure {
  std::string rule, field, message;
};

struct ApplicationView {
  storage::ApplicationRow application;
  std::string scheme_code, scheme_title, organisation, applicant, strand;
  std::vector<std::string> objectives;  // codes
  int64_t lines_total = 0, paid = 0;
  std::vector<storage::PaymentRow> payments;
  std::vector<storage::EvaluationRow> evaluations;
  std::vector<storage::VersionRow> versions;
  std::map<int64_t, std::string> people;  // user id → display name, for the ids above
  // What the viewer may do now.
  bool can_edit = false, can_submit = false, can_revise = false, can_endorse = false, can_decide = false,
       can_pay = false, can_report = false, can_evaluate = false;
};

// A draft for the actor's organisation, which must be a Taskforce member (rule "member"), in a
// scheme that is open. The fields given are checked as on saving.
Result<ApplicationView> CreateApplication(const app::Env& env, const model::Actor& actor, int64_t scheme_id,
                                          const ApplicationInput& in);
// Changes a draft of the actor's organisation. FailedPrecondition once submitted. InvalidField
// for an amount that is zero, negative or over the maximum, a negative budget line or match
// funding, a malformed date or an unknown strand or objective.
Result<ApplicationView> SaveApplication(const app::Env& env, const model::Actor& actor, int64_t id,
                                        const ApplicationInput& in);

struct SubmitResult {
  ApplicationView view;
  std::vector<RuleFailure> failures;  // non-empty: not submitted, nothing written
};
// Checks every eligibility rule; if all pass, freezes the application, keeps its content as the
// next version and sends it to the strand lead.
Result<SubmitResult> SubmitApplication(const app::Env& env, const model::Actor& actor, int64_t id);
// A declined application back to draft for its organisation to change and submit again.
Result<ApplicationView> ReviseApplication(const app::Env& env, const model::Actor& actor, int64_t id);

// The lead of the application's strand endorses (reason optional) or declines (reason required)
// a submitted application. PermissionDenied for anyone else.
Result<ApplicationView> EndorseApplication(const app::Env& env, const model::Actor& actor, int64_t id, bool endorse,
                                           const std::string& reason);

// The secretariat approves an endorsed application for `amount_pence` (default: the request;
// 1p up to the request) or rejects it (reason required). FailedPrecondition for an application
// not endorsed, or an award that would take the scheme's awards beyond its budget.
Result<ApplicationView> DecideApplication(const app::Env& env, const model::Actor& actor, int64_t id, bool approve,
                                          std::optional<int64_t> amount_pence, const std::string& reason);

// The secretariat records a payment against an award. FailedPrecondition if not awarded or if
// the payments would exceed the award.
Result<ApplicationView> RecordPayment(const app::Env& env, const model::Actor& actor, int64_t id,
                                      int64_t amount_pence, const std::string& paid_on, const std::string& reference);
// The applicant's organisation reports the outcomes of an awarded grant; it is then completed.
Result<ApplicationView> SubmitFinalReport(const app::Env& env, const model::Actor& actor, int64_t id,
                                          const std::string& report);
// The secretariat or the strand's lead notes an evaluation of an awarded grant.
Result<ApplicationView> AddEvaluation(const app::Env& env, const model::Actor& actor, int64_t id,
                                      const std::string& note);

Result<ApplicationView> GetApplication(const app::Env& env, const model::Actor& actor, int64_t id);
// The applications of a scheme (0: every scheme) the actor may see.
Result<std::vector<ApplicationView>> ListApplications(const app::Env& env, const model::Actor& actor,
                                                      int64_t scheme_id);

// Awards (approved or completed) whose decision fell in [from, to), with what was paid in it:
// for the progress report. Per strand code: count, pence awarded, pence paid.
struct GrantSpend {
  int64_t awards = 0, awarded = 0, paid = 0;
};
Result<std::map<std::string, GrantSpend>> GrantSpendByStrand(const app::Env& env, const std::string& from,
                                                             const std::string& to);

// The awarded grants as 360Giving open data (grants_open_data.cc): "json" (a 360Giving JSON
// package), "csv" or "xlsx" (the standard's column titles). Audited as an export.
Result<std::string> GrantsOpenData(const app::Env& env, const model::Actor& actor, const std::string& format);
// The 360Giving fields every grant must carry, as column titles.
const std::vector<std::string>& OpenDataRequiredColumns();

}  // namespace cairn::engine
