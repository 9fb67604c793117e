-- Blind screening (engine/watchlist.h): the police organisation's secret OPRF key, the keyed set
-- it publishes, and how many blinded queries each user has had answered per day (the rate limit).
CREATE TABLE watchlist_keys (
  organisation_id {{bigint}} PRIMARY KEY REFERENCES organisations(id),
  key_hex TEXT NOT NULL,               -- a ristretto255 scalar; never leaves the store
  created_at TEXT NOT NULL
);

CREATE TABLE watchlists (
  organisation_id {{bigint}} PRIMARY KEY REFERENCES organisations(id),
  elements TEXT NOT NULL,              -- JSON list of hex digests F(k, identifier), sorted
  size {{bigint}} NOT NULL,
  published_at TEXT NOT NULL
);

CREATE TABLE watchlist_usage (
  user_id {{bigint}} NOT NULL REFERENCES users(id),
  day TEXT NOT NULL,                   -- YYYY-MM-DD
  points {{bigint}} NOT NULL,
  PRIMARY KEY (user_id, day)
);
