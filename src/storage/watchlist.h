// Blind screening's tables (migration 0011). All within a lent Tx.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "storage/database.h"

namespace cairn::storage {

// The organisation's key as hex, if it has one.
Result<std::optional<std::string>> GetWatchlistKey(Tx& tx, int64_t organisation_id);
Status InsertWatchlistKey(Tx& tx, int64_t organisation_id, const std::string& key_hex, const std::string& at);

struct WatchlistRow {
  int64_t organisation_id = 0;
  std::string elements = "[]";  // JSON list
  int64_t size = 0;
  std::string published_at;
};
Result<std::optional<WatchlistRow>> GetWatchlist(Tx& tx, int64_t organisation_id);
// Every published set, by organisation.
Result<std::vector<WatchlistRow>> ListWatchlists(Tx& tx);
// Replaces the organisation's published set.
Status PutWatchlist(Tx& tx, const WatchlistRow& w);

// Adds `points` to the user's count for `day` and returns the new total.
Result<int64_t> AddWatchlistUsage(Tx& tx, int64_t user_id, const std::string& day, int64_t points);

}  // namespace cairn::storage
