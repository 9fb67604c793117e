// cairn retention [--dry-run]: delete or anonymise what its [retention] period has passed, and
// audit it; with --dry-run only list what is due.
#include <iomanip>
#include <iostream>

#include "cli/cli.h"
#include "engine/retention.h"

namespace cairn::cli {
namespace {

Status RunRetention(const GlobalOptions& g, bool dry_run) {
  CAIRN_ASSIGN_OR_RETURN(auto ctx, Open(g));
  CAIRN_ASSIGN_OR_RETURN(auto report, engine::ApplyRetention(ctx->env(), model::Actor::System(), dry_run));
  std::cout << (dry_run ? "Due under the retention rules (dry run: nothing changed):\n"
                        : "Retention applied (each change is in the audit log):\n");
  for (const auto& item : report.items) {
    std::cout << "  " << std::left << std::setw(20) << item.rule << std::setw(10) << item.action;
    if (item.days == 0) {
      std::cout << "kept indefinitely";
    } else {
      std::cout << std::right << std::setw(7) << (dry_run || item.action == "review" ? item.due : item.done) << "  "
                << item.what << " older than " << item.days << " days (before " << item.cutoff.substr(0, 10) << ")";
    }
    std::cout << "\n";
  }
  return Status::Ok();
}

}  // namespace

void AddRetention(CLI::App& app, GlobalOptions& g, int& exit_code) {
  auto dry_run = std::make_shared<bool>(false);
  CLI::App* cmd = app.add_subcommand("retention", "Delete or anonymise records past their [retention] period, audited");
  cmd->add_flag("--dry-run", *dry_run, "Only list what is due; change nothing");
  cmd->callback([&g, &exit_code, dry_run] {
    Status s = RunRetention(g, *dry_run);
    if (!s.ok()) exit_code = Fail(s);
  });
}

}  // namespace cairn::cli
