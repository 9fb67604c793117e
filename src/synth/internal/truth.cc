// truth.json, written a piece at a time so a UK-scale world never has to sit in one JSON tree.
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>

#include "synth/internal/writers.h"

namespace cairn::synth::internal {
namespace {

using Json = nlohmann::ordered_json;

const char* RoleName(RefRole r) {
  switch (r) {
    case RefRole::kNone: return "";
    case RefRole::kLicenceHolder: return "licence_holder";
    case RefRole::kManager: return "designated_premises_manager";
    case RefRole::kBusiness: return "business";
    case RefRole::kSubject: return "subject";
    case RefRole::kPartyCoh:
    case RefRole::kPartyOrg: return "party";
    case RefRole::kPsc: return "psc";
  }
  return "";
}

// "officers.jsonl:17", "licences.csv:9:designated_premises_manager",
// "ocds.jsonl:4:party:GB-COH-SC100123".
std::string RefText(const Ref& r, const World& w, uint32_t company) {
  std::string out = std::string(FileName(r.file)) + ":" + std::to_string(r.line);
  if (r.role != RefRole::kNone) out += std::string(":") + RoleName(r.role);
  if (r.role == RefRole::kPartyCoh) out += ":GB-COH-" + w.companies[company].number;
  if (r.role == RefRole::kPartyOrg) out += ":ORG-" + std::to_string(company);
  return out;
}

std::string PersonId(uint32_t i) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "person-%07u", i);
  return buf;
}

Json AddressJson(const World& w, const Words& words, uint32_t a) {
  const Address& x = w.addresses[a];
  return {{"address", (x.flat.empty() ? "" : "Flat " + x.flat + ", ") + std::to_string(x.number) + " " +
                          TitleCase(words.streets()[x.street]) + ", " + TitleCase(words.towns()[x.town].name)},
          {"postcode", x.postcode}};
}

Json PatternJson(const World& w, const Words& words, const Pattern& p) {
  Json j = {{"id", p.id}, {"type", p.type}, {"indicators", p.indicators}};
  if (!p.socg.empty()) j["socg"] = p.socg;
  if (!p.crime_types.empty()) j["crime_types"] = p.crime_types;
  Json people = Json::array(), companies = Json::array(), addresses = Json::array();
  for (uint32_t i : p.people) people.push_back(PersonId(i));
  for (uint32_t c : p.companies) companies.push_back(w.companies[c].number);
  for (uint32_t a : p.addresses) addresses.push_back(AddressJson(w, words, a));
  j["people"] = people;
  j["companies"] = companies;
  j["addresses"] = addresses;
  j["processes"] = p.processes;
  j["licences"] = p.licences;
  j["inspections"] = p.inspections;
  j["intel"] = p.intel;
  j["note"] = p.note;
  return j;
}

}  // namespace

Status WriteDetectionSettings(const World& w, const std::string& path) {
  std::ofstream out(path, std::ios::binary);
  if (!out) return Unavailable("cannot write " + path);
  out << "# Detection settings for this synthetic world (cairn detect --config): the formation agents a\n"
         "# Taskforce would already know, so their addresses are not taken for mass registration (C3).\n"
         "[C3]\nallow_postcodes = [";
  for (size_t i = 0; i < w.agent_addresses.size(); ++i) {
    out << (i ? ", " : "") << Json(w.addresses[w.agent_addresses[i]].postcode).dump();
  }
  out << "]\n";
  return out ? Status::Ok() : Unavailable("cannot write " + path);
}

Status WriteTruth(const World& w, const Words& words, const Mentions& mentions, const std::string& path,
                  const std::string& scale, uint64_t seed, const std::vector<std::pair<std::string, uint64_t>>& files) {
  std::ofstream out(path, std::ios::binary);
  if (!out) return Unavailable("cannot write " + path);
  Json head = {{"generator", "cairn synth"}, {"scale", scale}, {"seed", seed}, {"reference_date", Iso(kToday)}};
  Json counts = Json::object();
  for (const auto& [file, rows] : files) counts[file] = rows;
  head["files"] = counts;
  head["conventions"] =
      "A record reference is file:line (the CSV header is line 1), then the mention's role when a record names more "
      "than one party, then the OCDS party id. An organisation's own register rows (companies.csv, and the company "
      "side of officers.jsonl and psc.jsonl lines) belong to the company their number names; records lists the rest.";
  Json agents = Json::array();
  for (uint32_t a : w.agent_addresses) agents.push_back(AddressJson(w, words, a));
  head["formation_agent_addresses"] = agents;
  std::string text = head.dump(1);
  text.pop_back();  // the closing brace: the big arrays follow
  out << text << ",\n \"patterns\": [";
  for (size_t i = 0; i < w.patterns.size(); ++i) out << (i ? ",\n  " : "\n  ") << PatternJson(w, words, w.patterns[i]).dump();
  out << "\n ],\n \"people\": [";
  bool first = true;
  for (uint32_t i = 0; i < w.people.size(); ++i) {
    if (mentions.people[i].empty()) continue;
    const Person& p = w.people[i];
    char birth[16];
    std::snprintf(birth, sizeof birth, "%04d-%02d-%02d", p.birth_year, p.birth_month, p.birth_day);
    std::string name = TitleCase(words.given()[p.given]) + (p.middle == kNone ? "" : " " + TitleCase(words.given()[p.middle])) +
                       " " + TitleCase(words.surnames()[p.surname]);
    Json records = Json::array();
    for (const Ref& r : mentions.people[i]) records.push_back(RefText(r, w, 0));
    Json j = {{"id", PersonId(i)}, {"name", name}, {"birth_date", birth}, {"records", records}};
    out << (first ? "\n  " : ",\n  ") << j.dump();
    first = false;
  }
  out << "\n ],\n \"companies\": [";
  for (uint32_t c = 0; c < w.companies.size(); ++c) {
    const Company& co = w.companies[c];
    Json records = Json::array();
    for (const Ref& r : mentions.companies[c]) records.push_back(RefText(r, w, c));
    Json j = {{"number", co.number}, {"name", co.name}, {"in_register", co.in_register}, {"records", records}};
    out << (c ? ",\n  " : "\n  ") << j.dump();
  }
  out << "\n ]\n}\n";
  if (!out.flush()) return Unavailable("could not write " + path);
  return Status::Ok();
}

}  // namespace cairn::synth::internal
