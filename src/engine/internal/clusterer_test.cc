#include "engine/internal/clusterer.h"

#include <gtest/gtest.h>

#include <string>

#include "common/memory.h"

namespace cairn::engine::internal {
namespace {

// A key joins a mention to the first mention given the same key, whether the keys come in one
// batch or in several with the clusters asked for between them.
TEST(Clusterer, KeysJoinToTheFirstMentionGivenThem) {
  Clusterer c(6);
  c.Key(3, "cn:1", "same company number");
  c.Key(1, "cn:2", "same company number");
  c.Key(0, "cn:1", "same company number");
  EXPECT_EQ(c.Root(0), c.Root(3));  // asking for a cluster makes the joins waiting
  EXPECT_NE(c.Root(1), c.Root(3));
  c.Key(5, "cn:2", "same address");  // a later batch: joined to mention 1, given "cn:2" first
  c.Key(4, "xx:9", "same address");
  EXPECT_EQ(c.Root(5), c.Root(1));
  EXPECT_NE(c.Root(4), c.Root(5));
  EXPECT_NE(c.Root(2), c.Root(0));
  c.DoneJoining();
  EXPECT_EQ(c.Root(5), c.Root(1));  // clusters still answer
  EXPECT_EQ(c.Reason(0), "same company number");
  EXPECT_EQ(c.Reason(3), "same company number");
  EXPECT_EQ(c.Reason(5), "same address");
  EXPECT_EQ(c.Reason(1), "same address");  // its first join
  EXPECT_EQ(c.Reason(4), "alone");
  EXPECT_EQ(c.Partner(0), std::nullopt);
}

// Keys given after ForgetKeys join among themselves, but not to those given before.
TEST(Clusterer, KeysForgottenAreNotMetAgain) {
  Clusterer c(5);
  c.Key(0, "cn:1", "same company number");
  c.Key(1, "cn:1", "same company number");
  c.ForgetKeys();
  EXPECT_EQ(c.Root(0), c.Root(1));  // the keys given before were joined
  c.Key(2, "cn:1", "same company number");
  c.Key(3, "pb:ann", "same name");
  c.Key(4, "pb:ann", "same name");
  EXPECT_NE(c.Root(2), c.Root(0));
  EXPECT_EQ(c.Root(3), c.Root(4));
  EXPECT_EQ(c.Reason(4), "same name");
}

// Forgetting the keys gives their memory back (28 bytes a key and the vectors' spare room) for the
// stages after: at national scale tens of millions of keys.
TEST(Clusterer, ForgettingKeysGivesTheirMemoryBack) {
  constexpr uint32_t kMentions = 1 << 20;
  Clusterer c(kMentions);
  const int64_t before = HeapBytesInUse();
  for (uint32_t m = 0; m < kMentions; ++m) c.Key(m, "cn:" + std::to_string(m / 2), "same company number");
  const int64_t keyed = HeapBytesInUse();
  ASSERT_GE(keyed - before, int64_t(kMentions) * 28);
  c.ForgetKeys();
  EXPECT_EQ(c.Root(0), c.Root(1));
  EXPECT_LE(HeapBytesInUse() - before, int64_t(kMentions) * 4);  // joins' reasons at most
}

// Birth dates that cannot be one person's keep clusters apart, a key's join among them; a date
// that extends another does not.
TEST(Clusterer, DifferentBirthDatesKeepClustersApart) {
  Clusterer c(4);
  c.SetBirth(0, "1970-03");
  c.SetBirth(1, "1971");
  c.SetBirth(2, "1970");
  c.SetBirth(3, "");
  c.Key(3, "pb:ann", "same name");
  c.Key(0, "pb:ann", "same name");
  c.Key(1, "pb:ann", "same name");
  c.Key(2, "pb:ann", "same name");
  EXPECT_EQ(c.Root(0), c.Root(3));
  EXPECT_EQ(c.Root(2), c.Root(0));  // "1970" fits "1970-03"
  EXPECT_NE(c.Root(1), c.Root(0));  // "1971" does not, though 3 gave no date
  EXPECT_FALSE(c.CanJoin(1, 2));
  // An analyst's "same" overrides the dates; the cluster keeps the more precise one.
  EXPECT_TRUE(c.Join(1, 2, "confirmed by an analyst", true));
  EXPECT_EQ(c.Root(1), c.Root(0));
}

TEST(Clusterer, AnAnalystsDifferentHoldsThroughLaterJoins) {
  Clusterer c(5);
  c.KeepApart(0, 4);
  EXPECT_TRUE(c.Join(0, 1, "a"));
  EXPECT_TRUE(c.Join(4, 3, "b"));
  EXPECT_FALSE(c.CanJoin(1, 3));  // their clusters hold 0 and 4
  c.Key(2, "k", "c");
  c.Key(1, "k", "c");  // joins 1 to 2
  c.Key(3, "k", "c");  // would join 3 to 2, whose cluster now holds 0
  EXPECT_EQ(c.Root(2), c.Root(0));
  EXPECT_NE(c.Root(3), c.Root(0));
}

TEST(Clusterer, AJoinByPartnerNamesTheOtherMention) {
  Clusterer c(3);
  EXPECT_TRUE(c.Join(2, 0, "Fellegi-Sunter match", false, Clusterer::Naming::kByPartner));
  EXPECT_FALSE(c.NeedsReason(0, 2));
  EXPECT_TRUE(c.NeedsReason(0, 1));
  EXPECT_EQ(c.Partner(2), std::optional<uint32_t>(0));
  EXPECT_EQ(c.Partner(0), std::optional<uint32_t>(2));
  EXPECT_EQ(c.Partner(1), std::nullopt);
  EXPECT_EQ(c.Reason(2), "Fellegi-Sunter match");
}

TEST(NumbersByName, SaysHowManyNumbersANameIsUsedWith) {
  NumbersByName n;
  n.Add("kerr recycling", DigestOf("SC100001"), 7);
  n.Add("kerr recycling", DigestOf("SC100001"), 3);  // the same number again, from an earlier mention
  n.Add("acme", DigestOf("SC100002"), 4);
  n.Add("acme", DigestOf("SC100003"), 5);
  n.Add("zeta", DigestOf("SC100004"), 9);
  n.Seal();
  EXPECT_EQ(n.Find("kerr recycling"), (std::pair<int, uint32_t>{1, 3})) << "one number, its first mention";
  EXPECT_EQ(n.Find("acme").first, 2) << "two numbers: no one company";
  EXPECT_EQ(n.Find("zeta"), (std::pair<int, uint32_t>{1, 9})) << "the last name held";
  EXPECT_EQ(n.Find("kerr").first, 0);
  EXPECT_EQ(n.Find("").first, 0);
  NumbersByName empty;
  empty.Seal();
  EXPECT_EQ(empty.Find("acme").first, 0);
}

}  // namespace
}  // namespace cairn::engine::internal
