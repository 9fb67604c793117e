#include "engine/extract.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>

#include "engine/internal/fields.h"

namespace cairn::engine {
namespace {

using internal::Str;
using nlohmann::json;

std::string Join(std::initializer_list<std::string> parts) {
  std::string out;
  for (const auto& p : parts) {
    if (!p.empty()) out += (out.empty() ? "" : ", ") + p;
  }
  return out;
}

// Adds a mention and returns its index.
size_t Add(Extracted& x, Mention m) {
  x.mentions.push_back(std::move(m));
  return x.mentions.size() - 1;
}

void Relate(Extracted& x, size_t from, size_t to, std::string type, std::string start = "", std::string end = "",
            json detail = json::object()) {
  x.relations.push_back({from, to, std::move(type), std::move(start), std::move(end), std::move(detail)});
}

std::string BirthDate(const json& dob) {
  if (!dob.is_object() || !dob.contains("year") || !dob["year"].is_number_integer()) return "";
  char buf[16];
  int month = dob.contains("month") && dob["month"].is_number_integer() ? dob["month"].get<int>() : 0;
  if (month > 0) std::snprintf(buf, sizeof buf, "%04d-%02d", dob["year"].get<int>(), month);
  else std::snprintf(buf, sizeof buf, "%04d", dob["year"].get<int>());
  return buf;
}

// A Companies House style address object → an address mention, or nothing if empty.
std::optional<Mention> AddressOf(const json& a, const char* role) {
  if (!a.is_object()) return std::nullopt;
  Mention m{"address", role};
  m.address = Join({Str(a, "premises"), Str(a, "address_line_1"), Str(a, "address_line_2"), Str(a, "locality"),
                    Str(a, "post_town")});
  m.postcode = Str(a, "postal_code").empty() ? Str(a, "postcode") : Str(a, "postal_code");
  if (m.address.empty() && m.postcode.empty()) return std::nullopt;
  return m;
}

Mention Company(const std::string& number, const std::string& name, const char* role) {
  Mention m{"organisation", role};
  m.company_number = number;
  m.name = name;
  return m;
}

void Companies(const json& p, Extracted& x) {
  size_t co = Add(x, Company(Str(p, "company_number"), Str(p, "company_name"), "company"));
  const json& a = p.value("registered_address", json::object());
  if (auto addr = AddressOf(a, "registered_address")) {
    x.mentions[co].postcode = addr->postcode;
    Relate(x, co, Add(x, *addr), "registered_at");
  }
}

// An officer or PSC: a person, or a corporate body with its own registration.
size_t Holder(const json& d, Extracted& x, const char* role) {
  std::string kind = Str(d, "kind") + Str(d, "officer_role");
  bool corporate = kind.find("corporate") != std::string::npos || kind.find("legal-person") != std::string::npos;
  Mention m{corporate ? "organisation" : "person", role};
  m.name = Str(d, "name");
  if (corporate) {
    m.company_number = Str(d.value("identification", json::object()), "registration_number");
  } else if (d.contains("name_elements") && d["name_elements"].is_object()) {
    const json& n = d["name_elements"];
    m.given_name = Join({Str(n, "forename"), Str(n, "middle_name")});
    for (char& c : m.given_name) if (c == ',') c = ' ';
    m.surname = Str(n, "surname");
  } else {
    SplitPersonName(m.name, &m.given_name, &m.surname);
  }
  m.birth_date = BirthDate(d.value("date_of_birth", json()));
  // Companies House's own officer id: the same person across all their appointments.
  const json& links = d.value("links", json::object());
  if (links.is_object() && links.contains("officer") && links["officer"].is_object()) {
    m.reference = Str(links["officer"], "appointments");
  }
  if (auto addr = AddressOf(d.value("address", json()), "service_address")) m.postcode = addr->postcode;
  size_t i = Add(x, m);
  if (auto addr = AddressOf(d.value("address", json()), "service_address")) {
    Relate(x, i, Add(x, *addr), corporate ? "registered_at" : "lives_at");
  }
  return i;
}

void Officers(const json& p, Extracted& x) {
  const json& d = p.value("data", json::object());
  size_t co = Add(x, Company(Str(p, "company_number"), "", "company"));
  size_t officer = Holder(d, x, "officer");
  Relate(x, officer, co, "officer_of", Str(d, "appointed_on"), Str(d, "resigned_on"), {{"role", Str(d, "officer_role")}});
}

void Psc(const json& p, Extracted& x) {
  const json& d = p.value("data", json::object());
  std::string kind = Str(d, "kind");
  size_t co = Add(x, Company(Str(p, "company_number"), "", "company"));
  if (kind.find("statement") != std::string::npos || kind == "exemptions") {
    x.mentions[co].reference = Str(d, "statement");  // e.g. no individual with significant control
    return;
  }
  size_t psc = Holder(d, x, "psc");
  json detail = {{"natures_of_control", d.value("natures_of_control", json::array())}};
  std::string country = Str(d.value("identification", json::object()), "country_registered");
  if (!country.empty()) detail["country_registered"] = country;  // a corporate PSC: where it is registered
  Relate(x, psc, co, "psc_of", Str(d, "notified_on"), Str(d, "ceased_on"), detail);
}

void Licences(const json& p, Extracted& x) {
  Mention holder{Str(p, "holder_type") == "company" || !Str(p, "holder_company_number").empty() ? "organisation" : "person",
                 "licence_holder"};
  holder.name = Str(p, "holder_name");
  holder.company_number = Str(p, "holder_company_number");
  holder.birth_date = Str(p, "holder_date_of_birth");
  if (holder.kind == "person") SplitPersonName(holder.name, &holder.given_name, &holder.surname);
  Mention premises{"address", "premises"};
  premises.name = Str(p, "premises_name");
  premises.address = Str(p, "address");
  premises.postcode = Str(p, "postcode");
  size_t h = Add(x, holder);
  size_t a = Add(x, premises);
  json detail = {{"licence_type", Str(p, "licence_type")}, {"status", Str(p, "status")},
                 {"licence_id", Str(p, "licence_id")}, {"issuing_council", Str(p, "issuing_council")}};
  if (p.contains("occupancy") && !p["occupancy"].is_null()) detail["occupancy"] = p["occupancy"];
  Relate(x, h, a, "licence_holder_of", Str(p, "granted_on"), Str(p, "expires_on"), detail);
  if (!Str(p, "designated_premises_manager").empty()) {
    Mention dpm{"person", "designated_premises_manager"};
    dpm.name = Str(p, "designated_premises_manager");
    SplitPersonName(dpm.name, &dpm.given_name, &dpm.surname);
    Relate(x, Add(x, dpm), a, "manages", Str(p, "granted_on"), Str(p, "expires_on"), detail);
  }
}

void Inspections(const json& p, Extracted& x) {
  Mention premises{"address", "premises"};
  premises.name = Str(p, "premises_name");
  premises.address = Str(p, "address");
  premises.postcode = Str(p, "postcode");
  size_t a = Add(x, premises);
  if (!Str(p, "business_name").empty() || !Str(p, "company_number").empty()) {
    size_t b = Add(x, Company(Str(p, "company_number"), Str(p, "business_name"), "business"));
    x.mentions[b].postcode = premises.postcode;
    Relate(x, b, a, "trades_at", Str(p, "date"), "",
           {{"signals", p.value("signals", json::array())}, {"service", Str(p, "service")}, {"agency", Str(p, "agency")}});
  }
}

void Intelligence(const json& p, Extracted& x) {
  std::string type = Str(p, "subject_type");
  Mention s{type == "organisation" ? "organisation" : type == "socg" ? "socg" : type == "address" ? "address" : "person",
            "subject"};
  s.name = Str(p, "name");
  s.company_number = Str(p, "company_number");
  s.birth_date = Str(p, "date_of_birth");
  s.address = type == "address" ? Str(p, "address") : "";
  s.postcode = Str(p, "postcode");
  s.reference = type == "socg" ? Str(p, "name") : "";
  if (s.kind == "person") SplitPersonName(s.name, &s.given_name, &s.surname);
  size_t subject = Add(x, s);
  if (type != "address" && (!Str(p, "address").empty() || !Str(p, "postcode").empty())) {
    Mention a{"address", "subject_address"};
    a.address = Str(p, "address");
    a.postcode = Str(p, "postcode");
    Relate(x, subject, Add(x, a), s.kind == "person" ? "lives_at" : "registered_at");
  }
  if (!Str(p, "socg_reference").empty() && type != "socg") {
    Mention g{"socg", "socg"};
    g.reference = Str(p, "socg_reference");
    g.name = g.reference;
    Relate(x, subject, Add(x, g), "member_of");
  }
}

void Ocds(const json& p, Extracted& x) {
  Mention process{"process", "contracting_process"};
  process.reference = Str(p, "ocid");
  process.name = Str(p.value("tender", json::object()), "title");
  size_t proc = Add(x, process);
  std::map<std::string, size_t> by_party;
  for (const json& party : p.value("parties", json::array())) {
    if (!party.is_object()) continue;
    Mention m{"organisation", "party"};
    m.name = Str(party, "name");
    const json& id = party.value("identifier", json::object());
    if (Str(id, "scheme") == "GB-COH") m.company_number = Str(id, "id");
    const json& a = party.value("address", json::object());
    m.postcode = Str(a, "postalCode");
    m.reference = Str(party, "id");
    by_party[Str(party, "id")] = Add(x, m);
  }
  auto party = [&](const json& ref, const char* role) -> std::optional<size_t> {
    std::string id = Str(ref, "id");
    if (auto it = by_party.find(id); it != by_party.end()) return it->second;
    if (id.empty() && Str(ref, "name").empty()) return std::nullopt;
    Mention m{"organisation", role};
    m.name = Str(ref, "name");
    m.reference = id;
    return by_party[id] = Add(x, m);
  };
  // What was bought, on the buyer's link, for the procurement flags (P3, P4): the CPV codes of
  // the tender's and awards' items and the main category.
  json cpv = json::array();
  auto add_items = [&](const json& holder) {
    for (const json& item : holder.value("items", json::array())) {
      std::string code = Str(item.value("classification", json::object()), "id");
      if (!code.empty() && std::find(cpv.begin(), cpv.end(), code) == cpv.end()) cpv.push_back(code);
    }
  };
  const json& tender = p.value("tender", json::object());
  add_items(tender);
  for (const json& award : p.value("awards", json::array())) add_items(award);
  if (auto b = party(p.value("buyer", json::object()), "buyer")) {
    Relate(x, *b, proc, "buyer_in", Str(tender.value("tenderPeriod", json::object()), "startDate"), "",
           {{"cpv", cpv}, {"category", Str(tender, "mainProcurementCategory")}});
  }
  const json& bids = p.value("bids", json::object());
  for (const json& bid : bids.value("details", json::array())) {
    for (const json& t : bid.value("tenderers", json::array())) {
      if (auto b = party(t, "tenderer")) Relate(x, *b, proc, "bidder_in", Str(bid, "date"), "", {{"status", Str(bid, "status")}});
    }
  }
  for (const json& t : p.value("tender", json::object()).value("tenderers", json::array())) {
    if (auto b = party(t, "tenderer")) Relate(x, *b, proc, "bidder_in");
  }
  for (const json& award : p.value("awards", json::array())) {
    for (const json& s : award.value("suppliers", json::array())) {
      if (auto b = party(s, "supplier")) {
        Relate(x, *b, proc, "supplier_to", Str(award, "date"), "",
               {{"status", Str(award, "status")}, {"value", award.value("value", json())}});
      }
    }
  }
}

}  // namespace

void SplitPersonName(const std::string& name, std::string* given, std::string* surname) {
  size_t comma = name.find(',');
  if (comma != std::string::npos) {  // Companies House officers: "SURNAME, Forenames"
    *surname = name.substr(0, comma);
    size_t start = name.find_first_not_of(' ', comma + 1);
    *given = start == std::string::npos ? "" : name.substr(start);
    return;
  }
  size_t last = name.find_last_of(' ');
  *surname = last == std::string::npos ? name : name.substr(last + 1);
  *given = last == std::string::npos ? "" : name.substr(0, last);
}

Extracted Extract(const std::string& format, const json& payload) {
  Extracted x;
  if (!payload.is_object()) return x;
  if (format == "companies_house_companies") Companies(payload, x);
  else if (format == "companies_house_officers") Officers(payload, x);
  else if (format == "companies_house_psc") Psc(payload, x);
  else if (format == "licences") Licences(payload, x);
  else if (format == "inspections") Inspections(payload, x);
  else if (format == "intelligence_subjects") Intelligence(payload, x);
  else if (format == "ocds") Ocds(payload, x);
  return x;
}

}  // namespace cairn::engine
