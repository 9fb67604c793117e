// Retention: each kind of record is kept for its [retention] period after the event that ends
// its use, then deleted or anonymised — each rule in one transaction with the audit entry that
// says what was done. Intelligence is only reported (its analysts review it); the audit log is
// kept longest. Run daily by cairn serve's background jobs and by `cairn retention`.
#pragma once

#include <string>
#include <vector>

#include "app/env.h"
#include "common/clock.h"
#include "common/status.h"
#include "model/actor.h"

namespace cairn::engine {

struct RetentionItem {
  std::string rule;    // sessions, notifications, emails, closed_tasks, closed_divert, audit_log, intelligence_review
  std::string action;  // delete, anonymise, review
  std::string what;    // a sentence for people
  int days = 0;        // the period; 0 = kept indefinitely (the rule does not run)
  std::string cutoff;  // records before this time stamp are due ("" when days is 0)
  int64_t due = 0;     // how many are due now
  int64_t done = 0;    // how many were deleted or anonymised (0 in a dry run)
};

struct RetentionReport {
  bool dry_run = true;
  std::vector<RetentionItem> items;
};

// With `dry_run`, counts what is due and changes nothing. Otherwise applies every rule that has
// a period, auditing each that affected anything (as `actor`).
Result<RetentionReport> ApplyRetention(const app::Env& env, const model::Actor& actor, bool dry_run);

// Whether cairn serve's daily run is due at `now`: the time of day is at or past `run_at`
// ("HH:MM", UTC, as [retention] run_at is checked) and the last run, given as its UTC day
// ("YYYY-MM-DD", "" for none since the server started), was not today.
bool RetentionRunDue(TimePoint now, const std::string& run_at, const std::string& last_run_day);

}  // namespace cairn::engine
