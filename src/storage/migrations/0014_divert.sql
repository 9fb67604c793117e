-- Divert and victims (engine/divert.h): people at risk referred to the organisations that work
-- their case. Minimal personal data: a label (initials or a pseudonym), an age band and a council
-- area; consent recorded; visible only to the organisations working the case. For a potential
-- victim of human trafficking, the National Referral Mechanism's decisions; for an older victim
-- of doorstep crime, a nominated neighbour and a no-cold-calling zone request.
CREATE TABLE divert_cases (
  id {{id}},
  reference TEXT NOT NULL UNIQUE,      -- DIV-000001
  kind TEXT NOT NULL,                  -- young_person, trafficking_victim, doorstep_victim
  label TEXT NOT NULL,
  age_band TEXT NOT NULL,
  council_area TEXT NOT NULL,
  consent TEXT NOT NULL,               -- given, refused, not_sought
  consent_note TEXT NOT NULL,
  lead_organisation_id {{bigint}} NOT NULL REFERENCES organisations(id),
  status TEXT NOT NULL,                -- open or closed
  closed_reason TEXT NOT NULL,
  nrm_referred_on TEXT NOT NULL,
  reasonable_grounds TEXT NOT NULL,    -- "", pending, positive, negative
  reasonable_grounds_on TEXT NOT NULL,
  conclusive_grounds TEXT NOT NULL,    -- "", pending, positive, negative
  conclusive_grounds_on TEXT NOT NULL,
  nominated_neighbour {{bigint}} NOT NULL,
  ncc_zone_requested_on TEXT NOT NULL,
  created_by {{bigint}} NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE divert_case_members (
  case_id {{bigint}} NOT NULL REFERENCES divert_cases(id),
  organisation_id {{bigint}} NOT NULL REFERENCES organisations(id),
  added_at TEXT NOT NULL,
  PRIMARY KEY (case_id, organisation_id)
);
CREATE INDEX divert_case_members_organisation ON divert_case_members(organisation_id);

CREATE TABLE divert_notes (
  id {{id}},
  case_id {{bigint}} NOT NULL REFERENCES divert_cases(id),
  at TEXT NOT NULL,
  user_id {{bigint}} NOT NULL REFERENCES users(id),
  text TEXT NOT NULL
);
CREATE INDEX divert_notes_case ON divert_notes(case_id);
