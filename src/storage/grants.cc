#include "storage/grants.h"

#include <soci/soci.h>

#include <map>

#include "common/crypto.h"
#include "storage/internal/soci_types.h"

namespace cairn::storage {
namespace {

constexpr const char* kApplicationColumns =
    "id, reference, scheme_id, organisation_id, applicant_user_id, status, version, title, summary, amount_pence, "
    "strand_id, outcomes, starts_on, ends_on, match_funding_pence, match_funding_source, created_at, updated_at, "
    "submitted_at, endorsed_by, endorsed_at, endorsement_reason, decided_by, decided_at, decision_reason, "
    "awarded_pence, final_report, final_report_at";

void IntoApplication(soci::statement& st, ApplicationRow& a) {
  st.exchange(soci::into(a.id));
  st.exchange(soci::into(a.reference));
  st.exchange(soci::into(a.scheme_id));
  st.exchange(soci::into(a.organisation_id));
  st.exchange(soci::into(a.applicant_user_id));
  st.exchange(soci::into(a.status));
  st.exchange(soci::into(a.version));
  st.exchange(soci::into(a.title));
  st.exchange(soci::into(a.summary));
  st.exchange(soci::into(a.amount_pence));
  st.exchange(soci::into(a.strand_id));
  st.exchange(soci::into(a.outcomes));
  st.exchange(soci::into(a.starts_on));
  st.exchange(soci::into(a.ends_on));
  st.exchange(soci::into(a.match_funding_pence));
  st.exchange(soci::into(a.match_funding_source));
  st.exchange(soci::into(a.created_at));
  st.exchange(soci::into(a.updated_at));
  st.exchange(soci::into(a.submitted_at));
  st.exchange(soci::into(a.endorsed_by));
  st.exchange(soci::into(a.endorsed_at));
  st.exchange(soci::into(a.endorsement_reason));
  st.exchange(soci::into(a.decided_by));
  st.exchange(soci::into(a.decided_at));
  st.exchange(soci::into(a.decision_reason));
  st.exchange(soci::into(a.awarded_pence));
  st.exchange(soci::into(a.final_report));
  st.exchange(soci::into(a.final_report_at));
}

// Objectives and budget lines of the applications selected by `where` (on grant_applications,
// aliased g, with one bigint parameter), attached to `apps`.
void AttachDetails(Tx& tx, const std::string& where, int64_t param, std::vector<ApplicationRow>& apps) {
  std::map<int64_t, ApplicationRow*> by_id;
  for (auto& a : apps) by_id[a.id] = &a;
  int64_t app = 0, objective = 0;
  {
    int64_t p = param;
    soci::statement st = (tx.sql().prepare << "SELECT o.application_id, o.objective_id FROM grant_application_objectives o "
                                              "JOIN grant_applications g ON g.id = o.application_id " + where +
                                              " ORDER BY o.application_id, o.objective_id",
                          soci::use(p), soci::into(app), soci::into(objective));
    st.execute(false);
    while (st.fetch())
      if (by_id.count(app)) by_id[app]->objective_ids.push_back(objective);
  }
  BudgetLine line;
  int64_t p = param;
  soci::statement st = (tx.sql().prepare << "SELECT l.application_id, l.description, l.amount_pence FROM grant_budget_lines l "
                                            "JOIN grant_applications g ON g.id = l.application_id " + where +
                                            " ORDER BY l.application_id, l.position",
                        soci::use(p), soci::into(app), soci::into(line.description), soci::into(line.amount_pence));
  st.execute(false);
  while (st.fetch())
    if (by_id.count(app)) by_id[app]->lines.push_back(line);
}

std::vector<ApplicationRow> SelectApplications(Tx& tx, const std::string& where, int64_t param) {
  ApplicationRow a;
  soci::statement st(tx.sql());
  IntoApplication(st, a);
  int64_t p = param;
  st.exchange(soci::use(p));
  internal::Execute(st, std::string("SELECT ") + kApplicationColumns + " FROM grant_applications g " + where +
                            " ORDER BY g.id DESC");
  std::vector<ApplicationRow> out;
  while (st.fetch()) out.push_back(a);
  AttachDetails(tx, where, param, out);
  return out;
}

void WriteDetails(Tx& tx, const ApplicationRow& a) {
  tx.sql() << "DELETE FROM grant_application_objectives WHERE application_id = :a", soci::use(a.id);
  tx.sql() << "DELETE FROM grant_budget_lines WHERE application_id = :a", soci::use(a.id);
  for (int64_t o : a.objective_ids)
    tx.sql() << "INSERT INTO grant_application_objectives (application_id, objective_id) VALUES (:a, :o)",
        soci::use(a.id), soci::use(o);
  int64_t position = 0;
  for (const auto& l : a.lines) {
    ++position;
    tx.sql() << "INSERT INTO grant_budget_lines (application_id, position, description, amount_pence) VALUES (:a, :p, "
                ":d, :m)",
        soci::use(a.id), soci::use(position), soci::use(l.description), soci::use(l.amount_pence);
  }
}

}  // namespace

Result<int64_t> InsertScheme(Tx& tx, const SchemeRow& s) {
  int64_t n = 0;
  tx.sql() << "SELECT COUNT(*) FROM grant_schemes WHERE code = :c", soci::use(s.code), soci::into(n);
  if (n > 0) return AlreadyExists("a scheme with code " + s.code + " exists", "code");
  long long id = 0;
  tx.sql() << "INSERT INTO grant_schemes (code, title, description, funder_organisation_id, budget_pence, "
              "max_grant_pence, opens_on, closes_on, created_by, created_at) VALUES (:c, :t, :d, :f, :b, :m, :o, :cl, "
              ":by, :at) RETURNING id",
      soci::use(s.code), soci::use(s.title), soci::use(s.description), soci::use(s.funder_organisation_id),
      soci::use(s.budget_pence), soci::use(s.max_grant_pence), soci::use(s.opens_on), soci::use(s.closes_on),
      soci::use(s.created_by), soci::use(s.created_at), soci::into(id);
  int64_t scheme = id;
  for (int64_t strand : s.strand_ids)
    tx.sql() << "INSERT INTO grant_scheme_strands (scheme_id, strand_id) VALUES (:s, :t)", soci::use(scheme),
        soci::use(strand);
  for (int64_t objective : s.objective_ids)
    tx.sql() << "INSERT INTO grant_scheme_objectives (scheme_id, objective_id) VALUES (:s, :o)", soci::use(scheme),
        soci::use(objective);
  return scheme;
}

Result<std::vector<SchemeRow>> ListSchemes(Tx& tx) {
  SchemeRow s;
  soci::statement st = (tx.sql().prepare << "SELECT id, code, title, description, funder_organisation_id, budget_pence, "
                                            "max_grant_pence, opens_on, closes_on, created_by, created_at FROM "
                                            "grant_schemes ORDER BY opens_on DESC, id DESC",
                        soci::into(s.id), soci::into(s.code), soci::into(s.title), soci::into(s.description),
                        soci::into(s.funder_organisation_id), soci::into(s.budget_pence), soci::into(s.max_grant_pence),
                        soci::into(s.opens_on), soci::into(s.closes_on), soci::into(s.created_by),
                        soci::into(s.created_at));
  st.execute(false);
  std::vector<SchemeRow> out;
  while (st.fetch()) out.push_back(s);
  std::map<int64_t, SchemeRow*> by_id;
  for (auto& x : out) by_id[x.id] = &x;
  int64_t scheme = 0, ref = 0;
  soci::statement strands = (tx.sql().prepare << "SELECT scheme_id, strand_id FROM grant_scheme_strands ORDER BY strand_id",
                             soci::into(scheme), soci::into(ref));
  strands.execute(false);
  while (strands.fetch())
    if (by_id.count(scheme)) by_id[scheme]->strand_ids.push_back(ref);
  soci::statement objectives =
      (tx.sql().prepare << "SELECT scheme_id, objective_id FROM grant_scheme_objectives ORDER BY objective_id",
       soci::into(scheme), soci::into(ref));
  objectives.execute(false);
  while (objectives.fetch())
    if (by_id.count(scheme)) by_id[scheme]->objective_ids.push_back(ref);
  return out;
}

Result<SchemeRow> GetScheme(Tx& tx, int64_t id) {
  CAIRN_ASSIGN_OR_RETURN(auto all, ListSchemes(tx));
  for (auto& s : all)
    if (s.id == id) return s;
  return NotFound("no grant scheme with id " + std::to_string(id));
}

Status LockScheme(Tx& tx, int64_t id) {
  if (tx.backend() != Backend::kPostgres) return Status::Ok();
  int64_t found = 0;
  soci::indicator ind = soci::i_null;
  tx.sql() << "SELECT id FROM grant_schemes WHERE id = :id FOR UPDATE", soci::use(id), soci::into(found, ind);
  if (ind != soci::i_ok) return NotFound("no grant scheme with id " + std::to_string(id));
  return Status::Ok();
}

Result<int64_t> InsertApplication(Tx& tx, const ApplicationRow& a, const std::string& prefix) {
  ApplicationRow r = a;
  r.reference = "pending-" + RandomToken();
  long long id = 0;
  tx.sql() << "INSERT INTO grant_applications (reference, scheme_id, organisation_id, applicant_user_id, status, version, "
              "title, summary, amount_pence, strand_id, outcomes, starts_on, ends_on, match_funding_pence, "
              "match_funding_source, created_at, updated_at, submitted_at, endorsed_by, endorsed_at, "
              "endorsement_reason, decided_by, decided_at, decision_reason, awarded_pence, final_report, "
              "final_report_at) VALUES (:r, :s, :o, :u, :st, :v, :t, :su, :am, :sd, :oc, :so, :eo, :mf, :ms, :ca, :ua, "
              ":sa, :eb, :ea, :er, :db, :da, :dr, :aw, :fr, :fa) RETURNING id",
      soci::use(r.reference), soci::use(r.scheme_id), soci::use(r.organisation_id), soci::use(r.applicant_user_id),
      soci::use(r.status), soci::use(r.version), soci::use(r.title), soci::use(r.summary), soci::use(r.amount_pence),
      soci::use(r.strand_id), soci::use(r.outcomes), soci::use(r.starts_on), soci::use(r.ends_on),
      soci::use(r.match_funding_pence), soci::use(r.match_funding_source), soci::use(r.created_at),
      soci::use(r.updated_at), soci::use(r.submitted_at), soci::use(r.endorsed_by), soci::use(r.endorsed_at),
      soci::use(r.endorsement_reason), soci::use(r.decided_by), soci::use(r.decided_at), soci::use(r.decision_reason),
      soci::use(r.awarded_pence), soci::use(r.final_report), soci::use(r.final_report_at), soci::into(id);
  r.id = id;
  std::string number = std::to_string(r.id);
  if (number.size() < 4) number.insert(0, 4 - number.size(), '0');
  std::string reference = prefix + number;
  tx.sql() << "UPDATE grant_applications SET reference = :r WHERE id = :id", soci::use(reference), soci::use(r.id);
  WriteDetails(tx, r);
  return r.id;
}

Status UpdateApplication(Tx& tx, const ApplicationRow& a) {
  tx.sql() << "UPDATE grant_applications SET status = :st, version = :v, title = :t, summary = :su, amount_pence = :am, "
              "strand_id = :sd, outcomes = :oc, starts_on = :so, ends_on = :eo, match_funding_pence = :mf, "
              "match_funding_source = :ms, updated_at = :ua, submitted_at = :sa, endorsed_by = :eb, endorsed_at = :ea, "
              "endorsement_reason = :er, decided_by = :db, decided_at = :da, decision_reason = :dr, awarded_pence = "
              ":aw, final_report = :fr, final_report_at = :fa WHERE id = :id",
      soci::use(a.status), soci::use(a.version), soci::use(a.title), soci::use(a.summary), soci::use(a.amount_pence),
      soci::use(a.strand_id), soci::use(a.outcomes), soci::use(a.starts_on), soci::use(a.ends_on),
      soci::use(a.match_funding_pence), soci::use(a.match_funding_source), soci::use(a.updated_at),
      soci::use(a.submitted_at), soci::use(a.endorsed_by), soci::use(a.endorsed_at), soci::use(a.endorsement_reason),
      soci::use(a.decided_by), soci::use(a.decided_at), soci::use(a.decision_reason), soci::use(a.awarded_pence),
      soci::use(a.final_report), soci::use(a.final_report_at), soci::use(a.id);
  WriteDetails(tx, a);
  return Status::Ok();
}

Result<ApplicationRow> GetApplication(Tx& tx, int64_t id) {
  auto rows = SelectApplications(tx, "WHERE g.id = :id", id);
  if (rows.empty()) return NotFound("no grant application with id " + std::to_string(id));
  return rows.front();
}

Result<std::vector<ApplicationRow>> ListApplications(Tx& tx, int64_t scheme_id) {
  if (scheme_id == 0) return SelectApplications(tx, "WHERE g.scheme_id > :s", 0);
  return SelectApplications(tx, "WHERE g.scheme_id = :s", scheme_id);
}

Result<int64_t> CommittedPence(Tx& tx, int64_t scheme_id) {
  int64_t sum = 0;
  soci::indicator ind = soci::i_null;
  tx.sql() << "SELECT SUM(awarded_pence) FROM grant_applications WHERE scheme_id = :s AND status IN ('approved', "
              "'completed')",
      soci::use(scheme_id), soci::into(sum, ind);
  return ind == soci::i_ok ? sum : 0;
}

Status InsertVersion(Tx& tx, const VersionRow& v) {
  tx.sql() << "INSERT INTO grant_application_versions (application_id, version, submitted_by, submitted_at, content) "
              "VALUES (:a, :v, :by, :at, :c)",
      soci::use(v.application_id), soci::use(v.version), soci::use(v.submitted_by), soci::use(v.submitted_at),
      soci::use(v.content);
  return Status::Ok();
}

Result<std::vector<VersionRow>> ListVersions(Tx& tx, int64_t application_id) {
  VersionRow v;
  soci::statement st = (tx.sql().prepare << "SELECT application_id, version, submitted_by, submitted_at, content FROM "
                                            "grant_application_versions WHERE application_id = :a ORDER BY version",
                        soci::use(application_id), soci::into(v.application_id), soci::into(v.version),
                        soci::into(v.submitted_by), soci::into(v.submitted_at), soci::into(v.content));
  st.execute(false);
  std::vector<VersionRow> out;
  while (st.fetch()) out.push_back(v);
  return out;
}

Status InsertPayment(Tx& tx, const PaymentRow& p) {
  tx.sql() << "INSERT INTO grant_payments (application_id, amount_pence, paid_on, reference, recorded_by, recorded_at) "
              "VALUES (:a, :m, :on, :r, :by, :at)",
      soci::use(p.application_id), soci::use(p.amount_pence), soci::use(p.paid_on), soci::use(p.reference),
      soci::use(p.recorded_by), soci::use(p.recorded_at);
  return Status::Ok();
}

Result<std::vector<PaymentRow>> ListPayments(Tx& tx, int64_t scheme_id, int64_t application_id) {
  PaymentRow p;
  int64_t s1 = scheme_id, a1 = application_id, a2 = application_id;
  soci::statement st = (tx.sql().prepare << "SELECT p.id, p.application_id, p.amount_pence, p.paid_on, p.reference, "
                                            "p.recorded_by, p.recorded_at FROM grant_payments p JOIN grant_applications "
                                            "g ON g.id = p.application_id WHERE (g.scheme_id = :s AND :a = 0) OR "
                                            "p.application_id = :a2 ORDER BY p.paid_on, p.id",
                        soci::use(s1), soci::use(a1), soci::use(a2), soci::into(p.id), soci::into(p.application_id),
                        soci::into(p.amount_pence), soci::into(p.paid_on), soci::into(p.reference),
                        soci::into(p.recorded_by), soci::into(p.recorded_at));
  st.execute(false);
  std::vector<PaymentRow> out;
  while (st.fetch()) out.push_back(p);
  return out;
}

Status InsertEvaluation(Tx& tx, const EvaluationRow& e) {
  tx.sql() << "INSERT INTO grant_evaluations (application_id, note, author_user_id, created_at) VALUES (:a, :n, :by, :at)",
      soci::use(e.application_id), soci::use(e.note), soci::use(e.author_user_id), soci::use(e.created_at);
  return Status::Ok();
}

Result<std::vector<EvaluationRow>> ListEvaluations(Tx& tx, int64_t application_id) {
  EvaluationRow e;
  soci::statement st = (tx.sql().prepare << "SELECT id, application_id, note, author_user_id, created_at FROM "
                                            "grant_evaluations WHERE application_id = :a ORDER BY id",
                        soci::use(application_id), soci::into(e.id), soci::into(e.application_id), soci::into(e.note),
                        soci::into(e.author_user_id), soci::into(e.created_at));
  st.execute(false);
  std::vector<EvaluationRow> out;
  while (st.fetch()) out.push_back(e);
  return out;
}

}  // namespace cairn::storage
