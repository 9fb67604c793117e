#include "storage/intelligence.h"

#include <map>

#include "storage/internal/soci_types.h"

namespace cairn::storage {
namespace {

constexpr const char* kRecordSelect =
    "SELECT r.id, r.record_key, r.payload, r.file, r.line, r.owner_organisation_id, COALESCE(m.entity_id, ''), "
    "COALESCE(e.name, ''), COALESCE(e.kind, '') FROM source_records r "
    "LEFT JOIN mentions m ON m.source_record_id = r.id AND m.role = 'subject' "
    "LEFT JOIN entities e ON e.id = m.entity_id WHERE r.format = 'intelligence_subjects' ";

void BindRecord(soci::statement& st, IntelRecordRow& r) {
  st.exchange(soci::into(r.id));
  st.exchange(soci::into(r.record_key));
  st.exchange(soci::into(r.payload));
  st.exchange(soci::into(r.file));
  st.exchange(soci::into(r.line));
  st.exchange(soci::into(r.owner_organisation_id));
  st.exchange(soci::into(r.entity_id));
  st.exchange(soci::into(r.entity_name));
  st.exchange(soci::into(r.entity_kind));
}

// record id → the latest review's next date.
std::map<int64_t, std::string> LatestReviews(Tx& tx, int64_t owner) {
  int64_t record = 0;
  std::string next;
  soci::statement st = (tx.sql().prepare << "SELECT v.source_record_id, v.next_review_on FROM intel_reviews v JOIN "
                                            "source_records r ON r.id = v.source_record_id WHERE "
                                            "r.owner_organisation_id = :o ORDER BY v.id",
                        soci::use(owner), soci::into(record), soci::into(next));
  st.execute(false);
  std::map<int64_t, std::string> out;
  while (st.fetch()) out[record] = next;
  return out;
}

constexpr const char* kDisclosureSelect =
    "SELECT d.id, d.source_record_id, d.from_organisation_id, d.to_organisation_id, d.disclosed_by, f.name, t.name, "
    "d.released_text, d.lawful_basis, d.schedule1_condition, d.handling_conditions, d.disclosed_at FROM disclosures d "
    "JOIN organisations f ON f.id = d.from_organisation_id JOIN organisations t ON t.id = d.to_organisation_id ";

Result<std::vector<DisclosureRow>> Disclosures(Tx& tx, const std::string& where, int64_t value) {
  DisclosureRow d;
  soci::statement st = (tx.sql().prepare << std::string(kDisclosureSelect) + where + " ORDER BY d.id DESC",
                        soci::use(value), soci::into(d.id), soci::into(d.source_record_id),
                        soci::into(d.from_organisation_id), soci::into(d.to_organisation_id), soci::into(d.disclosed_by),
                        soci::into(d.from_organisation), soci::into(d.to_organisation), soci::into(d.released_text),
                        soci::into(d.lawful_basis), soci::into(d.schedule1_condition), soci::into(d.handling_conditions),
                        soci::into(d.disclosed_at));
  st.execute(false);
  std::vector<DisclosureRow> out;
  while (st.fetch()) out.push_back(d);
  return out;
}

}  // namespace

Result<std::vector<int64_t>> IntelOwners(Tx& tx) {
  int64_t owner = 0;
  soci::statement st = (tx.sql().prepare << "SELECT DISTINCT owner_organisation_id FROM source_records WHERE format = "
                                             "'intelligence_subjects' AND owner_organisation_id IS NOT NULL ORDER BY 1",
                        soci::into(owner));
  st.execute(false);
  std::vector<int64_t> out;
  while (st.fetch()) out.push_back(owner);
  return out;
}

Result<std::vector<IntelRecordRow>> IntelRecordsOf(Tx& tx, int64_t owner) {
  auto reviews = LatestReviews(tx, owner);
  IntelRecordRow r;
  soci::statement st(tx.sql());
  BindRecord(st, r);
  st.exchange(soci::use(owner));
  internal::Execute(st, std::string(kRecordSelect) + "AND r.owner_organisation_id = :o ORDER BY r.id");
  std::vector<IntelRecordRow> out;
  while (st.fetch()) {
    if (!out.empty() && out.back().id == r.id) continue;  // one subject mention per record
    out.push_back(r);
    auto it = reviews.find(r.id);
    out.back().next_review_on = it == reviews.end() ? "" : it->second;
  }
  return out;
}

Result<std::optional<IntelRecordRow>> GetIntelRecord(Tx& tx, int64_t id) {
  IntelRecordRow r;
  soci::statement st(tx.sql());
  BindRecord(st, r);
  st.exchange(soci::use(id));
  internal::Execute(st, std::string(kRecordSelect) + "AND r.id = :id");
  if (!st.fetch()) return std::optional<IntelRecordRow>();
  CAIRN_ASSIGN_OR_RETURN(auto reviews, ReviewsOf(tx, id));
  if (!reviews.empty()) r.next_review_on = reviews.front().next_review_on;
  return std::optional<IntelRecordRow>(r);
}

Result<int64_t> InsertIntelReview(Tx& tx, const IntelReviewRow& r) {
  int64_t id = 0;
  tx.sql() << "INSERT INTO intel_reviews (source_record_id, reviewed_by, reviewed_at, next_review_on, note) VALUES "
              "(:r, :by, :at, :next, :note) RETURNING id",
      soci::use(r.source_record_id), soci::use(r.reviewed_by), soci::use(r.reviewed_at), soci::use(r.next_review_on),
      soci::use(r.note), soci::into(id);
  return id;
}

Result<std::vector<IntelReviewRow>> ReviewsOf(Tx& tx, int64_t source_record_id) {
  IntelReviewRow r;
  soci::statement st = (tx.sql().prepare << "SELECT v.id, v.source_record_id, v.reviewed_by, u.display_name, "
                                            "v.reviewed_at, v.next_review_on, v.note FROM intel_reviews v JOIN users u "
                                            "ON u.id = v.reviewed_by WHERE v.source_record_id = :r ORDER BY v.id DESC",
                        soci::use(source_record_id), soci::into(r.id), soci::into(r.source_record_id),
                        soci::into(r.reviewed_by), soci::into(r.reviewer), soci::into(r.reviewed_at),
                        soci::into(r.next_review_on), soci::into(r.note));
  st.execute(false);
  std::vector<IntelReviewRow> out;
  while (st.fetch()) out.push_back(r);
  return out;
}

Result<int64_t> InsertDisclosure(Tx& tx, const DisclosureRow& d) {
  int64_t id = 0;
  tx.sql() << "INSERT INTO disclosures (source_record_id, from_organisation_id, to_organisation_id, released_text, "
              "lawful_basis, schedule1_condition, handling_conditions, disclosed_by, disclosed_at) VALUES (:r, :f, :t, "
              ":text, :basis, :cond, :handling, :by, :at) RETURNING id",
      soci::use(d.source_record_id), soci::use(d.from_organisation_id), soci::use(d.to_organisation_id),
      soci::use(d.released_text), soci::use(d.lawful_basis), soci::use(d.schedule1_condition),
      soci::use(d.handling_conditions), soci::use(d.disclosed_by), soci::use(d.disclosed_at), soci::into(id);
  return id;
}

Result<std::vector<DisclosureRow>> DisclosuresOfRecord(Tx& tx, int64_t source_record_id) {
  return Disclosures(tx, "WHERE d.source_record_id = :v", source_record_id);
}

Result<std::vector<DisclosureRow>> DisclosuresTo(Tx& tx, int64_t organisation_id) {
  return Disclosures(tx, "WHERE d.to_organisation_id = :v", organisation_id);
}

Result<std::vector<DisclosureRow>> DisclosuresFrom(Tx& tx, int64_t organisation_id) {
  return Disclosures(tx, "WHERE d.from_organisation_id = :v", organisation_id);
}

}  // namespace cairn::storage
