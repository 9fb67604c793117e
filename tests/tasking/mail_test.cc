// Sending the email outbox through SMTP, and reminders for overdue tasks, on SQLite and
// PostgreSQL. The SMTP server is a small sink on loopback that speaks enough SMTP for libcurl
// and keeps each message; it can refuse recipients to show failures are recorded and retried.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <mutex>
#include <thread>

#include "common/time.h"
#include "engine/mailer.h"
#include "engine/tasks.h"
#include "seeded_store.h"

namespace cairn {
namespace {

class SmtpSink {
 public:
  explicit SmtpSink(bool refuse_recipients = false) : refuse_(refuse_recipients) {
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a);
    listen(fd_, 16);
    socklen_t n = sizeof a;
    getsockname(fd_, reinterpret_cast<sockaddr*>(&a), &n);
    port_ = ntohs(a.sin_port);
    thread_ = std::thread([this] { Serve(); });
  }
  ~SmtpSink() {
    stop_ = true;
    shutdown(fd_, SHUT_RDWR);
    close(fd_);
    thread_.join();
  }
  std::string url() const { return "smtp://127.0.0.1:" + std::to_string(port_); }
  std::vector<std::string> messages() {
    std::lock_guard<std::mutex> lock(mu_);
    return messages_;
  }
  int connections() const { return connections_; }

 private:
  void Serve() {
    while (!stop_) {
      int c = accept(fd_, nullptr, nullptr);
      if (c < 0) return;
      ++connections_;
      Session(c);
      close(c);
    }
  }
  void Session(int c) {
    auto say = [&](const std::string& s) { (void)!write(c, s.data(), s.size()); };
    std::string buffer;
    auto line = [&]() -> std::optional<std::string> {
      for (;;) {
        auto end = buffer.find("\r\n");
        if (end != std::string::npos) {
          std::string l = buffer.substr(0, end);
          buffer.erase(0, end + 2);
          return l;
        }
        char chunk[4096];
        ssize_t n = read(c, chunk, sizeof chunk);
        if (n <= 0) return std::nullopt;
        buffer.append(chunk, size_t(n));
      }
    };
    say("220 sink ESMTP\r\n");
    while (auto l = line()) {
      std::string verb = l->substr(0, 4);
      if (verb == "EHLO" || verb == "HELO") say("250 sink\r\n");
      else if (verb == "MAIL") say("250 OK\r\n");
      else if (verb == "RCPT") say(refuse_ ? "550 no such user here\r\n" : "250 OK\r\n");
      else if (verb == "RSET" || verb == "NOOP") say("250 OK\r\n");
      else if (verb == "DATA") {
        say("354 go ahead\r\n");
        std::string message;
        while (auto d = line()) {
          if (*d == ".") break;
          message += *d + "\r\n";
        }
        {
          std::lock_guard<std::mutex> lock(mu_);
          messages_.push_back(message);
        }
        say("250 queued\r\n");
      } else if (verb == "QUIT") {
        say("221 bye\r\n");
        return;
      } else {
        say("502 not here\r\n");
      }
    }
  }

  bool refuse_;
  int fd_ = -1, port_ = 0;
  std::atomic<bool> stop_ = false;
  std::atomic<int> connections_ = 0;
  std::mutex mu_;
  std::vector<std::string> messages_;
  std::thread thread_;
};

class Mail : public testing::SeededStoreTest {
 protected:
  void SetUp() override {
    SeededStoreTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    owner_ = Member("police-scotland", "pol.owner", "analyst");
    creator_ = Member("scottish-government", "sg.creator", "partner");
  }
  app::Env env() { return {s_.db(), clock_, settings_}; }

  int64_t Task(const std::string& title) {
    engine::TaskInput in;
    in.title = title;
    in.strand = "deter";
    in.objective = "deter-2";
    in.owner_organisation_id = *owner_.organisation_id;
    in.owner_user_id = *owner_.user_id;
    in.harm = in.likelihood = in.confidence = 3;
    in.due_date = FormatTimestamp(clock_.Now() + std::chrono::hours(24)).substr(0, 10);
    auto t = engine::CreateTask(env(), creator_, in);
    EXPECT_TRUE(t.ok()) << t.status().ToString();
    return t.ok() ? t->task.id : 0;
  }
  std::vector<storage::EmailRow> Outbox() {
    std::vector<storage::EmailRow> out;
    EXPECT_TRUE(s_.db().Read([&](storage::Tx& tx) -> Status {
      CAIRN_ASSIGN_OR_RETURN(out, storage::ListOutbox(tx, 100));
      return Status::Ok();
    }).ok());
    return out;
  }
  void UseSmtp(const SmtpSink& sink) {
    settings_.smtp_url = sink.url();
    settings_.smtp_from = "cairn@example.org";
    settings_.smtp_require_tls = false;  // the sink speaks plain SMTP
  }

  FakeClock clock_{*ParseTimestamp("2026-11-22T09:00:00.000Z")};
  config::Settings settings_ = config::Defaults();
  model::Actor owner_, creator_;
};

TEST_P(Mail, WithoutSmtpTheOutboxIsKeptUnsent) {
  Task("Check the licence");
  auto run = engine::SendOutbox(env());
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  EXPECT_FALSE(run->configured);
  EXPECT_EQ(run->waiting, 1);
  ASSERT_EQ(Outbox().size(), 1u);
  EXPECT_EQ(Outbox()[0].sent_at, "");
}

TEST_P(Mail, TheOutboxIsSentThroughSmtpOnce) {
  SmtpSink sink;
  UseSmtp(sink);
  Task("Check the café's £ takings");
  auto run = engine::SendOutbox(env());
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  EXPECT_TRUE(run->configured);
  EXPECT_EQ(run->sent, 1);
  EXPECT_EQ(run->failed, 0);
  EXPECT_EQ(run->waiting, 0);
  auto messages = sink.messages();
  ASSERT_EQ(messages.size(), 1u);
  const std::string& m = messages[0];
  EXPECT_NE(m.find("To: <pol.owner@example.org>"), std::string::npos) << m;
  EXPECT_NE(m.find("From: Cairn <cairn@example.org>"), std::string::npos) << m;
  EXPECT_NE(m.find("Subject: =?UTF-8?B?"), std::string::npos) << "a subject that is not ASCII is encoded: " << m;
  EXPECT_NE(m.find("Content-Type: text/plain; charset=UTF-8"), std::string::npos);
  EXPECT_NE(m.find("Sign in to Cairn to read the task"), std::string::npos);
  EXPECT_NE(Outbox()[0].sent_at, "");
  // Nothing is sent twice.
  run = engine::SendOutbox(env());
  EXPECT_EQ(run->sent, 0);
  EXPECT_EQ(sink.messages().size(), 1u);
  EXPECT_EQ(s_.Value("SELECT COUNT(*) FROM audit_log WHERE action = 'send' AND record_type = 'email_outbox'"), "1");
}

TEST_P(Mail, AFailureIsRecordedAndTriedAgainUpToTheLimit) {
  SmtpSink sink(/*refuse_recipients=*/true);
  UseSmtp(sink);
  settings_.smtp_max_attempts = 3;
  Task("Check the licence");
  for (int attempt = 1; attempt <= 3; ++attempt) {
    auto run = engine::SendOutbox(env());
    ASSERT_TRUE(run.ok());
    EXPECT_EQ(run->failed, 1);
    auto e = Outbox()[0];
    EXPECT_EQ(e.attempts, attempt);
    EXPECT_EQ(e.sent_at, "");
    EXPECT_NE(e.error.find("550"), std::string::npos) << e.error;
  }
  auto run = engine::SendOutbox(env());
  EXPECT_EQ(run->failed, 0) << "given up after max_attempts";
  EXPECT_EQ(run->waiting, 0);
  EXPECT_TRUE(sink.messages().empty());
}

TEST_P(Mail, TlsIsRequiredUnlessTurnedOff) {
  SmtpSink sink;
  UseSmtp(sink);
  settings_.smtp_require_tls = true;  // the sink offers no STARTTLS
  Task("Check the licence");
  auto run = engine::SendOutbox(env());
  ASSERT_TRUE(run.ok());
  EXPECT_EQ(run->failed, 1);
  EXPECT_TRUE(sink.messages().empty()) << "nothing goes over a connection that could not be secured";
  EXPECT_NE(Outbox()[0].error, "");
}

TEST_P(Mail, OverdueTasksAreRemindedAtMostOnceAWeek) {
  int64_t id = Task("Visit the premises");
  ASSERT_GT(id, 0);
  auto reminded = engine::RemindOverdueTasks(env());
  ASSERT_TRUE(reminded.ok()) << reminded.status().ToString();
  EXPECT_EQ(*reminded, 0) << "not yet due";
  clock_.Advance(std::chrono::hours(24 * 2));
  EXPECT_EQ(*engine::RemindOverdueTasks(env()), 1);
  auto notes = engine::ListNotifications(env(), owner_);
  ASSERT_TRUE(notes.ok());
  ASSERT_FALSE(notes->empty());
  EXPECT_NE((*notes)[0].text.find("overdue: it was due"), std::string::npos) << (*notes)[0].text;
  EXPECT_NE(Outbox()[0].subject.find("overdue"), std::string::npos);
  EXPECT_EQ(*engine::RemindOverdueTasks(env()), 0) << "once is enough for today";
  clock_.Advance(std::chrono::hours(24 * 6));
  EXPECT_EQ(*engine::RemindOverdueTasks(env()), 0) << "six days later: not yet";
  clock_.Advance(std::chrono::hours(24));
  EXPECT_EQ(*engine::RemindOverdueTasks(env()), 1) << "a week later: again";
  // Done tasks are not chased.
  for (const char* to : {"accepted", "in_progress", "done"})
    ASSERT_TRUE(engine::ChangeTaskStatus(env(), owner_, id, to, "").ok()) << to;
  clock_.Advance(std::chrono::hours(24 * 8));
  EXPECT_EQ(*engine::RemindOverdueTasks(env()), 0);
  EXPECT_EQ(s_.Value("SELECT COUNT(*) FROM audit_log WHERE action = 'remind'"), "2");
}

INSTANTIATE_TEST_SUITE_P(Backends, Mail, ::testing::ValuesIn(testing::Backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cairn
