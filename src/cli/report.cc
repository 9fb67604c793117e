// cairn report procurement-exposure: the procurement exposure report (engine/exposure.h) as CSV
// or XLSX, in full (the command line runs as the deployment, not as a partner).
// cairn report progress: the Taskforce's progress report (engine/progress_report.h) as HTML,
// PDF or XLSX.
#include <fstream>
#include <iostream>

#include "cli/cli.h"
#include "engine/exposure.h"
#include "engine/progress_report.h"

namespace cairn::cli {
namespace {

Status Exposure(const GlobalOptions& g, const std::string& format, const std::string& out) {
  if (format == "xlsx" && out.empty()) return InvalidField("--out", "an XLSX report needs --out FILE");
  CAIRN_ASSIGN_OR_RETURN(auto ctx, Open(g));
  CAIRN_ASSIGN_OR_RETURN(auto e, engine::BuildExposure(ctx->env(), model::Actor::System()));
  std::string bytes;
  if (format == "csv") {
    bytes = engine::ExposureCsv(e);
  } else {
    CAIRN_ASSIGN_OR_RETURN(bytes, engine::ExposureXlsx(e));
  }
  if (out.empty()) {
    std::cout << bytes;
    return Status::Ok();
  }
  std::ofstream f(out, std::ios::binary);
  f << bytes;
  if (!f) return DataLoss("writing " + out + " failed");
  std::cerr << "wrote " << out << ": " << e.total.awards << " awards, " << e.total.flagged_awards.value_or(0)
            << " to flagged suppliers\n";
  return Status::Ok();
}

Status Progress(const GlobalOptions& g, const std::string& period, const std::string& format, const std::string& out) {
  CAIRN_ASSIGN_OR_RETURN(auto range, engine::ParsePeriod(period));
  if (out.empty()) return InvalidField("--out", "give the file to write with --out FILE");
  CAIRN_ASSIGN_OR_RETURN(auto ctx, Open(g));
  CAIRN_ASSIGN_OR_RETURN(auto bytes, engine::RenderProgressReport(ctx->env(), model::Actor::System(), range.first,
                                                                  range.second, format));
  std::ofstream f(out, std::ios::binary);
  f << bytes;
  if (!f) return DataLoss("writing " + out + " failed");
  std::cerr << "wrote " << out << " (" << format << ", " << bytes.size() << " bytes): progress from " << range.first
            << " up to " << range.second << "\n";
  return Status::Ok();
}

}  // namespace

void AddReport(CLI::App& app, GlobalOptions& g, int& exit_code) {
  CLI::App* cmd = app.add_subcommand("report", "Reports for the Taskforce");
  cmd->require_subcommand(1);
  auto format = std::make_shared<std::string>("csv");
  auto out = std::make_shared<std::string>();
  CLI::App* exposure = cmd->add_subcommand(
      "procurement-exposure", "Awards and money going to suppliers with SOC flags, by buyer, sector, year and council area");
  exposure->add_option("--format", *format, "csv or xlsx")->check(CLI::IsMember({"csv", "xlsx"}))->capture_default_str();
  exposure->add_option("--out", *out, "Write to this file (standard output for CSV otherwise)");
  exposure->callback([&g, &exit_code, format, out] {
    Status s = Exposure(g, *format, *out);
    exit_code = s.ok() ? 0 : Fail(s);
  });

  auto period = std::make_shared<std::string>();
  auto progress_format = std::make_shared<std::string>("html");
  auto progress_out = std::make_shared<std::string>();
  CLI::App* progress = cmd->add_subcommand(
      "progress", "The Taskforce's progress report: per strand, objectives, tasks opened and done, outcomes, with charts");
  progress->add_option("--period", *period, "FROM..TO, both days included, e.g. 2025-04-01..2026-03-31")->required();
  progress->add_option("--format", *progress_format, "html, pdf or xlsx")
      ->check(CLI::IsMember({"html", "pdf", "xlsx"}))
      ->capture_default_str();
  progress->add_option("--out", *progress_out, "The file to write")->required();
  progress->callback([&g, &exit_code, period, progress_format, progress_out] {
    Status s = Progress(g, *period, *progress_format, *progress_out);
    exit_code = s.ok() ? 0 : Fail(s);
  });
}

}  // namespace cairn::cli
