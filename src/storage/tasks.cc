#include "storage/tasks.h"

#include <soci/soci.h>

namespace cairn::storage {
namespace {

constexpr char kTaskColumns[] =
    "SELECT t.id, t.title, t.description, t.strand_id, t.objective_id, t.owner_organisation_id, t.owner_user_id, "
    "t.source_type, t.source_id, t.council_area, t.harm, t.likelihood, t.confidence, t.capacity, t.capacity_modifier, "
    "t.priority, t.priority_band, t.due_date, t.status, t.status_reason, t.lawful_basis, t.schedule1_condition, "
    "t.handling_conditions, t.created_by, t.created_by_organisation_id, t.created_at, t.updated_at, t.accepted_at, "
    "t.done_at, s.code, ob.code, ob.title, o.name, COALESCE(u.display_name, ''), c.name ";
constexpr char kTaskFrom[] =
    "FROM tasks t JOIN strands s ON s.id = t.strand_id JOIN objectives ob ON ob.id = t.objective_id "
    "JOIN organisations o ON o.id = t.owner_organisation_id JOIN organisations c ON c.id = t.created_by_organisation_id "
    "LEFT JOIN users u ON u.id = t.owner_user_id ";

}  // namespace

Result<std::vector<ObjectiveRow>> ListObjectives(Tx& tx) {
  ObjectiveRow o;
  soci::statement st = (tx.sql().prepare << "SELECT ob.id, ob.strand_id, ob.code, ob.title, ob.position, s.code "
                                             "FROM objectives ob JOIN strands s ON s.id = ob.strand_id "
                                             "ORDER BY s.position, ob.position",
                        soci::into(o.id), soci::into(o.strand_id), soci::into(o.code), soci::into(o.title),
                        soci::into(o.position), soci::into(o.strand_code));
  st.execute(false);
  std::vector<ObjectiveRow> out;
  while (st.fetch()) out.push_back(o);
  return out;
}

Result<std::optional<ObjectiveRow>> GetObjective(Tx& tx, int64_t id) {
  CAIRN_ASSIGN_OR_RETURN(auto all, ListObjectives(tx));
  for (auto& o : all)
    if (o.id == id) return std::optional<ObjectiveRow>(o);
  return std::optional<ObjectiveRow>();
}

Result<bool> InsertObjectiveIfNew(Tx& tx, const ObjectiveRow& o) {
  int64_t n = 0;
  tx.sql() << "SELECT COUNT(*) FROM objectives WHERE code = :c", soci::use(o.code), soci::into(n);
  if (n > 0) return false;
  tx.sql() << "INSERT INTO objectives (strand_id, code, title, position) VALUES (:s, :c, :t, :p)", soci::use(o.strand_id),
      soci::use(o.code), soci::use(o.title), soci::use(o.position);
  return true;
}

Result<std::string> CapacityOf(Tx& tx, int64_t organisation_id) {
  std::string capacity;
  tx.sql() << "SELECT capacity FROM organisation_capacity WHERE organisation_id = :o", soci::use(organisation_id),
      soci::into(capacity);
  if (!tx.sql().got_data()) return std::string();
  return capacity;
}

Status SetCapacity(Tx& tx, int64_t organisation_id, const std::string& capacity, const std::string& at) {
  tx.sql() << "INSERT INTO organisation_capacity (organisation_id, capacity, updated_at) VALUES (:o, :c, :at) "
              "ON CONFLICT (organisation_id) DO UPDATE SET capacity = excluded.capacity, updated_at = excluded.updated_at",
      soci::use(organisation_id), soci::use(capacity), soci::use(at);
  return Status::Ok();
}

Result<int64_t> InsertTask(Tx& tx, const TaskRow& t) {
  int64_t id = 0;
  tx.sql() << "INSERT INTO tasks (title, description, strand_id, objective_id, owner_organisation_id, owner_user_id, "
              "source_type, source_id, council_area, harm, likelihood, confidence, capacity, capacity_modifier, priority, "
              "priority_band, due_date, status, status_reason, lawful_basis, schedule1_condition, handling_conditions, "
              "created_by, created_by_organisation_id, created_at, updated_at, accepted_at, done_at) VALUES (:title, "
              ":description, :strand, :objective, :owner, :owner_user, :source_type, :source_id, :area, :harm, "
              ":likelihood, :confidence, :capacity, :modifier, :priority, :band, :due, :status, :reason, :basis, "
              ":condition, :handling, :by, :by_org, :created, :updated, :accepted, :done) RETURNING id",
      soci::use(t.title), soci::use(t.description), soci::use(t.strand_id), soci::use(t.objective_id),
      soci::use(t.owner_organisation_id), soci::use(t.owner_user_id), soci::use(t.source_type), soci::use(t.source_id),
      soci::use(t.council_area), soci::use(t.harm), soci::use(t.likelihood), soci::use(t.confidence),
      soci::use(t.capacity), soci::use(t.capacity_modifier), soci::use(t.priority), soci::use(t.priority_band),
      soci::use(t.due_date), soci::use(t.status), soci::use(t.status_reason), soci::use(t.lawful_basis),
      soci::use(t.schedule1_condition), soci::use(t.handling_conditions), soci::use(t.created_by),
      soci::use(t.created_by_organisation_id), soci::use(t.created_at), soci::use(t.updated_at),
      soci::use(t.accepted_at), soci::use(t.done_at), soci::into(id);
  return id;
}

Status UpdateTaskStatus(Tx& tx, const TaskRow& t) {
  tx.sql() << "UPDATE tasks SET status = :s, status_reason = :r, owner_user_id = :u, updated_at = :at, "
              "accepted_at = :acc, done_at = :done WHERE id = :id",
      soci::use(t.status), soci::use(t.status_reason), soci::use(t.owner_user_id), soci::use(t.updated_at),
      soci::use(t.accepted_at), soci::use(t.done_at), soci::use(t.id);
  return Status::Ok();
}

Result<std::vector<TaskRow>> QueryTasks(Tx& tx, const TaskFilter& f, int64_t* total) {
  // One statement whatever the filter: an unset filter binds a flag that switches its test off.
  int64_t has_id = f.id.has_value(), id = f.id.value_or(0);
  int64_t has_strand = f.strand_id.has_value(), strand = f.strand_id.value_or(0);
  int64_t has_owner = f.owner_organisation_id.has_value(), owner = f.owner_organisation_id.value_or(0);
  int64_t has_status = f.status.has_value();
  std::string status = f.status.value_or("");
  int64_t has_type = f.source_type.has_value();
  std::string type = f.source_type.value_or("");
  int64_t has_source = f.source_id.has_value();
  std::string source = f.source_id.value_or("");
  int64_t has_area = f.council_area.has_value();
  std::string area = f.council_area.value_or("");
  int64_t has_visible = f.visible_to_organisation.has_value(), visible = f.visible_to_organisation.value_or(0);
  int64_t visible2 = visible;
  int64_t has_overdue = f.overdue_on.has_value();
  std::string overdue_on = f.overdue_on.value_or("");
  int64_t matching = 0;
  TaskRow t;
  // COUNT(*) OVER () counts every matching row before LIMIT and OFFSET apply.
  soci::statement st =
      (tx.sql().prepare << std::string(kTaskColumns) + ", COUNT(*) OVER () " + kTaskFrom +
                               "WHERE (:a = 0 OR t.id = :b) AND (:c = 0 OR t.strand_id = :d) AND "
                               "(:e = 0 OR t.owner_organisation_id = :f) AND (:g = 0 OR t.status = :h) AND "
                               "(:i = 0 OR t.source_type = :j) AND (:k = 0 OR t.source_id = :l) AND "
                               "(:m = 0 OR t.council_area = :n) AND "
                               "(:o = 0 OR t.owner_organisation_id = :p OR t.created_by_organisation_id = :q) AND "
                               "(:r = 0 OR (t.due_date < :s AND t.status NOT IN ('done', 'declined'))) "
                               "ORDER BY t.priority DESC, t.due_date, t.id LIMIT :lim OFFSET :off",
       soci::use(has_id), soci::use(id), soci::use(has_strand), soci::use(strand), soci::use(has_owner), soci::use(owner),
       soci::use(has_status), soci::use(status), soci::use(has_type), soci::use(type), soci::use(has_source),
       soci::use(source), soci::use(has_area), soci::use(area), soci::use(has_visible), soci::use(visible),
       soci::use(visible2), soci::use(has_overdue), soci::use(overdue_on), soci::use(f.limit), soci::use(f.offset),
       soci::into(t.id), soci::into(t.title), soci::into(t.description),
       soci::into(t.strand_id), soci::into(t.objective_id), soci::into(t.owner_organisation_id),
       soci::into(t.owner_user_id), soci::into(t.source_type), soci::into(t.source_id), soci::into(t.council_area),
       soci::into(t.harm), soci::into(t.likelihood), soci::into(t.confidence), soci::into(t.capacity),
       soci::into(t.capacity_modifier), soci::into(t.priority), soci::into(t.priority_band), soci::into(t.due_date),
       soci::into(t.status), soci::into(t.status_reason), soci::into(t.lawful_basis), soci::into(t.schedule1_condition),
       soci::into(t.handling_conditions), soci::into(t.created_by), soci::into(t.created_by_organisation_id),
       soci::into(t.created_at), soci::into(t.updated_at), soci::into(t.accepted_at), soci::into(t.done_at),
       soci::into(t.strand_code), soci::into(t.objective_code), soci::into(t.objective_title),
       soci::into(t.owner_organisation), soci::into(t.owner_user), soci::into(t.creator_organisation),
       soci::into(matching));
  st.execute(false);
  std::vector<TaskRow> out;
  while (st.fetch()) out.push_back(t);
  if (total) *total = out.empty() ? 0 : matching;
  if (total && out.empty() && f.offset > 0) {  // past the last page: count from the first
    TaskFilter first = f;
    first.offset = 0;
    first.limit = 1;
    CAIRN_ASSIGN_OR_RETURN(auto rows, QueryTasks(tx, first, total));
  }
  return out;
}

Result<int64_t> CountFindingsWithoutTask(Tx& tx, std::optional<int64_t> restricted_owner, bool all_restricted) {
  int64_t n = 0, all = all_restricted, owner = restricted_owner.value_or(-1);
  tx.sql() << "SELECT COUNT(*) FROM findings f WHERE f.status <> 'dismissed' AND "
              "(f.restricted = 0 OR :all = 1 OR f.owner_organisation_id = :owner) AND NOT EXISTS "
              "(SELECT 1 FROM tasks t WHERE t.source_type = 'finding' AND t.source_id = CAST(f.id AS TEXT))",
      soci::use(all), soci::use(owner), soci::into(n);
  return n;
}

Result<std::map<std::string, std::string>> FindingDetectionTimes(Tx& tx) {
  std::string id, at;
  soci::statement st = (tx.sql().prepare << "SELECT CAST(f.id AS TEXT), f.first_detected_at FROM findings f WHERE EXISTS "
                                             "(SELECT 1 FROM tasks t WHERE t.source_type = 'finding' AND "
                                             "t.source_id = CAST(f.id AS TEXT))",
                        soci::into(id), soci::into(at));
  st.execute(false);
  std::map<std::string, std::string> out;
  while (st.fetch()) out[id] = at;
  return out;
}

Result<std::vector<ObjectiveProgressRow>> ObjectiveProgress(Tx& tx, const std::string& from, const std::string& to,
                                                            const std::string& today) {
  std::map<int64_t, ObjectiveProgressRow> rows;
  {
    int64_t objective = 0;
    std::string created, done_at, status, due;
    soci::statement st = (tx.sql().prepare << "SELECT objective_id, created_at, done_at, status, due_date FROM tasks",
                          soci::into(objective), soci::into(created), soci::into(done_at), soci::into(status),
                          soci::into(due));
    st.execute(false);
    while (st.fetch()) {
      auto& r = rows[objective];
      r.objective_id = objective;
      std::string c = created.substr(0, 10), d = done_at.substr(0, 10);
      if (c >= from && c < to) ++r.opened;
      if (status == "done" && d >= from && d < to) ++r.done;
      bool open = status != "done" && status != "declined";
      if (open) ++r.open_now;
      if (open && due < today) ++r.overdue_now;
      if (status == "declined" && c >= from && c < to) ++r.declined;
    }
  }
  int64_t objective = 0, quantity = 0;
  std::string type, at;
  soci::statement st = (tx.sql().prepare << "SELECT t.objective_id, o.type, o.quantity, o.recorded_at FROM task_outcomes o "
                                             "JOIN tasks t ON t.id = o.task_id",
                        soci::into(objective), soci::into(type), soci::into(quantity), soci::into(at));
  st.execute(false);
  while (st.fetch()) {
    std::string d = at.substr(0, 10);
    if (d < from || d >= to) continue;
    auto& r = rows[objective];
    r.objective_id = objective;
    r.outcomes[type] += quantity;
  }
  std::vector<ObjectiveProgressRow> out;
  for (auto& [_, r] : rows) out.push_back(std::move(r));
  return out;
}

Status InsertTaskEvent(Tx& tx, const TaskEventRow& e) {
  tx.sql() << "INSERT INTO task_events (task_id, at, user_id, from_status, to_status, reason) "
              "VALUES (:t, :at, :u, :f, :to, :r)",
      soci::use(e.task_id), soci::use(e.at), soci::use(e.user_id), soci::use(e.from_status), soci::use(e.to_status),
      soci::use(e.reason);
  return Status::Ok();
}

Result<std::vector<TaskEventRow>> TaskEvents(Tx& tx, int64_t task_id) {
  TaskEventRow e;
  soci::statement st = (tx.sql().prepare << "SELECT e.id, e.task_id, e.at, e.user_id, e.from_status, e.to_status, "
                                             "e.reason, COALESCE(u.display_name, 'system') FROM task_events e "
                                             "LEFT JOIN users u ON u.id = e.user_id WHERE e.task_id = :t ORDER BY e.id",
                        soci::use(task_id), soci::into(e.id), soci::into(e.task_id), soci::into(e.at),
                        soci::into(e.user_id), soci::into(e.from_status), soci::into(e.to_status), soci::into(e.reason),
                        soci::into(e.user));
  st.execute(false);
  std::vector<TaskEventRow> out;
  while (st.fetch()) out.push_back(e);
  return out;
}

Result<int64_t> InsertTaskOutcome(Tx& tx, const TaskOutcomeRow& o) {
  int64_t id = 0;
  tx.sql() << "INSERT INTO task_outcomes (task_id, type, quantity, note, recorded_by, recorded_at) "
              "VALUES (:t, :ty, :q, :n, :by, :at) RETURNING id",
      soci::use(o.task_id), soci::use(o.type), soci::use(o.quantity), soci::use(o.note), soci::use(o.recorded_by),
      soci::use(o.recorded_at), soci::into(id);
  return id;
}

Result<std::vector<TaskOutcomeRow>> TaskOutcomes(Tx& tx, int64_t task_id) {
  TaskOutcomeRow o;
  soci::statement st = (tx.sql().prepare << "SELECT id, task_id, type, quantity, note, recorded_by, recorded_at "
                                             "FROM task_outcomes WHERE task_id = :t ORDER BY id",
                        soci::use(task_id), soci::into(o.id), soci::into(o.task_id), soci::into(o.type),
                        soci::into(o.quantity), soci::into(o.note), soci::into(o.recorded_by), soci::into(o.recorded_at));
  st.execute(false);
  std::vector<TaskOutcomeRow> out;
  while (st.fetch()) out.push_back(o);
  return out;
}

Status InsertNotification(Tx& tx, const NotificationRow& n) {
  tx.sql() << "INSERT INTO notifications (user_id, task_id, text, created_at, read_at) VALUES (:u, :t, :x, :at, '')",
      soci::use(n.user_id), soci::use(n.task_id), soci::use(n.text), soci::use(n.created_at);
  return Status::Ok();
}

Result<std::vector<NotificationRow>> NotificationsOf(Tx& tx, int64_t user_id, int64_t limit) {
  NotificationRow n;
  soci::statement st = (tx.sql().prepare << "SELECT id, user_id, task_id, text, created_at, read_at FROM notifications "
                                             "WHERE user_id = :u ORDER BY id DESC LIMIT :l",
                        soci::use(user_id), soci::use(limit), soci::into(n.id), soci::into(n.user_id),
                        soci::into(n.task_id), soci::into(n.text), soci::into(n.created_at), soci::into(n.read_at));
  st.execute(false);
  std::vector<NotificationRow> out;
  while (st.fetch()) out.push_back(n);
  return out;
}

Result<bool> MarkNotificationRead(Tx& tx, int64_t id, int64_t user_id, const std::string& at) {
  int64_t n = 0;
  tx.sql() << "SELECT COUNT(*) FROM notifications WHERE id = :id AND user_id = :u", soci::use(id), soci::use(user_id),
      soci::into(n);
  if (n == 0) return false;
  tx.sql() << "UPDATE notifications SET read_at = :at WHERE id = :id AND read_at = ''", soci::use(at), soci::use(id);
  return true;
}

Status InsertEmail(Tx& tx, const EmailRow& e) {
  tx.sql() << "INSERT INTO email_outbox (to_address, subject, body, created_at, sent_at, error) "
              "VALUES (:to, :s, :b, :at, '', '')",
      soci::use(e.to_address), soci::use(e.subject), soci::use(e.body), soci::use(e.created_at);
  return Status::Ok();
}

namespace {

std::vector<EmailRow> SelectEmails(Tx& tx, const std::string& where_order, int64_t a, int64_t b) {
  EmailRow e;
  soci::statement st = (tx.sql().prepare << "SELECT id, to_address, subject, body, created_at, sent_at, error, attempts "
                                             "FROM email_outbox " + where_order,
                        soci::use(a), soci::use(b), soci::into(e.id), soci::into(e.to_address), soci::into(e.subject),
                        soci::into(e.body), soci::into(e.created_at), soci::into(e.sent_at), soci::into(e.error),
                        soci::into(e.attempts));
  st.execute(false);
  std::vector<EmailRow> out;
  while (st.fetch()) out.push_back(e);
  return out;
}

}  // namespace

Result<std::vector<EmailRow>> ListOutbox(Tx& tx, int64_t limit) {
  return SelectEmails(tx, "WHERE :none = 0 ORDER BY id DESC LIMIT :l", 0, limit);
}

Result<std::vector<EmailRow>> UnsentEmails(Tx& tx, int64_t max_attempts, int64_t limit) {
  return SelectEmails(tx, "WHERE sent_at = '' AND attempts < :m ORDER BY id LIMIT :l", max_attempts, limit);
}

Status MarkEmailSent(Tx& tx, int64_t id, const std::string& at) {
  tx.sql() << "UPDATE email_outbox SET sent_at = :at, error = '' WHERE id = :id", soci::use(at), soci::use(id);
  return Status::Ok();
}

Status MarkEmailFailed(Tx& tx, int64_t id, const std::string& error) {
  tx.sql() << "UPDATE email_outbox SET error = :e, attempts = attempts + 1 WHERE id = :id", soci::use(error), soci::use(id);
  return Status::Ok();
}

Result<std::vector<TaskRow>> OverdueTasksToRemind(Tx& tx, const std::string& today, const std::string& reminded_since) {
  std::vector<int64_t> ids;
  int64_t id = 0;
  soci::statement st = (tx.sql().prepare << "SELECT id FROM tasks WHERE due_date < :t AND status NOT IN ('done', "
                                             "'declined') AND reminded_on < :r ORDER BY id",
                        soci::use(today), soci::use(reminded_since), soci::into(id));
  st.execute(false);
  while (st.fetch()) ids.push_back(id);
  std::vector<TaskRow> out;
  for (int64_t x : ids) {
    TaskFilter f;
    f.id = x;
    CAIRN_ASSIGN_OR_RETURN(auto rows, QueryTasks(tx, f));
    out.insert(out.end(), rows.begin(), rows.end());
  }
  return out;
}

Status SetTaskReminded(Tx& tx, int64_t id, const std::string& day) {
  tx.sql() << "UPDATE tasks SET reminded_on = :d WHERE id = :id", soci::use(day), soci::use(id);
  return Status::Ok();
}

}  // namespace cairn::storage
