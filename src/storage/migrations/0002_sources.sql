-- Ingested source data, each record with its provenance. See docs/ingest.md.

-- One row per ingest of one file.
CREATE TABLE source_files (
  id {{id}},
  path TEXT NOT NULL,
  format TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  ingested_at TEXT NOT NULL,
  rows_read {{bigint}} NOT NULL,
  rows_loaded {{bigint}} NOT NULL,
  rows_unchanged {{bigint}} NOT NULL,
  rows_rejected {{bigint}} NOT NULL
);

-- The current version of every source record, keyed by format and the source's own key
-- (a company number, an appointment id…). payload is the record as JSON; file and line say
-- where this version came from. Re-ingesting the same content changes nothing.
CREATE TABLE source_records (
  id {{id}},
  format TEXT NOT NULL,
  record_key TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  payload TEXT NOT NULL,
  source_file_id {{bigint}} NOT NULL REFERENCES source_files(id),
  file TEXT NOT NULL,
  line {{bigint}} NOT NULL,
  restricted INTEGER NOT NULL DEFAULT 0,
  owner_organisation_id {{bigint}},
  first_seen_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (format, record_key)
);

-- Rows that could not be loaded, with where and why: the reject report.
CREATE TABLE ingest_rejects (
  id {{id}},
  source_file_id {{bigint}} NOT NULL REFERENCES source_files(id),
  line {{bigint}} NOT NULL,
  reason TEXT NOT NULL
);
CREATE INDEX ingest_rejects_file ON ingest_rejects(source_file_id);
