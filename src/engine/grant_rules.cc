// The rules of the grant scheme an application must meet: as each field is saved, and all of
// them on submission (engine/grants.h lists the rule names).
#include <algorithm>
#include <tuple>

#include "common/money.h"
#include "engine/internal/grants.h"

namespace cairn::engine::internal {

Status ApplyInput(const ApplicationInput& in, const Lookup& l, const storage::SchemeRow& scheme, storage::ApplicationRow& a) {
  if (in.title) a.title = *in.title;
  if (in.summary) a.summary = *in.summary;
  if (in.outcomes) a.outcomes = *in.outcomes;
  if (in.amount_pence) {
    if (*in.amount_pence <= 0) return InvalidField("amount_pence", "amount_positive: the amount must be more than £0.00");
    if (*in.amount_pence > scheme.max_grant_pence)
      return InvalidField("amount_pence", "amount_max: the most a grant can be is " + FormatPounds(scheme.max_grant_pence));
    a.amount_pence = *in.amount_pence;
  }
  if (in.strand) {
    if (in.strand->empty()) {
      a.strand_id = 0;
    } else {
      const auto* s = l.StrandByCode(*in.strand);
      if (!s) return InvalidField("strand", "unknown strand '" + *in.strand + "'");
      a.strand_id = s->id;
    }
  }
  if (in.objectives) {
    a.objective_ids.clear();
    for (const auto& code : *in.objectives) {
      const auto* o = l.ObjectiveByCode(code);
      if (!o) return InvalidField("objectives", "unknown objective '" + code + "'");
      if (std::find(a.objective_ids.begin(), a.objective_ids.end(), o->id) == a.objective_ids.end())
        a.objective_ids.push_back(o->id);
    }
  }
  for (auto [field, value, target] : {std::tuple{"starts_on", in.starts_on, &a.starts_on},
                                      std::tuple{"ends_on", in.ends_on, &a.ends_on}}) {
    if (!value) continue;
    if (!value->empty() && !IsDate(*value)) return InvalidField(field, std::string(field) + " must be a date, YYYY-MM-DD");
    *target = *value;
  }
  if (in.match_funding_pence) {
    if (*in.match_funding_pence < 0) return InvalidField("match_funding_pence", "match funding cannot be negative");
    a.match_funding_pence = *in.match_funding_pence;
  }
  if (in.match_funding_source) a.match_funding_source = *in.match_funding_source;
  if (in.lines) {
    for (size_t i = 0; i < in.lines->size(); ++i)
      if ((*in.lines)[i].amount_pence < 0)
        return InvalidField("lines[" + std::to_string(i) + "].amount_pence", "a budget line cannot be negative");
    a.lines = *in.lines;
  }
  return Status::Ok();
}

std::vector<RuleFailure> Eligibility(const app::Env& env, const Lookup& l, const storage::SchemeRow& scheme,
                                     const model::Organisation& org, const storage::ApplicationRow& a) {
  std::vector<RuleFailure> f;
  if (!org.taskforce_member)
    f.push_back({"member", "organisation", org.name + " is not a Taskforce member; the scheme is open to members only"});
  std::string today = Today(env);
  if (today < scheme.opens_on || today > scheme.closes_on)
    f.push_back({"scheme_open", "scheme", "the scheme takes applications from " + scheme.opens_on + " to " + scheme.closes_on});
  for (auto [field, value] : {std::pair{"title", &a.title}, std::pair{"summary", &a.summary},
                              std::pair{"outcomes", &a.outcomes}})
    if (Blank(*value)) f.push_back({"required", field, std::string("give the ") + (std::string(field) == "outcomes" ? "intended outcomes" : field)});
  if (a.amount_pence <= 0) f.push_back({"amount_positive", "amount_pence", "the amount must be more than £0.00"});
  if (a.amount_pence > scheme.max_grant_pence)
    f.push_back({"amount_max", "amount_pence", "the most a grant can be is " + FormatPounds(scheme.max_grant_pence)});
  int64_t total = 0;
  bool lines_ok = !a.lines.empty();
  for (const auto& line : a.lines) {
    total += line.amount_pence;
    if (line.amount_pence <= 0 || Blank(line.description)) lines_ok = false;
  }
  if (!lines_ok)
    f.push_back({"budget_lines", "lines", "give at least one budget line, each with a description and an amount over £0.00"});
  if (total != a.amount_pence)
    f.push_back({"budget_adds_up", "lines", "the budget lines add up to " + FormatPounds(total) + ", not the " +
                                                FormatPounds(a.amount_pence) + " asked for"});
  const auto* strand = l.Strand(a.strand_id);
  if (!strand) {
    f.push_back({"strand_in_scheme", "strand", "choose the strand the project advances"});
  } else if (std::find(scheme.strand_ids.begin(), scheme.strand_ids.end(), a.strand_id) == scheme.strand_ids.end()) {
    f.push_back({"strand_in_scheme", "strand", "the scheme does not fund the " + strand->name + " strand"});
  }
  if (a.objective_ids.empty()) f.push_back({"objective_in_strand", "objectives", "choose the objectives it advances"});
  for (int64_t id : a.objective_ids) {
    const auto* o = l.Objective(id);
    if (!o) continue;
    if (strand && o->strand_id != strand->id)
      f.push_back({"objective_in_strand", "objectives", o->code + " is not an objective of the " + strand->name + " strand"});
    if (!scheme.objective_ids.empty() &&
        std::find(scheme.objective_ids.begin(), scheme.objective_ids.end(), id) == scheme.objective_ids.end())
      f.push_back({"objective_in_scheme", "objectives", "the scheme does not serve " + o->code});
  }
  if (!IsDate(a.starts_on) || !IsDate(a.ends_on))
    f.push_back({"timescale", "starts_on", "give the start and end dates"});
  else if (a.ends_on < a.starts_on)
    f.push_back({"timescale", "ends_on", "the project ends before it starts"});
  if (a.match_funding_pence < 0) f.push_back({"match_funding", "match_funding_pence", "match funding cannot be negative"});
  if (a.match_funding_pence > 0 && Blank(a.match_funding_source))
    f.push_back({"match_funding", "match_funding_source", "say where the match funding comes from"});
  return f;
}

}  // namespace cairn::engine::internal
