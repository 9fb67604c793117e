// What a format parser produces from one input row: the source's own key for the record and
// the record as JSON. Provenance (file, line) is added by whoever reads the file.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace cairn::ingest {

struct SourceRecord {
  std::string key;
  nlohmann::json payload;
};

}  // namespace cairn::ingest
