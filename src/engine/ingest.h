// `cairn ingest`: reads source files in their published formats into the store.
//
// Each file is streamed (never held in memory whole), parsed row by row, and written in
// batches, one transaction per batch. Every stored record keeps its provenance (file, line).
// Re-ingesting the same file changes nothing: a record whose content is unchanged is counted
// as unchanged and not written. Rows that cannot be loaded go to the reject report (the
// ingest_rejects table and the returned list) with file, line and reason, while the good rows
// load. One audit entry records each file's ingest and its counts.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/env.h"
#include "common/status.h"
#include "model/actor.h"

namespace cairn::engine {

// Formats `cairn ingest` reads. (More arrive with the Detect issue's later parts.)
inline constexpr const char* kIngestFormats[] = {"companies_house_companies", "companies_house_psc",
                                                 "companies_house_officers", "licences", "inspections",
                                                 "intelligence_subjects", "ocds", "ftm"};

// The format of the file at `path`, from its first line. InvalidArgument if unrecognised.
Result<std::string> DetectFormat(const std::string& path);

struct IngestReport {
  std::string path, format;
  int64_t read = 0, loaded = 0, unchanged = 0, rejected = 0;
  std::vector<std::string> rejects;  // "file line N: reason", the first 1,000
  // This ingest finished one of the same file that was interrupted: rows the interrupted run
  // stored count as unchanged.
  bool resumed = false;
};

struct IngestOptions {
  std::string format;     // empty: detect
  // The organisation that owns the records. Required for restricted formats (intelligence
  // subjects), whose records only that organisation's permitted roles may see.
  std::optional<int64_t> owner_organisation_id;
  // Cairn's own CSV formats: canonical column name → the file's column name.
  std::map<std::string, std::string> column_mapping;
  size_t batch_rows = 5000;
  // Called now and then with bytes read so far and the file size, for a progress bar.
  std::function<void(uint64_t done, uint64_t total)> progress;
};

Result<IngestReport> IngestFile(const app::Env& env, const model::Actor& actor, const std::string& path,
                                const IngestOptions& options);

}  // namespace cairn::engine
