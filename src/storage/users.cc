#include "storage/users.h"

#include "storage/internal/soci_types.h"

namespace cairn::storage {
namespace {

constexpr const char* kSelect =
    "SELECT id, organisation_id, username, display_name, email, role, disabled, "
    "must_change_password, created_at, updated_at, password_hash FROM users ";

struct Row {
  model::UserCredentials c;
  std::string role;
};

void Bind(soci::statement& st, Row& r) {
  model::User& u = r.c.user;
  st.exchange(soci::into(u.id));
  st.exchange(soci::into(u.organisation_id));
  st.exchange(soci::into(u.username));
  st.exchange(soci::into(u.display_name));
  st.exchange(soci::into(u.email));
  st.exchange(soci::into(r.role));
  st.exchange(soci::into(u.disabled));
  st.exchange(soci::into(u.must_change_password));
  st.exchange(soci::into(u.created_at));
  st.exchange(soci::into(u.updated_at));
  st.exchange(soci::into(r.c.password_hash));
}

// Runs kSelect + `where` with at most one bound parameter.
template <typename P>
Result<std::vector<model::UserCredentials>> Select(Tx& tx, const std::string& where, const P* param) {
  Row r;
  soci::statement st(tx.sql());
  Bind(st, r);
  if (param != nullptr) st.exchange(soci::use(*param));
  internal::Execute(st, kSelect + where + " ORDER BY username");
  std::vector<model::UserCredentials> out;
  while (st.fetch()) {
    auto role = model::ParseRole(r.role);
    if (!role) return DataLoss("user " + r.c.user.username + " has unknown role '" + r.role + "'");
    r.c.user.role = *role;
    out.push_back(r.c);
  }
  return out;
}

}  // namespace

Result<std::vector<model::User>> ListUsers(Tx& tx, const UserFilter& filter) {
  Result<std::vector<model::UserCredentials>> rows =
      filter.organisation_id
          ? Select(tx, "WHERE organisation_id = :org", &*filter.organisation_id)
          : Select<int64_t>(tx, "", nullptr);
  if (!rows.ok()) return rows.status();
  std::vector<model::User> out;
  for (auto& c : *rows) out.push_back(std::move(c.user));
  return out;
}

Result<model::User> GetUser(Tx& tx, int64_t id) {
  CAIRN_ASSIGN_OR_RETURN(auto rows, Select(tx, "WHERE id = :id", &id));
  if (rows.empty()) return NotFound("no user with id " + std::to_string(id));
  return rows.front().user;
}

Result<std::optional<model::UserCredentials>> FindCredentials(Tx& tx, const std::string& username) {
  CAIRN_ASSIGN_OR_RETURN(auto rows, Select(tx, "WHERE username = :u", &username));
  if (rows.empty()) return std::optional<model::UserCredentials>();
  return std::optional<model::UserCredentials>(rows.front());
}

Result<int64_t> InsertUser(Tx& tx, const model::UserCredentials& c) {
  const model::User& u = c.user;
  std::string role(model::RoleName(u.role));
  long long id = 0;
  tx.sql() << "INSERT INTO users (organisation_id, username, display_name, email, role, "
              "password_hash, must_change_password, disabled, created_at, updated_at) VALUES "
              "(:org, :username, :display, :email, :role, :hash, :must, :disabled, :created, "
              ":updated) RETURNING id",
      soci::use(u.organisation_id), soci::use(u.username), soci::use(u.display_name),
      soci::use(u.email), soci::use(role), soci::use(c.password_hash),
      soci::use(u.must_change_password), soci::use(u.disabled), soci::use(u.created_at),
      soci::use(u.updated_at), soci::into(id);
  return int64_t{id};
}

Status UpdateUser(Tx& tx, const model::User& u) {
  std::string role(model::RoleName(u.role));
  soci::statement st =
      (tx.sql().prepare << "UPDATE users SET organisation_id = :org, display_name = :display, "
                           "email = :email, role = :role, disabled = :disabled, "
                           "must_change_password = :must, updated_at = :updated WHERE id = :id",
       soci::use(u.organisation_id), soci::use(u.display_name), soci::use(u.email),
       soci::use(role), soci::use(u.disabled), soci::use(u.must_change_password),
       soci::use(u.updated_at), soci::use(u.id));
  st.execute(true);
  if (st.get_affected_rows() == 0) return NotFound("no user with id " + std::to_string(u.id));
  return Status::Ok();
}

Status SetPasswordHash(Tx& tx, int64_t user_id, const std::string& hash, bool must_change,
                       const std::string& updated_at) {
  tx.sql() << "UPDATE users SET password_hash = :h, must_change_password = :m, updated_at = :u "
              "WHERE id = :id",
      soci::use(hash), soci::use(must_change), soci::use(updated_at), soci::use(user_id);
  return Status::Ok();
}

Result<int64_t> CountUsers(Tx& tx) {
  long long n = 0;
  tx.sql() << "SELECT COUNT(*) FROM users", soci::into(n);
  return int64_t{n};
}

}  // namespace cairn::storage
