#include "storage/watchlist.h"

#include "storage/internal/soci_types.h"

namespace cairn::storage {

Result<std::optional<std::string>> GetWatchlistKey(Tx& tx, int64_t organisation_id) {
  std::string key;
  tx.sql() << "SELECT key_hex FROM watchlist_keys WHERE organisation_id = :o", soci::use(organisation_id), soci::into(key);
  if (!tx.sql().got_data()) return std::optional<std::string>();
  return std::optional<std::string>(key);
}

Status InsertWatchlistKey(Tx& tx, int64_t organisation_id, const std::string& key_hex, const std::string& at) {
  tx.sql() << "INSERT INTO watchlist_keys (organisation_id, key_hex, created_at) VALUES (:o, :k, :at)",
      soci::use(organisation_id), soci::use(key_hex), soci::use(at);
  return Status::Ok();
}

Result<std::optional<WatchlistRow>> GetWatchlist(Tx& tx, int64_t organisation_id) {
  WatchlistRow w;
  tx.sql() << "SELECT organisation_id, elements, size, published_at FROM watchlists WHERE organisation_id = :o",
      soci::use(organisation_id), soci::into(w.organisation_id), soci::into(w.elements), soci::into(w.size),
      soci::into(w.published_at);
  if (!tx.sql().got_data()) return std::optional<WatchlistRow>();
  return std::optional<WatchlistRow>(w);
}

Result<std::vector<WatchlistRow>> ListWatchlists(Tx& tx) {
  WatchlistRow w;
  soci::statement st = (tx.sql().prepare << "SELECT organisation_id, elements, size, published_at FROM watchlists "
                                             "ORDER BY organisation_id",
                        soci::into(w.organisation_id), soci::into(w.elements), soci::into(w.size), soci::into(w.published_at));
  st.execute(false);
  std::vector<WatchlistRow> out;
  while (st.fetch()) out.push_back(w);
  return out;
}

Status PutWatchlist(Tx& tx, const WatchlistRow& w) {
  tx.sql() << "INSERT INTO watchlists (organisation_id, elements, size, published_at) VALUES (:o, :e, :n, :at) "
              "ON CONFLICT (organisation_id) DO UPDATE SET elements = excluded.elements, size = excluded.size, "
              "published_at = excluded.published_at",
      soci::use(w.organisation_id), soci::use(w.elements), soci::use(w.size), soci::use(w.published_at);
  return Status::Ok();
}

Result<int64_t> AddWatchlistUsage(Tx& tx, int64_t user_id, const std::string& day, int64_t points) {
  tx.sql() << "INSERT INTO watchlist_usage (user_id, day, points) VALUES (:u, :d, :p) ON CONFLICT (user_id, day) "
              "DO UPDATE SET points = watchlist_usage.points + excluded.points",
      soci::use(user_id), soci::use(day), soci::use(points);
  int64_t total = 0;
  tx.sql() << "SELECT points FROM watchlist_usage WHERE user_id = :u AND day = :d", soci::use(user_id), soci::use(day),
      soci::into(total);
  return total;
}

}  // namespace cairn::storage
