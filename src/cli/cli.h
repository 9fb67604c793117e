// The `cairn` command line: each subcommand registers itself on the CLI11 app and does its
// work through the library modules. main.cc only wires these up.
#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "app/env.h"
#include "common/clock.h"
#include "common/status.h"
#include "config/settings.h"
#include "engine/linkage.h"
#include "storage/database.h"

namespace cairn::cli {

// Options every subcommand that touches the store shares.
struct GlobalOptions {
  std::string db = "cairn.db";  // SQLite path or postgresql:// URL; also from CAIRN_DB
  std::string config;           // TOML file (also from CAIRN_CONFIG); empty → embedded defaults
  // Set by main: whether --db or CAIRN_DB was given. If not, [database] url wins over "cairn.db".
  CLI::Option* db_option = nullptr;
};

// An open, migrated store plus what services need. Built by Open().
struct Context {
  std::string url;  // the store's SQLite path or PostgreSQL URL, as resolved by Open()
  std::unique_ptr<storage::Database> db;
  SystemClock clock;
  config::Settings settings;
  app::Env env() { return {*db, clock, settings}; }
};

// The store `g` names: --db or CAIRN_DB, else [database] url from `settings`, else cairn.db.
std::string StoreUrl(const GlobalOptions& g, const config::Settings& settings);

// Loads settings, sets up logging ([log], or CAIRN_LOG_FORMAT), opens the store named in `g` (or
// [database] url) and applies migrations.
Result<std::unique_ptr<Context>> Open(const GlobalOptions& g);
// The same with settings the caller has already loaded, so the file is read once.
Result<std::unique_ptr<Context>> Open(const GlobalOptions& g, config::Settings settings);

// Prints "error: <message>" to stderr and returns the process exit code for `status`.
int Fail(const Status& status);

// Prints each stage of a run on its own line: wall time, and the memory held at its end and at
// most so far where it was measured.
void PrintStages(const std::vector<engine::StageTime>& stages);
// One stage's line of PrintStages.
void PrintStage(std::ostream& out, const engine::StageTime& stage);

void AddInit(CLI::App& app, GlobalOptions& g, int& exit_code);
void AddServe(CLI::App& app, GlobalOptions& g, int& exit_code);
void AddUser(CLI::App& app, GlobalOptions& g, int& exit_code);
void AddAudit(CLI::App& app, GlobalOptions& g, int& exit_code);
void AddLinkage(CLI::App& app, int& exit_code);
void AddSynth(CLI::App& app, int& exit_code);
void AddIngest(CLI::App& app, GlobalOptions& g, int& exit_code);
void AddResolve(CLI::App& app, GlobalOptions& g, int& exit_code);
void AddEvaluate(CLI::App& app, GlobalOptions& g, int& exit_code);
void AddExport(CLI::App& app, GlobalOptions& g, int& exit_code);
void AddDetect(CLI::App& app, GlobalOptions& g, int& exit_code);
void AddRedFlags(CLI::App& app, int& exit_code);
void AddWatchlist(CLI::App& app, GlobalOptions& g, int& exit_code);
void AddReport(CLI::App& app, GlobalOptions& g, int& exit_code);
void AddMail(CLI::App& app, GlobalOptions& g, int& exit_code);
void AddBackup(CLI::App& app, GlobalOptions& g, int& exit_code);
void AddRetention(CLI::App& app, GlobalOptions& g, int& exit_code);

}  // namespace cairn::cli
