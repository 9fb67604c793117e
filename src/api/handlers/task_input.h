// Reading the parts of a task that every way of making one shares (tasks.cc, meetings.cc).
#pragma once

#include "api/body.h"
#include "engine/tasks.h"

namespace cairn::api::handlers {

// Reads strand and objective (required), harm, likelihood and confidence (required, refused by
// the engine outside 1–5), and the named optional text fields into `in`.
Status ReadTaskBasics(Body& b, engine::TaskInput& in, std::initializer_list<std::pair<const char*, std::string*>> optional);

}  // namespace cairn::api::handlers
