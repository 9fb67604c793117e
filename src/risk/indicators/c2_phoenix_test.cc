#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "risk/testing/builder.h"

namespace cairn::risk {
namespace {

using testing::Builder;
using ::testing::UnorderedElementsAre;

CompanyFacts Failed(const std::string& inc, const std::string& dissolved, const std::string& sic) {
  CompanyFacts f;
  f.status = "Dissolved";
  f.incorporated = inc;
  f.dissolved = dissolved;
  f.sic_codes = {sic};
  f.registered_postcode = "G1 1AA";
  return f;
}

TEST(PhoenixPattern, TwoYoungFailuresAndALookalikeFire) {
  Builder b;
  uint32_t p = b.Person("Ann Smith");
  b.Director(p, b.Company("SMITH BUILDERS LIMITED", Failed("2022-01-01", "2023-06-01", "41202")), "2022-01-01", "2023-06-01");
  b.Director(p, b.Company("CLYDE BUILD LTD", Failed("2023-01-01", "2024-10-01", "41202")), "2023-01-01", "2024-10-01");
  CompanyFacts live;
  live.incorporated = "2026-01-01";
  live.sic_codes = {"43999"};
  uint32_t c = b.Company("SMITH BUILDERS LTD", live);
  b.Director(p, c, "2026-01-01");
  auto found = testing::Run(b.net(), "C2");
  EXPECT_THAT(testing::Nodes(found), UnorderedElementsAre(c, p));
  EXPECT_NE(found[0].summary.find("a similar name"), std::string::npos);
  EXPECT_GE(found[0].evidence.size(), 5u);
}

TEST(PhoenixPattern, OneFailureOrOldFailuresOrNoResemblanceDoNot) {
  Builder b;
  uint32_t p = b.Person("Ann Smith");
  // Failed, but after more than three years: not a young failure.
  b.Director(p, b.Company("SMITH BUILDERS LIMITED", Failed("2018-01-01", "2023-06-01", "41202")));
  b.Director(p, b.Company("CLYDE BUILD LTD", Failed("2023-01-01", "2024-10-01", "41202")));
  CompanyFacts live;
  live.sic_codes = {"41202"};
  b.Director(p, b.Company("SMITH BUILDERS LTD", live));
  EXPECT_TRUE(testing::Run(b.net(), "C2").empty());

  Builder other;
  uint32_t q = other.Person("Bob Jones");
  other.Director(q, other.Company("ALPHA LTD", Failed("2022-01-01", "2023-06-01", "41202")));
  other.Director(q, other.Company("BETA LTD", Failed("2023-01-01", "2024-10-01", "41202")));
  CompanyFacts unlike;
  unlike.sic_codes = {"62020"};
  unlike.registered_postcode = "EH1 1AA";
  other.Director(q, other.Company("GAMMA SOFTWARE LTD", unlike));
  EXPECT_TRUE(testing::Run(other.net(), "C2").empty());
}

}  // namespace
}  // namespace cairn::risk
