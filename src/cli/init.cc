// cairn init: create or upgrade the store, seed the Taskforce, and create the first
// administrator with a one-time password (only when the store has no users yet).
#include <iostream>

#include "cli/cli.h"
#include "engine/guidance.h"
#include "identity/users.h"
#include "storage/organisations.h"
#include "storage/users.h"
#include "taskforce/seed.h"

namespace cairn::cli {
namespace {

struct InitOptions {
  std::string admin = "admin";
  std::string admin_email = "admin@cairn.invalid";
  std::string organisation = "scottish-government";
};

Status RunInit(const GlobalOptions& g, const InitOptions& o) {
  CAIRN_ASSIGN_OR_RETURN(auto ctx, Open(g));
  app::Env env = ctx->env();
  CAIRN_ASSIGN_OR_RETURN(auto seeded, taskforce::SeedTaskforce(env));
  CAIRN_ASSIGN_OR_RETURN(int guidance, engine::SeedGuidance(env));
  std::cout << "store ready: " << ctx->db->display_url() << "\n"
            << "seeded " << seeded.organisations_created << " organisations and "
            << seeded.strands_written << " strands\n";
  if (guidance > 0) std::cout << "added " << guidance << " guidance pages\n";
  int64_t users = 0;
  std::optional<model::Organisation> org;
  CAIRN_RETURN_IF_ERROR(env.db.Read([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(users, storage::CountUsers(tx));
    CAIRN_ASSIGN_OR_RETURN(org, storage::FindOrganisationBySlug(tx, o.organisation));
    return Status::Ok();
  }));
  if (users > 0) {
    std::cout << "users exist already: no administrator created\n";
    return Status::Ok();
  }
  if (!org) return InvalidArgument("no organisation with slug " + o.organisation);
  CAIRN_ASSIGN_OR_RETURN(auto created,
                         identity::CreateUser(env, model::Actor::System(),
                                              {o.admin, "Administrator", o.admin_email, "admin", org->id, std::nullopt}));
  std::cout << "\nadministrator: " << created.user.username << "\n"
            << "one-time password: " << *created.one_time_password << "\n"
            << "(you will be asked to change it when you first sign in)\n";
  return Status::Ok();
}

}  // namespace

void AddInit(CLI::App& app, GlobalOptions& g, int& exit_code) {
  auto o = std::make_shared<InitOptions>();
  CLI::App* cmd = app.add_subcommand("init", "Create or upgrade the store, seed the Taskforce and create the first administrator");
  cmd->add_option("--admin", o->admin, "Username of the first administrator")->capture_default_str();
  cmd->add_option("--admin-email", o->admin_email, "Email of the first administrator")->capture_default_str();
  cmd->add_option("--organisation", o->organisation, "Slug of the administrator's organisation")->capture_default_str();
  cmd->callback([&g, &exit_code, o] {
    Status s = RunInit(g, *o);
    if (!s.ok()) exit_code = Fail(s);
  });
}

}  // namespace cairn::cli
