// The Taskforce's progress report for a period, laid out as a report it would publish: a cover
// with the headline figures, a summary with a chart of tasks by strand, and a page per strand
// with its aim, lead, progress against each objective and the outcomes counted. The same report
// as HTML (one self-contained file, charts as inline SVG), PDF (cairo, A4) and XLSX (sheets and
// a chart, libxlsxwriter). `cairn report progress` and GET /api/v1/reports/progress make it.
//
// Grant spend comes from the grant scheme (engine/grants.h): awards decided in the period and
// payments made in it, per strand. Training coverage counts the people who completed each course in the period
// against the staff in scope; partnership areas are the areas designated for rapid support.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "app/env.h"
#include "common/status.h"
#include "engine/grants.h"
#include "engine/strategy.h"
#include "engine/training.h"
#include "model/actor.h"

namespace cairn::engine {

struct ProgressReport {
  std::string from, to;       // [from, to): the period
  std::string last_day;       // to − 1 day, as people write a period's end
  std::string generated_at;   // timestamp
  StrategyProgress strategy;
  int64_t opened = 0, done = 0, declined = 0, open_now = 0, overdue_now = 0;
  std::map<std::string, int64_t> outcomes;  // type → total (money in pence)
  int64_t meetings = 0, taskforce_meetings = 0;  // held in the period
  struct Partnership {
    std::string area, designated_at, partners;
    int64_t tasks = 0, done = 0;
  };
  std::vector<Partnership> partnerships;  // areas designated for rapid support
  std::vector<CoverageRow> training;      // completions in the period, per organisation and course
  std::map<std::string, GrantSpend> grants;  // strand code → awards decided and payments made in the period
  GrantSpend grants_total;
};

// "2025-04-01..2026-03-31", both days included → [from, to). InvalidField("period") otherwise.
Result<std::pair<std::string, std::string>> ParsePeriod(const std::string& period);

Result<ProgressReport> BuildProgressReport(const app::Env& env, const std::string& from, const std::string& to);

std::string ProgressReportHtml(const ProgressReport& r);
// Unavailable if the PDF or the workbook cannot be written.
Result<std::string> ProgressReportPdf(const ProgressReport& r);
Result<std::string> ProgressReportXlsx(const ProgressReport& r);

// Builds the report for [from, to) and renders it as `format` (html, pdf or xlsx;
// InvalidField("format") otherwise). Audited as an export.
Result<std::string> RenderProgressReport(const app::Env& env, const model::Actor& actor, const std::string& from,
                                         const std::string& to, const std::string& format);

// How people read an outcome type ("arrests", "cash seized") and a count or sum of it
// ("2 arrests", "£1,250.00 cash seized").
std::string OutcomeName(const std::string& type);
std::string OutcomeText(const std::string& type, int64_t quantity);

}  // namespace cairn::engine
