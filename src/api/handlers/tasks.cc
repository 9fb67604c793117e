// Tasking (engine/tasks.h): objectives, tasks and their steps, outcomes, capacity,
// notifications and the outbox. Parse, call, serialise.
#include "api/body.h"
#include "api/handlers/handlers.h"
#include "api/handlers/task_input.h"
#include "engine/tasking_board.h"
#include "engine/tasks.h"

namespace cairn::api::handlers {
namespace {

using nlohmann::json;

json TaskJson(const engine::TaskView& v) {
  const auto& t = v.task;
  json events = json::array();
  for (const auto& e : v.events)
    events.push_back({{"at", e.at}, {"by", e.user}, {"from", e.from_status}, {"to", e.to_status}, {"reason", e.reason}});
  json outcomes = json::array();
  for (const auto& o : v.outcomes)
    outcomes.push_back({{"id", o.id}, {"type", o.type}, {"quantity", o.quantity}, {"note", o.note}, {"recorded_at", o.recorded_at}});
  json assignable = json::array();
  for (const auto& [id, name] : v.assignable) assignable.push_back({{"id", id}, {"name", name}});
  json j = {{"id", t.id},
            {"title", t.title},
            {"description", t.description},
            {"strand", t.strand_code},
            {"objective", {{"id", t.objective_id}, {"code", t.objective_code}, {"title", t.objective_title}}},
            {"owner", {{"organisation_id", t.owner_organisation_id}, {"organisation", t.owner_organisation},
                       {"user_id", t.owner_user_id}, {"user", t.owner_user}}},
            {"created_by_organisation", t.creator_organisation},
            {"source", {{"type", t.source_type}, {"id", t.source_id}}},
            {"council_area", t.council_area},
            {"priority", {{"harm", t.harm}, {"likelihood", t.likelihood}, {"confidence", t.confidence},
                          {"base", v.priority.base}, {"capacity", t.capacity}, {"modifier", t.capacity_modifier},
                          {"score", t.priority}, {"band", t.priority_band}}},
            {"due_date", t.due_date},
            {"overdue", v.overdue},
            {"status", t.status},
            {"status_reason", t.status_reason},
            {"sharing", {{"lawful_basis", t.lawful_basis}, {"schedule1_condition", t.schedule1_condition},
                         {"handling_conditions", t.handling_conditions}}},
            {"created_at", t.created_at},
            {"accepted_at", t.accepted_at},
            {"done_at", t.done_at},
            {"events", events},
            {"outcomes", outcomes},
            {"next", v.next},
            {"owned", v.owned},
            {"assignable", assignable}};
  return j;
}

json RowJson(const engine::BoardRow& r) {
  auto share = r.on_time_share();
  return {{"key", r.key},           {"label", r.label},       {"total", r.total()},
          {"proposed", r.proposed}, {"accepted", r.accepted}, {"in_progress", r.in_progress},
          {"blocked", r.blocked},   {"done", r.done},         {"declined", r.declined},
          {"overdue", r.overdue},   {"done_on_time", r.done_on_time},
          {"on_time_share", share ? json(*share) : json()}};
}

json Rows(const std::vector<engine::BoardRow>& rows) {
  json out = json::array();
  for (const auto& r : rows) out.push_back(RowJson(r));
  return out;
}

}  // namespace

Result<Reply> GetTaskingBoard(Request& req) {
  engine::BoardFilter f;
  for (auto [name, out] : {std::pair{"strand", &f.strand}, std::pair{"council_area", &f.council_area}})
    if (req.http.has_param(name) && !req.http.get_param_value(name).empty()) *out = req.http.get_param_value(name);
  CAIRN_ASSIGN_OR_RETURN(f.owner_organisation_id, IntQuery(req, "owner"));
  CAIRN_ASSIGN_OR_RETURN(auto b, engine::BuildTaskingBoard(req.env, req.actor, f));
  auto opt = [](const std::optional<double>& d) { return d ? json(*d) : json(); };
  return Reply{200,
               {{"all", RowJson(b.all)},
                {"by_strand", Rows(b.by_strand)},
                {"by_organisation", Rows(b.by_organisation)},
                {"by_council_area", Rows(b.by_council_area)},
                {"measures",
                 {{"findings_without_task", b.findings_without_task},
                  {"finding_to_accepted", {{"findings", b.finding_lags},
                                           {"median_days", opt(b.finding_to_accepted_median_days)},
                                           {"mean_days", opt(b.finding_to_accepted_mean_days)}}},
                  {"on_time_share", opt(b.all.on_time_share())}}}},
               {}};
}

Result<Reply> ListObjectives(Request& req) {
  CAIRN_ASSIGN_OR_RETURN(auto rows, engine::ListObjectives(req.env));
  json items = json::array();
  for (const auto& o : rows) items.push_back({{"id", o.id}, {"code", o.code}, {"title", o.title}, {"strand", o.strand_code}});
  return Reply{200, {{"objectives", items}}, {}};
}

Result<Reply> ListTasks(Request& req) {
  engine::TaskListFilter f;
  auto text = [&](const char* name) -> std::optional<std::string> {
    if (!req.http.has_param(name) || req.http.get_param_value(name).empty()) return std::nullopt;
    return req.http.get_param_value(name);
  };
  f.strand = text("strand");
  f.status = text("status");
  f.council_area = text("council_area");
  f.source_type = text("source_type");
  CAIRN_ASSIGN_OR_RETURN(f.owner_organisation_id, IntQuery(req, "owner"));
  f.overdue_only = text("overdue").value_or("") == "1";
  CAIRN_ASSIGN_OR_RETURN(Paging paging, PagingQuery(req, 100, 500));
  f.limit = paging.limit;
  f.offset = paging.offset;
  int64_t total = 0;
  CAIRN_ASSIGN_OR_RETURN(auto rows, engine::ListTasks(req.env, req.actor, f, &total));
  json items = json::array();
  for (const auto& v : rows) items.push_back(TaskJson(v));
  return Reply{200, {{"tasks", items}, {"total", total}, {"limit", paging.limit}, {"offset", paging.offset}}, {}};
}

Status ReadTaskBasics(Body& b, engine::TaskInput& in, std::initializer_list<std::pair<const char*, std::string*>> optional) {
  CAIRN_ASSIGN_OR_RETURN(in.strand, b.String("strand"));
  CAIRN_ASSIGN_OR_RETURN(in.objective, b.String("objective"));
  auto factor = [](int64_t v) { return v < 0 || v > 5 ? 0 : int(v); };  // out of range: refused by the engine
  for (auto [field, out] : {std::pair{"harm", &in.harm}, std::pair{"likelihood", &in.likelihood},
                            std::pair{"confidence", &in.confidence}}) {
    CAIRN_ASSIGN_OR_RETURN(int64_t v, b.Int(field));
    *out = factor(v);
  }
  for (auto [field, out] : optional) {
    CAIRN_ASSIGN_OR_RETURN(auto v, b.OptString(field));
    if (v) *out = *v;
  }
  return Status::Ok();
}

Result<Reply> CreateTask(Request& req) {
  Body b(req.body);
  engine::TaskInput in;
  CAIRN_ASSIGN_OR_RETURN(in.title, b.String("title"));
  CAIRN_ASSIGN_OR_RETURN(in.owner_organisation_id, b.Int("owner_organisation_id"));
  CAIRN_ASSIGN_OR_RETURN(in.due_date, b.String("due_date"));
  CAIRN_ASSIGN_OR_RETURN(auto owner_user, b.OptInt("owner_user_id"));
  CAIRN_RETURN_IF_ERROR(ReadTaskBasics(
      b, in,
      {{"description", &in.description}, {"source_type", &in.source_type}, {"source_id", &in.source_id},
       {"council_area", &in.council_area}, {"lawful_basis", &in.lawful_basis},
       {"schedule1_condition", &in.schedule1_condition}, {"handling_conditions", &in.handling_conditions}}));
  CAIRN_RETURN_IF_ERROR(b.Finish());
  in.owner_user_id = owner_user.value_or(0);
  CAIRN_ASSIGN_OR_RETURN(auto v, engine::CreateTask(req.env, req.actor, in));
  return Reply{201, TaskJson(v), {}};
}

Result<Reply> GetTask(Request& req) {
  CAIRN_ASSIGN_OR_RETURN(int64_t id, IdParam(req, 0));
  CAIRN_ASSIGN_OR_RETURN(auto v, engine::ReadTask(req.env, req.actor, id));
  return Reply{200, TaskJson(v), {}};
}

Result<Reply> ChangeTaskStatus(Request& req) {
  CAIRN_ASSIGN_OR_RETURN(int64_t id, IdParam(req, 0));
  Body b(req.body);
  CAIRN_ASSIGN_OR_RETURN(auto status, b.String("status"));
  CAIRN_ASSIGN_OR_RETURN(auto reason, b.OptString("reason"));
  CAIRN_RETURN_IF_ERROR(b.Finish());
  CAIRN_ASSIGN_OR_RETURN(auto v, engine::ChangeTaskStatus(req.env, req.actor, id, status, reason.value_or("")));
  return Reply{200, TaskJson(v), {}};
}

Result<Reply> AssignTask(Request& req) {
  CAIRN_ASSIGN_OR_RETURN(int64_t id, IdParam(req, 0));
  Body b(req.body);
  CAIRN_ASSIGN_OR_RETURN(auto user, b.Int("user_id"));
  CAIRN_RETURN_IF_ERROR(b.Finish());
  CAIRN_ASSIGN_OR_RETURN(auto v, engine::AssignTask(req.env, req.actor, id, user));
  return Reply{200, TaskJson(v), {}};
}

Result<Reply> RecordTaskOutcome(Request& req) {
  CAIRN_ASSIGN_OR_RETURN(int64_t id, IdParam(req, 0));
  Body b(req.body);
  CAIRN_ASSIGN_OR_RETURN(auto type, b.String("type"));
  CAIRN_ASSIGN_OR_RETURN(auto quantity, b.Int("quantity"));
  CAIRN_ASSIGN_OR_RETURN(auto note, b.OptString("note"));
  CAIRN_RETURN_IF_ERROR(b.Finish());
  CAIRN_ASSIGN_OR_RETURN(auto v, engine::RecordTaskOutcome(req.env, req.actor, id, type, quantity, note.value_or("")));
  return Reply{201, TaskJson(v), {}};
}

Result<Reply> ListOutcomeTypes(Request&) {
  json items = json::array();
  for (const auto& o : engine::OutcomeTypes()) items.push_back({{"code", o.code}, {"title", o.title}, {"money", o.money}});
  json steps = json::array();
  for (const auto& t : engine::Transitions()) steps.push_back({{"from", t.from}, {"to", t.to}, {"needs_reason", t.needs_reason}});
  return Reply{200, {{"outcome_types", items}, {"transitions", steps}}, {}};
}

Result<Reply> SetCapacity(Request& req) {
  CAIRN_ASSIGN_OR_RETURN(int64_t id, IdParam(req, 0));
  Body b(req.body);
  CAIRN_ASSIGN_OR_RETURN(auto capacity, b.String("capacity"));
  CAIRN_RETURN_IF_ERROR(b.Finish());
  CAIRN_RETURN_IF_ERROR(engine::SetOrganisationCapacity(req.env, req.actor, id, capacity));
  return Reply{200, {{"organisation_id", id}, {"capacity", capacity}}, {}};
}

Result<Reply> ListNotifications(Request& req) {
  CAIRN_ASSIGN_OR_RETURN(auto rows, engine::ListNotifications(req.env, req.actor));
  json items = json::array();
  int unread = 0;
  for (const auto& n : rows) {
    unread += n.read_at.empty();
    items.push_back({{"id", n.id}, {"task_id", n.task_id}, {"text", n.text}, {"created_at", n.created_at}, {"read_at", n.read_at}});
  }
  return Reply{200, {{"notifications", items}, {"unread", unread}}, {}};
}

Result<Reply> ReadNotification(Request& req) {
  CAIRN_ASSIGN_OR_RETURN(int64_t id, IdParam(req, 0));
  CAIRN_RETURN_IF_ERROR(engine::MarkNotificationRead(req.env, req.actor, id));
  return Reply{200, {{"id", id}, {"read", true}}, {}};
}

Result<Reply> ListOutbox(Request& req) {
  CAIRN_ASSIGN_OR_RETURN(auto rows, engine::ListOutbox(req.env, req.actor));
  json items = json::array();
  for (const auto& e : rows)
    items.push_back({{"id", e.id}, {"to", e.to_address}, {"subject", e.subject}, {"body", e.body},
                     {"created_at", e.created_at}, {"sent_at", e.sent_at}, {"error", e.error},
                     {"attempts", e.attempts}});
  return Reply{200, {{"emails", items}}, {}};
}

}  // namespace cairn::api::handlers
