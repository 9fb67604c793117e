#include "api/handlers/handlers.h"
#include "api/json.h"
#include "taskforce/organisations.h"
#include "taskforce/strands.h"

namespace cairn::api::handlers {

Result<Reply> ListStrands(Request& req) {
  CAIRN_ASSIGN_OR_RETURN(auto strands, taskforce::ListStrands(req.env));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& s : strands) {
    nlohmann::json j = ToJson(s);
    if (s.lead_organisation_id) {
      auto org = taskforce::GetOrganisation(req.env, *s.lead_organisation_id);
      if (org.ok()) j["lead_organisation"] = {{"id", org->id}, {"name", org->name}};
    }
    items.push_back(j);
  }
  return Reply{200, {{"strands", items}}, {}};
}

}  // namespace cairn::api::handlers
