#include "procurement/redflags/run.h"

#include <simdjson.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>
#include <tbb/parallel_sort.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <future>
#include <map>
#include <tuple>

#include "procurement/redflags/indicators.h"
#include "procurement/redflags/internal/line_blocks.h"
#include "procurement/redflags/internal/read_process.h"

namespace cairn::procurement::redflags {
namespace {

using internal::LineKind;

struct Worker {
  simdjson::dom::parser parser;
  Process process;  // reused line after line
  std::vector<std::string> line_warnings;
  Accumulator acc;
  Counts counts;
  std::vector<std::pair<uint64_t, std::string>> warnings;  // this block's
};

bool Blank(std::string_view line) {
  return line.find_first_not_of(" \t") == std::string_view::npos;
}

// Parses one line into `release`; a warning and false if it is not a release Cardinal reads.
bool ParseRelease(Worker& w, std::string_view line, uint64_t line_no, simdjson::dom::object& release) {
  simdjson::dom::element doc;
  if (auto error = w.parser.parse(line.data(), line.size(), false).get(doc)) {
    w.warnings.emplace_back(line_no, std::string("invalid JSON (") + simdjson::error_message(error) + "), skipped");
    return false;
  }
  if (doc.get_object().get(release) != simdjson::SUCCESS) {
    w.warnings.emplace_back(line_no, "not a JSON object, skipped");
    return false;
  }
  std::string_view ocid;
  if (release["ocid"].get_string().get(ocid) != simdjson::SUCCESS) {
    w.warnings.emplace_back(line_no, "ocid is missing or not a string, skipped");
    return false;
  }
  return true;
}

void FoldLine(Worker& w, std::string_view line, uint64_t line_no, const Settings& settings,
              const std::vector<FoldFn>& folds, bool count_parties, const std::string& currency, bool parse_only) {
  if (Blank(line)) return;
  ++w.counts.lines;
  simdjson::dom::object release;
  if (!ParseRelease(w, line, line_no, release)) {
    ++w.counts.invalid;
    return;
  }
  if (parse_only) return;
  Process& p = w.process;
  p.Clear();
  w.line_warnings.clear();
  LineKind kind = internal::ReadProcess(release, currency, settings.excluded_method_details, p, w.line_warnings);
  for (auto& text : w.line_warnings) w.warnings.emplace_back(line_no, std::move(text));
  if (kind == LineKind::kCancelled) ++w.counts.cancelled;
  if (kind == LineKind::kExcluded) ++w.counts.excluded;
  if (kind != LineKind::kProcess) return;
  ++w.counts.processes;
  if (count_parties) w.acc.Prepare(p);
  for (FoldFn fold : folds) fold(p, settings, w.acc);
}

// The main currency, if `block` holds the first bid currency of the file: found in line order so
// that it does not depend on which thread reads what first.
std::string FindCurrency(const internal::LineBlock& block, const Settings& settings) {
  Worker w;
  for (size_t i = 0; i < block.lines.size(); ++i) {
    simdjson::dom::object release;
    if (Blank(block.lines[i]) || !ParseRelease(w, block.lines[i], 0, release)) continue;
    Process p;  // a few lines at most: no need to reuse it
    std::vector<std::string> ignored;
    if (internal::ReadProcess(release, "", settings.excluded_method_details, p, ignored) != LineKind::kProcess) continue;
    std::string c = internal::FirstBidCurrency(release);
    if (!c.empty()) return c;
  }
  return {};
}

void AddWarnings(tbb::enumerable_thread_specific<Worker>& workers, const RunOptions& options, Report& report) {
  std::vector<std::pair<uint64_t, std::string>> block;
  for (Worker& w : workers) {
    std::move(w.warnings.begin(), w.warnings.end(), std::back_inserter(block));
    w.warnings.clear();
  }
  std::sort(block.begin(), block.end());
  report.warnings_total += block.size();
  for (auto& [line, text] : block) {
    if (report.warnings.size() >= options.max_warnings) break;
    report.warnings.push_back("line " + std::to_string(line) + ": " + text);
  }
}

// `s` as a JSON string. The ids are valid UTF-8 (simdjson checked them) and nearly always need
// no escaping, so the common case is a copy.
void AppendJsonString(std::string& out, std::string_view s) {
  bool plain = std::none_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == '"' || c == '\\'; });
  if (!plain) {
    out += nlohmann::json(std::string(s)).dump();
    return;
  }
  out += '"';
  out += s;
  out += '"';
}

// `v` as JSON: the shortest text that reads back as the same double, with ".0" on whole numbers
// as Cardinal writes them.
void AppendJsonNumber(std::string& out, double v) {
  if (!std::isfinite(v)) {
    out += "null";  // as nlohmann::json writes them; no flag value is ever infinite or NaN
    return;
  }
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  std::string_view text(buf, size_t(end - buf));
  out += text;
  if (text.find_first_of(".e") == std::string_view::npos) out += ".0";
}

// The results object as JSON text, groups in Cardinal's order, ids and codes sorted. A flag raised
// twice (a tenderer in two processes) appears once, with the larger value.
std::string Results(const Accumulator& acc) {
  struct Named {
    Group group;
    std::string_view id, code;
    double value;
  };
  std::vector<Named> named(acc.flags.size());
  tbb::parallel_for(tbb::blocked_range<size_t>(0, named.size(), 4096), [&](const tbb::blocked_range<size_t>& r) {
    for (size_t i = r.begin(); i != r.end(); ++i) {
      const Flag& f = acc.flags[i];
      named[i] = {f.group, acc.FlagId(f), f.code, f.value};
    }
  });
  // Equal keys carry equal values in practice (a tenderer flagged 1.0 in two processes), but
  // which one is kept must not depend on thread timing: the value breaks ties, largest last.
  tbb::parallel_sort(named.begin(), named.end(), [](const Named& a, const Named& b) {
    return std::tie(a.group, a.id, a.code, a.value) < std::tie(b.group, b.id, b.code, b.value);
  });
  std::string out = "{";
  out.reserve(named.size() * 32);
  bool first = true;
  const Named* last = nullptr;  // the last one written
  for (size_t i = 0; i < named.size(); ++i) {
    const Named& f = named[i];
    if (i + 1 < named.size() && f.group == named[i + 1].group && f.id == named[i + 1].id && f.code == named[i + 1].code)
      continue;  // the larger one wins
    bool new_group = first || f.group != last->group;
    bool new_party = new_group || f.id != last->id;
    if (new_party && !first) out += "}";
    if (new_group) {
      if (!first) out += "},";
      out += "\"";
      out += GroupName(f.group);
      out += "\":{";
    } else if (new_party) {
      out += ",";
    }
    if (new_party) {
      AppendJsonString(out, f.id);
      out += ":{";
    } else {
      out += ",";
    }
    out += "\"";
    out += f.code;
    out += "\":";
    AppendJsonNumber(out, f.value);
    first = false;
    last = &f;
  }
  out += first ? "}" : "}}}";
  return out;
}

}  // namespace

std::string Report::Text(bool with_meta) const {
  if (!with_meta) return results;
  std::string out = results;
  out.pop_back();  // the closing brace
  if (out.size() > 1) out += ",";
  return out + "\"Meta\":" + meta.dump() + "}";
}

Result<Report> RunRedFlags(const std::string& path, const Settings& settings, const RunOptions& options) {
  CAIRN_ASSIGN_OR_RETURN(auto reader, internal::LineBlockReader::Open(path));
  Report report;
  report.currency = settings.currency.value_or("");
  tbb::enumerable_thread_specific<Worker> workers;
  const std::vector<FoldFn> folds = FoldsFor(settings);
  const bool count_parties = settings.Enabled("R024") || settings.Enabled("R025") || settings.Enabled("R038") ||
                             settings.Enabled("R048") || settings.Enabled("R058");
  // Two blocks: the next is read on another thread while this one is folded.
  internal::LineBlock blocks[2];
  CAIRN_ASSIGN_OR_RETURN(bool more, reader.Next(blocks[0]));
  for (int cur = 0; more; cur ^= 1) {
    const internal::LineBlock& block = blocks[cur];
    auto next = std::async(std::launch::async, [&reader, &blocks, cur] { return reader.Next(blocks[cur ^ 1]); });
    if (report.currency.empty() && !options.parse_only) report.currency = FindCurrency(block, settings);
    const std::string& currency = report.currency;
    tbb::parallel_for(tbb::blocked_range<size_t>(0, block.lines.size(), 256), [&](const tbb::blocked_range<size_t>& r) {
      Worker& w = workers.local();
      for (size_t i = r.begin(); i != r.end(); ++i)
        FoldLine(w, block.lines[i], block.first_line + i, settings, folds, count_parties, currency, options.parse_only);
    });
    AddWarnings(workers, options, report);
    auto read = next.get();
    if (!read.ok()) return read.status();
    more = *read;
    if (options.progress) options.progress(reader.bytes_read(), reader.size());
  }
  Accumulator all;
  for (Worker& w : workers) {
    all.Merge(std::move(w.acc));
    report.counts.lines += w.counts.lines;
    report.counts.processes += w.counts.processes;
    report.counts.invalid += w.counts.invalid;
    report.counts.cancelled += w.counts.cancelled;
    report.counts.excluded += w.counts.excluded;
  }
  Meta meta;
  Finish(settings, all, meta);
  report.results = Results(all);
  report.meta = meta;
  report.meta["currency"] = report.currency;
  const Counts& c = report.counts;
  report.meta["counts"] = {{"lines", c.lines}, {"processes", c.processes}, {"invalid", c.invalid},
                           {"cancelled", c.cancelled}, {"excluded", c.excluded}, {"warnings", report.warnings_total}};
  return report;
}

}  // namespace cairn::procurement::redflags
