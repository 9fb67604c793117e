#include "ingest/csv.h"

#include <gtest/gtest.h>

#include <sstream>

namespace cairn::ingest {
namespace {

std::vector<CsvRow> ReadAll(const std::string& text, std::vector<std::string>* errors) {
  std::istringstream in(text);
  CsvReader reader(in, "t.csv");
  std::vector<CsvRow> rows;
  CsvRow row;
  std::string error;
  for (;;) {
    auto next = reader.Read(&row, &error);
    if (next == CsvReader::Next::kEnd) break;
    if (next == CsvReader::Next::kBad) errors->push_back(error);
    else rows.push_back(row);
  }
  return rows;
}

TEST(Csv, QuotedFieldsWithCommasQuotesAndNewlines) {
  std::vector<std::string> errors;
  auto rows = ReadAll("a,b\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",z\nlast,row\n", &errors);
  ASSERT_TRUE(errors.empty());
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[1].fields[0], "x, y");
  EXPECT_EQ(rows[1].fields[1], "say \"hi\"");
  EXPECT_EQ(rows[2].fields[0], "two\nlines");
  EXPECT_EQ(rows[2].line, 3);
  EXPECT_EQ(rows[3].line, 5);
}

TEST(Csv, BrokenQuotingIsReportedWithItsLineAndReadingGoesOn) {
  std::vector<std::string> errors;
  auto rows = ReadAll("a,b\n1,2\n\"bad\"x,3\n4,5\r\n", &errors);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("t.csv line 3"), std::string::npos) << errors[0];
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[2].fields[1], "5");
  EXPECT_EQ(rows[2].line, 4);
}

TEST(Csv, AnUnclosedQuoteAtTheEndIsReported) {
  std::vector<std::string> errors;
  auto rows = ReadAll("a,b\n1,\"never closed\n", &errors);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("line 2"), std::string::npos) << errors[0];
  EXPECT_EQ(rows.size(), 1u);
}

TEST(Csv, HeaderNamesAreTrimmed) {
  CsvHeader h({"rec_id", " given_name", " surname "});
  EXPECT_EQ(*h.Index("given_name"), 1u);
  EXPECT_EQ(*h.Index(" surname"), 2u);
  auto missing = h.Index("postcode");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("rec_id, given_name, surname"), std::string::npos);
}

}  // namespace
}  // namespace cairn::ingest
