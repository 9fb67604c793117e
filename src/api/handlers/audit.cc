#include "api/handlers/handlers.h"
#include "api/json.h"
#include "audit/query.h"

namespace cairn::api::handlers {
namespace {

std::optional<std::string> TextQuery(const Request& req, const char* name) {
  if (!req.http.has_param(name)) return std::nullopt;
  return req.http.get_param_value(name);
}

}  // namespace

Result<Reply> ListAudit(Request& req) {
  storage::AuditFilter f;
  CAIRN_ASSIGN_OR_RETURN(f.user_id, IntQuery(req, "user_id"));
  CAIRN_ASSIGN_OR_RETURN(f.organisation_id, IntQuery(req, "organisation_id"));
  CAIRN_ASSIGN_OR_RETURN(auto before, IntQuery(req, "before"));
  CAIRN_ASSIGN_OR_RETURN(auto limit, IntQuery(req, "limit"));
  f.record_type = TextQuery(req, "record_type");
  f.record_id = TextQuery(req, "record_id");
  f.from = TextQuery(req, "from");
  f.to = TextQuery(req, "to");
  f.before_seq = before.value_or(0);
  f.limit = int(std::clamp<int64_t>(limit.value_or(100), -1, audit::kMaxPageSize + 1));
  CAIRN_ASSIGN_OR_RETURN(auto page, audit::ReadLog(req.env, req.actor, f));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& e : page.entries) items.push_back(ToJson(e));
  nlohmann::json body = {{"entries", items}};
  body["next_before"] = page.next_before > 0 ? nlohmann::json(page.next_before) : nlohmann::json();
  return Reply{200, body, {}};
}

}  // namespace cairn::api::handlers
