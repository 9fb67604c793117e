#include "engine/meetings.h"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "audit/chain.h"
#include "common/time.h"
#include "engine/internal/tasks.h"
#include "storage/organisations.h"
#include "storage/strands.h"

namespace cairn::engine {
namespace {

using model::Role;
using nlohmann::json;

bool Blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

bool Reads(const model::Actor& actor) { return actor.role.has_value(); }

bool Edits(const model::Actor& actor, const storage::MeetingRow& m) {
  if (!actor.user_id || actor.role == Role::kAuditor) return false;
  return actor.role == Role::kAdmin || actor.role == Role::kSecretariat ||
         actor.organisation_id == m.organiser_organisation_id;
}

Status CheckDate(const std::string& value, const std::string& field) {
  if (value.size() != 10 || !ParseTimestamp(value).ok()) return InvalidField(field, field + " must be a date, YYYY-MM-DD");
  return Status::Ok();
}

Result<MeetingView> View(storage::Tx& tx, const model::Actor& actor, const storage::MeetingRow& m) {
  MeetingView v;
  v.meeting = m;
  json attendees = json::parse(m.attendees, nullptr, false);
  if (attendees.is_array()) {
    for (const auto& a : attendees) {
      Attendee x{a.value("organisation_id", int64_t(0)), a.value("person", ""), a.value("attendance", "attended")};
      auto org = storage::GetOrganisation(tx, x.organisation_id);
      v.attendee_organisations.push_back(org.ok() ? org->name : "");
      v.attendees.push_back(std::move(x));
    }
  }
  json agenda = json::parse(m.agenda, nullptr, false);
  if (agenda.is_array())
    for (const auto& a : agenda) v.agenda.push_back({a.value("title", ""), a.value("notes", "")});
  json papers = json::parse(m.papers, nullptr, false);
  if (papers.is_array())
    for (const auto& p : papers) v.papers.push_back({p.value("title", ""), p.value("reference", "")});
  CAIRN_ASSIGN_OR_RETURN(v.decisions, storage::MeetingDecisions(tx, m.id));
  CAIRN_ASSIGN_OR_RETURN(v.actions, storage::MeetingActions(tx, m.id));
  v.can_edit = Edits(actor, m);
  return v;
}

Result<storage::MeetingRow> Existing(storage::Tx& tx, int64_t id) {
  CAIRN_ASSIGN_OR_RETURN(auto m, storage::GetMeeting(tx, id));
  if (!m) return NotFound("no meeting with id " + std::to_string(id));
  return *m;
}

}  // namespace

Result<MeetingView> CreateMeeting(const app::Env& env, const model::Actor& actor, const MeetingInput& in) {
  static const std::vector<std::string> kKinds = {"taskforce", "strand_group", "local_tasking_group"};
  if (std::find(kKinds.begin(), kKinds.end(), in.kind) == kKinds.end())
    return InvalidField("kind", "kind must be taskforce, strand_group or local_tasking_group");
  if (Blank(in.title)) return InvalidField("title", "a meeting needs a title");
  if (in.kind == "strand_group" && Blank(in.strand)) return InvalidField("strand", "a strand group meeting needs its strand");
  if (in.kind != "strand_group" && !in.strand.empty()) return InvalidField("strand", "only a strand group meeting has a strand");
  if (in.kind == "local_tasking_group" && Blank(in.council_area))
    return InvalidField("council_area", "a local tasking group meeting needs its council area");
  CAIRN_RETURN_IF_ERROR(CheckDate(in.held_on, "held_on"));
  for (size_t i = 0; i < in.agenda.size(); ++i)
    if (Blank(in.agenda[i].title)) return InvalidField("agenda[" + std::to_string(i) + "].title", "an agenda item needs a title");
  for (size_t i = 0; i < in.papers.size(); ++i)
    if (Blank(in.papers[i].title)) return InvalidField("papers[" + std::to_string(i) + "].title", "a paper needs a title");
  if (!actor.user_id || !actor.organisation_id || actor.role == Role::kAuditor)
    return PermissionDenied("meetings are recorded by a signed-in member of an organisation");
  storage::MeetingRow m;
  CAIRN_RETURN_IF_ERROR(env.db.Write([&](storage::Tx& tx) -> Status {
    if (in.kind == "strand_group") {
      CAIRN_ASSIGN_OR_RETURN(auto strands, storage::ListStrands(tx));
      auto s = std::find_if(strands.begin(), strands.end(), [&](const auto& x) { return x.code == in.strand; });
      if (s == strands.end()) return InvalidField("strand", "unknown strand '" + in.strand + "'");
      m.strand_id = s->id;
    }
    json attendees = json::array();
    for (size_t i = 0; i < in.attendees.size(); ++i) {
      const auto& a = in.attendees[i];
      std::string at = "attendees[" + std::to_string(i) + "]";
      if (!storage::GetOrganisation(tx, a.organisation_id).ok())
        return InvalidField(at + ".organisation_id", at + ": no organisation with id " + std::to_string(a.organisation_id));
      if (a.attendance != "attended" && a.attendance != "apologies")
        return InvalidField(at + ".attendance", at + ": attendance is attended or apologies");
      attendees.push_back({{"organisation_id", a.organisation_id}, {"person", a.person}, {"attendance", a.attendance}});
    }
    json agenda = json::array(), papers = json::array();
    for (const auto& a : in.agenda) agenda.push_back({{"title", a.title}, {"notes", a.notes}});
    for (const auto& p : in.papers) papers.push_back({{"title", p.title}, {"reference", p.reference}});
    m.kind = in.kind;
    m.title = in.title;
    m.council_area = in.council_area;
    m.held_on = in.held_on;
    m.location = in.location;
    m.organiser_organisation_id = *actor.organisation_id;
    m.attendees = attendees.dump();
    m.agenda = agenda.dump();
    m.papers = papers.dump();
    m.created_by = *actor.user_id;
    m.created_at = FormatTimestamp(env.clock.Now());
    CAIRN_ASSIGN_OR_RETURN(m.id, storage::InsertMeeting(tx, m));
    return audit::Append(tx, env.clock, actor,
                         {"create", "meeting", std::to_string(m.id), true, {{"kind", m.kind}, {"held_on", m.held_on}}});
  }));
  return ReadMeeting(env, actor, m.id);
}

Result<MeetingView> ReadMeeting(const app::Env& env, const model::Actor& actor, int64_t id) {
  if (!Reads(actor)) return NotFound("no meeting with id " + std::to_string(id));
  MeetingView v;
  CAIRN_RETURN_IF_ERROR(env.db.Read([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(auto m, Existing(tx, id));
    CAIRN_ASSIGN_OR_RETURN(v, View(tx, actor, m));
    return Status::Ok();
  }));
  return v;
}

Result<std::vector<MeetingSummary>> ListMeetings(const app::Env& env, const model::Actor& actor, const std::string& kind) {
  std::vector<MeetingSummary> out;
  if (!Reads(actor)) return out;
  CAIRN_RETURN_IF_ERROR(env.db.Read([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(auto rows, storage::ListMeetings(tx, kind));
    for (auto& m : rows) {
      MeetingSummary s{m, 0, 0, 0};
      CAIRN_ASSIGN_OR_RETURN(auto decisions, storage::MeetingDecisions(tx, m.id));
      CAIRN_ASSIGN_OR_RETURN(auto actions, storage::MeetingActions(tx, m.id));
      s.decisions = int64_t(decisions.size());
      s.actions = int64_t(actions.size());
      s.actions_tasked = std::count_if(actions.begin(), actions.end(), [](const auto& a) { return a.task_id != 0; });
      out.push_back(std::move(s));
    }
    return Status::Ok();
  }));
  return out;
}

Result<int64_t> TaskforceMeetingsIn(const app::Env& env, int year) {
  int64_t n = 0;
  std::string prefix = std::to_string(year) + "-";
  CAIRN_RETURN_IF_ERROR(env.db.Read([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(auto rows, storage::ListMeetings(tx, "taskforce"));
    n = std::count_if(rows.begin(), rows.end(), [&](const auto& m) { return m.held_on.rfind(prefix, 0) == 0; });
    return Status::Ok();
  }));
  return n;
}

Result<MeetingView> AddDecision(const app::Env& env, const model::Actor& actor, int64_t meeting_id, const std::string& text) {
  if (Blank(text)) return InvalidField("text", "say what was decided");
  CAIRN_RETURN_IF_ERROR(env.db.Write([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(auto m, Existing(tx, meeting_id));
    if (!Edits(actor, m)) return PermissionDenied("only " + m.organiser + " or the secretariat records this meeting's decisions");
    CAIRN_ASSIGN_OR_RETURN(int64_t id, storage::InsertMeetingDecision(
                                           tx, {0, meeting_id, text, *actor.user_id, FormatTimestamp(env.clock.Now())}));
    return audit::Append(tx, env.clock, actor, {"create", "meeting_decision", std::to_string(id), true, {{"meeting", meeting_id}}});
  }));
  return ReadMeeting(env, actor, meeting_id);
}

Result<MeetingView> AddAction(const app::Env& env, const model::Actor& actor, int64_t meeting_id, const std::string& text,
                              int64_t owner_organisation_id, const std::string& due_date) {
  if (Blank(text)) return InvalidField("text", "say what is to be done");
  CAIRN_RETURN_IF_ERROR(CheckDate(due_date, "due_date"));
  if (due_date < FormatTimestamp(env.clock.Now()).substr(0, 10))
    return InvalidField("due_date", "the due date " + due_date + " is in the past");
  CAIRN_RETURN_IF_ERROR(env.db.Write([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(auto m, Existing(tx, meeting_id));
    if (!Edits(actor, m)) return PermissionDenied("only " + m.organiser + " or the secretariat records this meeting's actions");
    if (!storage::GetOrganisation(tx, owner_organisation_id).ok())
      return InvalidField("owner_organisation_id", "no organisation with id " + std::to_string(owner_organisation_id));
    storage::MeetingActionRow a;
    a.meeting_id = meeting_id;
    a.text = text;
    a.owner_organisation_id = owner_organisation_id;
    a.due_date = due_date;
    a.recorded_by = *actor.user_id;
    a.recorded_at = FormatTimestamp(env.clock.Now());
    CAIRN_ASSIGN_OR_RETURN(int64_t id, storage::InsertMeetingAction(tx, a));
    return audit::Append(tx, env.clock, actor,
                         {"create", "meeting_action", std::to_string(id), true,
                          {{"meeting", meeting_id}, {"owner_organisation_id", owner_organisation_id}}});
  }));
  return ReadMeeting(env, actor, meeting_id);
}

Result<TaskView> TaskFromAction(const app::Env& env, const model::Actor& actor, int64_t action_id, TaskInput task) {
  int64_t id = 0;
  CAIRN_RETURN_IF_ERROR(env.db.Write([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(auto a, storage::GetMeetingAction(tx, action_id));
    if (!a) return NotFound("no meeting action with id " + std::to_string(action_id));
    CAIRN_ASSIGN_OR_RETURN(auto m, Existing(tx, a->meeting_id));
    if (!Edits(actor, m)) return PermissionDenied("only " + m.organiser + " or the secretariat tasks this meeting's actions");
    if (Blank(task.title)) task.title = a->text;
    if (task.description.empty()) task.description = "Action from " + m.title + " (" + m.held_on + ").";
    task.owner_organisation_id = a->owner_organisation_id;
    if (task.due_date.empty()) task.due_date = a->due_date;
    task.source_type = "meeting_action";
    task.source_id = std::to_string(action_id);
    if (task.council_area.empty()) task.council_area = m.council_area;
    CAIRN_ASSIGN_OR_RETURN(id, internal::CreateTaskIn(tx, env, actor, task, taskforce::DefaultPrioritySettings()));
    return storage::SetMeetingActionTask(tx, action_id, id);
  }));
  return ReadTask(env, actor, id);
}

}  // namespace cairn::engine
