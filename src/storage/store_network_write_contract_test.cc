// The storage contract for writing the resolved network: the difference from what is stored,
// a whole network at once, fingerprints, and WriteMany's checks of foreign keys, on SQLite and
// on PostgreSQL alike. The suite is instantiated for every backend in store_contract_test.cc.
#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "storage/network.h"
#include "store_contract_test.h"

namespace cairn::storage {
namespace {
// The network is written as the difference from what is stored: the same rows again write
// nothing, and a change writes only itself, on both backends.
TEST_P(StoreContract, NetworkRewritesOnlyWhatChanged) {
  AddSourceRecordOne();
  std::vector<EntityRow> entities(3);
  for (int i = 0; i < 3; ++i) {
    entities[size_t(i)].id = "E" + std::to_string(i);
    entities[size_t(i)].kind = "person";
    entities[size_t(i)].name = "Name " + std::to_string(i);
  }
  std::vector<MentionRow> mentions(3);
  for (int i = 0; i < 3; ++i) {
    mentions[size_t(i)].mention_key = "x/k#" + std::to_string(i);
    mentions[size_t(i)].source_record_id = 1;
    mentions[size_t(i)].kind = "person";
    mentions[size_t(i)].entity_id = "E" + std::to_string(i);
  }
  std::vector<LinkRow> links = {{"E0", "E1", "officer_of", "", "", "{}", 1, false, std::nullopt},
                                {"E1", "E2", "psc_of", "", "", "{}", 1, false, std::nullopt},
                                {"E1", "E2", "psc_of", "", "", "{}", 1, false, std::nullopt}};
  auto write = [&](NetworkWriteStats& stats) {
    return db().Write([&](Tx& tx) { return ReplaceNetwork(tx, entities, mentions, links, &stats); });
  };
  auto count = [&](const char* table) {
    int64_t n = -1;
    EXPECT_TRUE(db().Read([&](Tx& tx) {
      tx.sql() << (std::string("SELECT COUNT(*) FROM ") + table), soci::into(n);
      return Status::Ok();
    }).ok());
    return n;
  };
  NetworkWriteStats first, again, changed;
  ASSERT_TRUE(write(first).ok());
  EXPECT_EQ(first.inserted, 9);
  ASSERT_TRUE(write(again).ok());
  EXPECT_EQ(again.inserted + again.updated + again.deleted, 0);
  EXPECT_EQ(again.unchanged, 9);

  entities[0].name = "Renamed";      // one entity changes
  mentions[2].entity_id = "E1";      // one mention moves
  entities.pop_back();               // E2 goes, and the links to it
  links = {links[0]};
  ASSERT_TRUE(write(changed).ok());
  EXPECT_EQ(changed.updated, 2);     // the entity and the mention
  EXPECT_EQ(changed.deleted, 3);     // E2 and the two links to it
  EXPECT_EQ(changed.inserted, 0);
  EXPECT_EQ(count("entities"), 2);
  EXPECT_EQ(count("mentions"), 3);
  EXPECT_EQ(count("links"), 1);
  std::string name;
  ASSERT_TRUE(db().Read([&](Tx& tx) {
    tx.sql() << "SELECT name FROM entities WHERE id = 'E0'", soci::into(name);
    return Status::Ok();
  }).ok());
  EXPECT_EQ(name, "Renamed");

  // A mention goes and another comes; a second link with the same content joins the first.
  NetworkWriteStats moved;
  mentions.erase(mentions.begin() + 1);
  MentionRow fresh = mentions[0];
  fresh.mention_key = "x/k#3";
  mentions.push_back(fresh);
  links.push_back(links[0]);
  ASSERT_TRUE(write(moved).ok());
  EXPECT_EQ(moved.inserted, 2);   // the new mention and the second link
  EXPECT_EQ(moved.deleted, 1);    // x/k#1
  EXPECT_EQ(moved.updated, 0);
  EXPECT_EQ(moved.unchanged, 5);  // two entities, two mentions, one link
  EXPECT_EQ(count("mentions"), 3);
  EXPECT_EQ(count("links"), 2);
  int64_t gone = -1;
  ASSERT_TRUE(db().Read([&](Tx& tx) {
    tx.sql() << "SELECT COUNT(*) FROM keyed_mentions WHERE mention_key = 'x/k#1'", soci::into(gone);
    return Status::Ok();
  }).ok());
  EXPECT_EQ(gone, 0);
}

// A whole network (COPY on PostgreSQL, multi-row INSERTs on SQLite) keeps every value exactly:
// the characters COPY's text format escapes, a literal \N, empty strings, missing and present
// owners, a double that needs all its digits.
TEST_P(StoreContract, WholeNetworkKeepsEveryValueExactly) {
  AddSourceRecordOne();
  const std::string awkward = "tab\there\nnew line\r\\back\\slash \\N \\t \xC3\xA9l\xC3\xA8ve \xE2\x80\x94 '\"";
  EntityRow a{"Ea", "person", awkward, "", "G1 1AA", "1980-02", 2, true, 424242, "search", "S000",
              7, 3, 5, 2, 0.1 + 0.2};
  EntityRow b{"Eb", "organisation", "", "SC000001", "", "", 1, false, std::nullopt, "", "", 0, 0, 0, 0, 0};
  MentionRow m1{"x/k#0", 1, "person", "officer", awkward, "Given\t", "\\Surname", "", "1980-02", "1 High St\nGlasgow",
                "G1 1AA", "/officers/a\\b", true, 424242, "Ea", "same \\N reason"};
  MentionRow m2{"x/k#1", 1, "person", "psc", "", "", "", "", "", "", "", "", false, std::nullopt, "Ea", ""};
  MentionRow m3{"x/k#2", 1, "organisation", "company", "Firm", "", "", "SC000001", "", "", "", "", false, std::nullopt,
                "Eb", "same company number"};
  LinkRow l{"Ea", "Eb", "officer_of", "2020-01-01", "", R"({"note":"a\tb \\N"})", 1, true, 424242};
  std::vector<EntityRow> entities = {a, b};
  std::vector<MentionRow> mentions = {m1, m2, m3};
  std::vector<LinkRow> links = {l};
  NetworkWriteStats first, again;
  ASSERT_TRUE(db().Write([&](Tx& tx) { return ReplaceNetwork(tx, entities, mentions, links, &first); }).ok());
  EXPECT_EQ(first.inserted, 6);
  ASSERT_TRUE(db().Read([&](Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(auto got, GetEntity(tx, "Ea"));
    EXPECT_TRUE(got.has_value());
    if (!got) return Status::Ok();
    EXPECT_EQ(got->name, awkward);
    EXPECT_EQ(got->postcode, "G1 1AA");
    EXPECT_EQ(got->company_number, "");
    EXPECT_TRUE(got->restricted);
    EXPECT_EQ(got->owner_organisation_id, std::optional<int64_t>(424242));
    EXPECT_EQ(got->community_size, 5);
    EXPECT_EQ(got->betweenness, 0.1 + 0.2);  // exactly: the same double back
    CAIRN_ASSIGN_OR_RETURN(auto other, GetEntity(tx, "Eb"));
    EXPECT_TRUE(other && !other->owner_organisation_id.has_value() && other->name.empty());
    CAIRN_ASSIGN_OR_RETURN(auto ms, MentionsOf(tx, "Ea"));
    EXPECT_EQ(ms.size(), 2u);
    if (ms.size() == 2) {
      const MentionRow& r = ms[0].mention;
      EXPECT_EQ(r.name, awkward);
      EXPECT_EQ(r.given_name, "Given\t");
      EXPECT_EQ(r.surname, "\\Surname");
      EXPECT_EQ(r.address, "1 High St\nGlasgow");
      EXPECT_EQ(r.reference, "/officers/a\\b");
      EXPECT_EQ(r.match_reason, "same \\N reason");
      EXPECT_EQ(r.owner_organisation_id, std::optional<int64_t>(424242));
      EXPECT_FALSE(ms[1].mention.owner_organisation_id.has_value());
      EXPECT_EQ(ms[1].mention.match_reason, "");
    }
    CAIRN_ASSIGN_OR_RETURN(auto ls, LinksOf(tx, "Eb"));
    EXPECT_EQ(ls.size(), 1u);
    if (!ls.empty()) {
      EXPECT_EQ(ls[0].detail, l.detail);
      EXPECT_EQ(ls[0].start_date, "2020-01-01");
      EXPECT_EQ(ls[0].owner_organisation_id, std::optional<int64_t>(424242));
    }
    return Status::Ok();
  }).ok());
  // The stored fingerprints are those of the rows given: nothing to write again.
  ASSERT_TRUE(db().Write([&](Tx& tx) { return ReplaceNetwork(tx, entities, mentions, links, &again); }).ok());
  EXPECT_EQ(again.unchanged, 6);
  EXPECT_EQ(again.inserted + again.updated + again.deleted, 0);
}

// A whole network of thousands of rows (made one at a time from their sources as they are
// stored) keeps each row once, whole, and in the order given.
TEST_P(StoreContract, WholeNetworkKeepsTheOrderGiven) {
  AddSourceRecordOne();
  constexpr int kRows = 2500;
  std::vector<EntityRow> entities(kRows);
  std::vector<MentionRow> mentions(kRows);
  std::vector<LinkRow> links;
  for (int i = 0; i < kRows; ++i) {
    entities[i].id = "E" + std::to_string(kRows - i);  // not in id order
    entities[i].kind = "person";
    entities[i].name = "name " + std::to_string(i);
    mentions[i].mention_key = "x/k#" + std::to_string(i);
    mentions[i].source_record_id = 1;
    mentions[i].kind = "person";
    mentions[i].name = "mention " + std::to_string(i);
    mentions[i].entity_id = entities[i].id;
    if (i > 0) links.push_back({entities[i - 1].id, entities[i].id, "knows", std::to_string(i), "", "{}", 1, false,
                                std::nullopt});
  }
  NetworkWriteStats stats;
  ASSERT_TRUE(db().Write([&](Tx& tx) { return ReplaceNetwork(tx, entities, mentions, links, &stats); }).ok());
  EXPECT_EQ(stats.inserted, int64_t(entities.size() + mentions.size() + links.size()));
  std::vector<std::string> names, starts;
  std::map<std::string, std::string> entity_names;
  ASSERT_TRUE(db().Read([&](Tx& tx) -> Status {
    CAIRN_RETURN_IF_ERROR(ScanMentions(tx, [&](const MentionView& m) {
      names.push_back(m.mention.mention_key + " " + m.mention.name + " " + m.mention.entity_id);
    }));
    return ScanNetwork(
        tx, [&](const EntityRow& e) { entity_names[e.id] = e.name; },
        [&](const LinkRow& l) { starts.push_back(l.start_date); });
  }).ok());
  ASSERT_EQ(names.size(), size_t(kRows));
  ASSERT_EQ(starts.size(), size_t(kRows - 1));
  ASSERT_EQ(entity_names.size(), size_t(kRows));
  for (int i = 0; i < kRows; ++i) {
    EXPECT_EQ(names[i], "x/k#" + std::to_string(i) + " mention " + std::to_string(i) + " E" + std::to_string(kRows - i));
    EXPECT_EQ(entity_names["E" + std::to_string(kRows - i)], "name " + std::to_string(i));
    if (i > 0) {
      EXPECT_EQ(starts[i - 1], std::to_string(i));
    }
  }
  NetworkWriteStats again;  // the stored fingerprints are the rows' own
  ASSERT_TRUE(db().Write([&](Tx& tx) { return ReplaceNetwork(tx, entities, mentions, links, &again); }).ok());
  EXPECT_EQ(again.unchanged, stats.inserted);
}

// A whole network naming a record that does not exist is refused as a constraint violation, and
// nothing of it is kept.
TEST_P(StoreContract, WholeNetworkRefusedKeepsNothing) {
  AddSourceRecordOne();
  std::vector<EntityRow> entities(1);
  entities[0].id = "E0";
  entities[0].kind = "person";
  std::vector<MentionRow> mentions(1);
  mentions[0].mention_key = "x/k#0";
  mentions[0].source_record_id = 999;  // no such record
  mentions[0].kind = "person";
  mentions[0].entity_id = "E0";
  Status s = db().Write([&](Tx& tx) { return ReplaceNetwork(tx, entities, mentions, {}, nullptr); });
  EXPECT_EQ(s.code(), StatusCode::kFailedPrecondition) << s.message();
  int64_t n = -1;
  ASSERT_TRUE(db().Read([&](Tx& tx) {
    tx.sql() << "SELECT COUNT(*) FROM entities", soci::into(n);
    return Status::Ok();
  }).ok());
  EXPECT_EQ(n, 0);
  // The connection goes back to the pool usable.
  ASSERT_TRUE(db().Write([&](Tx& tx) { return ReplaceNetwork(tx, entities, {}, {}, nullptr); }).ok());
  ASSERT_TRUE(db().Read([&](Tx& tx) {
    tx.sql() << "SELECT COUNT(*) FROM entities", soci::into(n);
    return Status::Ok();
  }).ok());
  EXPECT_EQ(n, 1);
  // The keys are in force after a whole write: a mention added to the stored network is checked.
  s = db().Write([&](Tx& tx) { return ReplaceNetwork(tx, entities, mentions, {}, nullptr); });
  EXPECT_EQ(s.code(), StatusCode::kFailedPrecondition) << s.message();
  mentions[0].source_record_id = 1;
  std::vector<LinkRow> links = {{"E0", "E9", "officer_of", "", "", "{}", 1, false, std::nullopt}};  // no entity E9
  s = db().Write([&](Tx& tx) { return ReplaceNetwork(tx, entities, mentions, links, nullptr); });
  EXPECT_EQ(s.code(), StatusCode::kFailedPrecondition) << s.message();
}

// A row's fingerprint is the first 64 bits of the SHA-256 of its values, each followed by 0x1F.
// Stored fingerprints outlive the binary that wrote them: a different value for the same row
// would make the next resolve rewrite every row.
TEST_P(StoreContract, AFingerprintIsTheRowsSha256) {
  std::vector<EntityRow> entities(1);
  EntityRow& e = entities[0];
  e.id = "P1", e.kind = "person", e.name = "Ann Smith", e.postcode = "EH1 1AA", e.mention_count = 2;
  e.owner_organisation_id = 7, e.search_name = "ann smith", e.betweenness = 0.25;
  ASSERT_TRUE(db().Write([&](Tx& tx) { return ReplaceNetwork(tx, entities, {}, {}, nullptr); }).ok());
  int64_t stored = 0;
  ASSERT_TRUE(db().Read([&](Tx& tx) {
    tx.sql() << "SELECT fingerprint FROM entities WHERE id = 'P1'", soci::into(stored);
    return Status::Ok();
  }).ok());
  std::string text;
  for (const char* v : {"P1", "person", "Ann Smith", "", "EH1 1AA", "", "2", "0", "7", "ann smith", "", "0", "0", "0",
                        "0", "0.25"}) {
    text += std::string(v) + '\x1f';
  }
  EXPECT_EQ(uint64_t(stored), std::stoull(Sha256Hex(text).substr(0, 16), nullptr, 16));
}

// On SQLite a key naming its parent's rowid is checked at the end of WriteMany against the parent's
// ids read into memory, the child's values streamed in batches (database.cc): more rows than one
// batch on each side, a parent deleted under its child, and keys that name no parent or are no
// integer at all. (PostgreSQL checks each key as it is written.)
TEST_P(StoreContract, WriteManyRefusesBrokenKeysToRowids) {
  if (GetParam() != "sqlite") GTEST_SKIP() << "SQLite's check at the end of WriteMany";
  auto write = [&](const std::vector<std::string>& statements) {
    return db().WriteMany({"rowid_child"}, [&](Tx& tx) {
      for (const std::string& s : statements) tx.sql() << s;
      return Status::Ok();
    });
  };
  auto count = [&] {
    int64_t n = -1;
    EXPECT_TRUE(db().Read([&](Tx& tx) {
      tx.sql() << "SELECT count(*) FROM rowid_child", soci::into(n);
      return Status::Ok();
    }).ok());
    return n;
  };
  const std::string numbers = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 25000) ";
  ASSERT_TRUE(db().Write([&](Tx& tx) {
    tx.sql() << "CREATE TABLE rowid_parent (id INTEGER PRIMARY KEY, payload TEXT NOT NULL)";
    tx.sql() << "CREATE UNIQUE INDEX rowid_parent_payload ON rowid_parent (payload)";
    tx.sql() << "CREATE TABLE rowid_child (id INTEGER PRIMARY KEY, parent_id BIGINT REFERENCES rowid_parent(id), "
                "other_id BIGINT REFERENCES rowid_parent(id))";
    tx.sql() << "INSERT INTO rowid_parent (id, payload) " + numbers + "SELECT i * 3, 'p' || i FROM n";
    return Status::Ok();
  }).ok());
  // Children in the opposite order to their parents, and one with no parent named at all.
  Status s = write({"INSERT INTO rowid_child (parent_id) " + numbers + "SELECT (25001 - i) * 3 FROM n",
                    "INSERT INTO rowid_child (parent_id) VALUES (NULL)"});
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(count(), 25001);
  s = write({"DELETE FROM rowid_parent WHERE id = 30000"});
  EXPECT_EQ(s.code(), StatusCode::kFailedPrecondition) << s.message();
  EXPECT_NE(s.message().find("1 rows of rowid_child (parent_id) refer to no row of rowid_parent"), std::string::npos)
      << s.message();
  s = write({"DELETE FROM rowid_parent WHERE id = 30000", "DELETE FROM rowid_child WHERE parent_id = 30000"});
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(count(), 25000);
  for (const char* bad : {"'three'", "3.5", "x'03'", "4"}) {
    s = write({std::string("INSERT INTO rowid_child (parent_id) VALUES (") + bad + ")"});
    EXPECT_EQ(s.code(), StatusCode::kFailedPrecondition) << bad << ": " << s.message();
    EXPECT_NE(s.message().find("1 rows of rowid_child"), std::string::npos) << bad << ": " << s.message();
  }
  s = write({"INSERT INTO rowid_child (parent_id) VALUES ('75000')"});
  EXPECT_TRUE(s.ok()) << "a number written as text is stored as the integer it spells: " << s.ToString();
  EXPECT_EQ(count(), 25001);
  // A second key to the same parent is checked against the ids already read for the first.
  s = write({"UPDATE rowid_child SET other_id = parent_id", "UPDATE rowid_child SET other_id = 2 WHERE id = 17"});
  EXPECT_EQ(s.code(), StatusCode::kFailedPrecondition) << s.message();
  EXPECT_NE(s.message().find("1 rows of rowid_child (other_id) refer to no row of rowid_parent"), std::string::npos)
      << s.message();
  s = write({"UPDATE rowid_child SET other_id = parent_id"});
  EXPECT_TRUE(s.ok()) << s.ToString();
}

// WriteMany refuses a key that points nowhere as Write does, on both backends (SQLite checks
// them once before committing): keys held by the tables named, and keys that point into them.
TEST_P(StoreContract, WriteManyRefusesABrokenKeyAndKeepsNothing) {
  AddSourceRecordOne();
  const bool sqlite = GetParam() == "sqlite";
  std::vector<EntityRow> entities(2);
  entities[0].id = "E0", entities[1].id = "E1";
  entities[0].kind = entities[1].kind = "person";
  std::vector<MentionRow> mentions(1);
  mentions[0].mention_key = "x/k#0";
  mentions[0].source_record_id = 999;  // no such record
  mentions[0].kind = "person";
  mentions[0].entity_id = "E0";
  // A link to no entity E9.
  std::vector<LinkRow> links = {{"E0", "E9", "officer_of", "", "", "{}", 1, false, std::nullopt}};
  auto count = [&](const std::string& table) {
    int64_t n = -1;
    EXPECT_TRUE(db().Read([&](Tx& tx) {
      tx.sql() << "SELECT COUNT(*) FROM " + table, soci::into(n);
      return Status::Ok();
    }).ok());
    return n;
  };
  auto write = [&](const std::vector<MentionRow>& m, const std::vector<LinkRow>& l) {
    return db().WriteMany(NetworkTables(),
                          [&](Tx& tx) { return ReplaceNetwork(tx, entities, m, l, nullptr); });
  };

  Status s = write({}, links);
  EXPECT_EQ(s.code(), StatusCode::kFailedPrecondition) << s.message();
  if (sqlite) {
    EXPECT_NE(s.message().find("links (to_entity)"), std::string::npos) << s.message();
  }
  s = write(mentions, {});
  EXPECT_EQ(s.code(), StatusCode::kFailedPrecondition) << s.message();
  if (sqlite) {
    EXPECT_NE(s.message().find("mentions (source_record_id)"), std::string::npos) << s.message();
  }
  EXPECT_EQ(count("entities"), 0);

  mentions[0].source_record_id = 1;
  links[0].to_entity = "E1";
  ASSERT_TRUE(write(mentions, links).ok());
  EXPECT_EQ(count("entities"), 2);
  EXPECT_EQ(count("links"), 1);
  // A key pointing into a named table: E1 deleted under its link.
  s = db().WriteMany(NetworkTables(), [](Tx& tx) {
    tx.sql() << "DELETE FROM entities WHERE id = 'E1'";
    return Status::Ok();
  });
  EXPECT_EQ(s.code(), StatusCode::kFailedPrecondition) << s.message();
  EXPECT_EQ(count("entities"), 2);
  EXPECT_TRUE(write(mentions, links).ok());  // nothing changed
  // SQLite lets a text primary key be NULL, which a NOT IN alone would miss the link below by.
  s = db().WriteMany(NetworkTables(), [](Tx& tx) {
    tx.sql() << "INSERT INTO entities (id, kind, name, company_number, postcode, birth_date, mention_count, "
                "restricted, search_name, sound_name) VALUES (NULL, 'person', '', '', '', '', 0, 0, '', '')";
    tx.sql() << "INSERT INTO links (from_entity, to_entity, type, start_date, end_date, detail, "
                "source_record_id, restricted) VALUES ('E0', 'E9', 'officer_of', '', '', '{}', 1, 0)";
    return Status::Ok();
  });
  EXPECT_EQ(s.code(), StatusCode::kFailedPrecondition) << s.message();
  EXPECT_EQ(count("entities"), 2);
  EXPECT_EQ(count("links"), 1);

  // The connection goes back to the pool as it came, checking each row again.
  if (sqlite) {
    std::string keys, cache, temp;
    ASSERT_TRUE(db().Read([&](Tx& tx) {
      tx.sql() << "PRAGMA foreign_keys", soci::into(keys);
      tx.sql() << "PRAGMA cache_size", soci::into(cache);
      tx.sql() << "PRAGMA temp_store", soci::into(temp);
      return Status::Ok();
    }).ok());
    EXPECT_EQ(keys + " " + cache + " " + temp, "1 -65536 2");  // as Database::Open sets them
  }
  s = db().Write([](Tx& tx) {
    tx.sql() << "INSERT INTO links (from_entity, to_entity, type, start_date, end_date, detail, "
                "source_record_id, restricted) VALUES ('E0', 'E9', 'officer_of', '', '', '{}', 1, 0)";
    return Status::Ok();
  });
  EXPECT_EQ(s.code(), StatusCode::kFailedPrecondition) << s.message();
  EXPECT_EQ(count("links"), 1);
}

}  // namespace
}  // namespace cairn::storage
