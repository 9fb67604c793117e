// Counts that tell an operator how the system is doing (queues, ingest totals, sessions), for
// the metrics endpoint. Read-only, within a lent Tx.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "common/status.h"
#include "storage/database.h"

namespace cairn::storage {

struct OperationalCounts {
  int64_t email_pending = 0;        // unsent and still to be tried
  int64_t email_given_up = 0;       // unsent after the last allowed attempt
  int64_t tasks_open = 0;           // neither done nor declined
  int64_t tasks_overdue = 0;        // open and past their due date
  int64_t referrals_open = 0;       // the SPOC queue
  int64_t grant_applications_waiting = 0;  // submitted or endorsed, not yet decided
  int64_t sessions_active = 0;      // not yet expired
  int64_t ingest_files = 0;         // files ingested, ever
  int64_t ingest_rows_read = 0, ingest_rows_loaded = 0, ingest_rows_unchanged = 0, ingest_rows_rejected = 0;
  int64_t source_records = 0;
  int64_t audit_entries = 0;
};

// `today` is YYYY-MM-DD and `now` an RFC 3339 timestamp (the store's formats).
Result<OperationalCounts> CountOperations(Tx& tx, const std::string& today, const std::string& now,
                                          int64_t email_max_attempts);

// Row counts of the tables that hold the store's records, in a fixed order (for backup and
// restore reports, and for checking a restore against its source).
Result<std::vector<std::pair<std::string, int64_t>>> CountTables(Tx& tx);

}  // namespace cairn::storage
