// Reading a large table a window of ids at a time.
//
// libpq keeps the whole result of a statement in the client's memory, so one
// `SELECT … FROM source_records` held every payload at once before the first row was seen
// (about 0.7 GiB at Scotland scale, and 20 times that for the uk). SOCI 4.0's single-row mode
// would stream, but it refuses any other statement on the connection while one is open. So
// the scans of large tables select one window of ids at a time (`WHERE id > :lo AND id <= :hi`),
// each window a new execution of one prepared statement. SQLite streams anyway; there a window
// costs one seek of the primary key.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <string>

namespace cairn::storage::internal {

inline constexpr int64_t kScanWindow = 10000;  // ids to a window: at most this many rows held

// Calls `each(lo, hi)` for consecutive windows of ids (lo, hi] that together cover every id
// of `table` (a name from the code, never from input), lowest first.
template <typename Each>
void ForEachIdWindow(soci::session& sql, const std::string& table, Each&& each) {
  long long lo = 0, hi = -1;
  sql << "SELECT COALESCE(MIN(id), 0), COALESCE(MAX(id), -1) FROM " + table, soci::into(lo), soci::into(hi);
  for (long long from = lo - 1; from < hi; from += kScanWindow) each(int64_t(from), int64_t(from + kScanWindow));
}

}  // namespace cairn::storage::internal
