#include "audit/query.h"

#include "audit/chain.h"
#include "common/time.h"

namespace cairn::audit {

Result<Page> ReadLog(const app::Env& env, const model::Actor& actor, storage::AuditFilter f) {
  if (f.limit < 1 || f.limit > kMaxPageSize) {
    return InvalidField("limit", "must be between 1 and " + std::to_string(kMaxPageSize));
  }
  nlohmann::json detail = nlohmann::json::object();
  for (auto [name, value] : {std::pair{"from", &f.from}, std::pair{"to", &f.to}}) {
    if (!*value) continue;
    auto t = ParseTimestamp(**value);
    if (!t.ok()) return InvalidField(name, t.status().message());
    **value = FormatTimestamp(*t);  // stored form, so text comparison is time comparison
    detail[name] = **value;
  }
  if (f.user_id) detail["user_id"] = *f.user_id;
  if (f.organisation_id) detail["organisation_id"] = *f.organisation_id;
  if (f.record_type) detail["record_type"] = *f.record_type;
  if (f.record_id) detail["record_id"] = *f.record_id;
  Page page;
  CAIRN_RETURN_IF_ERROR(env.db.Write([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(page.entries, storage::QueryAudit(tx, f));
    return Append(tx, env.clock, actor, {"read", "audit_log", "", true, detail});
  }));
  if (int(page.entries.size()) == f.limit) page.next_before = page.entries.back().seq;
  return page;
}

}  // namespace cairn::audit
