// What `cairn resolve` works on between reading the store and writing the network.
#pragma once

#include <optional>
#include <string>

#include "engine/extract.h"
#include "storage/network.h"

namespace cairn::engine::internal {

struct Pending {
  storage::MentionRow row;
  std::string norm_name;  // organisations: normalised name; people: "given surname"
};

struct PendingLink {
  size_t from, to;  // indices into the mention list
  Relation relation;
  int64_t record_id;
  bool restricted;
  std::optional<int64_t> owner;
};

}  // namespace cairn::engine::internal
