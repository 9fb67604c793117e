// The SOC self-assessment on SQLite and PostgreSQL alike: scores by theme, an action plan from
// the weak answers linked to objectives, reviews kept over time, an organisation's own only, and
// the plan's items counted on the strategy page.
#include <gtest/gtest.h>

#include "engine/self_assessment.h"
#include "engine/strategy.h"
#include "seeded_store.h"

namespace cairn {
namespace {

class SelfAssessment : public testing::SeededStoreTest {
 protected:
  void SetUp() override {
    SeededStoreTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    fife_ = Member("fife", "fife.officer", "partner");
    other_ = Member("renfrewshire", "renfrew.officer", "partner");
    secretariat_ = Member("scottish-government", "sg.officer", "secretariat");
  }

  // Everything yes, except procurement: one no and one partly.
  std::map<std::string, int64_t> Answers() {
    std::map<std::string, int64_t> a;
    for (const auto& q : engine::DefaultChecklist().questions) a[q.code] = 2;
    a["proc-1"] = 0;
    a["proc-2"] = 1;
    return a;
  }

  model::Actor fife_, other_, secretariat_;
};

TEST_P(SelfAssessment, ScoresByThemeAndPlansTheWeakAnswers) {
  auto v = engine::SubmitAssessment(s_.env(), fife_, "Integrity Group", Answers());
  ASSERT_TRUE(v.ok()) << v.status().ToString();
  EXPECT_DOUBLE_EQ(v->scores["governance"], 1.0);
  EXPECT_DOUBLE_EQ(v->scores["procurement"], 0.5) << "(0 + 1 + 2) ÷ 6";
  ASSERT_EQ(v->plan.size(), 2u);
  EXPECT_EQ(v->plan[0].action.question_code, "proc-1");
  EXPECT_EQ(v->plan[0].action.rag, "red");
  EXPECT_EQ(v->plan[1].action.rag, "amber");
  EXPECT_EQ(v->plan[0].action.objective_code, "deter-1");
  EXPECT_EQ(v->assessment.group_name, "Integrity Group");

  engine::PlanActionChange c;
  c.owner = "Head of Procurement";
  c.rag = "green";
  c.status = "done";
  c.note = "Declaration added to the standard tender pack";
  auto reviewed = engine::ReviewPlanAction(s_.env(), fife_, v->plan[0].action.id, c);
  ASSERT_TRUE(reviewed.ok()) << reviewed.status().ToString();
  EXPECT_EQ(reviewed->plan[0].action.rag, "green");
  ASSERT_EQ(reviewed->plan[0].reviews.size(), 1u);
  EXPECT_EQ(reviewed->plan[0].reviews[0].note, "Declaration added to the standard tender pack");
  c.rag = "purple";
  EXPECT_EQ(engine::ReviewPlanAction(s_.env(), fife_, v->plan[0].action.id, c).status().field(), "rag");
  c.rag = "amber";
  c.note = "";
  EXPECT_EQ(engine::ReviewPlanAction(s_.env(), fife_, v->plan[0].action.id, c).status().field(), "note");

  auto p = engine::BuildStrategyProgress(s_.env(), "2000-01-01", "2100-01-01");
  ASSERT_TRUE(p.ok());
  const auto& deter1 = p->strands[1].objectives[0];
  EXPECT_EQ(deter1.code, "deter-1");
  EXPECT_EQ(deter1.plan_actions_open, 1);
  EXPECT_EQ(deter1.plan_actions_done, 1);
}

TEST_P(SelfAssessment, EveryQuestionIsAnsweredAndAnOrganisationsPlanIsItsOwn) {
  auto a = Answers();
  a.erase("gov-1");
  EXPECT_EQ(engine::SubmitAssessment(s_.env(), fife_, "", a).status().field(), "answers.gov-1");
  a = Answers();
  a["gov-1"] = 3;
  EXPECT_EQ(engine::SubmitAssessment(s_.env(), fife_, "", a).status().field(), "answers.gov-1");
  a = Answers();
  a["made-up"] = 1;
  EXPECT_EQ(engine::SubmitAssessment(s_.env(), fife_, "", a).status().field(), "answers.made-up");
  EXPECT_EQ(s_.Value("SELECT COUNT(*) FROM self_assessments"), "0");

  auto v = engine::SubmitAssessment(s_.env(), fife_, "", Answers());
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(engine::ReadAssessment(s_.env(), other_, v->assessment.id).status().code(), StatusCode::kNotFound);
  EXPECT_TRUE(engine::ListAssessments(s_.env(), other_)->empty());
  auto seen = engine::ReadAssessment(s_.env(), secretariat_, v->assessment.id);
  ASSERT_TRUE(seen.ok()) << "the secretariat follows every organisation's plan";
  EXPECT_FALSE(seen->can_edit);
  engine::PlanActionChange c;
  c.rag = "green";
  c.note = "Not ours to say";
  EXPECT_EQ(engine::ReviewPlanAction(s_.env(), secretariat_, v->plan[0].action.id, c).status().code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(engine::ListAssessments(s_.env(), secretariat_)->size(), 1u);
}

TEST(SelfAssessmentChecklist, TheDefaultParsesAndErrorsNameTheLine) {
  EXPECT_EQ(engine::DefaultChecklist().themes.size(), 6u);
  EXPECT_EQ(engine::DefaultChecklist().questions.size(), 12u);
  auto bad = engine::ParseChecklist(
      "[[theme]]\ncode = \"a\"\ntitle = \"A\"\n\n[[question]]\ncode = \"q\"\ntheme = \"b\"\ntext = \"t\"\n"
      "action = \"x\"\nobjective = \"deter-1\"\n",
      "c.toml");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("c.toml line 5"), std::string::npos) << bad.status().message();
  EXPECT_NE(bad.status().message().find("unknown theme 'b'"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, SelfAssessment, ::testing::ValuesIn(testing::Backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cairn
