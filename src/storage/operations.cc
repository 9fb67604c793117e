#include "storage/operations.h"

#include <soci/soci.h>

namespace cairn::storage {
namespace {

int64_t CountWhere(Tx& tx, const std::string& sql) {
  int64_t n = 0;
  tx.sql() << sql, soci::into(n);
  return n;
}

}  // namespace

Result<OperationalCounts> CountOperations(Tx& tx, const std::string& today, const std::string& now,
                                          int64_t email_max_attempts) {
  OperationalCounts c;
  tx.sql() << "SELECT COUNT(*) FROM email_outbox WHERE sent_at = '' AND attempts < :m", soci::use(email_max_attempts),
      soci::into(c.email_pending);
  tx.sql() << "SELECT COUNT(*) FROM email_outbox WHERE sent_at = '' AND attempts >= :m", soci::use(email_max_attempts),
      soci::into(c.email_given_up);
  c.tasks_open = CountWhere(tx, "SELECT COUNT(*) FROM tasks WHERE status NOT IN ('done', 'declined')");
  tx.sql() << "SELECT COUNT(*) FROM tasks WHERE status NOT IN ('done', 'declined') AND due_date < :t", soci::use(today),
      soci::into(c.tasks_overdue);
  c.referrals_open = CountWhere(tx, "SELECT COUNT(*) FROM referrals WHERE status = 'open'");
  c.grant_applications_waiting =
      CountWhere(tx, "SELECT COUNT(*) FROM grant_applications WHERE status IN ('submitted', 'endorsed')");
  tx.sql() << "SELECT COUNT(*) FROM sessions WHERE expires_at > :n", soci::use(now), soci::into(c.sessions_active);
  tx.sql() << "SELECT COUNT(*), CAST(COALESCE(SUM(rows_read), 0) AS BIGINT), CAST(COALESCE(SUM(rows_loaded), 0) AS BIGINT), "
              "CAST(COALESCE(SUM(rows_unchanged), 0) AS BIGINT), CAST(COALESCE(SUM(rows_rejected), 0) AS BIGINT) "
              "FROM source_files",
      soci::into(c.ingest_files), soci::into(c.ingest_rows_read), soci::into(c.ingest_rows_loaded),
      soci::into(c.ingest_rows_unchanged), soci::into(c.ingest_rows_rejected);
  c.source_records = CountWhere(tx, "SELECT COUNT(*) FROM source_records");
  c.audit_entries = CountWhere(tx, "SELECT COUNT(*) FROM audit_log");
  return c;
}

Result<std::vector<std::pair<std::string, int64_t>>> CountTables(Tx& tx) {
  // A fixed list of names, never from input, so building the statement text is safe.
  static const char* const kTables[] = {
      "organisations", "users", "audit_log", "source_files", "source_records", "entities", "links",
      "match_decisions", "findings", "intel_reviews", "disclosures", "socg_profiles", "tenders", "referrals",
      "tasks", "meetings", "divert_cases", "self_assessments", "grant_applications", "grant_payments",
      "guidance_pages", "case_studies", "resources"};
  std::vector<std::pair<std::string, int64_t>> out;
  for (const char* table : kTables) out.emplace_back(table, CountWhere(tx, std::string("SELECT COUNT(*) FROM ") + table));
  return out;
}

}  // namespace cairn::storage
