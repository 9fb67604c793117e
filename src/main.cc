// cairn: the one binary. Each subcommand lives in src/cli/; this file only wires them up.
#include <spdlog/spdlog.h>

#include "cli/cli.h"
#include "common/crypto.h"
#include "common/version.h"

int main(int argc, char** argv) {
  cairn::InitCrypto();
  CLI::App app{"Cairn: detection and multi-agency tasking against serious organised crime"};
  app.set_version_flag("--version", std::string("cairn ") + cairn::kVersion);
  app.require_subcommand(1);
  cairn::cli::GlobalOptions g;
  g.db_option = app.add_option("--db", g.db, "SQLite file or postgresql:// URL (else [database] url)")
                    ->envname("CAIRN_DB")
                    ->capture_default_str();
  app.add_option("--config", g.config, "Settings file (TOML); defaults are built in")->envname("CAIRN_CONFIG");
  int exit_code = 0;
  cairn::cli::AddInit(app, g, exit_code);
  cairn::cli::AddServe(app, g, exit_code);
  cairn::cli::AddUser(app, g, exit_code);
  cairn::cli::AddAudit(app, g, exit_code);
  cairn::cli::AddLinkage(app, exit_code);
  cairn::cli::AddSynth(app, exit_code);
  cairn::cli::AddIngest(app, g, exit_code);
  cairn::cli::AddResolve(app, g, exit_code);
  cairn::cli::AddEvaluate(app, g, exit_code);
  cairn::cli::AddExport(app, g, exit_code);
  cairn::cli::AddDetect(app, g, exit_code);
  cairn::cli::AddRedFlags(app, exit_code);
  cairn::cli::AddWatchlist(app, g, exit_code);
  cairn::cli::AddReport(app, g, exit_code);
  cairn::cli::AddMail(app, g, exit_code);
  cairn::cli::AddBackup(app, g, exit_code);
  cairn::cli::AddRetention(app, g, exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  return exit_code;
}
