// cairn user add|list|disable|reset-password: manage users from the command line (audited as "system").
#include <iostream>

#include "cli/cli.h"
#include "identity/users.h"
#include "model/organisation.h"
#include "storage/organisations.h"

namespace cairn::cli {
namespace {

struct UserOptions {
  std::string username, display_name, email, role, organisation;
  bool password_stdin = false;
};

Result<model::Organisation> OrganisationBySlug(const app::Env& env, const std::string& slug) {
  std::optional<model::Organisation> org;
  CAIRN_RETURN_IF_ERROR(env.db.Read([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(org, storage::FindOrganisationBySlug(tx, slug));
    return Status::Ok();
  }));
  if (!org) return InvalidField("organisation", "no organisation with slug " + slug);
  return *org;
}

Status Add(const GlobalOptions& g, const UserOptions& o) {
  CAIRN_ASSIGN_OR_RETURN(auto ctx, Open(g));
  app::Env env = ctx->env();
  CAIRN_ASSIGN_OR_RETURN(auto org, OrganisationBySlug(env, o.organisation));
  identity::NewUser in{o.username, o.display_name, o.email, o.role, org.id, std::nullopt};
  if (o.password_stdin) {
    std::string password;
    std::getline(std::cin, password);
    in.password = password;
  }
  CAIRN_ASSIGN_OR_RETURN(auto created, identity::CreateUser(env, model::Actor::System(), in));
  std::cout << "created user " << created.user.username << " (id " << created.user.id << ", "
            << model::RoleName(created.user.role) << ", " << org.name << ")\n";
  if (created.one_time_password) {
    std::cout << "one-time password: " << *created.one_time_password << "\n";
  }
  return Status::Ok();
}

Status List(const GlobalOptions& g, const std::string& organisation) {
  CAIRN_ASSIGN_OR_RETURN(auto ctx, Open(g));
  app::Env env = ctx->env();
  std::optional<int64_t> org_id;
  if (!organisation.empty()) {
    CAIRN_ASSIGN_OR_RETURN(auto org, OrganisationBySlug(env, organisation));
    org_id = org.id;
  }
  CAIRN_ASSIGN_OR_RETURN(auto users, identity::ListUsers(env, org_id));
  std::cout << "id\tusername\trole\torganisation_id\tstatus\tdisplay_name\n";
  for (const auto& u : users) {
    std::cout << u.id << "\t" << u.username << "\t" << model::RoleName(u.role) << "\t"
              << u.organisation_id << "\t" << (u.disabled ? "disabled" : "active") << "\t"
              << u.display_name << "\n";
  }
  return Status::Ok();
}

Status Disable(const GlobalOptions& g, const std::string& username) {
  CAIRN_ASSIGN_OR_RETURN(auto ctx, Open(g));
  app::Env env = ctx->env();
  CAIRN_ASSIGN_OR_RETURN(auto user, identity::FindUserByUsername(env, username));
  identity::UserChanges ch;
  ch.disabled = true;
  CAIRN_ASSIGN_OR_RETURN(user, identity::UpdateUser(env, model::Actor::System(), user.id, ch));
  std::cout << "disabled " << user.username << "; their sessions have ended\n";
  return Status::Ok();
}

Status Reset(const GlobalOptions& g, const std::string& username) {
  CAIRN_ASSIGN_OR_RETURN(auto ctx, Open(g));
  app::Env env = ctx->env();
  CAIRN_ASSIGN_OR_RETURN(auto user, identity::FindUserByUsername(env, username));
  CAIRN_ASSIGN_OR_RETURN(std::string password, identity::ResetPassword(env, model::Actor::System(), user.id));
  std::cout << "one-time password for " << user.username << ": " << password << "\n"
            << "(they will be asked to change it when they sign in; their sessions have ended)\n";
  return Status::Ok();
}

}  // namespace

void AddUser(CLI::App& app, GlobalOptions& g, int& exit_code) {
  CLI::App* user = app.add_subcommand("user", "Manage users");
  user->require_subcommand(1);

  auto o = std::make_shared<UserOptions>();
  CLI::App* add = user->add_subcommand("add", "Add a user (a one-time password is printed unless --password-stdin)");
  add->add_option("--username", o->username, "Sign-in name: 3–64 of a–z 0–9 . _ -")->required();
  add->add_option("--display-name", o->display_name, "Full name")->required();
  add->add_option("--email", o->email, "Email address")->required();
  add->add_option("--role", o->role, "admin, secretariat, strand_lead, analyst, partner or auditor")->required();
  add->add_option("--organisation", o->organisation, "Organisation slug, e.g. police-scotland")->required();
  add->add_flag("--password-stdin", o->password_stdin, "Read the password from the first line of standard input");
  add->callback([&g, &exit_code, o] {
    Status s = Add(g, *o);
    if (!s.ok()) exit_code = Fail(s);
  });

  auto org = std::make_shared<std::string>();
  CLI::App* list = user->add_subcommand("list", "List users");
  list->add_option("--organisation", *org, "Only users of this organisation (slug)");
  list->callback([&g, &exit_code, org] {
    Status s = List(g, *org);
    if (!s.ok()) exit_code = Fail(s);
  });

  auto name = std::make_shared<std::string>();
  CLI::App* disable = user->add_subcommand("disable", "Disable a user and end their sessions at once");
  disable->add_option("username", *name, "The user to disable")->required();
  disable->callback([&g, &exit_code, name] {
    Status s = Disable(g, *name);
    if (!s.ok()) exit_code = Fail(s);
  });

  CLI::App* reset = user->add_subcommand("reset-password", "Give a user a new one-time password");
  reset->add_option("username", *name, "The user")->required();
  reset->callback([&g, &exit_code, name] {
    Status s = Reset(g, *name);
    if (!s.ok()) exit_code = Fail(s);
  });
}

}  // namespace cairn::cli
