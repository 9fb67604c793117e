// Writes the true world out in the real source formats (writers.cc) and the truth behind them
// (truth.cc). While writing, every record that mentions a true person or company is noted, so
// truth.json can say which records are whom.
#pragma once

#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include "common/status.h"
#include "synth/internal/render.h"
#include "synth/internal/world_model.h"

namespace cairn::synth::internal {

enum class File : uint8_t { kCompanies, kPsc, kOfficers, kOcds, kLicences, kInspections, kIntel };
enum class RefRole : uint8_t { kNone, kLicenceHolder, kManager, kBusiness, kSubject, kPartyCoh, kPartyOrg, kPsc };

const char* FileName(File f);

// One CSV row; a field is quoted when it holds a comma, a quote or a line break (RFC 4180).
void CsvRow(std::ostream& out, std::initializer_list<std::string> fields);

// A record that mentions someone: file, line (1-based, the header is line 1), and which
// mention in the record when it has more than one.
struct Ref {
  File file;
  RefRole role;
  uint32_t line;
};

struct Mentions {
  std::vector<std::vector<Ref>> people;     // per person
  std::vector<std::vector<Ref>> companies;  // per company, beyond its own register rows
};

using Progress = std::function<void(const std::string& file, uint64_t done, uint64_t total)>;

class Writers {
 public:
  Writers(const World& world, Words& words, std::string dir, Progress progress);

  // Each returns the rows written (not counting a header), or Unavailable.
  Result<uint64_t> Companies();
  Result<uint64_t> Officers();
  Result<uint64_t> Pscs();
  Result<uint64_t> Ocds();
  Result<uint64_t> Licences();
  Result<uint64_t> Inspections();
  Result<uint64_t> Intel();

  const Mentions& mentions() const { return mentions_; }

 private:
  Result<std::ofstream> Open(File f);
  void Tick(File f, uint64_t done, uint64_t total);
  void Note(uint32_t person, File f, RefRole role, uint64_t line);
  void NoteCompany(uint32_t company, File f, RefRole role, uint64_t line);

  const World& w_;
  Words& words_;
  Render render_;
  std::string dir_;
  Progress progress_;
  Mentions mentions_;
};

// Writes truth.json: the scale and seed, the planted patterns, and every true person and
// company with the records that mention them.
// detection.toml: the world's formation agents as an allow-list for C3 (risk/settings.h).
Status WriteDetectionSettings(const World& world, const std::string& path);

Status WriteTruth(const World& world, const Words& words, const Mentions& mentions, const std::string& path,
                  const std::string& scale, uint64_t seed, const std::vector<std::pair<std::string, uint64_t>>& files);

}  // namespace cairn::synth::internal
