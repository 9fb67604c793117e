// Intelligence records (source records of format intelligence_subjects), their reviews and
// disclosures (migration 0007). All within a lent Tx; who may see what is decided above.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "storage/database.h"

namespace cairn::storage {

struct IntelRecordRow {
  int64_t id = 0;
  std::string record_key, payload, file;
  int64_t line = 0;
  std::optional<int64_t> owner_organisation_id;
  std::string entity_id, entity_name, entity_kind;  // the resolved subject; "" before resolution
  std::string next_review_on;                        // the latest review's, "" if never reviewed
};

// Every intelligence record owned by `owner`, in id order.
Result<std::vector<IntelRecordRow>> IntelRecordsOf(Tx& tx, int64_t owner);
// Every organisation that holds intelligence records.
Result<std::vector<int64_t>> IntelOwners(Tx& tx);
Result<std::optional<IntelRecordRow>> GetIntelRecord(Tx& tx, int64_t id);

struct IntelReviewRow {
  int64_t id = 0, source_record_id = 0, reviewed_by = 0;
  std::string reviewer, reviewed_at, next_review_on, note;
};
Result<int64_t> InsertIntelReview(Tx& tx, const IntelReviewRow& r);
// Newest first.
Result<std::vector<IntelReviewRow>> ReviewsOf(Tx& tx, int64_t source_record_id);

struct DisclosureRow {
  int64_t id = 0, source_record_id = 0, from_organisation_id = 0, to_organisation_id = 0, disclosed_by = 0;
  std::string from_organisation, to_organisation;  // names, filled on reading
  std::string released_text, lawful_basis, schedule1_condition, handling_conditions, disclosed_at;
};
Result<int64_t> InsertDisclosure(Tx& tx, const DisclosureRow& d);
// Newest first: of one record; or to / from one organisation.
Result<std::vector<DisclosureRow>> DisclosuresOfRecord(Tx& tx, int64_t source_record_id);
Result<std::vector<DisclosureRow>> DisclosuresTo(Tx& tx, int64_t organisation_id);
Result<std::vector<DisclosureRow>> DisclosuresFrom(Tx& tx, int64_t organisation_id);

}  // namespace cairn::storage
