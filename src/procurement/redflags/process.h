// One contracting process as the red flags see it: the fields of an OCDS compiled release that
// some indicator reads (FORMATS.md), already checked, so the indicators never touch JSON.
//
// A Process is a view: its strings point into the parsed line (or into `owned`), and every id is
// in one pool, `ids`, that bids and awards index into. A reader reuses one Process per thread,
// so reading a line allocates nothing once the vectors have grown.
#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cairn::procurement::redflags {

enum class BidStatus { kOther, kInvited, kPending, kValid, kDisqualified, kWithdrawn };
enum class AwardStatus { kOther, kPending, kActive, kCancelled, kUnsuccessful };

// A range of Process::ids.
struct IdRange {
  uint32_t begin = 0, end = 0;
  uint32_t size() const { return end - begin; }
};

struct Bid {
  BidStatus status = BidStatus::kOther;
  std::optional<double> amount;  // only if in the main currency
  std::string_view currency;     // as written, even when the amount was set aside
  std::optional<int64_t> date;   // seconds since 1970, UTC
  IdRange tenderers;

  // Pending, valid or disqualified (INDICATORS.md).
  bool submitted() const {
    return status == BidStatus::kPending || status == BidStatus::kValid || status == BidStatus::kDisqualified;
  }
};

struct Award {
  AwardStatus status = AwardStatus::kOther;
  IdRange suppliers;
  IdRange classifications;  // items[].classification.id
};

// A process decided on price alone, for R024, R025 and R058 (internal::PriceOnlyAwardOf).
struct PriceOnlyAward {
  uint32_t winner = 0;  // index into Process::ids
  double winning_amount = 0;
  // Each tenderer's lowest valid single-tenderer bid (the tenderer as an index into
  // Process::ids), winner included, in order of first bid.
  std::vector<std::pair<uint32_t, double>> lowest;
};

struct Process {
  std::string_view ocid;
  std::string_view buyer, procuring_entity;  // ids; empty if absent
  std::optional<std::string_view> method, method_details;
  std::optional<int64_t> tender_start, tender_end;  // seconds since 1970, UTC
  std::optional<int64_t> number_of_tenderers;
  std::vector<Bid> bids;
  std::vector<Award> awards;
  std::vector<std::string_view> ids;  // tenderers, suppliers and classifications
  std::deque<std::string> owned;      // text the views need that is not in the line (numeric ids)

  // The accumulator's number for each entry of `ids`, filled in as indicators ask
  // (Accumulator::PartyAt), so a line costs one hash lookup per id however many indicators
  // count it.
  mutable std::vector<uint32_t> parties;
  mutable const void* parties_of = nullptr;  // the accumulator they belong to
  // internal::PriceOnlyAwardOf's answer, worked out once a line for the three indicators asking.
  mutable int8_t price_only = -1;  // -1: not asked yet; 0: not one; 1: `price_only_award`
  mutable PriceOnlyAward price_only_award;

  std::span<const std::string_view> of(IdRange r) const { return {ids.data() + r.begin, r.size()}; }
  // Appends `values` to the pool and returns their range.
  IdRange Add(std::initializer_list<std::string_view> values) {
    IdRange r{uint32_t(ids.size()), 0};
    ids.insert(ids.end(), values);
    r.end = uint32_t(ids.size());
    return r;
  }

  // Every award active, cancelled or unsuccessful: one that is not excludes the process from
  // the award-based indicators.
  bool awards_final() const {
    for (const auto& a : awards)
      if (a.status == AwardStatus::kOther || a.status == AwardStatus::kPending) return false;
    return true;
  }

  // Empties the process, keeping the vectors' capacity.
  void Clear() {
    ocid = buyer = procuring_entity = {};
    method = method_details = std::nullopt;
    tender_start = tender_end = number_of_tenderers = std::nullopt;
    bids.clear();
    awards.clear();
    ids.clear();
    owned.clear();
    parties.clear();
    parties_of = nullptr;
    price_only = -1;
  }
};

}  // namespace cairn::procurement::redflags
