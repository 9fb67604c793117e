#include <iostream>

#include "cli/cli.h"

namespace cairn::cli {

Result<std::unique_ptr<Context>> Open(const GlobalOptions& g) {
  auto ctx = std::make_unique<Context>();
  CAIRN_ASSIGN_OR_RETURN(ctx->settings, config::LoadSettings(g.config));
  CAIRN_ASSIGN_OR_RETURN(ctx->db, storage::Database::Open(g.db));
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

}  // namespace cairn::cli
