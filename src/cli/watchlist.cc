// cairn watchlist publish (the police side) and cairn screen --remote (a council's side): blind
// screening between two deployments (engine/watchlist.h).
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/cli.h"
#include "engine/watchlist.h"
#include "storage/organisations.h"

namespace cairn::cli {
namespace {

Status Publish(const GlobalOptions& g, const std::string& slug, const std::string& out) {
  CAIRN_ASSIGN_OR_RETURN(auto ctx, Open(g));
  app::Env env = ctx->env();
  std::optional<model::Organisation> org;
  CAIRN_RETURN_IF_ERROR(env.db.Read([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(org, storage::FindOrganisationBySlug(tx, slug));
    return Status::Ok();
  }));
  if (!org) return InvalidField("organisation", "no organisation with slug " + slug);
  CAIRN_ASSIGN_OR_RETURN(auto w, engine::PublishWatchlist(env, model::Actor::System(), org->id));
  std::cout << "published " << w.elements.size() << " keyed identifiers for " << w.organisation
            << "; councils read them at GET /api/v1/watchlist and query at POST /api/v1/watchlist/evaluate\n";
  if (!out.empty()) {
    std::ofstream f(out);
    f << nlohmann::json{{"organisation", w.organisation}, {"published_at", w.published_at}, {"elements", w.elements}}.dump(2)
      << "\n";
    if (!f) return DataLoss("writing " + out + " failed");
  }
  return Status::Ok();
}

struct ScreenArgs {
  std::string remote, user, organisation;
  int64_t tender = 0;
  bool password_stdin = false;
};

Status Screen(const GlobalOptions& g, const ScreenArgs& a) {
  // http://host:port only: blind screening runs between deployments on a private network or over
  // a TLS-terminating proxy the deployment provides.
  std::string url = a.remote;
  if (url.rfind("http://", 0) != 0) return InvalidField("--remote", "give the police deployment as http://host:port");
  url = url.substr(7);
  while (!url.empty() && url.back() == '/') url.pop_back();
  size_t colon = url.rfind(':');
  if (colon == std::string::npos) return InvalidField("--remote", "give the port: http://host:port");
  engine::RemoteScreening remote;
  remote.host = url.substr(0, colon);
  remote.port = std::atoi(url.substr(colon + 1).c_str());
  remote.username = a.user;
  remote.organisation = a.organisation;
  if (remote.port <= 0) return InvalidField("--remote", "the port must be a number");
  if (!a.password_stdin) return InvalidField("--password-stdin", "give the password on standard input (--password-stdin)");
  std::getline(std::cin, remote.password);
  CAIRN_ASSIGN_OR_RETURN(auto ctx, Open(g));
  CAIRN_ASSIGN_OR_RETURN(auto report, engine::ScreenTenderRemotely(ctx->env(), model::Actor::System(), a.tender, remote));
  std::cout << report.bidders << " bidders, " << report.queried << " blinded queries, " << report.matched.size()
            << " on the police list\n";
  for (size_t i = 0; i < report.matched.size(); ++i)
    std::cout << "  refer: " << report.matched[i]
              << (i < report.references.size() ? "  (referred to the police SPOC as " + report.references[i] + ")" : "")
              << "\n";
  if (report.lodged_tender)
    std::cout << "lodged as tender " << report.lodged_tender << " on " << a.remote
              << "; its SPOC's decisions are read there\n";
  return Status::Ok();
}

}  // namespace

void AddWatchlist(CLI::App& app, GlobalOptions& g, int& exit_code) {
  CLI::App* cmd = app.add_subcommand("watchlist", "Blind screening, the police side: publish the keyed watchlist");
  cmd->require_subcommand(1);
  auto slug = std::make_shared<std::string>("police-scotland");
  auto out = std::make_shared<std::string>();
  CLI::App* publish = cmd->add_subcommand("publish", "Key every organisation the intelligence names and publish the set");
  publish->add_option("--organisation", *slug, "The police organisation's slug")->capture_default_str();
  publish->add_option("--out", *out, "Also write the set to this JSON file");
  publish->callback([&g, &exit_code, slug, out] {
    Status s = Publish(g, *slug, *out);
    exit_code = s.ok() ? 0 : Fail(s);
  });

  auto a = std::make_shared<ScreenArgs>();
  CLI::App* screen = app.add_subcommand("screen", "Blind screening, a council's side: ask a police deployment about a tender's bidders");
  screen->add_option("--remote", a->remote, "The police deployment, http://host:port")->required();
  screen->add_option("--tender", a->tender, "The tender's id in this store")->required();
  screen->add_option("--user", a->user, "Your account on the police deployment")->required();
  screen->add_option("--organisation", a->organisation, "The police organisation's slug there (default: its first)");
  screen->add_flag("--password-stdin", a->password_stdin, "Read the password from standard input");
  screen->callback([&g, &exit_code, a] {
    Status s = Screen(g, *a);
    exit_code = s.ok() ? 0 : Fail(s);
  });
}

}  // namespace cairn::cli
