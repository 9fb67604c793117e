// `cairn export ftm`: the resolved network as FollowTheMoney entities, one JSON object per line,
// for Aleph, OpenSanctions and other FtM tools. Entities become Person, Company, Address or
// Organization (SOC groups) and, for contracting processes, Contract; links become
// Directorship (officer of), Ownership (PSC of), Membership (member of) or UnknownLink (the
// rest, with the Cairn link type as its role). Restricted entities and links are left out
// unless asked for.
#pragma once

#include <ostream>

#include "app/env.h"
#include "common/status.h"

namespace cairn::engine {

struct FtmExportReport {
  int64_t entities = 0, links = 0, withheld = 0;
};

Result<FtmExportReport> ExportFtm(const app::Env& env, bool include_restricted, std::ostream& out);

}  // namespace cairn::engine
