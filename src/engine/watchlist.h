// Blind screening between deployments (procurement/blind/oprf.h). The police side publishes a
// keyed set — F(k, x) for every organisation its intelligence names (company numbers and names,
// normalised) — and answers blinded queries, rate-limited and audited, without learning what was
// asked. A council's Cairn asks about each bidder of a tender through the police API, unblinds,
// and checks the answers against the set; a match refers the bidder. No plaintext name or number
// leaves the council, and the set says nothing to anyone without the key.
#pragma once

#include <string>
#include <unordered_set>
#include <vector>

#include "app/env.h"
#include "common/status.h"
#include "model/actor.h"
#include "procurement/blind/oprf.h"
#include "storage/database.h"

namespace cairn::engine {

// How both sides write a bidder before it is blinded: "cn:" and the 8-character company number,
// "nm:" and the normalised name (legal form unified). An empty field gives no identifier.
std::vector<std::string> WatchlistIdentifiers(const std::string& name, const std::string& company_number);

struct PublishedWatchlist {
  std::string organisation;  // slug
  std::string published_at;
  std::vector<std::string> elements;  // hex, sorted
};

// Builds and stores the organisation's set from its intelligence records about organisations and
// the organisations its restricted proximity findings (N1, P5) name, creating its key the first
// time. Audited (the count only).
Result<PublishedWatchlist> PublishWatchlist(const app::Env& env, const model::Actor& actor, int64_t organisation_id);

// The published set of organisation `slug` ("" = the first police organisation). NotFound if it
// has not published.
Result<PublishedWatchlist> ReadWatchlist(const app::Env& env, const std::string& slug);

// The sets published in this store with their keys, for screening a bidder registered here —
// by a partner, or lodged by a council's Cairn after a blind match — against them.
class WatchlistIndex {
 public:
  static Result<WatchlistIndex> Load(storage::Tx& tx);
  struct Hit {
    int64_t organisation_id = 0;
    std::string organisation, published_at;
    std::string by;  // "company number" or "name"
  };
  std::vector<Hit> Find(const std::string& name, const std::string& company_number) const;

 private:
  struct List {
    Hit owner;
    procurement::blind::Scalar key;
    std::unordered_set<std::string> elements;
  };
  std::vector<List> lists_;
};

// At most this many points per request, and per user per day.
inline constexpr size_t kMaxPointsPerRequest = 100;
inline constexpr int64_t kMaxPointsPerDay = 5000;

// k·P for each blinded point P (hex), with the key of organisation `slug`. InvalidField("points")
// for a bad point or too many; ResourceExhausted past the daily limit; NotFound if it has no key.
// Audited with the number of points (there is nothing else to record: the points reveal nothing).
Result<std::vector<std::string>> EvaluateWatchlist(const app::Env& env, const model::Actor& actor, const std::string& slug,
                                                   const std::vector<std::string>& points);

// The council's side: asks the police deployment at `host`:`port` about every bidder of tender
// `tender_id`, signed in as `username`. A match becomes a referral: the matched bidders (and only
// they) are lodged there as a tender of the user's organisation, which the police store screens
// against its own set, so they reach its SPOC queue; here they are marked `refer` with the police
// reference ("slug/SCR-…"), and the decision is read on the police deployment. Audited.
struct RemoteScreening {
  std::string host;
  int port = 0;
  std::string username, password, organisation;  // organisation: the police slug ("" = theirs)
};
struct RemoteScreenReport {
  size_t bidders = 0, queried = 0;
  std::vector<std::string> matched;     // bidder names
  std::vector<std::string> references;  // the police references of the lodged bidders
  int64_t lodged_tender = 0;            // the tender's id on the police deployment (0: none lodged)
};
Result<RemoteScreenReport> ScreenTenderRemotely(const app::Env& env, const model::Actor& actor, int64_t tender_id,
                                                const RemoteScreening& remote);

}  // namespace cairn::engine
