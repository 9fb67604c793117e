// Tasking's tables (migration 0012): objectives, organisations' capacity, tasks with their
// history and outcomes, notifications and the email outbox. All within a lent Tx.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "storage/database.h"

namespace cairn::storage {

struct ObjectiveRow {
  int64_t id = 0, strand_id = 0;
  std::string code, title;
  int64_t position = 0;
  std::string strand_code;  // filled on reading
};
Result<std::vector<ObjectiveRow>> ListObjectives(Tx& tx);
Result<std::optional<ObjectiveRow>> GetObjective(Tx& tx, int64_t id);
// Inserts unless an objective with the code exists. Returns whether it inserted.
Result<bool> InsertObjectiveIfNew(Tx& tx, const ObjectiveRow& o);

// "" if never declared.
Result<std::string> CapacityOf(Tx& tx, int64_t organisation_id);
Status SetCapacity(Tx& tx, int64_t organisation_id, const std::string& capacity, const std::string& at);

struct TaskRow {
  int64_t id = 0;
  std::string title, description;
  int64_t strand_id = 0, objective_id = 0, owner_organisation_id = 0, owner_user_id = 0;
  std::string source_type = "manual", source_id, council_area;
  int64_t harm = 0, likelihood = 0, confidence = 0;
  std::string capacity;
  double capacity_modifier = 1, priority = 0;
  std::string priority_band, due_date, status = "proposed", status_reason;
  std::string lawful_basis, schedule1_condition, handling_conditions;
  int64_t created_by = 0, created_by_organisation_id = 0;
  std::string created_at, updated_at, accepted_at, done_at;
  // Filled on reading.
  std::string strand_code, objective_code, objective_title, owner_organisation, owner_user, creator_organisation;
};

struct TaskFilter {
  std::optional<int64_t> id;
  std::optional<int64_t> strand_id, owner_organisation_id;
  std::optional<std::string> status, source_type, source_id, council_area;
  // Only tasks this organisation owns or created (unset: every task).
  std::optional<int64_t> visible_to_organisation;
  // Only open tasks due before this day (YYYY-MM-DD): the overdue ones on that day.
  std::optional<std::string> overdue_on;
  int64_t limit = 500, offset = 0;
};

Result<int64_t> InsertTask(Tx& tx, const TaskRow& t);
// Overwrites the status fields, the owner user and updated_at.
Status UpdateTaskStatus(Tx& tx, const TaskRow& t);
// Highest priority first, then by due date: `f.limit` rows from `f.offset`. `total`, if given,
// gets how many tasks match in all.
Result<std::vector<TaskRow>> QueryTasks(Tx& tx, const TaskFilter& f, int64_t* total = nullptr);

// Findings not dismissed that no task has been made of, among those `restricted_owner` may see
// (unset: every finding).
Result<int64_t> CountFindingsWithoutTask(Tx& tx, std::optional<int64_t> restricted_owner, bool all_restricted);
// When each finding the tasks were made of was first detected: finding id → timestamp.
Result<std::map<std::string, std::string>> FindingDetectionTimes(Tx& tx);

// Per objective, for the strategy's progress: tasks opened in [from, to), done in it, open now
// and overdue now (`today`), and outcomes recorded in it by type. Dates are YYYY-MM-DD; the
// bounds compare with the first ten characters of the timestamps.
struct ObjectiveProgressRow {
  int64_t objective_id = 0;
  int64_t opened = 0, done = 0, open_now = 0, overdue_now = 0, declined = 0;
  std::map<std::string, int64_t> outcomes;  // type → total quantity
};
Result<std::vector<ObjectiveProgressRow>> ObjectiveProgress(Tx& tx, const std::string& from, const std::string& to,
                                                            const std::string& today);

struct TaskEventRow {
  int64_t id = 0, task_id = 0;
  std::string at;
  int64_t user_id = 0;
  std::string from_status, to_status, reason;
  std::string user;  // display name, filled on reading
};
Status InsertTaskEvent(Tx& tx, const TaskEventRow& e);
Result<std::vector<TaskEventRow>> TaskEvents(Tx& tx, int64_t task_id);

struct TaskOutcomeRow {
  int64_t id = 0, task_id = 0;
  std::string type;
  int64_t quantity = 0;
  std::string note;
  int64_t recorded_by = 0;
  std::string recorded_at;
};
Result<int64_t> InsertTaskOutcome(Tx& tx, const TaskOutcomeRow& o);
Result<std::vector<TaskOutcomeRow>> TaskOutcomes(Tx& tx, int64_t task_id);

struct NotificationRow {
  int64_t id = 0, user_id = 0, task_id = 0;
  std::string text, created_at, read_at;
};
Status InsertNotification(Tx& tx, const NotificationRow& n);
// Newest first.
Result<std::vector<NotificationRow>> NotificationsOf(Tx& tx, int64_t user_id, int64_t limit);
// False if the notification is not the user's.
Result<bool> MarkNotificationRead(Tx& tx, int64_t id, int64_t user_id, const std::string& at);

struct EmailRow {
  int64_t id = 0;
  std::string to_address, subject, body, created_at, sent_at, error;
  int64_t attempts = 0;  // failed attempts to send it
};
Status InsertEmail(Tx& tx, const EmailRow& e);
// Newest first.
Result<std::vector<EmailRow>> ListOutbox(Tx& tx, int64_t limit);
// Unsent emails with fewer than `max_attempts` failures, oldest first.
Result<std::vector<EmailRow>> UnsentEmails(Tx& tx, int64_t max_attempts, int64_t limit);
Status MarkEmailSent(Tx& tx, int64_t id, const std::string& at);
Status MarkEmailFailed(Tx& tx, int64_t id, const std::string& error);

// Tasks past their due date and neither done nor declined, whose owner was not reminded on or
// after `reminded_since` (YYYY-MM-DD).
Result<std::vector<TaskRow>> OverdueTasksToRemind(Tx& tx, const std::string& today, const std::string& reminded_since);
Status SetTaskReminded(Tx& tx, int64_t id, const std::string& day);

}  // namespace cairn::storage
