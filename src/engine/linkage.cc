#include "engine/linkage.h"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <optional>
#include <stdexcept>

#include "engine/internal/stopwatch.h"
#include "ingest/csv.h"
#include "resolve/blocking.h"
#include "resolve/cluster.h"

namespace cairn::engine {
namespace {

using internal::Stopwatch;

std::vector<resolve::Role> RolesOf(const std::vector<FieldSpec>& fields) {
  std::vector<resolve::Role> roles;
  for (const auto& f : fields) roles.push_back(f.role);
  return roles;
}

}  // namespace

Result<FieldSpec> ParseFieldSpec(const std::string& text) {
  size_t eq = text.find('=');
  if (eq == std::string::npos) return InvalidArgument("--field wants ROLE=COLUMN[+COLUMN...], got '" + text + "'");
  auto role = resolve::ParseRole(ingest::Trim(text.substr(0, eq)));
  if (!role) {
    std::string all;
    for (size_t i = 0; i < resolve::kRoleCount; ++i) all += (i ? ", " : "") + std::string(resolve::RoleName(resolve::Role(i)));
    return InvalidArgument("unknown role '" + text.substr(0, eq) + "' (roles: " + all + ")");
  }
  FieldSpec spec{*role, {}};
  std::string cols = text.substr(eq + 1);
  for (size_t start = 0; start <= cols.size();) {
    size_t plus = cols.find('+', start);
    std::string col = ingest::Trim(cols.substr(start, plus == std::string::npos ? std::string::npos : plus - start));
    if (col.empty()) return InvalidArgument("empty column name in --field '" + text + "'");
    spec.columns.push_back(col);
    if (plus == std::string::npos) break;
    start = plus + 1;
  }
  return spec;
}

Result<LoadedRecords> LoadRecords(const std::string& path, const std::string& id_column,
                                  const std::vector<FieldSpec>& fields) {
  std::ifstream in(path);
  if (!in) return InvalidArgument("cannot read " + path);
  ingest::CsvReader reader(in, path);
  ingest::CsvRow row;
  std::string error;
  LoadedRecords out;
  // The header: the first row that parses.
  ingest::CsvHeader header;
  for (;;) {
    auto next = reader.Read(&row, &error);
    if (next == ingest::CsvReader::Next::kEnd) return InvalidArgument(path + " is empty: no header row");
    if (next == ingest::CsvReader::Next::kRow) break;
    out.rejects.push_back(error);
  }
  header = ingest::CsvHeader(row.fields);
  CAIRN_ASSIGN_OR_RETURN(size_t id_index, header.Index(id_column));
  std::vector<std::vector<size_t>> columns;
  for (const auto& f : fields) {
    std::vector<size_t> idx;
    for (const auto& c : f.columns) {
      auto i = header.Index(c);
      if (!i.ok()) return InvalidArgument(path + ": " + i.status().message());
      idx.push_back(*i);
    }
    columns.push_back(idx);
  }
  for (;;) {
    auto next = reader.Read(&row, &error);
    if (next == ingest::CsvReader::Next::kEnd) break;
    if (next == ingest::CsvReader::Next::kBad) {
      out.rejects.push_back(error);
      continue;
    }
    if (row.fields.size() != header.size()) {
      out.rejects.push_back(path + " line " + std::to_string(row.line) + ": " + std::to_string(row.fields.size()) +
                            " columns where the header has " + std::to_string(header.size()));
      continue;
    }
    resolve::Record r;
    try {
      for (size_t f = 0; f < fields.size(); ++f) {
        std::string joined;
        for (size_t i : columns[f]) {
          std::string v = ingest::Trim(row.fields[i]);
          if (!v.empty()) joined += (joined.empty() ? "" : " ") + v;
        }
        r.Set(fields[f].role, resolve::NormaliseForRole(fields[f].role, joined));
      }
    } catch (const std::length_error&) {
      out.rejects.push_back(path + " line " + std::to_string(row.line) + ": the fields come to more than " +
                            std::to_string(resolve::Record::kMaxBytes) + " bytes");
      continue;
    }
    out.records.push_back(std::move(r));
    out.ids.push_back(ingest::Trim(row.fields[id_index]));
  }
  return out;
}

namespace {

// Candidate pairs are compared and scored this many at a time.
constexpr size_t kBatch = 1 << 20;

// Blocking, comparison, training and scoring, shared by Dedupe and Link: the pairs whose match
// probability reaches the threshold. `a` and `b` are the same vector for deduplication.
// The candidates are passed over twice, a batch at a time: once to compare them, count their
// agreement patterns for training and keep each pair's levels as a code of a few bytes, and once
// to score them from those codes with the trained model. Only the pairs that match are held: a
// national register's people give some 300 million candidate pairs, which held with their
// levels took 14 bytes each (over 4 GB) for the few million that matched; their codes take 2.
ScoredPairs ScorePairs(const std::vector<resolve::Record>& a, const std::vector<resolve::Record>& b,
                       const std::vector<resolve::Role>& roles, const LinkageOptions& options, Stopwatch& watch) {
  const bool dedupe = &a == &b;
  auto comparisons = resolve::ComparisonsFor(roles);
  auto rules = resolve::RulesFor(roles);
  std::optional<resolve::Blocker> blocker;
  if (dedupe) blocker.emplace(a, rules, options.max_block, options.neighbourhood);
  else blocker.emplace(a, b, rules, options.max_block);
  watch.Lap("blocking");
  resolve::PatternCodes codes(comparisons);
  const resolve::BlockingStats blocking = blocker->ForEachBatch(
      kBatch, [&](const auto& pairs) { codes.Add(resolve::Model::Compare(comparisons, a, b, pairs)); });
  watch.Lap("comparing");
  ScoredPairs out;
  out.model = resolve::Model::Train(comparisons, a, b, rules, codes.patterns(), options.training);
  watch.Lap("training");
  size_t batch = 0;
  std::vector<double> probability;
  blocker->ForEachBatch(kBatch, [&](const std::vector<resolve::CandidatePair>& pairs) {
    probability.assign(pairs.size(), 0);
    tbb::parallel_for(tbb::blocked_range<size_t>(0, pairs.size(), 4096), [&](const tbb::blocked_range<size_t>& r) {
      std::vector<uint8_t> levels(comparisons.size());
      for (size_t p = r.begin(); p != r.end(); ++p) {
        codes.Levels(batch, p, levels.data());
        probability[p] =
            resolve::Model::Probability(out.model.Weight(levels.data(), a[pairs[p].a], b[pairs[p].b]));
      }
    });
    for (size_t p = 0; p < pairs.size(); ++p) {
      if (probability[p] < options.threshold) continue;
      out.pairs.push_back(pairs[p]);
      out.probability.push_back(probability[p]);
    }
    ++batch;
  });
  out.stats = {a.size() + (dedupe ? 0 : b.size()), blocking.pairs, 0, blocking.skipped_blocks,
               out.model.iterations(), out.model.prior(), {}};
  return out;
}

}  // namespace

DedupeResult Dedupe(const LoadedRecords& in, const std::vector<FieldSpec>& fields,
                    const LinkageOptions& options) {
  const std::vector<resolve::Record>& records = in.records;
  std::vector<StageTime> stages;
  Stopwatch watch(&stages);
  ScoredPairs scored = ScorePairs(records, records, RolesOf(fields), options, watch);
  DedupeResult out;
  out.stats = scored.stats;
  resolve::DisjointSets sets(records.size());
  for (size_t p = 0; p < scored.pairs.size(); ++p) {
    if (scored.probability[p] < options.threshold) continue;
    sets.Union(scored.pairs[p].a, scored.pairs[p].b);
    ++out.stats.matched_pairs;
  }
  // A cluster is named by its smallest id, so the same data gives the same names.
  std::map<uint32_t, std::string> name;
  for (uint32_t i = 0; i < records.size(); ++i) {
    auto [it, fresh] = name.emplace(sets.Find(i), in.ids[i]);
    if (!fresh && in.ids[i] < it->second) it->second = in.ids[i];
  }
  for (uint32_t i = 0; i < records.size(); ++i) {
    out.ids.push_back(in.ids[i]);
    out.cluster_ids.push_back(name[sets.Find(i)]);
  }
  watch.Lap("scoring and clustering");
  out.stats.stages = std::move(stages);
  return out;
}

ScoredPairs ScoreDedupe(const std::vector<resolve::Record>& records, const std::vector<resolve::Role>& roles,
                        const LinkageOptions& options) {
  std::vector<StageTime> stages;
  Stopwatch watch(&stages);
  ScoredPairs out = ScorePairs(records, records, roles, options, watch);
  watch.Lap("scoring");
  out.stats.stages = std::move(stages);
  return out;
}

LinkResult Link(const LoadedRecords& left, const LoadedRecords& right, const std::vector<FieldSpec>& fields,
                const LinkageOptions& options) {
  std::vector<StageTime> stages;
  Stopwatch watch(&stages);
  ScoredPairs scored = ScorePairs(left.records, right.records, RolesOf(fields), options, watch);
  LinkResult out;
  out.stats = scored.stats;
  for (size_t p = 0; p < scored.pairs.size(); ++p) {
    if (scored.probability[p] < options.threshold) continue;
    out.pairs.push_back({left.ids[scored.pairs[p].a], right.ids[scored.pairs[p].b], scored.probability[p]});
  }
  std::sort(out.pairs.begin(), out.pairs.end(), [](const LinkedPair& x, const LinkedPair& y) {
    return x.probability != y.probability ? x.probability > y.probability
                                          : std::tie(x.left_id, x.right_id) < std::tie(y.left_id, y.right_id);
  });
  out.stats.matched_pairs = out.pairs.size();
  watch.Lap("scoring");
  out.stats.stages = std::move(stages);
  return out;
}

}  // namespace cairn::engine
