// Creating a task inside a transaction the caller holds, for engines that write a task together
// with something else (engine/meetings.cc: the action and its task).
#pragma once

#include "app/env.h"
#include "common/status.h"
#include "engine/tasks.h"
#include "storage/database.h"

namespace cairn::engine::internal {

// Everything CreateTask does but reading it back: validates, scores, stores, notifies, audits.
// Returns the new task's id.
Result<int64_t> CreateTaskIn(storage::Tx& tx, const app::Env& env, const model::Actor& actor, const TaskInput& in,
                             const taskforce::PrioritySettings& settings);

}  // namespace cairn::engine::internal
