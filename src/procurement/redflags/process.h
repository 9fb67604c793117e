// One contracting process as the red flags see it: the fields of an OCDS compiled release that
// some indicator reads (FORMATS.md), already checked, so the indicators never touch JSON.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cairn::procurement::redflags {

enum class BidStatus { kOther, kInvited, kPending, kValid, kDisqualified, kWithdrawn };
enum class AwardStatus { kOther, kPending, kActive, kCancelled, kUnsuccessful };

struct Bid {
  BidStatus status = BidStatus::kOther;
  std::optional<double> amount;  // only if in the main currency
  std::string currency;          // as written, even when the amount was set aside
  std::optional<int64_t> date;   // seconds since 1970, UTC
  std::vector<std::string> tenderers;

  // Pending, valid or disqualified (INDICATORS.md).
  bool submitted() const {
    return status == BidStatus::kPending || status == BidStatus::kValid || status == BidStatus::kDisqualified;
  }
};

struct Award {
  AwardStatus status = AwardStatus::kOther;
  std::vector<std::string> suppliers;
  std::vector<std::string> classifications;  // items[].classification.id
};

struct Process {
  std::string ocid;
  std::string buyer, procuring_entity;  // ids; empty if absent
  std::optional<std::string> method, method_details;
  std::optional<int64_t> tender_start, tender_end;  // seconds since 1970, UTC
  std::optional<int64_t> number_of_tenderers;
  std::vector<Bid> bids;
  std::vector<Award> awards;

  // Every award active, cancelled or unsuccessful: one that is not excludes the process from
  // the award-based indicators.
  bool awards_final() const {
    for (const auto& a : awards)
      if (a.status == AwardStatus::kOther || a.status == AwardStatus::kPending) return false;
    return true;
  }
};

}  // namespace cairn::procurement::redflags
