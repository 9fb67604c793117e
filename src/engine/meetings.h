// Meetings: the Taskforce (it meets three times a year), the strand groups and local tasking
// groups — agenda, attendees, papers, decisions and actions. An action becomes a task in one
// step (engine/tasks.h, source "meeting_action"), owned by the organisation the action names.
//
// Every caseworker and auditor reads meetings; a caseworker records one for their organisation;
// decisions and actions are added by the organising organisation or the secretariat. Audited.
#pragma once

#include <string>
#include <vector>

#include "app/env.h"
#include "common/status.h"
#include "engine/tasks.h"
#include "model/actor.h"
#include "storage/meetings.h"

namespace cairn::engine {

struct Attendee {
  int64_t organisation_id = 0;
  std::string person;
  std::string attendance = "attended";  // attended or apologies
};
struct AgendaItem {
  std::string title, notes;
};
struct Paper {
  std::string title, reference;  // reference: where the paper is kept (a link or file name)
};

struct MeetingInput {
  std::string kind;          // taskforce, strand_group, local_tasking_group
  std::string title;
  std::string strand;        // a strand group's strand code
  std::string council_area;  // a local tasking group's council area
  std::string held_on;       // YYYY-MM-DD
  std::string location;
  std::vector<Attendee> attendees;
  std::vector<AgendaItem> agenda;
  std::vector<Paper> papers;
};

struct MeetingView {
  storage::MeetingRow meeting;
  std::vector<Attendee> attendees;
  std::vector<std::string> attendee_organisations;  // names, in the order of `attendees`
  std::vector<AgendaItem> agenda;
  std::vector<Paper> papers;
  std::vector<storage::MeetingDecisionRow> decisions;
  std::vector<storage::MeetingActionRow> actions;
  bool can_edit = false;  // the actor may add decisions and actions
};

// InvalidField naming the field for: an unknown kind; no title; a strand group without a known
// strand (or another kind with one); a local tasking group without a council area; a bad date;
// an attendee of an unknown organisation or with an unknown attendance. Audited.
Result<MeetingView> CreateMeeting(const app::Env& env, const model::Actor& actor, const MeetingInput& input);
Result<MeetingView> ReadMeeting(const app::Env& env, const model::Actor& actor, int64_t id);

struct MeetingSummary {
  storage::MeetingRow meeting;
  int64_t decisions = 0, actions = 0, actions_tasked = 0;
};
// Newest first; `kind` "" = all.
Result<std::vector<MeetingSummary>> ListMeetings(const app::Env& env, const model::Actor& actor, const std::string& kind);
// How many Taskforce meetings are recorded in `year`, against the three a year it should hold.
Result<int64_t> TaskforceMeetingsIn(const app::Env& env, int year);

Result<MeetingView> AddDecision(const app::Env& env, const model::Actor& actor, int64_t meeting_id, const std::string& text);
// InvalidField for no text, an unknown owner, or a due date malformed or in the past.
Result<MeetingView> AddAction(const app::Env& env, const model::Actor& actor, int64_t meeting_id, const std::string& text,
                              int64_t owner_organisation_id, const std::string& due_date);

// Makes a task of the action: its text as the title (unless `task.title` is given), its owner,
// its due date (unless `task.due_date` is given), the meeting as its context; the caller gives
// strand, objective and factors.
// FailedPrecondition if the action already has a task. The task and the link are written
// together.
Result<TaskView> TaskFromAction(const app::Env& env, const model::Actor& actor, int64_t action_id, TaskInput task);

}  // namespace cairn::engine
