#include "engine/truth.h"

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "resolve/normalise.h"
#include "resolve/record.h"
#include "storage/network.h"

namespace cairn::engine {
namespace {

// Counts pairs within groups: per resolved entity, per true label, per both.
class PairCounter {
 public:
  void Add(const std::string& entity, const std::string& label) {
    ++by_entity_[entity];
    ++by_label_[label];
    ++by_both_[entity + "\x1f" + label];
    ++mentions_;
  }
  ClusterQuality Result() const {
    ClusterQuality q;
    q.mentions = mentions_;
    auto pairs = [](const std::unordered_map<std::string, int64_t>& m) {
      int64_t n = 0;
      for (const auto& [k, c] : m) n += c * (c - 1) / 2;
      return n;
    };
    q.resolved_pairs = pairs(by_entity_);
    q.true_pairs = pairs(by_label_);
    q.correct_pairs = pairs(by_both_);
    q.resolved_entities = int64_t(by_entity_.size());
    q.true_entities = int64_t(by_label_.size());
    return q;
  }

 private:
  std::unordered_map<std::string, int64_t> by_entity_, by_label_, by_both_;
  int64_t mentions_ = 0;
};

bool IsRegisterFile(const std::string& file) {
  return file == "companies.csv" || file == "officers.jsonl" || file == "psc.jsonl";
}

}  // namespace

Result<TruthEvaluation> EvaluateAgainstTruth(const app::Env& env, const std::string& truth_path) {
  std::ifstream in(truth_path);
  if (!in) return InvalidArgument("cannot read " + truth_path);
  nlohmann::json truth = nlohmann::json::parse(in, nullptr, false);
  if (truth.is_discarded() || !truth.is_object() || !truth.contains("people") || !truth.contains("companies")) {
    return InvalidArgument(truth_path + " is not a truth.json written by cairn synth");
  }
  std::unordered_map<std::string, std::string> label;  // record reference → "P:id" or "C:number"
  for (const auto& p : truth["people"]) {
    for (const auto& r : p["records"]) label[r.get<std::string>()] = "P:" + p["id"].get<std::string>();
  }
  for (const auto& c : truth["companies"]) {
    std::string number = resolve::NormaliseForRole(resolve::Role::kCompanyNumber, c["number"].get<std::string>());
    for (const auto& r : c["records"]) label[r.get<std::string>()] = "C:" + number;
  }
  truth = nullptr;

  PairCounter people, companies;
  TruthEvaluation out;
  std::unordered_map<std::string, std::unordered_map<std::string, int64_t>> votes;
  CAIRN_RETURN_IF_ERROR(env.db.Read([&](storage::Tx& tx) -> Status {
    return storage::ScanMentions(tx, [&](const storage::MentionView& v) {
      const storage::MentionRow& m = v.mention;
      if (m.kind != "person" && m.kind != "organisation") return;
      std::string file = std::filesystem::path(v.file).filename().string();
      std::string ref = file + ":" + std::to_string(v.line);
      std::string found;
      if (m.kind == "organisation" && IsRegisterFile(file) && m.role == "company") {
        found = "C:" + m.company_number;
      } else {
        // Register lines name one person each; a corporate PSC line names two companies.
        if (!IsRegisterFile(file) || (m.role == "psc" && m.kind == "organisation")) ref += ":" + m.role;
        if (file == "ocds.jsonl") ref += ":" + m.reference;
        auto it = label.find(ref);
        if (it != label.end()) found = it->second;
      }
      if (found.empty()) {
        ++out.unlabelled;
        return;
      }
      (found[0] == 'P' ? people : companies).Add(m.entity_id, found);
      ++votes[found][m.entity_id];
    });
  }));
  for (const auto& [label, entities] : votes) {
    const std::string* best = nullptr;
    int64_t most = 0;
    for (const auto& [entity, n] : entities) {
      if (n > most || (n == most && best && entity < *best)) best = &entity, most = n;
    }
    out.entity_of[label] = *best;
  }
  out.people = people.Result();
  out.companies = companies.Result();
  return out;
}

}  // namespace cairn::engine
