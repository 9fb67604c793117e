// Training's tables (migration 0017). All within a lent Tx.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "storage/database.h"

namespace cairn::storage {

struct CourseRow {
  int64_t id = 0;
  std::string code, title, audience, provider;
  int64_t objective_id = 0;
  std::string created_at;
};
Result<std::vector<CourseRow>> ListCourses(Tx& tx);
// Inserts unless a course with the code exists; returns whether it inserted.
Result<bool> InsertCourseIfNew(Tx& tx, const CourseRow& c);

struct CompletionRow {
  int64_t id = 0, course_id = 0, organisation_id = 0;
  std::string person, completed_on;
  int64_t recorded_by = 0;
  std::string recorded_at;
};
Status InsertCompletion(Tx& tx, const CompletionRow& c);
// `organisation_id` 0 = every organisation's. Newest first.
Result<std::vector<CompletionRow>> ListCompletions(Tx& tx, int64_t organisation_id);

struct ScopeRow {
  int64_t organisation_id = 0, course_id = 0, staff_in_scope = 0;
};
Status PutScope(Tx& tx, const ScopeRow& s, const std::string& at);
Result<std::vector<ScopeRow>> ListScopes(Tx& tx);

}  // namespace cairn::storage
