// FollowTheMoney entities.
#include <gtest/gtest.h>

#include "common/crypto.h"
#include "config/settings.h"
#include "engine/ingest.h"
#include "store_fixture.h"

namespace cairn {
namespace {

TEST(Ftm, EntitiesLoadAndUnmappedOrMalformedOnesAreRejected) {
  testing::StoreFixture s;
  std::string path = testing::StoreFixture::TestData("ftm/entities.jsonl");
  EXPECT_EQ(*engine::DetectFormat(path), "ftm");
  auto r = s.Ingest(path);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->loaded, 3);
  ASSERT_EQ(r->rejects.size(), 3u);
  EXPECT_NE(r->rejects[0].find("line 4: schema 'Vessel' is not one Cairn maps"), std::string::npos) << r->rejects[0];
  EXPECT_NE(r->rejects[1].find("line 5: properties.name must be a list of strings"), std::string::npos) << r->rejects[1];
  EXPECT_NE(r->rejects[2].find("line 6: id is missing"), std::string::npos) << r->rejects[2];
}

}  // namespace
}  // namespace cairn
