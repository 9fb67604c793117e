-- Search by any part of a name without reading every entity: a trigram full-text index over the
-- normalised and Soundex names. FTS5's trigram tokenizer answers LIKE '%...%' from the index. It
-- reads its text from the entities table (external content, keyed by rowid, which SQLite's
-- backup API keeps) and triggers keep it in step with every write.
CREATE VIRTUAL TABLE entity_search USING fts5(search_name, sound_name, content='entities', content_rowid='rowid', tokenize='trigram');
CREATE TRIGGER entity_search_insert AFTER INSERT ON entities BEGIN INSERT INTO entity_search (rowid, search_name, sound_name) VALUES (new.rowid, new.search_name, new.sound_name); END;
CREATE TRIGGER entity_search_delete AFTER DELETE ON entities BEGIN INSERT INTO entity_search (entity_search, rowid, search_name, sound_name) VALUES ('delete', old.rowid, old.search_name, old.sound_name); END;
CREATE TRIGGER entity_search_update AFTER UPDATE OF search_name, sound_name ON entities BEGIN INSERT INTO entity_search (entity_search, rowid, search_name, sound_name) VALUES ('delete', old.rowid, old.search_name, old.sound_name); INSERT INTO entity_search (rowid, search_name, sound_name) VALUES (new.rowid, new.search_name, new.sound_name); END;
INSERT INTO entity_search (entity_search) VALUES ('rebuild');
