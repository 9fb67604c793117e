// The grant scheme's tables (migration 0018). All within a lent Tx. Money in pence.
#pragma once

#include <string>
#include <vector>

#include "common/status.h"
#include "storage/database.h"

namespace cairn::storage {

struct SchemeRow {
  int64_t id = 0;
  std::string code, title, description;
  int64_t funder_organisation_id = 0, budget_pence = 0, max_grant_pence = 0;
  std::string opens_on, closes_on;
  int64_t created_by = 0;
  std::string created_at;
  std::vector<int64_t> strand_ids, objective_ids;
};
// AlreadyExists("code") if the code is taken. Returns the id.
Result<int64_t> InsertScheme(Tx& tx, const SchemeRow& s);
Result<std::vector<SchemeRow>> ListSchemes(Tx& tx);
// NotFound if absent.
Result<SchemeRow> GetScheme(Tx& tx, int64_t id);
// Serialises every writer that moves the scheme's money (awards, payments) until the end of the
// transaction: PostgreSQL locks the scheme's row; SQLite's BEGIN IMMEDIATE already serialises
// writers. NotFound if absent.
Status LockScheme(Tx& tx, int64_t id);

struct BudgetLine {
  std::string description;
  int64_t amount_pence = 0;
};

struct ApplicationRow {
  int64_t id = 0;
  std::string reference;
  int64_t scheme_id = 0, organisation_id = 0, applicant_user_id = 0;
  std::string status;
  int64_t version = 0;
  std::string title, summary;
  int64_t amount_pence = 0, strand_id = 0;
  std::string outcomes, starts_on, ends_on;
  int64_t match_funding_pence = 0;
  std::string match_funding_source, created_at, updated_at, submitted_at;
  int64_t endorsed_by = 0;
  std::string endorsed_at, endorsement_reason;
  int64_t decided_by = 0;
  std::string decided_at, decision_reason;
  int64_t awarded_pence = 0;
  std::string final_report, final_report_at;
  std::vector<int64_t> objective_ids;
  std::vector<BudgetLine> lines;
};
// Inserts the application with its objectives and lines; sets its reference from its id
// (`prefix` then the id, zero-padded to four digits). Returns the id.
Result<int64_t> InsertApplication(Tx& tx, const ApplicationRow& a, const std::string& prefix);
// Overwrites every field but id, reference, scheme, organisation, applicant and created_at, and
// replaces the objectives and lines.
Status UpdateApplication(Tx& tx, const ApplicationRow& a);
// NotFound if absent.
Result<ApplicationRow> GetApplication(Tx& tx, int64_t id);
// `scheme_id` 0 = every scheme's. Newest first.
Result<std::vector<ApplicationRow>> ListApplications(Tx& tx, int64_t scheme_id);
// The sum of the awards (approved or completed applications) in a scheme.
Result<int64_t> CommittedPence(Tx& tx, int64_t scheme_id);

struct VersionRow {
  int64_t application_id = 0, version = 0, submitted_by = 0;
  std::string submitted_at, content;
};
Status InsertVersion(Tx& tx, const VersionRow& v);
Result<std::vector<VersionRow>> ListVersions(Tx& tx, int64_t application_id);

struct PaymentRow {
  int64_t id = 0, application_id = 0, amount_pence = 0;
  std::string paid_on, reference;
  int64_t recorded_by = 0;
  std::string recorded_at;
};
Status InsertPayment(Tx& tx, const PaymentRow& p);
// The payments of one application (`application_id`), or of every application of a scheme
// (`application_id` 0). Oldest first.
Result<std::vector<PaymentRow>> ListPayments(Tx& tx, int64_t scheme_id, int64_t application_id);

struct EvaluationRow {
  int64_t id = 0, application_id = 0;
  std::string note;
  int64_t author_user_id = 0;
  std::string created_at;
};
Status InsertEvaluation(Tx& tx, const EvaluationRow& e);
Result<std::vector<EvaluationRow>> ListEvaluations(Tx& tx, int64_t application_id);

}  // namespace cairn::storage
