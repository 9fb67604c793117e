-- An ingest interrupted part-way (a crash, a kill) leaves its source_files row with completed = 0;
-- the next ingest of the same file (same path, format and SHA-256) resumes it: the rows already
-- stored compare unchanged, the rest load, and the row is completed (engine/ingest.cc).
ALTER TABLE source_files ADD COLUMN completed INTEGER NOT NULL DEFAULT 1;
