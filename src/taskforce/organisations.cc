#include "taskforce/organisations.h"

#include <regex>

#include "audit/chain.h"
#include "audit/changes.h"
#include "common/time.h"
#include "storage/organisations.h"

namespace cairn::taskforce {
namespace {

Status CheckName(const std::string& name) {
  if (name.find_first_not_of(" \t") == std::string::npos) return InvalidField("name", "must not be empty");
  if (name.size() > 200) return InvalidField("name", "must be at most 200 characters");
  return Status::Ok();
}

Status CheckType(const std::string& type) {
  if (!model::IsOrganisationType(type)) {
    std::string all;
    for (auto t : model::kOrganisationTypes) all += (all.empty() ? "" : ", ") + std::string(t);
    return InvalidField("type", "must be one of " + all);
  }
  return Status::Ok();
}

Status CheckRegion(const std::optional<std::string>& region) {
  if (region && !model::IsRegion(*region)) return InvalidField("region", "must be West, East or North");
  return Status::Ok();
}

Status CheckOrgIdentifier(const std::string& id) {
  if (!model::IsOrgIdentifier(id))
    return InvalidField("org_identifier", "must be an org-id.guide identifier such as GB-CHC-1234567");
  return Status::Ok();
}

nlohmann::json Json(const std::optional<std::string>& v) { return v ? nlohmann::json(*v) : nlohmann::json(); }

}  // namespace

std::string SlugFor(const std::string& name) {
  std::string out;
  for (unsigned char c : name) {
    if (std::isalnum(c)) out += char(std::tolower(c));
    else if (!out.empty() && out.back() != '-') out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.substr(0, 64);
}

Result<model::Organisation> CreateOrganisation(const app::Env& env, const model::Actor& actor,
                                               const NewOrganisation& in) {
  CAIRN_RETURN_IF_ERROR(CheckName(in.name));
  CAIRN_RETURN_IF_ERROR(CheckType(in.type));
  CAIRN_RETURN_IF_ERROR(CheckRegion(in.region));
  CAIRN_RETURN_IF_ERROR(CheckOrgIdentifier(in.org_identifier));
  model::Organisation o;
  o.slug = in.slug.empty() ? SlugFor(in.name) : in.slug;
  static const std::regex kSlug("^[a-z0-9][a-z0-9-]{0,63}$");
  if (!std::regex_match(o.slug, kSlug)) {
    return InvalidField("slug", "must be 1–64 characters of a–z, 0–9 and '-'");
  }
  o.name = in.name;
  o.type = in.type;
  o.region = in.region;
  o.taskforce_member = in.taskforce_member;
  o.taskforce_role = in.taskforce_role;
  o.org_identifier = in.org_identifier;
  o.created_at = o.updated_at = FormatTimestamp(env.clock.Now());
  Status s = env.db.Write([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(auto same_slug, storage::FindOrganisationBySlug(tx, o.slug));
    if (same_slug) return AlreadyExists("an organisation with slug " + o.slug + " exists", "slug");
    CAIRN_ASSIGN_OR_RETURN(o.id, storage::InsertOrganisation(tx, o));
    return audit::Append(tx, env.clock, actor,
                         {"create", "organisation", std::to_string(o.id), true,
                          {{"slug", o.slug}, {"name", o.name}, {"type", o.type}, {"region", Json(o.region)}}});
  });
  if (s.code() == StatusCode::kAlreadyExists && s.field().empty()) {
    return AlreadyExists("an organisation named " + in.name + " exists", "name");
  }
  if (!s.ok()) return s;
  return o;
}

Result<model::Organisation> UpdateOrganisation(const app::Env& env, const model::Actor& actor,
                                               int64_t id, const OrganisationChanges& ch) {
  if (ch.name) CAIRN_RETURN_IF_ERROR(CheckName(*ch.name));
  if (ch.type) CAIRN_RETURN_IF_ERROR(CheckType(*ch.type));
  if (ch.region) CAIRN_RETURN_IF_ERROR(CheckRegion(*ch.region));
  if (ch.org_identifier) CAIRN_RETURN_IF_ERROR(CheckOrgIdentifier(*ch.org_identifier));
  model::Organisation o;
  Status s = env.db.Write([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(o, storage::GetOrganisation(tx, id));
    audit::Changes changed;
    if (ch.name) { changed.Note("name", o.name, *ch.name); o.name = *ch.name; }
    if (ch.type) { changed.Note("type", o.type, *ch.type); o.type = *ch.type; }
    if (ch.region) { changed.Note("region", Json(o.region), Json(*ch.region)); o.region = *ch.region; }
    if (ch.taskforce_member) { changed.Note("taskforce_member", o.taskforce_member, *ch.taskforce_member); o.taskforce_member = *ch.taskforce_member; }
    if (ch.taskforce_role) { changed.Note("taskforce_role", Json(o.taskforce_role), Json(*ch.taskforce_role)); o.taskforce_role = *ch.taskforce_role; }
    if (ch.org_identifier) { changed.Note("org_identifier", o.org_identifier, *ch.org_identifier); o.org_identifier = *ch.org_identifier; }
    if (changed.empty()) return Status::Ok();
    o.updated_at = FormatTimestamp(env.clock.Now());
    CAIRN_RETURN_IF_ERROR(storage::UpdateOrganisation(tx, o));
    return audit::Append(tx, env.clock, actor, {"update", "organisation", std::to_string(id), true, changed.json()});
  });
  if (s.code() == StatusCode::kAlreadyExists) return AlreadyExists("an organisation with that name exists", "name");
  if (!s.ok()) return s;
  return o;
}

Result<std::vector<model::Organisation>> ListOrganisations(const app::Env& env) {
  std::vector<model::Organisation> out;
  CAIRN_RETURN_IF_ERROR(env.db.Read([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(out, storage::ListOrganisations(tx));
    return Status::Ok();
  }));
  return out;
}

Result<model::Organisation> GetOrganisation(const app::Env& env, int64_t id) {
  model::Organisation o;
  CAIRN_RETURN_IF_ERROR(env.db.Read([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(o, storage::GetOrganisation(tx, id));
    return Status::Ok();
  }));
  return o;
}

}  // namespace cairn::taskforce
