#include "api/body.h"
#include "api/handlers/handlers.h"
#include "api/json.h"
#include "taskforce/organisations.h"

namespace cairn::api::handlers {

Result<Reply> ListOrganisations(Request& req) {
  CAIRN_ASSIGN_OR_RETURN(auto orgs, taskforce::ListOrganisations(req.env));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& o : orgs) items.push_back(ToJson(o));
  return Reply{200, {{"organisations", items}}, {}};
}

Result<Reply> GetOrganisation(Request& req) {
  CAIRN_ASSIGN_OR_RETURN(int64_t id, IdParam(req));
  CAIRN_ASSIGN_OR_RETURN(auto org, taskforce::GetOrganisation(req.env, id));
  return Reply{200, ToJson(org), {}};
}

Result<Reply> CreateOrganisation(Request& req) {
  Body b(req.body);
  taskforce::NewOrganisation in;
  CAIRN_ASSIGN_OR_RETURN(in.name, b.String("name"));
  CAIRN_ASSIGN_OR_RETURN(in.type, b.String("type"));
  CAIRN_ASSIGN_OR_RETURN(auto slug, b.OptString("slug"));
  CAIRN_ASSIGN_OR_RETURN(in.region, b.OptString("region"));
  CAIRN_ASSIGN_OR_RETURN(auto member, b.OptBool("taskforce_member"));
  CAIRN_ASSIGN_OR_RETURN(in.taskforce_role, b.OptString("taskforce_role"));
  CAIRN_ASSIGN_OR_RETURN(auto org_identifier, b.OptString("org_identifier"));
  CAIRN_RETURN_IF_ERROR(b.Finish());
  in.org_identifier = org_identifier.value_or("");
  in.slug = slug.value_or("");
  in.taskforce_member = member.value_or(false);
  CAIRN_ASSIGN_OR_RETURN(auto org, taskforce::CreateOrganisation(req.env, req.actor, in));
  return Reply{201, ToJson(org), {}};
}

Result<Reply> UpdateOrganisation(Request& req) {
  CAIRN_ASSIGN_OR_RETURN(int64_t id, IdParam(req));
  Body b(req.body);
  taskforce::OrganisationChanges ch;
  CAIRN_ASSIGN_OR_RETURN(ch.name, b.OptString("name"));
  CAIRN_ASSIGN_OR_RETURN(ch.type, b.OptString("type"));
  CAIRN_ASSIGN_OR_RETURN(ch.region, b.NullableString("region"));
  CAIRN_ASSIGN_OR_RETURN(ch.taskforce_member, b.OptBool("taskforce_member"));
  CAIRN_ASSIGN_OR_RETURN(ch.taskforce_role, b.NullableString("taskforce_role"));
  CAIRN_ASSIGN_OR_RETURN(ch.org_identifier, b.OptString("org_identifier"));
  CAIRN_RETURN_IF_ERROR(b.Finish());
  CAIRN_ASSIGN_OR_RETURN(auto org, taskforce::UpdateOrganisation(req.env, req.actor, id, ch));
  return Reply{200, ToJson(org), {}};
}

}  // namespace cairn::api::handlers
