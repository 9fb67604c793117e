// Training: the courses the Taskforce offers or recommends (WRAP, SOC awareness for procurement
// staff, for regulatory services, for licensing, recognising exploitation), who completed them
// in which organisation, and coverage — the share of the staff an organisation has in scope for
// a course who have completed it. Seeded from data/seed/taskforce.json; the admin or secretariat
// adds courses.
//
// People's names are their organisation's: an organisation's members (and the coordinators)
// read its completions; coverage, in counts, is for every caseworker. Audited.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/env.h"
#include "common/status.h"
#include "model/actor.h"
#include "storage/training.h"

namespace cairn::engine {

Result<std::vector<storage::CourseRow>> ListCourses(const app::Env& env);
// InvalidField for no code or title, a code in use, or an unknown objective. Admin or
// secretariat. Audited.
Result<storage::CourseRow> AddCourse(const app::Env& env, const model::Actor& actor, const storage::CourseRow& course,
                                     const std::string& objective);

// Records that `person` of the actor's organisation completed course `course_code` on
// `completed_on` (not in the future). Audited.
Status RecordCompletion(const app::Env& env, const model::Actor& actor, const std::string& course_code,
                        const std::string& person, const std::string& completed_on);
// How many of the actor's organisation's staff are in scope for the course.
Status SetStaffInScope(const app::Env& env, const model::Actor& actor, const std::string& course_code, int64_t staff);

struct CoverageRow {
  int64_t organisation_id = 0;
  std::string organisation, course_code, course;
  int64_t completed = 0;                 // distinct people who completed it
  std::optional<int64_t> staff_in_scope;  // nullopt: not declared
  std::optional<double> coverage;         // completed ÷ in scope, at most 1
};
// Per organisation and course with any completion or a declared scope. `from`/`to` (YYYY-MM-DD,
// [from, to)) limit the completions counted; empty means all.
Result<std::vector<CoverageRow>> TrainingCoverage(const app::Env& env, const std::string& from = "",
                                                  const std::string& to = "");

// The actor's organisation's completions (every organisation's for the coordinators).
Result<std::vector<storage::CompletionRow>> ListCompletions(const app::Env& env, const model::Actor& actor);

}  // namespace cairn::engine
