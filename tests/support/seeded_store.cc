#include "seeded_store.h"

#include "common/crypto.h"
#include "identity/users.h"
#include "storage/organisations.h"
#include "taskforce/seed.h"
#include "test_store.h"

namespace cairn::testing {

void SeededStoreTest::SetUp() {
  if (!s_.ok()) {
    if (PostgresRequired()) FAIL() << "CAIRN_REQUIRE_PG=1 but CAIRN_TEST_PG is unset";
    GTEST_SKIP() << "PostgreSQL not configured";
  }
  InitCrypto();
  auto seeded = taskforce::SeedTaskforce(s_.env());
  ASSERT_TRUE(seeded.ok()) << seeded.status().ToString();
}

model::Actor SeededStoreTest::Member(const std::string& slug, const std::string& username, const std::string& role) {
  int64_t org = 0;
  EXPECT_TRUE(s_.db().Read([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(auto o, storage::FindOrganisationBySlug(tx, slug));
    if (!o) return NotFound("no organisation " + slug);
    org = o->id;
    return Status::Ok();
  }).ok());
  auto u = identity::CreateUser(s_.env(), model::Actor::System("test"),
                                {username, username, username + "@example.org", role, org, "correct horse battery staple"});
  EXPECT_TRUE(u.ok()) << u.status().ToString();
  if (!u.ok()) return model::Actor::System("test");
  return {u->user.id, org, model::ParseRole(role), username, "test"};
}

}  // namespace cairn::testing
