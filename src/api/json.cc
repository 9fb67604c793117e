#include "api/json.h"

namespace cairn::api {
namespace {

template <typename T>
nlohmann::json Opt(const std::optional<T>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

}  // namespace

nlohmann::json ToJson(const model::Organisation& o) {
  return {{"id", o.id},
          {"slug", o.slug},
          {"name", o.name},
          {"type", o.type},
          {"region", Opt(o.region)},
          {"taskforce_member", o.taskforce_member},
          {"taskforce_role", Opt(o.taskforce_role)},
          {"org_identifier", o.org_identifier},
          {"created_at", o.created_at},
          {"updated_at", o.updated_at}};
}

nlohmann::json ToJson(const model::User& u) {
  return {{"id", u.id},
          {"organisation_id", u.organisation_id},
          {"username", u.username},
          {"display_name", u.display_name},
          {"email", u.email},
          {"role", model::RoleName(u.role)},
          {"disabled", u.disabled},
          {"must_change_password", u.must_change_password},
          {"created_at", u.created_at},
          {"updated_at", u.updated_at}};
}

nlohmann::json ToJson(const model::Strand& s) {
  return {{"id", s.id},
          {"code", s.code},
          {"name", s.name},
          {"aim", s.aim},
          {"lead_organisation_id", Opt(s.lead_organisation_id)},
          {"lead_person", Opt(s.lead_person)},
          {"position", s.position}};
}

nlohmann::json ToJson(const model::AuditEntry& e) {
  nlohmann::json detail = nlohmann::json::parse(e.detail, nullptr, false);
  return {{"seq", e.seq},
          {"at", e.at},
          {"actor_user_id", Opt(e.actor_user_id)},
          {"actor_organisation_id", Opt(e.actor_organisation_id)},
          {"actor", e.actor},
          {"action", e.action},
          {"record_type", e.record_type},
          {"record_id", e.record_id},
          {"outcome", e.outcome},
          {"detail", detail.is_discarded() ? nlohmann::json(e.detail) : detail},
          {"source", e.source},
          {"hash", e.hash}};
}

}  // namespace cairn::api
