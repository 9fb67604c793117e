// The progress report as an A4 PDF, drawn with cairo: a cover, a summary with a chart, and a
// page per strand. Cairo draws; the little layout it needs (wrapping text, tables that carry on
// over a page break) is written here because cairo has none and pango is not in the stack.
#include <cairo-pdf.h>
#include <cairo.h>

#include <algorithm>
#include <functional>
#include <sstream>
#include <vector>

#include "common/money.h"
#include "engine/progress_report.h"

namespace cairn::engine {
namespace {

constexpr double kWidth = 595.0, kHeight = 842.0;  // A4 in points
constexpr double kMargin = 56.0;
constexpr char kFont[] = "DejaVu Sans";

cairo_status_t Append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

class Pdf {
 public:
  explicit Pdf(std::string* out)
      : surface_(cairo_pdf_surface_create_for_stream(Append, out, kWidth, kHeight)), cr_(cairo_create(surface_)) {
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_TITLE, "SOC Taskforce progress report");
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATOR, "Cairn");
  }
  ~Pdf() {
    cairo_destroy(cr_);
    cairo_surface_destroy(surface_);
  }
  Status Finish() {
    cairo_show_page(cr_);
    cairo_surface_finish(surface_);
    cairo_status_t s = cairo_surface_status(surface_);
    if (s != CAIRO_STATUS_SUCCESS) return Unavailable(std::string("cannot write the PDF: ") + cairo_status_to_string(s));
    return Status::Ok();
  }

  void NewPage() {
    if (drawn_) cairo_show_page(cr_);
    drawn_ = true;
    y_ = kMargin;
  }
  void Space(double points) { y_ += points; }
  double y() const { return y_; }

  // Wrapped text from the left margin (plus `indent`) to `width` (default: the text column).
  void Text(const std::string& text, double size, bool bold = false, double indent = 0, double width = 0,
            double r = 0.1, double g = 0.1, double b = 0.1) {
    if (width <= 0) width = kWidth - 2 * kMargin - indent;
    Font(size, bold);
    cairo_set_source_rgb(cr_, r, g, b);
    for (const auto& line : Wrap(text, width)) {
      if (y_ + size * 1.4 > kHeight - kMargin) NewPage();
      y_ += size * 1.25;
      cairo_move_to(cr_, kMargin + indent, y_);
      cairo_show_text(cr_, line.c_str());
      y_ += size * 0.2;
    }
  }

  void Rule(double r, double g, double b, double thickness) {
    y_ += 4;
    cairo_set_source_rgb(cr_, r, g, b);
    cairo_set_line_width(cr_, thickness);
    cairo_move_to(cr_, kMargin, y_);
    cairo_line_to(cr_, kWidth - kMargin, y_);
    cairo_stroke(cr_);
    y_ += thickness + 4;
  }

  // A table whose columns take `widths` shares of the text column; headings repeat on a new page.
  void Table(const std::vector<std::string>& heads, const std::vector<std::vector<std::string>>& rows,
             const std::vector<double>& widths, double size = 9) {
    double column = kWidth - 2 * kMargin;
    auto draw_row = [&](const std::vector<std::string>& cells, bool bold) {
      std::vector<std::vector<std::string>> wrapped;
      size_t lines = 1;
      Font(size, bold);
      for (size_t c = 0; c < cells.size(); ++c) {
        wrapped.push_back(Wrap(cells[c], widths[c] * column - 6));
        lines = std::max(lines, wrapped.back().size());
      }
      double height = double(lines) * size * 1.3 + 6;
      if (y_ + height > kHeight - kMargin) {
        NewPage();
        if (!bold) draw_heads(heads);
      }
      double x = kMargin;
      cairo_set_source_rgb(cr_, 0.1, 0.1, 0.1);
      for (size_t c = 0; c < cells.size(); ++c) {
        for (size_t l = 0; l < wrapped[c].size(); ++l) {
          cairo_move_to(cr_, x + 3, y_ + 3 + size * (1.0 + 1.3 * double(l)));
          cairo_show_text(cr_, wrapped[c][l].c_str());
        }
        x += widths[c] * column;
      }
      y_ += height;
      cairo_set_source_rgb(cr_, 0.75, 0.75, 0.75);
      cairo_set_line_width(cr_, bold ? 1.2 : 0.5);
      cairo_move_to(cr_, kMargin, y_);
      cairo_line_to(cr_, kWidth - kMargin, y_);
      cairo_stroke(cr_);
    };
    draw_heads = [&](const std::vector<std::string>& h) { draw_row(h, true); };
    draw_heads(heads);
    for (const auto& r : rows) draw_row(r, false);
    y_ += 8;
  }

  // Grouped bars: for each label, one bar per series.
  void BarChart(const std::vector<std::string>& labels, const std::vector<std::pair<std::string, std::vector<int64_t>>>& series,
                double height = 180) {
    if (y_ + height + 40 > kHeight - kMargin) NewPage();
    double top = y_ + 20, bottom = top + height, left = kMargin + 10, width = kWidth - 2 * kMargin - 10;
    int64_t most = 1;
    for (const auto& [_, values] : series) for (int64_t v : values) most = std::max(most, v);
    const double colours[][3] = {{0.0, 0.4, 0.74}, {0.26, 0.52, 0.26}, {0.83, 0.13, 0.02}};
    double group = width / double(std::max<size_t>(1, labels.size()));
    double bar = std::min(28.0, (group - 20) / double(std::max<size_t>(1, series.size())));
    Font(8, false);
    for (size_t s = 0; s < series.size(); ++s) {  // the legend
      const double* c = colours[s % 3];
      cairo_set_source_rgb(cr_, c[0], c[1], c[2]);
      cairo_rectangle(cr_, left + double(s) * 80, y_, 8, 8);
      cairo_fill(cr_);
      cairo_set_source_rgb(cr_, 0.1, 0.1, 0.1);
      cairo_move_to(cr_, left + double(s) * 80 + 12, y_ + 8);
      cairo_show_text(cr_, series[s].first.c_str());
    }
    for (size_t i = 0; i < labels.size(); ++i) {
      double x = left + double(i) * group + 10;
      for (size_t s = 0; s < series.size(); ++s) {
        int64_t v = series[s].second[i];
        double h = height * double(v) / double(most);
        const double* c = colours[s % 3];
        cairo_set_source_rgb(cr_, c[0], c[1], c[2]);
        cairo_rectangle(cr_, x + double(s) * (bar + 3), bottom - h, bar, h);
        cairo_fill(cr_);
        cairo_set_source_rgb(cr_, 0.1, 0.1, 0.1);
        cairo_move_to(cr_, x + double(s) * (bar + 3) + 2, bottom - h - 3);
        cairo_show_text(cr_, std::to_string(v).c_str());
      }
      Font(9, false);
      cairo_move_to(cr_, x, bottom + 12);
      cairo_show_text(cr_, labels[i].c_str());
      Font(8, false);
    }
    cairo_set_source_rgb(cr_, 0.2, 0.2, 0.2);
    cairo_set_line_width(cr_, 0.8);
    cairo_move_to(cr_, left, bottom);
    cairo_line_to(cr_, left + width, bottom);
    cairo_stroke(cr_);
    y_ = bottom + 24;
  }

 private:
  void Font(double size, bool bold) {
    cairo_select_font_face(cr_, kFont, CAIRO_FONT_SLANT_NORMAL, bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr_, size);
  }
  // Greedy word wrap at `width` points in the current font.
  std::vector<std::string> Wrap(const std::string& text, double width) {
    std::vector<std::string> lines;
    std::istringstream words(text);
    std::string word, line;
    while (words >> word) {
      std::string candidate = line.empty() ? word : line + " " + word;
      cairo_text_extents_t e;
      cairo_text_extents(cr_, candidate.c_str(), &e);
      if (e.x_advance > width && !line.empty()) {
        lines.push_back(line);
        line = word;
      } else {
        line = candidate;
      }
    }
    if (!line.empty() || lines.empty()) lines.push_back(line);
    return lines;
  }

  cairo_surface_t* surface_;
  cairo_t* cr_;
  double y_ = kMargin;
  bool drawn_ = false;
  std::function<void(const std::vector<std::string>&)> draw_heads;
};

std::string OutcomeList(const std::map<std::string, int64_t>& outcomes) {
  std::string out;
  for (const auto& [type, n] : outcomes) out += (out.empty() ? "" : "; ") + OutcomeText(type, n);
  return out.empty() ? "None recorded" : out;
}

}  // namespace

Result<std::string> ProgressReportPdf(const ProgressReport& r) {
  std::string out;
  {
    Pdf pdf(&out);
    // The cover.
    pdf.NewPage();
    pdf.Space(120);
    pdf.Text("Serious Organised Crime Taskforce", 14, false, 0, 0, 0.0, 0.4, 0.74);
    pdf.Space(8);
    pdf.Text("Progress report", 34, true);
    pdf.Space(6);
    pdf.Text(r.from + " to " + r.last_day, 16);
    pdf.Space(40);
    pdf.Rule(0.0, 0.4, 0.74, 3);
    pdf.Text("At a glance", 14, true);
    pdf.Space(4);
    for (const std::string& line : {
             std::to_string(r.opened) + " tasks opened and " + std::to_string(r.done) + " done in the period; " +
                 std::to_string(r.open_now) + " open now, " + std::to_string(r.overdue_now) + " of them overdue.",
             "Outcomes: " + OutcomeList(r.outcomes) + ".",
             std::to_string(r.taskforce_meetings) + " Taskforce meetings (it meets three times a year) and " +
                 std::to_string(r.meetings) + " meetings in all.",
         }) {
      pdf.Text("•  " + line, 11, false, 6);
      pdf.Space(3);
    }
    pdf.Space(30);
    pdf.Text("Generated by Cairn on " + r.generated_at.substr(0, 10) + ".", 9, false, 0, 0, 0.4, 0.4, 0.4);

    // The summary.
    pdf.NewPage();
    pdf.Text("Summary", 22, true);
    pdf.Rule(0.0, 0.4, 0.74, 3);
    pdf.Text("Tasks by strand", 13, true);
    std::vector<std::string> labels;
    std::vector<int64_t> opened, done;
    std::vector<std::vector<std::string>> rows;
    for (const auto& s : r.strategy.strands) {
      labels.push_back(s.name);
      opened.push_back(s.total.opened);
      done.push_back(s.total.done);
      rows.push_back({s.name, std::to_string(s.total.opened), std::to_string(s.total.done), std::to_string(s.total.open_now),
                      std::to_string(s.total.overdue_now), OutcomeList(s.total.outcomes)});
    }
    pdf.BarChart(labels, {{"Opened", opened}, {"Done", done}});
    pdf.Table({"Strand", "Opened", "Done", "Open now", "Overdue", "Outcomes"}, rows, {0.16, 0.11, 0.1, 0.12, 0.12, 0.39});
    pdf.Text("Grant spend", 12, true);
    std::vector<std::vector<std::string>> grants;
    for (const auto& s : r.strategy.strands) {
      auto it = r.grants.find(s.code);
      GrantSpend g = it == r.grants.end() ? GrantSpend{} : it->second;
      grants.push_back({s.name, std::to_string(g.awards), FormatPounds(g.awarded), FormatPounds(g.paid)});
    }
    pdf.Table({"Strand", "Grants awarded", "Awarded", "Paid"}, grants, {0.25, 0.25, 0.25, 0.25});
    pdf.Space(6);
    pdf.Text("Training coverage", 12, true);
    std::vector<std::vector<std::string>> training;
    for (const auto& t : r.training) {
      if (!t.completed) continue;
      training.push_back({t.organisation, t.course, std::to_string(t.completed),
                          t.staff_in_scope ? std::to_string(*t.staff_in_scope) : "—",
                          t.coverage ? std::to_string(int(*t.coverage * 100 + 0.5)) + "%" : "—"});
    }
    if (training.empty()) pdf.Text("No course completions recorded in the period.", 10);
    else pdf.Table({"Organisation", "Course", "Completed", "In scope", "Coverage"}, training, {0.26, 0.38, 0.12, 0.12, 0.12});
    pdf.Space(6);
    pdf.Text("Partnership areas", 12, true);
    if (r.partnerships.empty()) {
      pdf.Text("None designated for rapid support.", 10);
    } else {
      std::vector<std::vector<std::string>> areas;
      for (const auto& p : r.partnerships)
        areas.push_back({p.area, p.designated_at, p.partners, std::to_string(p.tasks), std::to_string(p.done)});
      pdf.Table({"Area", "Designated", "Partners", "Tasks", "Done"}, areas, {0.18, 0.16, 0.44, 0.11, 0.11});
    }

    // A page per strand.
    for (const auto& s : r.strategy.strands) {
      pdf.NewPage();
      pdf.Text(s.name, 22, true);
      pdf.Rule(0.0, 0.4, 0.74, 3);
      pdf.Text(s.aim, 12);
      pdf.Space(4);
      pdf.Text("Lead: " + (s.lead_person.empty() ? s.lead_organisation : s.lead_person), 10, false, 0, 0, 0.35, 0.35, 0.35);
      pdf.Space(12);
      pdf.Text("Progress by objective", 13, true);
      std::vector<std::vector<std::string>> objective_rows;
      for (const auto& o : s.objectives)
        objective_rows.push_back({o.code + ": " + o.title, std::to_string(o.opened), std::to_string(o.done),
                                  std::to_string(o.open_now), std::to_string(o.overdue_now), OutcomeList(o.outcomes)});
      pdf.Table({"Objective", "Opened", "Done", "Open now", "Overdue", "Outcomes"}, objective_rows,
                {0.36, 0.1, 0.09, 0.1, 0.1, 0.25});
      pdf.Text("Outcomes counted: " + OutcomeList(s.total.outcomes) + ".", 10);
    }
    CAIRN_RETURN_IF_ERROR(pdf.Finish());
  }
  return out;
}

}  // namespace cairn::engine
