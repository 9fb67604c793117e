// Builds the true world (world_model.h): ordinary people and businesses (builder.cc), then the
// planted SOC patterns (patterns.cc). One random stream, so one seed gives one world.
#pragma once

#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "synth/internal/world_model.h"
#include "synth/words.h"

namespace cairn::synth::internal {

struct Counts {
  uint64_t companies = 0, people = 0, processes = 0;
  int socgs = 0;          // SOC groups
  bool scottish_numbers = true;  // all company numbers SC…; else mostly English and Welsh
  int each_pattern = 0;   // how many of each other planted pattern
};

Counts CountsFor(uint64_t companies);

class Builder {
 public:
  Builder(World& world, Words& words) : w_(world), words_(words) {}

  // Loads sectors and councils from the embedded data; false if missing.
  bool LoadReference();
  void Ordinary(const Counts& counts);
  void Plant(const Counts& counts);  // patterns.cc

 private:
  // People and places.
  uint32_t NewAddress(uint32_t town);
  uint32_t NewAddress() { return NewAddress(RandomTown()); }
  uint32_t NewPerson(uint32_t home = kNone);
  uint32_t RandomTown() { return uint32_t(words_.Int(0, int(words_.towns().size()) - 1)); }
  uint32_t CouncilOf(uint32_t address) const;
  uint32_t SectorOfKind(const std::string& kind);
  uint32_t RandomSector();

  // Companies.
  uint32_t NewCompany(uint32_t sector, Day incorporated, uint32_t town, const std::string& stem = "");
  std::string UniqueName(const std::string& stem, uint32_t sector);
  std::string NextNumber();
  void Appoint(uint32_t company, uint32_t person, Day appointed, Day resigned = 0);
  void IndividualPsc(uint32_t company, uint32_t person, Day notified, const char* share);
  void OrdinaryOfficers(uint32_t company);

  // Licences, inspections, contracts, intelligence.
  Licence& NewLicence(const std::string& type, uint32_t premises, const std::string& premises_name, Day granted);
  Inspection& NewInspection(uint32_t premises, const std::string& premises_name, uint32_t company, Day date);
  Process& NewProcess(uint32_t buyer, const std::string& cpv, Day start);
  void Award(Process& p, int winner, Day date);
  Intel& NewIntel(const std::string& type, Day recorded);
  std::string PremisesName(uint32_t company);
  void OrdinaryLicences();
  void OrdinaryInspections();
  void OrdinaryProcesses(uint64_t n);
  void OrdinaryIntel();

  // Planted patterns (patterns.cc).
  Pattern& NewPattern(const std::string& type, std::vector<std::string> indicators);
  std::vector<std::string> Cpvs() const;
  void PlantSocg(int n);
  void PlantChurn();
  void PlantPhoenix();
  void PlantMassRegistration();
  void PlantNominee();
  void PlantOpaqueOwnership();
  void PlantNameChurn();
  void PlantYoungLargeAward();
  void PlantDormantTrading();
  void PlantColocation();
  void PlantExploitation();
  void PlantLicenceCluster();
  void PlantSplitPurchases();
  void PlantShellBidder();

  Day RandomDay(Day from, Day to) { return Day(words_.Int(int(from), int(to))); }

  World& w_;
  Words& words_;
  std::unordered_set<std::string> names_;
  std::unordered_map<std::string, int> next_suffix_;
  std::unordered_map<std::string, std::vector<uint32_t>> bidders_by_cpv_;
  uint64_t next_number_ = 100000, next_ew_number_ = 1000000;
  bool scottish_numbers_ = true;
  std::vector<uint32_t> holdings_;
  uint32_t fresh_person_ = 0;  // people are mostly drawn in order, so most hold one post
  bool planting_ = false;      // set by Plant: people made from then on belong to a pattern
  int licence_seq_ = 0, inspection_seq_ = 0, intel_seq_ = 0, socg_seq_ = 0;
};

}  // namespace cairn::synth::internal
