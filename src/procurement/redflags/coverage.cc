#include "procurement/redflags/coverage.h"

#include <simdjson.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>

#include <cstdio>
#include <map>
#include <sstream>

#include "procurement/redflags/internal/line_blocks.h"
#include "procurement/redflags/settings.h"

namespace cairn::procurement::redflags {
namespace {

// The fields each indicator needs (INDICATORS.md). Optional fields that only refine an indicator
// (procurementMethodDetails, tender/status) are listed with no indicator.
struct Need {
  const char* path;
  std::vector<std::string> indicators;
};

const std::vector<Need>& Needs() {
  static const std::vector<Need> needs = {
      {"tender/tenderPeriod/startDate", {"R003"}},
      {"tender/tenderPeriod/endDate", {"R003", "R030"}},
      {"tender/procurementMethod", {"R018"}},
      {"tender/procurementMethodDetails", {}},
      {"tender/status", {}},
      {"tender/numberOfTenderers", {"R018"}},
      {"buyer/id", {}},
      {"tender/procuringEntity/id", {}},
      {"bids/details/status", {"R024", "R025", "R028", "R030", "R035", "R036", "R038", "R058"}},
      {"bids/details/date", {"R030"}},
      {"bids/details/value/amount", {"R024", "R025", "R028", "R036", "R058"}},
      {"bids/details/value/currency", {"R024", "R025", "R028", "R036", "R058"}},
      {"bids/details/tenderers/id", {"R024", "R025", "R028", "R030", "R035", "R038", "R058"}},
      {"awards/status", {"R024", "R025", "R030", "R035", "R036", "R048", "R058"}},
      {"awards/suppliers/id", {"R024", "R025", "R030", "R035", "R048", "R058"}},
      {"awards/items/classification/id", {"R048"}},
  };
  return needs;
}

std::vector<std::vector<std::string>> SplitPaths() {
  std::vector<std::vector<std::string>> out;
  for (const auto& n : Needs()) {
    std::vector<std::string> parts;
    std::stringstream ss(n.path);
    for (std::string part; std::getline(ss, part, '/');) parts.push_back(part);
    out.push_back(std::move(parts));
  }
  return out;
}

// True if a non-null value sits at `path[at..]` below `e`, looking through arrays.
bool Has(simdjson::dom::element e, const std::vector<std::string>& path, size_t at) {
  simdjson::dom::array items;
  if (e.get_array().get(items) == simdjson::SUCCESS) {
    for (simdjson::dom::element item : items)
      if (Has(item, path, at)) return true;
    return false;
  }
  if (at == path.size()) return !e.is_null();
  simdjson::dom::object o;
  simdjson::dom::element child;
  if (e.get_object().get(o) != simdjson::SUCCESS || o[path[at]].get(child) != simdjson::SUCCESS) return false;
  return Has(child, path, at + 1);
}

struct Tally {
  simdjson::dom::parser parser;
  uint64_t processes = 0, invalid = 0;
  std::vector<uint64_t> fields;
  std::map<std::string, uint64_t> complete;  // indicator → processes carrying all it needs
};

}  // namespace

Result<CoverageReport> Coverage(const std::string& path, const std::function<void(uint64_t, uint64_t)>& progress) {
  CAIRN_ASSIGN_OR_RETURN(auto reader, internal::LineBlockReader::Open(path));
  const auto paths = SplitPaths();
  tbb::enumerable_thread_specific<Tally> tallies([&] {
    Tally t;
    t.fields.assign(paths.size(), 0);
    return t;
  });
  internal::LineBlock block;
  while (true) {
    CAIRN_ASSIGN_OR_RETURN(bool more, reader.Next(block));
    if (!more) break;
    tbb::parallel_for(tbb::blocked_range<size_t>(0, block.lines.size(), 256), [&](const tbb::blocked_range<size_t>& r) {
      Tally& t = tallies.local();
      std::vector<bool> has(paths.size());
      for (size_t i = r.begin(); i != r.end(); ++i) {
        std::string_view line = block.lines[i];
        if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
        simdjson::dom::element doc;
        std::string_view ocid;
        if (t.parser.parse(line.data(), line.size(), false).get(doc) != simdjson::SUCCESS ||
            doc["ocid"].get_string().get(ocid) != simdjson::SUCCESS) {
          ++t.invalid;
          continue;
        }
        ++t.processes;
        for (size_t f = 0; f < paths.size(); ++f) {
          bool h = Has(doc, paths[f], 0);
          has[f] = h;
          t.fields[f] += h;
        }
        for (const auto& code : IndicatorCodes()) {
          bool all = true;
          for (size_t f = 0; f < paths.size() && all; ++f)
            for (const auto& c : Needs()[f].indicators) all = all && (c != code || has[f]);
          t.complete[code] += all;
        }
      }
    });
    if (progress) progress(reader.bytes_read(), reader.size());
  }
  CoverageReport report;
  std::map<std::string, uint64_t> complete;
  std::vector<uint64_t> fields(paths.size(), 0);
  for (const Tally& t : tallies) {
    report.processes += t.processes;
    report.invalid += t.invalid;
    for (size_t f = 0; f < fields.size(); ++f) fields[f] += t.fields[f];
    for (const auto& [code, n] : t.complete) complete[code] += n;
  }
  for (size_t f = 0; f < paths.size(); ++f) report.fields.push_back({Needs()[f].path, Needs()[f].indicators, fields[f]});
  for (const auto& code : IndicatorCodes()) {
    IndicatorSupport s{code, true, complete[code], {}};
    for (const auto& field : report.fields)
      for (const auto& c : field.indicators)
        if (c == code && field.processes == 0) s.missing.push_back(field.path);
    s.supported = s.missing.empty() && report.processes > 0;
    report.indicators.push_back(std::move(s));
  }
  return report;
}

nlohmann::json CoverageReport::ToJson() const {
  nlohmann::json out = {{"processes", processes}, {"invalid_lines", invalid}, {"fields", nlohmann::json::array()},
                        {"indicators", nlohmann::json::array()}};
  for (const auto& f : fields) out["fields"].push_back({{"path", f.path}, {"processes", f.processes}, {"indicators", f.indicators}});
  for (const auto& i : indicators)
    out["indicators"].push_back(
        {{"code", i.code}, {"supported", i.supported}, {"complete_processes", i.processes}, {"missing", i.missing}});
  return out;
}

std::string CoverageReport::ToText() const {
  std::ostringstream out;
  auto share = [&](uint64_t n) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%5.1f%%", processes ? 100.0 * double(n) / double(processes) : 0.0);
    return std::string(buf);
  };
  out << processes << " processes";
  if (invalid) out << " (" << invalid << " other lines skipped)";
  out << "\n\nfield                                   processes   share  needed by\n";
  for (const auto& f : fields) {
    char buf[128];
    std::snprintf(buf, sizeof buf, "%-38s %10llu  %s  ", f.path.c_str(), (unsigned long long)f.processes, share(f.processes).c_str());
    out << buf;
    for (size_t i = 0; i < f.indicators.size(); ++i) out << (i ? " " : "") << f.indicators[i];
    out << (f.indicators.empty() ? "(refines)" : "") << "\n";
  }
  out << "\nindicator  supported  complete processes\n";
  for (const auto& i : indicators) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "%-10s %-10s %10llu  %s", i.code.c_str(), i.supported ? "yes" : "no",
                  (unsigned long long)i.processes, share(i.processes).c_str());
    out << buf;
    if (!i.missing.empty()) {
      out << "  missing:";
      for (const auto& m : i.missing) out << " " << m;
    }
    out << "\n";
  }
  return out.str();
}

}  // namespace cairn::procurement::redflags
