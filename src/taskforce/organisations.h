// Managing organisations. Every change is audited with what changed.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/env.h"
#include "common/status.h"
#include "model/actor.h"
#include "model/organisation.h"

namespace cairn::taskforce {

struct NewOrganisation {
  std::string slug;  // derived from the name when empty
  std::string name;
  std::string type;
  std::optional<std::string> region;
  bool taskforce_member = false;
  std::optional<std::string> taskforce_role;
  std::string org_identifier;  // org-id.guide; "" if unknown
};

// InvalidField naming the field for an empty name, unknown type or region, or a bad slug;
// AlreadyExists if the slug or name is taken.
Result<model::Organisation> CreateOrganisation(const app::Env& env, const model::Actor& actor,
                                               const NewOrganisation& in);

struct OrganisationChanges {
  std::optional<std::string> name;
  std::optional<std::string> type;
  std::optional<std::optional<std::string>> region;          // set to nullopt to clear
  std::optional<bool> taskforce_member;
  std::optional<std::optional<std::string>> taskforce_role;  // set to nullopt to clear
  std::optional<std::string> org_identifier;                 // "" to clear
};

Result<model::Organisation> UpdateOrganisation(const app::Env& env, const model::Actor& actor,
                                               int64_t id, const OrganisationChanges& changes);

Result<std::vector<model::Organisation>> ListOrganisations(const app::Env& env);
Result<model::Organisation> GetOrganisation(const app::Env& env, int64_t id);

// "North Lanarkshire Council" → "north-lanarkshire-council".
std::string SlugFor(const std::string& name);

}  // namespace cairn::taskforce
