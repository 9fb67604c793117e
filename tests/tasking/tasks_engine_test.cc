// The task engine on SQLite and PostgreSQL alike: objectives seeded, the state machine with its
// history, outcomes, filters, capacity, notifications and the outbox, and nothing partial
// written when a step is refused.
#include <gtest/gtest.h>

#include "common/time.h"
#include "engine/tasks.h"
#include "seeded_store.h"
#include "taskforce/seed.h"

namespace cairn {
namespace {

class TasksEngine : public testing::SeededStoreTest {
 protected:
  void SetUp() override {
    SeededStoreTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    police_ = Member("police-scotland", "pol.one", "analyst");
    council_ = Member("scottish-government", "sg.one", "partner");
  }

  std::string InDays(int days) {
    return FormatTimestamp(s_.env().clock.Now() + std::chrono::hours(24 * days)).substr(0, 10);
  }

  engine::TaskInput Proposal() {
    engine::TaskInput in;
    in.title = "Check the car wash's licence";
    in.strand = "deter";
    in.objective = "deter-2";
    in.owner_organisation_id = *police_.organisation_id;
    in.harm = 3;
    in.likelihood = 3;
    in.confidence = 5;
    in.due_date = InDays(30);
    in.council_area = "Fife";
    return in;
  }

  model::Actor police_, council_;
};

TEST_P(TasksEngine, ObjectivesAreSeededPerStrandOnce) {
  auto objectives = engine::ListObjectives(s_.env());
  ASSERT_TRUE(objectives.ok());
  EXPECT_EQ(objectives->size(), 12u);
  EXPECT_EQ((*objectives)[0].strand_code, "divert");
  auto again = taskforce::SeedTaskforce(s_.env());
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->objectives_written, 0);
  EXPECT_EQ(engine::ListObjectives(s_.env())->size(), 12u);
}

TEST_P(TasksEngine, TheStateMachineKeepsItsHistoryAndRefusesSkippedSteps) {
  auto t = engine::CreateTask(s_.env(), council_, Proposal());
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  int64_t id = t->task.id;
  EXPECT_DOUBLE_EQ(t->task.priority, 36.0);  // 100 × 3 × 3 × 5 ÷ 125
  EXPECT_EQ(t->task.priority_band, "medium");
  for (const char* skipped : {"in_progress", "done", "blocked"}) {
    auto r = engine::ChangeTaskStatus(s_.env(), police_, id, skipped, "because");
    EXPECT_EQ(r.status().field(), "status") << skipped;
  }
  EXPECT_EQ(engine::ChangeTaskStatus(s_.env(), council_, id, "accepted", "").status().code(), StatusCode::kPermissionDenied);
  for (const char* step : {"accepted", "in_progress"})
    ASSERT_TRUE(engine::ChangeTaskStatus(s_.env(), police_, id, step, "").ok()) << step;
  EXPECT_EQ(engine::RecordTaskOutcome(s_.env(), police_, id, "cash_seized_pence", 1250000, "").status().ok(), true);
  EXPECT_EQ(engine::RecordTaskOutcome(s_.env(), police_, id, "arrests", 0, "").status().field(), "quantity");
  auto done = engine::ChangeTaskStatus(s_.env(), police_, id, "done", "");
  ASSERT_TRUE(done.ok());
  ASSERT_EQ(done->events.size(), 4u);
  EXPECT_EQ(done->events[1].from_status, "proposed");
  EXPECT_EQ(done->events[1].to_status, "accepted");
  EXPECT_EQ(done->outcomes[0].quantity, 1250000);
  EXPECT_FALSE(done->task.accepted_at.empty());
  EXPECT_TRUE(done->next.empty());
  EXPECT_EQ(s_.Value("SELECT COUNT(*) FROM task_events"), "4");
}

TEST_P(TasksEngine, OutcomesWaitUntilTheTaskIsUnderWay) {
  auto t = engine::CreateTask(s_.env(), council_, Proposal());
  ASSERT_TRUE(t.ok());
  auto early = engine::RecordTaskOutcome(s_.env(), police_, t->task.id, "arrests", 1, "");
  EXPECT_EQ(early.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(s_.Value("SELECT COUNT(*) FROM task_outcomes"), "0");
}

TEST_P(TasksEngine, FiltersAndVisibility) {
  auto a = engine::CreateTask(s_.env(), council_, Proposal());
  auto in = Proposal();
  in.strand = "divert";
  in.objective = "divert-1";
  in.owner_organisation_id = *council_.organisation_id;
  in.council_area = "Glasgow City";
  auto b = engine::CreateTask(s_.env(), police_, in);
  ASSERT_TRUE(a.ok() && b.ok());
  engine::TaskListFilter f;
  f.strand = "divert";
  auto divert = engine::ListTasks(s_.env(), police_, f);
  ASSERT_TRUE(divert.ok());
  ASSERT_EQ(divert->size(), 1u);
  EXPECT_EQ((*divert)[0].task.council_area, "Glasgow City");
  f = {};
  f.council_area = "Fife";
  EXPECT_EQ(engine::ListTasks(s_.env(), police_, f)->size(), 1u);
  f = {};
  f.owner_organisation_id = *council_.organisation_id;
  EXPECT_EQ(engine::ListTasks(s_.env(), police_, f)->size(), 1u);
  model::Actor hmrc = Member("hmrc", "hm.one", "analyst");
  EXPECT_TRUE(engine::ListTasks(s_.env(), hmrc, {})->empty());
  EXPECT_EQ(engine::ReadTask(s_.env(), hmrc, a->task.id).status().code(), StatusCode::kNotFound);
  model::Actor lead = Member("solace", "so.lead", "strand_lead");
  EXPECT_EQ(engine::ListTasks(s_.env(), lead, {})->size(), 2u);
  // A page, with the count of all: the second of two, and past the end.
  f = {};
  f.limit = 1;
  f.offset = 1;
  int64_t total = -1;
  auto second = engine::ListTasks(s_.env(), lead, f, &total);
  ASSERT_TRUE(second.ok());
  ASSERT_EQ(second->size(), 1u);
  EXPECT_EQ(total, 2);
  engine::TaskListFilter one;
  one.limit = 1;
  auto first = engine::ListTasks(s_.env(), lead, one);
  ASSERT_EQ(first->size(), 1u);
  EXPECT_NE((*first)[0].task.id, (*second)[0].task.id);
  f.offset = 5;
  EXPECT_TRUE(engine::ListTasks(s_.env(), lead, f, &total)->empty());
  EXPECT_EQ(total, 2);
}

TEST_P(TasksEngine, CapacityNotificationsAndTheOutbox) {
  ASSERT_TRUE(engine::SetOrganisationCapacity(s_.env(), police_, *police_.organisation_id, "limited").ok());
  EXPECT_EQ(engine::SetOrganisationCapacity(s_.env(), council_, *police_.organisation_id, "full").code(),
            StatusCode::kPermissionDenied);
  auto t = engine::CreateTask(s_.env(), council_, Proposal());
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->task.capacity, "limited");
  EXPECT_DOUBLE_EQ(t->task.priority, 41.4);  // 36 × 1.15
  EXPECT_EQ(t->task.priority_band, "high");
  auto mine = engine::ListNotifications(s_.env(), police_);
  ASSERT_TRUE(mine.ok());
  ASSERT_EQ(mine->size(), 1u);
  ASSERT_TRUE(engine::MarkNotificationRead(s_.env(), police_, (*mine)[0].id).ok());
  EXPECT_EQ(engine::MarkNotificationRead(s_.env(), council_, (*mine)[0].id).code(), StatusCode::kNotFound);
  auto outbox = engine::ListOutbox(s_.env(), police_);
  ASSERT_TRUE(outbox.ok());
  ASSERT_EQ(outbox->size(), 1u);
  EXPECT_EQ((*outbox)[0].to_address, "pol.one@example.org");
  EXPECT_EQ((*outbox)[0].sent_at, "");
  model::Actor colleague = Member("police-scotland", "pol.two", "analyst");
  auto assigned = engine::AssignTask(s_.env(), police_, t->task.id, *colleague.user_id);
  ASSERT_TRUE(assigned.ok()) << assigned.status().ToString();
  EXPECT_EQ(assigned->task.owner_user, "pol.two");
  EXPECT_EQ(engine::ListNotifications(s_.env(), colleague)->size(), 1u);
  EXPECT_EQ(engine::AssignTask(s_.env(), police_, t->task.id, *council_.user_id).status().field(), "user_id");
}

INSTANTIATE_TEST_SUITE_P(Backends, TasksEngine, ::testing::ValuesIn(testing::Backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cairn
