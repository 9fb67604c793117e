// The tamper-evident audit trail: an append-only hash chain in the audit_log table.
//
// Entry n stores hash_n = SHA-256(canonical(entry_n without hash) ‖ hash_{n-1}), with
// hash_0 = 64 zeros. Changing, deleting or reordering any stored entry makes Verify report the
// first entry whose stored hash or link no longer matches. Retention may remove the oldest entries
// ([retention] audit_log_days); the chain then starts from an anchor holding the last removed
// entry's seq and hash, and removing entries is itself the subject of an audit entry.
// Append must run inside the same write transaction as the change it records, so a write and
// its audit entry commit together.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "common/clock.h"
#include "common/status.h"
#include "model/actor.h"
#include "model/audit_entry.h"
#include "storage/database.h"

namespace cairn::audit {

inline constexpr char kGenesisHash[] =
    "0000000000000000000000000000000000000000000000000000000000000000";

struct Event {
  std::string action;       // "create", "update", "read", "login", "login_failed", …
  std::string record_type;  // "user", "organisation", "session", "audit_log", …
  std::string record_id;
  bool success = true;
  nlohmann::json detail = nlohmann::json::object();  // never passwords or tokens
};

// The hash `e` must carry, given its other fields (including prev_hash).
std::string ComputeHash(const model::AuditEntry& e);

// Appends `event` by `actor` at clock.Now(). Serialises with concurrent appenders.
Status Append(storage::Tx& tx, const Clock& clock, const model::Actor& actor, const Event& event);

struct VerifyReport {
  int64_t entries = 0;
  std::optional<int64_t> first_broken_seq;  // nullopt when the chain is intact
  std::string reason;                       // why that entry is broken
  int64_t anchored_after = 0;  // entries up to this seq were removed under retention (0: none)
  bool ok() const { return !first_broken_seq.has_value(); }
};

// Walks the whole chain in seq order, streaming.
Result<VerifyReport> Verify(storage::Database& db);

}  // namespace cairn::audit
