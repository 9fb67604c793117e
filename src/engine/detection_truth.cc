// EvaluateDetection (engine/truth.h): findings and ranking against the planted patterns.
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "engine/truth.h"
#include "resolve/normalise.h"
#include "resolve/record.h"
#include "storage/findings.h"

namespace cairn::engine {

Result<DetectionQuality> EvaluateDetection(const app::Env& env, const std::string& truth_path) {
  CAIRN_ASSIGN_OR_RETURN(TruthEvaluation resolved, EvaluateAgainstTruth(env, truth_path));
  std::ifstream in(truth_path);
  nlohmann::json truth = nlohmann::json::parse(in, nullptr, false);
  if (truth.is_discarded() || !truth.contains("patterns")) return InvalidArgument(truth_path + " has no patterns");
  auto company = [&](const std::string& number) {
    auto it = resolved.entity_of.find("C:" + resolve::NormaliseForRole(resolve::Role::kCompanyNumber, number));
    return it == resolved.entity_of.end() ? std::string() : it->second;
  };
  auto person = [&](const std::string& id) {
    auto it = resolved.entity_of.find("P:" + id);
    return it == resolved.entity_of.end() ? std::string() : it->second;
  };

  std::map<std::string, std::set<std::string>> fired;  // entity → indicators
  std::vector<storage::RiskRow> ranking;
  storage::Reach all;
  all.all_restricted = true;
  CAIRN_RETURN_IF_ERROR(env.db.Read([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(auto findings, storage::AllFindings(tx));
    for (const auto& f : findings) fired[f.entity_id].insert(f.indicator);
    CAIRN_ASSIGN_OR_RETURN(ranking, storage::TopRisk(tx, "organisation", all, 1 << 29));
    return Status::Ok();
  }));

  DetectionQuality q;
  std::set<std::string> in_patterns, socg_businesses;
  for (const auto& p : truth["patterns"]) {
    std::set<std::string> entities;
    for (const auto& c : p.value("companies", nlohmann::json::array())) {
      std::string e = company(c.get<std::string>());
      in_patterns.insert(c.get<std::string>());
      if (e.empty()) continue;
      entities.insert(e);
      if (p.value("type", "") == "socg") socg_businesses.insert(e);
    }
    for (const auto& id : p.value("people", nlohmann::json::array())) {
      if (auto e = person(id.get<std::string>()); !e.empty()) entities.insert(e);
    }
    for (const auto& code : p.value("indicators", nlohmann::json::array())) {
      std::string c = code.get<std::string>();
      if (c == "P6") continue;  // missing probity is raised by screening, not by detection
      auto& iq = q.indicators[c];
      ++iq.planted;
      for (const auto& e : entities) {
        if (fired[e].count(c)) {
          ++iq.found;
          break;
        }
      }
    }
  }
  for (const auto& c : truth["companies"]) {
    if (!c.value("in_register", true) || in_patterns.count(c["number"].get<std::string>())) continue;
    ++q.ordinary;
    std::string e = company(c["number"].get<std::string>());
    bool any = false;
    for (const auto& code : fired[e]) {
      ++q.indicators[code].ordinary_flagged;
      any = any || (code != "C6" && code != "P3");  // categories, not signs
    }
    q.ordinary_flagged += any ? 1 : 0;
  }
  q.planted_businesses = int64_t(socg_businesses.size());
  for (size_t i = 0; i < ranking.size() && i < size_t(2 * q.planted_businesses); ++i) {
    if (!socg_businesses.count(ranking[i].entity_id)) continue;
    ++q.in_top_2p;
    if (i < size_t(q.planted_businesses)) ++q.in_top_p;
  }
  return q;
}

}  // namespace cairn::engine
