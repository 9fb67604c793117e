// Linkage quality and speed on the Febrl data: `make bench` runs it and prints a Markdown
// table for docs/benchmarks.md.
// Usage: linkage_bench FEBRL_DIR
//        linkage_bench --clusters CLUSTERS_CSV   (pairwise quality of a `cairn dedupe` output
//                                                 whose ids hold the truth, rec-K-…)
#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <string>
#include <unordered_map>

#include "engine/linkage.h"
#include "resolve/evaluate.h"

namespace {

using cairn::engine::FieldSpec;

std::vector<FieldSpec> Fields() {
  std::vector<FieldSpec> out;
  for (const char* f : {"given_name=given_name", "surname=surname", "address=street_number+address_1+address_2",
                        "town=suburb", "postcode=postcode", "dob=date_of_birth", "id_number=soc_sec_id"}) {
    out.push_back(*cairn::engine::ParseFieldSpec(f));
  }
  return out;
}

std::string PersonOf(const std::string& id) {
  size_t a = id.find('-') + 1;
  return id.substr(a, id.find('-', a) - a);
}

cairn::engine::LoadedRecords Load(const std::string& path) {
  auto loaded = cairn::engine::LoadRecords(path, "rec_id", Fields());
  if (!loaded.ok()) {
    std::fprintf(stderr, "%s\n", loaded.status().ToString().c_str());
    std::exit(1);
  }
  return *std::move(loaded);
}

double Seconds(const std::function<void()>& f) {
  auto start = std::chrono::steady_clock::now();
  f();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

void Row(const char* task, size_t records, const cairn::engine::LinkageStats& s,
         const cairn::resolve::PairwiseQuality& q, double seconds) {
  std::printf("| %s | %zu | %llu | %llu | %llu | %.4f | %.4f | %.2f | %.0f |\n", task, records,
              (unsigned long long)s.candidate_pairs, (unsigned long long)q.true_pairs,
              (unsigned long long)q.predicted, q.precision(), q.recall(), seconds, double(records) / seconds);
}

}  // namespace

int ScoreClusters(const char* path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);  // id,cluster_id
  std::vector<std::string> ids, clusters;
  std::unordered_map<std::string, std::string> truth;
  while (std::getline(in, line)) {
    size_t comma = line.find(',');
    ids.push_back(line.substr(0, comma));
    clusters.push_back(line.substr(comma + 1));
    truth[ids.back()] = PersonOf(ids.back());
  }
  auto q = cairn::resolve::Evaluate(cairn::resolve::ClusterPairs(ids, clusters), truth, false);
  std::printf("| records | true pairs | predicted pairs | precision | recall |\n|---|---|---|---|---|\n");
  std::printf("| %zu | %llu | %llu | %.4f | %.4f |\n", ids.size(), (unsigned long long)q.true_pairs,
              (unsigned long long)q.predicted, q.precision(), q.recall());
  return 0;
}

int main(int argc, char** argv) {
  if (argc == 3 && std::string(argv[1]) == "--clusters") return ScoreClusters(argv[2]);
  if (argc != 2) {
    std::fprintf(stderr, "usage: linkage_bench FEBRL_DIR | linkage_bench --clusters FILE\n");
    return 2;
  }
  std::string dir = std::string(argv[1]) + "/";
  std::printf("| task | records | candidate pairs | true pairs | predicted pairs | precision | recall | seconds | records/s |\n");
  std::printf("|---|---|---|---|---|---|---|---|---|\n");
  for (const char* file : {"dataset1.csv", "dataset2.csv", "dataset3.csv"}) {
    auto records = Load(dir + file);
    cairn::engine::DedupeResult result;
    double t = Seconds([&] { result = cairn::engine::Dedupe(records, Fields(), {}); });
    std::unordered_map<std::string, std::string> truth;
    for (const auto& id : records.ids) truth[id] = PersonOf(id);
    auto q = cairn::resolve::Evaluate(cairn::resolve::ClusterPairs(result.ids, result.cluster_ids), truth, false);
    Row((std::string("dedupe ") + file).c_str(), records.records.size(), result.stats, q, t);
  }
  auto left = Load(dir + "dataset4a.csv");
  auto right = Load(dir + "dataset4b.csv");
  cairn::engine::LinkResult result;
  double t = Seconds([&] { result = cairn::engine::Link(left, right, Fields(), {}); });
  std::unordered_map<std::string, std::string> truth;
  for (const auto& id : left.ids) truth[id] = PersonOf(id);
  for (const auto& id : right.ids) truth[id] = PersonOf(id);
  std::vector<std::pair<std::string, std::string>> pairs;
  for (const auto& p : result.pairs) pairs.emplace_back(p.left_id, p.right_id);
  Row("link dataset4a ↔ dataset4b", left.records.size() + right.records.size(), result.stats,
      cairn::resolve::Evaluate(pairs, truth, true, left.ids, right.ids), t);
  return 0;
}
