// Meetings (engine/meetings.h): record one, its decisions and actions, and make a task of an
// action in one step. Parse, call, serialise.
#include "api/body.h"
#include "api/handlers/handlers.h"
#include "api/handlers/task_input.h"
#include "common/time.h"
#include "engine/meetings.h"

namespace cairn::api::handlers {
namespace {

using nlohmann::json;

json MeetingJson(const engine::MeetingView& v) {
  const auto& m = v.meeting;
  json attendees = json::array();
  for (size_t i = 0; i < v.attendees.size(); ++i)
    attendees.push_back({{"organisation_id", v.attendees[i].organisation_id},
                         {"organisation", v.attendee_organisations[i]},
                         {"person", v.attendees[i].person},
                         {"attendance", v.attendees[i].attendance}});
  json agenda = json::array(), papers = json::array(), decisions = json::array(), actions = json::array();
  for (const auto& a : v.agenda) agenda.push_back({{"title", a.title}, {"notes", a.notes}});
  for (const auto& p : v.papers) papers.push_back({{"title", p.title}, {"reference", p.reference}});
  for (const auto& d : v.decisions) decisions.push_back({{"id", d.id}, {"text", d.text}, {"recorded_at", d.recorded_at}});
  for (const auto& a : v.actions)
    actions.push_back({{"id", a.id}, {"text", a.text}, {"owner_organisation_id", a.owner_organisation_id},
                       {"owner", a.owner}, {"due_date", a.due_date}, {"task_id", a.task_id}});
  return {{"id", m.id},           {"kind", m.kind},          {"title", m.title},         {"strand", m.strand_code},
          {"council_area", m.council_area}, {"held_on", m.held_on}, {"location", m.location},
          {"organiser", m.organiser}, {"attendees", attendees}, {"agenda", agenda},       {"papers", papers},
          {"decisions", decisions}, {"actions", actions},     {"can_edit", v.can_edit}};
}


}  // namespace

Result<Reply> ListMeetings(Request& req) {
  std::string kind = req.http.has_param("kind") ? req.http.get_param_value("kind") : "";
  CAIRN_ASSIGN_OR_RETURN(auto rows, engine::ListMeetings(req.env, req.actor, kind));
  json items = json::array();
  for (const auto& s : rows)
    items.push_back({{"id", s.meeting.id}, {"kind", s.meeting.kind}, {"title", s.meeting.title},
                     {"strand", s.meeting.strand_code}, {"council_area", s.meeting.council_area},
                     {"held_on", s.meeting.held_on}, {"organiser", s.meeting.organiser}, {"decisions", s.decisions},
                     {"actions", s.actions}, {"actions_tasked", s.actions_tasked}});
  int year = std::stoi(FormatTimestamp(req.env.clock.Now()).substr(0, 4));
  CAIRN_ASSIGN_OR_RETURN(int64_t taskforce, engine::TaskforceMeetingsIn(req.env, year));
  return Reply{200, {{"meetings", items}, {"taskforce_this_year", {{"year", year}, {"held", taskforce}, {"expected", 3}}}}, {}};
}

Result<Reply> CreateMeeting(Request& req) {
  Body b(req.body);
  engine::MeetingInput in;
  CAIRN_ASSIGN_OR_RETURN(in.kind, b.String("kind"));
  CAIRN_ASSIGN_OR_RETURN(in.title, b.String("title"));
  CAIRN_ASSIGN_OR_RETURN(in.held_on, b.String("held_on"));
  for (auto [field, out] : {std::pair{"strand", &in.strand}, std::pair{"council_area", &in.council_area},
                            std::pair{"location", &in.location}}) {
    CAIRN_ASSIGN_OR_RETURN(auto v, b.OptString(field));
    if (v) *out = *v;
  }
  CAIRN_ASSIGN_OR_RETURN(in.attendees, ReadObjectList<engine::Attendee>(b, "attendees", [](Body& item) -> Result<engine::Attendee> {
                           engine::Attendee a;
                           CAIRN_ASSIGN_OR_RETURN(a.organisation_id, item.Int("organisation_id"));
                           CAIRN_ASSIGN_OR_RETURN(auto person, item.OptString("person"));
                           CAIRN_ASSIGN_OR_RETURN(auto attendance, item.OptString("attendance"));
                           a.person = person.value_or("");
                           a.attendance = attendance.value_or("attended");
                           return a;
                         }));
  CAIRN_ASSIGN_OR_RETURN(in.agenda, ReadObjectList<engine::AgendaItem>(b, "agenda", [](Body& item) -> Result<engine::AgendaItem> {
                           engine::AgendaItem a;
                           CAIRN_ASSIGN_OR_RETURN(a.title, item.String("title"));
                           CAIRN_ASSIGN_OR_RETURN(auto notes, item.OptString("notes"));
                           a.notes = notes.value_or("");
                           return a;
                         }));
  CAIRN_ASSIGN_OR_RETURN(in.papers, ReadObjectList<engine::Paper>(b, "papers", [](Body& item) -> Result<engine::Paper> {
                           engine::Paper p;
                           CAIRN_ASSIGN_OR_RETURN(p.title, item.String("title"));
                           CAIRN_ASSIGN_OR_RETURN(auto reference, item.OptString("reference"));
                           p.reference = reference.value_or("");
                           return p;
                         }));
  CAIRN_RETURN_IF_ERROR(b.Finish());
  CAIRN_ASSIGN_OR_RETURN(auto v, engine::CreateMeeting(req.env, req.actor, in));
  return Reply{201, MeetingJson(v), {}};
}

Result<Reply> GetMeeting(Request& req) {
  CAIRN_ASSIGN_OR_RETURN(int64_t id, IdParam(req, 0));
  CAIRN_ASSIGN_OR_RETURN(auto v, engine::ReadMeeting(req.env, req.actor, id));
  return Reply{200, MeetingJson(v), {}};
}

Result<Reply> AddMeetingDecision(Request& req) {
  CAIRN_ASSIGN_OR_RETURN(int64_t id, IdParam(req, 0));
  Body b(req.body);
  CAIRN_ASSIGN_OR_RETURN(auto text, b.String("text"));
  CAIRN_RETURN_IF_ERROR(b.Finish());
  CAIRN_ASSIGN_OR_RETURN(auto v, engine::AddDecision(req.env, req.actor, id, text));
  return Reply{201, MeetingJson(v), {}};
}

Result<Reply> AddMeetingAction(Request& req) {
  CAIRN_ASSIGN_OR_RETURN(int64_t id, IdParam(req, 0));
  Body b(req.body);
  CAIRN_ASSIGN_OR_RETURN(auto text, b.String("text"));
  CAIRN_ASSIGN_OR_RETURN(auto owner, b.Int("owner_organisation_id"));
  CAIRN_ASSIGN_OR_RETURN(auto due, b.String("due_date"));
  CAIRN_RETURN_IF_ERROR(b.Finish());
  CAIRN_ASSIGN_OR_RETURN(auto v, engine::AddAction(req.env, req.actor, id, text, owner, due));
  return Reply{201, MeetingJson(v), {}};
}

Result<Reply> TaskFromMeetingAction(Request& req) {
  CAIRN_ASSIGN_OR_RETURN(int64_t id, IdParam(req, 0));
  Body b(req.body);
  engine::TaskInput in;
  CAIRN_RETURN_IF_ERROR(ReadTaskBasics(b, in,
                                       {{"title", &in.title}, {"description", &in.description}, {"due_date", &in.due_date},
                                        {"council_area", &in.council_area}}));
  CAIRN_RETURN_IF_ERROR(b.Finish());
  CAIRN_ASSIGN_OR_RETURN(auto task, engine::TaskFromAction(req.env, req.actor, id, in));
  return Reply{201, {{"task_id", task.task.id}, {"status", task.task.status}, {"title", task.task.title}}, {}};
}

}  // namespace cairn::api::handlers
