// What `cairn resolve` works on between reading the store and writing the network.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/extract.h"
#include "storage/network.h"

namespace cairn::engine::internal {

// Every mention read from the store, as the rows that will be written and, beside them, the
// normalised names used only while matching: organisations' normalised name, people's "given
// surname". Kept apart so the names can be freed once matching is done and the rows handed to
// the writer without a copy.
struct Mentions {
  std::vector<storage::MentionRow> rows;
  std::vector<std::string> norm_names;
  size_t size() const { return rows.size(); }
};

// A relation between two mentions, waiting for their entities. Its detail is held as the JSON
// text it will be written as: a parsed object cost some hundreds of bytes more per link, and
// there is one link for every one and a half mentions.
struct PendingLink {
  size_t from, to;  // indices into the mention list
  std::string type, start, end, detail;
  int64_t record_id;
  bool restricted;
  std::optional<int64_t> owner;
};

}  // namespace cairn::engine::internal
