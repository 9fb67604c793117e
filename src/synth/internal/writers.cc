#include "synth/internal/writers.h"

#include <nlohmann/json.hpp>

namespace cairn::synth::internal {
namespace {

using Json = nlohmann::ordered_json;

const char* kCompaniesHeader =
    "CompanyName, CompanyNumber,RegAddress.CareOf,RegAddress.POBox,RegAddress.AddressLine1, RegAddress.AddressLine2,"
    "RegAddress.PostTown,RegAddress.County,RegAddress.Country,RegAddress.PostCode,CompanyCategory,CompanyStatus,"
    "CountryOfOrigin,DissolutionDate,IncorporationDate,Accounts.AccountRefDay,Accounts.AccountRefMonth,"
    "Accounts.NextDueDate,Accounts.LastMadeUpDate,Accounts.AccountCategory,Returns.NextDueDate,"
    "Returns.LastMadeUpDate,Mortgages.NumMortCharges,Mortgages.NumMortOutstanding,Mortgages.NumMortPartSatisfied,"
    "Mortgages.NumMortSatisfied,SICCode.SicText_1,SICCode.SicText_2,SICCode.SicText_3,SICCode.SicText_4,"
    "LimitedPartnerships.NumGenPartners,LimitedPartnerships.NumLimPartners,URI,PreviousName_1.CONDATE, "
    "PreviousName_1.CompanyName, PreviousName_2.CONDATE, PreviousName_2.CompanyName,PreviousName_3.CONDATE, "
    "PreviousName_3.CompanyName,PreviousName_4.CONDATE, PreviousName_4.CompanyName,PreviousName_5.CONDATE, "
    "PreviousName_5.CompanyName,PreviousName_6.CONDATE, PreviousName_6.CompanyName,PreviousName_7.CONDATE, "
    "PreviousName_7.CompanyName,PreviousName_8.CONDATE, PreviousName_8.CompanyName,PreviousName_9.CONDATE, "
    "PreviousName_9.CompanyName,PreviousName_10.CONDATE, PreviousName_10.CompanyName,ConfStmtNextDueDate, "
    "ConfStmtLastMadeUpDate";

const char* StatusText(CompanyStatus s) {
  return s == CompanyStatus::kActive ? "Active" : s == CompanyStatus::kDissolved ? "Dissolved" : "Liquidation";
}

const char* AccountsText(Accounts a) {
  switch (a) {
    case Accounts::kFull: return "FULL";
    case Accounts::kTotalExemption: return "TOTAL EXEMPTION FULL";
    case Accounts::kMicro: return "MICRO ENTITY";
    case Accounts::kDormant: return "DORMANT";
    case Accounts::kNoneFiled: return "NO ACCOUNTS FILED";
  }
  return "";
}

}  // namespace

void CsvRow(std::ostream& out, std::initializer_list<std::string> fields) {
  bool first = true;
  for (const std::string& v : fields) {
    if (!first) out << ',';
    first = false;
    if (v.find_first_of(",\"\r\n") == std::string::npos) {
      out << v;
      continue;
    }
    out << '"';
    for (char c : v) out << (c == '"' ? "\"\"" : std::string(1, c));
    out << '"';
  }
  out << '\n';
}

const char* FileName(File f) {
  static const char* kNames[] = {"companies.csv", "psc.jsonl",       "officers.jsonl", "ocds.jsonl",
                                 "licences.csv",  "inspections.csv", "intel.csv"};
  return kNames[size_t(f)];
}

Writers::Writers(const World& world, Words& words, std::string dir, Progress progress)
    : w_(world), words_(words), render_(world, words), dir_(std::move(dir)), progress_(std::move(progress)) {
  mentions_.people.resize(world.people.size());
  mentions_.companies.resize(world.companies.size());
}

Result<std::ofstream> Writers::Open(File f) {
  std::ofstream out(dir_ + "/" + FileName(f), std::ios::binary);
  if (!out) return Unavailable(std::string("cannot write ") + FileName(f) + " in " + dir_);
  return out;
}

void Writers::Tick(File f, uint64_t done, uint64_t total) {
  if (progress_ && (done % 20000 == 0 || done == total)) progress_(FileName(f), done, total);
}

void Writers::Note(uint32_t person, File f, RefRole role, uint64_t line) {
  mentions_.people[person].push_back({f, role, uint32_t(line)});
}

void Writers::NoteCompany(uint32_t company, File f, RefRole role, uint64_t line) {
  mentions_.companies[company].push_back({f, role, uint32_t(line)});
}

Result<uint64_t> Writers::Companies() {
  CAIRN_ASSIGN_OR_RETURN(std::ofstream out, Open(File::kCompanies));
  out << kCompaniesHeader << "\n";
  uint64_t rows = 0;
  for (const Company& c : w_.companies) {
    if (!c.in_register) continue;
    const Address& a = w_.addresses[c.registered_office];
    const Sector& s = w_.sectors[c.sector];
    std::string line1 = (a.flat.empty() ? "" : "FLAT " + a.flat + " ") + std::to_string(a.number) + " " +
                        Upper(words_.streets()[a.street]);
    std::string prev[10][2];
    for (size_t i = 0; i < std::min<size_t>(10, c.previous_names.size()); ++i) {
      prev[i][0] = Dmy(c.previous_names[i].second);
      prev[i][1] = c.previous_names[i].first;
    }
    bool active = c.status == CompanyStatus::kActive;
    Day last_made_up = c.accounts == Accounts::kNoneFiled ? 0 : kToday - words_.Int(90, 400);
    Day next_due = active ? (c.accounts_overdue ? kToday - words_.Int(10, 200) : kToday + words_.Int(30, 300)) : 0;
    CsvRow(out, {c.name, c.number, "", "", line1, "", Upper(words_.towns()[a.town].name), "", "", a.postcode,
              "Private Limited Company", StatusText(c.status), "United Kingdom", c.dissolved ? Dmy(c.dissolved) : "",
              Dmy(c.incorporated), std::to_string(words_.Int(1, 28)), std::to_string(words_.Int(1, 12)),
              next_due ? Dmy(next_due) : "", last_made_up ? Dmy(last_made_up) : "", AccountsText(c.accounts), "", "",
              "0", "0", "0", "0", s.sic + " - " + s.description, "", "", "", "0", "0",
              "http://business.data.gov.uk/id/company/" + c.number, prev[0][0], prev[0][1], prev[1][0], prev[1][1],
              prev[2][0], prev[2][1], prev[3][0], prev[3][1], prev[4][0], prev[4][1], prev[5][0], prev[5][1],
              prev[6][0], prev[6][1], prev[7][0], prev[7][1], prev[8][0], prev[8][1], prev[9][0], prev[9][1],
              active ? Dmy(kToday + words_.Int(10, 360)) : "", active ? Dmy(kToday - words_.Int(5, 350)) : ""});
    Tick(File::kCompanies, ++rows, w_.companies.size());
  }
  if (!out.flush()) return Unavailable("could not write companies.csv");
  return rows;
}

namespace {

Json ChAddress(const Render& r, const Address& a, const Words& words) {
  Json j;
  j["premises"] = (a.flat.empty() ? "" : "Flat " + a.flat + ", ") + std::to_string(a.number);
  j["address_line_1"] = TitleCase(words.streets()[a.street]);
  j["locality"] = r.Town(a);
  j["postal_code"] = a.postcode;
  return j;
}

Json BirthMonth(const Person& p) { return {{"month", p.birth_month}, {"year", p.birth_year}}; }

std::string OfficerId(uint64_t n) {
  static const char kDigits[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  std::string id;
  for (n = n * 2654435761ULL + 12345; id.size() < 11; n /= 62) id += kDigits[n % 62];
  return id;
}

}  // namespace

Result<uint64_t> Writers::Officers() {
  CAIRN_ASSIGN_OR_RETURN(std::ofstream out, Open(File::kOfficers));
  uint64_t rows = 0, fresh_ids = 0, total = 0;
  for (const Company& c : w_.companies) total += c.in_register ? c.officers.size() : 0;
  for (const Company& c : w_.companies) {
    if (!c.in_register) continue;
    for (const Appointment& a : c.officers) {
      const Person& p = w_.people[a.person];
      Json d;
      d["name"] = render_.OfficerName(p);
      d["officer_role"] = a.secretary ? "secretary" : "director";
      d["appointed_on"] = Iso(a.appointed);
      if (a.resigned) d["resigned_on"] = Iso(a.resigned);
      if (!words_.Chance(0.03)) d["date_of_birth"] = BirthMonth(p);
      d["nationality"] = "British";
      d["occupation"] = "Director";
      d["country_of_residence"] = "Scotland";
      bool home = a.at_home || words_.Chance(0.7);
      d["address"] = ChAddress(render_, w_.addresses[home ? p.home : c.registered_office], words_);
      // Companies House links most appointments of one person under one officer id, but
      // not all: some appointments carry an id of their own.
      uint64_t id = words_.Chance(0.75) ? a.person : w_.people.size() + fresh_ids++;
      d["links"]["officer"]["appointments"] = "/officers/" + OfficerId(id) + "/appointments";
      out << Json{{"company_number", c.number}, {"data", d}}.dump() << "\n";
      Note(a.person, File::kOfficers, RefRole::kNone, ++rows);
      Tick(File::kOfficers, rows, total);
    }
  }
  if (!out.flush()) return Unavailable("could not write officers.jsonl");
  return rows;
}

Result<uint64_t> Writers::Pscs() {
  CAIRN_ASSIGN_OR_RETURN(std::ofstream out, Open(File::kPsc));
  uint64_t rows = 0, statements = 0, total = 0;
  for (const Company& c : w_.companies) total += c.in_register ? c.pscs.size() + c.no_psc_statement : 0;
  for (uint32_t ci = 0; ci < w_.companies.size(); ++ci) {
    const Company& c = w_.companies[ci];
    if (!c.in_register) continue;
    std::string self = "/company/" + c.number + "/persons-with-significant-control";
    for (size_t k = 0; k < c.pscs.size(); ++k) {
      const Control& ctl = c.pscs[k];
      Json d;
      uint32_t person = ctl.person;
      if (person != kNone) {
        const Person& p = w_.people[person];
        auto n = render_.PscName(p);
        d["kind"] = "individual-person-with-significant-control";
        d["name"] = n.full;
        d["name_elements"] = {{"title", n.title}, {"forename", n.forename}};
        if (!n.middle.empty()) d["name_elements"]["middle_name"] = n.middle;
        d["name_elements"]["surname"] = n.surname;
        d["date_of_birth"] = BirthMonth(p);
        d["nationality"] = "British";
        d["country_of_residence"] = "Scotland";
        d["address"] = ChAddress(render_, w_.addresses[p.home], words_);
        self += "/individual/";
      } else {
        d["kind"] = "corporate-entity-person-with-significant-control";
        bool uk = ctl.corporate != kNone;
        d["name"] = uk ? w_.companies[ctl.corporate].name : ctl.foreign_name;
        d["identification"] = {{"legal_form", uk ? "Private Limited Company" : "Company Limited By Shares"},
                               {"legal_authority", uk ? "Companies Act 2006" : ctl.foreign_country + " Business Companies Act"},
                               {"place_registered", uk ? "Companies House" : ctl.foreign_country + " Registry"},
                               {"registration_number", uk ? w_.companies[ctl.corporate].number : std::to_string(words_.Int(100000, 999999))},
                               {"country_registered", uk ? "Scotland" : ctl.foreign_country}};
        self += "/corporate-entity/";
      }
      d["natures_of_control"] = ctl.natures;
      d["notified_on"] = Iso(ctl.notified);
      d["ceased_on"] = ctl.ceased ? Json(Iso(ctl.ceased)) : Json(nullptr);
      d["links"]["self"] = self + OfficerId(uint64_t(ci) * 16 + k);
      self = "/company/" + c.number + "/persons-with-significant-control";
      out << Json{{"company_number", c.number}, {"data", d}}.dump() << "\n";
      ++rows;
      if (person != kNone) Note(person, File::kPsc, RefRole::kNone, rows);
      else if (ctl.corporate != kNone) NoteCompany(ctl.corporate, File::kPsc, RefRole::kPsc, rows);
      Tick(File::kPsc, rows, total);
    }
    if (c.no_psc_statement) {
      Json d = {{"kind", "persons-with-significant-control-statement"},
                {"statement", "no-individual-or-entity-with-signficant-control"},
                {"notified_on", Iso(c.incorporated)},
                {"links", {{"self", self + "-statements/" + OfficerId(ci)}}}};
      out << Json{{"company_number", c.number}, {"data", d}}.dump() << "\n";
      ++rows, ++statements;
      Tick(File::kPsc, rows, total);
    }
  }
  out << Json{{"data", {{"kind", "totals#persons-of-significant-control-snapshot"},
                        {"persons_of_significant_control_count", rows - statements},
                        {"statements_count", statements},
                        {"exemptions_count", 0}}}}.dump()
      << "\n";
  if (!out.flush()) return Unavailable("could not write psc.jsonl");
  return rows;
}

}  // namespace cairn::synth::internal
