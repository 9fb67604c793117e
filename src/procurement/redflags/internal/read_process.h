// From a parsed compiled release to a Process, with a warning for every value the indicators
// would have read but cannot (an unparsable date or amount, a bid in another currency).
#pragma once

#include <simdjson.h>

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "procurement/redflags/process.h"

namespace cairn::procurement::redflags::internal {

// Whole seconds since 1970 of an RFC 3339 date-time ("2000-01-01T18:00:00Z", "…+01:00",
// fractions allowed, 't' or ' ' for 'T'); nullopt for anything else.
std::optional<int64_t> ParseRfc3339(std::string_view text);

// The first bid currency of `release`, or "".
std::string FirstBidCurrency(simdjson::dom::object release);

// What `ReadProcess` decided about a line.
enum class LineKind { kProcess, kCancelled, kExcluded };

// Reads `release` (whose "ocid" is a string) into `out`, which must be empty (Process::Clear);
// `out` then points into the parser's document and is valid until the parser's next parse. Amounts not in `main_currency` are left
// out, with a warning, unless `main_currency` is empty. Appends warnings, without the line
// number, to `warnings`. Returns kCancelled if tender/status is "cancelled" and kExcluded if
// procurementMethodDetails is in `excluded`, leaving `out` partly filled.
LineKind ReadProcess(simdjson::dom::object release, const std::string& main_currency,
                     const std::set<std::string>& excluded, Process& out, std::vector<std::string>& warnings);

}  // namespace cairn::procurement::redflags::internal
