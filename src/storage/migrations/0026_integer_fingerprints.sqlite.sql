-- A network row's fingerprint (0005) was 32 hex digits of text, 33 bytes a row; it is now the
-- first 64 bits of the same SHA-256 as an integer, 9 bytes. Rows stored before this carry 0,
-- which no fingerprint equals, so the next resolve writes each of them once more.
-- (The PostgreSQL twin is 0026_integer_fingerprints.postgres.sql.)
DROP VIEW keyed_mentions;
ALTER TABLE entities DROP COLUMN fingerprint;
ALTER TABLE entities ADD COLUMN fingerprint INTEGER NOT NULL DEFAULT 0;
ALTER TABLE mentions DROP COLUMN fingerprint;
ALTER TABLE mentions ADD COLUMN fingerprint INTEGER NOT NULL DEFAULT 0;
ALTER TABLE links DROP COLUMN fingerprint;
ALTER TABLE links ADD COLUMN fingerprint INTEGER NOT NULL DEFAULT 0;
-- Every mention with its key, for reading by hand and for joining analysts' decisions.
CREATE VIEW keyed_mentions AS
  SELECT m.*, r.format || '/' || r.record_key || '#' || m.mention_index AS mention_key
  FROM mentions m JOIN source_records r ON r.id = m.source_record_id;
