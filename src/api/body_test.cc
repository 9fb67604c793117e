#include "api/body.h"

#include <gtest/gtest.h>

namespace cairn::api {
namespace {

TEST(Body, ReadsTypedFieldsAndRejectsUnknownOnes) {
  nlohmann::json j = {{"name", "Fife"}, {"count", 3}, {"on", true}, {"extra", 1}};
  Body b(j);
  EXPECT_EQ(*b.String("name"), "Fife");
  EXPECT_EQ(**b.OptInt("count"), 3);
  EXPECT_TRUE(**b.OptBool("on"));
  Status s = b.Finish();
  EXPECT_EQ(s.code(), StatusCode::kInvalidField);
  EXPECT_EQ(s.field(), "extra");
}

TEST(Body, MissingRequiredFieldIsNamed) {
  nlohmann::json j = nlohmann::json::object();
  Body b(j);
  auto r = b.String("username");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().field(), "username");
}

TEST(Body, WrongTypeIsNamed) {
  nlohmann::json j = {{"count", "three"}, {"flag", 1}};
  Body b(j);
  EXPECT_EQ(b.OptInt("count").status().field(), "count");
  EXPECT_EQ(b.OptBool("flag").status().field(), "flag");
}

TEST(Body, NullableStringTellsAbsentFromNull) {
  nlohmann::json j = {{"region", nullptr}, {"role", "Chair"}};
  Body b(j);
  EXPECT_FALSE(b.NullableString("missing")->has_value());
  auto region = *b.NullableString("region");
  ASSERT_TRUE(region.has_value());
  EXPECT_FALSE(region->has_value());
  EXPECT_EQ(**b.NullableString("role"), "Chair");
  EXPECT_TRUE(b.Finish().ok());
}

}  // namespace
}  // namespace cairn::api
