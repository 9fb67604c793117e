// What the indicators read: the resolved network held in memory, with the register facts of
// each company and the intelligence subjects among its entities. The engine fills it from the
// store (engine/detection.h); tests build small ones by hand. Indices, not ids, join it up.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace cairn::risk {

// What Companies House's register says about a company (BasicCompanyData), with the record.
struct CompanyFacts {
  int64_t record = 0;
  std::string status = {};                     // "Active", "Dissolved", "Liquidation", …
  std::string incorporated = {}, dissolved = {};  // YYYY-MM-DD, "" when unknown
  std::string accounts_category = {};          // "DORMANT", "MICRO ENTITY", …
  std::string accounts_next_due = {};          // YYYY-MM-DD
  std::string registered_postcode = {};
  std::vector<std::string> sic_codes = {};     // five-digit SIC 2007 codes
  std::vector<std::string> name_changes = {};  // PreviousName_n.CONDATE, YYYY-MM-DD
};

// An intelligence subject record resolved to this entity (restricted to its owner).
struct Subject {
  int64_t record = 0;
  std::optional<int64_t> owner = {};
  std::string socg = {};  // the SOC group reference the record names, if any
};

struct Node {
  std::string id = {}, kind = {}, name = {}, postcode = {};  // kind: person, organisation, address, socg, process
  bool restricted = false;
  std::optional<int64_t> owner = {};
  std::optional<CompanyFacts> company = {};
  // A PSC statement the company filed instead of naming anyone, with its record.
  std::string psc_statement = {};
  int64_t psc_statement_record = 0;
  std::vector<Subject> subjects = {};
  std::string company_number = {};  // as the records give it, even if the register has no such company
};

struct Edge {
  uint32_t from = 0, to = 0;
  std::string type = {};  // officer_of, psc_of, registered_at, lives_at, licence_holder_of, manages,
                          // trades_at, buyer_in, bidder_in, supplier_to, member_of
  std::string start = {}, end = {};  // dates, "" when unknown
  nlohmann::json detail = nlohmann::json::object();
  int64_t record = 0;
  bool restricted = false;
  std::optional<int64_t> owner = {};
};

class Network {
 public:
  // The date the indicators measure from ("today"), YYYY-MM-DD.
  std::string as_of;

  uint32_t Add(Node node);
  // REQUIRES: from and to were returned by Add.
  void Link(Edge edge);
  std::optional<uint32_t> Find(const std::string& id) const;

  const std::vector<Node>& nodes() const { return nodes_; }
  Node& node(uint32_t i) { return nodes_[i]; }
  const Node& node(uint32_t i) const { return nodes_[i]; }
  const std::vector<Edge>& edges() const { return edges_; }
  // Indices into edges() of the links into and out of node i.
  const std::vector<uint32_t>& into(uint32_t i) const { return into_[i]; }
  const std::vector<uint32_t>& out_of(uint32_t i) const { return out_of_[i]; }
  // The node at the other end of edge e from node i.
  uint32_t Other(uint32_t e, uint32_t i) const { return edges_[e].from == i ? edges_[e].to : edges_[e].from; }

 private:
  std::vector<Node> nodes_;
  std::vector<Edge> edges_;
  std::vector<std::vector<uint32_t>> into_, out_of_;
  std::unordered_map<std::string, uint32_t> by_id_;
};

}  // namespace cairn::risk
