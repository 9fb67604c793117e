// `cairn resolve` over every test format, on SQLite and PostgreSQL.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <map>
#include <set>
#include <sstream>

#include "common/crypto.h"
#include "config/settings.h"
#include "engine/ingest.h"
#include "engine/backup.h"
#include "engine/export_ftm.h"
#include "engine/resolution.h"
#include "ingest/ftm.h"
#include "store_fixture.h"

namespace cairn {
namespace {

class Resolution : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (!s_.ok()) {
      if (testing::PostgresRequired()) FAIL() << "CAIRN_REQUIRE_PG=1 but CAIRN_TEST_PG is unset";
      GTEST_SKIP() << "PostgreSQL not configured";
    }
    ASSERT_TRUE(s_.db().Write([&](storage::Tx& tx) {
      tx.sql() << "INSERT INTO organisations (id, slug, name, type, taskforce_member, created_at, updated_at) "
                  "VALUES (7, 'police-scotland', 'Police Scotland', 'police', 1, 't', 't')";
      return Status::Ok();
    }).ok());
    IngestAll();
  }
  app::Env env() { return s_.env(); }
  void IngestAll() {
    for (const char* f : {"companies/basic_company_data.csv", "companies/psc.jsonl", "companies/officers.jsonl",
                          "cairn_csv/licences.csv", "cairn_csv/inspections.csv", "ocds/package.json"}) {
      auto r = s_.Ingest(testing::StoreFixture::TestData(f));
      ASSERT_TRUE(r.ok()) << f << ": " << r.status().ToString();
    }
    engine::IngestOptions intel;
    intel.owner_organisation_id = 7;
    auto r = s_.Ingest(testing::StoreFixture::TestData("cairn_csv/intelligence.csv"), intel);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
  }
  engine::ResolutionReport Resolve() {
    auto r = engine::ResolveNetwork(env(), model::Actor::System("test"));
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : engine::ResolutionReport{};
  }
  std::vector<std::vector<std::string>> Rows(const std::string& sql, int columns) {
    std::vector<std::vector<std::string>> out;
    EXPECT_TRUE(s_.db().Read([&](storage::Tx& tx) {
      soci::rowset<soci::row> rs = (tx.sql().prepare << sql);
      for (const auto& row : rs) {
        std::vector<std::string> r;
        for (int i = 0; i < columns; ++i) {
          r.push_back(row.get_indicator(size_t(i)) == soci::i_null ? "" : row.get<std::string>(size_t(i)));
        }
        out.push_back(r);
      }
      return Status::Ok();
    }).ok());
    return out;
  }
  std::string EntityOf(const std::string& where) {
    auto rows = Rows("SELECT entity_id FROM keyed_mentions WHERE " + where, 1);
    return rows.empty() ? "" : rows[0][0];
  }

  testing::StoreFixture s_{GetParam()};
};

TEST_P(Resolution, OneCompanyIsOneEntityAcrossEverySource) {
  Resolve();
  std::string company = EntityOf("company_number = 'SC612345' AND role = 'company' AND mention_key LIKE 'companies_house_companies/%'");
  ASSERT_FALSE(company.empty());
  std::set<std::string> formats;
  for (const auto& r : Rows("SELECT mention_key FROM keyed_mentions WHERE entity_id = '" + company + "'", 1)) {
    formats.insert(r[0].substr(0, r[0].find('/')));
  }
  EXPECT_EQ(formats, (std::set<std::string>{"companies_house_companies", "companies_house_officers", "companies_house_psc",
                                            "licences", "inspections", "ocds", "intelligence_subjects"}));
}

TEST_P(Resolution, EachStageIsHeardOfAsItEnds) {
  std::vector<std::string> heard;
  auto r = engine::ResolveNetwork(env(), model::Actor::System("test"), [&](const engine::StageTime& s) {
    EXPECT_GE(s.seconds, 0);
    heard.push_back(s.stage);
  });
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  std::vector<std::string> stages;
  for (const auto& s : r->stages) stages.push_back(s.stage);
  EXPECT_EQ(heard, stages);
  EXPECT_EQ(heard.front(), "read and extract");
  EXPECT_EQ(heard.back(), "write");
}

// The long steps say how far they have got: each step's figures rise to its total, which is the
// records' last id for reading and the rows for writing, and each ends at its total.
TEST_P(Resolution, LongStepsSayHowFarTheyHaveGot) {
  std::map<std::string, std::vector<std::pair<int64_t, int64_t>>> heard;
  auto r = engine::ResolveNetwork(env(), model::Actor::System("test"), {},
                                  [&](const std::string& step, int64_t done, int64_t total) {
                                    heard[step].emplace_back(done, total);
                                  });
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  int64_t last_id = 0, entities = 0;
  ASSERT_TRUE(s_.db().Read([&](storage::Tx& tx) {
    tx.sql() << "SELECT max(id) FROM source_records", soci::into(last_id);
    tx.sql() << "SELECT count(*) FROM entities", soci::into(entities);
    return Status::Ok();
  }).ok());
  const std::map<std::string, int64_t> totals = {{"reading records", last_id},
                                                 {"writing entities", entities},
                                                 {"writing mentions", r->mentions},
                                                 {"writing links", r->links}};
  for (const auto& [step, total] : totals) {
    ASSERT_TRUE(heard.count(step)) << step;
    const auto& ticks = heard[step];
    EXPECT_GE(ticks.size(), 2u) << step << ": more than its end";
    EXPECT_LE(ticks.size(), 202u) << step << ": about every half per cent, not every row";
    for (size_t i = 0; i < ticks.size(); ++i) {
      EXPECT_EQ(ticks[i].second, total) << step;
      if (i > 0) {
        EXPECT_GT(ticks[i].first, ticks[i - 1].first) << step;
      }
    }
    EXPECT_EQ(ticks.back().first, total) << step;
  }
  EXPECT_EQ(heard.size(), totals.size());
}

TEST_P(Resolution, APersonJoinsAcrossRegistersAndSaysWhy) {
  Resolve();
  std::string person = EntityOf("surname = 'SMITH' AND role = 'officer'");
  ASSERT_FALSE(person.empty());
  auto rows = Rows("SELECT role, match_reason FROM keyed_mentions WHERE entity_id = '" + person + "' ORDER BY mention_key", 2);
  std::multiset<std::string> roles;
  std::set<std::string> reasons;
  for (const auto& r : rows) {
    roles.insert(r[0]);
    reasons.insert(r[1]);
  }
  EXPECT_EQ(roles, (std::multiset<std::string>{"officer", "officer", "psc", "subject"}));
  EXPECT_TRUE(reasons.count("same Companies House officer"));
  EXPECT_TRUE(reasons.count("same name and birth month"));
  // A name alone is not enough: the designated premises manager "John Smith" stays apart.
  EXPECT_NE(EntityOf("role = 'designated_premises_manager'"), person);
}

// `cairn compact`: once rows are deleted (here the whole network), compacting gives their space
// back to the disk, and the audit log says who did it and the sizes.
TEST_P(Resolution, CompactingGivesTheSpaceOfDeletedRowsBack) {
  Resolve();
  ASSERT_TRUE(s_.db().Write([&](storage::Tx& tx) { return storage::ReplaceNetwork(tx, {}, {}, {}, nullptr); }).ok());
  auto done = engine::CompactStore(env(), model::Actor::System("test"));
  ASSERT_TRUE(done.ok()) << done.status().ToString();
  EXPECT_GT(done->after, 0);
  EXPECT_LT(done->after, done->before);
  auto rows = Rows("SELECT detail FROM audit_log WHERE action = 'compact'", 1);
  ASSERT_EQ(rows.size(), 1u);
  auto detail = nlohmann::json::parse(rows[0][0]);
  EXPECT_EQ(detail["bytes_before"], done->before);
  EXPECT_EQ(detail["bytes_after"], done->after);
  EXPECT_EQ(s_.Value("SELECT COUNT(*) FROM entities"), "0");
}

TEST_P(Resolution, RelationsBecomeLinksBetweenEntities) {
  auto report = Resolve();
  EXPECT_EQ(report.links, 22);
  std::string person = EntityOf("surname = 'SMITH' AND role = 'officer'");
  std::string company = EntityOf("company_number = 'SC612345' AND role = 'company' AND mention_key LIKE 'companies_house_companies/%'");
  auto officer = Rows("SELECT start_date, end_date FROM links WHERE type = 'officer_of' AND from_entity = '" + person +
                      "' AND to_entity = '" + company + "'", 2);
  ASSERT_EQ(officer.size(), 1u);
  EXPECT_EQ(officer[0][0], "2015-01-01");
  EXPECT_EQ(officer[0][1], "2019-06-30");
  EXPECT_EQ(Rows("SELECT type FROM links WHERE type = 'supplier_to' AND from_entity = '" + company + "'", 1).size(), 1u);
  EXPECT_EQ(Rows("SELECT type FROM links WHERE type = 'psc_of' AND from_entity = '" + person + "'", 1).size(), 1u);
}

TEST_P(Resolution, WhatOnlyIntelligenceKnowsIsRestricted) {
  Resolve();
  auto socg = Rows("SELECT CAST(restricted AS TEXT) FROM entities WHERE kind = 'socg'", 1);
  ASSERT_EQ(socg.size(), 1u);
  EXPECT_EQ(socg[0][0], "1");
  auto company = Rows("SELECT CAST(restricted AS TEXT) FROM entities WHERE company_number = 'SC612345'", 1);
  EXPECT_EQ(company[0][0], "0") << "the company is public although intelligence mentions it too";
  auto member_of = Rows("SELECT CAST(restricted AS TEXT) FROM links WHERE type = 'member_of'", 1);
  ASSERT_FALSE(member_of.empty());
  for (const auto& r : member_of) EXPECT_EQ(r[0], "1");
}

TEST_P(Resolution, EntityIdsAreStableAcrossRerunsAndReingests) {
  Resolve();
  auto before = Rows("SELECT mention_key, entity_id FROM keyed_mentions ORDER BY mention_key", 2);
  auto again = Resolve();
  EXPECT_EQ(again.ids_kept, int64_t(Rows("SELECT id FROM entities", 1).size()));
  IngestAll();  // the same files again
  Resolve();
  EXPECT_EQ(Rows("SELECT mention_key, entity_id FROM keyed_mentions ORDER BY mention_key", 2), before);
}

TEST_P(Resolution, AnalyticsDescribeThePublicNetwork) {
  Resolve();
  auto company = Rows("SELECT CAST(degree AS TEXT), CAST(component_size AS TEXT), CAST(community_size AS TEXT) "
                      "FROM entities WHERE company_number = 'SC612345'", 3);
  ASSERT_EQ(company.size(), 1u);
  EXPECT_EQ(company[0][0], "4") << "its address (registered, licensed and trading there), its PSC, its officer, its contract";
  EXPECT_GT(std::stoi(company[0][1]), 5);
  EXPECT_GT(std::stoi(company[0][2]), 1);
  auto socg = Rows("SELECT CAST(degree AS TEXT), CAST(component_size AS TEXT) FROM entities WHERE kind = 'socg'", 2);
  EXPECT_EQ(socg[0][0], "0") << "restricted entities get no public figures";
  EXPECT_EQ(socg[0][1], "0");
}

TEST_P(Resolution, AnalystsDecisionsHoldOnEveryRun) {
  Resolve();
  model::Actor analyst{1, 7, model::Role::kAnalyst, "analyst", "test"};
  ASSERT_TRUE(s_.db().Write([&](storage::Tx& tx) {
    tx.sql() << "INSERT INTO users (id, organisation_id, username, display_name, email, role, password_hash, "
                "created_at, updated_at) VALUES (1, 7, 'analyst', 'A', 'a@x.example', 'analyst', 'h', 't', 't')";
    return Status::Ok();
  }).ok());
  std::string officer = Rows("SELECT mention_key FROM keyed_mentions WHERE role = 'officer' AND surname = 'SMITH' "
                             "AND birth_date <> '' ORDER BY mention_key", 1)[0][0];
  std::string psc = Rows("SELECT mention_key FROM keyed_mentions WHERE role = 'psc' AND kind = 'person' ORDER BY mention_key", 1)[0][0];
  std::string manager = Rows("SELECT mention_key FROM keyed_mentions WHERE role = 'designated_premises_manager'", 1)[0][0];
  // The PSC is not the officer, and the licence's manager "John Smith" is.
  ASSERT_TRUE(engine::RecordDecision(env(), analyst, officer, psc, "different", "different middle name on file").ok());
  ASSERT_TRUE(engine::RecordDecision(env(), analyst, manager, officer, "same", "confirmed with the licensing board").ok());
  Resolve();
  EXPECT_NE(EntityOf("mention_key = '" + officer + "'"), EntityOf("mention_key = '" + psc + "'"));
  EXPECT_EQ(EntityOf("mention_key = '" + officer + "'"), EntityOf("mention_key = '" + manager + "'"));
  auto reason = Rows("SELECT match_reason FROM keyed_mentions WHERE mention_key = '" + manager + "'", 1);
  EXPECT_EQ(reason[0][0], "confirmed by an analyst");
  // Decisions naming a record no longer held, or a mention its record no longer has, are left.
  ASSERT_TRUE(s_.db().Write([&](storage::Tx& tx) {
    CAIRN_RETURN_IF_ERROR(storage::UpsertDecision(tx, {"companies/GONE#0", officer, "same", "", 1, "t"}));
    return storage::UpsertDecision(tx, {officer + "9", psc, "same", "", 1, "t"});
  }).ok());
  Resolve();  // and again: decisions are kept
  EXPECT_NE(EntityOf("mention_key = '" + officer + "'"), EntityOf("mention_key = '" + psc + "'"));
  EXPECT_EQ(engine::RecordDecision(env(), analyst, officer, officer, "same", "").code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(engine::RecordDecision(env(), analyst, officer, psc, "maybe", "").code(), StatusCode::kInvalidField);
  std::string company = Rows("SELECT mention_key FROM keyed_mentions WHERE kind = 'organisation' ORDER BY mention_key", 1)[0][0];
  EXPECT_EQ(engine::RecordDecision(env(), analyst, officer, company, "same", "").code(), StatusCode::kFailedPrecondition);
  model::Actor partner{2, 9, model::Role::kPartner, "p", "test"};
  std::string subject = Rows("SELECT mention_key FROM keyed_mentions WHERE role = 'subject' AND kind = 'person' ORDER BY mention_key", 1)[0][0];
  EXPECT_EQ(engine::RecordDecision(env(), partner, officer, subject, "different", "").code(), StatusCode::kNotFound)
      << "a restricted record cannot be named by someone who may not see it";
}

TEST_P(Resolution, ResolvingIsAudited) {
  Resolve();
  auto rows = Rows("SELECT detail FROM audit_log WHERE action = 'resolve'", 1);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_NE(rows[0][0].find("\"links\":22"), std::string::npos) << rows[0][0];
}

TEST_P(Resolution, TheNetworkExportsAsFollowTheMoneyWithoutRestrictedRecords) {
  Resolve();
  std::ostringstream open_out, all_out;
  auto open = engine::ExportFtm(env(), false, open_out);
  auto all = engine::ExportFtm(env(), true, all_out);
  ASSERT_TRUE(open.ok() && all.ok());
  EXPECT_GT(open->withheld, 0);
  EXPECT_EQ(all->withheld, 0);
  EXPECT_LT(open->entities, all->entities);
  EXPECT_EQ(open_out.str().find("SOCG-W-017"), std::string::npos) << "restricted stays out";
  EXPECT_NE(all_out.str().find("SOCG-W-017"), std::string::npos);
  EXPECT_NE(open_out.str().find("\"schema\":\"Directorship\""), std::string::npos);
  EXPECT_NE(open_out.str().find("\"schema\":\"Ownership\""), std::string::npos);
  // What Cairn exports, Cairn (and any FtM tool) reads back: every line is a valid entity.
  std::istringstream lines(all_out.str());
  int n = 0;
  for (std::string line; std::getline(lines, line); ++n) {
    auto parsed = ingest::ParseFtmLine(line);
    EXPECT_TRUE(parsed.ok()) << line << ": " << parsed.status().ToString();
  }
  EXPECT_EQ(n, all->entities + all->links);
}

INSTANTIATE_TEST_SUITE_P(Backends, Resolution, ::testing::ValuesIn(testing::Backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cairn
