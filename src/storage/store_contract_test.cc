// The storage contract: every behaviour the layers above rely on, checked on SQLite and on
// PostgreSQL alike. The detect engine's bulk reads and writes are in store_network_contract_test.cc;
// this file instantiates the suite for both.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <thread>

#include "audit/chain.h"
#include "common/clock.h"
#include "common/crypto.h"
#include "storage/audit_log.h"
#include "storage/findings.h"
#include "storage/organisations.h"
#include "storage/sessions.h"
#include "storage/strands.h"
#include "storage/users.h"
#include "store_contract_test.h"

namespace cairn::storage {
namespace {

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
