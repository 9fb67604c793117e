#include "storage/screening.h"

#include "storage/internal/soci_types.h"

namespace cairn::storage {
namespace {

constexpr char kTenderColumns[] =
    "SELECT t.id, t.organisation_id, t.buyer, t.title, t.category, t.value, t.cpv, t.created_by, t.created_at, o.name "
    "FROM tenders t JOIN organisations o ON o.id = t.organisation_id ";
constexpr char kBidderColumns[] =
    "SELECT id, tender_id, position, name, company_number, address, postcode, declaration_signed, declaration_date, "
    "sia_approved, result, reference, entity_id, screened_at FROM tender_bidders ";
constexpr char kReferralColumns[] =
    "SELECT r.id, r.bidder_id, r.spoc_organisation_id, r.reasons, r.status, r.outcome, r.lawful_basis, "
    "r.schedule1_condition, r.handling_conditions, r.released_text, r.regulation, r.event_date, r.valid_until, "
    "r.rationale, r.decided_by, r.decided_at, COALESCE(u.display_name, '') FROM referrals r "
    "LEFT JOIN users u ON u.id = r.decided_by ";

}  // namespace

Result<int64_t> InsertTender(Tx& tx, const TenderRow& t) {
  int64_t id = 0;
  tx.sql() << "INSERT INTO tenders (organisation_id, buyer, title, category, value, cpv, created_by, created_at) "
              "VALUES (:o, :b, :t, :c, :v, :cpv, :by, :at) RETURNING id",
      soci::use(t.organisation_id), soci::use(t.buyer), soci::use(t.title), soci::use(t.category), soci::use(t.value),
      soci::use(t.cpv), soci::use(t.created_by), soci::use(t.created_at), soci::into(id);
  return id;
}

Result<int64_t> InsertBidder(Tx& tx, const BidderRow& b) {
  int64_t id = 0;
  int64_t signed_ = b.declaration_signed ? 1 : 0, sia = b.sia_approved ? 1 : 0;
  tx.sql() << "INSERT INTO tender_bidders (tender_id, position, name, company_number, address, postcode, "
              "declaration_signed, declaration_date, sia_approved, result, reference, entity_id, screened_at) VALUES "
              "(:t, :p, :n, :cn, :a, :pc, :ds, :dd, :sia, :r, :ref, :e, :at) RETURNING id",
      soci::use(b.tender_id), soci::use(b.position), soci::use(b.name), soci::use(b.company_number),
      soci::use(b.address), soci::use(b.postcode), soci::use(signed_), soci::use(b.declaration_date), soci::use(sia),
      soci::use(b.result), soci::use(b.reference), soci::use(b.entity_id), soci::use(b.screened_at), soci::into(id);
  return id;
}

Status SetBidderReference(Tx& tx, int64_t bidder_id, const std::string& reference) {
  tx.sql() << "UPDATE tender_bidders SET reference = :r WHERE id = :id", soci::use(reference), soci::use(bidder_id);
  return Status::Ok();
}

Status SetBidderResult(Tx& tx, int64_t bidder_id, const std::string& result) {
  tx.sql() << "UPDATE tender_bidders SET result = :r WHERE id = :id", soci::use(result), soci::use(bidder_id);
  return Status::Ok();
}

Result<int64_t> InsertReferral(Tx& tx, const ReferralRow& r) {
  int64_t id = 0;
  tx.sql() << "INSERT INTO referrals (bidder_id, spoc_organisation_id, reasons, status, outcome, lawful_basis, "
              "schedule1_condition, handling_conditions, released_text, regulation, event_date, valid_until, rationale, "
              "decided_by, decided_at) VALUES (:b, :s, :why, :st, '', '', '', '', '', '', '', '', '', 0, '') RETURNING id",
      soci::use(r.bidder_id), soci::use(r.spoc_organisation_id), soci::use(r.reasons), soci::use(r.status), soci::into(id);
  return id;
}

Result<std::optional<TenderRow>> GetTender(Tx& tx, int64_t id) {
  TenderRow t;
  tx.sql() << std::string(kTenderColumns) + "WHERE t.id = :id", soci::use(id), soci::into(t.id),
      soci::into(t.organisation_id), soci::into(t.buyer), soci::into(t.title), soci::into(t.category),
      soci::into(t.value), soci::into(t.cpv), soci::into(t.created_by), soci::into(t.created_at),
      soci::into(t.organisation_name);
  if (!tx.sql().got_data()) return std::optional<TenderRow>();
  return std::optional<TenderRow>(t);
}

Result<std::vector<TenderRow>> ListTenders(Tx& tx, int64_t organisation_id) {
  TenderRow t;
  soci::statement st =
      (tx.sql().prepare << std::string(kTenderColumns) + "WHERE :o = 0 OR t.organisation_id = :o2 ORDER BY t.id DESC",
       soci::use(organisation_id), soci::use(organisation_id), soci::into(t.id), soci::into(t.organisation_id),
       soci::into(t.buyer), soci::into(t.title), soci::into(t.category), soci::into(t.value), soci::into(t.cpv),
       soci::into(t.created_by), soci::into(t.created_at), soci::into(t.organisation_name));
  st.execute(false);
  std::vector<TenderRow> out;
  while (st.fetch()) out.push_back(t);
  return out;
}

namespace {

// The statement binds `key` by reference: it must outlive the statement.
soci::statement BidderStatement(Tx& tx, const std::string& where, const int64_t& key, BidderRow& b, int64_t& signed_,
                                int64_t& sia) {
  return (tx.sql().prepare << std::string(kBidderColumns) + where, soci::use(key), soci::into(b.id),
          soci::into(b.tender_id), soci::into(b.position), soci::into(b.name), soci::into(b.company_number),
          soci::into(b.address), soci::into(b.postcode), soci::into(signed_), soci::into(b.declaration_date),
          soci::into(sia), soci::into(b.result), soci::into(b.reference), soci::into(b.entity_id), soci::into(b.screened_at));
}

std::vector<BidderRow> Bidders(Tx& tx, const std::string& where, int64_t key) {
  BidderRow b;
  int64_t signed_ = 0, sia = 0;
  soci::statement st = BidderStatement(tx, where, key, b, signed_, sia);
  st.execute(false);
  std::vector<BidderRow> out;
  while (st.fetch()) {
    b.declaration_signed = signed_ != 0;
    b.sia_approved = sia != 0;
    out.push_back(b);
  }
  return out;
}

std::vector<ReferralRow> Referrals(Tx& tx, const std::string& where, int64_t key) {
  ReferralRow r;
  soci::statement st =
      (tx.sql().prepare << std::string(kReferralColumns) + where, soci::use(key), soci::into(r.id),
       soci::into(r.bidder_id), soci::into(r.spoc_organisation_id), soci::into(r.reasons), soci::into(r.status),
       soci::into(r.outcome), soci::into(r.lawful_basis), soci::into(r.schedule1_condition),
       soci::into(r.handling_conditions), soci::into(r.released_text), soci::into(r.regulation),
       soci::into(r.event_date), soci::into(r.valid_until), soci::into(r.rationale), soci::into(r.decided_by),
       soci::into(r.decided_at), soci::into(r.decider));
  st.execute(false);
  std::vector<ReferralRow> out;
  while (st.fetch()) out.push_back(r);
  return out;
}

}  // namespace

Result<std::vector<BidderRow>> BiddersOf(Tx& tx, int64_t tender_id) {
  return Bidders(tx, "WHERE tender_id = :t ORDER BY position, id", tender_id);
}

Result<std::optional<BidderRow>> GetBidder(Tx& tx, int64_t id) {
  auto rows = Bidders(tx, "WHERE id = :id", id);
  if (rows.empty()) return std::optional<BidderRow>();
  return std::optional<BidderRow>(rows.front());
}

Result<std::optional<ReferralRow>> GetReferral(Tx& tx, int64_t id) {
  auto rows = Referrals(tx, "WHERE r.id = :id", id);
  if (rows.empty()) return std::optional<ReferralRow>();
  return std::optional<ReferralRow>(rows.front());
}

Result<std::optional<ReferralRow>> ReferralOfBidder(Tx& tx, int64_t bidder_id) {
  auto rows = Referrals(tx, "WHERE r.bidder_id = :b", bidder_id);
  if (rows.empty()) return std::optional<ReferralRow>();
  return std::optional<ReferralRow>(rows.front());
}

Result<std::vector<ReferralRow>> ReferralsFor(Tx& tx, int64_t spoc_organisation_id) {
  return Referrals(tx, "WHERE r.spoc_organisation_id = :s ORDER BY CASE WHEN r.status = 'open' THEN 0 ELSE 1 END, r.id DESC",
                   spoc_organisation_id);
}

Status DecideReferral(Tx& tx, const ReferralRow& r) {
  tx.sql() << "UPDATE referrals SET status = :st, outcome = :o, lawful_basis = :lb, schedule1_condition = :s1, "
              "handling_conditions = :hc, released_text = :rt, regulation = :reg, event_date = :ed, valid_until = :vu, "
              "rationale = :why, decided_by = :by, decided_at = :at WHERE id = :id",
      soci::use(r.status), soci::use(r.outcome), soci::use(r.lawful_basis), soci::use(r.schedule1_condition),
      soci::use(r.handling_conditions), soci::use(r.released_text), soci::use(r.regulation), soci::use(r.event_date),
      soci::use(r.valid_until), soci::use(r.rationale), soci::use(r.decided_by), soci::use(r.decided_at),
      soci::use(r.id);
  return Status::Ok();
}

Result<std::vector<AwardRow>> AllAwards(Tx& tx) {
  AwardRow a;
  soci::statement st =
      (tx.sql().prepare << "SELECT s.from_entity, se.name, s.to_entity, s.start_date, s.detail, "
                           "COALESCE(b.from_entity, ''), COALESCE(be.name, ''), COALESCE(b.detail, '') "
                           "FROM links s JOIN entities se ON se.id = s.from_entity "
                           "LEFT JOIN links b ON b.to_entity = s.to_entity AND b.type = 'buyer_in' "
                           "LEFT JOIN entities be ON be.id = b.from_entity "
                           "WHERE s.type = 'supplier_to' ORDER BY s.to_entity, s.from_entity",
       soci::into(a.supplier_id), soci::into(a.supplier_name), soci::into(a.process_id), soci::into(a.date),
       soci::into(a.detail), soci::into(a.buyer_id), soci::into(a.buyer_name), soci::into(a.buyer_detail));
  st.execute(false);
  std::vector<AwardRow> out;
  while (st.fetch()) out.push_back(a);
  return out;
}

Result<std::vector<std::string>> EntitiesWithFindings(Tx& tx, const std::vector<std::string>& indicators) {
  std::vector<std::string> out;
  for (const auto& code : indicators) {
    std::string id;
    soci::statement st = (tx.sql().prepare << "SELECT DISTINCT entity_id FROM findings WHERE indicator = :i",
                          soci::use(code), soci::into(id));
    st.execute(false);
    while (st.fetch()) out.push_back(id);
  }
  return out;
}

}  // namespace cairn::storage
