// cairn serve: migrate the store and serve the API and web UI until SIGINT or SIGTERM.
#include <spdlog/spdlog.h>

#include <csignal>
#include <iostream>

#include "api/server.h"
#include "cli/cli.h"

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

Status RunServe(const GlobalOptions& g, const ServeOptions& o) {
  CAIRN_ASSIGN_OR_RETURN(auto ctx, Open(g));
  app::Env env = ctx->env();
  api::Server server(env, {o.web_dir, o.tls_cert, o.tls_key});
  CAIRN_ASSIGN_OR_RETURN(int port, server.Bind(o.host, o.port));
  g_server = &server;
  std::signal(SIGINT, StopOnSignal);
  std::signal(SIGTERM, StopOnSignal);
  std::string scheme = o.tls_cert.empty() ? "http" : "https";
  std::cout << "Cairn is serving on " << scheme << "://" << o.host << ":" << port << "/ (store: "
            << ctx->db->display_url() << ")" << std::endl;
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
