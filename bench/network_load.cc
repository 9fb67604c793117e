// Loopback load test of the network endpoint: signs in, then THREADS clients each send
// GET /api/v1/entities/{id}/network?hops=H for ids drawn from a file, and the latencies are
// reported as percentiles. Used by scripts/bench-network (make bench).
//
// Usage: network_load PORT USERNAME IDS_FILE [--threads N] [--requests N] [--hops H]
// The password is read from the first line of standard input.
#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "loopback.h"

using bench::Percentile;

namespace {

struct Args {
  int port = 0;
  std::string username, ids_file, password;
  int threads = 4, requests = 2000, hops = 2;
};

bool Parse(int argc, char** argv, Args& a) {
  if (argc < 4) return false;
  a.port = std::atoi(argv[1]);
  a.username = argv[2];
  a.ids_file = argv[3];
  for (int i = 4; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    int v = std::atoi(argv[i + 1]);
    if (flag == "--threads") a.threads = v;
    else if (flag == "--requests") a.requests = v;
    else if (flag == "--hops") a.hops = v;
    else return false;
  }
  return std::getline(std::cin, a.password) && a.port > 0;
}

}  // namespace

int main(int argc, char** argv) {
  Args a;
  if (!Parse(argc, argv, a)) {
    std::cerr << "usage: network_load PORT USERNAME IDS_FILE [--threads N] [--requests N] [--hops H] < password\n";
    return 2;
  }
  std::vector<std::string> ids;
  std::ifstream in(a.ids_file);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) ids.push_back(line);
  }
  if (ids.empty()) {
    std::cerr << "no entity ids in " << a.ids_file << "\n";
    return 2;
  }
  auto session = bench::SignIn(a.port, a.username, a.password);
  if (!session) return 1;
  const std::string cookie = session->cookie;

  std::mutex mu;
  std::vector<double> latencies;
  std::map<int, int> statuses;
  std::atomic<int> next{0};
  uint64_t bytes = 0;
  auto start = std::chrono::steady_clock::now();
  std::vector<std::thread> workers;
  for (int t = 0; t < a.threads; ++t) {
    workers.emplace_back([&, t] {
      httplib::Client c("127.0.0.1", a.port);
      c.set_keep_alive(true);
      std::mt19937 rng(uint32_t(1000 + t));
      std::vector<double> mine;
      std::map<int, int> codes;
      uint64_t got = 0;
      while (next.fetch_add(1) < a.requests) {
        const std::string& id = ids[rng() % ids.size()];
        auto t0 = std::chrono::steady_clock::now();
        auto r = c.Get("/api/v1/entities/" + id + "/network?hops=" + std::to_string(a.hops), {{"Cookie", cookie}});
        double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        ++codes[r ? r->status : 0];
        if (r) got += r->body.size();
        mine.push_back(ms);
      }
      std::lock_guard<std::mutex> lock(mu);
      latencies.insert(latencies.end(), mine.begin(), mine.end());
      for (auto [code, n] : codes) statuses[code] += n;
      bytes += got;
    });
  }
  for (auto& w : workers) w.join();
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("requests %zu over %d connections in %.1f s: %.0f per second\n", latencies.size(), a.threads, seconds,
              double(latencies.size()) / seconds);
  std::printf("latency ms: p50 %.1f  p90 %.1f  p99 %.1f  max %.1f\n", Percentile(latencies, 50),
              Percentile(latencies, 90), Percentile(latencies, 99), Percentile(latencies, 100));
  std::printf("mean response %.1f KiB; statuses:", double(bytes) / 1024.0 / double(std::max<size_t>(1, latencies.size())));
  for (auto [code, n] : statuses) std::printf(" %d x%d", code, n);
  std::printf("\n");
  return statuses.size() == 1 && statuses.count(200) ? 0 : 1;
}
