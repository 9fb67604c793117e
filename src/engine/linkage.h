// Generic record linkage over any CSV file: `cairn dedupe` and `cairn link`.
//
// The caller says which columns play which role ("surname=surname",
// "address=street_number+address_1+address_2"); records are normalised by role, blocked,
// compared, scored by a Fellegi–Sunter model trained on the data itself (resolve/model.h),
// and clustered (dedupe) or paired (link).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/status.h"
#include "resolve/blocking.h"
#include "resolve/model.h"
#include "resolve/record.h"

namespace cairn::engine {

struct FieldSpec {
  resolve::Role role;
  std::vector<std::string> columns;  // joined with a space when more than one
};

// Parses "ROLE=COL[+COL...]"; InvalidArgument naming an unknown role or an empty column.
Result<FieldSpec> ParseFieldSpec(const std::string& text);

struct LinkageOptions {
  double threshold = 0.9;  // match probability at or above which a pair is a match
  size_t max_block = 1000;
  resolve::Neighbourhood neighbourhood;  // deduplication only; none by default
  resolve::TrainingOptions training;
};

// Records and, beside them rather than in them, their ids: the people `cairn resolve` links
// need none, and 32 bytes each of 16 million is half a gigabyte.
struct LoadedRecords {
  std::vector<resolve::Record> records;
  std::vector<std::string> ids;      // per record
  std::vector<std::string> rejects;  // "file line N: why"
};

// Reads `path`, taking the id from column `id_column` and each field from its columns.
// Rows that cannot be parsed or have the wrong number of columns are rejected, not fatal.
Result<LoadedRecords> LoadRecords(const std::string& path, const std::string& id_column,
                                  const std::vector<FieldSpec>& fields);

struct StageTime {
  std::string stage;
  double seconds = 0;
  int64_t resident_bytes = 0, peak_resident_bytes = 0;  // at the end of the stage; 0 where not measured
};

struct LinkageStats {
  uint64_t records = 0;          // both sides for link
  uint64_t candidate_pairs = 0;  // pairs compared after blocking
  uint64_t matched_pairs = 0;    // pairs at or above the threshold
  uint64_t skipped_blocks = 0;
  int em_iterations = 0;
  double prior = 0;
  std::vector<StageTime> stages;  // blocking, comparing, training, scoring
};

struct DedupeResult {
  std::vector<std::string> ids;
  std::vector<std::string> cluster_ids;  // per record: the smallest id in its cluster
  LinkageStats stats;
};

struct LinkedPair {
  std::string left_id, right_id;
  double probability = 0;
};

struct LinkResult {
  std::vector<LinkedPair> pairs;  // at or above the threshold, by descending probability
  LinkageStats stats;
};

// The candidate pairs among `records` (a < b) whose match probability reaches the threshold,
// each with its probability, and the model trained on every candidate pair, which can explain
// any pair (stats.candidate_pairs counts them all). The step Dedupe and Link share; `cairn
// resolve` uses it for people. Its stages: blocking (keys and blocks), comparing (every
// candidate, counting agreement patterns), training, and then the caller's, which includes
// scoring every candidate again.
struct ScoredPairs {
  std::vector<resolve::CandidatePair> pairs;  // at or above the threshold, in the order blocking gives them
  std::vector<double> probability;            // per pair
  resolve::Model model;
  LinkageStats stats;
};
ScoredPairs ScoreDedupe(const std::vector<resolve::Record>& records, const std::vector<resolve::Role>& roles,
                        const LinkageOptions& options);

DedupeResult Dedupe(const LoadedRecords& in, const std::vector<FieldSpec>& fields,
                    const LinkageOptions& options);
LinkResult Link(const LoadedRecords& left, const LoadedRecords& right, const std::vector<FieldSpec>& fields,
                const LinkageOptions& options);

}  // namespace cairn::engine
