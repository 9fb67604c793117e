-- The SOC small grant scheme (engine/grants.h): schemes, applications with their budget lines and
-- frozen submitted versions, endorsement by the strand lead, the secretariat's decision, payments,
-- final reports and evaluation notes. Money is in pence, as integers, everywhere.

-- An organisation's identifier on org-id.guide ("GB-CHC-1234567"), for open data; "" if unknown.
ALTER TABLE organisations ADD COLUMN org_identifier TEXT NOT NULL DEFAULT '';

CREATE TABLE grant_schemes (
  id {{id}},
  code TEXT NOT NULL UNIQUE,               -- "soc-small-grants-2026"
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  funder_organisation_id {{bigint}} NOT NULL REFERENCES organisations(id),
  budget_pence {{bigint}} NOT NULL,
  max_grant_pence {{bigint}} NOT NULL,
  opens_on TEXT NOT NULL,                  -- YYYY-MM-DD, first day applications are taken
  closes_on TEXT NOT NULL,                 -- YYYY-MM-DD, last day
  created_by {{bigint}} NOT NULL,
  created_at TEXT NOT NULL
);

-- The strands and objectives a scheme serves.
CREATE TABLE grant_scheme_strands (
  scheme_id {{bigint}} NOT NULL REFERENCES grant_schemes(id),
  strand_id {{bigint}} NOT NULL REFERENCES strands(id),
  PRIMARY KEY (scheme_id, strand_id)
);
CREATE TABLE grant_scheme_objectives (
  scheme_id {{bigint}} NOT NULL REFERENCES grant_schemes(id),
  objective_id {{bigint}} NOT NULL REFERENCES objectives(id),
  PRIMARY KEY (scheme_id, objective_id)
);

CREATE TABLE grant_applications (
  id {{id}},
  reference TEXT NOT NULL UNIQUE,          -- "SOCG-2026-0001"
  scheme_id {{bigint}} NOT NULL REFERENCES grant_schemes(id),
  organisation_id {{bigint}} NOT NULL REFERENCES organisations(id),
  applicant_user_id {{bigint}} NOT NULL REFERENCES users(id),
  -- draft, submitted, endorsed, declined (by the strand lead), approved, rejected, completed
  status TEXT NOT NULL,
  version {{bigint}} NOT NULL,             -- submitted versions so far
  title TEXT NOT NULL,
  summary TEXT NOT NULL,
  amount_pence {{bigint}} NOT NULL,
  strand_id {{bigint}} NOT NULL,           -- 0 while a draft has none
  outcomes TEXT NOT NULL,                  -- intended outcomes
  starts_on TEXT NOT NULL,                 -- timescale; "" while a draft has none
  ends_on TEXT NOT NULL,
  match_funding_pence {{bigint}} NOT NULL,
  match_funding_source TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  submitted_at TEXT NOT NULL,
  endorsed_by {{bigint}} NOT NULL,         -- 0 until endorsed or declined
  endorsed_at TEXT NOT NULL,
  endorsement_reason TEXT NOT NULL,
  decided_by {{bigint}} NOT NULL,
  decided_at TEXT NOT NULL,
  decision_reason TEXT NOT NULL,
  awarded_pence {{bigint}} NOT NULL,       -- 0 unless approved
  final_report TEXT NOT NULL,
  final_report_at TEXT NOT NULL
);
CREATE INDEX grant_applications_scheme ON grant_applications(scheme_id, status);
CREATE INDEX grant_applications_organisation ON grant_applications(organisation_id);

CREATE TABLE grant_application_objectives (
  application_id {{bigint}} NOT NULL REFERENCES grant_applications(id),
  objective_id {{bigint}} NOT NULL REFERENCES objectives(id),
  PRIMARY KEY (application_id, objective_id)
);

CREATE TABLE grant_budget_lines (
  application_id {{bigint}} NOT NULL REFERENCES grant_applications(id),
  position {{bigint}} NOT NULL,
  description TEXT NOT NULL,
  amount_pence {{bigint}} NOT NULL,
  PRIMARY KEY (application_id, position)
);

-- Each submitted version exactly as submitted (JSON), never changed.
CREATE TABLE grant_application_versions (
  application_id {{bigint}} NOT NULL REFERENCES grant_applications(id),
  version {{bigint}} NOT NULL,
  submitted_by {{bigint}} NOT NULL REFERENCES users(id),
  submitted_at TEXT NOT NULL,
  content TEXT NOT NULL,
  PRIMARY KEY (application_id, version)
);

CREATE TABLE grant_payments (
  id {{id}},
  application_id {{bigint}} NOT NULL REFERENCES grant_applications(id),
  amount_pence {{bigint}} NOT NULL,
  paid_on TEXT NOT NULL,
  reference TEXT NOT NULL,
  recorded_by {{bigint}} NOT NULL REFERENCES users(id),
  recorded_at TEXT NOT NULL
);
CREATE INDEX grant_payments_application ON grant_payments(application_id);

CREATE TABLE grant_evaluations (
  id {{id}},
  application_id {{bigint}} NOT NULL REFERENCES grant_applications(id),
  note TEXT NOT NULL,
  author_user_id {{bigint}} NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL
);
CREATE INDEX grant_evaluations_application ON grant_evaluations(application_id);
