// Findings and entity risk (migration 0006), written by `cairn detect` and decided on by
// analysts. All within a lent Tx. Who may see a restricted row is decided above this layer;
// queries take the viewer's reach as a parameter so limits and counts stay right.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "storage/database.h"

namespace cairn::storage {

struct FindingRow {
  int64_t id = 0;
  std::string finding_key, indicator, entity_id, entity_kind, entity_name, postcode_area, sic_codes;
  double score = 0;
  std::string summary, evidence, evidence_hash;  // evidence: JSON list
  bool restricted = false;
  std::optional<int64_t> owner_organisation_id;
  std::string status = "open";  // open, dismissed, confirmed
  std::string decision_reason;
  std::optional<int64_t> decided_by;
  std::string decided_at, decided_evidence_hash, first_detected_at, detected_at;
};

struct FindingWriteStats {
  int64_t inserted = 0, updated = 0, reopened = 0, deleted = 0, unchanged = 0;
};

// Makes the stored findings exactly `rows` (matched on finding_key), writing only what changed.
// `stored` is what the store holds now (AllFindings, read in the same transaction). Decisions
// are kept; a dismissed finding whose evidence_hash no longer equals the hash it was dismissed
// on is reopened. `rows`' status and decision fields are ignored.
Status ReplaceFindings(Tx& tx, const std::vector<FindingRow>& rows, const std::vector<FindingRow>& stored,
                       const std::string& now, FindingWriteStats* stats);

// What a viewer may see: public rows, plus restricted rows of `restricted_owner` (nullopt: none),
// or every row when `all_restricted`.
struct Reach {
  std::optional<int64_t> restricted_owner;
  bool all_restricted = false;
};

struct FindingQuery {
  std::string indicator, entity_id, status, postcode_area, sic_code;  // "" = any
  double min_score = 0;
  int limit = 100, offset = 0;
};

// Highest score first, then id.
Result<std::vector<FindingRow>> QueryFindings(Tx& tx, const FindingQuery& q, const Reach& reach);
Result<int64_t> CountFindings(Tx& tx, const FindingQuery& q, const Reach& reach);
Result<std::optional<FindingRow>> GetFinding(Tx& tx, int64_t id);
// Every finding, in id order (for detection to carry decisions across runs).
Result<std::vector<FindingRow>> AllFindings(Tx& tx);

// Sets status, reason, who and when, and the evidence hash the decision was made on.
Status DecideFinding(Tx& tx, int64_t id, const std::string& status, const std::string& reason, int64_t user,
                     const std::string& at, const std::string& evidence_hash);

// Organisations with a live (not dismissed) finding other than `except_indicator`, within reach:
// (entity id, its SIC codes), each entity once.
Result<std::vector<std::pair<std::string, std::string>>> FlaggedOrganisations(Tx& tx, const Reach& reach,
                                                                              const std::string& except_indicator);

struct RiskRow {
  std::string entity_id, entity_kind, entity_name;
  bool restricted = false;
  std::optional<int64_t> owner_organisation_id;
  double own_score = 0, neighbour_score = 0, risk = 0;
  int64_t findings = 0;
};

// Replaces every entity_risk row.
Status ReplaceRisk(Tx& tx, const std::vector<RiskRow>& rows);
// The rows of one entity the reach allows (at most one public and one restricted).
Result<std::vector<RiskRow>> RiskOf(Tx& tx, const std::string& entity_id, const Reach& reach);
// Entities of `kind` ("" = any) by risk, highest first; with restricted rows in reach taking the
// place of the public row of the same entity.
Result<std::vector<RiskRow>> TopRisk(Tx& tx, const std::string& kind, const Reach& reach, int limit);

}  // namespace cairn::storage
