#include "engine/mailer.h"

#include <curl/curl.h>
#include <sodium.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <mutex>

#include "audit/chain.h"
#include "common/crypto.h"
#include "common/time.h"

namespace cairn::engine {
namespace {

// A header value: as it is when printable ASCII, else one RFC 2047 encoded word (UTF-8, base64).
std::string HeaderText(const std::string& s) {
  bool plain = true;
  for (unsigned char c : s) plain = plain && c >= 0x20 && c < 0x7f;
  return plain ? s : "=?UTF-8?B?" + Base64Encode(s) + "?=";
}

// Line ends as CRLF, whatever the body had.
std::string Crlf(const std::string& body) {
  std::string out;
  for (size_t i = 0; i < body.size(); ++i) {
    if (body[i] == '\r') continue;
    if (body[i] == '\n') out += "\r\n";
    else out += body[i];
  }
  return out;
}

struct Upload {
  const std::string* text;
  size_t at = 0;
};

size_t Read(char* buffer, size_t size, size_t count, void* user) {
  auto* u = static_cast<Upload*>(user);
  size_t n = std::min(size * count, u->text->size() - u->at);
  std::memcpy(buffer, u->text->data() + u->at, n);
  u->at += n;
  return n;
}

// Sends one message; the error, if any, as curl describes it.
Status Send(const config::Settings& s, const storage::EmailRow& e, const std::string& message) {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  CURL* curl = curl_easy_init();
  if (!curl) return Unavailable("cannot start an SMTP client");
  curl_slist* rcpt = curl_slist_append(nullptr, ("<" + e.to_address + ">").c_str());
  std::string from = "<" + s.smtp_from + ">";
  Upload upload{&message};
  char error[CURL_ERROR_SIZE] = "";
  curl_easy_setopt(curl, CURLOPT_URL, s.smtp_url.c_str());
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, rcpt);
  curl_easy_setopt(curl, CURLOPT_READFUNCTION, Read);
  curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
  curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 10L);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, 60L);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  if (s.smtp_require_tls) curl_easy_setopt(curl, CURLOPT_USE_SSL, long(CURLUSESSL_ALL));
  std::string password;
  if (!s.smtp_username.empty()) {
    curl_easy_setopt(curl, CURLOPT_USERNAME, s.smtp_username.c_str());
    if (!s.smtp_password_env.empty()) {
      const char* p = std::getenv(s.smtp_password_env.c_str());
      password = p ? p : "";
      curl_easy_setopt(curl, CURLOPT_PASSWORD, password.c_str());
    }
  }
  CURLcode rc = curl_easy_perform(curl);
  curl_slist_free_all(rcpt);
  curl_easy_cleanup(curl);
  sodium_memzero(password.data(), password.size());
  if (rc != CURLE_OK) return Unavailable(std::string(curl_easy_strerror(rc)) + (error[0] ? std::string(": ") + error : ""));
  return Status::Ok();
}

}  // namespace

std::string ComposeEmail(const config::Settings& s, const storage::EmailRow& e, TimePoint at) {
  std::time_t t = std::chrono::system_clock::to_time_t(at);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char date[64];
  std::strftime(date, sizeof date, "%a, %d %b %Y %H:%M:%S +0000", &tm);
  std::string domain = s.smtp_from.substr(s.smtp_from.find('@') + 1);
  std::string headers = std::string("Date: ") + date + "\r\nFrom: Cairn <" + s.smtp_from + ">\r\nTo: <" + e.to_address +
                        ">\r\nSubject: " + HeaderText(e.subject) + "\r\nMessage-ID: <cairn-" + std::to_string(e.id) + "." +
                        RandomToken(12) + "@" + domain +
                        ">\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
                        "Content-Transfer-Encoding: 8bit\r\n\r\n";
  return headers + Crlf(e.body);
}

Result<MailRun> SendOutbox(const app::Env& env, int64_t limit) {
  MailRun run;
  const auto& s = env.settings;
  run.configured = !s.smtp_url.empty();
  std::vector<storage::EmailRow> unsent;
  CAIRN_RETURN_IF_ERROR(env.db.Read([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(unsent, storage::UnsentEmails(tx, s.smtp_max_attempts, limit));
    return Status::Ok();
  }));
  if (!run.configured) {
    run.waiting = int64_t(unsent.size());
    return run;
  }
  // Each email on its own: the network is slow and may fail, so no transaction is held while
  // sending, and one failure does not hold up the rest. An email sent but not marked (a crash in
  // between) is sent again: SMTP offers no way to ask.
  for (const auto& e : unsent) {
    Status sent = Send(s, e, ComposeEmail(s, e, env.clock.Now()));
    CAIRN_RETURN_IF_ERROR(env.db.Write([&](storage::Tx& tx) -> Status {
      if (sent.ok()) return storage::MarkEmailSent(tx, e.id, FormatTimestamp(env.clock.Now()));
      return storage::MarkEmailFailed(tx, e.id, sent.message());
    }));
    if (sent.ok()) ++run.sent;
    else ++run.failed;
  }
  CAIRN_RETURN_IF_ERROR(env.db.Write([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(auto left, storage::UnsentEmails(tx, s.smtp_max_attempts, 1000000));
    run.waiting = int64_t(left.size());
    if (run.sent == 0 && run.failed == 0) return Status::Ok();
    return audit::Append(tx, env.clock, model::Actor::System("mailer"),
                         {"send", "email_outbox", "", run.failed == 0, {{"sent", run.sent}, {"failed", run.failed}}});
  }));
  return run;
}

}  // namespace cairn::engine
