// Divert and victims' tables (migration 0014). All within a lent Tx.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "storage/database.h"

namespace cairn::storage {

struct DivertCaseRow {
  int64_t id = 0;
  std::string reference, kind, label, age_band, council_area, consent, consent_note;
  int64_t lead_organisation_id = 0;
  std::string status = "open", closed_reason;
  std::string nrm_referred_on, reasonable_grounds, reasonable_grounds_on, conclusive_grounds, conclusive_grounds_on;
  bool nominated_neighbour = false;
  std::string ncc_zone_requested_on;
  int64_t created_by = 0;
  std::string created_at, updated_at;
  std::string lead_organisation;  // filled on reading
};

Result<int64_t> InsertDivertCase(Tx& tx, const DivertCaseRow& c);
Status SetDivertReference(Tx& tx, int64_t id, const std::string& reference);
// Overwrites every field after lead_organisation_id.
Status UpdateDivertCase(Tx& tx, const DivertCaseRow& c);
Result<std::optional<DivertCaseRow>> GetDivertCase(Tx& tx, int64_t id);
// The cases `organisation_id` works, open first, newest first.
Result<std::vector<DivertCaseRow>> DivertCasesOf(Tx& tx, int64_t organisation_id);

Status AddDivertMember(Tx& tx, int64_t case_id, int64_t organisation_id, const std::string& at);
// Organisation ids and names.
Result<std::vector<std::pair<int64_t, std::string>>> DivertMembers(Tx& tx, int64_t case_id);

struct DivertNoteRow {
  int64_t id = 0, case_id = 0;
  std::string at;
  int64_t user_id = 0;
  std::string text, user;  // user: display name, filled on reading
};
Status InsertDivertNote(Tx& tx, const DivertNoteRow& n);
Result<std::vector<DivertNoteRow>> DivertNotes(Tx& tx, int64_t case_id);

}  // namespace cairn::storage
