// One entry of the tamper-evident audit trail. Entries form a hash chain: `hash` covers every
// other field and `prev_hash`, so editing, deleting or reordering any entry breaks the chain.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace cairn::model {

struct AuditEntry {
  int64_t seq = 0;  // 1, 2, 3… in append order
  std::string at;   // timestamp, common/time.h format
  std::optional<int64_t> actor_user_id;
  std::optional<int64_t> actor_organisation_id;
  std::string actor;        // username at the time, or "system" / the attempted username
  std::string action;       // e.g. "create", "update", "read", "login", "login_failed"
  std::string record_type;  // e.g. "user", "organisation", "session"
  std::string record_id;    // empty when not about one record
  std::string outcome;      // "success" or "failure"
  std::string detail;       // JSON object text with what changed (never secrets)
  std::string source;       // client IP or "cli"
  std::string prev_hash;
  std::string hash;
};

}  // namespace cairn::model
