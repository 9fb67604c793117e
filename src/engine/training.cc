#include "engine/training.h"

#include <algorithm>
#include <map>
#include <set>

#include "audit/chain.h"
#include "common/time.h"
#include "storage/organisations.h"
#include "storage/tasks.h"

namespace cairn::engine {
namespace {

using model::Role;

bool Blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }
bool Coordinator(const model::Actor& actor) { return actor.role == Role::kAdmin || actor.role == Role::kSecretariat; }

Result<storage::CourseRow> CourseByCode(storage::Tx& tx, const std::string& code) {
  CAIRN_ASSIGN_OR_RETURN(auto courses, storage::ListCourses(tx));
  auto c = std::find_if(courses.begin(), courses.end(), [&](const auto& x) { return x.code == code; });
  if (c == courses.end()) return InvalidField("course", "unknown course '" + code + "'");
  return *c;
}

Status Member(const model::Actor& actor) {
  if (!actor.user_id || !actor.organisation_id || actor.role == Role::kAuditor)
    return PermissionDenied("a member of an organisation records its training");
  return Status::Ok();
}

}  // namespace

Result<std::vector<storage::CourseRow>> ListCourses(const app::Env& env) {
  std::vector<storage::CourseRow> out;
  CAIRN_RETURN_IF_ERROR(env.db.Read([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(out, storage::ListCourses(tx));
    return Status::Ok();
  }));
  return out;
}

Result<storage::CourseRow> AddCourse(const app::Env& env, const model::Actor& actor, const storage::CourseRow& in,
                                     const std::string& objective) {
  if (Blank(in.code)) return InvalidField("code", "a course needs a code");
  if (Blank(in.title)) return InvalidField("title", "a course needs a title");
  if (!Coordinator(actor)) return PermissionDenied("the secretariat adds courses");
  storage::CourseRow c = in;
  CAIRN_RETURN_IF_ERROR(env.db.Write([&](storage::Tx& tx) -> Status {
    if (!objective.empty()) {
      CAIRN_ASSIGN_OR_RETURN(auto objectives, storage::ListObjectives(tx));
      auto o = std::find_if(objectives.begin(), objectives.end(), [&](const auto& x) { return x.code == objective; });
      if (o == objectives.end()) return InvalidField("objective", "unknown objective '" + objective + "'");
      c.objective_id = o->id;
    }
    c.created_at = FormatTimestamp(env.clock.Now());
    CAIRN_ASSIGN_OR_RETURN(bool inserted, storage::InsertCourseIfNew(tx, c));
    if (!inserted) return InvalidField("code", "a course with code " + c.code + " exists");
    CAIRN_ASSIGN_OR_RETURN(c, CourseByCode(tx, c.code));
    return audit::Append(tx, env.clock, actor, {"create", "course", c.code, true, {}});
  }));
  return c;
}

Status RecordCompletion(const app::Env& env, const model::Actor& actor, const std::string& course_code,
                        const std::string& person, const std::string& completed_on) {
  if (Blank(person)) return InvalidField("person", "name who completed the course");
  if (completed_on.size() != 10 || !ParseTimestamp(completed_on).ok())
    return InvalidField("completed_on", "completed_on must be a date, YYYY-MM-DD");
  if (completed_on > FormatTimestamp(env.clock.Now()).substr(0, 10))
    return InvalidField("completed_on", "completed_on is in the future");
  CAIRN_RETURN_IF_ERROR(Member(actor));
  return env.db.Write([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(auto course, CourseByCode(tx, course_code));
    CAIRN_RETURN_IF_ERROR(storage::InsertCompletion(
        tx, {0, course.id, *actor.organisation_id, person, completed_on, *actor.user_id, FormatTimestamp(env.clock.Now())}));
    return audit::Append(tx, env.clock, actor, {"create", "course_completion", course.code, true, {{"completed_on", completed_on}}});
  });
}

Status SetStaffInScope(const app::Env& env, const model::Actor& actor, const std::string& course_code, int64_t staff) {
  if (staff < 0) return InvalidField("staff_in_scope", "staff_in_scope is a count, 0 or more");
  CAIRN_RETURN_IF_ERROR(Member(actor));
  return env.db.Write([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(auto course, CourseByCode(tx, course_code));
    CAIRN_RETURN_IF_ERROR(storage::PutScope(tx, {*actor.organisation_id, course.id, staff}, FormatTimestamp(env.clock.Now())));
    return audit::Append(tx, env.clock, actor, {"update", "training_scope", course.code, true, {{"staff_in_scope", staff}}});
  });
}

Result<std::vector<CoverageRow>> TrainingCoverage(const app::Env& env, const std::string& from, const std::string& to) {
  std::vector<CoverageRow> out;
  CAIRN_RETURN_IF_ERROR(env.db.Read([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(auto courses, storage::ListCourses(tx));
    CAIRN_ASSIGN_OR_RETURN(auto completions, storage::ListCompletions(tx, 0));
    CAIRN_ASSIGN_OR_RETURN(auto scopes, storage::ListScopes(tx));
    CAIRN_ASSIGN_OR_RETURN(auto orgs, storage::ListOrganisations(tx));
    std::map<std::pair<int64_t, int64_t>, std::set<std::string>> people;  // (organisation, course) → people
    std::map<std::pair<int64_t, int64_t>, int64_t> scope;
    for (const auto& c : completions) {
      if (!from.empty() && c.completed_on < from) continue;
      if (!to.empty() && c.completed_on >= to) continue;
      people[{c.organisation_id, c.course_id}].insert(c.person);
    }
    for (const auto& s : scopes) scope[{s.organisation_id, s.course_id}] = s.staff_in_scope;
    std::set<std::pair<int64_t, int64_t>> keys;
    for (const auto& [k, _] : people) keys.insert(k);
    for (const auto& [k, _] : scope) keys.insert(k);
    for (const auto& k : keys) {
      CoverageRow r;
      r.organisation_id = k.first;
      for (const auto& o : orgs)
        if (o.id == k.first) r.organisation = o.name;
      for (const auto& c : courses)
        if (c.id == k.second) {
          r.course_code = c.code;
          r.course = c.title;
        }
      r.completed = int64_t(people[k].size());
      if (scope.count(k)) {
        r.staff_in_scope = scope[k];
        if (*r.staff_in_scope > 0) r.coverage = std::min(1.0, double(r.completed) / double(*r.staff_in_scope));
      }
      out.push_back(std::move(r));
    }
    return Status::Ok();
  }));
  std::sort(out.begin(), out.end(), [](const CoverageRow& a, const CoverageRow& b) {
    return std::tie(a.organisation, a.course) < std::tie(b.organisation, b.course);
  });
  return out;
}

Result<std::vector<storage::CompletionRow>> ListCompletions(const app::Env& env, const model::Actor& actor) {
  std::vector<storage::CompletionRow> out;
  if (!Coordinator(actor) && (!actor.organisation_id || actor.role == Role::kAuditor)) return out;
  CAIRN_RETURN_IF_ERROR(env.db.Read([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(out, storage::ListCompletions(tx, Coordinator(actor) ? 0 : *actor.organisation_id));
    return Status::Ok();
  }));
  return out;
}

}  // namespace cairn::engine
