// The true synthetic world, before it is written out noisily (synth/world.h). Indices link the
// parts: a company's officers name people by their index in World::people, and so on.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "synth/words.h"

namespace cairn::synth::internal {

using Day = int32_t;                     // days since 1970-01-01; 0 = none
inline constexpr uint32_t kNone = ~0u;   // no index

struct Address {
  int number = 0;        // house number; 0 for none
  std::string flat;      // "2/1" or ""
  uint32_t street = 0;   // index into Words::streets()
  uint32_t town = 0;     // index into Words::towns()
  std::string postcode;  // "PA1 1AA"
};

struct Person {
  uint32_t given = 0, middle = kNone, surname = 0;  // indices into the word lists
  int birth_year = 1970, birth_month = 1, birth_day = 1;
  bool female = false;
  uint32_t home = 0;  // address
  bool planted = false;  // made for a planted pattern: never drawn as an ordinary officer
};

struct Appointment {
  uint32_t person = 0;
  Day appointed = 0, resigned = 0;
  bool secretary = false;
  bool at_home = false;  // the service address given is the officer's home (else usually, not always)
};

struct Control {
  uint32_t person = kNone;     // an individual PSC, or
  uint32_t corporate = kNone;  // a company in the register, or
  std::string foreign_name;    // a body registered abroad
  std::string foreign_country;
  std::vector<std::string> natures;
  Day notified = 0, ceased = 0;
};

enum class CompanyStatus { kActive, kDissolved, kLiquidation };
enum class Accounts { kFull, kTotalExemption, kMicro, kDormant, kNoneFiled };

struct Company {
  std::string number, name;  // the register's name, "CLYDE TAVERNS LIMITED"
  uint32_t sector = 0;       // index into World::sectors
  CompanyStatus status = CompanyStatus::kActive;
  Day incorporated = 0, dissolved = 0;
  uint32_t registered_office = 0;  // address
  uint32_t premises = kNone;       // trading address, for businesses with one
  Accounts accounts = Accounts::kMicro;
  bool accounts_overdue = false;
  std::vector<std::pair<std::string, Day>> previous_names;  // newest first
  std::vector<Appointment> officers;
  std::vector<Control> pscs;
  bool no_psc_statement = false;
  bool in_register = true;  // false for a name a bidder gave that Companies House does not know
};

struct Licence {
  std::string id, type, status = "granted", premises_name;
  uint32_t council = 0;  // index into World::councils
  uint32_t premises = 0;
  bool company_holder = false;
  uint32_t holder = 0;  // company or person
  uint32_t manager = kNone;
  Day granted = 0, expires = 0;
  int occupancy = 0;
};

struct Inspection {
  std::string id, service, premises_name, notes;
  Day date = 0;
  uint32_t council = 0, premises = 0, company = kNone;
  bool gives_number = false;
  std::vector<std::string> signals;
};

struct Bid {
  uint32_t company = 0;
  int64_t amount = 0;  // pounds
  Day date = 0;
  std::string status = "valid";
  bool unregistered = false;  // a number the register does not know (shell bidder)
};

struct Process {
  std::string ocid, title, cpv, method;
  uint32_t buyer = 0;  // council
  Day start = 0, end = 0;
  std::vector<Bid> bids;
  int winner = -1;  // index into bids
  int64_t award_value = 0;
  Day award_date = 0;
};

struct Intel {
  std::string id, type, socg;  // type: person, organisation, socg, address
  uint32_t person = kNone, company = kNone, address = kNone;
  std::string source_grade, information_grade, handling, conditions, originator;
  Day recorded = 0, review = 0;
  std::vector<std::string> crime_types;  // for a SOC group
};

struct Pattern {
  std::string id, type, socg, note;
  std::vector<std::string> indicators, crime_types, processes, licences, inspections, intel;
  std::vector<uint32_t> people, companies, addresses;
};

struct Sector {
  std::string sic, description, licence, cpv, kind, contract;
  std::vector<std::string> nouns;
  double weight = 1;
};

struct Council {
  std::string slug, name, region;
};

struct World {
  std::vector<Sector> sectors;
  std::vector<Council> councils;
  std::vector<Address> addresses;
  std::vector<Person> people;
  std::vector<Company> companies;
  std::vector<Licence> licences;
  std::vector<Inspection> inspections;
  std::vector<Process> processes;
  std::vector<Intel> intel;
  std::vector<Pattern> patterns;
  std::vector<uint32_t> agent_addresses;  // formation agents and accountants: many companies, lawfully
};

// The date the world is seen from: the registers' snapshot day.
inline constexpr Day kToday = 20634;  // 2026-06-30

}  // namespace cairn::synth::internal
