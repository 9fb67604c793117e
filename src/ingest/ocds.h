// OCDS 1.1 procurement data (FORMATS.md): line-delimited compiled releases (one JSON object per
// line, the form Cardinal reads), or release packages ({"releases": […]}) whose releases are
// compiled here, one compiled release per ocid.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "ingest/source_record.h"

namespace cairn::ingest {

inline constexpr char kOcdsFormat[] = "ocds";

// True if `first_line` is a compiled release (an object with a string ocid), or the start of
// a JSON document that may be a release package (checked when read).
bool LooksLikeOcds(std::string_view first_line);
// True if `first_line` is a whole compiled release (the line-delimited layout).
bool IsCompiledReleaseLine(std::string_view first_line);

// One compiled release, keyed by its ocid. InvalidArgument for invalid JSON or an ocid that is
// not a string.
Result<std::optional<SourceRecord>> ParseCompiledReleaseLine(std::string_view line);

struct CompiledPackage {
  std::vector<SourceRecord> records;   // one per ocid, in ocid order
  std::vector<std::string> rejects;    // "releases[i]: why"
};

// Compiles every ocid's releases in date order by the OCDS merge rules: objects merge field
// by field; arrays of objects with an "id" merge by id; other arrays are replaced; a null
// removes the field. The result's tag is ["compiled"]. InvalidArgument if `json` is not a
// release package.
Result<CompiledPackage> CompileReleasePackage(std::string_view json);

}  // namespace cairn::ingest
