// A test on each backend over a store seeded with the Taskforce, with helpers to add members of
// its organisations. PostgreSQL cases skip outside the harness (fail under CAIRN_REQUIRE_PG=1).
// Instantiate with ::testing::ValuesIn(testing::Backends()).
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "model/actor.h"
#include "store_fixture.h"

namespace cairn::testing {

class SeededStoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override;
  // A new user of organisation `slug` with `role`, as an actor; their email is username@example.org.
  model::Actor Member(const std::string& slug, const std::string& username, const std::string& role);

  StoreFixture s_{GetParam()};
};

}  // namespace cairn::testing
