#include "engine/internal/mentions.h"

#include <gtest/gtest.h>

#include "common/memory.h"

#include <string>
#include <vector>

namespace cairn::engine::internal {
namespace {

storage::MentionRow Row(const std::string& key, const std::string& name) {
  storage::MentionRow r;
  r.mention_key = key;
  r.source_record_id = 7;
  r.kind = "person";
  r.role = "officer";
  r.name = name;
  r.given_name = "Ann";
  r.surname = "";  // empty fields come back empty, not shifted
  r.company_number = "SC123456";
  r.birth_date = "1970-03";
  r.address = std::string(300, 'a');  // a length that takes two bytes to write
  r.postcode = "EH1 1AA";
  r.reference = "/officers/x";
  return r;
}

TEST(PackedMentions, EveryFieldComesBackAsGiven) {
  Mentions ms;
  storage::MentionRow a = Row("officers/1#0", "Ann Smith");
  a.restricted = true;
  a.owner_organisation_id = 3;
  ms.Add(a, "ann smith");
  ms.Add(Row("officers/2#0", ""), "");
  ASSERT_EQ(ms.size(), 2u);
  storage::MentionRow out;
  out.entity_id = "left over";
  ms.Fill(0, out);
  a.entity_id = a.match_reason = "";
  EXPECT_EQ(out.mention_key, a.mention_key);
  EXPECT_EQ(out.name, "Ann Smith");
  EXPECT_EQ(out.surname, "");
  EXPECT_EQ(out.address, std::string(300, 'a'));
  EXPECT_EQ(out.reference, "/officers/x");
  EXPECT_EQ(out.source_record_id, 7);
  EXPECT_TRUE(out.restricted);
  EXPECT_EQ(out.owner_organisation_id, 3);
  EXPECT_EQ(out.entity_id, "");
  EXPECT_EQ(ms.norm_name(0), "ann smith");
  ms.Fill(1, out);
  EXPECT_EQ(out.mention_key, "officers/2#0");
  EXPECT_EQ(out.name, "");
  EXPECT_FALSE(out.restricted);
  EXPECT_EQ(out.owner_organisation_id, std::nullopt);
  EXPECT_EQ(ms.Get(1, Mentions::kPostcode), "EH1 1AA");
}

TEST(PackedMentions, ViewsStayValidAcrossChunksAndLargeEntries) {
  Mentions ms;
  std::vector<std::string_view> names;
  // Enough text to fill several 16 MiB chunks, and one entry larger than a chunk.
  const std::string big(20u << 20, 'b');
  for (int i = 0; i < 120000; ++i) {
    storage::MentionRow r = Row("record/" + std::to_string(i) + "#0", i == 5000 ? big : "name " + std::to_string(i));
    ms.Add(r, "");
    names.push_back(ms.Get(size_t(i), Mentions::kName));
  }
  for (int i = 0; i < 120000; i += 997) {
    EXPECT_EQ(ms.key(size_t(i)), "record/" + std::to_string(i) + "#0");
    EXPECT_EQ(names[size_t(i)], i == 5000 ? big : "name " + std::to_string(i));
  }
  EXPECT_EQ(ms.Get(5000, Mentions::kName).size(), big.size());
  EXPECT_EQ(ms.Get(5001, Mentions::kName), "name 5001");
}

// A record's format and key are held once for all its mentions; each mention's key is made
// from them and its place.
TEST(PackedMentions, KeysAreMadeFromTheirRecords) {
  Mentions ms;
  for (int i = 0; i < 12; ++i) {
    storage::MentionRow r = Row("officers/a#b/7#" + std::to_string(i), "x");  // a record key with "#" in it
    r.kind = i % 2 ? "organisation" : "person";
    r.role = i % 3 ? "officer" : "company";
    ms.Add(r, "");
  }
  storage::MentionRow other = Row("psc/7#0", "y");  // the same record id, another format: another record
  ms.Add(other, "");
  ASSERT_EQ(ms.size(), 13u);
  EXPECT_EQ(ms.key(0), "officers/a#b/7#0");
  EXPECT_EQ(ms.key(11), "officers/a#b/7#11");
  EXPECT_EQ(ms.index(11), 11);
  EXPECT_EQ(ms.key(12), "psc/7#0");
  EXPECT_EQ(ms.index(12), 0);
  EXPECT_EQ(ms.kind(3), "organisation");
  EXPECT_EQ(ms.role(3), "company");
  EXPECT_EQ(ms.role(4), "officer");
  storage::MentionRow out;
  ms.Fill(10, out);
  EXPECT_EQ(out.mention_key, "officers/a#b/7#10");
  EXPECT_EQ(out.kind, "person");
  EXPECT_EQ(out.role, "officer");
  // A record's mentions come in the order of their indices, or not at all.
  EXPECT_THROW(ms.Add(Row("psc/7#2", "z"), ""), std::invalid_argument);
  EXPECT_THROW(ms.Add(Row("psc/8#1", "z"), ""), std::invalid_argument);
  EXPECT_THROW(ms.Add(Row("psc/8", "z"), ""), std::invalid_argument);
  EXPECT_EQ(ms.size(), 13u);
  ms.Add(Row("psc/8#0", "z"), "");  // nothing was left behind by the refusals
  EXPECT_EQ(ms.key(13), "psc/8#0");
  EXPECT_EQ(ms.Find(storage::MentionPlace{7, 0}), std::optional<uint32_t>(0));
}

TEST(PackedMentions, LinksComeBackBetweenTheEntitiesGiven) {
  // Two records: 11 (restricted, owned by organisation 2) names mentions 0 and 1, 12 names 2.
  Mentions ms;
  for (const auto& [key, record] : {std::pair{"officers/a#0", 11}, {"officers/a#1", 11}, {"companies/b#0", 12}}) {
    storage::MentionRow r = Row(key, "x");
    r.source_record_id = record;
    r.restricted = record == 11;
    r.owner_organisation_id = record == 11 ? std::optional<int64_t>(2) : std::nullopt;
    ms.Add(r, "");
  }
  PendingLinks links;
  links.Add({1, 0, "officer_of", "2020-01-02", "", R"({"role":"director"})"});
  links.Add({2, 2, "registered_at", "", "", "{}"});
  ASSERT_EQ(links.size(), 2u);
  EXPECT_EQ(links.from(0), 1u);
  EXPECT_EQ(links.to(0), 0u);
  storage::LinkRow row;
  links.Fill(0, ms, "P1", "O2", row);
  EXPECT_EQ(row.from_entity, "P1");
  EXPECT_EQ(row.to_entity, "O2");
  EXPECT_EQ(row.type, "officer_of");
  EXPECT_EQ(row.start_date, "2020-01-02");
  EXPECT_EQ(row.end_date, "");
  EXPECT_EQ(row.detail, R"({"role":"director"})");
  EXPECT_EQ(row.source_record_id, 11);
  EXPECT_TRUE(row.restricted);
  EXPECT_EQ(row.owner_organisation_id, 2);
  links.Fill(1, ms, "O2", "A3", row);
  EXPECT_EQ(row.type, "registered_at");
  EXPECT_EQ(row.source_record_id, 12);
  EXPECT_FALSE(row.restricted);
  EXPECT_EQ(row.owner_organisation_id, std::nullopt);
}

TEST(PackedEntities, EveryFieldComesBackWithItsAnalytics) {
  Entities es;
  storage::EntityRow a;
  a.id = "P0123456789abcdef";
  a.kind = "person";
  a.name = "Ann Smith";
  a.birth_date = "1970-03";
  a.mention_count = 3;
  a.restricted = true;
  a.owner_organisation_id = 4;
  a.search_name = "ann smith";
  a.sound_name = "A500 S530";
  storage::EntityRow b;
  b.id = "O1";
  b.kind = "organisation";
  b.name = std::string(300, 'n');
  b.company_number = "SC123456";
  b.postcode = "EH1 1AA";
  es.Add(a);
  es.Add(b);
  ASSERT_EQ(es.size(), 2u);
  EXPECT_EQ(es.id(1), "O1");
  EXPECT_EQ(es.kind(0), "person");
  EXPECT_TRUE(es.restricted(0));
  es.SetMetrics(1, {5, 2, 3, 1, 0.5});
  storage::EntityRow out;
  es.Fill(0, out);
  EXPECT_EQ(out.id, a.id);
  EXPECT_EQ(out.name, "Ann Smith");
  EXPECT_EQ(out.company_number, "");
  EXPECT_EQ(out.birth_date, "1970-03");
  EXPECT_EQ(out.mention_count, 3);
  EXPECT_EQ(out.owner_organisation_id, 4);
  EXPECT_EQ(out.search_name, "ann smith");
  EXPECT_EQ(out.sound_name, "A500 S530");
  EXPECT_EQ(out.component_size, 0);  // no analytics set for it
  es.Fill(1, out);
  EXPECT_EQ(out.kind, "organisation");
  EXPECT_EQ(out.name, b.name);
  EXPECT_EQ(out.postcode, "EH1 1AA");
  EXPECT_FALSE(out.restricted);
  EXPECT_EQ(out.owner_organisation_id, std::nullopt);
  EXPECT_EQ(out.component_size, 5);
  EXPECT_EQ(out.community, 2);
  EXPECT_EQ(out.community_size, 3);
  EXPECT_EQ(out.degree, 1);
  EXPECT_EQ(out.betweenness, 0.5);
}

// Once the text is moved to a file, the write still gets every entity in order, and any id at
// any time: mentions and links ask for their entities' ids in no order.
TEST(PackedEntities, TextMovedToAFileComesBackInOrderAndIdsStayAtHand) {
  Entities es;
  const int n = 20000;
  for (int i = 0; i < n; ++i) {
    storage::EntityRow e;
    e.id = "E" + std::to_string(i);
    e.kind = "organisation";
    e.name = "Company " + std::to_string(i) + std::string(size_t(i % 50), 'x');
    e.search_name = "company " + std::to_string(i);
    es.Add(e);
  }
  ASSERT_TRUE(es.SpillText().ok());
  const std::string_view early = es.id(7);
  storage::EntityRow out;
  for (int i = 0; i < n; ++i) {
    es.Fill(size_t(i), out);
    ASSERT_EQ(out.id, "E" + std::to_string(i));
    ASSERT_EQ(out.name, "Company " + std::to_string(i) + std::string(size_t(i % 50), 'x'));
    ASSERT_EQ(out.search_name, "company " + std::to_string(i));
    ASSERT_EQ(es.id(size_t(n - 1 - i)), "E" + std::to_string(n - 1 - i));
  }
  EXPECT_EQ(early, "E7") << "an id's view outlives reading the moved text";
}

// A stored mention is found by its record and its index there: records with several mentions,
// with one, a record not read this time, an index past a record's last mention.
TEST(PackedMentions, FoundByRecordAndIndex) {
  Mentions ms;
  const std::vector<std::pair<int64_t, int>> records = {{2, 3}, {5, 1}, {9, 2}};  // record, mentions
  for (const auto& [record, count] : records) {
    for (int i = 0; i < count; ++i) {
      storage::MentionRow r = Row("f/" + std::to_string(record) + "#" + std::to_string(i), "x");
      r.source_record_id = record;
      ms.Add(r, "");
    }
  }
  using P = storage::MentionPlace;
  EXPECT_EQ(ms.Find(P{2, 0}), std::optional<uint32_t>(0));
  EXPECT_EQ(ms.Find(P{2, 2}), std::optional<uint32_t>(2));
  EXPECT_EQ(ms.Find(P{5, 0}), std::optional<uint32_t>(3));
  EXPECT_EQ(ms.Find(P{9, 1}), std::optional<uint32_t>(5));
  EXPECT_EQ(ms.key(*ms.Find(P{9, 1})), "f/9#1");
  EXPECT_FALSE(ms.Find(P{2, 3}));   // record 2 names three
  EXPECT_FALSE(ms.Find(P{5, 1}));   // would be record 9's first
  EXPECT_FALSE(ms.Find(P{9, 2}));   // past the last mention of all
  EXPECT_FALSE(ms.Find(P{4, 0}));   // not read this time
  EXPECT_FALSE(ms.Find(P{1, 0}));
  EXPECT_FALSE(ms.Find(P{10, 0}));
  EXPECT_FALSE(ms.Find(P{2, -1}));
  storage::MentionRow back = Row("f/1#0", "x");
  back.source_record_id = 1;  // out of record order: bisection would be wrong, so Find refuses
  ms.Add(back, "");
  EXPECT_THROW(ms.Find(P{1, 0}), std::logic_error);
}

// Once every mention is read the columns give back the room they grew into, and once matching
// is done the normalised names go, their places too: at national scale 60 million mentions.
TEST(PackedMentions, TrimmedColumnsAndFreedNamesGiveTheirMemoryBack) {
  constexpr int kMentions = (1 << 21) + (1 << 19);  // past a power of two: the columns have room to spare
  Mentions ms;
  storage::MentionRow r;
  r.kind = "person";
  for (int i = 0; i < kMentions; ++i) {
    r.mention_key = "f/" + std::to_string(i) + "#0";
    r.source_record_id = i;
    ms.Add(r, "");  // names of no text: what is freed is their places (8 bytes each)
  }
  const int64_t read = HeapBytesInUse();
  ms.ShrinkToFit();
  const int64_t trimmed = HeapBytesInUse();
  EXPECT_LT(trimmed, read);
  ms.FreeNormNames();
  EXPECT_LE(HeapBytesInUse(), trimmed - int64_t(kMentions) * 9);
  EXPECT_EQ(ms.key(kMentions - 1), "f/" + std::to_string(kMentions - 1) + "#0");
}

}  // namespace
}  // namespace cairn::engine::internal
