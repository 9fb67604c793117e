// cairn resolve: rebuild the network from the stored source records (engine/resolution.h).
#include <iostream>

#include "cli/cli.h"
#include "engine/resolution.h"

namespace cairn::cli {

void AddResolve(CLI::App& app, GlobalOptions& g, int& exit_code) {
  CLI::App* cmd = app.add_subcommand("resolve", "Resolve the stored records into entities and links (the network)");
  cmd->callback([&g, &exit_code] {
    Status s = [&]() -> Status {
      CAIRN_ASSIGN_OR_RETURN(auto ctx, Open(g));
      CAIRN_ASSIGN_OR_RETURN(auto report, engine::ResolveNetwork(ctx->env(), model::Actor::System()));
      std::cout << "records " << report.records << ", mentions " << report.mentions << ", links " << report.links << "\n";
      for (const auto& [kind, n] : report.entities) std::cout << "  " << kind << ": " << n << " entities\n";
      std::cout << "entity ids kept from the last run: " << report.ids_kept << "\n";
      return Status::Ok();
    }();
    if (!s.ok()) exit_code = Fail(s);
  });
}

}  // namespace cairn::cli
