#include "api/server.h"

#include <httplib.h>
#include <spdlog/spdlog.h>
#include <sys/socket.h>

#include <algorithm>
#include <filesystem>
#include <regex>

#include "api/errors.h"
#include "api/metrics.h"
#include "api/public_site.h"
#include "api/route.h"
#include "api/session_cookie.h"
#include "audit/chain.h"
#include "common/crypto.h"
#include "common/logging.h"

namespace cairn::api {
namespace {

constexpr char kApiPrefix[] = "/api/";

// The request this worker thread is answering: when it started and which route took it (for
// the access log and metrics). httplib answers a request on one thread from routing to logging.
thread_local std::chrono::steady_clock::time_point t_started;
thread_local const char* t_route = nullptr;

// The metrics label for a request no API route took.
const char* RouteLabelFor(const std::string& path) {
  if (path.rfind(kApiPrefix, 0) == 0) return "unmatched";
  if (path.rfind("/public", 0) == 0) return "public";
  return "static";
}

std::string PatternFor(const std::string& path) {
  return std::regex_replace(path, std::regex(R"(\{[a-z_]+\})"), "([^/]+)");
}

void WriteJson(httplib::Response& res, int status, const nlohmann::json& body) {
  res.status = status;
  res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                  "application/json");
}

void WriteError(httplib::Response& res, const Status& status) {
  WriteJson(res, HttpStatusFor(status.code()), ErrorBody(status));
}

// A failure of the server's own: the caller learns nothing of it but a reference to quote, and
// the log has the reference with what went wrong.
void WriteServerError(const httplib::Request& req, httplib::Response& res, std::string_view detail) {
  std::string reference = RandomToken(6);
  spdlog::error("error {} in {} {}: {}", reference, req.method, req.path, detail);
  nlohmann::json body = ErrorBody("internal", "something went wrong; it has been logged as " + reference);
  body["error"]["reference"] = reference;
  WriteJson(res, 500, body);
}

bool ChangesState(const std::string& method) { return method != "GET" && method != "HEAD"; }

// Sign-in has no session yet, so no CSRF token: accept it only from this site's own pages.
// Browsers send Origin on cross-site POSTs and Sec-Fetch-Site where supported.
Status CheckSameOrigin(const httplib::Request& req, bool tls) {
  std::string site = req.get_header_value("Sec-Fetch-Site");
  if (!site.empty() && site != "same-origin" && site != "none") {
    return PermissionDenied("cross-site request refused");
  }
  std::string origin = req.get_header_value("Origin");
  std::string expected = std::string(tls ? "https://" : "http://") + req.get_header_value("Host");
  if (!origin.empty() && origin != expected) return PermissionDenied("cross-origin request refused");
  return Status::Ok();
}

// Parses the body of a state-changing request into *out (an empty body is {}). On failure
// writes the 415 or 400 answer and returns false.
bool ParseBody(const httplib::Request& req, httplib::Response& res, nlohmann::json* out, size_t max_bytes) {
  if (req.body.size() > max_bytes) {
    WriteJson(res, 413, ErrorBody("payload_too_large", "the request body is larger than the server accepts"));
    return false;
  }
  if (req.body.empty()) {
    *out = nlohmann::json::object();
    return true;
  }
  if (req.get_header_value("Content-Type").rfind("application/json", 0) != 0) {
    WriteJson(res, 415, ErrorBody("unsupported_media_type", "send the body as Content-Type: application/json"));
    return false;
  }
  try {
    *out = nlohmann::json::parse(req.body);
  } catch (const nlohmann::json::parse_error& e) {
    WriteJson(res, 400, ErrorBody("malformed_json", "the request body is not valid JSON (at byte " +
                                                        std::to_string(e.byte) + ")"));
    return false;
  }
  if (!out->is_object()) {
    WriteJson(res, 400, ErrorBody("malformed_json", "the request body must be a JSON object"));
    return false;
  }
  return true;
}

}  // namespace

Server::Server(const app::Env& env, ServerOptions options) : env_(env), options_(std::move(options)) {
  tls_ = !options_.tls_cert.empty() && !options_.tls_key.empty();
  secure_ = tls_ || options_.behind_tls_proxy;
  if (tls_) {
    http_ = std::make_unique<httplib::SSLServer>(options_.tls_cert.c_str(), options_.tls_key.c_str());
  } else {
    http_ = std::make_unique<httplib::Server>();
  }
  int threads = env_.settings.http_threads;
  http_->new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  // httplib's limit is the larger of the JSON limit and the upload limit; ParseBody holds JSON
  // bodies to the JSON limit.
  http_->set_payload_max_length(std::max(env_.settings.http_max_body_bytes, env_.settings.resources_max_upload_bytes));
  // httplib's default also sets SO_REUSEPORT, which would let a second server share the port
  // silently; keep only SO_REUSEADDR so a port in use is an error.
  http_->set_socket_options([listen_socket = listen_socket_](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    *listen_socket = sock;
  });
  http_->set_read_timeout(10, 0);
  http_->set_write_timeout(10, 0);

  http_->set_error_handler(httplib::Server::HandlerWithResponse(
      [](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    if (res.status == 413) {
      WriteJson(res, 413, ErrorBody("payload_too_large", "the request body is larger than the server accepts"));
    } else if (res.status == 404 && req.path.rfind(kApiPrefix, 0) == 0) {
      WriteJson(res, 404, ErrorBody("not_found", "no such endpoint: " + req.method + " " + req.path));
    } else if (res.status >= 400 && req.path.rfind(kApiPrefix, 0) == 0) {
      WriteJson(res, res.status, ErrorBody("bad_request", "the request could not be read"));
    }
    return httplib::Server::HandlerResponse::Handled;
  }));
  http_->set_exception_handler([](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
    std::string detail = "unhandled non-standard exception";
    try {
      if (ep) std::rethrow_exception(ep);
    } catch (const std::exception& e) {
      detail = std::string("unhandled exception: ") + e.what();
    } catch (...) {
    }
    WriteServerError(req, res, detail);
  });
  http_->set_pre_routing_handler([](const httplib::Request&, httplib::Response&) {
    t_started = std::chrono::steady_clock::now();
    t_route = nullptr;
    return httplib::Server::HandlerResponse::Unhandled;
  });
  http_->set_post_routing_handler([secure = secure_](const httplib::Request& req, httplib::Response& res) {
    // Over HTTPS, browsers are told to use nothing else for a year.
    if (secure) res.set_header("Strict-Transport-Security", "max-age=31536000");
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("X-Frame-Options", "DENY");
    res.set_header("Referrer-Policy", "no-referrer");
    res.set_header("Content-Security-Policy",
                   "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                   "frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
    if (req.path.rfind(kApiPrefix, 0) == 0) res.set_header("Cache-Control", "no-store");
  });
  http_->set_logger([this](const httplib::Request& req, const httplib::Response& res) {
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t_started).count();
    const char* route = t_route != nullptr ? t_route : RouteLabelFor(req.path);
    HttpMetrics::Global().Observe(req.method, route, res.status, seconds);
    std::string remote = ClientAddress(req);
    LogRequest({remote, req.method, req.path, res.status, seconds});
  });
  RegisterRoutes();
  RegisterPublicSite(*http_, env_);
  if (!options_.web_dir.empty() && std::filesystem::is_directory(options_.web_dir)) {
    http_->set_mount_point("/", options_.web_dir);
  }
}

Server::~Server() = default;

// Who is calling: fills r.session and r.actor from the session cookie. Returns why a
// presented cookie did not count (expired, disabled…), or OK.
Status Server::Identify(const httplib::Request& req, Request& r) const {
  r.actor.name = "anonymous";
  r.actor.source = ClientAddress(req);
  std::string token = SessionTokenFrom(req.get_header_value("Cookie"), r.tls);
  if (token.empty()) return Status::Ok();
  auto session = identity::Authenticate(env_, token);
  if (!session.ok()) return session.status();
  r.session = *session;
  r.actor = identity::ActorFor(*session, r.actor.source);
  return Status::Ok();
}

// Everything a request must pass before its handler runs: policy, CSRF (or same-origin for
// sign-in), content type and body. On refusal writes the answer and returns false.
bool Server::Admit(const Route& route, const httplib::Request& req, const Status& identified,
                   Request& r, httplib::Response& res) const {
  policy::Principal who;
  if (r.session) who = {r.session->user.role, r.session->user.must_change_password};
  Status allowed = policy::Authorize(who, route.action);
  if (!allowed.ok()) {
    if (allowed.code() == StatusCode::kPermissionDenied && r.session) {
      // A signed-in user refused by policy is recorded: asking for what one may not see (a
      // partner requesting an intelligence record) is itself worth knowing about.
      Status logged = env_.db.Write([&](storage::Tx& tx) {
        return audit::Append(tx, env_.clock, r.actor,
                             {"denied", std::string(policy::ActionName(route.action)), req.path, false,
                              {{"method", req.method}}});
      });
      if (!logged.ok()) spdlog::warn("could not audit a refused request: {}", logged.message());
    }
    // Say why the session did not count (expired, disabled…) rather than just "sign in".
    bool explain = allowed.code() == StatusCode::kUnauthenticated && !identified.ok();
    WriteError(res, explain ? identified : allowed);
    return false;
  }
  if (!ChangesState(req.method)) return true;
  if (r.session) {
    if (!ConstantTimeEquals(req.get_header_value(kCsrfHeader), r.session->csrf_token)) {
      WriteJson(res, 403, ErrorBody("csrf_failed", "missing or wrong X-CSRF-Token header; reload the page"));
      return false;
    }
  } else if (Status same = CheckSameOrigin(req, secure_); !same.ok()) {
    WriteError(res, same);
    return false;
  }
  if (route.raw_body) {
    r.body = nlohmann::json::object();
    return true;
  }
  return ParseBody(req, res, &r.body, env_.settings.http_max_body_bytes);
}

void Server::Handle(const Route& route, const httplib::Request& req, httplib::Response& res) const {
  t_route = route.path;
  Request r{req, env_, {}, nullptr, model::Actor{}, std::nullopt, secure_};
  for (size_t i = 1; i < req.matches.size(); ++i) r.params.push_back(req.matches[i]);
  Status identified = Identify(req, r);
  if (!Admit(route, req, identified, r, res)) return;
  Result<Reply> reply = route.handler(r);
  if (!reply.ok()) {
    StatusCode code = reply.status().code();
    if (code == StatusCode::kInternal || code == StatusCode::kDataLoss) WriteServerError(req, res, reply.status().ToString());
    else WriteError(res, reply.status());
    return;
  }
  for (const auto& [k, v] : reply->headers) res.set_header(k, v);
  if (!reply->content_type.empty()) {
    res.status = reply->status;
    res.set_content(reply->raw, reply->content_type);
  } else if (reply->body.is_null()) {
    res.status = reply->status;
  } else {
    WriteJson(res, reply->status, reply->body);
  }
}

std::string Server::ClientAddress(const httplib::Request& req) const {
  if (!options_.behind_tls_proxy) return req.remote_addr;
  std::string forwarded = req.get_header_value("X-Forwarded-For");
  if (forwarded.empty()) return req.remote_addr;
  // The proxy appends the address it saw; entries before it are whatever the caller claimed.
  auto comma = forwarded.rfind(',');
  std::string last = comma == std::string::npos ? forwarded : forwarded.substr(comma + 1);
  auto begin = last.find_first_not_of(' ');
  return begin == std::string::npos ? req.remote_addr : last.substr(begin);
}

void Server::RegisterRoutes() {
  for (const Route& route : Routes()) {
    auto handle = [this, &route](const httplib::Request& req, httplib::Response& res) {
      Handle(route, req, res);
    };
    std::string pattern = PatternFor(route.path);
    std::string method = route.method;
    if (method == "GET") http_->Get(pattern, handle);
    else if (method == "POST") http_->Post(pattern, handle);
    else if (method == "PATCH") http_->Patch(pattern, handle);
    else if (method == "DELETE") http_->Delete(pattern, handle);
    else if (method == "PUT") http_->Put(pattern, handle);
  }
}

Result<int> Server::Bind(const std::string& host, int port) {
  if (!http_->is_valid()) return Unavailable("the TLS certificate or key could not be loaded");
  int bound = port == 0 ? http_->bind_to_any_port(host) : (http_->bind_to_port(host, port) ? port : -1);
  if (bound < 0) return Unavailable("cannot listen on " + host + ":" + std::to_string(port));
  // Debian's compiled cpp-httplib listens with a backlog of 5, so a burst of more simultaneous
  // connections than that loses some; listening again on the bound socket raises the backlog.
  if (*listen_socket_ >= 0) ::listen(*listen_socket_, SOMAXCONN);
  return bound;
}

Status Server::Serve() {
  if (!http_->listen_after_bind() && !stopping_) return Unavailable("the server stopped unexpectedly");
  return Status::Ok();
}

void Server::Stop() {
  // httplib's stop does nothing before its loop runs, so a stop asked for between Bind and the
  // loop (a SIGTERM just after start) was lost and the server ran on. Shutting the listening
  // socket down makes the loop's accept fail whenever it starts. Once only: afterwards httplib
  // has closed the socket and its number may be another's. Async-signal-safe up to httplib's
  // stop, which the signal handler has always called.
  if (!stopping_.exchange(true) && *listen_socket_ >= 0) ::shutdown(*listen_socket_, SHUT_RDWR);
  http_->stop();
}

bool Server::running() const { return http_->is_running(); }

}  // namespace cairn::api
