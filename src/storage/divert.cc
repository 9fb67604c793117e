#include "storage/divert.h"

#include <soci/soci.h>

#include "common/crypto.h"

namespace cairn::storage {
namespace {

constexpr char kColumns[] =
    "SELECT c.id, c.reference, c.kind, c.label, c.age_band, c.council_area, c.consent, c.consent_note, "
    "c.lead_organisation_id, c.status, c.closed_reason, c.nrm_referred_on, c.reasonable_grounds, c.reasonable_grounds_on, "
    "c.conclusive_grounds, c.conclusive_grounds_on, c.nominated_neighbour, c.ncc_zone_requested_on, c.created_by, "
    "c.created_at, c.updated_at, o.name FROM divert_cases c JOIN organisations o ON o.id = c.lead_organisation_id ";

soci::statement Select(Tx& tx, const std::string& where, int64_t& key, DivertCaseRow& c, int64_t& neighbour) {
  return (tx.sql().prepare << std::string(kColumns) + where, soci::use(key), soci::into(c.id), soci::into(c.reference),
          soci::into(c.kind), soci::into(c.label), soci::into(c.age_band), soci::into(c.council_area),
          soci::into(c.consent), soci::into(c.consent_note), soci::into(c.lead_organisation_id), soci::into(c.status),
          soci::into(c.closed_reason), soci::into(c.nrm_referred_on), soci::into(c.reasonable_grounds),
          soci::into(c.reasonable_grounds_on), soci::into(c.conclusive_grounds), soci::into(c.conclusive_grounds_on),
          soci::into(neighbour), soci::into(c.ncc_zone_requested_on), soci::into(c.created_by), soci::into(c.created_at),
          soci::into(c.updated_at), soci::into(c.lead_organisation));
}

}  // namespace

Result<int64_t> InsertDivertCase(Tx& tx, const DivertCaseRow& c) {
  int64_t id = 0, neighbour = c.nominated_neighbour;
  std::string pending = "pending-" + RandomToken();  // unique until the reference, made from the id, replaces it
  tx.sql() << "INSERT INTO divert_cases (reference, kind, label, age_band, council_area, consent, consent_note, "
              "lead_organisation_id, status, closed_reason, nrm_referred_on, reasonable_grounds, reasonable_grounds_on, "
              "conclusive_grounds, conclusive_grounds_on, nominated_neighbour, ncc_zone_requested_on, created_by, "
              "created_at, updated_at) VALUES (:r, :k, :l, :a, :ca, :co, :cn, :lead, :st, :cr, :nrm, :rg, :rgo, :cg, "
              ":cgo, :nn, :ncc, :by, :c, :u) RETURNING id",
      soci::use(pending), soci::use(c.kind), soci::use(c.label), soci::use(c.age_band), soci::use(c.council_area),
      soci::use(c.consent), soci::use(c.consent_note), soci::use(c.lead_organisation_id), soci::use(c.status),
      soci::use(c.closed_reason), soci::use(c.nrm_referred_on), soci::use(c.reasonable_grounds),
      soci::use(c.reasonable_grounds_on), soci::use(c.conclusive_grounds), soci::use(c.conclusive_grounds_on),
      soci::use(neighbour), soci::use(c.ncc_zone_requested_on), soci::use(c.created_by), soci::use(c.created_at),
      soci::use(c.updated_at), soci::into(id);
  return id;
}

Status SetDivertReference(Tx& tx, int64_t id, const std::string& reference) {
  tx.sql() << "UPDATE divert_cases SET reference = :r WHERE id = :id", soci::use(reference), soci::use(id);
  return Status::Ok();
}

Status UpdateDivertCase(Tx& tx, const DivertCaseRow& c) {
  int64_t neighbour = c.nominated_neighbour;
  tx.sql() << "UPDATE divert_cases SET status = :st, closed_reason = :cr, nrm_referred_on = :nrm, "
              "reasonable_grounds = :rg, reasonable_grounds_on = :rgo, conclusive_grounds = :cg, "
              "conclusive_grounds_on = :cgo, nominated_neighbour = :nn, ncc_zone_requested_on = :ncc, "
              "consent = :co, consent_note = :cn, updated_at = :u WHERE id = :id",
      soci::use(c.status), soci::use(c.closed_reason), soci::use(c.nrm_referred_on), soci::use(c.reasonable_grounds),
      soci::use(c.reasonable_grounds_on), soci::use(c.conclusive_grounds), soci::use(c.conclusive_grounds_on),
      soci::use(neighbour), soci::use(c.ncc_zone_requested_on), soci::use(c.consent), soci::use(c.consent_note),
      soci::use(c.updated_at), soci::use(c.id);
  return Status::Ok();
}

Result<std::optional<DivertCaseRow>> GetDivertCase(Tx& tx, int64_t id) {
  DivertCaseRow c;
  int64_t neighbour = 0;
  soci::statement st = Select(tx, "WHERE c.id = :id", id, c, neighbour);
  st.execute(false);
  if (!st.fetch()) return std::optional<DivertCaseRow>();
  c.nominated_neighbour = neighbour != 0;
  return std::optional<DivertCaseRow>(c);
}

Result<std::vector<DivertCaseRow>> DivertCasesOf(Tx& tx, int64_t organisation_id) {
  DivertCaseRow c;
  int64_t neighbour = 0;
  soci::statement st = Select(tx,
                              "WHERE c.id IN (SELECT case_id FROM divert_case_members WHERE organisation_id = :o) "
                              "ORDER BY c.status DESC, c.id DESC",
                              organisation_id, c, neighbour);
  st.execute(false);
  std::vector<DivertCaseRow> out;
  while (st.fetch()) {
    c.nominated_neighbour = neighbour != 0;
    out.push_back(c);
  }
  return out;
}

Status AddDivertMember(Tx& tx, int64_t case_id, int64_t organisation_id, const std::string& at) {
  int64_t n = 0;
  tx.sql() << "SELECT COUNT(*) FROM divert_case_members WHERE case_id = :c AND organisation_id = :o", soci::use(case_id),
      soci::use(organisation_id), soci::into(n);
  if (n > 0) return Status::Ok();
  tx.sql() << "INSERT INTO divert_case_members (case_id, organisation_id, added_at) VALUES (:c, :o, :at)",
      soci::use(case_id), soci::use(organisation_id), soci::use(at);
  return Status::Ok();
}

Result<std::vector<std::pair<int64_t, std::string>>> DivertMembers(Tx& tx, int64_t case_id) {
  int64_t id = 0;
  std::string name;
  soci::statement st = (tx.sql().prepare << "SELECT o.id, o.name FROM divert_case_members m JOIN organisations o ON "
                                             "o.id = m.organisation_id WHERE m.case_id = :c ORDER BY o.name",
                        soci::use(case_id), soci::into(id), soci::into(name));
  st.execute(false);
  std::vector<std::pair<int64_t, std::string>> out;
  while (st.fetch()) out.emplace_back(id, name);
  return out;
}

Status InsertDivertNote(Tx& tx, const DivertNoteRow& n) {
  tx.sql() << "INSERT INTO divert_notes (case_id, at, user_id, text) VALUES (:c, :at, :u, :t)", soci::use(n.case_id),
      soci::use(n.at), soci::use(n.user_id), soci::use(n.text);
  return Status::Ok();
}

Result<std::vector<DivertNoteRow>> DivertNotes(Tx& tx, int64_t case_id) {
  DivertNoteRow n;
  soci::statement st = (tx.sql().prepare << "SELECT d.id, d.case_id, d.at, d.user_id, d.text, u.display_name FROM "
                                             "divert_notes d JOIN users u ON u.id = d.user_id WHERE d.case_id = :c "
                                             "ORDER BY d.id",
                        soci::use(case_id), soci::into(n.id), soci::into(n.case_id), soci::into(n.at),
                        soci::into(n.user_id), soci::into(n.text), soci::into(n.user));
  st.execute(false);
  std::vector<DivertNoteRow> out;
  while (st.fetch()) out.push_back(n);
  return out;
}

}  // namespace cairn::storage
