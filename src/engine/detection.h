// `cairn detect`: the risk indicators over the resolved network, written as findings and
// entity risk (risk/ holds the indicators; this file feeds them from the store and writes
// their results back).
//
// Re-running on unchanged data writes nothing: findings are matched on indicator, entity and
// restriction, and only changed ones are rewritten. An analyst's decision on a finding is kept;
// a dismissed finding stays out of the risk scores until its evidence changes, when it reopens.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "app/env.h"
#include "common/status.h"
#include "engine/linkage.h"
#include "model/actor.h"
#include "risk/network.h"
#include "risk/settings.h"
#include "storage/findings.h"

namespace cairn::engine {

struct DetectionReport {
  int64_t entities = 0, links = 0, companies_with_facts = 0;
  std::map<std::string, int64_t> findings;  // per indicator
  int64_t risk_rows = 0;
  storage::FindingWriteStats written;
  std::vector<StageTime> stages;
};

// Reads the resolved network with register facts and intelligence subjects, as of `as_of`
// (YYYY-MM-DD).
Result<risk::Network> LoadRiskNetwork(const app::Env& env, const std::string& as_of);

// Runs every enabled indicator and writes findings and risk in one transaction. Audited.
// InvalidArgument for an `as_of` that is not a date.
Result<DetectionReport> RunDetection(const app::Env& env, const model::Actor& actor, const risk::Settings& settings,
                                     const std::string& as_of);

// The reach a viewer has over restricted findings: their own organisation's, if an analyst.
storage::Reach ReachOf(const model::Actor& actor);

// Records an analyst's decision on finding `id`: "dismiss" (reason required) or "confirm", or
// "reopen". InvalidField for an unknown decision or a missing reason, NotFound for a finding the
// actor may not see. Audited.
Result<storage::FindingRow> DecideOnFinding(const app::Env& env, const model::Actor& actor, int64_t id,
                                            const std::string& decision, const std::string& reason);

struct FindingPage {
  std::vector<storage::FindingRow> findings;
  int64_t total = 0;  // matching the query, before limit and offset
};

// Findings the actor may see, highest score first. Reading restricted ones is audited.
Result<FindingPage> ListFindings(const app::Env& env, const model::Actor& actor, const storage::FindingQuery& query);

// NotFound if absent or not visible to the actor. Reading a restricted one is audited.
Result<storage::FindingRow> ReadFinding(const app::Env& env, const model::Actor& actor, int64_t id);

struct EntityRisk {
  std::optional<storage::RiskRow> risk;       // the actor's view: restricted if they may see it
  std::vector<storage::FindingRow> findings;  // the visible ones
  bool refer = false;  // restricted findings exist that the actor may not see: ask their owner
};

// The risk panel of an entity page. Reading restricted findings is audited.
Result<EntityRisk> RiskOfEntity(const app::Env& env, const model::Actor& actor, const std::string& entity_id);

}  // namespace cairn::engine
