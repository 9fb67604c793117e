#include "api/handlers/handlers.h"
#include "common/version.h"
#include "embedded/embedded.h"

namespace cairn::api::handlers {

Result<Reply> Health(Request& req) {
  // Reports the store as reachable only if a query succeeds, so a load balancer can act on it.
  auto version = req.env.db.SchemaVersion();
  nlohmann::json body = {
      {"status", version.ok() ? "ok" : "degraded"},
      {"version", kVersion},
      {"database", req.env.db.backend() == storage::Backend::kSqlite ? "sqlite" : "postgresql"}};
  if (version.ok()) body["schema_version"] = *version;
  return Reply{version.ok() ? 200 : 503, body, {}};
}

Result<Reply> OpenApi(Request& req) {
  auto doc = embedded::Find("docs/openapi.json");
  if (!doc) return Internal("the OpenAPI document was not built into this binary");
  return Reply{200, nlohmann::json::parse(*doc), {}};
}

}  // namespace cairn::api::handlers
