// How the true world is written down by each source: names and addresses in each register's
// style, with the noise clerks and forms add. Every function draws from the Words' random
// stream, so the order of calls decides the output.
#pragma once

#include <string>

#include "synth/internal/world_model.h"
#include "synth/words.h"

namespace cairn::synth::internal {

std::string Iso(Day day);  // "2024-03-01"
std::string Dmy(Day day);  // "01/03/2024"
int YearOf(Day day);
int MonthOf(Day day);

class Render {
 public:
  Render(const World& world, Words& words) : w_(world), words_(words) {}

  // Companies House officers: "SMITH, John Robert" (the middle name sometimes left out).
  std::string OfficerName(const Person& p);
  // A PSC's name and its parts, "Mr John Robert Smith".
  struct NameParts {
    std::string title, forename, middle, surname, full;
  };
  NameParts PscName(const Person& p);
  // As a council clerk or an officer writes it: "John Smith", a nickname, a typo, sometimes
  // "SMITH John" or the middle name in full.
  std::string ClerkName(const Person& p);

  // A company name as someone other than the register writes it: LTD for LIMITED and back,
  // another case, a typo, the suffix left off.
  std::string CompanyName(const Company& c);

  // One line, as a form writes it: "12 High St, Paisley"; the postcode apart.
  std::string FreeAddress(const Address& a);
  std::string NoisyPostcode(const Address& a);
  // The parts of a register address.
  std::string Street(const Address& a) const;  // "12 High Street" or "Flat 2/1, 12 High Street"
  std::string Town(const Address& a) const;    // "Paisley"

  std::string Given(const Person& p) const { return TitleCase(words_.given()[p.given]); }
  std::string Middle(const Person& p) const { return p.middle == kNone ? "" : TitleCase(words_.given()[p.middle]); }
  std::string Surname(const Person& p) const { return TitleCase(words_.surnames()[p.surname]); }

 private:
  const World& w_;
  Words& words_;
};

}  // namespace cairn::synth::internal
