#include "synth/releases.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "synth/words.h"

namespace cairn::synth {
namespace {

using nlohmann::json;

// CPV divisions a council buys in, with a typical contract value in pounds.
struct Market {
  const char* cpv;
  const char* title;
  double value;
};
constexpr Market kMarkets[] = {
    {"45000000", "Construction work", 800000},   {"90500000", "Refuse and waste services", 300000},
    {"79710000", "Security services", 150000},   {"60130000", "Special-purpose road passenger transport", 120000},
    {"50000000", "Repair and maintenance", 90000}, {"30200000", "Computer equipment", 60000},
    {"85300000", "Social work services", 400000}, {"77310000", "Planting and maintenance of green areas", 70000},
    {"55500000", "Canteen and catering services", 110000}, {"71000000", "Architectural and engineering services", 200000},
};

std::string Date(int64_t day, int seconds) {
  // Days since 2015-01-01.
  auto ymd = std::chrono::year_month_day{std::chrono::sys_days{std::chrono::year{2015} / 1 / 1} + std::chrono::days{day}};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", int(ymd.year()), unsigned(ymd.month()),
                unsigned(ymd.day()), seconds / 3600, seconds / 60 % 60, seconds % 60);
  return buf;
}

class Generator {
 public:
  Generator(const ReleasesOptions& o) : o_(o), w_(o.seed, 1000, 30000, 8000) {
    for (uint64_t i = 0; i < o.suppliers; ++i) {
      std::string surname = w_.surnames()[w_.Zipf(w_.surnames())];
      surname[0] = char(std::toupper(static_cast<unsigned char>(surname[0])));
      names_.push_back(surname + " " + kTrades[i % 8] + (i % 3 ? " Ltd" : " Limited"));
    }
    // A ring of cover bidders who bid often and never win.
    for (int i = 0; i < 12; ++i) ring_.push_back(Supplier(uint64_t(i) * 997 % o.suppliers));
  }

  bool ok() const { return w_.ok(); }

  json Release(uint64_t n) {
    const Market& market = kMarkets[w_.Int(0, 9)];
    uint64_t buyer = uint64_t(w_.Int(0, int(o_.buyers) - 1));
    int64_t start = w_.Int(0, 365 * 11);
    int days = w_.Chance(0.05) ? w_.Int(2, 14) : w_.Int(15, 45);
    double estimate = std::round(market.value * std::exp(std::normal_distribution<double>(0, 0.6)(w_.rng())));
    json release = {{"ocid", "ocds-r6ebe6-" + std::to_string(100000 + n)},
                    {"id", "ocds-r6ebe6-" + std::to_string(100000 + n) + "-compiled"},
                    {"date", Date(start + days + 30, 43200)},
                    {"tag", {"compiled"}},
                    {"buyer", {{"id", "GB-SCOTBUY-" + std::to_string(buyer)}, {"name", "Buyer " + std::to_string(buyer)}}}};
    std::string method = w_.Chance(0.6) ? "open" : w_.Chance(0.5) ? "selective" : w_.Chance(0.5) ? "limited" : "direct";
    json tender = {{"id", std::to_string(n)},
                   {"title", std::string(market.title) + " lot " + std::to_string(n % 7 + 1)},
                   {"status", w_.Chance(0.02) ? "cancelled" : "complete"},
                   {"procurementMethod", method},
                   {"procurementMethodDetails", method == "open" ? "Open Procedure" : method == "selective" ? "Restricted Procedure" : "Negotiated"},
                   {"mainProcurementCategory", market.cpv[0] == '4' ? "works" : "services"},
                   {"value", {{"amount", estimate}, {"currency", "GBP"}}},
                   {"tenderPeriod", {{"startDate", Date(start, 32400)}, {"endDate", Date(start + days, 43200)}}},
                   {"items", {{{"id", "1"}, {"classification", {{"scheme", "CPV"}, {"id", market.cpv}, {"description", market.title}}}}}}};
    std::vector<json> parties = {{{"id", release["buyer"]["id"]}, {"name", release["buyer"]["name"]}, {"roles", {"buyer"}}}};
    json bids = json::array();
    std::vector<std::pair<double, std::string>> valid;
    int bidders = w_.Chance(0.1) ? 1 : w_.Int(2, 8);
    for (int b = 0; b < bidders; ++b) {
      std::string id = b == 0 && w_.Chance(0.05) ? ring_[size_t(w_.Int(0, 11))] : Supplier(Pick());
      bool cover = std::find(ring_.begin(), ring_.end(), id) != ring_.end();
      double amount = std::round(estimate * (0.8 + 0.4 * w_.Int(0, 1000) / 1000.0) * (cover ? 1.3 : 1.0));
      if (b > 0 && w_.Chance(0.01)) amount = bids[0]["value"]["amount"];  // identical prices
      std::string status = w_.Chance(0.88) ? "valid" : w_.Chance(0.8) ? "disqualified" : "withdrawn";
      bool late = w_.Chance(0.01);
      bids.push_back({{"id", std::to_string(b + 1)},
                      {"status", status},
                      {"date", Date(start + days + (late ? 2 : -w_.Int(0, days - 1)), 36000)},
                      {"value", {{"amount", amount}, {"currency", "GBP"}}},
                      {"tenderers", {{{"id", id}, {"name", names_[Index(id)]}}}}});
      if (status == "valid") valid.emplace_back(amount, id);
      parties.push_back({{"id", id}, {"name", names_[Index(id)]},
                         {"identifier", {{"scheme", "GB-COH"}, {"id", "SC" + std::to_string(100000 + Index(id))}}},
                         {"roles", {"tenderer"}}});
    }
    tender["numberOfTenderers"] = bidders;
    release["tender"] = tender;
    release["bids"] = {{"details", bids}};
    std::sort(valid.begin(), valid.end());
    if (!valid.empty() && tender["status"] != "cancelled") {
      const auto& [amount, winner] = valid.front();
      release["awards"] = {{{"id", "1"},
                            {"status", w_.Chance(0.95) ? "active" : "pending"},
                            {"date", Date(start + days + 20, 43200)},
                            {"value", {{"amount", amount}, {"currency", "GBP"}}},
                            {"suppliers", {{{"id", winner}, {"name", names_[Index(winner)]}}}},
                            {"items", {{{"id", "1"}, {"classification", {{"scheme", "CPV"}, {"id", market.cpv}}}}}}}};
    }
    release["parties"] = parties;
    return release;
  }

 private:
  static constexpr const char* kTrades[] = {"Haulage", "Building", "Security", "Services", "Cleaning", "Waste", "Taxis", "Contracts"};

  std::string Supplier(uint64_t i) { return "GB-COH-SC" + std::to_string(100000 + i); }
  uint64_t Index(const std::string& id) { return std::stoull(id.substr(9)) - 100000; }
  // Suppliers drawn with a long tail: a few bid everywhere, most rarely.
  uint64_t Pick() {
    double u = std::uniform_real_distribution<double>(0, 1)(w_.rng());
    return uint64_t(std::pow(u, 2.5) * double(o_.suppliers - 1));
  }

  const ReleasesOptions& o_;
  Words w_;
  std::vector<std::string> names_, ring_;
};

}  // namespace

Status WriteReleases(const ReleasesOptions& options, std::ostream& out) {
  if (options.suppliers < 100 || options.buyers < 1) return InvalidArgument("need at least 100 suppliers and 1 buyer");
  Generator g(options);
  if (!g.ok()) return Internal("the synthetic word lists are not built into this binary");
  for (uint64_t n = 0; n < options.rows; ++n) {
    out << g.Release(n).dump() << '\n';
    if (options.progress && (n + 1) % 10000 == 0) options.progress(n + 1, options.rows);
  }
  if (!out) return DataLoss("writing the releases failed");
  return Status::Ok();
}

}  // namespace cairn::synth
