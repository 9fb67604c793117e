-- Retention (engine/retention.h). When audit entries older than [retention] audit_log_days are
-- removed, the last removed entry's seq and hash are kept here so that the entries that remain
-- still verify as one unbroken chain from this point (audit/chain.h). At most one row.
CREATE TABLE audit_anchor (
  id INTEGER PRIMARY KEY,
  seq {{bigint}} NOT NULL,
  hash TEXT NOT NULL,
  pruned_at TEXT NOT NULL
);
