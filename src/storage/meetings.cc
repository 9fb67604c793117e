#include "storage/meetings.h"

#include <soci/soci.h>

namespace cairn::storage {
namespace {

constexpr char kMeetingColumns[] =
    "SELECT m.id, m.kind, m.title, m.strand_id, m.council_area, m.held_on, m.location, m.organiser_organisation_id, "
    "m.attendees, m.agenda, m.papers, m.created_by, m.created_at, o.name, COALESCE(s.code, '') "
    "FROM meetings m JOIN organisations o ON o.id = m.organiser_organisation_id LEFT JOIN strands s ON s.id = m.strand_id ";

constexpr char kActionColumns[] =
    "SELECT a.id, a.meeting_id, a.text, a.owner_organisation_id, a.due_date, a.task_id, a.recorded_by, a.recorded_at, o.name "
    "FROM meeting_actions a JOIN organisations o ON o.id = a.owner_organisation_id ";

// `where` binds two values, `key` and `key2`.
template <typename Key>
soci::statement MeetingStatement(Tx& tx, const std::string& where, const Key& key, const Key& key2, MeetingRow& m) {
  return (tx.sql().prepare << std::string(kMeetingColumns) + where, soci::use(key), soci::use(key2), soci::into(m.id),
          soci::into(m.kind), soci::into(m.title), soci::into(m.strand_id), soci::into(m.council_area),
          soci::into(m.held_on), soci::into(m.location), soci::into(m.organiser_organisation_id), soci::into(m.attendees),
          soci::into(m.agenda), soci::into(m.papers), soci::into(m.created_by), soci::into(m.created_at),
          soci::into(m.organiser), soci::into(m.strand_code));
}

// The statement binds `key` by reference: it must outlive the statement.
soci::statement ActionStatement(Tx& tx, const std::string& where, const int64_t& key, MeetingActionRow& a) {
  return (tx.sql().prepare << std::string(kActionColumns) + where, soci::use(key), soci::into(a.id),
          soci::into(a.meeting_id), soci::into(a.text), soci::into(a.owner_organisation_id), soci::into(a.due_date),
          soci::into(a.task_id), soci::into(a.recorded_by), soci::into(a.recorded_at), soci::into(a.owner));
}

}  // namespace

Result<int64_t> InsertMeeting(Tx& tx, const MeetingRow& m) {
  int64_t id = 0;
  tx.sql() << "INSERT INTO meetings (kind, title, strand_id, council_area, held_on, location, organiser_organisation_id, "
              "attendees, agenda, papers, created_by, created_at) VALUES (:k, :t, :s, :a, :h, :l, :o, :at, :ag, :p, :by, "
              ":c) RETURNING id",
      soci::use(m.kind), soci::use(m.title), soci::use(m.strand_id), soci::use(m.council_area), soci::use(m.held_on),
      soci::use(m.location), soci::use(m.organiser_organisation_id), soci::use(m.attendees), soci::use(m.agenda),
      soci::use(m.papers), soci::use(m.created_by), soci::use(m.created_at), soci::into(id);
  return id;
}

Result<std::optional<MeetingRow>> GetMeeting(Tx& tx, int64_t id) {
  MeetingRow m;
  // The statement binds two values; the id serves for both.
  soci::statement st = MeetingStatement<int64_t>(tx, "WHERE m.id = :id AND m.id = :id2", id, id, m);
  st.execute(false);
  if (!st.fetch()) return std::optional<MeetingRow>();
  return std::optional<MeetingRow>(m);
}

Result<std::vector<MeetingRow>> ListMeetings(Tx& tx, const std::string& kind) {
  MeetingRow m;
  soci::statement st = MeetingStatement<std::string>(
      tx, "WHERE (:k = '' OR m.kind = :k2) ORDER BY m.held_on DESC, m.id DESC", kind, kind, m);
  st.execute(false);
  std::vector<MeetingRow> out;
  while (st.fetch()) out.push_back(m);
  return out;
}

Result<int64_t> InsertMeetingDecision(Tx& tx, const MeetingDecisionRow& d) {
  int64_t id = 0;
  tx.sql() << "INSERT INTO meeting_decisions (meeting_id, text, recorded_by, recorded_at) VALUES (:m, :t, :b, :a) "
              "RETURNING id",
      soci::use(d.meeting_id), soci::use(d.text), soci::use(d.recorded_by), soci::use(d.recorded_at), soci::into(id);
  return id;
}

Result<std::vector<MeetingDecisionRow>> MeetingDecisions(Tx& tx, int64_t meeting_id) {
  MeetingDecisionRow d;
  soci::statement st = (tx.sql().prepare << "SELECT id, meeting_id, text, recorded_by, recorded_at FROM meeting_decisions "
                                             "WHERE meeting_id = :m ORDER BY id",
                        soci::use(meeting_id), soci::into(d.id), soci::into(d.meeting_id), soci::into(d.text),
                        soci::into(d.recorded_by), soci::into(d.recorded_at));
  st.execute(false);
  std::vector<MeetingDecisionRow> out;
  while (st.fetch()) out.push_back(d);
  return out;
}

Result<int64_t> InsertMeetingAction(Tx& tx, const MeetingActionRow& a) {
  int64_t id = 0;
  tx.sql() << "INSERT INTO meeting_actions (meeting_id, text, owner_organisation_id, due_date, task_id, recorded_by, "
              "recorded_at) VALUES (:m, :t, :o, :d, 0, :b, :a) RETURNING id",
      soci::use(a.meeting_id), soci::use(a.text), soci::use(a.owner_organisation_id), soci::use(a.due_date),
      soci::use(a.recorded_by), soci::use(a.recorded_at), soci::into(id);
  return id;
}

Result<std::vector<MeetingActionRow>> MeetingActions(Tx& tx, int64_t meeting_id) {
  MeetingActionRow a;
  soci::statement st = ActionStatement(tx, "WHERE a.meeting_id = :m ORDER BY a.id", meeting_id, a);
  st.execute(false);
  std::vector<MeetingActionRow> out;
  while (st.fetch()) out.push_back(a);
  return out;
}

Result<std::optional<MeetingActionRow>> GetMeetingAction(Tx& tx, int64_t id) {
  MeetingActionRow a;
  soci::statement st = ActionStatement(tx, "WHERE a.id = :id", id, a);
  st.execute(false);
  if (!st.fetch()) return std::optional<MeetingActionRow>();
  return std::optional<MeetingActionRow>(a);
}

Status SetMeetingActionTask(Tx& tx, int64_t action_id, int64_t task_id) {
  tx.sql() << "UPDATE meeting_actions SET task_id = :t WHERE id = :id", soci::use(task_id), soci::use(action_id);
  return Status::Ok();
}

}  // namespace cairn::storage
