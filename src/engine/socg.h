// SOC groups: a profile per group, assembled from the intelligence records that name it and the
// resolved network around its members, with what analysts add (crime types, notes) and their
// threat assessments (risk/threat.h; every assessment kept).
//
// Groups are intelligence: only analysts of the organisation holding the group's records see a
// profile, and every read is audited. Partners see groups only in aggregate (engine/picture.h).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "app/env.h"
#include "common/status.h"
#include "model/actor.h"
#include "risk/threat.h"
#include "storage/network.h"
#include "storage/socg.h"

namespace cairn::engine {

struct SocgBusiness {
  storage::EntityRow entity;
  std::string how;      // "named in intelligence", or "officer: NAME", "PSC: NAME"
  double risk = 0;      // the entity's risk as the viewer sees it
};

struct SocgProfile {
  storage::EntityRow group;           // the socg entity
  std::string reference;
  std::vector<storage::EntityRow> members;    // people named as members
  std::vector<storage::EntityRow> addresses;  // addresses named in the group's records
  std::vector<SocgBusiness> businesses;       // linked through the network
  std::vector<std::string> crime_types;       // the analysts' list if set, else the records'
  bool crime_types_from_records = true;
  std::vector<std::string> councils, regions;  // where its businesses hold licences, win contracts, are inspected
  std::vector<std::string> postcode_areas;
  bool cross_border = false;                   // a member or business outside Scotland's postcode areas
  bool uses_legitimate_business = false;
  std::string notes;
  std::vector<storage::SocgAssessmentRow> assessments;  // newest first
};

// Every group the actor may see (analysts of the holder), without assessments' history. Audited.
Result<std::vector<SocgProfile>> ListSocgs(const app::Env& env, const model::Actor& actor);
// One group by reference. NotFound unless the actor may see it. Audited.
Result<SocgProfile> ReadSocg(const app::Env& env, const model::Actor& actor, const std::string& reference);

// Sets the crime types (from config/threat.toml's list) and notes. InvalidField naming an
// unknown crime type. Audited.
Result<SocgProfile> UpdateSocgProfile(const app::Env& env, const model::Actor& actor, const std::string& reference,
                                      const std::vector<std::string>& crime_types, const std::string& notes);

// Scores and keeps an assessment. InvalidField as risk::Assess, or for an empty rationale. Audited.
Result<storage::SocgAssessmentRow> AssessSocg(const app::Env& env, const model::Actor& actor, const std::string& reference,
                                              const risk::ThreatInput& input, const std::string& rationale);

// Every group of every holder, for aggregates (engine/picture.h): not filtered, not audited —
// callers must release only aggregates.
Result<std::vector<SocgProfile>> AllSocgsForAggregates(const app::Env& env);

}  // namespace cairn::engine
