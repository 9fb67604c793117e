// Rapid support's tables (migration 0016), and the per-area counts the ranking needs. All within
// a lent Tx.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "storage/database.h"

namespace cairn::storage {

struct RapidSupportRow {
  int64_t council_organisation_id = 0;
  std::string reason, plan, status = "active";
  int64_t designated_by = 0;
  std::string designated_at, updated_at;
};

Result<std::vector<RapidSupportRow>> ListRapidSupport(Tx& tx);
Result<std::optional<RapidSupportRow>> GetRapidSupport(Tx& tx, int64_t council_organisation_id);
// Inserts, or updates reason, plan, status and updated_at.
Status PutRapidSupport(Tx& tx, const RapidSupportRow& r);
Status AddRapidSupportMember(Tx& tx, int64_t council_organisation_id, int64_t organisation_id, const std::string& at);
Result<std::vector<std::pair<int64_t, std::string>>> RapidSupportMembers(Tx& tx, int64_t council_organisation_id);

// The records of format `format` (the licence register's) that mention an organisation with a
// finding not dismissed and not restricted: (entity id, payload JSON) pairs.
Result<std::vector<std::pair<std::string, std::string>>> RecordsOfFlaggedOrganisations(Tx& tx, const std::string& format);
// Open Divert cases per council area, as written on the cases.
Result<std::map<std::string, int64_t>> OpenDivertCasesByArea(Tx& tx);
// Tasks neither done nor declined per council area, as written on the tasks.
Result<std::map<std::string, int64_t>> OpenTasksByArea(Tx& tx);

}  // namespace cairn::storage
