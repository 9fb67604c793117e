// The HTTP server: the JSON API under /api/v1 and the web UI's static files.
//
// Every API request goes through one pipeline (server.cc): identify the caller from the
// session cookie → ask the policy layer → check CSRF (or same-origin, for sign-in) → check the
// content type and parse the body → call the route's handler → serialise. Any failure on the
// way is the one JSON error shape (api/errors.h); an exception in a handler is logged and
// answered with a bare 500, so no input can stop the server or leak internals.
#pragma once

#include <atomic>
#include <memory>
#include <string>

#include "api/route.h"
#include "app/env.h"
#include "common/status.h"

namespace httplib {
class Server;
struct Request;
struct Response;
}

namespace cairn::api {

struct ServerOptions {
  std::string web_dir;   // built web UI (web/dist); not served if empty or absent
  std::string tls_cert;  // PEM files; both set → HTTPS, and session cookies are Secure
  std::string tls_key;
  // A TLS-terminating proxy on this host forwards to Cairn: treat the browser's connection as
  // HTTPS (Secure cookies, HSTS, https origins) and take the caller's address from the last
  // X-Forwarded-For entry, which the proxy appends.
  bool behind_tls_proxy = false;
};

class Server {
 public:
  // What `env` refers to (store, clock, settings) must outlive the server.
  Server(const app::Env& env, ServerOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds host:port; port 0 picks a free port. Returns the bound port, or Unavailable.
  Result<int> Bind(const std::string& host, int port);
  // Serves until Stop() is called from another thread (or a signal handler), before or after
  // serving begins. REQUIRES: Bind succeeded.
  Status Serve();
  void Stop();
  // True once Serve is accepting connections.
  bool running() const;

 private:
  void RegisterRoutes();
  std::string ClientAddress(const httplib::Request& req) const;
  void Handle(const Route& route, const httplib::Request& req, httplib::Response& res) const;
  Status Identify(const httplib::Request& req, Request& r) const;
  bool Admit(const Route& route, const httplib::Request& req, const Status& identified, Request& r,
             httplib::Response& res) const;

  app::Env env_;  // a bundle of references: cheap to copy
  ServerOptions options_;
  bool tls_ = false;     // this process speaks TLS
  bool secure_ = false;  // the browser's connection is HTTPS (tls_ or behind a TLS proxy)
  std::unique_ptr<httplib::Server> http_;
  std::shared_ptr<int> listen_socket_ = std::make_shared<int>(-1);  // seen in the socket-options hook
  std::atomic<bool> stopping_{false};                                 // Stop was called
};

}  // namespace cairn::api
