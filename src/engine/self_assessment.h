// The SOC self-assessment and its action plan. An organisation — or one of its groups, such as a
// council's Integrity Group or Prevent Group — answers the checklist of config/self_assessment.toml
// (0 no, 1 partly, 2 yes), gets a score by theme, and an action plan: one action for each
// question answered 0 or 1, with the question's suggested action and objective, rated red or
// amber, due in three months, for the organisation to give an owner and resources and to review
// over time (each review keeps its rating, status and note).
//
// An organisation's assessments are its own: its members and the Taskforce's coordinators
// (admin, secretariat) see them; others get NotFound. Audited.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/env.h"
#include "common/status.h"
#include "model/actor.h"
#include "storage/self_assessment.h"

namespace cairn::engine {

struct AssessmentQuestion {
  std::string code, theme, text, action, objective;
};
struct AssessmentTheme {
  std::string code, title;
};
struct AssessmentChecklist {
  std::vector<AssessmentTheme> themes;
  std::vector<AssessmentQuestion> questions;
};
// InvalidArgument naming the source, line and key for anything malformed, or a question whose
// theme is not listed.
Result<AssessmentChecklist> ParseChecklist(const std::string& text, const std::string& source);
// The embedded config/self_assessment.toml.
const AssessmentChecklist& DefaultChecklist();

// Theme code → share of the most it could score (0..1). REQUIRES: every answer is 0, 1 or 2.
std::map<std::string, double> ScoreByTheme(const AssessmentChecklist& checklist, const std::map<std::string, int64_t>& answers);

struct PlanActionView {
  storage::PlanActionRow action;
  std::vector<storage::PlanReviewRow> reviews;
};
struct AssessmentView {
  storage::AssessmentRow assessment;
  std::map<std::string, int64_t> answers;
  std::map<std::string, double> scores;
  std::vector<PlanActionView> plan;
  bool can_edit = false;  // a member of the organisation
};

// InvalidField("answers.CODE") for a missing answer, one not 0–2 or an unknown question.
// Audited.
Result<AssessmentView> SubmitAssessment(const app::Env& env, const model::Actor& actor, const std::string& group,
                                        const std::map<std::string, int64_t>& answers,
                                        const AssessmentChecklist& checklist = DefaultChecklist());
Result<AssessmentView> ReadAssessment(const app::Env& env, const model::Actor& actor, int64_t id);
Result<std::vector<storage::AssessmentRow>> ListAssessments(const app::Env& env, const model::Actor& actor);

struct PlanActionChange {
  std::optional<std::string> owner, resources, due_date, rag, status;
  std::string note;  // why: kept with the review
};
// Reviews an action: InvalidField for a RAG other than red, amber or green, a status other than
// open or done, a bad date, or no note. Only the organisation's members. Audited.
Result<AssessmentView> ReviewPlanAction(const app::Env& env, const model::Actor& actor, int64_t action_id,
                                        const PlanActionChange& change);
// Adds an action by hand, linked to an objective (its code).
Result<AssessmentView> AddPlanAction(const app::Env& env, const model::Actor& actor, int64_t assessment_id,
                                     const std::string& text, const std::string& objective, const std::string& owner,
                                     const std::string& due_date);

}  // namespace cairn::engine
