#include "engine/tasks.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <limits>

#include "audit/chain.h"
#include "common/time.h"
#include "engine/divert.h"
#include "engine/intelligence.h"
#include "engine/internal/tasks.h"
#include "storage/findings.h"
#include "storage/meetings.h"
#include "storage/organisations.h"
#include "storage/screening.h"
#include "storage/strands.h"
#include "storage/users.h"

namespace cairn::engine {
namespace {

using model::Role;

std::string Today(const app::Env& env) { return FormatTimestamp(env.clock.Now()).substr(0, 10); }

bool SeesEveryTask(const model::Actor& actor) {
  return actor.role == Role::kAdmin || actor.role == Role::kSecretariat || actor.role == Role::kStrandLead ||
         actor.role == Role::kAuditor;
}

bool Sees(const model::Actor& actor, const storage::TaskRow& t) {
  if (!actor.role) return false;
  if (SeesEveryTask(actor)) return true;
  return actor.organisation_id &&
         (*actor.organisation_id == t.owner_organisation_id || *actor.organisation_id == t.created_by_organisation_id);
}

bool Owns(const model::Actor& actor, const storage::TaskRow& t) {
  return actor.user_id && actor.organisation_id == t.owner_organisation_id && actor.role != Role::kAuditor;
}

bool Open(const std::string& status) { return status != "done" && status != "declined"; }

std::vector<std::string> NextFor(const model::Actor& actor, const storage::TaskRow& t) {
  std::vector<std::string> out;
  if (!Owns(actor, t)) return out;
  for (const auto& tr : Transitions())
    if (tr.from == t.status) out.push_back(tr.to);
  return out;
}

// The task as the actor sees it; `detail` adds its history, outcomes and the people it could be
// assigned to (one task's page), which lists and boards of many tasks do without.
Result<TaskView> ViewOf(storage::Tx& tx, const model::Actor& actor, const storage::TaskRow& t, const std::string& today,
                        bool detail) {
  TaskView v;
  v.task = t;
  v.overdue = Open(t.status) && t.due_date < today;
  v.priority.base = 100.0 * double(t.harm * t.likelihood * t.confidence) / 125.0;
  v.priority.modifier = t.capacity_modifier;
  v.priority.score = t.priority;
  v.priority.band = t.priority_band;
  v.priority.capacity = t.capacity;
  v.next = NextFor(actor, t);
  v.owned = Owns(actor, t);
  if (!detail) return v;
  CAIRN_ASSIGN_OR_RETURN(v.events, storage::TaskEvents(tx, t.id));
  CAIRN_ASSIGN_OR_RETURN(v.outcomes, storage::TaskOutcomes(tx, t.id));
  if (v.owned) {
    storage::UserFilter f;
    f.organisation_id = t.owner_organisation_id;
    CAIRN_ASSIGN_OR_RETURN(auto people, storage::ListUsers(tx, f));
    for (const auto& u : people)
      if (!u.disabled && u.role != Role::kAuditor) v.assignable.emplace_back(u.id, u.display_name);
  }
  return v;
}

// The task if the actor may see it; NotFound otherwise.
Result<storage::TaskRow> Visible(storage::Tx& tx, const model::Actor& actor, int64_t id) {
  storage::TaskFilter f;
  f.id = id;
  CAIRN_ASSIGN_OR_RETURN(auto rows, storage::QueryTasks(tx, f));
  if (rows.empty() || !Sees(actor, rows[0])) return NotFound("no task with id " + std::to_string(id));
  return rows[0];
}

// Tells the assignee, or else everyone of the owning organisation who can act on it, in the app
// and through the outbox. The email says only what the task is called: the rest waits behind a
// sign-in.
Status Notify(storage::Tx& tx, const app::Env& env, const storage::TaskRow& t, const std::string& what,
              std::optional<int64_t> also_user = std::nullopt) {
  std::vector<model::User> people;
  if (t.owner_user_id) {
    CAIRN_ASSIGN_OR_RETURN(auto u, storage::GetUser(tx, t.owner_user_id));
    people.push_back(u);
  } else {
    storage::UserFilter f;
    f.organisation_id = t.owner_organisation_id;
    CAIRN_ASSIGN_OR_RETURN(auto all, storage::ListUsers(tx, f));
    for (auto& u : all)
      if (!u.disabled && u.role != Role::kAuditor) people.push_back(u);
  }
  if (also_user && std::none_of(people.begin(), people.end(), [&](const auto& u) { return u.id == *also_user; })) {
    CAIRN_ASSIGN_OR_RETURN(auto u, storage::GetUser(tx, *also_user));
    people.push_back(u);
  }
  std::string now = FormatTimestamp(env.clock.Now());
  std::string text = "Task " + std::to_string(t.id) + " \"" + t.title + "\": " + what;
  for (const auto& u : people) {
    CAIRN_RETURN_IF_ERROR(storage::InsertNotification(tx, {0, u.id, t.id, text, now, ""}));
    if (u.email.empty()) continue;
    CAIRN_RETURN_IF_ERROR(storage::InsertEmail(
        tx, {0, u.email, "[Cairn] " + text,
             "Hello " + u.display_name + ",\n\n" + text + ".\nDue " + t.due_date + ", priority " + t.priority_band +
                 ".\n\nSign in to Cairn to read the task and act on it.\n",
             now, "", ""}));
  }
  return Status::Ok();
}

Status CheckDate(const std::string& value, const std::string& field) {
  if (value.size() != 10 || !ParseTimestamp(value).ok()) return InvalidField(field, field + " must be a date, YYYY-MM-DD");
  return Status::Ok();
}

// Whether the source rests on restricted data, and whose; NotFound-style InvalidField if the
// actor cannot see it.
struct SourceCheck {
  bool restricted = false;
  std::optional<int64_t> holder;
};

Result<SourceCheck> CheckSource(storage::Tx& tx, const model::Actor& actor, const TaskInput& in) {
  SourceCheck out;
  if (in.source_type == "manual") {
    if (!in.source_id.empty()) return InvalidField("source_id", "a task made by hand has no source id");
    return out;
  }
  if (in.source_type != "finding" && in.source_type != "referral" && in.source_type != "meeting_action" &&
      in.source_type != "divert_referral")
    return InvalidField("source_type", "source_type must be manual, finding, referral, meeting_action or divert_referral");
  char* end = nullptr;
  long long id = std::strtoll(in.source_id.c_str(), &end, 10);
  if (in.source_id.empty() || *end != '\0' || id <= 0) return InvalidField("source_id", "source_id must be the source's id");
  bool analyst = actor.role == Role::kAnalyst;
  if (in.source_type == "divert_referral") {
    // A person's case stays with the organisations working it: the task may go only to one.
    CAIRN_ASSIGN_OR_RETURN(bool works, WorksDivertCase(tx, id, actor.organisation_id.value_or(0)));
    if (!works) return InvalidField("source_id", "no case with id " + in.source_id);
    CAIRN_ASSIGN_OR_RETURN(bool owner_works, WorksDivertCase(tx, id, in.owner_organisation_id));
    if (!owner_works)
      return InvalidField("owner_organisation_id", "add the organisation to the case before giving it a task from it");
    return out;
  }
  if (in.source_type == "meeting_action") {
    CAIRN_ASSIGN_OR_RETURN(auto a, storage::GetMeetingAction(tx, id));
    if (!a) return InvalidField("source_id", "no meeting action with id " + in.source_id);
    if (a->task_id) return FailedPrecondition("meeting action " + in.source_id + " already has task " + std::to_string(a->task_id));
    return out;  // meetings are open to every caseworker: nothing restricted travels
  }
  if (in.source_type == "finding") {
    CAIRN_ASSIGN_OR_RETURN(auto f, storage::GetFinding(tx, id));
    bool visible = f && (!f->restricted || (analyst && f->owner_organisation_id == actor.organisation_id));
    if (!visible || actor.role == Role::kAuditor) return InvalidField("source_id", "no finding with id " + in.source_id);
    out.restricted = f->restricted;
    out.holder = f->owner_organisation_id;
  } else {
    CAIRN_ASSIGN_OR_RETURN(auto r, storage::GetReferral(tx, id));
    if (!r || !analyst || r->spoc_organisation_id != actor.organisation_id)
      return InvalidField("source_id", "no referral with id " + in.source_id);
    out.restricted = true;  // a referral rests on intelligence
    out.holder = r->spoc_organisation_id;
  }
  return out;
}

}  // namespace

const std::vector<Transition>& Transitions() {
  static const std::vector<Transition> kAll = {
      {"proposed", "accepted", false},   {"proposed", "declined", true},    {"accepted", "in_progress", false},
      {"accepted", "blocked", true},     {"accepted", "declined", true},    {"in_progress", "done", false},
      {"in_progress", "blocked", true},  {"blocked", "in_progress", false}, {"blocked", "declined", true},
  };
  return kAll;
}

const std::vector<OutcomeType>& OutcomeTypes() {
  static const std::vector<OutcomeType> kAll = {
      {"licence_refused", "Licence refused", false},
      {"licence_revoked", "Licence revoked or suspended", false},
      {"premises_closed", "Premises closed", false},
      {"contract_not_awarded", "Contract not awarded", false},
      {"arrests", "Arrests", false},
      {"people_safeguarded", "People safeguarded", false},
      {"cash_seized_pence", "Cash seized (pence)", true},
      {"assets_seized_pence", "Assets seized or restrained (pence)", true},
      {"referrals_made", "Referrals made", false},
  };
  return kAll;
}

Result<std::vector<storage::ObjectiveRow>> ListObjectives(const app::Env& env) {
  std::vector<storage::ObjectiveRow> out;
  CAIRN_RETURN_IF_ERROR(env.db.Read([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(out, storage::ListObjectives(tx));
    return Status::Ok();
  }));
  return out;
}

Result<int64_t> internal::CreateTaskIn(storage::Tx& tx, const app::Env& env, const model::Actor& actor,
                                       const TaskInput& in, const taskforce::PrioritySettings& settings) {
  auto blank = [](const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; };
  if (blank(in.title)) return InvalidField("title", "a task needs a title");
  if (blank(in.strand)) return InvalidField("strand", "a task needs a strand: divert, deter, detect or disrupt");
  if (blank(in.objective)) return InvalidField("objective", "a task needs an objective of its strand");
  if (in.owner_organisation_id <= 0) return InvalidField("owner_organisation_id", "a task needs an owning organisation");
  CAIRN_RETURN_IF_ERROR(CheckDate(in.due_date, "due_date"));
  if (in.due_date < Today(env)) return InvalidField("due_date", "the due date " + in.due_date + " is in the past");
  if (!actor.user_id || !actor.organisation_id || !actor.role || actor.role == Role::kAuditor)
    return PermissionDenied("tasks are created by a signed-in member of an organisation");
  storage::TaskRow t;
  std::string now = FormatTimestamp(env.clock.Now());
  CAIRN_ASSIGN_OR_RETURN(auto strands, storage::ListStrands(tx));
  auto strand = std::find_if(strands.begin(), strands.end(), [&](const auto& s) { return s.code == in.strand; });
  if (strand == strands.end()) return InvalidField("strand", "unknown strand '" + in.strand + "'");
  CAIRN_ASSIGN_OR_RETURN(auto objectives, storage::ListObjectives(tx));
  auto objective = std::find_if(objectives.begin(), objectives.end(), [&](const auto& o) { return o.code == in.objective; });
  if (objective == objectives.end()) return InvalidField("objective", "unknown objective '" + in.objective + "'");
  if (objective->strand_id != strand->id)
    return InvalidField("objective", "objective " + in.objective + " is not one of the " + strand->name + " strand's");
  auto owner = storage::GetOrganisation(tx, in.owner_organisation_id);
  if (!owner.ok()) return InvalidField("owner_organisation_id", "no organisation with id " + std::to_string(in.owner_organisation_id));
  if (in.owner_user_id) {
    auto user = storage::GetUser(tx, in.owner_user_id);
    if (!user.ok() || user->organisation_id != owner->id || user->disabled)
      return InvalidField("owner_user_id", "the assignee must be an active user of " + owner->name);
  }
  CAIRN_ASSIGN_OR_RETURN(auto source, CheckSource(tx, actor, in));
  bool shared = source.restricted && source.holder != owner->id;
  if (shared) {
    if (blank(in.lawful_basis))
      return InvalidField("lawful_basis", "this task carries restricted information to " + owner->name +
                                              ": give the lawful basis for sharing it");
    CAIRN_RETURN_IF_ERROR(CheckLawfulBasis(in.lawful_basis, in.schedule1_condition));
    if (blank(in.handling_conditions))
      return InvalidField("handling_conditions", "say what handling conditions go with what is shared");
  } else if (!in.lawful_basis.empty()) {
    CAIRN_RETURN_IF_ERROR(CheckLawfulBasis(in.lawful_basis, in.schedule1_condition));
  }
  CAIRN_ASSIGN_OR_RETURN(std::string capacity, storage::CapacityOf(tx, owner->id));
  CAIRN_ASSIGN_OR_RETURN(auto priority, taskforce::ScorePriority(settings, {in.harm, in.likelihood, in.confidence,
                                                                            capacity.empty() ? "full" : capacity}));
  t.title = in.title;
  t.description = in.description;
  t.strand_id = strand->id;
  t.objective_id = objective->id;
  t.owner_organisation_id = owner->id;
  t.owner_user_id = in.owner_user_id;
  t.source_type = in.source_type;
  t.source_id = in.source_id;
  t.council_area = in.council_area;
  t.harm = in.harm;
  t.likelihood = in.likelihood;
  t.confidence = in.confidence;
  t.capacity = priority.capacity;
  t.capacity_modifier = priority.modifier;
  t.priority = priority.score;
  t.priority_band = priority.band;
  t.due_date = in.due_date;
  t.status = "proposed";
  t.lawful_basis = in.lawful_basis;
  t.schedule1_condition = in.schedule1_condition;
  t.handling_conditions = in.handling_conditions;
  t.created_by = *actor.user_id;
  t.created_by_organisation_id = *actor.organisation_id;
  t.created_at = t.updated_at = now;
  CAIRN_ASSIGN_OR_RETURN(t.id, storage::InsertTask(tx, t));
  CAIRN_RETURN_IF_ERROR(storage::InsertTaskEvent(tx, {0, t.id, now, *actor.user_id, "", "proposed", "", ""}));
  CAIRN_RETURN_IF_ERROR(Notify(tx, env, t, "proposed to " + owner->name));
  CAIRN_RETURN_IF_ERROR(audit::Append(tx, env.clock, actor,
                                      {"create", "task", std::to_string(t.id), true,
                                       {{"strand", in.strand},
                                        {"objective", in.objective},
                                        {"owner", owner->slug},
                                        {"source", in.source_type + (in.source_id.empty() ? "" : ":" + in.source_id)},
                                        {"priority", t.priority},
                                        {"lawful_basis", t.lawful_basis}}}));
  return t.id;
}

Result<TaskView> CreateTask(const app::Env& env, const model::Actor& actor, const TaskInput& in,
                            const taskforce::PrioritySettings& settings) {
  int64_t id = 0;
  CAIRN_RETURN_IF_ERROR(env.db.Write([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(id, internal::CreateTaskIn(tx, env, actor, in, settings));
    return Status::Ok();
  }));
  return ReadTask(env, actor, id);
}

Result<std::vector<TaskView>> ListTasks(const app::Env& env, const model::Actor& actor, const TaskListFilter& filter,
                                        int64_t* total) {
  std::vector<TaskView> out;
  if (total) *total = 0;
  if (!actor.role) return out;
  std::string today = Today(env);
  CAIRN_RETURN_IF_ERROR(env.db.Read([&](storage::Tx& tx) -> Status {
    storage::TaskFilter f;
    if (filter.strand) {
      CAIRN_ASSIGN_OR_RETURN(auto strands, storage::ListStrands(tx));
      auto s = std::find_if(strands.begin(), strands.end(), [&](const auto& x) { return x.code == *filter.strand; });
      if (s == strands.end()) return InvalidField("strand", "unknown strand '" + *filter.strand + "'");
      f.strand_id = s->id;
    }
    f.status = filter.status;
    f.council_area = filter.council_area;
    f.source_type = filter.source_type;
    f.owner_organisation_id = filter.owner_organisation_id;
    if (!SeesEveryTask(actor)) f.visible_to_organisation = actor.organisation_id.value_or(-1);
    if (filter.overdue_only) f.overdue_on = today;  // as TaskView::overdue has it
    f.limit = filter.limit.value_or(std::numeric_limits<int64_t>::max());
    f.offset = filter.offset;
    CAIRN_ASSIGN_OR_RETURN(auto rows, storage::QueryTasks(tx, f, total));
    for (const auto& t : rows) {
      CAIRN_ASSIGN_OR_RETURN(auto v, ViewOf(tx, actor, t, today, false));
      out.push_back(std::move(v));
    }
    return Status::Ok();
  }));
  return out;
}

Result<TaskView> ReadTask(const app::Env& env, const model::Actor& actor, int64_t id) {
  TaskView v;
  std::string today = Today(env);
  CAIRN_RETURN_IF_ERROR(env.db.Read([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(auto t, Visible(tx, actor, id));
    CAIRN_ASSIGN_OR_RETURN(v, ViewOf(tx, actor, t, today, true));
    return Status::Ok();
  }));
  return v;
}

Result<TaskView> ChangeTaskStatus(const app::Env& env, const model::Actor& actor, int64_t id, const std::string& to,
                                  const std::string& reason) {
  std::string now = FormatTimestamp(env.clock.Now());
  CAIRN_RETURN_IF_ERROR(env.db.Write([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(auto t, Visible(tx, actor, id));
    if (!Owns(actor, t)) return PermissionDenied("only " + t.owner_organisation + " may change this task's status");
    auto step = std::find_if(Transitions().begin(), Transitions().end(),
                             [&](const Transition& tr) { return tr.from == t.status && tr.to == to; });
    if (step == Transitions().end()) {
      std::string allowed;
      for (const auto& tr : Transitions())
        if (tr.from == t.status) allowed += (allowed.empty() ? "" : ", ") + tr.to;
      return InvalidField("status", "a " + t.status + " task cannot become " + to +
                                        (allowed.empty() ? "; it is closed" : "; it can become " + allowed));
    }
    if (step->needs_reason && reason.find_first_not_of(" \t\r\n") == std::string::npos)
      return InvalidField("reason", "say why the task is " + to);
    std::string from = t.status;
    t.status = to;
    t.status_reason = reason;
    t.updated_at = now;
    if (to == "accepted") t.accepted_at = now;
    if (to == "done") t.done_at = now;
    CAIRN_RETURN_IF_ERROR(storage::UpdateTaskStatus(tx, t));
    CAIRN_RETURN_IF_ERROR(storage::InsertTaskEvent(tx, {0, t.id, now, *actor.user_id, from, to, reason, ""}));
    // The creator hears what became of it.
    CAIRN_RETURN_IF_ERROR(storage::InsertNotification(
        tx, {0, t.created_by, t.id, "Task " + std::to_string(t.id) + " \"" + t.title + "\" is now " + to, now, ""}));
    return audit::Append(tx, env.clock, actor,
                         {"update", "task", std::to_string(t.id), true, {{"from", from}, {"to", to}, {"reason", reason}}});
  }));
  return ReadTask(env, actor, id);
}

Result<TaskView> AssignTask(const app::Env& env, const model::Actor& actor, int64_t id, int64_t user_id) {
  std::string now = FormatTimestamp(env.clock.Now());
  CAIRN_RETURN_IF_ERROR(env.db.Write([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(auto t, Visible(tx, actor, id));
    if (!Owns(actor, t)) return PermissionDenied("only " + t.owner_organisation + " may assign this task");
    if (!Open(t.status)) return FailedPrecondition("a " + t.status + " task is closed");
    if (user_id) {
      auto user = storage::GetUser(tx, user_id);
      if (!user.ok() || user->organisation_id != t.owner_organisation_id || user->disabled)
        return InvalidField("user_id", "the assignee must be an active user of " + t.owner_organisation);
    }
    t.owner_user_id = user_id;
    t.updated_at = now;
    CAIRN_RETURN_IF_ERROR(storage::UpdateTaskStatus(tx, t));
    if (user_id) CAIRN_RETURN_IF_ERROR(Notify(tx, env, t, "assigned to you"));
    return audit::Append(tx, env.clock, actor, {"assign", "task", std::to_string(t.id), true, {{"user_id", user_id}}});
  }));
  return ReadTask(env, actor, id);
}

Result<TaskView> RecordTaskOutcome(const app::Env& env, const model::Actor& actor, int64_t id, const std::string& type,
                                   int64_t quantity, const std::string& note) {
  const auto& types = OutcomeTypes();
  if (std::none_of(types.begin(), types.end(), [&](const OutcomeType& o) { return o.code == type; })) {
    std::string known;
    for (const auto& o : types) known += (known.empty() ? "" : ", ") + o.code;
    return InvalidField("type", "unknown outcome type '" + type + "'; one of " + known);
  }
  if (quantity < 1) return InvalidField("quantity", "an outcome counts 1 or more (money in pence)");
  std::string now = FormatTimestamp(env.clock.Now());
  CAIRN_RETURN_IF_ERROR(env.db.Write([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(auto t, Visible(tx, actor, id));
    if (!Owns(actor, t)) return PermissionDenied("only " + t.owner_organisation + " may record this task's outcomes");
    if (t.status != "in_progress" && t.status != "done")
      return FailedPrecondition("outcomes are recorded once a task is in progress; this one is " + t.status);
    CAIRN_ASSIGN_OR_RETURN(int64_t oid, storage::InsertTaskOutcome(tx, {0, t.id, type, quantity, note, *actor.user_id, now}));
    return audit::Append(tx, env.clock, actor,
                         {"create", "task_outcome", std::to_string(oid), true,
                          {{"task", t.id}, {"type", type}, {"quantity", quantity}}});
  }));
  return ReadTask(env, actor, id);
}

Status SetOrganisationCapacity(const app::Env& env, const model::Actor& actor, int64_t organisation_id,
                               const std::string& capacity, const taskforce::PrioritySettings& settings) {
  if (!settings.capacity_modifiers.count(capacity)) {
    std::string known;
    for (const auto& [k, _] : settings.capacity_modifiers) known += (known.empty() ? "" : ", ") + k;
    return InvalidField("capacity", "capacity must be one of " + known);
  }
  bool coordinator = actor.role == Role::kAdmin || actor.role == Role::kSecretariat;
  if (!actor.user_id || (!coordinator && actor.organisation_id != organisation_id))
    return PermissionDenied("an organisation declares its own capacity (or the secretariat for it)");
  return env.db.Write([&](storage::Tx& tx) -> Status {
    auto org = storage::GetOrganisation(tx, organisation_id);
    if (!org.ok()) return NotFound("no organisation with id " + std::to_string(organisation_id));
    CAIRN_RETURN_IF_ERROR(storage::SetCapacity(tx, organisation_id, capacity, FormatTimestamp(env.clock.Now())));
    return audit::Append(tx, env.clock, actor,
                         {"update", "organisation_capacity", std::to_string(organisation_id), true, {{"capacity", capacity}}});
  });
}

Result<std::vector<storage::NotificationRow>> ListNotifications(const app::Env& env, const model::Actor& actor) {
  std::vector<storage::NotificationRow> out;
  if (!actor.user_id) return out;
  CAIRN_RETURN_IF_ERROR(env.db.Read([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(out, storage::NotificationsOf(tx, *actor.user_id, 200));
    return Status::Ok();
  }));
  return out;
}

Status MarkNotificationRead(const app::Env& env, const model::Actor& actor, int64_t id) {
  if (!actor.user_id) return NotFound("no notification with id " + std::to_string(id));
  return env.db.Write([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(bool mine, storage::MarkNotificationRead(tx, id, *actor.user_id, FormatTimestamp(env.clock.Now())));
    if (!mine) return NotFound("no notification with id " + std::to_string(id));
    return Status::Ok();
  });
}

Result<int64_t> RemindOverdueTasks(const app::Env& env) {
  int64_t reminded = 0;
  std::string today = FormatTimestamp(env.clock.Now()).substr(0, 10);
  std::string since = FormatTimestamp(env.clock.Now() - std::chrono::hours(24) * (env.settings.overdue_reminder_days - 1)).substr(0, 10);
  CAIRN_RETURN_IF_ERROR(env.db.Write([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(auto due, storage::OverdueTasksToRemind(tx, today, since));
    for (const auto& t : due) {
      CAIRN_RETURN_IF_ERROR(Notify(tx, env, t, "overdue: it was due " + t.due_date));
      CAIRN_RETURN_IF_ERROR(storage::SetTaskReminded(tx, t.id, today));
      CAIRN_RETURN_IF_ERROR(audit::Append(tx, env.clock, model::Actor::System("reminder"),
                                          {"remind", "task", std::to_string(t.id), true, {{"due_date", t.due_date}}}));
      ++reminded;
    }
    return Status::Ok();
  }));
  return reminded;
}

Result<std::vector<storage::EmailRow>> ListOutbox(const app::Env& env, const model::Actor&) {
  std::vector<storage::EmailRow> out;
  CAIRN_RETURN_IF_ERROR(env.db.Read([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(out, storage::ListOutbox(tx, 500));
    return Status::Ok();
  }));
  return out;
}

}  // namespace cairn::engine
