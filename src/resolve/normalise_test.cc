#include "resolve/normalise.h"

#include <gtest/gtest.h>

#include "resolve/record.h"

namespace cairn::resolve {
namespace {

TEST(Normalise, FoldsAccentsCaseAndPunctuation) {
  EXPECT_EQ(NormaliseText("  Seán  O'Brien-Smith "), "sean obrien smith");
  EXPECT_EQ(NormaliseText("ZOË  MÜLLER"), "zoe muller");
}

TEST(Normalise, PersonNamesLoseTitlesAndHonorifics) {
  EXPECT_EQ(NormalisePersonName("Mr John Robert Smith MBE"), "john robert smith");
  EXPECT_EQ(NormalisePersonName("Dr. Aileen McLeod"), "aileen mcleod");
}

TEST(Normalise, CompanySuffixVariantsAgree) {
  EXPECT_EQ(NormaliseOrganisationName("Acme Trading Ltd."), "acme trading ltd");
  EXPECT_EQ(NormaliseOrganisationName("ACME TRADING LIMITED"), "acme trading ltd");
  EXPECT_EQ(NormaliseOrganisationName("Clyde Holdings Public Limited Company"), "clyde holdings plc");
  EXPECT_EQ(NormaliseOrganisationName("Smith and Sons Limited Liability Partnership"), "smith & sons llp");
}

TEST(Normalise, UkPostcodesTakeTheirCanonicalForm) {
  EXPECT_EQ(NormalisePostcode("pa11aa"), "PA1 1AA");
  EXPECT_EQ(NormalisePostcode(" G2  3AB"), "G2 3AB");
  EXPECT_EQ(NormalisePostcode("eh12 9ZZ"), "EH12 9ZZ");
  EXPECT_EQ(NormalisePostcode("2119"), "2119");
}

TEST(Normalise, DatesInCommonLayouts) {
  for (const char* text : {"19560409", "1956-04-09", "09/04/1956", "09-04-1956", "09.04.1956"}) {
    auto d = ParseDate(text);
    ASSERT_TRUE(d.has_value()) << text;
    EXPECT_EQ(d->year, 1956);
    EXPECT_EQ(d->month, 4);
    EXPECT_EQ(d->day, 9);
  }
  EXPECT_FALSE(ParseDate("19560231").has_value());
  EXPECT_FALSE(ParseDate("19550229").has_value());
  EXPECT_TRUE(ParseDate("19560229").has_value());
  EXPECT_FALSE(ParseDate("not a date").has_value());
  EXPECT_EQ(ParseDate("1970")->month, 0);
}

TEST(Normalise, ByRole) {
  EXPECT_EQ(NormaliseForRole(Role::kDob, "09/04/1956"), "19560409");
  EXPECT_EQ(NormaliseForRole(Role::kDob, "31/02/1956"), "");
  EXPECT_EQ(NormaliseForRole(Role::kCompanyNumber, "sc 12345"), "SC012345");
  EXPECT_EQ(NormaliseForRole(Role::kCompanyNumber, "07687209"), "07687209");
  EXPECT_EQ(NormaliseForRole(Role::kPhone, "+44 (0)141 496 0000"), "4401414960000");
  EXPECT_EQ(NormaliseForRole(Role::kEmail, " Ana@Police.Example "), "ana@police.example");
}

}  // namespace
}  // namespace cairn::resolve
