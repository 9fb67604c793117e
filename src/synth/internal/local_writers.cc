// The sources councils and the police keep: licence registers, inspection reports and
// intelligence subjects, as CSV; and public contracts as OCDS compiled releases.
#include <nlohmann/json.hpp>

#include "synth/internal/writers.h"

namespace cairn::synth::internal {
namespace {

using Json = nlohmann::ordered_json;

std::string Signals(const std::vector<std::string>& signals) {
  std::string out;
  for (const auto& s : signals) out += (out.empty() ? "" : "; ") + s;
  return out;
}

}  // namespace

Result<uint64_t> Writers::Licences() {
  CAIRN_ASSIGN_OR_RETURN(std::ofstream out, Open(File::kLicences));
  out << "licence_id,issuing_council,licence_type,status,premises_name,address,postcode,holder_name,holder_type,"
         "holder_company_number,holder_date_of_birth,designated_premises_manager,granted_on,expires_on,occupancy\n";
  uint64_t rows = 0;
  for (const auto& l : w_.licences) {
    const Address& a = w_.addresses[l.premises];
    std::string holder, number, dob;
    if (l.company_holder) {
      const Company& c = w_.companies[l.holder];
      holder = render_.CompanyName(c);
      if (words_.Chance(0.5)) number = c.number;
    } else {
      const Person& p = w_.people[l.holder];
      holder = render_.ClerkName(p);
      if (words_.Chance(0.4)) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", p.birth_day, p.birth_month, p.birth_year);
        dob = buf;
      }
    }
    std::string manager = l.manager == kNone ? "" : render_.ClerkName(w_.people[l.manager]);
    CsvRow(out, {l.id, w_.councils[l.council].name, l.type, l.status, l.premises_name, render_.FreeAddress(a),
              render_.NoisyPostcode(a), holder, l.company_holder ? "company" : "person", number, dob, manager,
              Iso(l.granted), l.expires ? Iso(l.expires) : "", l.occupancy ? std::to_string(l.occupancy) : ""});
    ++rows;
    uint64_t line = rows + 1;
    if (l.company_holder) NoteCompany(l.holder, File::kLicences, RefRole::kLicenceHolder, line);
    else Note(l.holder, File::kLicences, RefRole::kLicenceHolder, line);
    if (l.manager != kNone) Note(l.manager, File::kLicences, RefRole::kManager, line);
    Tick(File::kLicences, rows, w_.licences.size());
  }
  if (!out.flush()) return Unavailable("could not write licences.csv");
  return rows;
}

Result<uint64_t> Writers::Inspections() {
  CAIRN_ASSIGN_OR_RETURN(std::ofstream out, Open(File::kInspections));
  out << "report_id,date,agency,service,premises_name,address,postcode,business_name,company_number,signals,notes\n";
  uint64_t rows = 0;
  for (const auto& x : w_.inspections) {
    const Address& a = w_.addresses[x.premises];
    std::string business = x.company == kNone ? "" : render_.CompanyName(w_.companies[x.company]);
    CsvRow(out, {x.id, Iso(x.date), w_.councils[x.council].name, x.service, x.premises_name, render_.FreeAddress(a),
              render_.NoisyPostcode(a), business, x.gives_number ? w_.companies[x.company].number : "",
              Signals(x.signals), x.notes});
    ++rows;
    if (x.company != kNone) NoteCompany(x.company, File::kInspections, RefRole::kBusiness, rows + 1);
    Tick(File::kInspections, rows, w_.inspections.size());
  }
  if (!out.flush()) return Unavailable("could not write inspections.csv");
  return rows;
}

Result<uint64_t> Writers::Intel() {
  CAIRN_ASSIGN_OR_RETURN(std::ofstream out, Open(File::kIntel));
  out << "subject_id,subject_type,name,date_of_birth,company_number,address,postcode,socg_reference,source_grade,"
         "information_grade,handling_code,handling_conditions,originator,recorded_on,review_on,crime_types\n";
  uint64_t rows = 0;
  for (const auto& x : w_.intel) {
    std::string name, dob, number, address, postcode;
    if (x.type == "person") {
      const Person& p = w_.people[x.person];
      name = render_.ClerkName(p);
      char buf[16];
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", p.birth_year, p.birth_month, p.birth_day);
      if (!words_.Chance(0.1)) dob = buf;
      if (words_.Chance(0.8)) address = render_.FreeAddress(w_.addresses[p.home]), postcode = render_.NoisyPostcode(w_.addresses[p.home]);
    } else if (x.type == "organisation") {
      const Company& c = w_.companies[x.company];
      name = render_.CompanyName(c);
      if (words_.Chance(0.6)) number = c.number;
      postcode = c.premises != kNone ? w_.addresses[c.premises].postcode : "";
    } else if (x.type == "address") {
      address = render_.FreeAddress(w_.addresses[x.address]);
      postcode = w_.addresses[x.address].postcode;
    } else {
      name = x.socg;
    }
    CsvRow(out, {x.id, x.type, name, dob, number, address, postcode, x.type == "socg" ? "" : x.socg, x.source_grade,
              x.information_grade, x.handling, x.conditions, x.originator, Iso(x.recorded), x.review ? Iso(x.review) : "",
              Signals(x.crime_types)});
    ++rows;
    if (x.type == "person") Note(x.person, File::kIntel, RefRole::kSubject, rows + 1);
    if (x.type == "organisation") NoteCompany(x.company, File::kIntel, RefRole::kSubject, rows + 1);
    Tick(File::kIntel, rows, w_.intel.size());
  }
  if (!out.flush()) return Unavailable("could not write intel.csv");
  return rows;
}

Result<uint64_t> Writers::Ocds() {
  CAIRN_ASSIGN_OR_RETURN(std::ofstream out, Open(File::kOcds));
  uint64_t rows = 0;
  for (const Process& p : w_.processes) {
    const Council& buyer = w_.councils[p.buyer];
    std::string buyer_id = "GB-SC-" + buyer.slug;
    Json parties = Json::array({{{"id", buyer_id}, {"name", buyer.name}, {"roles", {"buyer"}}}});
    Json details = Json::array();
    std::vector<std::pair<uint32_t, bool>> noted;  // company, identified by number
    std::vector<Json> refs;
    for (size_t b = 0; b < p.bids.size(); ++b) {
      const Bid& bid = p.bids[b];
      const Company& c = w_.companies[bid.company];
      bool coh = bid.unregistered || words_.Chance(0.7);
      std::string id = coh ? "GB-COH-" + c.number : "ORG-" + std::to_string(bid.company);
      Json party = {{"id", id}, {"name", render_.CompanyName(c)}};
      if (coh) party["identifier"] = {{"scheme", "GB-COH"}, {"id", c.number}};
      uint32_t where = c.premises != kNone ? c.premises : c.registered_office;
      party["address"] = {{"streetAddress", render_.Street(w_.addresses[where])},
                          {"locality", render_.Town(w_.addresses[where])},
                          {"postalCode", w_.addresses[where].postcode}};
      party["roles"] = int(b) == p.winner ? Json::array({"tenderer", "supplier"}) : Json::array({"tenderer"});
      parties.push_back(party);
      refs.push_back({{"id", id}, {"name", party["name"]}});
      noted.emplace_back(bid.company, coh);
      details.push_back({{"id", p.ocid + "-bid-" + std::to_string(b + 1)},
                         {"status", bid.status},
                         {"date", Iso(bid.date) + "T12:00:00Z"},
                         {"value", {{"amount", bid.amount}, {"currency", "GBP"}}},
                         {"tenderers", Json::array({refs.back()})}});
    }
    Json tender = {{"id", p.ocid + "-tender"},
                   {"title", p.title},
                   {"status", p.winner >= 0 ? "complete" : "active"},
                   {"procurementMethod", p.method},
                   {"procurementMethodDetails", p.method == "direct" ? "Direct award" : p.method == "open" ? "Open procedure"
                                                : p.method == "selective" ? "Restricted procedure" : "Negotiated procedure"},
                   {"mainProcurementCategory", p.cpv.rfind("45", 0) == 0 ? "works" : "services"},
                   {"items", Json::array({{{"id", "1"}, {"classification", {{"scheme", "CPV"}, {"id", p.cpv}}}}})},
                   {"tenderPeriod", {{"startDate", Iso(p.start) + "T09:00:00Z"}, {"endDate", Iso(p.end) + "T12:00:00Z"}}},
                   {"numberOfTenderers", p.bids.size()},
                   {"tenderers", refs}};
    Json release = {{"ocid", p.ocid}, {"id", p.ocid + "-compiled"}, {"date", Iso(p.winner >= 0 ? p.award_date : p.start) + "T09:00:00Z"},
                    {"tag", {"compiled"}}, {"initiationType", "tender"}, {"parties", parties},
                    {"buyer", {{"id", buyer_id}, {"name", buyer.name}}}, {"tender", tender},
                    {"bids", {{"details", details}}}};
    if (p.winner >= 0) {
      release["awards"] = Json::array({{{"id", p.ocid + "-award-1"},
                                        {"status", "active"},
                                        {"date", Iso(p.award_date) + "T09:00:00Z"},
                                        {"value", {{"amount", p.award_value}, {"currency", "GBP"}}},
                                        {"suppliers", Json::array({refs[size_t(p.winner)]})},
                                        {"items", tender["items"]}}});
    }
    out << release.dump() << "\n";
    ++rows;
    for (auto [company, coh] : noted) NoteCompany(company, File::kOcds, coh ? RefRole::kPartyCoh : RefRole::kPartyOrg, rows);
    Tick(File::kOcds, rows, w_.processes.size());
  }
  if (!out.flush()) return Unavailable("could not write ocds.jsonl");
  return rows;
}

}  // namespace cairn::synth::internal
