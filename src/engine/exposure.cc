#include "engine/exposure.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <map>
#include <set>
#include <sstream>

#include "audit/chain.h"
#include "common/csv_field.h"
#include "engine/internal/xlsx.h"
#include "resolve/normalise.h"
#include "risk/threat.h"
#include "storage/organisations.h"
#include "storage/screening.h"

namespace cairn::engine {
namespace {

using nlohmann::json;

// The indicators that make an award "to a flagged supplier": signs about the supplier, not the
// market it works in (P3, C6 are categories).
const std::vector<std::string> kFlags = {"P1", "P2", "P4", "P5", "P7", "N1"};

// The Taskforce's roles, and the system (the command line, run by whoever runs the deployment).
bool Taskforce(const model::Actor& actor) { return !actor.role || *actor.role != model::Role::kPartner; }

double Amount(const json& detail) {
  const json& v = detail.value("value", json());
  return v.is_object() && v.contains("amount") && v["amount"].is_number() ? v["amount"].get<double>() : 0;
}

struct Tally {
  int64_t awards = 0, flagged = 0;
  double value = 0, flagged_value = 0;
  void Add(double amount, bool is_flagged) {
    ++awards;
    value += amount;
    if (is_flagged) ++flagged, flagged_value += amount;
  }
};

std::vector<ExposureRow> Rows(const std::map<std::string, Tally>& tallies, int suppress_below, bool suppress,
                              const std::string& own) {
  std::vector<ExposureRow> out;
  for (const auto& [key, t] : tallies) {
    ExposureRow r{key, t.awards, t.value, t.flagged, t.flagged_value};
    bool small = t.flagged > 0 && t.flagged < suppress_below;
    if (suppress && small && key != own) r.flagged_awards.reset(), r.flagged_value.reset();
    out.push_back(std::move(r));
  }
  return out;
}

std::string Count(const std::optional<int64_t>& v, int suppress_below) {
  return v ? std::to_string(*v) : "<" + std::to_string(suppress_below);
}

}  // namespace

Result<Exposure> BuildExposure(const app::Env& env, const model::Actor& actor) {
  Exposure e;
  e.suppress_below = risk::DefaultThreatSettings().suppress_below;
  e.suppressed = !Taskforce(actor);
  std::map<std::string, Tally> buyers, sectors, years, councils;
  Tally total;
  CAIRN_RETURN_IF_ERROR(env.db.Read([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(auto orgs, storage::ListOrganisations(tx));
    std::map<std::string, std::string> council_of;  // normalised name → council
    for (const auto& o : orgs) {
      if (o.type == "council") council_of[resolve::NormaliseOrganisationName(o.name)] = o.name;
      if (actor.organisation_id == o.id) e.own_buyer = o.name;
    }
    CAIRN_ASSIGN_OR_RETURN(auto flagged_list, storage::EntitiesWithFindings(tx, kFlags));
    std::set<std::string> flagged(flagged_list.begin(), flagged_list.end());
    CAIRN_ASSIGN_OR_RETURN(auto awards, storage::AllAwards(tx));
    for (const auto& a : awards) {
      json detail = json::parse(a.detail, nullptr, false);
      std::string status = detail.is_object() ? detail.value("status", std::string()) : "";
      if (status == "cancelled" || status == "unsuccessful" || status == "pending") continue;
      double amount = detail.is_object() ? Amount(detail) : 0;
      bool is_flagged = flagged.count(a.supplier_id) > 0;
      json buyer_detail = json::parse(a.buyer_detail, nullptr, false);
      std::string division = "unknown";
      if (buyer_detail.is_object()) {
        const json& cpv = buyer_detail.value("cpv", json::array());
        if (!cpv.empty() && cpv[0].is_string() && cpv[0].get<std::string>().size() >= 2) division = cpv[0].get<std::string>().substr(0, 2);
      }
      std::string buyer = a.buyer_name.empty() ? "unknown" : a.buyer_name;
      auto council = council_of.find(resolve::NormaliseOrganisationName(a.buyer_name));
      buyers[buyer].Add(amount, is_flagged);
      sectors[division].Add(amount, is_flagged);
      years[a.date.size() >= 4 ? a.date.substr(0, 4) : "unknown"].Add(amount, is_flagged);
      councils[council == council_of.end() ? "(not a council)" : council->second].Add(amount, is_flagged);
      total.Add(amount, is_flagged);
    }
    return Status::Ok();
  }));
  e.buyers = Rows(buyers, e.suppress_below, e.suppressed, e.own_buyer);
  e.sectors = Rows(sectors, e.suppress_below, e.suppressed, "");
  e.years = Rows(years, e.suppress_below, e.suppressed, "");
  e.councils = Rows(councils, e.suppress_below, e.suppressed, e.own_buyer);
  e.total = {"all", total.awards, total.value, total.flagged, total.flagged_value};
  CAIRN_RETURN_IF_ERROR(env.db.Write([&](storage::Tx& tx) {
    return audit::Append(tx, env.clock, actor,
                         {"read", "procurement_exposure", "", false, {{"suppressed", e.suppressed}, {"awards", total.awards}}});
  }));
  return e;
}

std::string ExposureCsv(const Exposure& e) {
  std::ostringstream out;
  out << "dimension,key,awards,value,flagged_awards,flagged_value,flagged_share\n";
  auto write = [&](const char* dim, const std::vector<ExposureRow>& rows) {
    for (const auto& r : rows) {
      char value[32], flagged_value[32] = "", share[16] = "";
      std::snprintf(value, sizeof value, "%.0f", r.value);
      if (r.flagged_value) std::snprintf(flagged_value, sizeof flagged_value, "%.0f", *r.flagged_value);
      if (r.flagged_value && r.value > 0) std::snprintf(share, sizeof share, "%.4f", *r.flagged_value / r.value);
      out << dim << "," << CsvField(r.key) << "," << r.awards << "," << value << "," << Count(r.flagged_awards, e.suppress_below)
          << "," << (r.flagged_value ? flagged_value : "") << "," << share << "\n";
    }
  };
  write("total", {e.total});
  write("buyer", e.buyers);
  write("sector", e.sectors);
  write("year", e.years);
  write("council", e.councils);
  return out.str();
}

Result<std::string> ExposureXlsx(const Exposure& e) {
  return internal::XlsxBytes("exposure", [&](lxw_workbook* wb, lxw_format* bold) {
    auto sheet = [&](const char* name, const char* first, const std::vector<ExposureRow>& rows) {
      lxw_worksheet* ws = workbook_add_worksheet(wb, name);
      const char* heads[] = {first, "Awards", "Value (£)", "Awards to flagged suppliers", "Value to flagged suppliers (£)"};
      for (int c = 0; c < 5; ++c) worksheet_write_string(ws, 0, lxw_col_t(c), heads[c], bold);
      worksheet_set_column(ws, 0, 0, 40, nullptr);
      worksheet_set_column(ws, 1, 4, 22, nullptr);
      lxw_row_t row = 1;
      for (const auto& r : rows) {
        worksheet_write_string(ws, row, 0, r.key.c_str(), nullptr);
        worksheet_write_number(ws, row, 1, double(r.awards), nullptr);
        worksheet_write_number(ws, row, 2, r.value, nullptr);
        if (r.flagged_awards) worksheet_write_number(ws, row, 3, double(*r.flagged_awards), nullptr);
        else worksheet_write_string(ws, row, 3, Count(r.flagged_awards, e.suppress_below).c_str(), nullptr);
        if (r.flagged_value) worksheet_write_number(ws, row, 4, *r.flagged_value, nullptr);
        ++row;
      }
    };
    sheet("Buyers", "Buyer", e.buyers);
    sheet("Sectors", "CPV division", e.sectors);
    sheet("Years", "Year", e.years);
    sheet("Councils", "Council area", e.councils);
  });
}

}  // namespace cairn::engine
