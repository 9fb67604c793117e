// Self-assessment's tables (migration 0015). All within a lent Tx.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "storage/database.h"

namespace cairn::storage {

struct AssessmentRow {
  int64_t id = 0, organisation_id = 0;
  std::string group_name, answers = "{}", scores = "{}";
  int64_t completed_by = 0;
  std::string completed_at;
  std::string organisation;  // filled on reading
};

struct PlanActionRow {
  int64_t id = 0, assessment_id = 0;
  std::string question_code, text, owner, resources, due_date, rag, status = "open";
  int64_t objective_id = 0;
  std::string updated_at;
  std::string objective_code;  // filled on reading
};

struct PlanReviewRow {
  int64_t id = 0, action_id = 0;
  std::string at;
  int64_t user_id = 0;
  std::string rag, status, note, user;  // user: display name, filled on reading
};

Result<int64_t> InsertAssessment(Tx& tx, const AssessmentRow& a);
Result<std::optional<AssessmentRow>> GetAssessment(Tx& tx, int64_t id);
// Newest first; `organisation_id` 0 = every organisation's.
Result<std::vector<AssessmentRow>> ListAssessments(Tx& tx, int64_t organisation_id);

Result<int64_t> InsertPlanAction(Tx& tx, const PlanActionRow& a);
// Overwrites owner, resources, due date, RAG, status and updated_at.
Status UpdatePlanAction(Tx& tx, const PlanActionRow& a);
Result<std::optional<PlanActionRow>> GetPlanAction(Tx& tx, int64_t id);
Result<std::vector<PlanActionRow>> PlanActionsOf(Tx& tx, int64_t assessment_id);

// Per objective id: action-plan items open and done.
Result<std::map<int64_t, std::pair<int64_t, int64_t>>> PlanActionCountsByObjective(Tx& tx);

Status InsertPlanReview(Tx& tx, const PlanReviewRow& r);
Result<std::vector<PlanReviewRow>> PlanReviewsOf(Tx& tx, int64_t action_id);

}  // namespace cairn::storage
