// Guidance pages (migration 0020). All within a lent Tx.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "storage/database.h"

namespace cairn::storage {

struct GuidanceRow {
  int64_t id = 0;
  std::string slug, title, summary;
  std::string audiences, sectors, indicators, crime_types;  // comma-separated codes
  bool is_public = false;
  std::string review_on, body;
  int64_t version = 0, updated_by = 0;
  std::string updated_at;
};

// Ordered by title.
Result<std::vector<GuidanceRow>> ListGuidance(Tx& tx);
Result<std::optional<GuidanceRow>> FindGuidance(Tx& tx, const std::string& slug);
// Inserts (id 0) or overwrites the page, and keeps its content as version `g.version`.
Result<int64_t> PutGuidance(Tx& tx, const GuidanceRow& g);

}  // namespace cairn::storage
