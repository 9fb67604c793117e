// Divert and victims on SQLite and PostgreSQL alike: only the organisations working a case see
// it, every read is audited without naming the person, the NRM decisions keep their order, and
// the 90-day support clock runs from a positive reasonable grounds decision.
#include <gtest/gtest.h>

#include "common/time.h"
#include "engine/divert.h"
#include "engine/tasks.h"
#include "seeded_store.h"

namespace cairn {
namespace {

class DivertEngine : public testing::SeededStoreTest {
 protected:
  void SetUp() override {
    SeededStoreTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    council_ = Member("fife", "fife.worker", "partner");
    charity_ = Member("action-for-children", "afc.worker", "partner");
    secretariat_ = Member("scottish-government", "sg.secretariat", "secretariat");
  }

  std::string Day(int offset) {
    return FormatTimestamp(s_.env().clock.Now() + std::chrono::hours(24 * offset)).substr(0, 10);
  }

  engine::DivertCaseInput Trafficking() {
    engine::DivertCaseInput in;
    in.kind = "trafficking_victim";
    in.label = "J.K.";
    in.age_band = "18-24";
    in.council_area = "Fife";
    in.consent = "given";
    in.nrm_referred_on = Day(-10);
    return in;
  }

  model::Actor council_, charity_, secretariat_;
};

TEST_P(DivertEngine, OnlyTheOrganisationsWorkingACaseSeeItAndEveryReadIsAudited) {
  auto in = Trafficking();
  auto c = engine::CreateDivertCase(s_.env(), council_, in);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->c.reference.rfind("DIV-", 0), 0u);
  int64_t id = c->c.id;
  EXPECT_EQ(engine::ReadDivertCase(s_.env(), charity_, id).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(engine::ReadDivertCase(s_.env(), secretariat_, id).status().code(), StatusCode::kNotFound)
      << "not even the secretariat";
  EXPECT_TRUE(engine::ListDivertCases(s_.env(), charity_)->empty());
  ASSERT_TRUE(engine::AddDivertOrganisation(s_.env(), council_, id, *charity_.organisation_id).ok());
  EXPECT_EQ(engine::AddDivertOrganisation(s_.env(), charity_, id, *secretariat_.organisation_id).status().code(),
            StatusCode::kPermissionDenied)
      << "the lead organisation adds others";
  auto seen = engine::ReadDivertCase(s_.env(), charity_, id);
  ASSERT_TRUE(seen.ok());
  EXPECT_EQ(seen->members.size(), 2u);
  EXPECT_EQ(engine::ListDivertCases(s_.env(), charity_)->size(), 1u);
  std::string reads = s_.Value(
      "SELECT COUNT(*) FROM audit_log WHERE action = 'read' AND record_type = 'divert_case' AND outcome = 'success'");
  EXPECT_EQ(reads, "3") << "two lists (one empty) and the case";
  std::string refused = s_.Value(
      "SELECT COUNT(*) FROM audit_log WHERE action = 'read' AND record_type = 'divert_case' AND outcome <> 'success'");
  EXPECT_EQ(refused, "2") << "the charity's and the secretariat's refused attempts";
  std::string details = s_.Value("SELECT COUNT(*) FROM audit_log WHERE detail LIKE '%J.K.%'");
  EXPECT_EQ(details, "0") << "the audit trail names the case, not the person";
}

TEST_P(DivertEngine, MinimalDataAndConsentAreChecked) {
  auto in = Trafficking();
  in.label = "Jonathan Alexander Kowalczyk-MacPherson of Kirkcaldy";
  EXPECT_EQ(engine::CreateDivertCase(s_.env(), council_, in).status().field(), "label");
  in = Trafficking();
  in.age_band = "19";
  EXPECT_EQ(engine::CreateDivertCase(s_.env(), council_, in).status().field(), "age_band");
  in = Trafficking();
  in.consent = "refused";
  EXPECT_EQ(engine::CreateDivertCase(s_.env(), council_, in).status().field(), "consent_note");
  in.consent_note = "Child protection: proceeding without consent";
  EXPECT_TRUE(engine::CreateDivertCase(s_.env(), council_, in).ok());
  in = Trafficking();
  in.kind = "young_person";
  EXPECT_EQ(engine::CreateDivertCase(s_.env(), council_, in).status().field(), "nrm_referred_on");
  EXPECT_EQ(s_.Value("SELECT COUNT(*) FROM divert_cases"), "1");
}

TEST_P(DivertEngine, TheNrmDecisionsKeepTheirOrderAndStartTheSupportClock) {
  auto c = engine::CreateDivertCase(s_.env(), council_, Trafficking());
  ASSERT_TRUE(c.ok());
  int64_t id = c->c.id;
  EXPECT_EQ(c->c.reasonable_grounds, "pending");
  EXPECT_FALSE(c->clock.running);
  engine::NrmUpdate cg;
  cg.conclusive_grounds = "positive";
  cg.conclusive_grounds_on = Day(0);
  EXPECT_EQ(engine::UpdateNrm(s_.env(), council_, id, cg).status().field(), "conclusive_grounds");
  engine::NrmUpdate rg;
  rg.reasonable_grounds = "positive";
  EXPECT_EQ(engine::UpdateNrm(s_.env(), council_, id, rg).status().field(), "reasonable_grounds_on");
  rg.reasonable_grounds_on = Day(-20);
  EXPECT_EQ(engine::UpdateNrm(s_.env(), council_, id, rg).status().field(), "reasonable_grounds_on") << "before the referral";
  rg.reasonable_grounds_on = Day(2);
  EXPECT_EQ(engine::UpdateNrm(s_.env(), council_, id, rg).status().field(), "reasonable_grounds_on") << "in the future";
  rg.reasonable_grounds_on = Day(-5);
  auto after = engine::UpdateNrm(s_.env(), council_, id, rg);
  ASSERT_TRUE(after.ok()) << after.status().ToString();
  EXPECT_TRUE(after->clock.running);
  EXPECT_EQ(after->clock.support_until, Day(85));
  EXPECT_EQ(after->clock.days_remaining, 85);
  EXPECT_FALSE(after->clock.due_soon);
  auto done = engine::UpdateNrm(s_.env(), council_, id, cg);
  ASSERT_TRUE(done.ok()) << done.status().ToString();
  EXPECT_FALSE(done->clock.running) << "a conclusive decision stops the clock";
}

TEST(NrmClock, CountsNinetyDaysFromAPositiveReasonableGroundsDecision) {
  storage::DivertCaseRow c;
  c.kind = "trafficking_victim";
  c.reasonable_grounds = "positive";
  c.reasonable_grounds_on = "2026-01-10";
  auto k = engine::NrmClockOf(c, "2026-01-10");
  EXPECT_TRUE(k.running);
  EXPECT_EQ(k.support_until, "2026-04-10");
  EXPECT_EQ(k.days_remaining, 90);
  EXPECT_FALSE(k.due_soon);
  EXPECT_TRUE(engine::NrmClockOf(c, "2026-03-27").due_soon) << "14 days left";
  EXPECT_FALSE(engine::NrmClockOf(c, "2026-03-26").due_soon) << "15 days left";
  EXPECT_EQ(engine::NrmClockOf(c, "2026-04-20").days_remaining, -10);
  c.reasonable_grounds = "negative";
  EXPECT_FALSE(engine::NrmClockOf(c, "2026-01-10").running);
  c.reasonable_grounds = "positive";
  c.kind = "young_person";
  EXPECT_FALSE(engine::NrmClockOf(c, "2026-01-10").running);
}

TEST_P(DivertEngine, ATaskFromACaseGoesOnlyToAnOrganisationWorkingIt) {
  auto c = engine::CreateDivertCase(s_.env(), council_, Trafficking());
  ASSERT_TRUE(c.ok());
  engine::TaskInput t;
  t.title = "Arrange safe accommodation";
  t.strand = "divert";
  t.objective = "divert-2";
  t.owner_organisation_id = *charity_.organisation_id;
  t.harm = 5;
  t.likelihood = 4;
  t.confidence = 4;
  t.due_date = Day(7);
  t.source_type = "divert_referral";
  t.source_id = std::to_string(c->c.id);
  EXPECT_EQ(engine::CreateTask(s_.env(), council_, t).status().field(), "owner_organisation_id");
  EXPECT_EQ(engine::CreateTask(s_.env(), charity_, t).status().field(), "source_id") << "the charity does not work it yet";
  ASSERT_TRUE(engine::AddDivertOrganisation(s_.env(), council_, c->c.id, *charity_.organisation_id).ok());
  auto task = engine::CreateTask(s_.env(), council_, t);
  ASSERT_TRUE(task.ok()) << task.status().ToString();
  EXPECT_EQ(task->task.source_type, "divert_referral");
}

INSTANTIATE_TEST_SUITE_P(Backends, DivertEngine, ::testing::ValuesIn(testing::Backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cairn
