// Small hand-built networks for the indicator tests.
#pragma once

#include <string>
#include <vector>

#include "risk/detect.h"
#include "risk/network.h"
#include "risk/settings.h"

namespace cairn::risk::testing {

class Builder {
 public:
  explicit Builder(std::string as_of = "2026-06-30") { net_.as_of = std::move(as_of); }

  // An active company with register facts; `facts.record` is assigned.
  uint32_t Company(const std::string& name, CompanyFacts facts = {}) {
    if (facts.status.empty()) facts.status = "Active";
    if (facts.incorporated.empty()) facts.incorporated = "2015-01-01";
    facts.record = next_record_++;
    Node n{"org-" + std::to_string(net_.nodes().size()), "organisation", name};
    n.company = facts;
    return net_.Add(n);
  }
  uint32_t Organisation(const std::string& name) {
    return net_.Add({"org-" + std::to_string(net_.nodes().size()), "organisation", name});
  }
  uint32_t Person(const std::string& name) { return net_.Add({"person-" + std::to_string(net_.nodes().size()), "person", name}); }
  uint32_t Address(const std::string& name, const std::string& postcode = "G1 1AA") {
    return net_.Add({"address-" + std::to_string(net_.nodes().size()), "address", name, postcode});
  }
  uint32_t Process(const std::string& name) {
    return net_.Add({"process-" + std::to_string(net_.nodes().size()), "process", name});
  }
  // Adds a link and returns its record id.
  int64_t Link(uint32_t from, uint32_t to, const std::string& type, const std::string& start = "",
               const std::string& end = "", nlohmann::json detail = nlohmann::json::object(), bool restricted = false) {
    Edge e{from, to, type, start, end, std::move(detail), next_record_++, restricted};
    if (restricted) e.owner = 7;
    net_.Link(e);
    return e.record;
  }
  int64_t Director(uint32_t person, uint32_t company, const std::string& start = "2015-01-01", const std::string& end = "") {
    return Link(person, company, "officer_of", start, end, {{"role", "director"}});
  }
  // Makes node i an intelligence subject of organisation 7.
  int64_t Subject(uint32_t i, const std::string& socg = "") {
    net_.node(i).subjects.push_back({next_record_, 7, socg});
    return next_record_++;
  }

  Network& net() { return net_; }

 private:
  Network net_;
  int64_t next_record_ = 1000;
};

// The findings of one indicator over `net`, with the defaults overlaid by `toml`.
inline std::vector<Finding> Run(const Network& net, const std::string& code, const std::string& toml = "") {
  auto settings = ParseSettings(toml, "test.toml");
  std::vector<Finding> out;
  for (const auto& info : AllIndicators()) {
    if (info.code == code) info.run(net, (*settings)[code], *settings, &out);
  }
  return out;
}

// The nodes `findings` name, in order.
inline std::vector<uint32_t> Nodes(const std::vector<Finding>& findings) {
  std::vector<uint32_t> out;
  for (const auto& f : findings) out.push_back(f.node);
  return out;
}

}  // namespace cairn::risk::testing
