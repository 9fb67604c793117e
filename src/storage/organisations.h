// Organisations table. All functions run inside a transaction lent by Database.
#pragma once

#include <optional>
#include <vector>

#include "common/status.h"
#include "model/organisation.h"
#include "storage/database.h"

namespace cairn::storage {

Result<std::vector<model::Organisation>> ListOrganisations(Tx& tx);
// NotFound if there is no such organisation.
Result<model::Organisation> GetOrganisation(Tx& tx, int64_t id);
// nullopt if no organisation has that slug.
Result<std::optional<model::Organisation>> FindOrganisationBySlug(Tx& tx, const std::string& slug);
// Inserts `org` (its id is ignored) and returns the new id. AlreadyExists on a duplicate
// slug or name.
Result<int64_t> InsertOrganisation(Tx& tx, const model::Organisation& org);
// Overwrites every field but id, slug and created_at. NotFound if absent.
Status UpdateOrganisation(Tx& tx, const model::Organisation& org);

}  // namespace cairn::storage
