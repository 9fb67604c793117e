// What a handler sees and returns, and the table of every API route.
//
// Handlers are thin: read the request, call one service function, serialise. The server has
// already authenticated the caller, asked the policy layer, checked CSRF and parsed the body
// before a handler runs (server.cc), so handlers do none of that.
#pragma once

#include <httplib.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/env.h"
#include "common/status.h"
#include "identity/sessions.h"
#include "model/actor.h"
#include "policy/policy.h"

namespace cairn::api {

struct Request {
  const httplib::Request& http;
  const app::Env& env;
  std::vector<std::string> params;  // path captures, in order ({id} …)
  nlohmann::json body;              // an object for POST/PATCH; null otherwise
  model::Actor actor;
  std::optional<identity::SessionContext> session;
  bool tls = false;  // HTTPS as the browser sees it (directly, or through a TLS proxy)
};

struct Reply {
  int status = 200;
  nlohmann::json body;  // null → no body (204), unless content_type is set
  std::vector<std::pair<std::string, std::string>> headers;
  // A download instead of JSON: these bytes with this content type.
  std::string raw = {}, content_type = {};
};

using Handler = Result<Reply> (*)(Request&);

struct Route {
  const char* method;  // GET, POST, PATCH, DELETE
  const char* path;    // OpenAPI form: /api/v1/users/{id}
  policy::Action action;
  Handler handler;
  // The body is a file's bytes, not JSON (uploads): up to [resources] max_upload_bytes, read by
  // the handler from req.http.body.
  bool raw_body = false;
};

// Every route the server registers.
const std::vector<Route>& Routes();

// The numeric path parameter `index` ({id}); NotFound if it does not fit in 64 bits.
Result<int64_t> IdParam(const Request& req, size_t index = 0);

// An optional numeric query parameter; InvalidField naming it if not a whole number.
Result<std::optional<int64_t>> IntQuery(const Request& req, const char* name);

struct Paging {
  int limit = 0, offset = 0;
};
// ?limit= (1 to max_limit, default `default_limit`) and ?offset= (0 or more, default 0).
// InvalidField for a value that is not a whole number.
Result<Paging> PagingQuery(const Request& req, int default_limit, int max_limit);

}  // namespace cairn::api
