// The vocabulary and the noise shared by the synthetic generators: names, streets and towns
// from the embedded lists in data/synth/, a long tail of made-up rare ones, draws weighted by
// rank, and the ways a clerk or a register garbles a value.
//
// Not thread-safe: one Words per generator thread.
#pragma once

#include <cstdint>
#include <map>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace cairn::synth {

// Non-comment lines of an embedded data file.
std::vector<std::string> EmbeddedLines(std::string_view path);

struct Town {
  std::string name, area, council;  // "paisley", "PA", "renfrewshire"
};

class Words {
 public:
  // `surname_tail` and `street_tail`: how many names the lists are padded to with made-up rare
  // ones (the same for every seed).
  Words(uint64_t seed, size_t given_tail, size_t surname_tail, size_t street_tail);

  // False when the lists were not built into the binary.
  bool ok() const { return !given_.empty() && !surnames_.empty() && !streets_.empty() && !towns_.empty(); }

  const std::vector<std::string>& given() const { return given_; }
  const std::vector<std::string>& surnames() const { return surnames_; }
  const std::vector<std::string>& streets() const { return streets_; }
  const std::vector<Town>& towns() const { return towns_; }

  std::mt19937_64& rng() { return rng_; }
  int Int(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  bool Chance(double p) { return std::uniform_real_distribution<double>(0, 1)(rng_) < p; }
  char Letter() { return char('A' + Int(0, 25)); }
  // One element of a non-empty list, uniformly.
  template <typename T>
  const T& Pick(const std::vector<T>& list) { return list[size_t(Int(0, int(list.size()) - 1))]; }

  // An index into `list`, rank r drawn with weight (r+1)^-0.7: the commonest surname is about
  // 1.5% of people, as in Scotland, and most names are rare.
  size_t Zipf(const std::vector<std::string>& list);

  // One substitution, insertion, deletion or transposition of a letter.
  std::string Typo(std::string s);
  // The usual short form of a given name, or the name itself.
  static std::string Nickname(const std::string& given);
  // "street" → "st", "road" → "rd", … (first match only), any case.
  static std::string AbbreviateStreet(std::string street);

 private:
  std::mt19937_64 rng_;
  std::vector<std::string> given_, surnames_, streets_;
  std::vector<Town> towns_;
  std::map<const std::vector<std::string>*, std::vector<double>> cdf_;
};

// "john robert" → "John Robert"; "mcleod" → "Mcleod".
std::string TitleCase(std::string_view s);
std::string Upper(std::string_view s);

}  // namespace cairn::synth
