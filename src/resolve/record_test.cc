#include "resolve/record.h"

#include <gtest/gtest.h>

#include <string>

namespace cairn::resolve {
namespace {

TEST(PackedRecord, EachRoleKeepsItsOwnValueWhateverTheOrderOfSetting) {
  Record r;
  for (size_t i = 0; i < kRoleCount; ++i) EXPECT_EQ(r[Role(i)], "") << i;
  r.Set(Role::kPostcode, "EH1 1AA");
  r.Set(Role::kGivenName, "anne");
  r.Set(Role::kIdNumber, "123");
  r.Set(Role::kSurname, "smith");
  EXPECT_EQ(r[Role::kGivenName], "anne");
  EXPECT_EQ(r[Role::kSurname], "smith");
  EXPECT_EQ(r[Role::kPostcode], "EH1 1AA");
  EXPECT_EQ(r[Role::kIdNumber], "123");
  EXPECT_EQ(r[Role::kMiddleName], "");
  // Longer, shorter and empty again, in the middle: the values after it move with it.
  r.Set(Role::kSurname, "smithson-jones");
  r.Set(Role::kGivenName, "a");
  EXPECT_EQ(r[Role::kGivenName], "a");
  EXPECT_EQ(r[Role::kSurname], "smithson-jones");
  EXPECT_EQ(r[Role::kPostcode], "EH1 1AA");
  r.Set(Role::kSurname, "");
  EXPECT_EQ(r[Role::kSurname], "");
  EXPECT_EQ(r[Role::kPostcode], "EH1 1AA");
  EXPECT_EQ(r[Role::kIdNumber], "123");
}

TEST(PackedRecord, AValueMaySetFromAnotherOfTheSameRecord) {
  Record r;
  r.Set(Role::kFullName, "anne marie smith");
  r.Set(Role::kGivenName, r[Role::kFullName].substr(0, 4));     // a view into the record itself
  r.Set(Role::kSurname, r[Role::kFullName].substr(11));
  r.Set(Role::kFullName, r[Role::kFullName].substr(5, 5));      // its own value, shortened
  EXPECT_EQ(r[Role::kGivenName], "anne");
  EXPECT_EQ(r[Role::kSurname], "smith");
  EXPECT_EQ(r[Role::kFullName], "marie");
}

// Values are placed by 16-bit offsets: a record longer than that is refused, and left as it was.
TEST(PackedRecord, ValuesPastTheLimitAreRefusedAndTheRecordKeptAsItWas) {
  Record r;
  r.Set(Role::kAddress, std::string(Record::kMaxBytes - 5, 'a'));
  r.Set(Role::kPostcode, "EH1 1");  // exactly the limit
  EXPECT_EQ(r.bytes(), Record::kMaxBytes);
  EXPECT_THROW(r.Set(Role::kGivenName, "x"), std::length_error);
  EXPECT_EQ(r[Role::kGivenName], "");
  EXPECT_EQ(r[Role::kPostcode], "EH1 1");
  r.Set(Role::kPostcode, "EH1");  // shorter is fine
  r.Set(Role::kGivenName, "an");
  EXPECT_EQ(r[Role::kGivenName], "an");
  EXPECT_EQ(r[Role::kAddress].size(), Record::kMaxBytes - 5);
  EXPECT_EQ(r[Role::kPostcode], "EH1");
}

}  // namespace
}  // namespace cairn::resolve
