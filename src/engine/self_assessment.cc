#include "engine/self_assessment.h"

#include <nlohmann/json.hpp>
#include <toml++/toml.h>

#include <algorithm>
#include <cstdlib>

#include "audit/chain.h"
#include "common/time.h"
#include "config/toml_support.h"
#include "embedded/embedded.h"
#include "storage/tasks.h"

namespace cairn::engine {
namespace {

using model::Role;
using nlohmann::json;

bool Blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

using config::Where;

bool Coordinator(const model::Actor& actor) { return actor.role == Role::kAdmin || actor.role == Role::kSecretariat; }

bool Member(const model::Actor& actor, int64_t organisation_id) {
  return actor.user_id && actor.organisation_id == organisation_id && actor.role != Role::kAuditor;
}

Result<storage::AssessmentRow> Visible(storage::Tx& tx, const model::Actor& actor, int64_t id) {
  CAIRN_ASSIGN_OR_RETURN(auto a, storage::GetAssessment(tx, id));
  if (!a || !(Coordinator(actor) || Member(actor, a->organisation_id)))
    return NotFound("no self-assessment with id " + std::to_string(id));
  return *a;
}

Result<AssessmentView> View(storage::Tx& tx, const model::Actor& actor, const storage::AssessmentRow& a) {
  AssessmentView v;
  v.assessment = a;
  json answers = json::parse(a.answers, nullptr, false);
  if (answers.is_object())
    for (const auto& [k, x] : answers.items()) v.answers[k] = x.get<int64_t>();
  json scores = json::parse(a.scores, nullptr, false);
  if (scores.is_object())
    for (const auto& [k, x] : scores.items()) v.scores[k] = x.get<double>();
  CAIRN_ASSIGN_OR_RETURN(auto actions, storage::PlanActionsOf(tx, a.id));
  for (auto& p : actions) {
    PlanActionView pv{p, {}};
    CAIRN_ASSIGN_OR_RETURN(pv.reviews, storage::PlanReviewsOf(tx, p.id));
    v.plan.push_back(std::move(pv));
  }
  v.can_edit = Member(actor, a.organisation_id);
  return v;
}

Status CheckDate(const std::string& value, const std::string& field) {
  if (value.size() != 10 || !ParseTimestamp(value).ok()) return InvalidField(field, field + " must be a date, YYYY-MM-DD");
  return Status::Ok();
}

Result<int64_t> ObjectiveId(storage::Tx& tx, const std::string& code, const std::string& field) {
  CAIRN_ASSIGN_OR_RETURN(auto objectives, storage::ListObjectives(tx));
  auto o = std::find_if(objectives.begin(), objectives.end(), [&](const auto& x) { return x.code == code; });
  if (o == objectives.end()) return InvalidField(field, "unknown objective '" + code + "'");
  return o->id;
}

}  // namespace

Result<AssessmentChecklist> ParseChecklist(const std::string& text, const std::string& source) {
  CAIRN_ASSIGN_OR_RETURN(toml::table root, config::ParseToml(text, source));
  AssessmentChecklist c;
  const toml::array* themes = root["theme"].as_array();
  if (!themes || themes->empty()) return InvalidArgument(source + ": at least one [[theme]] is needed");
  for (const auto& t : *themes) {
    const toml::table* tt = t.as_table();
    auto code = tt ? (*tt)["code"].value<std::string>() : std::nullopt;
    auto title = tt ? (*tt)["title"].value<std::string>() : std::nullopt;
    if (!code || !title) return InvalidArgument(Where(source, &t, "theme") + " needs a code and a title");
    c.themes.push_back({*code, *title});
  }
  const toml::array* questions = root["question"].as_array();
  if (!questions || questions->empty()) return InvalidArgument(source + ": at least one [[question]] is needed");
  for (const auto& q : *questions) {
    const toml::table* qt = q.as_table();
    AssessmentQuestion x;
    for (auto [key, out] : {std::pair{"code", &x.code}, std::pair{"theme", &x.theme}, std::pair{"text", &x.text},
                            std::pair{"action", &x.action}, std::pair{"objective", &x.objective}}) {
      auto v = qt ? (*qt)[key].value<std::string>() : std::nullopt;
      if (!v) return InvalidArgument(Where(source, &q, "question") + " needs " + key);
      *out = *v;
    }
    if (std::none_of(c.themes.begin(), c.themes.end(), [&](const auto& t) { return t.code == x.theme; }))
      return InvalidArgument(Where(source, &q, "question " + x.code) + ": unknown theme '" + x.theme + "'");
    c.questions.push_back(std::move(x));
  }
  return c;
}

const AssessmentChecklist& DefaultChecklist() {
  static const AssessmentChecklist kDefaults = [] {
    auto text = embedded::Find("config/self_assessment.toml");
    auto parsed = ParseChecklist(std::string(text.value_or("")), "config/self_assessment.toml");
    // The defaults are part of the binary and tested; a broken one is a build bug.
    if (!parsed.ok()) std::abort();
    return *parsed;
  }();
  return kDefaults;
}

std::map<std::string, double> ScoreByTheme(const AssessmentChecklist& checklist, const std::map<std::string, int64_t>& answers) {
  std::map<std::string, std::pair<int64_t, int64_t>> sums;  // theme → (got, most)
  for (const auto& q : checklist.questions) {
    auto& [got, most] = sums[q.theme];
    auto a = answers.find(q.code);
    got += a == answers.end() ? 0 : a->second;
    most += 2;
  }
  std::map<std::string, double> out;
  for (const auto& [theme, s] : sums) out[theme] = s.second ? double(s.first) / double(s.second) : 0;
  return out;
}

Result<AssessmentView> SubmitAssessment(const app::Env& env, const model::Actor& actor, const std::string& group,
                                        const std::map<std::string, int64_t>& answers, const AssessmentChecklist& checklist) {
  for (const auto& [code, value] : answers) {
    if (std::none_of(checklist.questions.begin(), checklist.questions.end(), [&](const auto& q) { return q.code == code; }))
      return InvalidField("answers." + code, "no question " + code);
    if (value < 0 || value > 2) return InvalidField("answers." + code, "answer 0 (no), 1 (partly) or 2 (yes)");
  }
  for (const auto& q : checklist.questions)
    if (!answers.count(q.code)) return InvalidField("answers." + q.code, "answer every question: " + q.text);
  if (!actor.user_id || !actor.organisation_id || actor.role == Role::kAuditor)
    return PermissionDenied("a member of the organisation completes its self-assessment");
  AssessmentView v;
  std::string now = FormatTimestamp(env.clock.Now());
  std::string due = FormatTimestamp(env.clock.Now() + std::chrono::hours(24 * 91)).substr(0, 10);  // about three months
  CAIRN_RETURN_IF_ERROR(env.db.Write([&](storage::Tx& tx) -> Status {
    storage::AssessmentRow a;
    a.organisation_id = *actor.organisation_id;
    a.group_name = group;
    a.answers = json(answers).dump();
    a.scores = json(ScoreByTheme(checklist, answers)).dump();
    a.completed_by = *actor.user_id;
    a.completed_at = now;
    CAIRN_ASSIGN_OR_RETURN(a.id, storage::InsertAssessment(tx, a));
    int64_t planned = 0;
    for (const auto& q : checklist.questions) {
      int64_t answer = answers.at(q.code);
      if (answer == 2) continue;
      storage::PlanActionRow p;
      p.assessment_id = a.id;
      p.question_code = q.code;
      p.text = q.action;
      p.due_date = due;
      p.rag = answer == 0 ? "red" : "amber";
      CAIRN_ASSIGN_OR_RETURN(p.objective_id, ObjectiveId(tx, q.objective, "objective"));
      p.updated_at = now;
      CAIRN_ASSIGN_OR_RETURN(p.id, storage::InsertPlanAction(tx, p));
      ++planned;
    }
    CAIRN_RETURN_IF_ERROR(audit::Append(tx, env.clock, actor,
                                        {"create", "self_assessment", std::to_string(a.id), true,
                                         {{"group", group}, {"plan_actions", planned}}}));
    CAIRN_ASSIGN_OR_RETURN(auto stored, storage::GetAssessment(tx, a.id));
    CAIRN_ASSIGN_OR_RETURN(v, View(tx, actor, *stored));
    return Status::Ok();
  }));
  return v;
}

Result<AssessmentView> ReadAssessment(const app::Env& env, const model::Actor& actor, int64_t id) {
  AssessmentView v;
  CAIRN_RETURN_IF_ERROR(env.db.Read([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(auto a, Visible(tx, actor, id));
    CAIRN_ASSIGN_OR_RETURN(v, View(tx, actor, a));
    return Status::Ok();
  }));
  return v;
}

Result<std::vector<storage::AssessmentRow>> ListAssessments(const app::Env& env, const model::Actor& actor) {
  std::vector<storage::AssessmentRow> out;
  if (!Coordinator(actor) && (!actor.organisation_id || actor.role == Role::kAuditor)) return out;
  CAIRN_RETURN_IF_ERROR(env.db.Read([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(out, storage::ListAssessments(tx, Coordinator(actor) ? 0 : *actor.organisation_id));
    return Status::Ok();
  }));
  return out;
}

Result<AssessmentView> ReviewPlanAction(const app::Env& env, const model::Actor& actor, int64_t action_id,
                                        const PlanActionChange& c) {
  if (c.rag && *c.rag != "red" && *c.rag != "amber" && *c.rag != "green")
    return InvalidField("rag", "rag must be red, amber or green");
  if (c.status && *c.status != "open" && *c.status != "done") return InvalidField("status", "status must be open or done");
  if (c.due_date) CAIRN_RETURN_IF_ERROR(CheckDate(*c.due_date, "due_date"));
  if (Blank(c.note)) return InvalidField("note", "say what the review found");
  AssessmentView v;
  CAIRN_RETURN_IF_ERROR(env.db.Write([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(auto p, storage::GetPlanAction(tx, action_id));
    if (!p) return NotFound("no plan action with id " + std::to_string(action_id));
    CAIRN_ASSIGN_OR_RETURN(auto a, Visible(tx, actor, p->assessment_id));
    if (!Member(actor, a.organisation_id)) return PermissionDenied("only " + a.organisation + " reviews its action plan");
    if (c.owner) p->owner = *c.owner;
    if (c.resources) p->resources = *c.resources;
    if (c.due_date) p->due_date = *c.due_date;
    if (c.rag) p->rag = *c.rag;
    if (c.status) p->status = *c.status;
    p->updated_at = FormatTimestamp(env.clock.Now());
    CAIRN_RETURN_IF_ERROR(storage::UpdatePlanAction(tx, *p));
    CAIRN_RETURN_IF_ERROR(storage::InsertPlanReview(tx, {0, p->id, p->updated_at, *actor.user_id, p->rag, p->status, c.note, ""}));
    CAIRN_RETURN_IF_ERROR(audit::Append(tx, env.clock, actor,
                                        {"update", "plan_action", std::to_string(p->id), true,
                                         {{"rag", p->rag}, {"status", p->status}}}));
    CAIRN_ASSIGN_OR_RETURN(v, View(tx, actor, a));
    return Status::Ok();
  }));
  return v;
}

Result<AssessmentView> AddPlanAction(const app::Env& env, const model::Actor& actor, int64_t assessment_id,
                                     const std::string& text, const std::string& objective, const std::string& owner,
                                     const std::string& due_date) {
  if (Blank(text)) return InvalidField("text", "say what is to be done");
  CAIRN_RETURN_IF_ERROR(CheckDate(due_date, "due_date"));
  AssessmentView v;
  CAIRN_RETURN_IF_ERROR(env.db.Write([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(auto a, Visible(tx, actor, assessment_id));
    if (!Member(actor, a.organisation_id)) return PermissionDenied("only " + a.organisation + " adds to its action plan");
    storage::PlanActionRow p;
    p.assessment_id = a.id;
    p.text = text;
    p.owner = owner;
    p.due_date = due_date;
    p.rag = "amber";
    CAIRN_ASSIGN_OR_RETURN(p.objective_id, ObjectiveId(tx, objective, "objective"));
    p.updated_at = FormatTimestamp(env.clock.Now());
    CAIRN_ASSIGN_OR_RETURN(p.id, storage::InsertPlanAction(tx, p));
    CAIRN_RETURN_IF_ERROR(audit::Append(tx, env.clock, actor, {"create", "plan_action", std::to_string(p.id), true, {}}));
    CAIRN_ASSIGN_OR_RETURN(v, View(tx, actor, a));
    return Status::Ok();
  }));
  return v;
}

}  // namespace cairn::engine
