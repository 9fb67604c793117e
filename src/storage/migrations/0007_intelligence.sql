-- Intelligence records are source records of format intelligence_subjects (restricted to their
-- owner). These tables hold what happens to them in Cairn: reviews, and disclosures of what
-- was released from a record to another organisation, under which lawful basis
-- (engine/intelligence.h).
CREATE TABLE intel_reviews (
  id {{id}},
  source_record_id {{bigint}} NOT NULL REFERENCES source_records(id),
  reviewed_by {{bigint}} NOT NULL REFERENCES users(id),
  reviewed_at TEXT NOT NULL,
  next_review_on TEXT NOT NULL,          -- YYYY-MM-DD: replaces the record's review date
  note TEXT NOT NULL
);
CREATE INDEX intel_reviews_record ON intel_reviews(source_record_id);

CREATE TABLE disclosures (
  id {{id}},
  source_record_id {{bigint}} NOT NULL REFERENCES source_records(id),
  from_organisation_id {{bigint}} NOT NULL REFERENCES organisations(id),
  to_organisation_id {{bigint}} NOT NULL REFERENCES organisations(id),
  released_text TEXT NOT NULL,           -- all the receiving organisation sees of the record
  lawful_basis TEXT NOT NULL,            -- a code from data/intel/lawful_bases.toml
  schedule1_condition TEXT NOT NULL,     -- for UK GDPR Art. 10: the DPA 2018 Schedule 1 condition
  handling_conditions TEXT NOT NULL,
  disclosed_by {{bigint}} NOT NULL REFERENCES users(id),
  disclosed_at TEXT NOT NULL
);
CREATE INDEX disclosures_record ON disclosures(source_record_id);
CREATE INDEX disclosures_to ON disclosures(to_organisation_id);
