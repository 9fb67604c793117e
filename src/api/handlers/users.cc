#include "api/body.h"
#include "api/handlers/handlers.h"
#include "api/json.h"
#include "identity/users.h"

namespace cairn::api::handlers {

Result<Reply> ListUsers(Request& req) {
  CAIRN_ASSIGN_OR_RETURN(auto org, IntQuery(req, "organisation_id"));
  CAIRN_ASSIGN_OR_RETURN(auto users, identity::ListUsers(req.env, org));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& u : users) items.push_back(ToJson(u));
  return Reply{200, {{"users", items}}, {}};
}

Result<Reply> GetUser(Request& req) {
  CAIRN_ASSIGN_OR_RETURN(int64_t id, IdParam(req));
  CAIRN_ASSIGN_OR_RETURN(auto user, identity::ReadUser(req.env, req.actor, id));
  return Reply{200, ToJson(user), {}};
}

Result<Reply> CreateUser(Request& req) {
  Body b(req.body);
  identity::NewUser in;
  CAIRN_ASSIGN_OR_RETURN(in.username, b.String("username"));
  CAIRN_ASSIGN_OR_RETURN(in.display_name, b.String("display_name"));
  CAIRN_ASSIGN_OR_RETURN(in.email, b.String("email"));
  CAIRN_ASSIGN_OR_RETURN(in.role, b.String("role"));
  CAIRN_ASSIGN_OR_RETURN(in.organisation_id, b.Int("organisation_id"));
  CAIRN_ASSIGN_OR_RETURN(in.password, b.OptString("password"));
  CAIRN_RETURN_IF_ERROR(b.Finish());
  CAIRN_ASSIGN_OR_RETURN(auto created, identity::CreateUser(req.env, req.actor, in));
  nlohmann::json body = {{"user", ToJson(created.user)}};
  // Shown once, to the administrator who created the account, to pass on out of band.
  if (created.one_time_password) body["one_time_password"] = *created.one_time_password;
  return Reply{201, body, {}};
}

Result<Reply> UpdateUser(Request& req) {
  CAIRN_ASSIGN_OR_RETURN(int64_t id, IdParam(req));
  Body b(req.body);
  identity::UserChanges ch;
  CAIRN_ASSIGN_OR_RETURN(ch.display_name, b.OptString("display_name"));
  CAIRN_ASSIGN_OR_RETURN(ch.email, b.OptString("email"));
  CAIRN_ASSIGN_OR_RETURN(ch.role, b.OptString("role"));
  CAIRN_ASSIGN_OR_RETURN(ch.organisation_id, b.OptInt("organisation_id"));
  CAIRN_ASSIGN_OR_RETURN(ch.disabled, b.OptBool("disabled"));
  CAIRN_RETURN_IF_ERROR(b.Finish());
  CAIRN_ASSIGN_OR_RETURN(auto user, identity::UpdateUser(req.env, req.actor, id, ch));
  return Reply{200, ToJson(user), {}};
}

}  // namespace cairn::api::handlers
