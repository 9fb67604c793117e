#include "storage/training.h"

#include <soci/soci.h>

namespace cairn::storage {

Result<std::vector<CourseRow>> ListCourses(Tx& tx) {
  CourseRow c;
  soci::statement st = (tx.sql().prepare << "SELECT id, code, title, audience, provider, objective_id, created_at FROM "
                                             "courses ORDER BY title",
                        soci::into(c.id), soci::into(c.code), soci::into(c.title), soci::into(c.audience),
                        soci::into(c.provider), soci::into(c.objective_id), soci::into(c.created_at));
  st.execute(false);
  std::vector<CourseRow> out;
  while (st.fetch()) out.push_back(c);
  return out;
}

Result<bool> InsertCourseIfNew(Tx& tx, const CourseRow& c) {
  int64_t n = 0;
  tx.sql() << "SELECT COUNT(*) FROM courses WHERE code = :c", soci::use(c.code), soci::into(n);
  if (n > 0) return false;
  tx.sql() << "INSERT INTO courses (code, title, audience, provider, objective_id, created_at) VALUES (:c, :t, :a, :p, "
              ":o, :at)",
      soci::use(c.code), soci::use(c.title), soci::use(c.audience), soci::use(c.provider), soci::use(c.objective_id),
      soci::use(c.created_at);
  return true;
}

Status InsertCompletion(Tx& tx, const CompletionRow& c) {
  tx.sql() << "INSERT INTO course_completions (course_id, organisation_id, person, completed_on, recorded_by, recorded_at) "
              "VALUES (:c, :o, :p, :d, :by, :at)",
      soci::use(c.course_id), soci::use(c.organisation_id), soci::use(c.person), soci::use(c.completed_on),
      soci::use(c.recorded_by), soci::use(c.recorded_at);
  return Status::Ok();
}

Result<std::vector<CompletionRow>> ListCompletions(Tx& tx, int64_t organisation_id) {
  CompletionRow c;
  int64_t a = organisation_id, b = organisation_id;
  soci::statement st = (tx.sql().prepare << "SELECT id, course_id, organisation_id, person, completed_on, recorded_by, "
                                             "recorded_at FROM course_completions WHERE :o = 0 OR organisation_id = :o2 "
                                             "ORDER BY completed_on DESC, id DESC",
                        soci::use(a), soci::use(b), soci::into(c.id), soci::into(c.course_id),
                        soci::into(c.organisation_id), soci::into(c.person), soci::into(c.completed_on),
                        soci::into(c.recorded_by), soci::into(c.recorded_at));
  st.execute(false);
  std::vector<CompletionRow> out;
  while (st.fetch()) out.push_back(c);
  return out;
}

Status PutScope(Tx& tx, const ScopeRow& s, const std::string& at) {
  tx.sql() << "INSERT INTO training_scope (organisation_id, course_id, staff_in_scope, updated_at) VALUES (:o, :c, :n, :at) "
              "ON CONFLICT (organisation_id, course_id) DO UPDATE SET staff_in_scope = excluded.staff_in_scope, "
              "updated_at = excluded.updated_at",
      soci::use(s.organisation_id), soci::use(s.course_id), soci::use(s.staff_in_scope), soci::use(at);
  return Status::Ok();
}

Result<std::vector<ScopeRow>> ListScopes(Tx& tx) {
  ScopeRow s;
  soci::statement st = (tx.sql().prepare << "SELECT organisation_id, course_id, staff_in_scope FROM training_scope",
                        soci::into(s.organisation_id), soci::into(s.course_id), soci::into(s.staff_in_scope));
  st.execute(false);
  std::vector<ScopeRow> out;
  while (st.fetch()) out.push_back(s);
  return out;
}

}  // namespace cairn::storage
