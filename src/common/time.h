// Timestamps as stored and exchanged: ISO 8601 UTC with milliseconds, "2026-11-22T05:09:02.123Z".
// Text of this fixed width sorts in time order, so both databases can compare it as a string.
#pragma once

#include <string>
#include <string_view>

#include "common/clock.h"
#include "common/status.h"

namespace cairn {

std::string FormatTimestamp(TimePoint t);

// Accepts the form FormatTimestamp writes, and also a bare date "YYYY-MM-DD" (midnight UTC)
// or seconds without fraction. Returns InvalidArgument naming the text otherwise.
Result<TimePoint> ParseTimestamp(std::string_view text);

}  // namespace cairn
