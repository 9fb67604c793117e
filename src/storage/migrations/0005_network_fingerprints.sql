-- A hash of each network row's content, so `cairn resolve` writes only what changed
-- (storage/network_write.cc).
ALTER TABLE entities ADD COLUMN fingerprint TEXT NOT NULL DEFAULT '';
ALTER TABLE mentions ADD COLUMN fingerprint TEXT NOT NULL DEFAULT '';
ALTER TABLE links ADD COLUMN fingerprint TEXT NOT NULL DEFAULT '';
