// What the grant engine's files share (engine/grants.cc, grant_rules.cc): the strands and
// objectives looked up once per transaction, and the rules an application must meet.
#pragma once

#include <string>
#include <vector>

#include "app/env.h"
#include "common/status.h"
#include "common/time.h"
#include "engine/grants.h"
#include "model/organisation.h"
#include "model/strand.h"
#include "storage/grants.h"
#include "storage/strands.h"
#include "storage/tasks.h"

namespace cairn::engine::internal {

inline bool Blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }
inline bool IsDate(const std::string& d) { return d.size() == 10 && ParseTimestamp(d).ok(); }
inline std::string Today(const app::Env& env) { return FormatTimestamp(env.clock.Now()).substr(0, 10); }

// What every grant function looks things up in.
struct Lookup {
  std::vector<model::Strand> strands;
  std::vector<storage::ObjectiveRow> objectives;

  static Result<Lookup> Load(storage::Tx& tx) {
    Lookup l;
    CAIRN_ASSIGN_OR_RETURN(l.strands, storage::ListStrands(tx));
    CAIRN_ASSIGN_OR_RETURN(l.objectives, storage::ListObjectives(tx));
    return l;
  }
  const model::Strand* Strand(int64_t id) const {
    for (const auto& s : strands)
      if (s.id == id) return &s;
    return nullptr;
  }
  const model::Strand* StrandByCode(const std::string& code) const {
    for (const auto& s : strands)
      if (s.code == code) return &s;
    return nullptr;
  }
  const storage::ObjectiveRow* Objective(int64_t id) const {
    for (const auto& o : objectives)
      if (o.id == id) return &o;
    return nullptr;
  }
  const storage::ObjectiveRow* ObjectiveByCode(const std::string& code) const {
    for (const auto& o : objectives)
      if (o.code == code) return &o;
    return nullptr;
  }
};

// Applies the fields given to a draft, checking each as it is given: InvalidField naming the
// rule for an amount that is not positive or is over the maximum, a negative line or match
// funding, a malformed date, or an unknown strand or objective.
Status ApplyInput(const ApplicationInput& in, const Lookup& l, const storage::SchemeRow& scheme, storage::ApplicationRow& a);

// Every eligibility rule a submission must pass (engine/grants.h RuleFailure); empty when it may
// be submitted.
std::vector<RuleFailure> Eligibility(const app::Env& env, const Lookup& l, const storage::SchemeRow& scheme,
                                     const model::Organisation& org, const storage::ApplicationRow& a);

}  // namespace cairn::engine::internal
