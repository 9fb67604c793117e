// Tasks: how a finding, a screening referral, a meeting's action or a Divert referral becomes work
// owned by a named organisation under one strand and one objective of the strategy, followed to
// an outcome that can be counted.
//
// A task is proposed, then accepted, in progress and done — or declined or blocked, each with a
// reason; a step cannot be skipped (Transitions()). Only the owning organisation moves it on or
// records its outcomes. Its priority is harm × likelihood × confidence with the owner's capacity
// as a modifier (taskforce/priority.h), every factor kept. Anything it carries from restricted
// data to another organisation carries its lawful basis and handling conditions. Whoever it is
// assigned to (or, unassigned, the owning organisation's people) is told in the app and through
// the email outbox. Everything is audited.
//
// Visibility: the Taskforce's coordinating roles (admin, secretariat, strand leads) and auditors
// see every task; anyone else the tasks their organisation owns or created. Others get NotFound.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/env.h"
#include "common/status.h"
#include "model/actor.h"
#include "storage/tasks.h"
#include "taskforce/priority.h"

namespace cairn::engine {

// The strategy's objectives, strand by strand.
Result<std::vector<storage::ObjectiveRow>> ListObjectives(const app::Env& env);

struct TaskInput {
  std::string title, description;
  std::string strand;     // code: divert, deter, detect, disrupt
  std::string objective;  // code, e.g. "deter-1"; must be of the strand
  int64_t owner_organisation_id = 0;
  int64_t owner_user_id = 0;  // 0: the organisation as a whole
  // manual, finding (source_id: the finding's id), referral (the screening referral's id),
  // meeting_action (engine/meetings.h makes these) or divert_referral (a Divert case's id: the
  // task may go only to an organisation working the case).
  std::string source_type = "manual", source_id;
  std::string council_area;
  int harm = 0, likelihood = 0, confidence = 0;  // 1 to 5
  std::string due_date;                          // YYYY-MM-DD, today or later
  // Needed when the source is restricted and the owner is not the organisation that holds it.
  std::string lawful_basis, schedule1_condition, handling_conditions;
};

// The steps a task may take: from → the statuses it may go to.
struct Transition {
  std::string from, to;
  bool needs_reason = false;
};
const std::vector<Transition>& Transitions();

// The outcome types that are counted, and which are money (in pence).
struct OutcomeType {
  std::string code, title;
  bool money = false;
};
const std::vector<OutcomeType>& OutcomeTypes();

struct TaskView {
  storage::TaskRow task;
  bool overdue = false;  // past its due date and neither done nor declined
  taskforce::Priority priority;
  std::vector<storage::TaskEventRow> events;
  std::vector<storage::TaskOutcomeRow> outcomes;
  std::vector<std::string> next;  // the statuses the actor may move it to now
  bool owned = false;             // the actor's organisation owns it: may move it, assign it, record outcomes
  std::vector<std::pair<int64_t, std::string>> assignable;  // when owned: its active people (id, name)
};

// Validates, scores, stores and notifies. InvalidField naming the field for: no title; an unknown
// strand or objective, or an objective of another strand; no or an unknown owner, or an assignee
// not of it; a factor out of 1–5; a due date missing, malformed or in the past; an unknown source
// type or a source the actor cannot see; a restricted source going to another organisation
// without a lawful basis (and Schedule 1 condition where needed) and handling conditions.
// PermissionDenied without a signed-in member of an organisation.
Result<TaskView> CreateTask(const app::Env& env, const model::Actor& actor, const TaskInput& input,
                            const taskforce::PrioritySettings& settings = taskforce::DefaultPrioritySettings());

struct TaskListFilter {
  std::optional<std::string> strand, status, council_area, source_type;
  std::optional<int64_t> owner_organisation_id;
  bool overdue_only = false;
  std::optional<int64_t> limit;  // at most this many, from `offset` in priority order; unset: all
  int64_t offset = 0;
};
// Without history, outcomes or assignable people (ReadTask has them). `total`, if given, gets how
// many tasks the actor may see match the filter in all, whatever the page.
Result<std::vector<TaskView>> ListTasks(const app::Env& env, const model::Actor& actor, const TaskListFilter& filter,
                                        int64_t* total = nullptr);
Result<TaskView> ReadTask(const app::Env& env, const model::Actor& actor, int64_t id);

// Moves the task to `to`. InvalidField("status") for a step Transitions() does not allow (naming
// the allowed ones), InvalidField("reason") for a decline or block without one; PermissionDenied
// unless the actor is of the owning organisation. Audited; the creator is told.
Result<TaskView> ChangeTaskStatus(const app::Env& env, const model::Actor& actor, int64_t id, const std::string& to,
                                  const std::string& reason);

// Assigns the task to a user of the owning organisation (0: to nobody in particular), who is told.
Result<TaskView> AssignTask(const app::Env& env, const model::Actor& actor, int64_t id, int64_t user_id);

// Records a counted outcome. InvalidField for an unknown type or a quantity below 1;
// FailedPrecondition unless the task is in progress or done; PermissionDenied unless the actor
// is of the owning organisation. Audited.
Result<TaskView> RecordTaskOutcome(const app::Env& env, const model::Actor& actor, int64_t id, const std::string& type,
                                   int64_t quantity, const std::string& note);

// The organisation's declared capacity (a key of the settings' capacity table). Its own members,
// the secretariat or an admin. Audited. Tasks already scored keep their score.
Status SetOrganisationCapacity(const app::Env& env, const model::Actor& actor, int64_t organisation_id,
                               const std::string& capacity,
                               const taskforce::PrioritySettings& settings = taskforce::DefaultPrioritySettings());

// The actor's own notifications, newest first, and marking one read (NotFound if not theirs).
Result<std::vector<storage::NotificationRow>> ListNotifications(const app::Env& env, const model::Actor& actor);
Status MarkNotificationRead(const app::Env& env, const model::Actor& actor, int64_t id);

// Reminds the owners of overdue tasks (past due, neither done nor declined), in the app and
// through the outbox, at most once every [jobs] overdue_reminder_days per task. Returns how many
// tasks it reminded about. Audited per task. cairn serve runs it with its background jobs;
// `cairn tasks remind` runs it once.
Result<int64_t> RemindOverdueTasks(const app::Env& env);

// The email outbox, newest first (admins: the policy layer checks).
Result<std::vector<storage::EmailRow>> ListOutbox(const app::Env& env, const model::Actor& actor);

}  // namespace cairn::engine
