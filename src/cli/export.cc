// cairn export ftm: the resolved network as FollowTheMoney JSON lines (engine/export_ftm.h).
// cairn export 360giving: the awarded grants as 360Giving open data (engine/grants.h).
#include <fstream>
#include <iostream>

#include "audit/chain.h"
#include "cli/cli.h"
#include "engine/export_ftm.h"
#include "engine/grants.h"

namespace cairn::cli {
namespace {

struct ExportArgs {
  std::string out;
  bool include_restricted = false;
  std::string format = "json";  // 360giving: json, csv or xlsx
};

Status Run360Giving(const GlobalOptions& g, const ExportArgs& a) {
  if (a.format == "xlsx" && a.out.empty()) return InvalidArgument("--out is needed for a spreadsheet");
  CAIRN_ASSIGN_OR_RETURN(auto ctx, Open(g));
  app::Env env = ctx->env();
  CAIRN_ASSIGN_OR_RETURN(auto bytes, engine::GrantsOpenData(env, model::Actor::System(), a.format));
  if (a.out.empty()) {
    std::cout << bytes;
    return Status::Ok();
  }
  std::ofstream file(a.out, std::ios::binary);
  if (!(file << bytes)) return InvalidArgument("cannot write " + a.out);
  std::cerr << "wrote " << a.out << "\n";
  return Status::Ok();
}

Status Run(const GlobalOptions& g, const ExportArgs& a) {
  CAIRN_ASSIGN_OR_RETURN(auto ctx, Open(g));
  std::ofstream file;
  if (!a.out.empty()) {
    file.open(a.out);
    if (!file) return InvalidArgument("cannot write " + a.out);
  }
  std::ostream& out = a.out.empty() ? std::cout : file;
  app::Env env = ctx->env();
  CAIRN_ASSIGN_OR_RETURN(auto report, engine::ExportFtm(env, a.include_restricted, out));
  // An export is a bulk read; one of restricted records is a read of restricted data.
  CAIRN_RETURN_IF_ERROR(env.db.Write([&](storage::Tx& tx) {
    return audit::Append(tx, env.clock, model::Actor::System(),
                         {"export", "network", "", true,
                          {{"format", "ftm"}, {"entities", report.entities}, {"links", report.links},
                           {"include_restricted", a.include_restricted}, {"to", a.out.empty() ? "stdout" : a.out}}});
  }));
  std::cerr << "exported " << report.entities << " entities and " << report.links << " links";
  if (report.withheld > 0) std::cerr << "; " << report.withheld << " restricted left out";
  std::cerr << "\n";
  return Status::Ok();
}

}  // namespace

void AddExport(CLI::App& app, GlobalOptions& g, int& exit_code) {
  CLI::App* exp = app.add_subcommand("export", "Export data");
  exp->require_subcommand(1);
  auto a = std::make_shared<ExportArgs>();
  CLI::App* ftm = exp->add_subcommand("ftm", "The resolved network as FollowTheMoney JSON lines");
  ftm->add_option("--out", a->out, "File to write (default: standard output)");
  ftm->add_flag("--include-restricted", a->include_restricted, "Include restricted intelligence (audited)");
  ftm->callback([&g, &exit_code, a] {
    Status s = Run(g, *a);
    if (!s.ok()) exit_code = Fail(s);
  });
  CLI::App* giving = exp->add_subcommand("360giving", "Awarded grants as 360Giving open data");
  giving->add_option("--format", a->format, "json, csv or xlsx")->check(CLI::IsMember({"json", "csv", "xlsx"}));
  giving->add_option("--out", a->out, "File to write (default: standard output; needed for xlsx)");
  giving->callback([&g, &exit_code, a] {
    Status s = Run360Giving(g, *a);
    if (!s.ok()) exit_code = Fail(s);
  });
}

}  // namespace cairn::cli
