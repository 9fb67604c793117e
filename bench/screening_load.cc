// Screening latency on loopback: signs a partner in, then registers TENDERS tenders one after
// another, each with BIDDERS bidders drawn from a file of company numbers, through
// POST /api/v1/tenders — storing the tender and screening every bidder against the network and
// its findings — and reports the latency percentiles. Used by scripts/bench-world (make bench).
//
// Usage: screening_load PORT USERNAME NUMBERS_FILE [--tenders N] [--bidders N] < password
#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <random>

#include "loopback.h"

int main(int argc, char** argv) {
  if (argc < 4) {
    std::cerr << "usage: screening_load PORT USERNAME NUMBERS_FILE [--tenders N] [--bidders N] < password\n";
    return 2;
  }
  int port = std::atoi(argv[1]), tenders = 50, bidders = 20;
  for (int i = 4; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    if (flag == "--tenders") tenders = std::atoi(argv[i + 1]);
    else if (flag == "--bidders") bidders = std::atoi(argv[i + 1]);
  }
  std::string password;
  std::getline(std::cin, password);
  std::vector<std::string> numbers;
  std::ifstream in(argv[3]);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) numbers.push_back(line);
  if (numbers.empty()) {
    std::cerr << "no company numbers in " << argv[3] << "\n";
    return 2;
  }
  auto session = bench::SignIn(port, argv[2], password);
  if (!session) return 1;
  httplib::Client c("127.0.0.1", port);
  c.set_keep_alive(true);
  httplib::Headers headers = {{"Cookie", session->cookie}, {"X-CSRF-Token", session->csrf}, {"Origin", session->origin}};
  std::mt19937 rng(7);
  std::vector<double> latencies;
  std::map<std::string, int> results;
  std::map<int, int> statuses;
  for (int t = 0; t < tenders; ++t) {
    nlohmann::json list = nlohmann::json::array();
    for (int b = 0; b < bidders; ++b) {
      const std::string& n = numbers[rng() % numbers.size()];
      list.push_back({{"name", "Bidder " + n}, {"company_number", n}, {"declaration_signed", true}, {"declaration_date", "2026-01-05"}});
    }
    nlohmann::json body = {{"buyer", "Bench Council"}, {"title", "Bench tender " + std::to_string(t)},
                           {"category", "services"}, {"cpv", {"79710000"}}, {"bidders", list}};
    auto t0 = std::chrono::steady_clock::now();
    auto r = c.Post("/api/v1/tenders", headers, body.dump(), "application/json");
    latencies.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    ++statuses[r ? r->status : 0];
    if (r && r->status == 201) {
      nlohmann::json tender = nlohmann::json::parse(r->body, nullptr, false);
      for (const auto& b : tender.value("bidders", nlohmann::json::array())) ++results[b.value("result", "?")];
    }
  }
  std::printf("%d tenders of %d bidders, one at a time\n", tenders, bidders);
  std::printf("latency ms: p50 %.1f  p90 %.1f  p99 %.1f  max %.1f\n", bench::Percentile(latencies, 50),
              bench::Percentile(latencies, 90), bench::Percentile(latencies, 99), bench::Percentile(latencies, 100));
  std::printf("statuses:");
  for (auto [code, n] : statuses) std::printf(" %d x%d", code, n);
  std::printf("; bidders:");
  for (const auto& [result, n] : results) std::printf(" %s %d", result.c_str(), n);
  std::printf("\n");
  return statuses.count(201) && statuses.size() == 1 ? 0 : 1;
}
