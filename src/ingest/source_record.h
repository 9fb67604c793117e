// What a format parser produces from one input row: the source's own key for the record and
// the record as compact JSON text. Provenance (file, line) is added by whoever reads the file.
#pragma once

#include <string>

namespace cairn::ingest {

struct SourceRecord {
  std::string key;
  std::string payload;       // JSON
  std::string content_hash = {};  // SHA-256 of payload in hex, when the reader computed it already
};

}  // namespace cairn::ingest
