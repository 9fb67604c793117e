// cairn ingest: load source files into the store (engine/ingest.h), with a progress bar when
// standard error is a terminal, and the counts and reject report at the end.
#include <unistd.h>

#include <iostream>

#include "cli/cli.h"
#include "cli/progress.h"
#include "engine/ingest.h"
#include "ingest/cairn_csv.h"
#include "storage/organisations.h"

namespace cairn::cli {
namespace {

struct IngestArgs {
  std::vector<std::string> files;
  std::string format;
  std::string organisation;  // slug of the owner
  std::string mapping;       // TOML column mapping
  bool quiet_rejects = false;
};

Status Run(const GlobalOptions& g, const IngestArgs& a) {
  CAIRN_ASSIGN_OR_RETURN(auto ctx, Open(g));
  app::Env env = ctx->env();
  bool tty = isatty(STDERR_FILENO) != 0;
  bool any_rejected = false;
  engine::IngestOptions base;
  if (!a.organisation.empty()) {
    std::optional<model::Organisation> org;
    CAIRN_RETURN_IF_ERROR(env.db.Read([&](storage::Tx& tx) -> Status {
      CAIRN_ASSIGN_OR_RETURN(org, storage::FindOrganisationBySlug(tx, a.organisation));
      return Status::Ok();
    }));
    if (!org) return InvalidField("organisation", "no organisation with slug " + a.organisation);
    base.owner_organisation_id = org->id;
  }
  if (!a.mapping.empty()) { CAIRN_ASSIGN_OR_RETURN(base.column_mapping, ingest::LoadColumnMapping(a.mapping)); }
  for (const std::string& path : a.files) {
    engine::IngestOptions options = base;
    options.format = a.format;
    if (tty) options.progress = [&path](uint64_t done, uint64_t total) { DrawProgress(path, done, total); };
    CAIRN_ASSIGN_OR_RETURN(auto report, engine::IngestFile(env, model::Actor::System(), path, options));
    if (tty) std::cerr << "\n";
    if (!a.quiet_rejects) {
      for (const auto& r : report.rejects) std::cerr << "rejected: " << r << "\n";
    }
    std::cout << path << " (" << report.format << "): read " << report.read << ", loaded " << report.loaded
              << ", unchanged " << report.unchanged << ", rejected " << report.rejected
              << (report.resumed ? " (finished an interrupted ingest of this file)" : "") << "\n";
    any_rejected = any_rejected || report.rejected > 0;
  }
  if (any_rejected) std::cout << "the full reject report is in the store (ingest_rejects)\n";
  return Status::Ok();
}

}  // namespace

void AddIngest(CLI::App& app, GlobalOptions& g, int& exit_code) {
  auto a = std::make_shared<IngestArgs>();
  CLI::App* cmd = app.add_subcommand(
      "ingest", "Load source files: Companies House companies CSV, PSC and officers JSON lines, licence registers, inspection reports, intelligence subjects");
  cmd->add_option("files", a->files, "Files to load")->required()->check(CLI::ExistingFile);
  cmd->add_option("--format", a->format, "The files' format; detected from the content when absent")
      ->check(CLI::IsMember(std::vector<std::string>(std::begin(engine::kIngestFormats), std::end(engine::kIngestFormats))));
  cmd->add_option("--organisation", a->organisation,
                  "Slug of the organisation that holds the records (required for intelligence subjects)");
  cmd->add_option("--mapping", a->mapping, "TOML file mapping Cairn's column names to the file's ([columns])")
      ->check(CLI::ExistingFile);
  cmd->add_flag("--quiet-rejects", a->quiet_rejects, "Do not list rejected rows (the counts still show)");
  cmd->callback([&g, &exit_code, a] {
    Status s = Run(g, *a);
    if (!s.ok()) exit_code = Fail(s);
  });
}

}  // namespace cairn::cli
