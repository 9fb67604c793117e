// What the loopback load tests share: signing in to a running `cairn serve` and percentiles.
#pragma once

#include <httplib.h>

#include <algorithm>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace bench {

struct SignedIn {
  std::string cookie;  // "cairn_session=…"
  std::string csrf;    // for X-CSRF-Token on writes
  std::string origin;  // for the Origin header on writes
};

// Signs `username` in on 127.0.0.1:`port`; prints why and returns nullopt if it fails.
inline std::optional<SignedIn> SignIn(int port, const std::string& username, const std::string& password) {
  httplib::Client login("127.0.0.1", port);
  SignedIn s;
  s.origin = "http://127.0.0.1:" + std::to_string(port);
  auto res = login.Post("/api/v1/session/login", {{"Origin", s.origin}},
                        nlohmann::json{{"username", username}, {"password", password}}.dump(), "application/json");
  if (!res || res->status != 200) {
    std::cerr << "sign-in failed: " << (res ? std::to_string(res->status) + " " + res->body : "no answer") << "\n";
    return std::nullopt;
  }
  s.cookie = res->get_header_value("Set-Cookie");
  s.cookie = s.cookie.substr(0, s.cookie.find(';'));
  s.csrf = nlohmann::json::parse(res->body, nullptr, false).value("csrf_token", "");
  return s;
}

// The p-th percentile (0–100) by nearest rank.
inline double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  size_t i = size_t(p / 100.0 * double(v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

}  // namespace bench
