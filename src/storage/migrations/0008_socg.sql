-- SOC group profiles and threat assessments (engine/socg.h). A group is known from the
-- intelligence records of its holder; analysts add what the records do not say, and assess it.
CREATE TABLE socg_profiles (
  id {{id}},
  socg_reference TEXT NOT NULL,
  owner_organisation_id {{bigint}} NOT NULL REFERENCES organisations(id),
  crime_types TEXT NOT NULL,           -- JSON list; replaces the records' crime types when set
  notes TEXT NOT NULL,
  updated_by {{bigint}} NOT NULL REFERENCES users(id),
  updated_at TEXT NOT NULL,
  UNIQUE (socg_reference, owner_organisation_id)
);

-- Every assessment is kept: the latest is the group's current score and band.
CREATE TABLE socg_assessments (
  id {{id}},
  socg_reference TEXT NOT NULL,
  owner_organisation_id {{bigint}} NOT NULL REFERENCES organisations(id),
  attributes TEXT NOT NULL,            -- JSON object: attribute code → 0..3
  harm {{bigint}} NOT NULL,
  likelihood {{bigint}} NOT NULL,
  confidence TEXT NOT NULL,
  score DOUBLE PRECISION NOT NULL,
  band TEXT NOT NULL,
  rationale TEXT NOT NULL,
  assessed_by {{bigint}} NOT NULL REFERENCES users(id),
  assessed_at TEXT NOT NULL
);
CREATE INDEX socg_assessments_group ON socg_assessments(socg_reference, owner_organisation_id);
