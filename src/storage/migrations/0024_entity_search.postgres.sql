-- Search by any part of a name without reading every entity. Names: a trigram index (pg_trgm, a
-- trusted extension shipped with PostgreSQL) answers LIKE '%...%' from the index. Sound codes
-- are whole words of four characters, too short for trigrams to narrow much, so they are
-- indexed as words.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX entities_search_name_trgm ON entities USING gin (search_name gin_trgm_ops);
CREATE INDEX entities_sound_name_words ON entities USING gin (to_tsvector('simple', sound_name));
