#include "identity/users.h"

#include <regex>

#include "audit/chain.h"
#include "audit/changes.h"
#include "common/time.h"
#include "identity/password.h"
#include "storage/organisations.h"
#include "storage/sessions.h"
#include "storage/users.h"

namespace cairn::identity {
namespace {

Status CheckUsername(const std::string& u) {
  static const std::regex kUsername("^[a-z0-9][a-z0-9._-]{2,63}$");
  if (!std::regex_match(u, kUsername)) {
    return InvalidField("username", "must be 3–64 characters of a–z, 0–9, '.', '_' or '-', starting with a letter or digit");
  }
  return Status::Ok();
}

Status CheckDisplayName(const std::string& n) {
  if (n.find_first_not_of(" \t") == std::string::npos) return InvalidField("display_name", "must not be empty");
  if (n.size() > 200) return InvalidField("display_name", "must be at most 200 characters");
  return Status::Ok();
}

Status CheckEmail(const std::string& e) {
  static const std::regex kEmail(R"(^[^@\s]+@[^@\s]+\.[^@\s]+$)");
  if (e.size() > 254 || !std::regex_match(e, kEmail)) {
    return InvalidField("email", "must be an email address such as name@example.gov.scot");
  }
  return Status::Ok();
}

Result<model::Role> CheckRole(const std::string& r) {
  auto role = model::ParseRole(r);
  if (!role) {
    return InvalidField("role", "must be one of admin, secretariat, strand_lead, analyst, partner, auditor");
  }
  return *role;
}

Status CheckOrganisation(storage::Tx& tx, int64_t id) {
  auto org = storage::GetOrganisation(tx, id);
  if (!org.ok()) return InvalidField("organisation_id", "no organisation with id " + std::to_string(id));
  return Status::Ok();
}

}  // namespace

Result<CreatedUser> CreateUser(const app::Env& env, const model::Actor& actor, const NewUser& in) {
  CAIRN_RETURN_IF_ERROR(CheckUsername(in.username));
  CAIRN_RETURN_IF_ERROR(CheckDisplayName(in.display_name));
  CAIRN_RETURN_IF_ERROR(CheckEmail(in.email));
  CAIRN_ASSIGN_OR_RETURN(model::Role role, CheckRole(in.role));
  CreatedUser out;
  std::string password;
  if (in.password) {
    CAIRN_RETURN_IF_ERROR(CheckPasswordRules(*in.password, env.settings.password_min_length));
    password = *in.password;
  } else {
    password = GenerateOneTimePassword();
    out.one_time_password = password;
  }
  CAIRN_ASSIGN_OR_RETURN(std::string hash, HashPassword(password));
  std::string now = FormatTimestamp(env.clock.Now());
  model::UserCredentials c{{0, in.organisation_id, in.username, in.display_name, in.email, role,
                            false, !in.password.has_value(), now, now},
                           hash};
  Status s = env.db.Write([&](storage::Tx& tx) -> Status {
    CAIRN_RETURN_IF_ERROR(CheckOrganisation(tx, in.organisation_id));
    CAIRN_ASSIGN_OR_RETURN(auto existing, storage::FindCredentials(tx, in.username));
    if (existing) return AlreadyExists("username " + in.username + " is taken", "username");
    CAIRN_ASSIGN_OR_RETURN(c.user.id, storage::InsertUser(tx, c));
    return audit::Append(tx, env.clock, actor,
                         {"create", "user", std::to_string(c.user.id), true,
                          {{"username", in.username},
                           {"role", in.role},
                           {"organisation_id", in.organisation_id},
                           {"one_time_password", !in.password.has_value()}}});
  });
  if (!s.ok()) return s;
  out.user = c.user;
  return out;
}

Result<model::User> UpdateUser(const app::Env& env, const model::Actor& actor, int64_t id,
                               const UserChanges& ch) {
  if (ch.display_name) CAIRN_RETURN_IF_ERROR(CheckDisplayName(*ch.display_name));
  if (ch.email) CAIRN_RETURN_IF_ERROR(CheckEmail(*ch.email));
  std::optional<model::Role> role;
  if (ch.role) { CAIRN_ASSIGN_OR_RETURN(role, CheckRole(*ch.role)); }
  if (actor.user_id == id && ((ch.disabled && *ch.disabled) || (role && role != actor.role))) {
    return FailedPrecondition("you cannot disable yourself or change your own role");
  }
  model::User user;
  Status s = env.db.Write([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(user, storage::GetUser(tx, id));
    audit::Changes changed;
    if (ch.display_name) { changed.Note("display_name", user.display_name, *ch.display_name); user.display_name = *ch.display_name; }
    if (ch.email) { changed.Note("email", user.email, *ch.email); user.email = *ch.email; }
    if (role) { changed.Note("role", model::RoleName(user.role), model::RoleName(*role)); user.role = *role; }
    if (ch.organisation_id) {
      CAIRN_RETURN_IF_ERROR(CheckOrganisation(tx, *ch.organisation_id));
      changed.Note("organisation_id", user.organisation_id, *ch.organisation_id);
      user.organisation_id = *ch.organisation_id;
    }
    if (ch.disabled) { changed.Note("disabled", user.disabled, *ch.disabled); user.disabled = *ch.disabled; }
    if (changed.empty()) return Status::Ok();
    user.updated_at = FormatTimestamp(env.clock.Now());
    CAIRN_RETURN_IF_ERROR(storage::UpdateUser(tx, user));
    if (user.disabled) {
      CAIRN_ASSIGN_OR_RETURN(int64_t ended, storage::DeleteUserSessions(tx, id));
      changed.json()["sessions_ended"] = ended;
    }
    return audit::Append(tx, env.clock, actor, {"update", "user", std::to_string(id), true, changed.json()});
  });
  if (!s.ok()) return s;
  return user;
}

Result<std::string> ResetPassword(const app::Env& env, const model::Actor& actor, int64_t id) {
  std::string password = GenerateOneTimePassword();
  CAIRN_ASSIGN_OR_RETURN(std::string hash, HashPassword(password));
  CAIRN_RETURN_IF_ERROR(env.db.Write([&](storage::Tx& tx) -> Status {
    CAIRN_RETURN_IF_ERROR(storage::GetUser(tx, id).status());
    CAIRN_RETURN_IF_ERROR(storage::SetPasswordHash(tx, id, hash, true, FormatTimestamp(env.clock.Now())));
    CAIRN_ASSIGN_OR_RETURN(int64_t ended, storage::DeleteUserSessions(tx, id));
    return audit::Append(tx, env.clock, actor,
                         {"reset_password", "user", std::to_string(id), true, {{"sessions_ended", ended}}});
  }));
  return password;
}

Result<model::User> FindUserByUsername(const app::Env& env, const std::string& username) {
  std::optional<model::UserCredentials> c;
  CAIRN_RETURN_IF_ERROR(env.db.Read([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(c, storage::FindCredentials(tx, username));
    return Status::Ok();
  }));
  if (!c) return NotFound("no user named " + username);
  return c->user;
}

Result<std::vector<model::User>> ListUsers(const app::Env& env, std::optional<int64_t> organisation_id) {
  std::vector<model::User> out;
  CAIRN_RETURN_IF_ERROR(env.db.Read([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(out, storage::ListUsers(tx, {organisation_id}));
    return Status::Ok();
  }));
  return out;
}

Result<model::User> ReadUser(const app::Env& env, const model::Actor& actor, int64_t id) {
  model::User user;
  CAIRN_RETURN_IF_ERROR(env.db.Write([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(user, storage::GetUser(tx, id));
    return audit::Append(tx, env.clock, actor, {"read", "user", std::to_string(id), true, {}});
  }));
  return user;
}

}  // namespace cairn::identity
