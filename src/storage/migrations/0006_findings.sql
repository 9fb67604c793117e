-- Risk findings and entity risk, written by `cairn detect` (engine/detection.h). A finding is
-- one indicator firing on one entity; an analyst's decision on it is kept across runs until its
-- evidence changes (evidence_hash differs from decided_evidence_hash).
CREATE TABLE findings (
  id {{id}},
  finding_key TEXT NOT NULL UNIQUE,      -- indicator/entity/restricted owner: the same across runs
  indicator TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  entity_kind TEXT NOT NULL,
  entity_name TEXT NOT NULL,
  postcode_area TEXT NOT NULL,           -- letters of the entity's postcode, for filtering
  sic_codes TEXT NOT NULL,               -- the company's SIC codes, space separated
  score DOUBLE PRECISION NOT NULL,
  summary TEXT NOT NULL,
  evidence TEXT NOT NULL,                -- JSON list: record, format, key, file, line, note
  evidence_hash TEXT NOT NULL,
  restricted INTEGER NOT NULL,
  owner_organisation_id {{bigint}},
  status TEXT NOT NULL,                  -- open, dismissed, confirmed
  decision_reason TEXT NOT NULL,
  decided_by {{bigint}} REFERENCES users(id),
  decided_at TEXT NOT NULL,
  decided_evidence_hash TEXT NOT NULL,
  first_detected_at TEXT NOT NULL,
  detected_at TEXT NOT NULL
);
CREATE INDEX findings_entity ON findings(entity_id);
CREATE INDEX findings_score ON findings(score);

-- Each entity's risk: from public findings (restricted = 0), and again with an owner's
-- restricted findings as well (restricted = 1), which only that owner's analysts see.
CREATE TABLE entity_risk (
  id {{id}},
  entity_id TEXT NOT NULL,
  entity_kind TEXT NOT NULL,
  entity_name TEXT NOT NULL,
  restricted INTEGER NOT NULL,
  owner_organisation_id {{bigint}},
  own_score DOUBLE PRECISION NOT NULL,
  neighbour_score DOUBLE PRECISION NOT NULL,
  risk DOUBLE PRECISION NOT NULL,
  findings {{bigint}} NOT NULL
);
CREATE INDEX entity_risk_entity ON entity_risk(entity_id);
CREATE INDEX entity_risk_risk ON entity_risk(risk);
