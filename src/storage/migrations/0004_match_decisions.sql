-- Analysts' decisions on matches, kept across resolution runs (engine/resolution.h).
CREATE TABLE match_decisions (
  id {{id}},
  mention_a TEXT NOT NULL,             -- mention keys, mention_a < mention_b
  mention_b TEXT NOT NULL,
  decision TEXT NOT NULL,              -- 'same' or 'different'
  note TEXT NOT NULL,
  decided_by {{bigint}} NOT NULL REFERENCES users(id),
  decided_at TEXT NOT NULL,
  UNIQUE (mention_a, mention_b)
);
