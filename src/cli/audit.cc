// cairn audit verify: check the audit trail's hash chain from the first entry to the last.
#include <iostream>

#include "audit/chain.h"
#include "cli/cli.h"

namespace cairn::cli {
namespace {

Status Verify(const GlobalOptions& g) {
  CAIRN_ASSIGN_OR_RETURN(auto ctx, Open(g));
  CAIRN_ASSIGN_OR_RETURN(auto report, audit::Verify(*ctx->db));
  if (!report.ok()) {
    return DataLoss("audit chain broken at entry " + std::to_string(*report.first_broken_seq) +
                    ": " + report.reason + " (" + std::to_string(report.entries) + " entries read)");
  }
  std::cout << "audit chain intact: " << report.entries << " entries\n";
  return Status::Ok();
}

}  // namespace

void AddAudit(CLI::App& app, GlobalOptions& g, int& exit_code) {
  CLI::App* audit = app.add_subcommand("audit", "Work with the audit trail");
  audit->require_subcommand(1);
  CLI::App* verify = audit->add_subcommand("verify", "Check every entry's hash and link; report the first broken entry");
  verify->callback([&g, &exit_code] {
    Status s = Verify(g);
    if (!s.ok()) exit_code = Fail(s);
  });
}

}  // namespace cairn::cli
