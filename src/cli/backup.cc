// cairn backup --out FILE: a consistent copy of the live store (SQLite online backup, or
// pg_dump). cairn restore [--db TARGET] [--replace] FILE: put one back and check it.
// cairn compact: give the space of deleted rows back to the disk (VACUUM).
#include <iostream>

#include "cli/cli.h"
#include "common/logging.h"
#include "engine/backup.h"

namespace cairn::cli {
namespace {

struct RestoreOptions {
  std::string file;
  std::string target;
  bool replace = false;
};

Status RunBackup(const GlobalOptions& g, const std::string& out) {
  CAIRN_ASSIGN_OR_RETURN(auto ctx, Open(g));
  CAIRN_ASSIGN_OR_RETURN(auto file, engine::TakeBackup(ctx->env(), ctx->url, out, model::Actor::System()));
  std::cout << "backed up " << ctx->db->display_url() << " to " << out << " ("
            << (file.kind == storage::BackupKind::kSqlite ? "SQLite" : "pg_dump custom format") << ", " << file.bytes
            << " bytes)\n";
  return Status::Ok();
}

Status RunRestore(const GlobalOptions& g, const RestoreOptions& o) {
  CAIRN_ASSIGN_OR_RETURN(config::Settings settings, config::LoadSettings(g.config));
  CAIRN_RETURN_IF_ERROR(ConfigureLogging(settings.log_format, settings.log_level));
  std::string target = o.target.empty() ? StoreUrl(g, settings) : o.target;
  CAIRN_ASSIGN_OR_RETURN(auto report, engine::RestoreBackup(target, o.file, o.replace, SystemClock(),
                                                            model::Actor::System()));
  std::cout << "restored " << o.file << " into " << storage::DisplayUrl(target) << "\n"
            << "schema version " << report.schema_version << "; audit chain intact: " << report.audit_entries
            << " entries\n";
  for (const auto& [table, n] : report.counts) std::cout << "  " << table << ": " << n << "\n";
  return Status::Ok();
}

Status RunCompact(const GlobalOptions& g) {
  CAIRN_ASSIGN_OR_RETURN(auto ctx, Open(g));
  std::cout << "compacting " << ctx->db->display_url() << " (writers wait until it ends)\n" << std::flush;
  CAIRN_ASSIGN_OR_RETURN(auto done, engine::CompactStore(ctx->env(), model::Actor::System()));
  std::cout << "compacted: " << done.before << " bytes before, " << done.after << " after\n";
  return Status::Ok();
}

}  // namespace

void AddBackup(CLI::App& app, GlobalOptions& g, int& exit_code) {
  auto out = std::make_shared<std::string>();
  CLI::App* backup = app.add_subcommand("backup", "Write a consistent copy of the store while it is in use");
  backup->add_option("--out", *out, "The backup file (mode 0600: it holds everything in the store)")->required();
  backup->callback([&g, &exit_code, out] {
    Status s = RunBackup(g, *out);
    if (!s.ok()) exit_code = Fail(s);
  });

  auto o = std::make_shared<RestoreOptions>();
  CLI::App* restore = app.add_subcommand("restore", "Restore a backup into an empty store, then verify its audit chain");
  restore->add_option("file", o->file, "A file written by cairn backup")->required()->check(CLI::ExistingFile);
  restore->add_option("--db", o->target, "The store to restore into (else the global --db, CAIRN_DB or [database] url)");
  restore->add_flag("--replace", o->replace, "Overwrite a store that already holds data (stop its servers first)");
  restore->callback([&g, &exit_code, o] {
    Status s = RunRestore(g, *o);
    if (!s.ok()) exit_code = Fail(s);
  });

  app.add_subcommand("compact", "Give the space of deleted rows back to the disk (after a large migration or purge)")
      ->callback([&g, &exit_code] {
        Status s = RunCompact(g);
        if (!s.ok()) exit_code = Fail(s);
      });
}

}  // namespace cairn::cli
