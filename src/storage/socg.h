// SOC group profiles and assessments (migration 0008). All within a lent Tx.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "storage/database.h"

namespace cairn::storage {

struct SocgProfileRow {
  std::string socg_reference;
  int64_t owner_organisation_id = 0;
  std::string crime_types = "[]", notes;  // crime_types: JSON list
  int64_t updated_by = 0;
  std::string updated_at;
};

Result<std::optional<SocgProfileRow>> GetSocgProfile(Tx& tx, const std::string& reference, int64_t owner);
// Inserts or replaces the profile of (reference, owner).
Status UpsertSocgProfile(Tx& tx, const SocgProfileRow& p);

struct SocgAssessmentRow {
  int64_t id = 0;
  std::string socg_reference;
  int64_t owner_organisation_id = 0;
  std::string attributes;  // JSON object
  int64_t harm = 0, likelihood = 0;
  std::string confidence;
  double score = 0;
  std::string band, rationale;
  int64_t assessed_by = 0;
  std::string assessor, assessed_at;  // assessor: the user's display name, filled on reading
};

Result<int64_t> InsertSocgAssessment(Tx& tx, const SocgAssessmentRow& a);
// Newest first.
Result<std::vector<SocgAssessmentRow>> AssessmentsOf(Tx& tx, const std::string& reference, int64_t owner);

}  // namespace cairn::storage
