// cairn serve: migrate the store and serve the API and web UI until SIGINT or SIGTERM.
#include <spdlog/spdlog.h>

#include <condition_variable>
#include <csignal>
#include <iostream>
#include <mutex>
#include <thread>

#include "api/server.h"
#include "cli/cli.h"
#include "engine/guidance.h"
#include "engine/mailer.h"
#include "engine/tasks.h"

namespace cairn::cli {
namespace {

struct ServeOptions {
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string web_dir = "web/dist";
  std::string tls_cert;
  std::string tls_key;
};

api::Server* g_server = nullptr;

void StopOnSignal(int) {
  if (g_server != nullptr) g_server->Stop();
}

// The server's background jobs: every [jobs] interval_seconds, remind the owners of overdue
// tasks and send the email outbox (when SMTP is configured). A failure is logged and tried again
// next time; it never stops the server.
class Jobs {
 public:
  explicit Jobs(app::Env env) : env_(env), thread_([this] { Loop(); }) {}
  ~Jobs() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    cv_.notify_all();
    thread_.join();
  }

 private:
  void Loop() {
    std::unique_lock<std::mutex> lock(mu_);
    while (!stop_) {
      lock.unlock();
      RunOnce();
      lock.lock();
      cv_.wait_for(lock, env_.settings.jobs_interval, [this] { return stop_; });
    }
  }
  void RunOnce() {
    auto reminded = engine::RemindOverdueTasks(env_);
    if (!reminded.ok()) spdlog::warn("overdue reminders: {}", reminded.status().ToString());
    else if (*reminded > 0) spdlog::info("reminded the owners of {} overdue tasks", *reminded);
    auto mail = engine::SendOutbox(env_);
    if (!mail.ok()) spdlog::warn("sending the outbox: {}", mail.status().ToString());
    else if (mail->sent + mail->failed > 0) spdlog::info("outbox: sent {}, failed {}", mail->sent, mail->failed);
  }

  app::Env env_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;
  std::thread thread_;
};

Status RunServe(const GlobalOptions& g, const ServeOptions& o) {
  CAIRN_ASSIGN_OR_RETURN(auto ctx, Open(g));
  app::Env env = ctx->env();
  // Guidance pages new in this release reach an existing store; edited pages are left alone.
  CAIRN_ASSIGN_OR_RETURN(int guidance, engine::SeedGuidance(env));
  if (guidance > 0) spdlog::info("added {} guidance pages", guidance);
  api::Server server(env, {o.web_dir, o.tls_cert, o.tls_key});
  CAIRN_ASSIGN_OR_RETURN(int port, server.Bind(o.host, o.port));
  g_server = &server;
  std::signal(SIGINT, StopOnSignal);
  std::signal(SIGTERM, StopOnSignal);
  std::string scheme = o.tls_cert.empty() ? "http" : "https";
  std::cout << "Cairn is serving on " << scheme << "://" << o.host << ":" << port << "/ (store: "
            << ctx->db->display_url() << ")" << std::endl;
  Jobs jobs(env);
  Status s = server.Serve();
  g_server = nullptr;
  return s;
}

}  // namespace

void AddServe(CLI::App& app, GlobalOptions& g, int& exit_code) {
  auto o = std::make_shared<ServeOptions>();
  CLI::App* cmd = app.add_subcommand("serve", "Serve the HTTP API and the web UI");
  cmd->add_option("--host", o->host, "Address to listen on")->capture_default_str();
  cmd->add_option("--port", o->port, "Port to listen on (0: any free port)")->capture_default_str()->check(CLI::Range(0, 65535));
  cmd->add_option("--web-dir", o->web_dir, "Folder of the built web UI")->capture_default_str();
  cmd->add_option("--tls-cert", o->tls_cert, "PEM certificate: serve HTTPS")->check(CLI::ExistingFile);
  cmd->add_option("--tls-key", o->tls_key, "PEM private key for --tls-cert")->check(CLI::ExistingFile);
  cmd->callback([&g, &exit_code, o] {
    if (o->tls_cert.empty() != o->tls_key.empty()) {
      exit_code = Fail(InvalidArgument("--tls-cert and --tls-key go together"));
      return;
    }
    Status s = RunServe(g, *o);
    if (!s.ok()) exit_code = Fail(s);
  });
}

}  // namespace cairn::cli
