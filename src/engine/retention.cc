#include "engine/retention.h"

#include "audit/chain.h"
#include "common/time.h"
#include "engine/intelligence.h"
#include "storage/retention.h"

namespace cairn::engine {
namespace {

struct Rule {
  storage::RetentionRule rule;
  const char* name;
  const char* action;
  const char* what;
  int config::Settings::*days;
};

constexpr Rule kRules[] = {
    {storage::RetentionRule::kSessions, "sessions", "delete", "expired sign-in sessions",
     &config::Settings::retention_sessions_days},
    {storage::RetentionRule::kNotifications, "notifications", "delete", "notifications read",
     &config::Settings::retention_notifications_days},
    {storage::RetentionRule::kEmails, "emails", "delete", "emails sent", &config::Settings::retention_emails_days},
    {storage::RetentionRule::kClosedTasks, "closed_tasks", "anonymise",
     "tasks done or declined: title, description and reasons", &config::Settings::retention_closed_tasks_days},
    {storage::RetentionRule::kClosedDivert, "closed_divert", "anonymise",
     "closed Divert cases: the person's label, consent note, closing reason and notes",
     &config::Settings::retention_closed_divert_days},
    // Last, so its own audit entries for this run are never what it removes.
    {storage::RetentionRule::kAuditLog, "audit_log", "delete", "audit entries (the chain is anchored)",
     &config::Settings::retention_audit_log_days},
};

}  // namespace

Result<RetentionReport> ApplyRetention(const app::Env& env, const model::Actor& actor, bool dry_run) {
  RetentionReport report;
  report.dry_run = dry_run;
  TimePoint now = env.clock.Now();
  std::string now_text = FormatTimestamp(now);
  for (const Rule& r : kRules) {
    RetentionItem item{r.name, r.action, r.what, env.settings.*r.days, "", 0, 0};
    if (item.days > 0) {
      item.cutoff = FormatTimestamp(now - std::chrono::hours(24) * item.days);
      if (dry_run) {
        CAIRN_RETURN_IF_ERROR(env.db.Read([&](storage::Tx& tx) -> Status {
          CAIRN_ASSIGN_OR_RETURN(item.due, storage::CountDue(tx, r.rule, item.cutoff));
          return Status::Ok();
        }));
      } else {
        CAIRN_RETURN_IF_ERROR(env.db.Write([&](storage::Tx& tx) -> Status {
          CAIRN_ASSIGN_OR_RETURN(item.due, storage::CountDue(tx, r.rule, item.cutoff));
          if (item.due == 0) return Status::Ok();
          CAIRN_ASSIGN_OR_RETURN(item.done, storage::ApplyRule(tx, r.rule, item.cutoff, now_text));
          return audit::Append(tx, env.clock, actor,
                               {"retention", r.name, "", true,
                                {{"action", r.action}, {"count", item.done}, {"cutoff", item.cutoff},
                                 {"days", item.days}}});
        }));
      }
    }
    report.items.push_back(item);
  }
  RetentionItem intel{"intelligence_review", "review",
                      "intelligence records past their review date (for their analysts; never deleted by this job)",
                      env.settings.retention_intelligence_review_grace_days, "", 0, 0};
  intel.cutoff = FormatTimestamp(now - std::chrono::hours(24) * intel.days).substr(0, 10);
  CAIRN_ASSIGN_OR_RETURN(intel.due, CountIntelligencePastReview(env, intel.days));
  report.items.push_back(intel);
  return report;
}

bool RetentionRunDue(TimePoint now, const std::string& run_at, const std::string& last_run_day) {
  const std::string stamp = FormatTimestamp(now);  // YYYY-MM-DDTHH:MM:SS.mmmZ, UTC
  return last_run_day != stamp.substr(0, 10) && stamp.substr(11, 5) >= run_at;
}

}  // namespace cairn::engine
