// Synthetic Scotland: a deterministic world of people, companies, licences, inspections,
// public contracts and police intelligence, written in the real source formats with the truth
// behind them (docs/synth.md).
//
// Ordinary businesses are generated at realistic rates; hidden among them are planted SOC
// patterns for every indicator of INDICATORS.md (SOC groups with front businesses, phoenix
// chains, nominee directors, mass-registration addresses, opaque ownership, related bidders,
// exploitation signals, licence holders linked to subjects, …). Records are noisy the way
// registers are: typos, nicknames, missing middle names, "SURNAME, Forenames" against
// "Mr Forename Surname", address and company-suffix variants, missing fields.
//
// The same scale and seed give byte-identical files.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace cairn::synth {

enum class Scale { kDemo, kScotland, kUk };

// "demo", "scotland", "uk".
std::optional<Scale> ParseScale(std::string_view name);

// How many companies a scale generates: about 5k, 250k and 5M.
uint64_t CompaniesAt(Scale scale);

struct WorldOptions {
  Scale scale = Scale::kDemo;
  uint64_t seed = 1;
  std::string out_dir;  // created if missing
  // Called now and then while a file is written: its name, rows written, rows in all.
  std::function<void(const std::string& file, uint64_t done, uint64_t total)> progress;
};

struct FileCount {
  std::string file;
  uint64_t rows = 0;
};

struct WorldReport {
  std::vector<FileCount> files;  // in the order written; truth.json last
  uint64_t people = 0, companies = 0, patterns = 0;
};

// Writes companies.csv, psc.jsonl, officers.jsonl, ocds.jsonl, licences.csv, inspections.csv,
// intel.csv and truth.json into options.out_dir. Errors: InvalidArgument for an unusable
// directory, Unavailable when a write fails, Internal if the word lists are missing.
Result<WorldReport> WriteWorld(const WorldOptions& options);

}  // namespace cairn::synth
