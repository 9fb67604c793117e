// Retention on SQLite and PostgreSQL alike: a dry run changes nothing; applying deletes or
// anonymises exactly what is past its period — each rule with its audit entry — and keeps what
// is not; a second run finds nothing; pruning the audit log leaves a chain that still verifies,
// and still catches tampering; intelligence past review is counted, never deleted.
#include <gtest/gtest.h>

#include "audit/chain.h"
#include "common/time.h"
#include "engine/divert.h"
#include "engine/retention.h"
#include "engine/tasks.h"
#include "seeded_store.h"

namespace cairn {
namespace {

class Retention : public testing::SeededStoreTest {
 protected:
  void SetUp() override {
    SeededStoreTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    police_ = Member("police-scotland", "p.one", "analyst");
    council_ = Member("fife", "f.one", "partner");
    settings_ = config::Defaults();
    settings_.retention_sessions_days = 1;
    settings_.retention_notifications_days = 5;
    settings_.retention_emails_days = 5;
    settings_.retention_closed_tasks_days = 10;
    settings_.retention_closed_divert_days = 10;
  }

  // An Env whose clock is `days` from now, over the same store.
  app::Env Later(int days) {
    clock_ = std::make_unique<FakeClock>(SystemClock().Now() + std::chrono::hours(24) * days);
    return {s_.db(), *clock_, settings_};
  }

  engine::TaskInput Proposal(const std::string& title) {
    engine::TaskInput in;
    in.title = title;
    in.description = "Speak to John Smith about the premises";
    in.strand = "deter";
    in.objective = "deter-2";
    in.owner_organisation_id = *police_.organisation_id;
    in.harm = 3;
    in.likelihood = 3;
    in.confidence = 5;
    in.due_date = FormatTimestamp(SystemClock().Now() + std::chrono::hours(24 * 30)).substr(0, 10);
    in.council_area = "Fife";
    return in;
  }

  const engine::RetentionItem& Item(const engine::RetentionReport& r, const std::string& rule) {
    for (const auto& i : r.items) {
      if (i.rule == rule) return i;
    }
    ADD_FAILURE() << "no rule " << rule;
    return r.items.front();
  }

  model::Actor police_, council_;
  config::Settings settings_;
  std::unique_ptr<FakeClock> clock_;
};

TEST_P(Retention, DeletesOrAnonymisesWhatIsDueAuditedAndNothingElse) {
  auto closed = engine::CreateTask(s_.env(), council_, Proposal("Visit John Smith's car wash"));
  auto open = engine::CreateTask(s_.env(), council_, Proposal("Still open"));
  ASSERT_TRUE(closed.ok() && open.ok()) << closed.status().ToString();
  ASSERT_TRUE(engine::ChangeTaskStatus(s_.env(), police_, closed->task.id, "declined", "John Smith moved away").ok());
  engine::DivertCaseInput in;
  in.kind = "young_person";
  in.label = "J.K.";
  in.age_band = "12-15";
  in.council_area = "Fife";
  in.consent = "given";
  in.consent_note = "Parent J. K. agreed on the phone";
  auto c = engine::CreateDivertCase(s_.env(), council_, in);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  ASSERT_TRUE(engine::AddDivertNote(s_.env(), council_, c->c.id, "Met J.K. at school").ok());
  ASSERT_TRUE(engine::CloseDivertCase(s_.env(), council_, c->c.id, "Moved to Dundee").ok());
  auto mine = engine::ListNotifications(s_.env(), council_);
  ASSERT_TRUE(mine.ok() && !mine->empty());
  ASSERT_TRUE(engine::MarkNotificationRead(s_.env(), council_, (*mine)[0].id).ok());
  std::string now = FormatTimestamp(SystemClock().Now());
  s_.db().RawForTests("UPDATE email_outbox SET sent_at = '" + now + "'");
  int64_t emails = std::stoll(s_.Value("SELECT COUNT(*) FROM email_outbox"));
  s_.db().RawForTests("INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, expires_at) "
                      "VALUES ('old', " + std::to_string(*police_.user_id) + ", 'x', '" + now + "', '" + now + "', '" +
                      now + "')");
  std::string audit_before = s_.Value("SELECT COUNT(*) FROM audit_log");

  // Twenty days on: a dry run counts and changes nothing.
  app::Env later = Later(20);
  auto dry = engine::ApplyRetention(later, model::Actor::System("test"), true);
  ASSERT_TRUE(dry.ok()) << dry.status().ToString();
  EXPECT_EQ(Item(*dry, "sessions").due, 1);
  EXPECT_EQ(Item(*dry, "notifications").due, 1);
  EXPECT_EQ(Item(*dry, "emails").due, emails);
  EXPECT_EQ(Item(*dry, "closed_tasks").due, 1);
  EXPECT_EQ(Item(*dry, "closed_divert").due, 1);
  EXPECT_EQ(Item(*dry, "audit_log").days, 0) << "kept indefinitely by default";
  EXPECT_EQ(Item(*dry, "audit_log").due, 0);
  EXPECT_EQ(s_.Value("SELECT title FROM tasks WHERE id = " + std::to_string(closed->task.id)),
            "Visit John Smith's car wash");
  EXPECT_EQ(s_.Value("SELECT COUNT(*) FROM audit_log"), audit_before) << "a dry run writes nothing";

  auto done = engine::ApplyRetention(later, model::Actor::System("test"), false);
  ASSERT_TRUE(done.ok()) << done.status().ToString();
  EXPECT_EQ(Item(*done, "closed_tasks").done, 1);
  std::string id = std::to_string(closed->task.id);
  EXPECT_EQ(s_.Value("SELECT title FROM tasks WHERE id = " + id), "[removed] task " + id);
  EXPECT_EQ(s_.Value("SELECT description FROM tasks WHERE id = " + id), "");
  EXPECT_EQ(s_.Value("SELECT status_reason FROM tasks WHERE id = " + id), "");
  EXPECT_EQ(s_.Value("SELECT COUNT(*) FROM task_events WHERE task_id = " + id + " AND reason <> ''"), "0");
  EXPECT_EQ(s_.Value("SELECT status FROM tasks WHERE id = " + id), "declined") << "the counts stay";
  EXPECT_EQ(s_.Value("SELECT title FROM tasks WHERE id = " + std::to_string(open->task.id)), "Still open");
  std::string case_id = std::to_string(c->c.id);
  EXPECT_EQ(s_.Value("SELECT label FROM divert_cases WHERE id = " + case_id), "[removed]");
  EXPECT_EQ(s_.Value("SELECT consent_note FROM divert_cases WHERE id = " + case_id), "");
  EXPECT_EQ(s_.Value("SELECT age_band FROM divert_cases WHERE id = " + case_id), "12-15");
  EXPECT_EQ(s_.Value("SELECT COUNT(*) FROM divert_notes WHERE case_id = " + case_id), "0");
  EXPECT_EQ(s_.Value("SELECT COUNT(*) FROM sessions WHERE token_hash = 'old'"), "0");
  EXPECT_EQ(s_.Value("SELECT COUNT(*) FROM email_outbox"), "0");
  EXPECT_EQ(s_.Value("SELECT COUNT(*) FROM audit_log WHERE action = 'retention'"), "5");
  EXPECT_EQ(s_.Value("SELECT detail FROM audit_log WHERE action = 'retention' AND record_type = 'closed_tasks'"),
            nlohmann::json({{"action", "anonymise"}, {"count", 1}, {"cutoff", Item(*done, "closed_tasks").cutoff},
                            {"days", 10}}).dump());
  auto verified = audit::Verify(s_.db());
  ASSERT_TRUE(verified.ok());
  EXPECT_TRUE(verified->ok()) << verified->reason;

  auto again = engine::ApplyRetention(later, model::Actor::System("test"), false);
  ASSERT_TRUE(again.ok());
  for (const auto& i : again->items) EXPECT_EQ(i.done, 0) << i.rule;
  EXPECT_EQ(s_.Value("SELECT COUNT(*) FROM audit_log WHERE action = 'retention'"), "5") << "nothing done, nothing logged";
}

TEST_P(Retention, PruningTheAuditLogKeepsAChainThatVerifiesAndCatchesTampering) {
  ASSERT_TRUE(engine::CreateTask(s_.env(), council_, Proposal("A task")).ok());
  settings_.retention_audit_log_days = 30;
  int64_t before = std::stoll(s_.Value("SELECT MAX(seq) FROM audit_log"));
  auto done = engine::ApplyRetention(Later(60), model::Actor::System("test"), false);
  ASSERT_TRUE(done.ok()) << done.status().ToString();
  EXPECT_EQ(Item(*done, "audit_log").done, before) << "every entry was older than 30 days";
  EXPECT_EQ(s_.Value("SELECT seq FROM audit_anchor"), std::to_string(before));
  EXPECT_EQ(s_.Value("SELECT MIN(seq) FROM audit_log"), std::to_string(before + 1));
  auto verified = audit::Verify(s_.db());
  ASSERT_TRUE(verified.ok());
  EXPECT_TRUE(verified->ok()) << verified->reason;
  EXPECT_EQ(verified->anchored_after, before);
  // The next entries chain on; changing one is still caught.
  ASSERT_TRUE(engine::CreateTask(s_.env(), council_, Proposal("Another task")).ok());
  ASSERT_TRUE(audit::Verify(s_.db())->ok());
  s_.db().RawForTests("UPDATE audit_log SET detail = '{}' WHERE seq = " + std::to_string(before + 1));
  auto broken = audit::Verify(s_.db());
  ASSERT_TRUE(broken.ok());
  EXPECT_EQ(broken->first_broken_seq, before + 1);
}

TEST_P(Retention, IntelligencePastReviewIsCountedNeverDeleted) {
  engine::IngestOptions intel;
  intel.owner_organisation_id = police_.organisation_id;
  ASSERT_TRUE(s_.Ingest(testing::StoreFixture::TestData("cairn_csv/intelligence.csv"), intel).ok());
  std::string records = s_.Value("SELECT COUNT(*) FROM source_records WHERE format = 'intelligence_subjects'");
  auto done = engine::ApplyRetention(Later(0), model::Actor::System("test"), false);
  ASSERT_TRUE(done.ok()) << done.status().ToString();
  // One record's review date (2025-01-10) is long past; the others carry none.
  EXPECT_EQ(Item(*done, "intelligence_review").due, 1);
  EXPECT_EQ(Item(*done, "intelligence_review").action, "review");
  EXPECT_EQ(s_.Value("SELECT COUNT(*) FROM source_records WHERE format = 'intelligence_subjects'"), records);
}

// cairn serve applies the rules once a day at [retention] run_at (UTC); started later in the day,
// it applies them at once unless it already has that day.
TEST(RetentionSchedule, RunsOnceADayFromTheSetTime) {
  auto at = [](const char* stamp) { return *ParseTimestamp(stamp); };
  EXPECT_FALSE(engine::RetentionRunDue(at("2026-03-04T01:59:00Z"), "02:00", "")) << "not yet today";
  EXPECT_TRUE(engine::RetentionRunDue(at("2026-03-04T02:00:00Z"), "02:00", ""));
  EXPECT_TRUE(engine::RetentionRunDue(at("2026-03-04T15:00:00Z"), "02:00", "")) << "started late: caught up";
  EXPECT_FALSE(engine::RetentionRunDue(at("2026-03-04T15:00:00Z"), "02:00", "2026-03-04")) << "done today";
  EXPECT_FALSE(engine::RetentionRunDue(at("2026-03-05T01:00:00Z"), "02:00", "2026-03-04"));
  EXPECT_TRUE(engine::RetentionRunDue(at("2026-03-05T02:01:00Z"), "02:00", "2026-03-04")) << "the next day";
  EXPECT_FALSE(engine::RetentionRunDue(at("2026-03-05T22:59:59Z"), "23:00", "2026-03-04"));
  EXPECT_TRUE(engine::RetentionRunDue(at("2026-03-05T23:00:00Z"), "23:00", "2026-03-04"));
}

INSTANTIATE_TEST_SUITE_P(Backends, Retention, ::testing::ValuesIn(testing::Backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cairn
