// cairn redflags: the Cardinal-compatible procurement red flags over OCDS compiled releases
// (procurement/redflags/run.h), `redflags init` for a settings file and `redflags coverage` for
// what a file can support.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/cli.h"
#include "cli/progress.h"
#include "procurement/redflags/coverage.h"
#include "procurement/redflags/run.h"
#include "procurement/redflags/settings.h"

namespace cairn::cli {
namespace {

namespace rf = procurement::redflags;

struct RedFlagsArgs {
  std::string file = "-", settings;
  bool no_meta = false, parse_only = false;
};

std::function<void(uint64_t, uint64_t)> Progress(const std::string& file) {
  if (file == "-" || !isatty(STDERR_FILENO)) return {};
  return [file](uint64_t done, uint64_t total) { DrawProgress(file, done, total); };
}

Status RedFlags(const RedFlagsArgs& a) {
  // Settings first: a broken file is refused before anything is read.
  CAIRN_ASSIGN_OR_RETURN(auto settings, rf::LoadSettings(a.settings));
  rf::RunOptions options;
  options.parse_only = a.parse_only;
  options.progress = Progress(a.file);
  CAIRN_ASSIGN_OR_RETURN(auto report, rf::RunRedFlags(a.file, settings, options));
  if (options.progress) std::cerr << "\n";
  for (const auto& w : report.warnings) std::cerr << "warning: " << w << "\n";
  if (report.warnings_total > report.warnings.size())
    std::cerr << "… and " << report.warnings_total - report.warnings.size() << " more warnings\n";
  const auto& c = report.counts;
  std::cerr << c.lines << " lines: " << c.processes << " processes read, " << c.invalid << " skipped as invalid, "
            << c.cancelled << " cancelled, " << c.excluded << " excluded; main currency "
            << (report.currency.empty() ? "none" : report.currency) << "\n";
  if (!a.parse_only) std::cout << report.Text(!a.no_meta) << "\n";
  return Status::Ok();
}

Status Init(const std::string& path, bool force) {
  if (!force && std::filesystem::exists(path))
    return AlreadyExists(path + " exists; use --force to overwrite it", "path");
  std::ofstream out(path);
  if (!out) return InvalidArgument("cannot write " + path);
  out << rf::DefaultSettingsText();
  out.close();
  if (!out) return DataLoss("writing " + path + " failed");
  std::cout << "wrote " << path << ": every indicator with its defaults\n";
  return Status::Ok();
}

Status CoverageOf(const std::string& file, const std::string& format) {
  CAIRN_ASSIGN_OR_RETURN(auto report, rf::Coverage(file, Progress(file)));
  if (file != "-" && isatty(STDERR_FILENO)) std::cerr << "\n";
  if (format == "json")
    std::cout << report.ToJson().dump(2) << "\n";
  else
    std::cout << report.ToText();
  return Status::Ok();
}

}  // namespace

void AddRedFlags(CLI::App& app, int& exit_code) {
  auto a = std::make_shared<RedFlagsArgs>();
  CLI::App* cmd = app.add_subcommand(
      "redflags", "Procurement red flags over OCDS compiled releases, one per line (Cardinal's output shape)");
  cmd->add_option("file", a->file, "Compiled releases, one per line; - for standard input")->capture_default_str();
  cmd->add_option("--settings", a->settings, "INI settings (see `cairn redflags init`); default: every indicator");
  cmd->add_flag("--no-meta", a->no_meta, "Leave out the Meta object (fences, currency, counts)");
  cmd->add_flag("--parse-only", a->parse_only, "Only parse every line and count: the benchmark's baseline");
  cmd->callback([cmd, &exit_code, a] {
    if (!cmd->get_subcommands().empty()) return;
    Status s = RedFlags(*a);
    exit_code = s.ok() ? 0 : Fail(s);
  });

  auto init_path = std::make_shared<std::string>("settings.ini");
  auto force = std::make_shared<bool>(false);
  CLI::App* init = cmd->add_subcommand("init", "Write a settings file enabling every indicator with its defaults");
  init->add_option("path", *init_path, "Where to write it")->capture_default_str();
  init->add_flag("--force", *force, "Overwrite an existing file");
  init->callback([&exit_code, init_path, force] {
    Status s = Init(*init_path, *force);
    exit_code = s.ok() ? 0 : Fail(s);
  });

  auto cov_file = std::make_shared<std::string>();
  auto format = std::make_shared<std::string>("text");
  CLI::App* cov = cmd->add_subcommand("coverage", "Which OCDS fields the red flags need a file carries, and so which flags it supports");
  cov->add_option("file", *cov_file, "Compiled releases, one per line; - for standard input")->required();
  cov->add_option("--format", *format, "text or json")->check(CLI::IsMember({"text", "json"}));
  cov->callback([&exit_code, cov_file, format] {
    Status s = CoverageOf(*cov_file, *format);
    exit_code = s.ok() ? 0 : Fail(s);
  });
}

}  // namespace cairn::cli
