#include "synth/persons.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "embedded/embedded.h"

namespace cairn::synth {
namespace {

std::vector<std::string> Lines(std::string_view path) {
  std::vector<std::string> out;
  std::istringstream in{std::string(embedded::Find(path).value_or(""))};
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line[0] != '#') out.push_back(line);
  }
  return out;
}

// Real registers have a long tail of rare names and streets. The embedded lists hold the
// common ones; this adds `n` made-up ones built from syllables (the same for every seed, so
// files differ only by the people drawn).
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

struct Person {
  std::string given, surname, number, street, locality, town, postcode, state, dob, ssn;
};

class Generator {
 public:
  explicit Generator(uint64_t seed) : rng_(seed) {
    given_ = WithLongTail(Lines("data/synth/given_names.txt"), 1000, "");
    surnames_ = WithLongTail(Lines("data/synth/surnames.txt"), 30000, "");
    streets_ = WithLongTail(Lines("data/synth/streets.txt"), 8000, "street");
    for (const auto& line : Lines("data/synth/towns.txt")) {
      towns_.push_back({line.substr(0, line.find(',')), line.substr(line.find(',') + 1)});
    }
  }

  bool ok() const { return !given_.empty() && !surnames_.empty() && !streets_.empty() && !towns_.empty(); }

  Person Original() {
    Person p;
    p.given = Zipf(given_);
    p.surname = Zipf(surnames_);
    p.number = std::to_string(Int(1, 250));
    p.street = Zipf(streets_);
    const auto& [town, area] = towns_[size_t(Int(0, int(towns_.size()) - 1))];
    p.town = town;
    if (Chance(0.3)) {
      const std::string& s = Zipf(streets_);
      p.locality = s.substr(0, s.find(' '));
    }
    p.postcode = area + std::to_string(Int(1, 40)) + " " + std::to_string(Int(1, 9)) + Letter() + Letter();
    p.state = "sco";
    char dob[16];
    std::snprintf(dob, sizeof dob, "%04d%02d%02d", Int(1930, 2005), Int(1, 12), Int(1, 28));
    p.dob = dob;
    p.ssn = std::to_string(Int(1000000, 9999999));
    return p;
  }

  // A copy of `p` with one to three corruptions.
  Person Corrupt(Person p) {
    int n = Int(1, 3);
    for (int i = 0; i < n; ++i) {
      switch (Int(0, 8)) {
        case 0: p.given = Typo(p.given); break;
        case 1: p.surname = Typo(p.surname); break;
        case 2: std::swap(p.given, p.surname); break;
        case 3: p.given = Nickname(p.given); break;
        case 4: p.dob[size_t(Int(4, 7))] = char('0' + Int(0, 9)); break;
        case 5: p.postcode = Typo(p.postcode); break;
        case 6: p.street = Chance(0.5) ? Typo(p.street) : Abbreviate(p.street); break;
        case 7: Blank(p); break;
        case 8: p.ssn = Typo(p.ssn); break;
      }
    }
    return p;
  }

 private:
  int Int(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  bool Chance(double p) { return std::uniform_real_distribution<double>(0, 1)(rng_) < p; }
  char Letter() { return char('A' + Int(0, 25)); }

  // Rank r is drawn with weight (r+1)^-0.7: the commonest surname is about 1.5% of people,
  // as in Scotland, and most names are rare.
  const std::string& Zipf(const std::vector<std::string>& list) {
    std::vector<double>& cdf = cdf_[&list];
    if (cdf.empty()) {
      double total = 0;
      for (size_t r = 0; r < list.size(); ++r) cdf.push_back(total += std::pow(double(r + 1), -0.7));
      for (double& c : cdf) c /= total;
    }
    double x = std::uniform_real_distribution<double>(0, 1)(rng_);
    size_t i = size_t(std::lower_bound(cdf.begin(), cdf.end(), x) - cdf.begin());
    return list[std::min(i, list.size() - 1)];
  }

  std::string Typo(std::string s) {
    if (s.size() < 2) return s;
    size_t i = size_t(Int(0, int(s.size()) - 1));
    switch (Int(0, 3)) {
      case 0: s[i] = char('a' + Int(0, 25)); break;
      case 1: s.insert(i, 1, char('a' + Int(0, 25))); break;
      case 2: s.erase(i, 1); break;
      case 3: if (i + 1 < s.size()) std::swap(s[i], s[i + 1]); break;
    }
    return s;
  }

  std::string Nickname(const std::string& given) {
    static const std::map<std::string, std::string> kNicknames = {
        {"james", "jim"}, {"robert", "rab"}, {"william", "bill"}, {"alexander", "alex"}, {"thomas", "tam"},
        {"andrew", "andy"}, {"michael", "mick"}, {"david", "davie"}, {"john", "ian"}, {"catriona", "katie"},
        {"elizabeth", "liz"}, {"margaret", "maggie"}, {"daniel", "danny"}, {"rebecca", "becky"}};
    auto it = kNicknames.find(given);
    return it == kNicknames.end() ? given : it->second;
  }

  std::string Abbreviate(std::string street) {
    for (auto [from, to] : {std::pair{"street", "st"}, {"road", "rd"}, {"avenue", "ave"}, {"terrace", "ter"}}) {
      size_t pos = street.find(from);
      if (pos != std::string::npos) return street.replace(pos, std::string(from).size(), to);
    }
    return street;
  }

  void Blank(Person& p) {
    std::array<std::string*, 6> fields = {&p.given, &p.street, &p.locality, &p.postcode, &p.dob, &p.ssn};
    *fields[size_t(Int(0, int(fields.size()) - 1))] = "";
  }

  std::mt19937_64 rng_;
  std::vector<std::string> given_, surnames_, streets_;
  std::vector<std::pair<std::string, std::string>> towns_;
  std::map<const std::vector<std::string>*, std::vector<double>> cdf_;
};

void Write(std::ostream& out, const std::string& id, const Person& p) {
  out << id << ", " << p.given << ", " << p.surname << ", " << p.number << ", " << p.street << ", " << p.locality
      << ", " << p.town << ", " << p.postcode << ", " << p.state << ", " << p.dob << ", " << p.ssn << "\n";
}

}  // namespace

Status WritePersons(const PersonsOptions& options, std::ostream& out) {
  Generator gen(options.seed);
  if (!gen.ok()) return Internal("the synthetic name lists were not built into this binary");
  out << "rec_id, given_name, surname, street_number, address_1, address_2, suburb, postcode, state, "
         "date_of_birth, soc_sec_id\n";
  uint64_t written = 0, person = 0;
  std::mt19937_64 dup_rng(options.seed ^ 0x9e3779b97f4a7c15ULL);
  const double per_original = options.duplicate_share / (1 - options.duplicate_share);
  while (written < options.rows) {
    Person p = gen.Original();
    Write(out, "rec-" + std::to_string(person) + "-org", p);
    ++written;
    // Duplicates so that about duplicate_share of all rows are copies.
    std::poisson_distribution<int> dups(per_original);
    int n = std::min(dups(dup_rng), options.max_duplicates);
    for (int j = 0; j < n && written < options.rows; ++j, ++written) {
      Write(out, "rec-" + std::to_string(person) + "-dup-" + std::to_string(j), gen.Corrupt(p));
    }
    ++person;
  }
  if (!out) return Unavailable("could not write the output");
  return Status::Ok();
}

}  // namespace cairn::synth
