-- Meetings (engine/meetings.h): the Taskforce (three a year), strand groups and local tasking
-- groups, with their attendees, agenda and papers (JSON lists), decisions and actions. An action
-- becomes a task in one step (task_id, 0 until then).
CREATE TABLE meetings (
  id {{id}},
  kind TEXT NOT NULL,                  -- taskforce, strand_group, local_tasking_group
  title TEXT NOT NULL,
  strand_id {{bigint}} NOT NULL,       -- a strand group's strand; 0 otherwise
  council_area TEXT NOT NULL,          -- a local tasking group's area; "" otherwise
  held_on TEXT NOT NULL,               -- YYYY-MM-DD
  location TEXT NOT NULL,
  organiser_organisation_id {{bigint}} NOT NULL REFERENCES organisations(id),
  attendees TEXT NOT NULL,             -- JSON list: organisation_id, person, attendance
  agenda TEXT NOT NULL,                -- JSON list: title, notes
  papers TEXT NOT NULL,                -- JSON list: title, reference
  created_by {{bigint}} NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL
);
CREATE INDEX meetings_held_on ON meetings(held_on);

CREATE TABLE meeting_decisions (
  id {{id}},
  meeting_id {{bigint}} NOT NULL REFERENCES meetings(id),
  text TEXT NOT NULL,
  recorded_by {{bigint}} NOT NULL REFERENCES users(id),
  recorded_at TEXT NOT NULL
);
CREATE INDEX meeting_decisions_meeting ON meeting_decisions(meeting_id);

CREATE TABLE meeting_actions (
  id {{id}},
  meeting_id {{bigint}} NOT NULL REFERENCES meetings(id),
  text TEXT NOT NULL,
  owner_organisation_id {{bigint}} NOT NULL REFERENCES organisations(id),
  due_date TEXT NOT NULL,
  task_id {{bigint}} NOT NULL,
  recorded_by {{bigint}} NOT NULL REFERENCES users(id),
  recorded_at TEXT NOT NULL
);
CREATE INDEX meeting_actions_meeting ON meeting_actions(meeting_id);
