-- The platform: organisations, users, sessions, login throttling, strands and the audit trail.
-- Written once for SQLite and PostgreSQL; see storage/internal/migrations.h for placeholders.
-- Timestamps are ISO 8601 UTC text (common/time.h), which sorts in time order.
-- Booleans are INTEGER 0/1.

CREATE TABLE organisations (
  id {{id}},
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL UNIQUE,
  type TEXT NOT NULL,
  region TEXT,
  taskforce_member INTEGER NOT NULL DEFAULT 0,
  taskforce_role TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE users (
  id {{id}},
  organisation_id {{bigint}} NOT NULL REFERENCES organisations(id),
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  email TEXT NOT NULL,
  role TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  must_change_password INTEGER NOT NULL DEFAULT 0,
  disabled INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX users_organisation ON users(organisation_id);

-- Only a hash of the session token is stored: a leaked table does not yield live sessions.
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id {{bigint}} NOT NULL REFERENCES users(id),
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

-- Failed sign-ins per username within the current window, and any lock that followed.
CREATE TABLE login_throttle (
  username TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  window_start TEXT NOT NULL,
  locked_until TEXT
);

CREATE TABLE strands (
  id {{id}},
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  aim TEXT NOT NULL,
  lead_organisation_id {{bigint}} REFERENCES organisations(id),
  lead_person TEXT,
  position INTEGER NOT NULL
);

-- Append-only. Each row's hash covers its fields and the previous row's hash (audit/chain.h).
CREATE TABLE audit_log (
  seq {{bigint}} PRIMARY KEY,
  at TEXT NOT NULL,
  actor_user_id {{bigint}},
  actor_organisation_id {{bigint}},
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  record_type TEXT NOT NULL,
  record_id TEXT NOT NULL,
  outcome TEXT NOT NULL,
  detail TEXT NOT NULL,
  source TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_log_actor ON audit_log(actor_user_id);
CREATE INDEX audit_log_organisation ON audit_log(actor_organisation_id);
CREATE INDEX audit_log_record ON audit_log(record_type, record_id);
CREATE INDEX audit_log_at ON audit_log(at);
