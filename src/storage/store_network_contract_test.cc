// The storage contract for what the detect engine writes and reads in bulk: source records,
// windowed scans, mention keys and entity search, on SQLite and on PostgreSQL alike (writing the
// network itself: store_network_write_contract_test.cc).
// The suite is instantiated for every backend in store_contract_test.cc.
#include <soci/soci.h>

#include <algorithm>
#include <map>
#include <optional>
#include <string>

#include "storage/network.h"
#include "storage/source_records.h"
#include "store_contract_test.h"

namespace cairn::storage {
namespace {

// Source records go many to a statement: what is written, replaced or left must not depend on
// where the statements split, nor on a record appearing twice in one batch (the later wins).
TEST_P(StoreContract, SourceRecordsWriteManyToAStatement) {
  int64_t file_id = 0;
  ASSERT_TRUE(db().Write([&](Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(file_id, InsertSourceFile(tx, {0, "f.jsonl", "x", "sha", "t", 0, 0, 0, 0}));
    return Status::Ok();
  }).ok());
  auto rows = [&](int n, const std::string& version) {
    std::vector<SourceRecordRow> out;
    for (int i = 0; i < n; ++i) {
      std::string key = "k" + std::to_string(i);
      std::string payload = "{\"i\":" + std::to_string(i) + (i % 50 == 7 ? ",\"v\":\"" + version + "\"}" : "}");
      out.push_back({"x", key, Sha256Hex(payload), payload, "f.jsonl", i + 2, file_id, false, std::nullopt, "t-" + version});
    }
    return out;
  };
  auto write = [&](std::vector<SourceRecordRow> batch) {
    int64_t written = -1;
    EXPECT_TRUE(db().Write([&](Tx& tx) -> Status {
      SourceRecordWriter writer(tx);
      CAIRN_ASSIGN_OR_RETURN(written, writer.Write(batch));
      return Status::Ok();
    }).ok());
    return written;
  };
  auto stored = [&](const std::string& key, std::string* payload, int64_t* line, std::string* updated) {
    return db().Read([&](Tx& tx) {
      tx.sql() << "SELECT payload, line, updated_at FROM source_records WHERE format = 'x' AND record_key = :k",
          soci::use(key), soci::into(*payload), soci::into(*line), soci::into(*updated);
      return Status::Ok();
    });
  };

  EXPECT_EQ(write(rows(250, "1")), 250);  // three statements: 100, 100, 50
  EXPECT_EQ(write(rows(250, "1")), 0);    // nothing changed
  // Five records changed (every 50th from the 8th), and k3 comes twice in the batch: once
  // changed, then again as the file's later line, which is what stays.
  std::vector<SourceRecordRow> next = rows(250, "2");
  SourceRecordRow again = next[3];
  again.payload = "{\"i\":3,\"again\":true}";
  again.content_hash = Sha256Hex(again.payload);
  again.line = 999;
  next[3].payload = "{\"i\":3,\"first\":true}";
  next[3].content_hash = Sha256Hex(next[3].payload);
  next.insert(next.begin() + 60, again);
  EXPECT_EQ(write(next), 5 + 2);

  std::string payload, updated;
  int64_t line = 0;
  ASSERT_TRUE(stored("k3", &payload, &line, &updated).ok());
  EXPECT_EQ(payload, "{\"i\":3,\"again\":true}");
  EXPECT_EQ(line, 999);
  EXPECT_EQ(updated, "t-2");
  ASSERT_TRUE(stored("k57", &payload, &line, &updated).ok());
  EXPECT_EQ(payload, "{\"i\":57,\"v\":\"2\"}");
  EXPECT_EQ(updated, "t-2");
  ASSERT_TRUE(stored("k58", &payload, &line, &updated).ok());
  EXPECT_EQ(payload, "{\"i\":58}");
  EXPECT_EQ(updated, "t-1");  // unchanged, so not rewritten
  int64_t n = 0;
  ASSERT_TRUE(db().Read([&](Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(n, CountSourceRecords(tx, "x"));
    return Status::Ok();
  }).ok());
  EXPECT_EQ(n, 250);
}

TEST_P(StoreContract, MentionKeysArePlacedByTheirRecord) {
  AddSourceRecordOne();  // format x, key k
  auto place = [&](const std::string& key) {
    std::optional<MentionPlace> out;
    EXPECT_TRUE(db().Read([&](Tx& tx) -> Status {
      CAIRN_ASSIGN_OR_RETURN(out, FindMentionPlace(tx, key));
      return Status::Ok();
    }).ok());
    return out;
  };
  EXPECT_EQ(place("x/k#0"), (MentionPlace{1, 0}));
  EXPECT_EQ(place("x/k#12"), (MentionPlace{1, 12}));  // how many mentions the record has is not asked
  EXPECT_EQ(place("x/other#0"), std::nullopt);
  EXPECT_EQ(place("y/k#0"), std::nullopt);
  for (const char* not_a_key : {"x/k#01", "x/k#+1", "x/k", "k#0", "x/k#"}) {
    EXPECT_EQ(place(not_a_key), std::nullopt) << not_a_key;
  }
}

// The large scans read a window of ids at a time (internal/scan.h): every row is still seen
// once and in order, across windows, gaps in the ids and more entities than a page holds.
TEST_P(StoreContract, ScansSeeEveryRowAcrossWindows) {
  const std::vector<int64_t> ids = {1, 9999, 10000, 10001, 20000, 20001, 45000};
  ASSERT_TRUE(db().Write([&](Tx& tx) {
    tx.sql() << "INSERT INTO source_files (id, path, format, sha256, ingested_at, rows_read, rows_loaded, "
                "rows_unchanged, rows_rejected) VALUES (1, 'f', 'x', 'h', 't', 1, 1, 0, 0)";
    for (int64_t id : ids) {
      std::string format = id % 2 ? "odd" : "even", key = std::to_string(id);
      tx.sql() << "INSERT INTO source_records (id, format, record_key, content_hash, payload, source_file_id, file, "
                  "line, first_seen_at, updated_at) VALUES (:id, :f, :k, 'h', '{}', 1, 'f', 2, 't', 't')",
          soci::use(id), soci::use(format), soci::use(key);
    }
    return Status::Ok();
  }).ok());
  std::vector<int64_t> all, odd;
  ASSERT_TRUE(db().Read([&](Tx& tx) -> Status {
    CAIRN_RETURN_IF_ERROR(ScanSourceRecords(tx, [&](const SourceRecordView& r) { all.push_back(r.id); }));
    return ScanSourceRecordsOf(tx, "odd", [&](const SourceRecordView& r) { odd.push_back(r.id); });
  }).ok());
  EXPECT_EQ(all, ids);
  EXPECT_EQ(odd, (std::vector<int64_t>{1, 9999, 10001, 20001}));

  std::vector<EntityRow> entities(10005);
  for (size_t i = 0; i < entities.size(); ++i) {
    char id[32];
    std::snprintf(id, sizeof id, "E%05zu", i);
    entities[i].id = id;
    entities[i].kind = "organisation";
  }
  std::vector<MentionRow> mentions(3);
  std::vector<LinkRow> links;
  for (size_t i = 0; i < mentions.size(); ++i) {
    mentions[i].mention_key = "odd/1#" + std::to_string(i);
    mentions[i].source_record_id = 1;
    mentions[i].kind = "organisation";
    mentions[i].entity_id = entities[i].id;
    links.push_back({entities[i].id, entities[i + 1].id, "owns", "", "", "{}", 1, false, std::nullopt});
  }
  ASSERT_TRUE(db().Write([&](Tx& tx) { return ReplaceNetwork(tx, entities, mentions, links, nullptr); }).ok());
  ASSERT_TRUE(db().Write([](Tx& tx) {  // spread the ids over windows
    tx.sql() << "UPDATE mentions SET id = id * 12000";
    tx.sql() << "UPDATE links SET id = id * 12000";
    return Status::Ok();
  }).ok());
  size_t seen_entities = 0, seen_links = 0, seen_mentions = 0, seen_keys = 0;
  std::string last;
  bool ordered = true;
  ASSERT_TRUE(db().Read([&](Tx& tx) -> Status {
    CAIRN_RETURN_IF_ERROR(ScanNetwork(
        tx,
        [&](const EntityRow& e) {
          ordered = ordered && e.id > last;
          last = e.id;
          ++seen_entities;
        },
        [&](const LinkRow&) { ++seen_links; }));
    CAIRN_RETURN_IF_ERROR(ScanMentions(tx, [&](const MentionView&) { ++seen_mentions; }));
    return ScanMentionEntities(tx, [&](const MentionPlace&, const std::string&) { ++seen_keys; });
  }).ok());
  EXPECT_EQ(seen_entities, entities.size());
  EXPECT_TRUE(ordered);
  EXPECT_EQ(seen_links, 3u);
  EXPECT_EQ(seen_mentions, 3u);
  EXPECT_EQ(seen_keys, 3u);
  // Writing the same network again finds every stored row, however its ids are spread.
  NetworkWriteStats again;
  ASSERT_TRUE(db().Write([&](Tx& tx) { return ReplaceNetwork(tx, entities, mentions, links, &again); }).ok());
  EXPECT_EQ(again.unchanged, int64_t(entities.size() + mentions.size() + links.size()));
  EXPECT_EQ(again.inserted + again.updated + again.deleted, 0);
}

// A mention is stored by its record and its index there (migration 0025); its key comes back
// whole from every read, and a key that names no stored mention finds nothing.
TEST_P(StoreContract, MentionKeysComeBackFromTheirRecords) {
  AddSourceRecordOne();
  std::vector<EntityRow> entities(1);
  entities[0].id = "E0";
  entities[0].kind = "person";
  std::vector<MentionRow> mentions(12);
  for (size_t i = 0; i < mentions.size(); ++i) {
    mentions[i].mention_key = MentionKey("x", "k", int64_t(i));
    mentions[i].source_record_id = 1;
    mentions[i].kind = "person";
    mentions[i].entity_id = "E0";
  }
  ASSERT_TRUE(db().Write([&](Tx& tx) { return ReplaceNetwork(tx, entities, mentions, {}, nullptr); }).ok());
  ASSERT_TRUE(db().Read([&](Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(auto of, MentionsOf(tx, "E0"));
    std::vector<std::string> keys;
    for (const auto& v : of) keys.push_back(v.mention.mention_key);
    // In key order, as text: #10 and #11 come before #2.
    EXPECT_EQ(keys, (std::vector<std::string>{"x/k#0", "x/k#1", "x/k#10", "x/k#11", "x/k#2", "x/k#3", "x/k#4",
                                              "x/k#5", "x/k#6", "x/k#7", "x/k#8", "x/k#9"}));
    CAIRN_ASSIGN_OR_RETURN(auto found, FindMention(tx, "x/k#11"));
    EXPECT_TRUE(found && found->mention_key == "x/k#11" && found->entity_id == "E0" && found->source_record_id == 1);
    for (const char* none : {"x/k#12", "x/k#01", "x/k#", "x/k", "xk#1", "y/k#1", "x/kk#1", "x/k#1a", "x/k#99999999999999999999"}) {
      CAIRN_ASSIGN_OR_RETURN(auto missing, FindMention(tx, none));
      EXPECT_FALSE(missing.has_value()) << none;
    }
    return Status::Ok();
  }).ok());
  // A key that does not end in its index cannot be stored.
  mentions[0].mention_key = "x/k";
  Status s = db().Write([&](Tx& tx) { return ReplaceNetwork(tx, entities, mentions, {}, nullptr); });
  EXPECT_FALSE(s.ok());
}

// Two links of one record that differ only in what a fingerprint sees apart are two links: a
// re-run keeps both and writes nothing.
TEST_P(StoreContract, LinksOfOneRecordAreKnownByTheirContent) {
  AddSourceRecordOne();
  std::vector<EntityRow> entities(2);
  entities[0].id = "E0", entities[1].id = "E1";
  entities[0].kind = entities[1].kind = "person";
  std::vector<LinkRow> links(3);
  for (auto& l : links) l.from_entity = "E0", l.to_entity = "E1", l.type = "officer_of", l.source_record_id = 1;
  links[1].start_date = "2020-01-01";
  links[2] = links[1];  // the same link twice in one record is kept twice
  NetworkWriteStats stats;
  ASSERT_TRUE(db().Write([&](Tx& tx) { return ReplaceNetwork(tx, entities, {}, links, &stats); }).ok());
  ASSERT_TRUE(db().Write([&](Tx& tx) { return ReplaceNetwork(tx, entities, {}, links, &stats); }).ok());
  EXPECT_EQ(stats.unchanged, int64_t(entities.size() + links.size()));
  EXPECT_EQ(stats.inserted + stats.updated + stats.deleted, 0);
  links[2].end_date = "2021-01-01";
  ASSERT_TRUE(db().Write([&](Tx& tx) { return ReplaceNetwork(tx, entities, {}, links, &stats); }).ok());
  EXPECT_EQ(stats.inserted, 1);
  EXPECT_EQ(stats.deleted, 1);
  ASSERT_TRUE(db().Read([&](Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(auto ls, LinksOf(tx, "E0"));
    EXPECT_EQ(ls.size(), 3u);
    return Status::Ok();
  }).ok());
}

// Search is answered from indexes (FTS5 on SQLite; trigram and word indexes on PostgreSQL) that follow
// every write of the network: a whole load, a renamed entity, a deleted one, a new one.
TEST_P(StoreContract, SearchFollowsEveryWrite) {
  auto entity = [](const std::string& id, const std::string& search_name, const std::string& sound_name) {
    EntityRow e;
    e.id = id;
    e.kind = "organisation";
    e.name = search_name;
    e.search_name = search_name;
    e.sound_name = sound_name;
    return e;
  };
  std::vector<EntityRow> entities = {entity("E0", "kerr recycling ltd", "K600 R242 L300"),
                                     entity("E1", "loch tavern", "L200 T165"),
                                     entity("E2", "glen car wash", "G450 C600 W200")};
  auto write = [&] {
    return db().Write([&](Tx& tx) { return ReplaceNetwork(tx, entities, {}, {}, nullptr); });
  };
  auto found = [&](const std::string& name, const std::vector<std::string>& sounds = {}) {
    std::vector<std::string> ids;
    EXPECT_TRUE(db().Read([&](Tx& tx) -> Status {
      CAIRN_ASSIGN_OR_RETURN(auto rows, FindEntities(tx, "", "", name, sounds, 10));
      for (const auto& e : rows) ids.push_back(e.id);
      std::sort(ids.begin(), ids.end());
      return Status::Ok();
    }).ok());
    return ids;
  };
  using Ids = std::vector<std::string>;
  ASSERT_TRUE(write().ok());
  EXPECT_EQ(found("recycl"), Ids{"E0"});         // part of a word
  EXPECT_EQ(found("car wash"), Ids{"E2"});       // across words
  EXPECT_EQ(found("", {"T165"}), Ids{"E1"});     // by sound alone
  EXPECT_EQ(found("ca"), Ids{"E2"});             // shorter than a trigram
  EXPECT_EQ(found("nothing like it"), Ids{});

  entities[0] = entity("E0", "kerr salvage ltd", "K600 S412 L300");  // renamed
  entities.erase(entities.begin() + 1);                              // E1 goes
  entities.push_back(entity("E3", "tavern on the hill", "T165 O500 T000 H400"));
  ASSERT_TRUE(write().ok());
  EXPECT_EQ(found("recycl"), Ids{});
  EXPECT_EQ(found("salvage"), Ids{"E0"});
  EXPECT_EQ(found("tavern"), Ids{"E3"});
  EXPECT_EQ(found("", {"T165"}), Ids{"E3"});
  EXPECT_EQ(found("ltd"), Ids{"E0"});
}

// The limit cuts the weakest candidates, not the least mentioned: the whole name comes first,
// then what sounds like more of the query's words, however many mentions the rest have.
TEST_P(StoreContract, FindEntitiesPutsTheBestFirst) {
  std::vector<EntityRow> entities;
  for (int i = 0; i < 20; ++i) {  // many sound like one word, and are mentioned often
    EntityRow e;
    e.id = "C" + std::to_string(i);
    e.kind = "organisation";
    e.search_name = "smyth co " + std::to_string(i);
    e.sound_name = "S530 C000";
    e.mention_count = 100 + i;
    entities.push_back(e);
  }
  EntityRow both{"Both", "person", "Jon Smyth", "", "", "", 2, false, std::nullopt, "jon smyth", "J500 S530"};
  EntityRow exact{"Exact", "person", "John Smith", "", "", "", 1, false, std::nullopt, "john smith", "J500 S530"};
  entities.push_back(both);
  entities.push_back(exact);
  ASSERT_TRUE(db().Write([&](Tx& tx) { return ReplaceNetwork(tx, entities, {}, {}, nullptr); }).ok());
  ASSERT_TRUE(db().Read([&](Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(auto top, FindEntities(tx, "", "", "john smith", {"J500", "S530"}, 3));
    EXPECT_EQ(top.size(), 3u);
    if (top.size() == 3) {
      EXPECT_EQ(top[0].id, "Exact");
      EXPECT_EQ(top[1].id, "Both");
      EXPECT_EQ(top[2].id, "C19");  // then the most mentioned
    }
    return Status::Ok();
  }).ok());
}

// An empty search value is skipped, not matched against every entity that lacks the field.
TEST_P(StoreContract, FindEntitiesSkipsEmptyValues) {
  std::vector<EntityRow> entities(30);
  for (int i = 0; i < 30; ++i) {
    entities[size_t(i)].id = "E" + std::to_string(i);
    entities[size_t(i)].kind = "organisation";
    entities[size_t(i)].name = "Firm " + std::to_string(i);
    entities[size_t(i)].mention_count = 30 - i;  // the wanted one ranks last
  }
  entities[29].company_number = "SC000029";
  ASSERT_TRUE(db().Write([&](Tx& tx) { return ReplaceNetwork(tx, entities, {}, {}, nullptr); }).ok());
  ASSERT_TRUE(db().Read([&](Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(auto by_number, FindEntities(tx, "SC000029", "", "", {}, 5));
    EXPECT_EQ(by_number.size(), 1u);
    if (!by_number.empty()) { EXPECT_EQ(by_number[0].id, "E29"); }
    CAIRN_ASSIGN_OR_RETURN(auto nothing, FindEntities(tx, "", "", "", {}, 5));
    EXPECT_TRUE(nothing.empty());
    // A word without letters ("123") has no sound code; an empty one must not match everything.
    CAIRN_ASSIGN_OR_RETURN(auto number_and_blank, FindEntities(tx, "SC000029", "", "", {""}, 5));
    EXPECT_EQ(number_and_blank.size(), 1u);
    CAIRN_ASSIGN_OR_RETURN(auto blank, FindEntities(tx, "", "", "", {""}, 5));
    EXPECT_TRUE(blank.empty());
    return Status::Ok();
  }).ok());
}

}  // namespace
}  // namespace cairn::storage
