// Bidder screening (migration 0010): tenders, their bidders' results and the referrals a police
// SPOC decides. All within a lent Tx.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "storage/database.h"

namespace cairn::storage {

struct TenderRow {
  int64_t id = 0, organisation_id = 0;
  std::string buyer, title, category;
  double value = 0;
  std::string cpv = "[]";  // JSON list
  int64_t created_by = 0;
  std::string created_at;
  std::string organisation_name;  // filled on reading
};

struct BidderRow {
  int64_t id = 0, tender_id = 0, position = 0;
  std::string name, company_number, address, postcode;
  bool declaration_signed = false;
  std::string declaration_date;
  bool sia_approved = false;
  std::string result, reference, entity_id, screened_at;
};

struct ReferralRow {
  int64_t id = 0, bidder_id = 0, spoc_organisation_id = 0;
  std::string reasons = "[]", status = "open", outcome, lawful_basis, schedule1_condition, handling_conditions,
              released_text, regulation, event_date, valid_until, rationale;
  int64_t decided_by = 0;
  std::string decided_at;
  std::string decider;  // the user's display name, filled on reading
};

Result<int64_t> InsertTender(Tx& tx, const TenderRow& t);
Result<int64_t> InsertBidder(Tx& tx, const BidderRow& b);
Status SetBidderReference(Tx& tx, int64_t bidder_id, const std::string& reference);
Status SetBidderResult(Tx& tx, int64_t bidder_id, const std::string& result);
Result<int64_t> InsertReferral(Tx& tx, const ReferralRow& r);

Result<std::optional<TenderRow>> GetTender(Tx& tx, int64_t id);
// Newest first; `organisation_id` 0 = every organisation's.
Result<std::vector<TenderRow>> ListTenders(Tx& tx, int64_t organisation_id);
// In registration order.
Result<std::vector<BidderRow>> BiddersOf(Tx& tx, int64_t tender_id);
Result<std::optional<BidderRow>> GetBidder(Tx& tx, int64_t id);

Result<std::optional<ReferralRow>> GetReferral(Tx& tx, int64_t id);
Result<std::optional<ReferralRow>> ReferralOfBidder(Tx& tx, int64_t bidder_id);
// The SPOC organisation's referrals: open ones first, then newest first.
Result<std::vector<ReferralRow>> ReferralsFor(Tx& tx, int64_t spoc_organisation_id);
// Records the decision (every field from status on).
Status DecideReferral(Tx& tx, const ReferralRow& r);

// Every award in the network (supplier_to links) with its buyer (buyer_in to the same process),
// for the procurement exposure report.
struct AwardRow {
  std::string supplier_id, supplier_name, process_id, date, detail;  // detail: the award link's JSON
  std::string buyer_id, buyer_name, buyer_detail;                      // "" when the process has none
};
Result<std::vector<AwardRow>> AllAwards(Tx& tx);
// The entities with a finding of any of `indicators` (restricted ones included).
Result<std::vector<std::string>> EntitiesWithFindings(Tx& tx, const std::vector<std::string>& indicators);

}  // namespace cairn::storage
