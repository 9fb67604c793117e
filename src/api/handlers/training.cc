// Training (engine/training.h): courses, completions, staff in scope and coverage. Parse, call,
// serialise.
#include "api/body.h"
#include "api/handlers/handlers.h"
#include "engine/training.h"

namespace cairn::api::handlers {

using nlohmann::json;

Result<Reply> ListCourses(Request& req) {
  CAIRN_ASSIGN_OR_RETURN(auto courses, engine::ListCourses(req.env));
  json items = json::array();
  for (const auto& c : courses)
    items.push_back({{"code", c.code}, {"title", c.title}, {"audience", c.audience}, {"provider", c.provider}});
  return Reply{200, {{"courses", items}}, {}};
}

Result<Reply> AddCourse(Request& req) {
  Body b(req.body);
  storage::CourseRow c;
  CAIRN_ASSIGN_OR_RETURN(c.code, b.String("code"));
  CAIRN_ASSIGN_OR_RETURN(c.title, b.String("title"));
  CAIRN_ASSIGN_OR_RETURN(auto audience, b.OptString("audience"));
  CAIRN_ASSIGN_OR_RETURN(auto provider, b.OptString("provider"));
  CAIRN_ASSIGN_OR_RETURN(auto objective, b.OptString("objective"));
  CAIRN_RETURN_IF_ERROR(b.Finish());
  c.audience = audience.value_or("");
  c.provider = provider.value_or("");
  CAIRN_ASSIGN_OR_RETURN(auto added, engine::AddCourse(req.env, req.actor, c, objective.value_or("")));
  return Reply{201, {{"code", added.code}, {"title", added.title}}, {}};
}

Result<Reply> RecordCompletion(Request& req) {
  Body b(req.body);
  CAIRN_ASSIGN_OR_RETURN(auto course, b.String("course"));
  CAIRN_ASSIGN_OR_RETURN(auto person, b.String("person"));
  CAIRN_ASSIGN_OR_RETURN(auto on, b.String("completed_on"));
  CAIRN_RETURN_IF_ERROR(b.Finish());
  CAIRN_RETURN_IF_ERROR(engine::RecordCompletion(req.env, req.actor, course, person, on));
  return Reply{201, {{"course", course}, {"person", person}, {"completed_on", on}}, {}};
}

Result<Reply> SetTrainingScope(Request& req) {
  Body b(req.body);
  CAIRN_ASSIGN_OR_RETURN(auto course, b.String("course"));
  CAIRN_ASSIGN_OR_RETURN(auto staff, b.Int("staff_in_scope"));
  CAIRN_RETURN_IF_ERROR(b.Finish());
  CAIRN_RETURN_IF_ERROR(engine::SetStaffInScope(req.env, req.actor, course, staff));
  return Reply{200, {{"course", course}, {"staff_in_scope", staff}}, {}};
}

Result<Reply> GetTrainingCoverage(Request& req) {
  std::string from = req.http.has_param("from") ? req.http.get_param_value("from") : "";
  std::string to = req.http.has_param("to") ? req.http.get_param_value("to") : "";
  CAIRN_ASSIGN_OR_RETURN(auto rows, engine::TrainingCoverage(req.env, from, to));
  json items = json::array();
  for (const auto& r : rows)
    items.push_back({{"organisation_id", r.organisation_id}, {"organisation", r.organisation}, {"course", r.course_code},
                     {"title", r.course}, {"completed", r.completed},
                     {"staff_in_scope", r.staff_in_scope ? json(*r.staff_in_scope) : json()},
                     {"coverage", r.coverage ? json(*r.coverage) : json()}});
  CAIRN_ASSIGN_OR_RETURN(auto mine, engine::ListCompletions(req.env, req.actor));
  json completions = json::array();
  for (const auto& c : mine)
    completions.push_back({{"course_id", c.course_id}, {"organisation_id", c.organisation_id}, {"person", c.person},
                           {"completed_on", c.completed_on}});
  return Reply{200, {{"coverage", items}, {"completions", completions}}, {}};
}

}  // namespace cairn::api::handlers
