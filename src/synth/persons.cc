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

#include "synth/words.h"

namespace cairn::synth {
namespace {

struct Person {
  std::string given, surname, number, street, locality, town, postcode, state, dob, ssn;
};

class Generator {
 public:
  explicit Generator(uint64_t seed) : w_(seed, 1000, 30000, 8000) {}

  bool ok() const { return w_.ok(); }

  Person Original() {
    Person p;
    p.given = w_.given()[w_.Zipf(w_.given())];
    p.surname = w_.surnames()[w_.Zipf(w_.surnames())];
    p.number = std::to_string(Int(1, 250));
    p.street = w_.streets()[w_.Zipf(w_.streets())];
    const Town& town = w_.towns()[size_t(Int(0, int(w_.towns().size()) - 1))];
    p.town = town.name;
    if (Chance(0.3)) {
      const std::string& s = w_.streets()[w_.Zipf(w_.streets())];
      p.locality = s.substr(0, s.find(' '));
    }
    p.postcode = town.area + std::to_string(Int(1, 40)) + " " + std::to_string(Int(1, 9)) + Letter() + Letter();
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
        case 0: p.given = w_.Typo(p.given); break;
        case 1: p.surname = w_.Typo(p.surname); break;
        case 2: std::swap(p.given, p.surname); break;
        case 3: p.given = Words::Nickname(p.given); break;
        case 4: p.dob[size_t(Int(4, 7))] = char('0' + Int(0, 9)); break;
        case 5: p.postcode = w_.Typo(p.postcode); break;
        case 6: p.street = Chance(0.5) ? w_.Typo(p.street) : Words::AbbreviateStreet(p.street); break;
        case 7: Blank(p); break;
        case 8: p.ssn = w_.Typo(p.ssn); break;
      }
    }
    return p;
  }

 private:
  int Int(int lo, int hi) { return w_.Int(lo, hi); }
  bool Chance(double p) { return w_.Chance(p); }
  char Letter() { return w_.Letter(); }

  void Blank(Person& p) {
    std::array<std::string*, 6> fields = {&p.given, &p.street, &p.locality, &p.postcode, &p.dob, &p.ssn};
    *fields[size_t(Int(0, int(fields.size()) - 1))] = "";
  }

  Words w_;
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
