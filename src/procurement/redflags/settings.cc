#include "procurement/redflags/settings.h"

#include <charconv>
#include <functional>

#include "common/file.h"

namespace cairn::procurement::redflags {
namespace {

// Written by hand: Debian's INI library (inih) does not report a section that has no keys, and
// an empty [R024] is exactly how a Cardinal settings file switches an indicator on.

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::set<std::string> SplitList(std::string_view v) {
  std::set<std::string> out;
  size_t start = 0;
  while (start <= v.size()) {
    size_t bar = v.find('|', start);
    if (bar == std::string_view::npos) bar = v.size();
    std::string_view item = Trim(v.substr(start, bar - start));
    if (!item.empty()) out.emplace(item);
    start = bar + 1;
  }
  return out;
}

std::optional<int64_t> WholeNumber(std::string_view v) {
  int64_t n = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (ec != std::errc() || end != v.data() + v.size() || n < 0) return std::nullopt;
  return n;
}

std::optional<double> Number(std::string_view v) {
  double d = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), d);
  if (ec != std::errc() || end != v.data() + v.size() || d != d) return std::nullopt;
  return d;
}

// Where a value goes: each setter returns false if the text is not of its kind.
using Setter = std::function<bool(Settings&, std::string_view)>;

// A setter that parses with `parse` (returning an optional) and stores into `field(settings)`.
template <typename Parse, typename F>
Setter Parsed(Parse parse, F field) {
  return [parse, field](Settings& s, std::string_view v) {
    auto n = parse(v);
    if (n) field(s) = *n;
    return n.has_value();
  };
}

template <typename F>
Setter WholeInto(F field) {
  return Parsed(WholeNumber, field);
}

template <typename F>
Setter NumberInto(F field) {
  return Parsed(Number, field);
}

template <typename F>
Setter ListInto(F field) {
  return [field](Settings& s, std::string_view v) {
    field(s) = SplitList(v);
    return true;
  };
}

struct Key {
  Setter set;
  const char* kind;  // for the error message
};

// section → key → setter. "" is the general section (also spelled [defaults]).
const std::map<std::string, std::map<std::string, Key>>& Schema() {
  static const auto* schema = new std::map<std::string, std::map<std::string, Key>>{
      {"",
       {{"currency", {[](Settings& s, std::string_view v) { s.currency = std::string(v); return !v.empty(); }, "a currency code"}},
        {"price_comparison_procurement_methods",
         {[](Settings& s, std::string_view v) { s.price_comparison_methods = SplitList(v); return true; }, "a list"}},
        {"no_price_comparison_procurement_methods",
         {ListInto([](Settings& s) -> auto& { return s.no_price_comparison_methods; }), "a list"}}}},
      {"exclusions",
       {{"procurement_method_details", {ListInto([](Settings& s) -> auto& { return s.excluded_method_details; }), "a list"}}}},
      {"R003",
       {{"threshold", {WholeInto([](Settings& s) -> auto& { return s.r003.threshold; }), "a whole number of days"}},
        {"procurement_methods", {ListInto([](Settings& s) -> auto& { return s.r003.procurement_methods; }), "a list"}}}},
      {"R018", {{"procurement_methods", {ListInto([](Settings& s) -> auto& { return s.r018.procurement_methods; }), "a list"}}}},
      {"R024", {{"threshold", {NumberInto([](Settings& s) -> auto& { return s.r024.threshold; }), "a number"}}}},
      {"R025",
       {{"percentile", {NumberInto([](Settings& s) -> auto& { return s.r025.percentile; }), "a number from 0 to 100"}},
        {"threshold", {NumberInto([](Settings& s) -> auto& { return s.r025.threshold; }), "a number"}}}},
      {"R028", {}},
      {"R030", {}},
      {"R035", {{"threshold", {WholeInto([](Settings& s) -> auto& { return s.r035.threshold; }), "a whole number"}}}},
      {"R036", {}},
      {"R038",
       {{"threshold", {NumberInto([](Settings& s) -> auto& { return s.r038.threshold; }), "a number"}},
        {"minimum_submitted_bids", {WholeInto([](Settings& s) -> auto& { return s.r038.minimum_submitted_bids; }), "a whole number"}},
        {"minimum_contracting_processes",
         {WholeInto([](Settings& s) -> auto& { return s.r038.minimum_contracting_processes; }), "a whole number"}}}},
      {"R048",
       {{"digits", {WholeInto([](Settings& s) -> auto& { return s.r048.digits; }), "a whole number"}},
        {"threshold", {NumberInto([](Settings& s) -> auto& { return s.r048.threshold; }), "a number"}},
        {"minimum_contracting_processes",
         {WholeInto([](Settings& s) -> auto& { return s.r048.minimum_contracting_processes; }), "a whole number"}}}},
      {"R058", {{"threshold", {NumberInto([](Settings& s) -> auto& { return s.r058.threshold; }), "a number"}}}},
  };
  return *schema;
}

constexpr char kMethodTable[] = "R003.procurement_method_details";

// One `key = value` line under `section`.
Status SetKey(Settings& s, const std::string& section, std::string_view key, std::string_view value,
              const std::string& where) {
  std::string name = section.empty() ? std::string(key) : "[" + section + "] " + std::string(key);
  if (section == kMethodTable) {
    auto n = WholeNumber(value);
    if (!n) return InvalidArgument(where + name + " must be a whole number of days, not \"" + std::string(value) + "\"");
    s.r003.by_method_details[std::string(key)] = *n;
    return Status::Ok();
  }
  const auto& keys = Schema().at(section);
  auto it = keys.find(std::string(key));
  if (it == keys.end()) return InvalidArgument(where + "unknown setting " + name);
  if (!it->second.set(s, value))
    return InvalidArgument(where + name + " must be " + it->second.kind + ", not \"" + std::string(value) + "\"");
  return Status::Ok();
}

}  // namespace

const std::vector<std::string>& IndicatorCodes() {
  static const std::vector<std::string> codes = {"R003", "R018", "R024", "R025", "R028", "R030",
                                                 "R035", "R036", "R038", "R048", "R058"};
  return codes;
}

Settings AllIndicators() {
  Settings s;
  s.enabled = {IndicatorCodes().begin(), IndicatorCodes().end()};
  return s;
}

Result<Settings> ParseSettings(std::string_view text, const std::string& source) {
  Settings s;
  std::string section;
  std::set<std::string> seen;  // "section\nkey"
  size_t line_no = 0, start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = Trim(text.substr(start, end - start));
    start = end + 1;
    ++line_no;
    std::string where = source + " line " + std::to_string(line_no) + ": ";
    if (line.empty() || line.front() == ';' || line.front() == '#') continue;
    if (line.front() == '[') {
      if (line.back() != ']') return InvalidArgument(where + "a section header must end with ]");
      section = std::string(Trim(line.substr(1, line.size() - 2)));
      if (section == "defaults") section.clear();
      if (section != kMethodTable && !Schema().count(section))
        return InvalidArgument(where + "unknown section [" + section + "]");
      if (section.size() == 4 && section[0] == 'R') s.enabled.insert(section);
      if (section == kMethodTable) s.enabled.insert("R003");
      continue;
    }
    size_t eq = line.find('=');
    if (eq == std::string_view::npos) return InvalidArgument(where + "expected key = value or [section]");
    std::string_view key = Trim(line.substr(0, eq)), value = Trim(line.substr(eq + 1));
    if (key.empty()) return InvalidArgument(where + "a setting needs a name before =");
    if (!seen.insert(section + "\n" + std::string(key)).second)
      return InvalidArgument(where + (section.empty() ? "" : "[" + section + "] ") + std::string(key) + " is set twice");
    CAIRN_RETURN_IF_ERROR(SetKey(s, section, key, value, where));
  }
  if (s.r025.percentile < 0 || s.r025.percentile > 100)
    return InvalidArgument(source + ": [R025] percentile must be from 0 to 100");
  if (s.r048.digits < 1 || s.r048.digits > 8)
    return InvalidArgument(source + ": [R048] digits must be from 1 to 8 (a CPV code has 8)");
  return s;
}

Result<Settings> LoadSettings(const std::string& path) {
  if (path.empty()) return AllIndicators();
  CAIRN_ASSIGN_OR_RETURN(std::string text, ReadTextFile(path, "red-flag settings"));
  return ParseSettings(text, path);
}

std::string DefaultSettingsText() {
  return R"(; Red-flag settings for `cairn redflags` (the format Open Contracting's Cardinal reads).
; An indicator runs only if its [Rxxx] section is present: delete a section to switch it off.
; Lists are separated by |. Fence-based indicators (R024, R025, R038, R048, R058) compute their
; threshold from the data (Tukey fences over type-8 quartiles) unless `threshold` is set.

; The main currency; amounts in other currencies are ignored. Default: the first bid currency.
; currency = GBP
; procurementMethodDetails that do not compare prices (R024, R028, R036, R058 skip them).
; no_price_comparison_procurement_methods = Random Selection
; Or the opposite: only these procurementMethodDetails compare prices.
; price_comparison_procurement_methods = Reverse Auction

[exclusions]
; procurementMethodDetails that every indicator skips.
; procurement_method_details = Framework Call-Off

[R003]
; Short submission period: fewer whole days than this between tender start and end.
threshold = 15
; procurement_methods = open|selective

[R003.procurement_method_details]
; A threshold per procurementMethodDetails, e.g.
; Open Procedure = 30

[R018]
; Single bid received, for these procurement methods.
procurement_methods = open|selective

[R024]
; Price close to winning bid. threshold = a ratio; default: the lower fence.
; threshold = 0.05

[R025]
; Excessive unsuccessful bids, among tenderers at or above this percentile of bids.
percentile = 75
; threshold = 0.05

[R028]
; Identical bid prices.

[R030]
; Late bid won.

[R035]
; All except winning bid disqualified: at least this many other tenderers disqualified.
threshold = 1

[R036]
; Lowest bid disqualified.

[R038]
; Excessive disqualified bids, per buyer, procuring entity and tenderer.
minimum_submitted_bids = 2
minimum_contracting_processes = 2
; threshold = 0.5

[R048]
; Heterogeneous supplier: distinct classification prefixes of this many digits.
digits = 2
minimum_contracting_processes = 20
; threshold = 10

[R058]
; Heavily discounted bid. threshold = a ratio; default: the upper fence.
; threshold = 0.5
)";
}

}  // namespace cairn::procurement::redflags
