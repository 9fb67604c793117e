// Extraction: what a stored source record says about who is who. Each record yields mentions
// (a person, organisation, address, SOC group or contracting process as the record names it)
// and relations between them (officer of, PSC of, registered at, licence holder of…). Entity
// resolution clusters the mentions into entities; the relations become the network's links.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace cairn::engine {

struct Mention {
  std::string kind;  // "person", "organisation", "address", "socg", "process"
  std::string role;  // how the record names it: "company", "officer", "psc", "holder", …
  // Identity fields, as the record gives them ("" when absent).
  std::string name = {}, given_name = {}, surname = {};
  std::string company_number = {};
  std::string birth_date = {};  // YYYY-MM-DD or YYYY-MM
  std::string address = {}, postcode = {};
  std::string reference = {};   // another identifier: an ocid, a SOCG reference, an FTM id
};

struct Relation {
  size_t from = 0, to = 0;  // indices into the record's mentions
  std::string type;         // "officer_of", "psc_of", "registered_at", "lives_at", "licence_holder_of",
                            // "manages", "trades_at", "buyer_in", "bidder_in", "supplier_to", "member_of"
  std::string start, end;   // dates, "" when unknown
  nlohmann::json detail = nlohmann::json::object();
};

struct Extracted {
  std::vector<Mention> mentions;
  std::vector<Relation> relations;
};

// The mentions and relations in `payload`, a stored record of `format` (engine/ingest.h).
// Formats without extraction yet yield nothing.
Extracted Extract(const std::string& format, const nlohmann::json& payload);

// Splits a person's name: "SMITH, John Robert" (Companies House officers) → given "John Robert",
// surname "SMITH"; "Mr John Smith" → given "Mr John", surname "Smith". Titles are left for
// normalisation to drop.
void SplitPersonName(const std::string& name, std::string* given, std::string* surname);

}  // namespace cairn::engine
