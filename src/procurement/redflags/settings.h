// Settings of the Cardinal-compatible red flags (INDICATORS.md), read from the INI file that
// Open Contracting's Cardinal reads: an indicator runs only if its [Rxxx] section is present, and
// every key a section may hold is listed here, so a typo is an error rather than a silent default.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace cairn::procurement::redflags {

// Every indicator Cairn computes, in output order.
const std::vector<std::string>& IndicatorCodes();

struct Settings {
  std::set<std::string> enabled;  // indicator codes whose section is present

  // Amounts in any other currency are ignored; unset → the first bid currency in the file.
  std::optional<std::string> currency;
  // procurementMethodDetails that do (allow list) or do not (deny list) compare prices, for
  // R024, R028, R036 and R058.
  std::optional<std::set<std::string>> price_comparison_methods;
  std::set<std::string> no_price_comparison_methods;
  // [exclusions] procurement_method_details: processes skipped by every indicator.
  std::set<std::string> excluded_method_details;

  struct {
    int64_t threshold = 15;
    std::map<std::string, int64_t> by_method_details;  // [R003.procurement_method_details]
    std::set<std::string> procurement_methods;          // empty → every method
  } r003;
  struct {
    std::set<std::string> procurement_methods = {"open", "selective"};
  } r018;
  struct {
    std::optional<double> threshold;
  } r024, r058;
  struct {
    double percentile = 75;
    std::optional<double> threshold;
  } r025;
  struct {
    int64_t threshold = 1;
  } r035;
  struct {
    std::optional<double> threshold;
    int64_t minimum_submitted_bids = 2;
    int64_t minimum_contracting_processes = 2;
  } r038;
  struct {
    int64_t digits = 2;
    std::optional<double> threshold;
    int64_t minimum_contracting_processes = 20;
  } r048;

  bool Enabled(std::string_view code) const { return enabled.count(std::string(code)) > 0; }
};

// Every indicator enabled with its defaults: what `cairn redflags` uses without --settings.
Settings AllIndicators();

// Parses INI text: `key = value` lines under `[section]` headers, `;` or `#` comment lines; keys
// before any section, or under [defaults], are the general settings (currency and the two price
// comparison lists); lists are separated by `|`. InvalidArgument "<source> line N: …" naming the
// section and key for an unknown section or key, a key set twice, or a value of the wrong kind.
Result<Settings> ParseSettings(std::string_view text, const std::string& source);

// Reads and parses `path`; an empty path yields AllIndicators().
Result<Settings> LoadSettings(const std::string& path);

// The file `cairn redflags init` writes: every indicator's section with its defaults, and the
// optional settings commented out. Parsing it yields AllIndicators().
std::string DefaultSettingsText();

}  // namespace cairn::procurement::redflags
