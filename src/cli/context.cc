#include <cstdlib>
#include <iostream>
#include <utility>

#include "common/logging.h"

#include "cli/cli.h"

namespace cairn::cli {

std::string StoreUrl(const GlobalOptions& g, const config::Settings& settings) {
  bool db_given = g.db_option != nullptr && g.db_option->count() > 0;
  return !db_given && !settings.database_url.empty() ? settings.database_url : g.db;
}

Result<std::unique_ptr<Context>> Open(const GlobalOptions& g) {
  CAIRN_ASSIGN_OR_RETURN(config::Settings settings, config::LoadSettings(g.config));
  return Open(g, std::move(settings));
}

Result<std::unique_ptr<Context>> Open(const GlobalOptions& g, config::Settings settings) {
  auto ctx = std::make_unique<Context>();
  ctx->settings = std::move(settings);
  const char* format = std::getenv("CAIRN_LOG_FORMAT");
  CAIRN_RETURN_IF_ERROR(ConfigureLogging(format != nullptr && *format != '\0' ? format : ctx->settings.log_format,
                                         ctx->settings.log_level));
  ctx->url = StoreUrl(g, ctx->settings);
  CAIRN_ASSIGN_OR_RETURN(ctx->db, storage::Database::Open(ctx->url));
  CAIRN_ASSIGN_OR_RETURN(int applied, ctx->db->Migrate());
  (void)applied;
  return ctx;
}

int Fail(const Status& status) {
  std::cerr << "error: " << status.message();
  if (!status.field().empty()) std::cerr << " (" << status.field() << ")";
  std::cerr << "\n";
  switch (status.code()) {
    case StatusCode::kInvalidArgument:
    case StatusCode::kInvalidField: return 2;
    case StatusCode::kDataLoss: return 3;
    default: return 1;
  }
}

void PrintStage(std::ostream& out, const engine::StageTime& s) {
  out << "  " << s.stage << ": " << s.seconds << " s";
  if (s.peak_resident_bytes > 0) {
    out << " (resident " << s.resident_bytes / (1 << 20) << " MiB, peak " << s.peak_resident_bytes / (1 << 20) << " MiB)";
  }
  out << "\n";
}

void PrintStages(const std::vector<engine::StageTime>& stages) {
  for (const auto& s : stages) PrintStage(std::cout, s);
}

}  // namespace cairn::cli
