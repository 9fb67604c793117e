#include "synth/words.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>
#include <sstream>

#include "embedded/embedded.h"

namespace cairn::synth {
namespace {

// Real registers have a long tail of rare names and streets. The embedded lists hold the
// common ones; this adds made-up ones built from syllables up to `n` (the same for every
// seed, so files differ only in the people drawn).
std::vector<std::string> WithLongTail(std::vector<std::string> common, size_t n, const char* suffix) {
  static const char* kOnsets[] = {"b", "br", "c", "cr", "d", "dr", "f", "g", "gr", "h", "k", "l", "m", "mc",
                                  "n", "p", "r", "s", "sh", "st", "t", "tr", "w", "fl"};
  static const char* kVowels[] = {"a", "e", "i", "o", "u", "ai", "ea", "ie", "ou"};
  static const char* kCodas[] = {"", "n", "r", "l", "ll", "rt", "nd", "ck", "ng", "rn", "th", "s"};
  std::mt19937_64 rng(20261122);
  std::set<std::string> seen(common.begin(), common.end());
  auto pick = [&](auto& arr) { return std::string(arr[rng() % (sizeof(arr) / sizeof(arr[0]))]); };
  while (common.size() < n) {
    std::string w = pick(kOnsets) + pick(kVowels) + pick(kCodas) + pick(kOnsets) + pick(kVowels) + pick(kCodas);
    if (rng() % 3 == 0) w += pick(kVowels) + pick(kCodas);
    if (*suffix) w += std::string(" ") + suffix;
    if (seen.insert(w).second) common.push_back(w);
  }
  return common;
}

}  // namespace

std::vector<std::string> EmbeddedLines(std::string_view path) {
  std::vector<std::string> out;
  std::istringstream in{std::string(embedded::Find(path).value_or(""))};
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line[0] != '#') out.push_back(line);
  }
  return out;
}

Words::Words(uint64_t seed, size_t given_tail, size_t surname_tail, size_t street_tail) : rng_(seed) {
  given_ = WithLongTail(EmbeddedLines("data/synth/given_names.txt"), given_tail, "");
  surnames_ = WithLongTail(EmbeddedLines("data/synth/surnames.txt"), surname_tail, "");
  streets_ = WithLongTail(EmbeddedLines("data/synth/streets.txt"), street_tail, "street");
  for (const auto& line : EmbeddedLines("data/synth/towns.txt")) {
    size_t a = line.find(','), b = line.find(',', a + 1);
    if (a == std::string::npos || b == std::string::npos) continue;
    towns_.push_back({line.substr(0, a), line.substr(a + 1, b - a - 1), line.substr(b + 1)});
  }
}

size_t Words::Zipf(const std::vector<std::string>& list) {
  std::vector<double>& cdf = cdf_[&list];
  if (cdf.empty()) {
    double total = 0;
    for (size_t r = 0; r < list.size(); ++r) cdf.push_back(total += std::pow(double(r + 1), -0.7));
    for (double& c : cdf) c /= total;
  }
  double x = std::uniform_real_distribution<double>(0, 1)(rng_);
  size_t i = size_t(std::lower_bound(cdf.begin(), cdf.end(), x) - cdf.begin());
  return std::min(i, list.size() - 1);
}

std::string Words::Typo(std::string s) {
  if (s.size() < 2) return s;
  size_t i = size_t(Int(0, int(s.size()) - 1));
  const char base = std::isupper(static_cast<unsigned char>(s[i])) ? 'A' : 'a';
  switch (Int(0, 3)) {
    case 0: s[i] = char(base + Int(0, 25)); break;
    case 1: s.insert(i, 1, char(base + Int(0, 25))); break;
    case 2: s.erase(i, 1); break;
    case 3: if (i + 1 < s.size()) std::swap(s[i], s[i + 1]); break;
  }
  return s;
}

std::string Words::Nickname(const std::string& given) {
  static const std::map<std::string, std::string> kNicknames = {
      {"james", "jim"}, {"robert", "rab"}, {"william", "bill"}, {"alexander", "alex"}, {"thomas", "tam"},
      {"andrew", "andy"}, {"michael", "mick"}, {"david", "davie"}, {"john", "ian"}, {"catriona", "katie"},
      {"elizabeth", "liz"}, {"margaret", "maggie"}, {"daniel", "danny"}, {"rebecca", "becky"},
      {"christopher", "chris"}, {"joseph", "joe"}, {"samuel", "sam"}, {"matthew", "matt"}, {"benjamin", "ben"},
      {"katherine", "kate"}, {"jessica", "jess"}, {"charlotte", "charlie"}, {"alexandra", "alex"}};
  std::string lower;
  for (char c : given) lower += char(std::tolower(static_cast<unsigned char>(c)));
  auto it = kNicknames.find(lower);
  if (it == kNicknames.end()) return given;
  return std::isupper(static_cast<unsigned char>(given[0])) ? TitleCase(it->second) : it->second;
}

std::string Words::AbbreviateStreet(std::string street) {
  for (auto [from, to] : {std::pair{"street", "st"}, {"road", "rd"}, {"avenue", "ave"}, {"terrace", "ter"},
                          {"Street", "St"}, {"Road", "Rd"}, {"Avenue", "Ave"}, {"Terrace", "Ter"},
                          {"STREET", "ST"}, {"ROAD", "RD"}, {"AVENUE", "AVE"}, {"TERRACE", "TER"}}) {
    size_t pos = street.find(from);
    if (pos != std::string::npos) return street.replace(pos, std::string(from).size(), to);
  }
  return street;
}

std::string TitleCase(std::string_view s) {
  std::string out(s);
  bool start = true;
  for (char& c : out) {
    c = char(start ? std::toupper(static_cast<unsigned char>(c)) : std::tolower(static_cast<unsigned char>(c)));
    start = c == ' ' || c == '-' || c == '\'';
  }
  return out;
}

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = char(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace cairn::synth
