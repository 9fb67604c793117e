// How domain records appear in API responses. Password hashes and session tokens never do.
#pragma once

#include <nlohmann/json.hpp>

#include "model/audit_entry.h"
#include "model/organisation.h"
#include "model/strand.h"
#include "model/user.h"

namespace cairn::api {

nlohmann::json ToJson(const model::Organisation& o);
nlohmann::json ToJson(const model::User& u);
nlohmann::json ToJson(const model::Strand& s);
nlohmann::json ToJson(const model::AuditEntry& e);

}  // namespace cairn::api
