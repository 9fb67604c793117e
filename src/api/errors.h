// The one mapping from Status codes to HTTP, and the one error body every failure uses:
//   {"error": {"code": "invalid_field", "message": "…", "field": "email"}}
#pragma once

#include <nlohmann/json.hpp>

#include "common/status.h"

namespace cairn::api {

int HttpStatusFor(StatusCode code);

// The error body for `status`; "field" is present only when the status names one.
nlohmann::json ErrorBody(const Status& status);
// The error body for a failure the HTTP layer itself detects (413, 415, 404 for no route…).
nlohmann::json ErrorBody(std::string_view code, std::string_view message);

}  // namespace cairn::api
