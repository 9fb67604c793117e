// Bidder screening (the Deter strand): a partner registers a tender and its bidders; each bidder
// is screened against the resolved network and its findings, intelligence-based ones included,
// and gets `no_concerns` or `refer` with a reference — the partner never sees why. A referral
// goes to the police single point of contact (SPOC: analysts of the police organisation whose
// intelligence is behind it, else of the first police organisation), who sees the reasons and
// records an outcome; the partner then sees exactly what was released.
//
// Everything is audited. A tender is visible to its organisation only; a referral to its SPOC
// organisation's analysts only (others get NotFound).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/env.h"
#include "common/status.h"
#include "model/actor.h"
#include "storage/screening.h"

namespace cairn::engine {

struct BidderInput {
  std::string name, company_number, address, postcode;
  bool declaration_signed = false;  // the SOC non-involvement declaration
  std::string declaration_date;     // YYYY-MM-DD, when signed
  bool sia_approved = false;        // SIA Approved Contractor Scheme (security work)
};

struct TenderInput {
  std::string buyer, title, category;  // category: goods, services or works
  double value = 0;
  std::vector<std::string> cpv;
  std::vector<BidderInput> bidders;
};

// Bidders from CSV with a header row: name (required), company_number, address, postcode,
// declaration_signed (yes/no), declaration_date, sia_approved (yes/no). The whole upload is
// refused on the first bad row: InvalidField("bidders_csv", "row N: why").
Result<std::vector<BidderInput>> ParseBiddersCsv(const std::string& csv);

// What the tender's organisation sees of one bidder.
struct BidderView {
  storage::BidderRow bidder;
  std::vector<std::string> probity;  // P6: what is missing (declaration, SIA approval for security work)
  std::optional<storage::ReferralRow> decision;  // once decided: the outcome and what was released only
};

struct TenderView {
  storage::TenderRow tender;
  std::vector<BidderView> bidders;
};

// Validates, stores and screens. InvalidField naming the field (or "bidders[i].name") for a
// missing buyer, title or bidder name, an unknown category, a negative value, a bad date, no
// bidders or more than 200. FailedPrecondition if a referral is needed and no police
// organisation exists.
Result<TenderView> RegisterTender(const app::Env& env, const model::Actor& actor, const TenderInput& input);
Result<std::vector<storage::TenderRow>> ListTenders(const app::Env& env, const model::Actor& actor);
// NotFound unless the tender is the actor's organisation's.
Result<TenderView> ReadTender(const app::Env& env, const model::Actor& actor, int64_t id);

struct ReferralView {
  storage::ReferralRow referral;
  storage::BidderRow bidder;
  storage::TenderRow tender;
};

// The actor's organisation's referrals as SPOC, open first. Audited (they rest on intelligence).
Result<std::vector<ReferralView>> ListReferrals(const app::Env& env, const model::Actor& actor);
// NotFound unless the actor's organisation is the referral's SPOC. Audited.
Result<ReferralView> ReadReferral(const app::Env& env, const model::Actor& actor, int64_t id);

struct ReferralDecision {
  // no_action, enhanced_checks, information_released, exclusion_mandatory, exclusion_discretionary
  std::string outcome;
  std::string lawful_basis, schedule1_condition, handling_conditions, released_text;  // information_released
  std::string regulation;  // exclusions: a code from Regulations()
  std::string event_date;  // exclusions: the conviction (mandatory) or the conduct (discretionary)
  std::string rationale;   // always
};

struct Regulation {
  std::string code, title, ground;  // ground: mandatory or discretionary
  int valid_years = 0;
};
// The exclusion grounds a SPOC may cite: Public Contracts (Scotland) Regulations 2015 reg. 58
// and Procurement (Scotland) Regulations 2016 regs. 8 and 9.
const std::vector<Regulation>& Regulations();

// Records the SPOC's outcome. InvalidField naming the field for: an unknown outcome; no
// rationale; for a release, no text, an unknown lawful basis (or a missing Schedule 1 condition
// where it needs one) or no handling conditions; for an exclusion, a regulation of the other kind
// or unknown, a missing or future event date, or one too old for the ground to still apply
// (mandatory 5 years, discretionary 3). FailedPrecondition if already decided. Audited.
Result<ReferralView> DecideReferral(const app::Env& env, const model::Actor& actor, int64_t id,
                                    const ReferralDecision& decision);

// The actor's organisation's screening results (and decisions, as released) as CSV, or as an
// XLSX workbook (Unavailable if it cannot be written). Audited.
Result<std::string> ExportScreeningCsv(const app::Env& env, const model::Actor& actor);
Result<std::string> ExportScreeningXlsx(const app::Env& env, const model::Actor& actor);

}  // namespace cairn::engine
