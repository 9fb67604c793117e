#include <cstdlib>

#include "api/handlers/handlers.h"
#include "api/metrics.h"
#include "common/crypto.h"
#include "common/memory.h"
#include "common/version.h"
#include "embedded/embedded.h"
#include "engine/intelligence.h"
#include "engine/operations.h"
#include "engine/retention.h"

namespace cairn::api::handlers {
namespace {

const auto kProcessStart = std::chrono::system_clock::now();

bool IsLoopback(const std::string& address) {
  return address.rfind("127.", 0) == 0 || address == "::1" || address.rfind("::ffff:127.", 0) == 0;
}

// Metrics are for the operator's monitoring, not for users: a bearer token from the environment
// when [metrics] token_env is set, else only a caller on this host that did not come through a
// proxy (a proxy adds X-Forwarded-For, and would otherwise make every caller look local).
Status CheckMetricsCaller(const Request& req) {
  const std::string& env_name = req.env.settings.metrics_token_env;
  if (!env_name.empty()) {
    const char* token = std::getenv(env_name.c_str());
    if (token == nullptr || *token == '\0') {
      return PermissionDenied("metrics need a token, and the variable " + env_name + " that holds it is not set");
    }
    if (!ConstantTimeEquals(req.http.get_header_value("Authorization"), std::string("Bearer ") + token)) {
      return PermissionDenied("metrics need the Authorization: Bearer token");
    }
    return Status::Ok();
  }
  if (!IsLoopback(req.http.remote_addr) || req.http.has_header("X-Forwarded-For")) {
    return PermissionDenied("metrics are answered only on this host unless [metrics] token_env is set");
  }
  return Status::Ok();
}

void Gauge(std::string* out, const char* name, const char* help, double value) {
  AppendHeader(out, name, "gauge", help);
  AppendSample(out, name, {}, value);
}

}  // namespace

Result<Reply> Health(Request& req) {
  // Reports the store as reachable only if a query succeeds, so a load balancer can act on it.
  auto version = req.env.db.SchemaVersion();
  nlohmann::json body = {
      {"status", version.ok() ? "ok" : "degraded"},
      {"version", kVersion},
      {"database", req.env.db.backend() == storage::Backend::kSqlite ? "sqlite" : "postgresql"}};
  if (version.ok()) body["schema_version"] = *version;
  return Reply{version.ok() ? 200 : 503, body, {}};
}

Result<Reply> Ready(Request& req) {
  // Ready to take traffic: the store answers and carries every migration this binary expects
  // (a server started against an older schema by mistake is not ready).
  auto version = req.env.db.SchemaVersion();
  int expected = storage::Database::LatestSchemaVersion();
  nlohmann::json body = {{"expected_schema_version", expected}};
  if (!version.ok()) {
    body["status"] = "not_ready";
    body["reason"] = "the database cannot be read";
    return Reply{503, body, {}};
  }
  body["schema_version"] = *version;
  if (*version != expected) {
    body["status"] = "not_ready";
    body["reason"] = "the database schema is at version " + std::to_string(*version) + ", this server needs " +
                     std::to_string(expected);
    return Reply{503, body, {}};
  }
  body["status"] = "ready";
  return Reply{200, body, {}};
}

Result<Reply> Metrics(Request& req) {
  CAIRN_RETURN_IF_ERROR(CheckMetricsCaller(req));
  std::string out;
  AppendHeader(&out, "cairn_build_info", "gauge", "The running version of Cairn.");
  AppendSample(&out, "cairn_build_info", {{"version", kVersion}}, 1);
  Gauge(&out, "process_start_time_seconds", "When the process started, in seconds since the Unix epoch.",
        double(std::chrono::duration_cast<std::chrono::seconds>(kProcessStart.time_since_epoch()).count()));
  Gauge(&out, "process_resident_memory_bytes", "Resident memory of the process.", double(ResidentBytes()));
  HttpMetrics::Global().Render(&out);
  auto counts = engine::ReadOperationalCounts(req.env);
  Gauge(&out, "cairn_database_up", "1 if the store answered the queue queries below.", counts.ok() ? 1 : 0);
  if (counts.ok()) {
    const storage::OperationalCounts& c = *counts;
    Gauge(&out, "cairn_email_outbox_pending", "Emails waiting to be sent.", double(c.email_pending));
    Gauge(&out, "cairn_email_outbox_failed", "Emails left unsent after the last allowed attempt.", double(c.email_given_up));
    Gauge(&out, "cairn_tasks_open", "Tasks neither done nor declined.", double(c.tasks_open));
    Gauge(&out, "cairn_tasks_overdue", "Open tasks past their due date.", double(c.tasks_overdue));
    Gauge(&out, "cairn_screening_referrals_open", "Bidder referrals waiting for the SPOC.", double(c.referrals_open));
    Gauge(&out, "cairn_grant_applications_waiting", "Grant applications submitted or endorsed, not yet decided.",
          double(c.grant_applications_waiting));
    Gauge(&out, "cairn_sessions_active", "Signed-in sessions not yet expired.", double(c.sessions_active));
    Gauge(&out, "cairn_ingest_files", "Files ingested into the store.", double(c.ingest_files));
    AppendHeader(&out, "cairn_ingest_rows", "gauge", "Rows of ingested files, by what happened to them.");
    AppendSample(&out, "cairn_ingest_rows", {{"outcome", "read"}}, double(c.ingest_rows_read));
    AppendSample(&out, "cairn_ingest_rows", {{"outcome", "loaded"}}, double(c.ingest_rows_loaded));
    AppendSample(&out, "cairn_ingest_rows", {{"outcome", "unchanged"}}, double(c.ingest_rows_unchanged));
    AppendSample(&out, "cairn_ingest_rows", {{"outcome", "rejected"}}, double(c.ingest_rows_rejected));
    Gauge(&out, "cairn_source_records", "Source records held.", double(c.source_records));
    Gauge(&out, "cairn_audit_entries", "Entries in the audit log.", double(c.audit_entries));
  }
  auto past_review = engine::CountIntelligencePastReview(req.env, req.env.settings.retention_intelligence_review_grace_days);
  if (past_review.ok()) {
    Gauge(&out, "cairn_intelligence_past_review",
          "Intelligence records past their review date by more than [retention] intelligence_review_grace_days.",
          double(*past_review));
  }
  Reply reply;
  reply.raw = std::move(out);
  reply.content_type = "text/plain; version=0.0.4; charset=utf-8";
  return reply;
}

Result<Reply> Retention(Request& req) {
  // Always a dry run: the job applies the rules; people see what is due.
  CAIRN_ASSIGN_OR_RETURN(auto report, engine::ApplyRetention(req.env, req.actor, true));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& i : report.items) {
    items.push_back({{"rule", i.rule}, {"action", i.action}, {"what", i.what}, {"days", i.days},
                     {"cutoff", i.cutoff}, {"due", i.due}});
  }
  return Reply{200, {{"dry_run", true}, {"items", items}}, {}};
}

Result<Reply> OpenApi(Request& req) {
  auto doc = embedded::Find("docs/openapi.json");
  if (!doc) return Internal("the OpenAPI document was not built into this binary");
  return Reply{200, nlohmann::json::parse(*doc), {}};
}

}  // namespace cairn::api::handlers
