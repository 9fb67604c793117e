#include "engine/operations.h"

#include "common/time.h"

namespace cairn::engine {

Result<storage::OperationalCounts> ReadOperationalCounts(const app::Env& env) {
  std::string now = FormatTimestamp(env.clock.Now());
  storage::OperationalCounts counts;
  Status s = env.db.Read([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(counts, storage::CountOperations(tx, now.substr(0, 10), now, env.settings.smtp_max_attempts));
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return counts;
}

}  // namespace cairn::engine
