-- A mention's key is format/record_key#index, and its record already holds the format and the
-- record key: the mentions table keeps only the index. The key column averaged 81 characters a
-- row and its unique index took a third as much again (docs/benchmarks.md, "The network smaller
-- on disk"); the index over (record, index) is written in order as a network is loaded.
-- SQLite cannot drop a column that carries a UNIQUE constraint, so the table is rebuilt.
CREATE TABLE mentions_new (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  source_record_id BIGINT NOT NULL REFERENCES source_records(id),
  mention_index BIGINT NOT NULL,
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
  owner_organisation_id BIGINT,
  entity_id TEXT NOT NULL,
  match_reason TEXT NOT NULL,
  fingerprint TEXT NOT NULL DEFAULT ''
);
INSERT INTO mentions_new (id, source_record_id, mention_index, kind, role, name, given_name, surname,
                          company_number, birth_date, address, postcode, reference, restricted,
                          owner_organisation_id, entity_id, match_reason, fingerprint)
  SELECT id, source_record_id, CAST(substr(mention_key, length(rtrim(mention_key, '0123456789')) + 1) AS INTEGER),
         kind, role, name, given_name, surname, company_number, birth_date, address, postcode, reference,
         restricted, owner_organisation_id, entity_id, match_reason, fingerprint
  FROM mentions;
DROP TABLE mentions;
ALTER TABLE mentions_new RENAME TO mentions;
CREATE UNIQUE INDEX mentions_record ON mentions(source_record_id, mention_index);
CREATE INDEX mentions_entity ON mentions(entity_id);
-- Every mention with its key, for reading by hand and for joining analysts' decisions.
CREATE VIEW keyed_mentions AS
  SELECT m.*, r.format || '/' || r.record_key || '#' || m.mention_index AS mention_key
  FROM mentions m JOIN source_records r ON r.id = m.source_record_id;
