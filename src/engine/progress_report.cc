#include "engine/progress_report.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <cstdio>

#include "audit/chain.h"
#include "common/money.h"
#include "common/text.h"
#include "common/time.h"
#include "engine/internal/xlsx.h"
#include "engine/meetings.h"
#include "engine/rapid_support.h"

namespace cairn::engine {
namespace {

Status CheckDate(const std::string& value) {
  if (value.size() != 10 || !ParseTimestamp(value).ok()) return InvalidField("period", "give the period as YYYY-MM-DD..YYYY-MM-DD");
  return Status::Ok();
}

std::string AddDays(const std::string& date, int days) {
  auto t = ParseTimestamp(date);
  return FormatTimestamp(*t + std::chrono::hours(24 * days)).substr(0, 10);
}

std::string Pounds(int64_t pence) { return FormatPounds(pence); }

// "3 grants awarded (£25,000.00); £12,000.00 paid", or that there were none.
std::string GrantText(const GrantSpend& g) {
  if (!g.awards && !g.paid) return "no grants awarded or paid";
  return std::to_string(g.awards) + (g.awards == 1 ? " grant" : " grants") + " awarded (" + Pounds(g.awarded) + "); " +
         Pounds(g.paid) + " paid";
}

GrantSpend GrantsOf(const ProgressReport& r, const std::string& strand) {
  auto it = r.grants.find(strand);
  return it == r.grants.end() ? GrantSpend{} : it->second;
}

std::string Outcomes(const std::map<std::string, int64_t>& outcomes) {
  std::string out;
  for (const auto& [type, n] : outcomes) out += (out.empty() ? "" : "; ") + OutcomeText(type, n);
  return out.empty() ? "None recorded" : out;
}

// A bar chart of tasks opened and done per strand, as SVG.
std::string StrandChartSvg(const ProgressReport& r) {
  int64_t most = 1;
  for (const auto& s : r.strategy.strands) most = std::max({most, s.total.opened, s.total.done});
  const int width = 560, height = 220, left = 40, bottom = 190, bar = 30, group = 130;
  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + std::to_string(width) + "\" height=\"" +
                    std::to_string(height) + "\" role=\"img\" aria-label=\"Tasks opened and done by strand\">";
  svg += "<line x1=\"" + std::to_string(left) + "\" y1=\"" + std::to_string(bottom) + "\" x2=\"" + std::to_string(width) +
         "\" y2=\"" + std::to_string(bottom) + "\" stroke=\"#333\"/>";
  for (size_t i = 0; i < r.strategy.strands.size(); ++i) {
    const auto& s = r.strategy.strands[i];
    int x = left + 15 + int(i) * group;
    for (int k = 0; k < 2; ++k) {
      int64_t v = k == 0 ? s.total.opened : s.total.done;
      int h = int(160.0 * double(v) / double(most));
      svg += "<rect x=\"" + std::to_string(x + k * (bar + 4)) + "\" y=\"" + std::to_string(bottom - h) + "\" width=\"" +
             std::to_string(bar) + "\" height=\"" + std::to_string(h) + "\" fill=\"" + (k == 0 ? "#0065bd" : "#428542") +
             "\"><title>" + HtmlEscape(s.name) + (k == 0 ? " opened: " : " done: ") + std::to_string(v) + "</title></rect>";
      svg += "<text x=\"" + std::to_string(x + k * (bar + 4) + bar / 2) + "\" y=\"" + std::to_string(bottom - h - 4) +
             "\" font-size=\"11\" text-anchor=\"middle\">" + std::to_string(v) + "</text>";
    }
    svg += "<text x=\"" + std::to_string(x + bar) + "\" y=\"" + std::to_string(bottom + 16) +
           "\" font-size=\"12\" text-anchor=\"middle\">" + HtmlEscape(s.name) + "</text>";
  }
  svg += "<rect x=\"" + std::to_string(width - 150) + "\" y=\"6\" width=\"10\" height=\"10\" fill=\"#0065bd\"/><text x=\"" +
         std::to_string(width - 135) + "\" y=\"15\" font-size=\"11\">Opened</text>";
  svg += "<rect x=\"" + std::to_string(width - 80) + "\" y=\"6\" width=\"10\" height=\"10\" fill=\"#428542\"/><text x=\"" +
         std::to_string(width - 65) + "\" y=\"15\" font-size=\"11\">Done</text>";
  return svg + "</svg>";
}

}  // namespace

std::string OutcomeName(const std::string& type) {
  static const std::map<std::string, std::string> kNames = {
      {"licence_refused", "licences refused"},           {"licence_revoked", "licences revoked or suspended"},
      {"premises_closed", "premises closed"},            {"contract_not_awarded", "contracts not awarded"},
      {"arrests", "arrests"},                             {"people_safeguarded", "people safeguarded"},
      {"cash_seized_pence", "cash seized"},              {"assets_seized_pence", "assets seized or restrained"},
      {"referrals_made", "referrals made"},
  };
  auto it = kNames.find(type);
  return it == kNames.end() ? type : it->second;
}

std::string OutcomeText(const std::string& type, int64_t quantity) {
  bool money = type.size() > 6 && type.compare(type.size() - 6, 6, "_pence") == 0;
  return (money ? Pounds(quantity) : std::to_string(quantity)) + " " + OutcomeName(type);
}

Result<std::pair<std::string, std::string>> ParsePeriod(const std::string& period) {
  size_t dots = period.find("..");
  if (dots == std::string::npos) return InvalidField("period", "give the period as YYYY-MM-DD..YYYY-MM-DD");
  std::string from = period.substr(0, dots), last = period.substr(dots + 2);
  CAIRN_RETURN_IF_ERROR(CheckDate(from));
  CAIRN_RETURN_IF_ERROR(CheckDate(last));
  if (last < from) return InvalidField("period", "the period ends before it starts");
  return std::pair{from, AddDays(last, 1)};
}

Result<ProgressReport> BuildProgressReport(const app::Env& env, const std::string& from, const std::string& to) {
  ProgressReport r;
  CAIRN_ASSIGN_OR_RETURN(r.strategy, BuildStrategyProgress(env, from, to));
  r.from = from;
  r.to = to;
  r.last_day = AddDays(to, -1);
  r.generated_at = FormatTimestamp(env.clock.Now());
  for (const auto& s : r.strategy.strands) {
    r.opened += s.total.opened;
    r.done += s.total.done;
    r.declined += s.total.declined;
    r.open_now += s.total.open_now;
    r.overdue_now += s.total.overdue_now;
    for (const auto& [type, n] : s.total.outcomes) r.outcomes[type] += n;
  }
  CAIRN_ASSIGN_OR_RETURN(auto meetings, ListMeetings(env, model::Actor::System("report"), ""));
  for (const auto& m : meetings) {
    if (m.meeting.held_on < from || m.meeting.held_on >= to) continue;
    ++r.meetings;
    if (m.meeting.kind == "taskforce") ++r.taskforce_meetings;
  }
  // The report is the Taskforce's own: it reads the areas as the secretariat does.
  model::Actor secretariat = model::Actor::System("report");
  secretariat.role = model::Role::kSecretariat;
  CAIRN_ASSIGN_OR_RETURN(auto areas, RankAreas(env, secretariat));
  for (const auto& a : areas.areas) {
    if (!a.designated) continue;
    CAIRN_ASSIGN_OR_RETURN(auto p, ReadArea(env, secretariat, a.slug));
    ProgressReport::Partnership x{a.area, p.designated_at.substr(0, 10), "", p.tasks.all.total(), p.tasks.all.done};
    for (const auto& [_, name] : p.members) x.partners += (x.partners.empty() ? "" : ", ") + name;
    r.partnerships.push_back(std::move(x));
  }
  CAIRN_ASSIGN_OR_RETURN(r.training, TrainingCoverage(env, from, to));
  CAIRN_ASSIGN_OR_RETURN(r.grants, GrantSpendByStrand(env, from, to));
  for (const auto& [_, g] : r.grants) {
    r.grants_total.awards += g.awards;
    r.grants_total.awarded += g.awarded;
    r.grants_total.paid += g.paid;
  }
  return r;
}

std::string ProgressReportHtml(const ProgressReport& r) {
  std::string h = "<!doctype html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>SOC Taskforce progress report " +
                  r.from + " to " + r.last_day + "</title><style>"
                  "body{font-family:sans-serif;max-width:52rem;margin:2rem auto;color:#1a1a1a;line-height:1.5}"
                  "h1{font-size:2rem}h2{border-top:4px solid #0065bd;padding-top:.5rem;margin-top:2.5rem}"
                  "table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{border-bottom:1px solid #ccc;text-align:left;"
                  "padding:.3rem .5rem;vertical-align:top}td.n{text-align:right}.lead{font-size:1.2rem}"
                  "section{page-break-before:always}@media print{body{margin:0}}"
                  "</style></head><body>";
  h += "<header><p>Serious Organised Crime Taskforce</p><h1>Progress report</h1><p class=\"lead\">" + r.from + " to " +
       r.last_day + "</p><p>Generated by Cairn on " + r.generated_at.substr(0, 10) + ".</p></header>";
  h += "<h2>At a glance</h2><ul>";
  h += "<li>" + std::to_string(r.opened) + " tasks opened and " + std::to_string(r.done) + " done in the period; " +
       std::to_string(r.open_now) + " open now, " + std::to_string(r.overdue_now) + " of them overdue.</li>";
  h += "<li>Outcomes: " + HtmlEscape(Outcomes(r.outcomes)) + ".</li>";
  h += "<li>" + std::to_string(r.taskforce_meetings) + " Taskforce meetings (it meets three times a year) and " +
       std::to_string(r.meetings) + " meetings in all.</li>";
  h += "<li>Grant spend: " + GrantText(r.grants_total) + " in the period.</li>";
  int64_t trained = 0;
  for (const auto& t : r.training) trained += t.completed;
  h += "<li>Training: " + (trained ? std::to_string(trained) + " course completions in the period (below)."
                                   : std::string("no course completions recorded in the period.")) + "</li>";
  h += "<li>Partnership areas: " +
       (r.partnerships.empty() ? std::string("none designated for rapid support.")
                               : std::to_string(r.partnerships.size()) + " designated for rapid support (below).") +
       "</li></ul>";
  h += "<h2>Tasks by strand</h2>" + StrandChartSvg(r);
  h += "<table><caption>Tasks by strand</caption><thead><tr><th>Strand</th><th>Opened</th><th>Done</th><th>Open now</th>"
       "<th>Overdue</th><th>Outcomes</th></tr></thead><tbody>";
  for (const auto& s : r.strategy.strands)
    h += "<tr><td>" + HtmlEscape(s.name) + "</td><td class=\"n\">" + std::to_string(s.total.opened) + "</td><td class=\"n\">" +
         std::to_string(s.total.done) + "</td><td class=\"n\">" + std::to_string(s.total.open_now) + "</td><td class=\"n\">" +
         std::to_string(s.total.overdue_now) + "</td><td>" + HtmlEscape(Outcomes(s.total.outcomes)) + "</td></tr>";
  h += "</tbody></table>";
  h += "<h2>Grant spend</h2><table><caption>SOC small grants by strand</caption><thead><tr><th>Strand</th>"
       "<th>Grants awarded</th><th>Awarded</th><th>Paid</th></tr></thead><tbody>";
  for (const auto& s : r.strategy.strands) {
    GrantSpend g = GrantsOf(r, s.code);
    h += "<tr><td>" + HtmlEscape(s.name) + "</td><td class=\"n\">" + std::to_string(g.awards) + "</td><td class=\"n\">" +
         Pounds(g.awarded) + "</td><td class=\"n\">" + Pounds(g.paid) + "</td></tr>";
  }
  h += "</tbody></table>";
  if (!r.partnerships.empty()) {
    h += "<h2>Partnership areas</h2><table><caption>Areas designated for rapid support</caption><thead><tr><th>Area</th>"
         "<th>Designated</th><th>Partners</th><th>Tasks</th><th>Done</th></tr></thead><tbody>";
    for (const auto& p : r.partnerships)
      h += "<tr><td>" + HtmlEscape(p.area) + "</td><td>" + p.designated_at + "</td><td>" + HtmlEscape(p.partners) +
           "</td><td class=\"n\">" + std::to_string(p.tasks) + "</td><td class=\"n\">" + std::to_string(p.done) + "</td></tr>";
    h += "</tbody></table>";
  }
  if (trained) {
    h += "<h2>Training coverage</h2><table><caption>Course completions in the period</caption><thead><tr>"
         "<th>Organisation</th><th>Course</th><th>Completed</th><th>Staff in scope</th><th>Coverage</th></tr></thead><tbody>";
    for (const auto& t : r.training) {
      if (!t.completed) continue;
      h += "<tr><td>" + HtmlEscape(t.organisation) + "</td><td>" + HtmlEscape(t.course) + "</td><td class=\"n\">" +
           std::to_string(t.completed) + "</td><td class=\"n\">" +
           (t.staff_in_scope ? std::to_string(*t.staff_in_scope) : std::string("—")) + "</td><td class=\"n\">" +
           (t.coverage ? std::to_string(int(*t.coverage * 100 + 0.5)) + "%" : std::string("—")) + "</td></tr>";
    }
    h += "</tbody></table>";
  }
  for (const auto& s : r.strategy.strands) {
    h += "<section><h2>" + HtmlEscape(s.name) + "</h2><p class=\"lead\">" + HtmlEscape(s.aim) + "</p><p>Lead: " +
         HtmlEscape(s.lead_person.empty() ? s.lead_organisation : s.lead_person) + "</p>";
    h += "<table><caption>" + HtmlEscape(s.name) + ": progress by objective</caption><thead><tr><th>Objective</th>"
         "<th>Opened</th><th>Done</th><th>Open now</th><th>Overdue</th><th>Outcomes</th></tr></thead><tbody>";
    for (const auto& o : s.objectives)
      h += "<tr><td>" + HtmlEscape(o.code + ": " + o.title) + "</td><td class=\"n\">" + std::to_string(o.opened) +
           "</td><td class=\"n\">" + std::to_string(o.done) + "</td><td class=\"n\">" + std::to_string(o.open_now) +
           "</td><td class=\"n\">" + std::to_string(o.overdue_now) + "</td><td>" + HtmlEscape(Outcomes(o.outcomes)) + "</td></tr>";
    h += "</tbody></table><p>Grants: " + GrantText(GrantsOf(r, s.code)) + ".</p></section>";
  }
  return h + "</body></html>\n";
}

Result<std::string> ProgressReportXlsx(const ProgressReport& r) {
  return internal::XlsxBytes("progress", [&](lxw_workbook* wb, lxw_format* bold) {
    lxw_worksheet* summary = workbook_add_worksheet(wb, "Summary");
    worksheet_set_column(summary, 0, 0, 28, nullptr);
    worksheet_write_string(summary, 0, 0, "SOC Taskforce progress report", bold);
    worksheet_write_string(summary, 1, 0, (r.from + " to " + r.last_day).c_str(), nullptr);
    const std::pair<const char*, int64_t> headline[] = {{"Tasks opened", r.opened},        {"Tasks done", r.done},
                                                        {"Tasks declined", r.declined},   {"Open now", r.open_now},
                                                        {"Overdue now", r.overdue_now},   {"Taskforce meetings", r.taskforce_meetings},
                                                        {"Meetings in all", r.meetings}};
    int row = 3;
    for (const auto& [label, n] : headline) {
      worksheet_write_string(summary, lxw_row_t(row), 0, label, nullptr);
      worksheet_write_number(summary, lxw_row_t(row++), 1, double(n), nullptr);
    }
    ++row;
    int table_top = row;
    const char* heads[] = {"Strand", "Opened", "Done", "Open now", "Overdue"};
    for (int c = 0; c < 5; ++c) worksheet_write_string(summary, lxw_row_t(row), lxw_col_t(c), heads[c], bold);
    for (const auto& s : r.strategy.strands) {
      ++row;
      worksheet_write_string(summary, lxw_row_t(row), 0, s.name.c_str(), nullptr);
      const int64_t v[] = {s.total.opened, s.total.done, s.total.open_now, s.total.overdue_now};
      for (int c = 0; c < 4; ++c) worksheet_write_number(summary, lxw_row_t(row), lxw_col_t(c + 1), double(v[c]), nullptr);
    }
    lxw_chart* chart = workbook_add_chart(wb, LXW_CHART_COLUMN);
    for (int c = 1; c <= 2; ++c) {
      lxw_chart_series* series = chart_add_series(chart, nullptr, nullptr);
      chart_series_set_categories(series, "Summary", lxw_row_t(table_top + 1), 0, lxw_row_t(row), 0);
      chart_series_set_values(series, "Summary", lxw_row_t(table_top + 1), lxw_col_t(c), lxw_row_t(row), lxw_col_t(c));
      chart_series_set_name_range(series, "Summary", lxw_row_t(table_top), lxw_col_t(c));
    }
    chart_title_set_name(chart, "Tasks by strand");
    worksheet_insert_chart(summary, 2, 7, chart);
    row += 2;
    const char* gheads[] = {"Grant spend by strand", "Grants awarded", "Awarded (£)", "Paid (£)"};
    for (int c = 0; c < 4; ++c) worksheet_write_string(summary, lxw_row_t(row), lxw_col_t(c), gheads[c], bold);
    for (const auto& s : r.strategy.strands) {
      GrantSpend g = GrantsOf(r, s.code);
      ++row;
      worksheet_write_string(summary, lxw_row_t(row), 0, s.name.c_str(), nullptr);
      worksheet_write_number(summary, lxw_row_t(row), 1, double(g.awards), nullptr);
      worksheet_write_number(summary, lxw_row_t(row), 2, double(g.awarded) / 100.0, nullptr);
      worksheet_write_number(summary, lxw_row_t(row), 3, double(g.paid) / 100.0, nullptr);
    }
    row += 2;
    for (const auto& t : r.training) {
      if (!t.completed) continue;
      worksheet_write_string(summary, lxw_row_t(row), 0, ("Training: " + t.organisation).c_str(), nullptr);
      worksheet_write_string(summary, lxw_row_t(row), 1, t.course.c_str(), nullptr);
      worksheet_write_number(summary, lxw_row_t(row), 2, double(t.completed), nullptr);
      if (t.staff_in_scope) worksheet_write_number(summary, lxw_row_t(row), 3, double(*t.staff_in_scope), nullptr);
      ++row;
    }
    worksheet_write_string(summary, lxw_row_t(row++), 0,
                           ("Partnership areas designated for rapid support: " + std::to_string(r.partnerships.size())).c_str(),
                           nullptr);
    for (const auto& p : r.partnerships) {
      worksheet_write_string(summary, lxw_row_t(row), 0, p.area.c_str(), nullptr);
      worksheet_write_string(summary, lxw_row_t(row), 1, p.partners.c_str(), nullptr);
      worksheet_write_number(summary, lxw_row_t(row), 2, double(p.tasks), nullptr);
      worksheet_write_number(summary, lxw_row_t(row++), 3, double(p.done), nullptr);
    }

    lxw_worksheet* objectives = workbook_add_worksheet(wb, "Objectives");
    const char* oheads[] = {"Strand", "Objective", "Title", "Opened", "Done", "Declined", "Open now", "Overdue now"};
    for (int c = 0; c < 8; ++c) worksheet_write_string(objectives, 0, lxw_col_t(c), oheads[c], bold);
    worksheet_set_column(objectives, 2, 2, 60, nullptr);
    lxw_worksheet* outcomes = workbook_add_worksheet(wb, "Outcomes");
    const char* uheads[] = {"Strand", "Objective", "Outcome", "Count or pence"};
    for (int c = 0; c < 4; ++c) worksheet_write_string(outcomes, 0, lxw_col_t(c), uheads[c], bold);
    int orow = 0, urow = 0;
    for (const auto& s : r.strategy.strands) {
      for (const auto& o : s.objectives) {
        ++orow;
        worksheet_write_string(objectives, lxw_row_t(orow), 0, s.name.c_str(), nullptr);
        worksheet_write_string(objectives, lxw_row_t(orow), 1, o.code.c_str(), nullptr);
        worksheet_write_string(objectives, lxw_row_t(orow), 2, o.title.c_str(), nullptr);
        const int64_t v[] = {o.opened, o.done, o.declined, o.open_now, o.overdue_now};
        for (int c = 0; c < 5; ++c) worksheet_write_number(objectives, lxw_row_t(orow), lxw_col_t(c + 3), double(v[c]), nullptr);
        for (const auto& [type, n] : o.outcomes) {
          ++urow;
          worksheet_write_string(outcomes, lxw_row_t(urow), 0, s.name.c_str(), nullptr);
          worksheet_write_string(outcomes, lxw_row_t(urow), 1, o.code.c_str(), nullptr);
          worksheet_write_string(outcomes, lxw_row_t(urow), 2, OutcomeName(type).c_str(), nullptr);
          worksheet_write_number(outcomes, lxw_row_t(urow), 3, double(n), nullptr);
        }
      }
    }
  });
}

Result<std::string> RenderProgressReport(const app::Env& env, const model::Actor& actor, const std::string& from,
                                         const std::string& to, const std::string& format) {
  if (format != "html" && format != "pdf" && format != "xlsx") return InvalidField("format", "format must be html, pdf or xlsx");
  CAIRN_ASSIGN_OR_RETURN(auto report, BuildProgressReport(env, from, to));
  std::string out;
  if (format == "html") {
    out = ProgressReportHtml(report);
  } else if (format == "pdf") {
    CAIRN_ASSIGN_OR_RETURN(out, ProgressReportPdf(report));
  } else {
    CAIRN_ASSIGN_OR_RETURN(out, ProgressReportXlsx(report));
  }
  CAIRN_RETURN_IF_ERROR(env.db.Write([&](storage::Tx& tx) {
    return audit::Append(tx, env.clock, actor,
                         {"export", "progress_report", from + ".." + report.last_day, true, {{"format", format}}});
  }));
  return out;
}

}  // namespace cairn::engine
