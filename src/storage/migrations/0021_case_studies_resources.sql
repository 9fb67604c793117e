-- Case studies and the resource library (engine/case_studies.h, engine/resources.h).

-- What happened in a case, structured so it can be found and counted. A restricted case study is
-- seen only by its organisation and the organisations named in case_study_access.
CREATE TABLE case_studies (
  id {{id}},
  title TEXT NOT NULL,
  summary TEXT NOT NULL,          -- Markdown
  sector TEXT NOT NULL,
  crime_types TEXT NOT NULL,      -- comma-separated
  council_area TEXT NOT NULL,
  indicators TEXT NOT NULL,       -- comma-separated indicator codes: what the indicators were
  strand_id {{bigint}} NOT NULL,  -- the strand that acted; 0 if none
  outcome TEXT NOT NULL,
  restricted {{bigint}} NOT NULL,
  owner_organisation_id {{bigint}} NOT NULL REFERENCES organisations(id),
  created_by {{bigint}} NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE case_study_access (
  case_study_id {{bigint}} NOT NULL REFERENCES case_studies(id),
  organisation_id {{bigint}} NOT NULL REFERENCES organisations(id),
  PRIMARY KEY (case_study_id, organisation_id)
);
-- Tasks and meetings a case study is linked from.
CREATE TABLE case_study_links (
  case_study_id {{bigint}} NOT NULL REFERENCES case_studies(id),
  kind TEXT NOT NULL,             -- task, meeting
  target_id {{bigint}} NOT NULL,
  PRIMARY KEY (case_study_id, kind, target_id)
);

-- Files for partners (PDF, slides, spreadsheets…), each upload a new version. The bytes are kept
-- in the store, base64-encoded, so they are backed up and restored with everything else.
CREATE TABLE resources (
  id {{id}},
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  audiences TEXT NOT NULL,        -- comma-separated guidance audience codes
  topics TEXT NOT NULL,           -- comma-separated
  course_code TEXT NOT NULL,      -- the training course it is material for; "" if none
  owner_organisation_id {{bigint}} NOT NULL REFERENCES organisations(id),
  created_by {{bigint}} NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  version {{bigint}} NOT NULL,    -- the current version; 0 before the first upload
  downloads {{bigint}} NOT NULL
);
CREATE TABLE resource_versions (
  resource_id {{bigint}} NOT NULL REFERENCES resources(id),
  version {{bigint}} NOT NULL,
  filename TEXT NOT NULL,
  content_type TEXT NOT NULL,     -- as libmagic found it from the bytes
  size_bytes {{bigint}} NOT NULL,
  sha256 TEXT NOT NULL,
  content_base64 TEXT NOT NULL,
  uploaded_by {{bigint}} NOT NULL REFERENCES users(id),
  uploaded_at TEXT NOT NULL,
  PRIMARY KEY (resource_id, version)
);
