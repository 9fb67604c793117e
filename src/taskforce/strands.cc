#include "taskforce/strands.h"

#include "storage/strands.h"

namespace cairn::taskforce {

Result<std::vector<model::Strand>> ListStrands(const app::Env& env) {
  std::vector<model::Strand> out;
  CAIRN_RETURN_IF_ERROR(env.db.Read([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(out, storage::ListStrands(tx));
    return Status::Ok();
  }));
  return out;
}

}  // namespace cairn::taskforce
