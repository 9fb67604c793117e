#include "storage/self_assessment.h"

#include <soci/soci.h>

namespace cairn::storage {
namespace {

constexpr char kAssessment[] =
    "SELECT a.id, a.organisation_id, a.group_name, a.answers, a.scores, a.completed_by, a.completed_at, o.name "
    "FROM self_assessments a JOIN organisations o ON o.id = a.organisation_id ";
constexpr char kAction[] =
    "SELECT p.id, p.assessment_id, p.question_code, p.text, p.owner, p.resources, p.due_date, p.rag, p.status, "
    "p.objective_id, p.updated_at, ob.code FROM plan_actions p JOIN objectives ob ON ob.id = p.objective_id ";

soci::statement Assessments(Tx& tx, const std::string& where, int64_t& k1, int64_t& k2, AssessmentRow& a) {
  return (tx.sql().prepare << std::string(kAssessment) + where, soci::use(k1), soci::use(k2), soci::into(a.id),
          soci::into(a.organisation_id), soci::into(a.group_name), soci::into(a.answers), soci::into(a.scores),
          soci::into(a.completed_by), soci::into(a.completed_at), soci::into(a.organisation));
}

soci::statement Actions(Tx& tx, const std::string& where, int64_t& key, PlanActionRow& p) {
  return (tx.sql().prepare << std::string(kAction) + where, soci::use(key), soci::into(p.id), soci::into(p.assessment_id),
          soci::into(p.question_code), soci::into(p.text), soci::into(p.owner), soci::into(p.resources),
          soci::into(p.due_date), soci::into(p.rag), soci::into(p.status), soci::into(p.objective_id),
          soci::into(p.updated_at), soci::into(p.objective_code));
}

}  // namespace

Result<int64_t> InsertAssessment(Tx& tx, const AssessmentRow& a) {
  int64_t id = 0;
  tx.sql() << "INSERT INTO self_assessments (organisation_id, group_name, answers, scores, completed_by, completed_at) "
              "VALUES (:o, :g, :a, :s, :by, :at) RETURNING id",
      soci::use(a.organisation_id), soci::use(a.group_name), soci::use(a.answers), soci::use(a.scores),
      soci::use(a.completed_by), soci::use(a.completed_at), soci::into(id);
  return id;
}

Result<std::optional<AssessmentRow>> GetAssessment(Tx& tx, int64_t id) {
  AssessmentRow a;
  int64_t key = id, again = id;  // the statement binds two values; the id serves for both
  soci::statement st = Assessments(tx, "WHERE a.id = :id AND a.id = :id2", key, again, a);
  st.execute(false);
  if (!st.fetch()) return std::optional<AssessmentRow>();
  return std::optional<AssessmentRow>(a);
}

Result<std::vector<AssessmentRow>> ListAssessments(Tx& tx, int64_t organisation_id) {
  AssessmentRow a;
  int64_t key = organisation_id, again = organisation_id;
  soci::statement st =
      Assessments(tx, "WHERE :o = 0 OR a.organisation_id = :o2 ORDER BY a.completed_at DESC, a.id DESC", key, again, a);
  st.execute(false);
  std::vector<AssessmentRow> out;
  while (st.fetch()) out.push_back(a);
  return out;
}

Result<int64_t> InsertPlanAction(Tx& tx, const PlanActionRow& a) {
  int64_t id = 0;
  tx.sql() << "INSERT INTO plan_actions (assessment_id, question_code, text, owner, resources, due_date, rag, status, "
              "objective_id, updated_at) VALUES (:a, :q, :t, :o, :r, :d, :rag, :s, :ob, :u) RETURNING id",
      soci::use(a.assessment_id), soci::use(a.question_code), soci::use(a.text), soci::use(a.owner),
      soci::use(a.resources), soci::use(a.due_date), soci::use(a.rag), soci::use(a.status), soci::use(a.objective_id),
      soci::use(a.updated_at), soci::into(id);
  return id;
}

Status UpdatePlanAction(Tx& tx, const PlanActionRow& a) {
  tx.sql() << "UPDATE plan_actions SET owner = :o, resources = :r, due_date = :d, rag = :rag, status = :s, "
              "updated_at = :u WHERE id = :id",
      soci::use(a.owner), soci::use(a.resources), soci::use(a.due_date), soci::use(a.rag), soci::use(a.status),
      soci::use(a.updated_at), soci::use(a.id);
  return Status::Ok();
}

Result<std::optional<PlanActionRow>> GetPlanAction(Tx& tx, int64_t id) {
  PlanActionRow p;
  int64_t key = id;
  soci::statement st = Actions(tx, "WHERE p.id = :id", key, p);
  st.execute(false);
  if (!st.fetch()) return std::optional<PlanActionRow>();
  return std::optional<PlanActionRow>(p);
}

Result<std::vector<PlanActionRow>> PlanActionsOf(Tx& tx, int64_t assessment_id) {
  PlanActionRow p;
  int64_t key = assessment_id;
  soci::statement st = Actions(tx, "WHERE p.assessment_id = :a ORDER BY p.id", key, p);
  st.execute(false);
  std::vector<PlanActionRow> out;
  while (st.fetch()) out.push_back(p);
  return out;
}

Result<std::map<int64_t, std::pair<int64_t, int64_t>>> PlanActionCountsByObjective(Tx& tx) {
  int64_t objective = 0;
  std::string status;
  soci::statement st = (tx.sql().prepare << "SELECT objective_id, status FROM plan_actions", soci::into(objective),
                        soci::into(status));
  st.execute(false);
  std::map<int64_t, std::pair<int64_t, int64_t>> out;
  while (st.fetch()) (status == "done" ? out[objective].second : out[objective].first) += 1;
  return out;
}

Status InsertPlanReview(Tx& tx, const PlanReviewRow& r) {
  tx.sql() << "INSERT INTO plan_action_reviews (action_id, at, user_id, rag, status, note) VALUES (:a, :at, :u, :rag, "
              ":s, :n)",
      soci::use(r.action_id), soci::use(r.at), soci::use(r.user_id), soci::use(r.rag), soci::use(r.status),
      soci::use(r.note);
  return Status::Ok();
}

Result<std::vector<PlanReviewRow>> PlanReviewsOf(Tx& tx, int64_t action_id) {
  PlanReviewRow r;
  soci::statement st = (tx.sql().prepare << "SELECT r.id, r.action_id, r.at, r.user_id, r.rag, r.status, r.note, "
                                             "u.display_name FROM plan_action_reviews r JOIN users u ON u.id = r.user_id "
                                             "WHERE r.action_id = :a ORDER BY r.id",
                        soci::use(action_id), soci::into(r.id), soci::into(r.action_id), soci::into(r.at),
                        soci::into(r.user_id), soci::into(r.rag), soci::into(r.status), soci::into(r.note),
                        soci::into(r.user));
  st.execute(false);
  std::vector<PlanReviewRow> out;
  while (st.fetch()) out.push_back(r);
  return out;
}

}  // namespace cairn::storage
