// The SOC self-assessment and its action plan (engine/self_assessment.h). Parse, call, serialise.
#include "api/body.h"
#include "api/handlers/handlers.h"
#include "engine/self_assessment.h"

namespace cairn::api::handlers {
namespace {

using nlohmann::json;

json AssessmentJson(const engine::AssessmentView& v) {
  const auto& a = v.assessment;
  json plan = json::array();
  for (const auto& pv : v.plan) {
    const auto& p = pv.action;
    json reviews = json::array();
    for (const auto& r : pv.reviews)
      reviews.push_back({{"at", r.at}, {"by", r.user}, {"rag", r.rag}, {"status", r.status}, {"note", r.note}});
    plan.push_back({{"id", p.id}, {"question", p.question_code}, {"text", p.text}, {"owner", p.owner},
                    {"resources", p.resources}, {"due_date", p.due_date}, {"rag", p.rag}, {"status", p.status},
                    {"objective", p.objective_code}, {"updated_at", p.updated_at}, {"reviews", reviews}});
  }
  return {{"id", a.id},         {"organisation", a.organisation}, {"group", a.group_name},
          {"answers", v.answers}, {"scores", v.scores},          {"completed_at", a.completed_at},
          {"plan", plan},       {"can_edit", v.can_edit}};
}

}  // namespace

Result<Reply> GetChecklist(Request&) {
  const auto& c = engine::DefaultChecklist();
  json themes = json::array(), questions = json::array();
  for (const auto& t : c.themes) themes.push_back({{"code", t.code}, {"title", t.title}});
  for (const auto& q : c.questions)
    questions.push_back({{"code", q.code}, {"theme", q.theme}, {"text", q.text}, {"objective", q.objective}});
  return Reply{200, {{"themes", themes}, {"questions", questions}, {"scale", {{"0", "No"}, {"1", "Partly"}, {"2", "Yes"}}}}, {}};
}

Result<Reply> ListAssessments(Request& req) {
  CAIRN_ASSIGN_OR_RETURN(auto rows, engine::ListAssessments(req.env, req.actor));
  json items = json::array();
  for (const auto& a : rows)
    items.push_back({{"id", a.id}, {"organisation", a.organisation}, {"group", a.group_name},
                     {"scores", json::parse(a.scores, nullptr, false)}, {"completed_at", a.completed_at}});
  return Reply{200, {{"assessments", items}}, {}};
}

Result<Reply> SubmitAssessment(Request& req) {
  Body b(req.body);
  CAIRN_ASSIGN_OR_RETURN(auto group, b.OptString("group"));
  CAIRN_ASSIGN_OR_RETURN(auto answers, b.IntMap("answers"));
  CAIRN_RETURN_IF_ERROR(b.Finish());
  CAIRN_ASSIGN_OR_RETURN(auto v, engine::SubmitAssessment(req.env, req.actor, group.value_or(""), answers));
  return Reply{201, AssessmentJson(v), {}};
}

Result<Reply> GetAssessment(Request& req) {
  CAIRN_ASSIGN_OR_RETURN(int64_t id, IdParam(req, 0));
  CAIRN_ASSIGN_OR_RETURN(auto v, engine::ReadAssessment(req.env, req.actor, id));
  return Reply{200, AssessmentJson(v), {}};
}

Result<Reply> AddPlanAction(Request& req) {
  CAIRN_ASSIGN_OR_RETURN(int64_t id, IdParam(req, 0));
  Body b(req.body);
  CAIRN_ASSIGN_OR_RETURN(auto text, b.String("text"));
  CAIRN_ASSIGN_OR_RETURN(auto objective, b.String("objective"));
  CAIRN_ASSIGN_OR_RETURN(auto due, b.String("due_date"));
  CAIRN_ASSIGN_OR_RETURN(auto owner, b.OptString("owner"));
  CAIRN_RETURN_IF_ERROR(b.Finish());
  CAIRN_ASSIGN_OR_RETURN(auto v, engine::AddPlanAction(req.env, req.actor, id, text, objective, owner.value_or(""), due));
  return Reply{201, AssessmentJson(v), {}};
}

Result<Reply> ReviewPlanAction(Request& req) {
  CAIRN_ASSIGN_OR_RETURN(int64_t id, IdParam(req, 0));
  Body b(req.body);
  engine::PlanActionChange c;
  CAIRN_ASSIGN_OR_RETURN(c.owner, b.OptString("owner"));
  CAIRN_ASSIGN_OR_RETURN(c.resources, b.OptString("resources"));
  CAIRN_ASSIGN_OR_RETURN(c.due_date, b.OptString("due_date"));
  CAIRN_ASSIGN_OR_RETURN(c.rag, b.OptString("rag"));
  CAIRN_ASSIGN_OR_RETURN(c.status, b.OptString("status"));
  CAIRN_ASSIGN_OR_RETURN(c.note, b.String("note"));
  CAIRN_RETURN_IF_ERROR(b.Finish());
  CAIRN_ASSIGN_OR_RETURN(auto v, engine::ReviewPlanAction(req.env, req.actor, id, c));
  return Reply{200, AssessmentJson(v), {}};
}

}  // namespace cairn::api::handlers
