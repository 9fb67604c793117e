#include "api/body.h"
#include "api/handlers/handlers.h"
#include "api/json.h"
#include "api/session_cookie.h"
#include "identity/sessions.h"
#include "taskforce/organisations.h"

namespace cairn::api::handlers {
namespace {

nlohmann::json SessionBody(const app::Env& env, const model::User& user, const std::string& csrf) {
  nlohmann::json body = {{"user", ToJson(user)}, {"csrf_token", csrf}};
  auto org = taskforce::GetOrganisation(env, user.organisation_id);
  if (org.ok()) body["organisation"] = ToJson(*org);
  return body;
}

}  // namespace

Result<Reply> Login(Request& req) {
  Body b(req.body);
  CAIRN_ASSIGN_OR_RETURN(std::string username, b.String("username"));
  CAIRN_ASSIGN_OR_RETURN(std::string password, b.String("password"));
  CAIRN_RETURN_IF_ERROR(b.Finish());
  CAIRN_ASSIGN_OR_RETURN(auto result, identity::Login(req.env, username, password, req.actor.source));
  int max_age = int(std::chrono::duration_cast<std::chrono::seconds>(req.env.settings.session_absolute).count());
  return Reply{200, SessionBody(req.env, result.user, result.csrf_token),
               {{"Set-Cookie", SessionCookie(result.token, max_age, req.tls)}}};
}

Result<Reply> Logout(Request& req) {
  CAIRN_RETURN_IF_ERROR(identity::Logout(req.env, *req.session, req.actor.source));
  return Reply{204, nullptr, {{"Set-Cookie", SessionCookie("", 0, req.tls)}}};
}

Result<Reply> Me(Request& req) {
  return Reply{200, SessionBody(req.env, req.session->user, req.session->csrf_token), {}};
}

Result<Reply> ChangePassword(Request& req) {
  Body b(req.body);
  CAIRN_ASSIGN_OR_RETURN(std::string current, b.String("current_password"));
  CAIRN_ASSIGN_OR_RETURN(std::string next, b.String("new_password"));
  CAIRN_RETURN_IF_ERROR(b.Finish());
  CAIRN_RETURN_IF_ERROR(identity::ChangePassword(req.env, *req.session, current, next, req.actor.source));
  return Reply{204, nullptr, {}};
}

}  // namespace cairn::api::handlers
