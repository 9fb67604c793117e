// cairn serve: migrate the store and serve the API and web UI until SIGINT or SIGTERM.
#include <spdlog/spdlog.h>

#include <condition_variable>
#include <csignal>
#include <iostream>
#include <mutex>
#include <thread>

#include "api/server.h"
#include "cli/cli.h"
#include "common/time.h"
#include "common/version.h"
#include "engine/guidance.h"
#include "engine/mailer.h"
#include "engine/retention.h"
#include "engine/tasks.h"

namespace cairn::cli {
namespace {

// Flags and CAIRN_* variables win; what neither gives comes from the [server] settings.
struct ServeOptions {
  std::string host;
  int port = 0;
  std::string web_dir;
  std::string tls_cert;
  std::string tls_key;
  bool behind_tls_proxy = false;
  CLI::Option *host_opt = nullptr, *port_opt = nullptr, *web_dir_opt = nullptr, *cert_opt = nullptr,
              *key_opt = nullptr, *proxy_opt = nullptr;

  void FillFrom(const config::Settings& s) {
    if (host_opt->count() == 0) host = s.server_host;
    if (port_opt->count() == 0) port = s.server_port;
    if (web_dir_opt->count() == 0) web_dir = s.server_web_dir;
    if (cert_opt->count() == 0 && key_opt->count() == 0) {
      tls_cert = s.server_tls_cert;
      tls_key = s.server_tls_key;
    }
    if (proxy_opt->count() == 0) behind_tls_proxy = s.server_behind_tls_proxy;
  }
};

bool IsLoopbackHost(const std::string& host) {
  return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

// Passwords and session cookies must not cross a network in clear text: off this host, Cairn
// serves HTTPS itself or sits behind a proxy that does.
Status CheckTransport(const ServeOptions& o) {
  if (IsLoopbackHost(o.host) || !o.tls_cert.empty() || o.behind_tls_proxy) return Status::Ok();
  return FailedPrecondition("refusing to serve on " + o.host +
                            " without TLS: give --tls-cert and --tls-key ([server] tls_cert and tls_key), or "
                            "--behind-tls-proxy ([server] behind_tls_proxy = true) when a TLS-terminating proxy on "
                            "this host forwards to Cairn");
}

api::Server* g_server = nullptr;

void StopOnSignal(int) {
  if (g_server != nullptr) g_server->Stop();
}

// The server's background jobs: every [jobs] interval_seconds, remind the owners of overdue
// tasks and send the email outbox (when SMTP is configured); once a day at [retention] run_at
// (UTC), or at start if that time has passed and they have not run that day, apply the retention
// rules. A failure is logged and tried again next time; it never stops the server.
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
    const TimePoint now = env_.clock.Now();
    if (!engine::RetentionRunDue(now, env_.settings.retention_run_at, last_retention_day_)) return;
    auto retention = engine::ApplyRetention(env_, model::Actor::System("retention job"), false);
    if (!retention.ok()) {
      spdlog::warn("retention: {}", retention.status().ToString());  // tried again at the next interval
      return;
    }
    last_retention_day_ = FormatTimestamp(now).substr(0, 10);
    for (const auto& item : retention->items) {
      if (item.done > 0) spdlog::info("retention: {} {} ({})", item.action, item.done, item.rule);
    }
  }
  std::string last_retention_day_;  // the UTC day of the last run, "" before the first

  app::Env env_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;
  std::thread thread_;
};

Status RunServe(const GlobalOptions& g, ServeOptions o) {
  CAIRN_ASSIGN_OR_RETURN(config::Settings settings, config::LoadSettings(g.config));
  o.FillFrom(settings);
  if (o.tls_cert.empty() != o.tls_key.empty()) return InvalidArgument("--tls-cert and --tls-key go together");
  CAIRN_RETURN_IF_ERROR(CheckTransport(o));
  CAIRN_ASSIGN_OR_RETURN(auto ctx, Open(g, settings));
  app::Env env = ctx->env();
  // Guidance pages new in this release reach an existing store; edited pages are left alone.
  CAIRN_ASSIGN_OR_RETURN(int guidance, engine::SeedGuidance(env));
  if (guidance > 0) spdlog::info("added {} guidance pages", guidance);
  api::Server server(env, {o.web_dir, o.tls_cert, o.tls_key, o.behind_tls_proxy});
  CAIRN_ASSIGN_OR_RETURN(int port, server.Bind(o.host, o.port));
  g_server = &server;
  std::signal(SIGINT, StopOnSignal);
  std::signal(SIGTERM, StopOnSignal);
  std::string scheme = o.tls_cert.empty() ? "http" : "https";
  spdlog::info("Cairn {} is serving on {}://{}:{}/ (store: {}{})", kVersion, scheme, o.host, port,
               ctx->db->display_url(), o.behind_tls_proxy ? "; behind a TLS proxy" : "");
  Jobs jobs(env);
  Status s = server.Serve();
  g_server = nullptr;
  return s;
}

}  // namespace

void AddServe(CLI::App& app, GlobalOptions& g, int& exit_code) {
  auto o = std::make_shared<ServeOptions>();
  CLI::App* cmd = app.add_subcommand("serve", "Serve the HTTP API and the web UI");
  o->host_opt = cmd->add_option("--host", o->host, "Address to listen on ([server] host, default 127.0.0.1)")
                    ->envname("CAIRN_HOST");
  o->port_opt = cmd->add_option("--port", o->port, "Port to listen on, 0 for any free port ([server] port, default 8080)")
                    ->envname("CAIRN_PORT")
                    ->check(CLI::Range(0, 65535));
  o->web_dir_opt = cmd->add_option("--web-dir", o->web_dir, "Folder of the built web UI ([server] web_dir)")
                       ->envname("CAIRN_WEB_DIR");
  o->cert_opt = cmd->add_option("--tls-cert", o->tls_cert, "PEM certificate: serve HTTPS ([server] tls_cert)")
                    ->envname("CAIRN_TLS_CERT");
  o->key_opt = cmd->add_option("--tls-key", o->tls_key, "PEM private key for --tls-cert ([server] tls_key)")
                   ->envname("CAIRN_TLS_KEY");
  o->proxy_opt = cmd->add_flag("--behind-tls-proxy", o->behind_tls_proxy,
                               "A TLS-terminating proxy on this host forwards to Cairn ([server] behind_tls_proxy)");
  cmd->callback([&g, &exit_code, o] {
    Status s = RunServe(g, *o);
    if (!s.ok()) exit_code = Fail(s);
  });
}

}  // namespace cairn::cli
