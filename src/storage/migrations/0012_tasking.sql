-- Tasking (engine/tasks.h): the strategy's objectives per strand, the tasks that carry findings,
-- referrals and decisions to the organisation that acts, their history and counted outcomes, and
-- what tells people about them (in-app notifications and the email outbox).
CREATE TABLE objectives (
  id {{id}},
  strand_id {{bigint}} NOT NULL REFERENCES strands(id),
  code TEXT NOT NULL UNIQUE,           -- "deter-2"
  title TEXT NOT NULL,
  position {{bigint}} NOT NULL
);
CREATE INDEX objectives_strand ON objectives(strand_id);

-- An organisation's declared capacity to take on work; the priority's modifier (config/tasking.toml).
CREATE TABLE organisation_capacity (
  organisation_id {{bigint}} PRIMARY KEY REFERENCES organisations(id),
  capacity TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE tasks (
  id {{id}},
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  strand_id {{bigint}} NOT NULL REFERENCES strands(id),
  objective_id {{bigint}} NOT NULL REFERENCES objectives(id),
  owner_organisation_id {{bigint}} NOT NULL REFERENCES organisations(id),
  owner_user_id {{bigint}} NOT NULL,   -- 0: the organisation as a whole
  source_type TEXT NOT NULL,           -- manual, finding, referral, meeting_action, divert_referral
  source_id TEXT NOT NULL,             -- "" for manual
  council_area TEXT NOT NULL,          -- "" if none
  harm {{bigint}} NOT NULL,            -- 1 to 5
  likelihood {{bigint}} NOT NULL,      -- 1 to 5
  confidence {{bigint}} NOT NULL,      -- 1 to 5
  capacity TEXT NOT NULL,              -- the owner's, when scored
  capacity_modifier DOUBLE PRECISION NOT NULL,
  priority DOUBLE PRECISION NOT NULL,  -- 0 to 100
  priority_band TEXT NOT NULL,
  due_date TEXT NOT NULL,              -- YYYY-MM-DD
  status TEXT NOT NULL,                -- proposed, accepted, in_progress, done, declined, blocked
  status_reason TEXT NOT NULL,
  lawful_basis TEXT NOT NULL,          -- what was shared with the owner, when it rests on restricted data
  schedule1_condition TEXT NOT NULL,
  handling_conditions TEXT NOT NULL,
  created_by {{bigint}} NOT NULL REFERENCES users(id),
  created_by_organisation_id {{bigint}} NOT NULL REFERENCES organisations(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  accepted_at TEXT NOT NULL,
  done_at TEXT NOT NULL
);
CREATE INDEX tasks_owner ON tasks(owner_organisation_id);
CREATE INDEX tasks_source ON tasks(source_type, source_id);
CREATE INDEX tasks_strand ON tasks(strand_id);

-- Every status change, in order.
CREATE TABLE task_events (
  id {{id}},
  task_id {{bigint}} NOT NULL REFERENCES tasks(id),
  at TEXT NOT NULL,
  user_id {{bigint}} NOT NULL,
  from_status TEXT NOT NULL,
  to_status TEXT NOT NULL,
  reason TEXT NOT NULL
);
CREATE INDEX task_events_task ON task_events(task_id);

-- Typed, countable results; money in pence.
CREATE TABLE task_outcomes (
  id {{id}},
  task_id {{bigint}} NOT NULL REFERENCES tasks(id),
  type TEXT NOT NULL,
  quantity {{bigint}} NOT NULL,
  note TEXT NOT NULL,
  recorded_by {{bigint}} NOT NULL REFERENCES users(id),
  recorded_at TEXT NOT NULL
);
CREATE INDEX task_outcomes_task ON task_outcomes(task_id);

CREATE TABLE notifications (
  id {{id}},
  user_id {{bigint}} NOT NULL REFERENCES users(id),
  task_id {{bigint}} NOT NULL,
  text TEXT NOT NULL,
  created_at TEXT NOT NULL,
  read_at TEXT NOT NULL
);
CREATE INDEX notifications_user ON notifications(user_id);

-- Kept whether or not SMTP is configured; sent_at stays "" until a mailer sends it.
CREATE TABLE email_outbox (
  id {{id}},
  to_address TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  sent_at TEXT NOT NULL,
  error TEXT NOT NULL
);
