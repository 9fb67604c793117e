#include "ingest/companies_house.h"

#include <chrono>
#include <cstdio>
#include <nlohmann/json.hpp>

namespace cairn::ingest {
namespace {

// Column names, as in the header after trimming.
constexpr const char* kAddress[][2] = {
    {"care_of", "RegAddress.CareOf"}, {"po_box", "RegAddress.POBox"}, {"address_line_1", "RegAddress.AddressLine1"},
    {"address_line_2", "RegAddress.AddressLine2"}, {"post_town", "RegAddress.PostTown"},
    {"county", "RegAddress.County"}, {"country", "RegAddress.Country"}, {"postcode", "RegAddress.PostCode"}};

}  // namespace

bool IsCompaniesHeader(const CsvHeader& header) {
  return header.Index("CompanyName").ok() && header.Index("CompanyNumber").ok() &&
         header.Index("IncorporationDate").ok();
}

CompaniesParser::CompaniesParser(const CsvHeader& header) : header_(header) {}

Result<std::string> UkDateToIso(const std::string& text) {
  std::string t = Trim(text);
  if (t.empty()) return std::string();
  int d = 0, m = 0, y = 0;
  char tail = 0;
  if (t.size() != 10 || std::sscanf(t.c_str(), "%2d/%2d/%4d%c", &d, &m, &y, &tail) != 3) {
    return InvalidArgument("'" + t + "' is not a DD/MM/YYYY date");
  }
  std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{unsigned(m)}, std::chrono::day{unsigned(d)}};
  if (!ymd.ok() || y < 1800) return InvalidArgument("'" + t + "' is not a real date");
  char iso[11];
  std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", y, m, d);
  return std::string(iso);
}

Result<SourceRecord> CompaniesParser::Parse(const std::vector<std::string>& fields) const {
  auto get = [&](const char* column) -> std::string {
    auto i = header_.Index(column);
    return i.ok() && *i < fields.size() ? Trim(fields[*i]) : std::string();
  };
  auto date = [&](const char* column) -> Result<std::string> {
    auto iso = UkDateToIso(get(column));
    if (!iso.ok()) return InvalidField(column, std::string(column) + ": " + iso.status().message());
    return iso;
  };
  SourceRecord r;
  r.key = get("CompanyNumber");
  if (r.key.empty()) return InvalidField("CompanyNumber", "CompanyNumber is empty");
  std::string name = get("CompanyName");
  if (name.empty()) return InvalidField("CompanyName", "CompanyName is empty");
  nlohmann::json p;
  p["company_number"] = r.key;
  p["company_name"] = name;
  nlohmann::json address = nlohmann::json::object();
  for (const auto& [key, column] : kAddress) {
    std::string v = get(column);
    if (!v.empty()) address[key] = v;
  }
  p["registered_address"] = address;
  p["category"] = get("CompanyCategory");
  p["status"] = get("CompanyStatus");
  p["country_of_origin"] = get("CountryOfOrigin");
  CAIRN_ASSIGN_OR_RETURN(p["incorporation_date"], date("IncorporationDate"));
  CAIRN_ASSIGN_OR_RETURN(p["dissolution_date"], date("DissolutionDate"));
  CAIRN_ASSIGN_OR_RETURN(p["accounts"]["next_due"], date("Accounts.NextDueDate"));
  CAIRN_ASSIGN_OR_RETURN(p["accounts"]["last_made_up"], date("Accounts.LastMadeUpDate"));
  p["accounts"]["category"] = get("Accounts.AccountCategory");
  CAIRN_ASSIGN_OR_RETURN(p["confirmation_statement"]["next_due"], date("ConfStmtNextDueDate"));
  CAIRN_ASSIGN_OR_RETURN(p["confirmation_statement"]["last_made_up"], date("ConfStmtLastMadeUpDate"));
  p["sic_codes"] = nlohmann::json::array();
  for (int i = 1; i <= 4; ++i) {
    std::string sic = get(("SICCode.SicText_" + std::to_string(i)).c_str());
    if (sic.empty()) continue;
    size_t dash = sic.find(" - ");
    p["sic_codes"].push_back({{"code", sic.substr(0, dash)},
                              {"text", dash == std::string::npos ? "" : sic.substr(dash + 3)}});
  }
  p["previous_names"] = nlohmann::json::array();
  for (int i = 1; i <= 10; ++i) {
    std::string prefix = "PreviousName_" + std::to_string(i);
    std::string prev = get((prefix + ".CompanyName").c_str());
    if (prev.empty()) continue;
    CAIRN_ASSIGN_OR_RETURN(std::string changed, date((prefix + ".CONDATE").c_str()));
    p["previous_names"].push_back({{"name", prev}, {"changed_on", changed}});
  }
  r.payload = p.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return r;
}

}  // namespace cairn::ingest
