// The storage contract: every behaviour the layers above rely on, checked on SQLite and on
// PostgreSQL alike.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <thread>

#include "audit/chain.h"
#include "common/clock.h"
#include "common/crypto.h"
#include "storage/audit_log.h"
#include "storage/findings.h"
#include "storage/network.h"
#include "storage/organisations.h"
#include "storage/sessions.h"
#include "storage/source_records.h"
#include "storage/strands.h"
#include "storage/users.h"
#include "test_store.h"

namespace cairn::storage {
namespace {

using cairn::testing::TestStore;

class StoreContract : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    InitCrypto();
    store_ = TestStore::Create(GetParam());
    if (!store_) {
      if (cairn::testing::PostgresRequired()) FAIL() << "CAIRN_REQUIRE_PG=1 but CAIRN_TEST_PG is unset";
      GTEST_SKIP() << "PostgreSQL not configured (run through make test)";
    }
  }
  Database& db() { return store_->db(); }

  model::Organisation Org(const std::string& slug) {
    model::Organisation o;
    o.slug = slug;
    o.name = "Org " + slug;
    o.type = "council";
    o.region = "West";
    o.created_at = o.updated_at = "2026-11-22T09:00:00.000Z";
    return o;
  }

  int64_t AddOrg(const std::string& slug) {
    int64_t id = 0;
    EXPECT_TRUE(db().Write([&](Tx& tx) -> Status {
      CAIRN_ASSIGN_OR_RETURN(id, InsertOrganisation(tx, Org(slug)));
      return Status::Ok();
    }).ok());
    return id;
  }

  // Source record 1 (format x, key k), for network rows to point at.
  void AddSourceRecordOne() {
    ASSERT_TRUE(db().Write([](Tx& tx) {
      tx.sql() << "INSERT INTO source_files (id, path, format, sha256, ingested_at, rows_read, rows_loaded, "
                  "rows_unchanged, rows_rejected) VALUES (1, 'f', 'x', 'h', 't', 1, 1, 0, 0)";
      tx.sql() << "INSERT INTO source_records (id, format, record_key, content_hash, payload, source_file_id, "
                  "file, line, first_seen_at, updated_at) VALUES (1, 'x', 'k', 'h', '{}', 1, 'f', 2, 't', 't')";
      return Status::Ok();
    }).ok());
  }

  std::unique_ptr<TestStore> store_;
  SystemClock clock_;
};

TEST_P(StoreContract, MigrateIsIdempotentAndReportsVersion) {
  auto again = db().Migrate();
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(*again, 0);
  auto version = db().SchemaVersion();
  ASSERT_TRUE(version.ok());
  EXPECT_GE(*version, 1);
}

TEST_P(StoreContract, OrganisationRoundTripsWithNulls) {
  model::Organisation o = Org("fife");
  o.region.reset();
  o.taskforce_member = true;
  o.taskforce_role = "Member";
  int64_t id = 0;
  ASSERT_TRUE(db().Write([&](Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(id, InsertOrganisation(tx, o));
    return Status::Ok();
  }).ok());
  model::Organisation got;
  ASSERT_TRUE(db().Read([&](Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(got, GetOrganisation(tx, id));
    return Status::Ok();
  }).ok());
  EXPECT_EQ(got.slug, "fife");
  EXPECT_FALSE(got.region.has_value());
  EXPECT_TRUE(got.taskforce_member);
  EXPECT_EQ(got.taskforce_role, "Member");
}

// What the database says names the statement and its values; the Status, which an HTTP client
// may see, must not.
TEST_P(StoreContract, ConstraintErrorsDoNotQuoteTheStatement) {
  Status s = db().Write([&](Tx& tx) -> Status {
    tx.sql() << "INSERT INTO organisations (slug) VALUES ('secret-slug-value')";
    return Status::Ok();
  });
  EXPECT_EQ(s.code(), StatusCode::kFailedPrecondition) << s.ToString();
  EXPECT_EQ(s.message().find("secret-slug-value"), std::string::npos) << s.message();
  EXPECT_EQ(s.message().find("INSERT"), std::string::npos) << s.message();
}

TEST_P(StoreContract, DuplicateSlugIsAlreadyExists) {
  AddOrg("glasgow");
  Status s = db().Write([&](Tx& tx) -> Status { return InsertOrganisation(tx, Org("glasgow")).status(); });
  EXPECT_EQ(s.code(), StatusCode::kAlreadyExists) << s.ToString();
}

TEST_P(StoreContract, MissingRecordIsNotFound) {
  Status s = db().Read([&](Tx& tx) { return GetOrganisation(tx, 999999).status(); });
  EXPECT_EQ(s.code(), StatusCode::kNotFound);
}

TEST_P(StoreContract, FailedCallbackRollsBackEverything) {
  Status s = db().Write([&](Tx& tx) -> Status {
    CAIRN_RETURN_IF_ERROR(InsertOrganisation(tx, Org("angus")).status());
    return InvalidArgument("changed my mind");
  });
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  std::optional<model::Organisation> found;
  ASSERT_TRUE(db().Read([&](Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(found, FindOrganisationBySlug(tx, "angus"));
    return Status::Ok();
  }).ok());
  EXPECT_FALSE(found.has_value());
}

TEST_P(StoreContract, ForeignKeysAreEnforced) {
  model::UserCredentials c{{0, 424242, "ghost", "Ghost", "g@example.org", model::Role::kPartner,
                            false, false, "t", "t"}, "hash"};
  Status s = db().Write([&](Tx& tx) { return InsertUser(tx, c).status(); });
  EXPECT_FALSE(s.ok());
}

// A read transaction sees one snapshot throughout, as the windowed scans (internal/scan.h) need:
// a row another connection commits meanwhile is not seen by its later statements.
TEST_P(StoreContract, AReadSeesOneSnapshot) {
  AddOrg("first");
  int64_t before = -1, during = -1;
  ASSERT_TRUE(db().Read([&](Tx& tx) -> Status {
    tx.sql() << "SELECT COUNT(*) FROM organisations", soci::into(before);
    AddOrg("second");  // another connection from the pool, committed
    tx.sql() << "SELECT COUNT(*) FROM organisations", soci::into(during);
    return Status::Ok();
  }).ok());
  EXPECT_EQ(during, before);
  int64_t after = -1;
  ASSERT_TRUE(db().Read([&](Tx& tx) {
    tx.sql() << "SELECT COUNT(*) FROM organisations", soci::into(after);
    return Status::Ok();
  }).ok());
  EXPECT_EQ(after, before + 1);
}

TEST_P(StoreContract, UsersAndSessionsRoundTrip) {
  int64_t org = AddOrg("moray");
  model::UserCredentials c{{0, org, "pat", "Pat", "pat@example.org", model::Role::kAuditor, false,
                            true, "t1", "t1"}, "argon-hash"};
  ASSERT_TRUE(db().Write([&](Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(c.user.id, InsertUser(tx, c));
    CAIRN_RETURN_IF_ERROR(InsertSession(tx, {"h1", c.user.id, "csrf", "t1", "t1", "t9"}));
    return InsertSession(tx, {"h2", c.user.id, "csrf2", "t1", "t1", "t9"});
  }).ok());
  ASSERT_TRUE(db().Read([&](Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(auto found, FindCredentials(tx, "pat"));
    EXPECT_TRUE(found.has_value());
    if (!found) return Status::Ok();
    EXPECT_EQ(found->user.role, model::Role::kAuditor);
    EXPECT_TRUE(found->user.must_change_password);
    EXPECT_EQ(found->password_hash, "argon-hash");
    CAIRN_ASSIGN_OR_RETURN(auto session, FindSession(tx, "h1"));
    EXPECT_TRUE(session.has_value());
    if (session) { EXPECT_EQ(session->csrf_token, "csrf"); }
    CAIRN_ASSIGN_OR_RETURN(auto none, FindSession(tx, "nope"));
    EXPECT_FALSE(none.has_value());
    return Status::Ok();
  }).ok());
  int64_t ended = 0;
  ASSERT_TRUE(db().Write([&](Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(ended, DeleteUserSessions(tx, c.user.id));
    return Status::Ok();
  }).ok());
  EXPECT_EQ(ended, 2);
}

TEST_P(StoreContract, ThrottleUpsertReplacesTheRow) {
  ASSERT_TRUE(db().Write([&](Tx& tx) -> Status {
    CAIRN_RETURN_IF_ERROR(UpsertThrottle(tx, {"bob", 1, "w1", std::nullopt}));
    return UpsertThrottle(tx, {"bob", 2, "w1", std::string("later")});
  }).ok());
  ASSERT_TRUE(db().Read([&](Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(auto row, FindThrottle(tx, "bob"));
    EXPECT_TRUE(row.has_value());
    if (row) {
      EXPECT_EQ(row->failures, 2);
      EXPECT_EQ(row->locked_until, "later");
    }
    return Status::Ok();
  }).ok());
}

TEST_P(StoreContract, StrandUpsertKeepsOneRowPerCode) {
  int64_t org = AddOrg("police");
  model::Strand s{0, "detect", "Detect", "aim one", org, std::nullopt, 3};
  int64_t first = 0, second = 0;
  ASSERT_TRUE(db().Write([&](Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(first, UpsertStrand(tx, s));
    s.aim = "aim two";
    CAIRN_ASSIGN_OR_RETURN(second, UpsertStrand(tx, s));
    return Status::Ok();
  }).ok());
  EXPECT_EQ(first, second);
  std::vector<model::Strand> all;
  ASSERT_TRUE(db().Read([&](Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(all, ListStrands(tx));
    return Status::Ok();
  }).ok());
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].aim, "aim two");
  EXPECT_EQ(all[0].lead_organisation_id, org);
}

TEST_P(StoreContract, AuditChainVerifiesAndNamesTheEditedEntry) {
  for (int i = 0; i < 5; ++i) {
    ASSERT_TRUE(db().Write([&](Tx& tx) {
      return audit::Append(tx, clock_, model::Actor::System(), {"create", "thing", std::to_string(i), true, {}});
    }).ok());
  }
  auto report = audit::Verify(db());
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->ok());
  EXPECT_EQ(report->entries, 5);

  // Someone with database access rewrites history directly.
  ASSERT_TRUE(db().Write([&](Tx& tx) {
    tx.sql() << "UPDATE audit_log SET actor = 'someone-else' WHERE seq = 3";
    return Status::Ok();
  }).ok());
  report = audit::Verify(db());
  ASSERT_TRUE(report.ok());
  EXPECT_FALSE(report->ok());
  EXPECT_EQ(report->first_broken_seq, 3);
  EXPECT_NE(report->reason.find("changed"), std::string::npos) << report->reason;
}

TEST_P(StoreContract, AuditChainDetectsADeletedEntry) {
  for (int i = 0; i < 4; ++i) {
    ASSERT_TRUE(db().Write([&](Tx& tx) {
      return audit::Append(tx, clock_, model::Actor::System(), {"create", "thing", std::to_string(i), true, {}});
    }).ok());
  }
  ASSERT_TRUE(db().Write([&](Tx& tx) {
    tx.sql() << "DELETE FROM audit_log WHERE seq = 2";
    return Status::Ok();
  }).ok());
  auto report = audit::Verify(db());
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->first_broken_seq, 3);
}

TEST_P(StoreContract, ConcurrentAppendersKeepTheChainWhole) {
  constexpr int kThreads = 4, kEach = 25;
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        Status s = db().Write([&](Tx& tx) {
          return audit::Append(tx, clock_, model::Actor::System(), {"create", "t" + std::to_string(t), std::to_string(i), true, {}});
        });
        if (!s.ok()) ++failures;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0);
  auto report = audit::Verify(db());
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->ok()) << report->reason;
  EXPECT_EQ(report->entries, kThreads * kEach);
}

// The network is written as the difference from what is stored: the same rows again write
// nothing, and a change writes only itself, on both backends.
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
    tx.sql() << "SELECT COUNT(*) FROM mentions WHERE mention_key = 'x/k#1'", soci::into(gone);
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
    return ScanMentionEntities(tx, [&](const std::string&, const std::string&) { ++seen_keys; });
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
    return Status::Ok();
  }).ok());
}

TEST_P(StoreContract, AuditQueryFiltersAndPages) {
  model::Actor a = model::Actor::System();
  a.user_id = 7;
  a.organisation_id = 3;
  ASSERT_TRUE(db().Write([&](Tx& tx) -> Status {
    for (int i = 0; i < 6; ++i) {
      CAIRN_RETURN_IF_ERROR(audit::Append(tx, clock_, i % 2 ? a : model::Actor::System(),
                                          {"update", i % 3 ? "user" : "organisation", std::to_string(i), true, {}}));
    }
    return Status::Ok();
  }).ok());
  ASSERT_TRUE(db().Read([&](Tx& tx) -> Status {
    AuditFilter f;
    f.user_id = 7;
    CAIRN_ASSIGN_OR_RETURN(auto by_user, QueryAudit(tx, f));
    EXPECT_EQ(by_user.size(), 3u);
    f = {};
    f.record_type = "organisation";
    CAIRN_ASSIGN_OR_RETURN(auto by_type, QueryAudit(tx, f));
    EXPECT_EQ(by_type.size(), 2u);
    f = {};
    f.limit = 4;
    CAIRN_ASSIGN_OR_RETURN(auto page1, QueryAudit(tx, f));
    EXPECT_EQ(page1.size(), 4u);
    EXPECT_EQ(page1.front().seq, 6);
    f.before_seq = page1.back().seq;
    CAIRN_ASSIGN_OR_RETURN(auto page2, QueryAudit(tx, f));
    EXPECT_EQ(page2.size(), 2u);
    return Status::Ok();
  }).ok());
}

// Findings are written as the difference from what is stored; a dismissal holds while the
// evidence is the same and the finding reopens when it changes; restricted rows stay within the
// reach asked for; on both backends.
TEST_P(StoreContract, FindingsKeepDecisionsUntilTheEvidenceChanges) {
  int64_t org = AddOrg("police");
  model::UserCredentials c{{0, org, "ana", "Ana", "ana@example.org", model::Role::kAnalyst, false, false, "t1", "t1"}, "h"};
  ASSERT_TRUE(db().Write([&](Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(c.user.id, InsertUser(tx, c));
    return Status::Ok();
  }).ok());
  auto finding = [](const std::string& key, double score, const std::string& hash, bool restricted, std::optional<int64_t> owner) {
    FindingRow f;
    f.finding_key = key;
    f.indicator = key.substr(0, 2);
    f.entity_id = "E" + key;
    f.entity_kind = "organisation";
    f.sic_codes = "45200 56101";
    f.score = score;
    f.evidence = "[]";
    f.evidence_hash = hash;
    f.restricted = restricted;
    f.owner_organisation_id = owner;
    return f;
  };
  std::vector<FindingRow> rows = {finding("C1/a", 0.35, "h1", false, std::nullopt), finding("C6/b", 0.1, "h2", false, std::nullopt),
                                  finding("N1/c", 0.8, "h3", true, org)};
  auto write = [&](FindingWriteStats& stats) {
    return db().Write([&](Tx& tx) -> Status {
      CAIRN_ASSIGN_OR_RETURN(auto stored, AllFindings(tx));
      return ReplaceFindings(tx, rows, stored, "2026-06-30T00:00:00.000Z", &stats);
    });
  };
  FindingWriteStats first, again, changed;
  ASSERT_TRUE(write(first).ok());
  EXPECT_EQ(first.inserted, 3);
  ASSERT_TRUE(write(again).ok());
  EXPECT_EQ(again.unchanged, 3);
  EXPECT_EQ(again.inserted + again.updated + again.deleted + again.reopened, 0);

  int64_t dismissed = 0;
  ASSERT_TRUE(db().Write([&](Tx& tx) -> Status {
    FindingQuery q;
    q.indicator = "C1";
    CAIRN_ASSIGN_OR_RETURN(auto found, QueryFindings(tx, q, {}));
    EXPECT_EQ(found.size(), 1u);
    if (found.empty()) return Status::Ok();
    dismissed = found[0].id;
    return DecideFinding(tx, dismissed, "dismissed", "checked", c.user.id, "2026-07-01T00:00:00.000Z", "h1");
  }).ok());
  rows[0].score = 0.5;  // same evidence, new score: still dismissed
  ASSERT_TRUE(write(changed).ok());
  EXPECT_EQ(changed.updated, 1);
  auto status = [&]() {
    std::string out;
    EXPECT_TRUE(db().Read([&](Tx& tx) -> Status {
      CAIRN_ASSIGN_OR_RETURN(auto f, GetFinding(tx, dismissed));
      out = f ? f->status : "missing";
      return Status::Ok();
    }).ok());
    return out;
  };
  EXPECT_EQ(status(), "dismissed");
  rows[0].evidence_hash = "h1-changed";
  FindingWriteStats reopened;
  ASSERT_TRUE(write(reopened).ok());
  EXPECT_EQ(reopened.reopened, 1);
  EXPECT_EQ(status(), "open");

  rows.pop_back();  // the restricted finding is gone
  FindingWriteStats gone;
  ASSERT_TRUE(write(gone).ok());
  EXPECT_EQ(gone.deleted, 1);
  rows.push_back(finding("N1/c", 0.8, "h3", true, org));
  ASSERT_TRUE(write(gone).ok());
  ASSERT_TRUE(db().Read([&](Tx& tx) -> Status {
    FindingQuery q;
    Reach nobody, owner, other, all;
    owner.restricted_owner = org;
    other.restricted_owner = org + 1;
    all.all_restricted = true;
    CAIRN_ASSIGN_OR_RETURN(int64_t n_public, CountFindings(tx, q, nobody));
    CAIRN_ASSIGN_OR_RETURN(int64_t n_owner, CountFindings(tx, q, owner));
    CAIRN_ASSIGN_OR_RETURN(int64_t n_other, CountFindings(tx, q, other));
    CAIRN_ASSIGN_OR_RETURN(int64_t n_all, CountFindings(tx, q, all));
    EXPECT_EQ(n_public, 2);
    EXPECT_EQ(n_owner, 3);
    EXPECT_EQ(n_other, 2);
    EXPECT_EQ(n_all, 3);
    q.sic_code = "56101";
    CAIRN_ASSIGN_OR_RETURN(int64_t by_sector, CountFindings(tx, q, all));
    EXPECT_EQ(by_sector, 3);
    q.sic_code = "5610";
    CAIRN_ASSIGN_OR_RETURN(int64_t partial, CountFindings(tx, q, all));
    EXPECT_EQ(partial, 0);
    q = {};
    q.min_score = 0.5;
    CAIRN_ASSIGN_OR_RETURN(auto top, QueryFindings(tx, q, owner));
    EXPECT_EQ(top.size(), 2u);
    if (top.size() == 2) { EXPECT_GE(top[0].score, top[1].score); }
    return Status::Ok();
  }).ok());
  ASSERT_TRUE(db().Write([&](Tx& tx) {
    return ReplaceRisk(tx, {{"E1", "organisation", "A", false, std::nullopt, 0.3, 0.1, 0.37, 1},
                            {"E1", "organisation", "A", true, org, 0.8, 0.1, 0.82, 2},
                            {"E2", "organisation", "B", false, std::nullopt, 0.5, 0, 0.5, 1}});
  }).ok());
  ASSERT_TRUE(db().Read([&](Tx& tx) -> Status {
    Reach owner;
    owner.restricted_owner = org;
    CAIRN_ASSIGN_OR_RETURN(auto mine, TopRisk(tx, "organisation", owner, 10));
    CAIRN_ASSIGN_OR_RETURN(auto theirs, TopRisk(tx, "organisation", {}, 10));
    EXPECT_EQ(mine.size(), 2u);
    if (mine.size() == 2) { EXPECT_EQ(mine[0].risk, 0.82); }
    EXPECT_EQ(theirs.size(), 2u);
    if (theirs.size() == 2) { EXPECT_EQ(theirs[0].entity_id, "E2"); }
    CAIRN_ASSIGN_OR_RETURN(auto one, RiskOf(tx, "E1", {}));
    EXPECT_EQ(one.size(), 1u);
    return Status::Ok();
  }).ok());
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreContract, ::testing::ValuesIn(cairn::testing::Backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cairn::storage
