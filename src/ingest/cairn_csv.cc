#include "ingest/cairn_csv.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <toml++/toml.h>

#include "ingest/grading.h"

namespace cairn::ingest {
namespace {

const std::vector<std::string> kSignalCodes = {
    // B1 front business
    "cash_only", "few_customers_long_hours", "same_staff_always", "high_value_notes", "unexplained_wealth",
    "frequent_name_or_owner_change",
    // B2 exploitation
    "workers_living_on_site", "one_person_takes_payment", "no_staff_vehicles", "no_qualifications_displayed",
    "overstaffed", "caravan_or_container_on_site", "documents_held_by_others", "transported_to_work",
    "little_english"};

// ISO (YYYY-MM-DD) or UK (DD/MM/YYYY) → ISO; "" stays "".
Result<std::string> Date(const std::string& text) {
  if (text.empty()) return text;
  int a = 0, b = 0, c = 0;
  int y, m, d;
  if (text.size() == 10 && text[4] == '-' && std::sscanf(text.c_str(), "%4d-%2d-%2d", &a, &b, &c) == 3) {
    y = a, m = b, d = c;
  } else if (text.size() == 10 && text[2] == '/' && std::sscanf(text.c_str(), "%2d/%2d/%4d", &a, &b, &c) == 3) {
    y = c, m = b, d = a;
  } else {
    return InvalidArgument("'" + text + "' is not a date (YYYY-MM-DD or DD/MM/YYYY)");
  }
  if (!std::chrono::year_month_day{std::chrono::year{y}, std::chrono::month{unsigned(m)}, std::chrono::day{unsigned(d)}}.ok()) {
    return InvalidArgument("'" + text + "' is not a real date");
  }
  char iso[11];
  std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", y, m, d);
  return std::string(iso);
}

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  return s;
}

std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
  return out;
}

}  // namespace

const std::vector<CsvFormatSpec>& CairnCsvFormats() {
  using T = ColumnType;
  static const std::vector<CsvFormatSpec> kFormats = {
      {kLicencesFormat,
       {{"licence_id", T::kText, true, {}},
        {"issuing_council", T::kText, true, {}},
        {"licence_type", T::kEnum, true,
         {"premises_alcohol", "hmo", "taxi_private_hire", "second_hand_dealer", "metal_dealer",
          "skin_piercing_tattooing", "street_trader", "late_hours_catering", "nail_bar"}},
        {"status", T::kEnum, true, {"pending", "granted", "refused", "suspended", "revoked"}},
        {"premises_name", T::kText, false, {}},
        {"address", T::kText, false, {}},
        {"postcode", T::kText, false, {}},
        {"holder_name", T::kText, true, {}},
        {"holder_type", T::kEnum, false, {"person", "company"}},
        {"holder_company_number", T::kText, false, {}},
        {"holder_date_of_birth", T::kDate, false, {}},
        {"designated_premises_manager", T::kText, false, {}},
        {"granted_on", T::kDate, false, {}},
        {"expires_on", T::kDate, false, {}},
        {"occupancy", T::kInteger, false, {}}},
       {"issuing_council", "licence_id"},
       false},
      {kInspectionsFormat,
       {{"report_id", T::kText, true, {}},
        {"date", T::kDate, true, {}},
        {"agency", T::kText, true, {}},
        {"service", T::kEnum, true,
         {"trading_standards", "licensing", "environmental_health", "hmrc", "border_force", "fire"}},
        {"premises_name", T::kText, false, {}},
        {"address", T::kText, false, {}},
        {"postcode", T::kText, false, {}},
        {"business_name", T::kText, false, {}},
        {"company_number", T::kText, false, {}},
        {"signals", T::kCodeList, false, kSignalCodes},
        {"notes", T::kText, false, {}}},
       {"agency", "report_id"},
       false},
      {kIntelligenceFormat,
       {{"subject_id", T::kText, true, {}},
        {"subject_type", T::kEnum, true, {"person", "organisation", "socg", "address"}},
        {"name", T::kText, false, {}},
        {"date_of_birth", T::kDate, false, {}},
        {"company_number", T::kText, false, {}},
        {"address", T::kText, false, {}},
        {"postcode", T::kText, false, {}},
        {"socg_reference", T::kText, false, {}},
        // 3x5x2, or legacy 5x5x5 (letters for the source): NormaliseGrading maps the latter.
        {"source_grade", T::kEnum, true, {"1", "2", "3", "A", "B", "C", "D", "E"}},
        {"information_grade", T::kEnum, true, {"A", "B", "C", "D", "E", "1", "2", "3", "4", "5"}},
        {"handling_code", T::kEnum, true, {"P", "C", "1", "2", "3", "4", "5"}},
        {"handling_conditions", T::kText, false, {}},
        {"originator", T::kText, true, {}},
        {"recorded_on", T::kDate, true, {}},
        {"review_on", T::kDate, false, {}},
        // For a SOC group: what it does (the crime types of config/threat.toml).
        {"crime_types", T::kCodeList, false,
         {"drugs", "violence", "money_laundering", "fraud", "human_trafficking", "counterfeiting", "illicit_puppy_trade",
          "rogue_trading", "environmental_crime", "cyber", "child_exploitation", "firearms"}}},
       {"subject_id"},
       true},
  };
  return kFormats;
}

const CsvFormatSpec* FindCairnCsvFormat(const std::string& format) {
  for (const auto& f : CairnCsvFormats()) {
    if (format == f.format) return &f;
  }
  return nullptr;
}

const CsvFormatSpec* DetectCairnCsvFormat(const CsvHeader& header) {
  for (const auto& f : CairnCsvFormats()) {
    bool all = std::all_of(f.columns.begin(), f.columns.end(),
                           [&](const ColumnSpec& c) { return !c.required || header.Index(c.name).ok(); });
    if (all) return &f;
  }
  return nullptr;
}

Result<CairnCsvParser> CairnCsvParser::Create(const CsvFormatSpec& spec, const CsvHeader& header,
                                              const std::map<std::string, std::string>& mapping) {
  CairnCsvParser p;
  p.spec_ = &spec;
  for (const ColumnSpec& c : spec.columns) {
    auto mapped = mapping.find(c.name);
    std::string their = mapped == mapping.end() ? c.name : mapped->second;
    auto i = header.Index(their);
    if (!i.ok() && c.required) {
      return InvalidArgument(std::string(spec.format) + " needs a column " + c.name +
                             (mapped == mapping.end() ? "" : " (mapped to '" + their + "')") + "; " +
                             i.status().message());
    }
    p.index_.push_back(i.ok() ? int(*i) : -1);
  }
  return p;
}

Result<SourceRecord> CairnCsvParser::Parse(const std::vector<std::string>& fields) const {
  nlohmann::json out = nlohmann::json::object();
  for (size_t k = 0; k < spec_->columns.size(); ++k) {
    const ColumnSpec& c = spec_->columns[k];
    std::string v = index_[k] >= 0 && size_t(index_[k]) < fields.size() ? Trim(fields[size_t(index_[k])]) : "";
    if (v.empty()) {
      if (c.required) return InvalidField(c.name, std::string(c.name) + " is empty");
      continue;
    }
    switch (c.type) {
      case ColumnType::kText: out[c.name] = v; break;
      case ColumnType::kDate: {
        auto iso = Date(v);
        if (!iso.ok()) return InvalidField(c.name, std::string(c.name) + ": " + iso.status().message());
        out[c.name] = *iso;
        break;
      }
      case ColumnType::kInteger: {
        long long n = 0;
        auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
        if (ec != std::errc() || ptr != v.data() + v.size()) {
          return InvalidField(c.name, std::string(c.name) + ": '" + v + "' is not a whole number");
        }
        out[c.name] = n;
        break;
      }
      case ColumnType::kEnum: {
        // Matched without regard to case; stored in the canonical form ("a" → "A", "HMO" → "hmo").
        auto it = std::find_if(c.allowed.begin(), c.allowed.end(), [&](const std::string& a) { return Lower(a) == Lower(v); });
        if (it == c.allowed.end()) {
          return InvalidField(c.name, std::string(c.name) + ": '" + v + "' is not one of " + Join(c.allowed));
        }
        out[c.name] = *it;
        break;
      }
      case ColumnType::kCodeList: {
        nlohmann::json codes = nlohmann::json::array();
        for (size_t start = 0; start <= v.size();) {
          size_t end = v.find_first_of(";|", start);
          std::string code = Lower(Trim(v.substr(start, end == std::string::npos ? std::string::npos : end - start)));
          if (!code.empty()) {
            if (std::find(c.allowed.begin(), c.allowed.end(), code) == c.allowed.end()) {
              return InvalidField(c.name, std::string(c.name) + ": unknown code '" + code + "'");
            }
            codes.push_back(code);
          }
          if (end == std::string::npos) break;
          start = end + 1;
        }
        out[c.name] = codes;
        break;
      }
    }
  }
  if (std::string(spec_->format) == kIntelligenceFormat) CAIRN_RETURN_IF_ERROR(NormaliseGrading(out));
  SourceRecord r;
  for (const char* k : spec_->key) r.key += (r.key.empty() ? "" : "/") + out.value(k, std::string());
  r.payload = out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return r;
}

Result<std::map<std::string, std::string>> LoadColumnMapping(const std::string& path) {
  toml::table root;
  try {
    root = toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    return InvalidArgument(path + " line " + std::to_string(e.source().begin.line) + ": " + std::string(e.description()));
  }
  std::map<std::string, std::string> out;
  const toml::table* columns = root["columns"].as_table();
  if (columns == nullptr) return InvalidArgument(path + ": needs a [columns] table of canonical = \"their column\"");
  for (const auto& [key, value] : *columns) {
    auto s = value.value<std::string>();
    if (!s) return InvalidArgument(path + ": columns." + std::string(key.str()) + " must be a string");
    out[std::string(key.str())] = *s;
  }
  return out;
}

}  // namespace cairn::ingest
