-- Guidance (engine/guidance.h): pages written in Markdown, seeded from content/guidance/ and
-- edited through the UI, each edit kept as a version.
CREATE TABLE guidance_pages (
  id {{id}},
  slug TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  summary TEXT NOT NULL,
  audiences TEXT NOT NULL,    -- comma-separated codes (engine/guidance.h kAudiences)
  sectors TEXT NOT NULL,      -- comma-separated sector codes
  indicators TEXT NOT NULL,   -- comma-separated indicator codes: C1, B2, R018, P5…
  crime_types TEXT NOT NULL,  -- comma-separated crime types
  public {{bigint}} NOT NULL, -- 1: also on the no-login site under /public
  review_on TEXT NOT NULL,    -- YYYY-MM-DD: when it must be looked at again
  body TEXT NOT NULL,         -- Markdown
  version {{bigint}} NOT NULL,
  updated_by {{bigint}} NOT NULL,  -- 0: seeded from content/guidance
  updated_at TEXT NOT NULL
);

CREATE TABLE guidance_versions (
  page_id {{bigint}} NOT NULL REFERENCES guidance_pages(id),
  version {{bigint}} NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  edited_by {{bigint}} NOT NULL,
  edited_at TEXT NOT NULL,
  PRIMARY KEY (page_id, version)
);
