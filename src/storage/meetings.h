// Meetings' tables (migration 0013). All within a lent Tx.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "storage/database.h"

namespace cairn::storage {

struct MeetingRow {
  int64_t id = 0;
  std::string kind, title;
  int64_t strand_id = 0;
  std::string council_area, held_on, location;
  int64_t organiser_organisation_id = 0;
  std::string attendees = "[]", agenda = "[]", papers = "[]";  // JSON lists
  int64_t created_by = 0;
  std::string created_at;
  std::string organiser, strand_code;  // filled on reading
};

struct MeetingDecisionRow {
  int64_t id = 0, meeting_id = 0;
  std::string text;
  int64_t recorded_by = 0;
  std::string recorded_at;
};

struct MeetingActionRow {
  int64_t id = 0, meeting_id = 0;
  std::string text;
  int64_t owner_organisation_id = 0;
  std::string due_date;
  int64_t task_id = 0, recorded_by = 0;
  std::string recorded_at;
  std::string owner;  // filled on reading
};

Result<int64_t> InsertMeeting(Tx& tx, const MeetingRow& m);
Result<std::optional<MeetingRow>> GetMeeting(Tx& tx, int64_t id);
// Newest first; `kind` "" = every kind.
Result<std::vector<MeetingRow>> ListMeetings(Tx& tx, const std::string& kind);

Result<int64_t> InsertMeetingDecision(Tx& tx, const MeetingDecisionRow& d);
Result<std::vector<MeetingDecisionRow>> MeetingDecisions(Tx& tx, int64_t meeting_id);

Result<int64_t> InsertMeetingAction(Tx& tx, const MeetingActionRow& a);
Result<std::vector<MeetingActionRow>> MeetingActions(Tx& tx, int64_t meeting_id);
Result<std::optional<MeetingActionRow>> GetMeetingAction(Tx& tx, int64_t id);
Status SetMeetingActionTask(Tx& tx, int64_t action_id, int64_t task_id);

}  // namespace cairn::storage
