// Sending the email outbox. Everything Cairn tells people by email is written to the outbox first
// (engine/tasks.h), in the transaction that caused it; the mailer then sends what is unsent
// through the SMTP server of config/cairn.toml [smtp], with libcurl (STARTTLS required on smtp://
// unless turned off; smtps:// is TLS from the start). A failure is recorded on the email with
// its error and tried again on the next run, up to [smtp] max_attempts. With no SMTP URL the
// outbox is kept, unsent, for an admin to read.
//
// cairn serve runs it every [jobs] interval_seconds; `cairn mail send` runs it once (for cron).
#pragma once

#include <string>

#include "app/env.h"
#include "common/status.h"
#include "storage/tasks.h"

namespace cairn::engine {

struct MailRun {
  bool configured = false;  // an SMTP URL is set
  int64_t sent = 0, failed = 0;
  int64_t waiting = 0;      // unsent and still to be tried, after this run
};

// Sends up to `limit` unsent emails, oldest first. Audited when it sent or failed anything.
Result<MailRun> SendOutbox(const app::Env& env, int64_t limit = 200);

// The message as sent (RFC 5322, CRLF line ends): Date, From, To, Subject (RFC 2047-encoded when
// it is not ASCII), Message-ID, and a UTF-8 plain-text body.
std::string ComposeEmail(const config::Settings& settings, const storage::EmailRow& e, TimePoint at);

}  // namespace cairn::engine
