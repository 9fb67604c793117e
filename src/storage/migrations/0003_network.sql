-- The resolved network: mentions extracted from source records, the entities they resolve to,
-- and the links between entities. Rebuilt by `cairn resolve`; entity ids are kept stable.

CREATE TABLE mentions (
  id {{id}},
  mention_key TEXT NOT NULL UNIQUE,   -- format/record_key#index: the same for the same record
  source_record_id {{bigint}} NOT NULL REFERENCES source_records(id),
  kind TEXT NOT NULL,
  role TEXT NOT NULL,
  name TEXT NOT NULL,
  given_name TEXT NOT NULL,
  surname TEXT NOT NULL,
  company_number TEXT NOT NULL,
  birth_date TEXT NOT NULL,
  address TEXT NOT NULL,
  postcode TEXT NOT NULL,
  reference TEXT NOT NULL,
  restricted INTEGER NOT NULL,
  owner_organisation_id {{bigint}},
  entity_id TEXT NOT NULL,
  match_reason TEXT NOT NULL          -- why this mention joined its entity
);
-- Secondary indexes here are rebuilt by ReplaceNetwork (storage/network.cc): keep both in step.
CREATE INDEX mentions_entity ON mentions(entity_id);

CREATE TABLE entities (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  company_number TEXT NOT NULL,
  postcode TEXT NOT NULL,
  birth_date TEXT NOT NULL,
  mention_count {{bigint}} NOT NULL,
  restricted INTEGER NOT NULL,         -- 1 when every mention is restricted
  owner_organisation_id {{bigint}},    -- for a restricted entity: who may see it
  search_name TEXT NOT NULL,           -- normalised name, for search
  sound_name TEXT NOT NULL,            -- Soundex of each word of search_name, for typos
  -- Network analytics over the public links (graph/analytics.h); 0 for restricted entities.
  component_size {{bigint}} NOT NULL DEFAULT 0,
  community {{bigint}} NOT NULL DEFAULT 0,
  community_size {{bigint}} NOT NULL DEFAULT 0,
  degree {{bigint}} NOT NULL DEFAULT 0,
  betweenness DOUBLE PRECISION NOT NULL DEFAULT 0
);
CREATE INDEX entities_company_number ON entities(company_number);
CREATE INDEX entities_postcode ON entities(postcode);

CREATE TABLE links (
  id {{id}},
  from_entity TEXT NOT NULL REFERENCES entities(id),
  to_entity TEXT NOT NULL REFERENCES entities(id),
  type TEXT NOT NULL,
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL,
  detail TEXT NOT NULL,
  source_record_id {{bigint}} NOT NULL REFERENCES source_records(id),
  restricted INTEGER NOT NULL,
  owner_organisation_id {{bigint}}
);
CREATE INDEX links_from ON links(from_entity);
CREATE INDEX links_to ON links(to_entity);
