// The storage contract for migrations that reshape the network's stored rows (0025, 0026): a
// store written before each keeps every row, and the writes after it do what they should, on
// SQLite and on PostgreSQL alike. Each test rebuilds the table shape from before the migration.
// The suite is instantiated for every backend in store_contract_test.cc.
#include <soci/soci.h>

#include <map>

#include "storage/internal/migrations.h"
#include "storage/network.h"
#include "store_contract_test.h"

namespace cairn::storage {
namespace {

// Migration 0025 turns a stored network's keys into indices: a store resolved before it keeps
// every key, and writing the same network again after it changes nothing.
TEST_P(StoreContract, MentionIndexMigrationKeepsTheKeys) {
  AddSourceRecordOne();
  std::vector<EntityRow> entities(1);
  entities[0].id = "E0";
  entities[0].kind = "person";
  std::vector<MentionRow> mentions(12);
  for (size_t i = 0; i < mentions.size(); ++i) {
    mentions[i].mention_key = MentionKey("x", "k", int64_t(i));
    mentions[i].source_record_id = 1;
    mentions[i].kind = "person";
    mentions[i].name = "Name " + std::to_string(i);
    mentions[i].entity_id = "E0";
    mentions[i].match_reason = "same " + std::to_string(i);
  }
  ASSERT_TRUE(db().Write([&](Tx& tx) { return ReplaceNetwork(tx, entities, mentions, {}, nullptr); }).ok());
  // Back to the shape before 0025: the key in a column of its own, written as then.
  ASSERT_TRUE(db().Write([&](Tx& tx) {
    tx.sql() << "CREATE TABLE old_mentions AS SELECT * FROM keyed_mentions";
    tx.sql() << "DROP VIEW keyed_mentions";
    tx.sql() << "DROP TABLE mentions";
    for (const std::string& statement : internal::RenderStatements(
             "CREATE TABLE mentions (id {{id}}, mention_key TEXT NOT NULL UNIQUE, source_record_id {{bigint}} NOT NULL "
             "REFERENCES source_records(id), kind TEXT NOT NULL, role TEXT NOT NULL, name TEXT NOT NULL, given_name "
             "TEXT NOT NULL, surname TEXT NOT NULL, company_number TEXT NOT NULL, birth_date TEXT NOT NULL, address "
             "TEXT NOT NULL, postcode TEXT NOT NULL, reference TEXT NOT NULL, restricted INTEGER NOT NULL, "
             "owner_organisation_id {{bigint}}, entity_id TEXT NOT NULL, match_reason TEXT NOT NULL, fingerprint TEXT "
             "NOT NULL DEFAULT '');",
             tx.backend())) {
      tx.sql() << statement;
    }
    tx.sql() << "INSERT INTO mentions (id, mention_key, source_record_id, kind, role, name, given_name, surname, "
                "company_number, birth_date, address, postcode, reference, restricted, owner_organisation_id, "
                "entity_id, match_reason, fingerprint) SELECT id, mention_key, source_record_id, kind, role, name, "
                "given_name, surname, company_number, birth_date, address, postcode, reference, restricted, "
                "owner_organisation_id, entity_id, match_reason, fingerprint FROM old_mentions";
    tx.sql() << "DROP TABLE old_mentions";
    tx.sql() << "DELETE FROM schema_migrations WHERE version >= 25";
    return Status::Ok();
  }).ok());
  auto migrated = db().Migrate();
  ASSERT_TRUE(migrated.ok()) << migrated.status().ToString();
  EXPECT_GE(*migrated, 1);
  std::map<std::pair<int64_t, int64_t>, std::string> places;
  ASSERT_TRUE(db().Read([&](Tx& tx) -> Status {
    return ScanMentionEntities(
        tx, [&](const MentionPlace& p, const std::string& entity) { places[{p.record, p.index}] = entity; });
  }).ok());
  EXPECT_EQ(places.size(), mentions.size());
  for (int64_t i = 0; i < int64_t(mentions.size()); ++i) EXPECT_EQ(places[std::make_pair(int64_t{1}, i)], "E0") << i;
  ASSERT_TRUE(db().Read([&](Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(auto of, MentionsOf(tx, "E0"));
    EXPECT_EQ(of.size(), mentions.size());
    for (const auto& v : of) EXPECT_EQ(v.mention.name, "Name " + v.mention.mention_key.substr(4)) << v.mention.mention_key;
    return Status::Ok();
  }).ok());
  // 0026 came after it and zeroed the fingerprints, so the first write refreshes each row once
  // (adding and dropping none), and the next writes nothing.
  NetworkWriteStats again;
  ASSERT_TRUE(db().Write([&](Tx& tx) { return ReplaceNetwork(tx, entities, mentions, {}, &again); }).ok());
  EXPECT_EQ(again.updated, int64_t(1 + mentions.size()));
  EXPECT_EQ(again.inserted + again.deleted, 0);
  ASSERT_TRUE(db().Write([&](Tx& tx) { return ReplaceNetwork(tx, entities, mentions, {}, &again); }).ok());
  EXPECT_EQ(again.unchanged, int64_t(1 + mentions.size()));
  EXPECT_EQ(again.inserted + again.updated + again.deleted, 0);
}

// Migration 0026 turns fingerprints from 32 hex digits of text into 64-bit integers. A store
// written before it keeps every row; the first resolve after it writes each row once more, in
// place for entities and mentions and as a new row for a link (a link is known by its content),
// and the next writes nothing.
TEST_P(StoreContract, IntegerFingerprintMigrationRewritesEachRowOnce) {
  AddSourceRecordOne();
  std::vector<EntityRow> entities(2);
  entities[0].id = "E0", entities[1].id = "E1";
  entities[0].kind = entities[1].kind = "person";
  std::vector<MentionRow> mentions(2);
  for (size_t i = 0; i < mentions.size(); ++i) {
    mentions[i].mention_key = MentionKey("x", "k", int64_t(i));
    mentions[i].source_record_id = 1;
    mentions[i].kind = "person";
    mentions[i].entity_id = entities[i].id;
  }
  std::vector<LinkRow> links(1);
  links[0].from_entity = "E0", links[0].to_entity = "E1", links[0].type = "associate_of", links[0].source_record_id = 1;
  ASSERT_TRUE(db().Write([&](Tx& tx) { return ReplaceNetwork(tx, entities, mentions, links, nullptr); }).ok());
  // Back to the shape before 0026: each fingerprint 32 hex digits of text.
  ASSERT_TRUE(db().Write([&](Tx& tx) {
    tx.sql() << "DROP VIEW keyed_mentions";
    for (const char* table : {"entities", "mentions", "links"}) {
      tx.sql() << std::string("ALTER TABLE ") + table + " DROP COLUMN fingerprint";
      tx.sql() << std::string("ALTER TABLE ") + table + " ADD COLUMN fingerprint TEXT NOT NULL DEFAULT ''";
      tx.sql() << std::string("UPDATE ") + table + " SET fingerprint = '0123456789abcdef0123456789abcdef'";
    }
    tx.sql() << "CREATE VIEW keyed_mentions AS SELECT m.*, 'old' AS mention_key FROM mentions m";
    tx.sql() << "DELETE FROM schema_migrations WHERE version >= 26";
    return Status::Ok();
  }).ok());
  auto migrated = db().Migrate();
  ASSERT_TRUE(migrated.ok()) << migrated.status().ToString();
  EXPECT_EQ(*migrated, 1);
  ASSERT_TRUE(db().Read([&](Tx& tx) -> Status {
    for (size_t i = 0; i < mentions.size(); ++i) {
      CAIRN_ASSIGN_OR_RETURN(auto found, FindMention(tx, mentions[i].mention_key));  // the view is back
      EXPECT_TRUE(found.has_value()) << i;
      CAIRN_ASSIGN_OR_RETURN(auto of, MentionsOf(tx, entities[i].id));
      EXPECT_EQ(of.size(), 1u) << i;
    }
    CAIRN_ASSIGN_OR_RETURN(auto ls, LinksOf(tx, "E0"));
    EXPECT_EQ(ls.size(), 1u);
    int64_t zero = -1;
    tx.sql() << "SELECT COUNT(*) FROM keyed_mentions WHERE fingerprint = 0", soci::into(zero);
    EXPECT_EQ(zero, int64_t(mentions.size()));
    return Status::Ok();
  }).ok());
  NetworkWriteStats again;
  ASSERT_TRUE(db().Write([&](Tx& tx) { return ReplaceNetwork(tx, entities, mentions, links, &again); }).ok());
  EXPECT_EQ(again.updated, int64_t(entities.size() + mentions.size()));
  EXPECT_EQ(again.inserted, 1);  // the link, and the stored one goes
  EXPECT_EQ(again.deleted, 1);
  ASSERT_TRUE(db().Write([&](Tx& tx) { return ReplaceNetwork(tx, entities, mentions, links, &again); }).ok());
  EXPECT_EQ(again.unchanged, int64_t(entities.size() + mentions.size() + links.size()));
  EXPECT_EQ(again.inserted + again.updated + again.deleted, 0);
  int64_t zero = -1;
  ASSERT_TRUE(db().Read([&](Tx& tx) -> Status {
    tx.sql() << "SELECT (SELECT COUNT(*) FROM entities WHERE fingerprint = 0) + (SELECT COUNT(*) FROM mentions "
                "WHERE fingerprint = 0) + (SELECT COUNT(*) FROM links WHERE fingerprint = 0)",
        soci::into(zero);
    return Status::Ok();
  }).ok());
  EXPECT_EQ(zero, 0);
}

}  // namespace
}  // namespace cairn::storage
