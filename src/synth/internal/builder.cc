// The ordinary world: people, companies with officers and PSCs, licences, inspections, public
// contracts and a little background intelligence, at rates that look like a real register.
#include "synth/internal/builder.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace cairn::synth::internal {
namespace {

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::stringstream in(s);
  for (std::string part; std::getline(in, part, sep);) out.push_back(part);
  if (!s.empty() && s.back() == sep) out.emplace_back();
  return out;
}

const char* kShareBands[] = {"ownership-of-shares-75-to-100-percent", "ownership-of-shares-50-to-75-percent",
                             "ownership-of-shares-25-to-50-percent"};

}  // namespace

Counts CountsFor(uint64_t companies) {
  Counts c;
  c.companies = companies;
  c.people = companies * 85 / 100;
  c.processes = std::max<uint64_t>(60, companies / 12);
  c.socgs = int(std::max<uint64_t>(4, companies / 3125));
  c.each_pattern = int(std::max<uint64_t>(2, companies / 6000));
  c.scottish_numbers = companies <= 500000;
  return c;
}

bool Builder::LoadReference() {
  for (const std::string& line : EmbeddedLines("data/synth/sectors.csv")) {
    auto f = Split(line, ',');
    if (f.size() != 8 || f[0] == "sic") continue;
    Sector s{f[0], f[1], f[4], f[5], f[6], f[7], Split(f[3], '|'), std::stod(f[2])};
    w_.sectors.push_back(std::move(s));
  }
  for (const std::string& line : EmbeddedLines("data/seed/councils.csv")) {
    auto f = Split(line, ',');
    if (f.size() != 3 || f[0] == "slug") continue;
    w_.councils.push_back({f[0], f[1], f[2]});
  }
  return !w_.sectors.empty() && w_.councils.size() == 32 && words_.ok();
}

uint32_t Builder::NewAddress(uint32_t town) {
  Address a;
  a.town = town;
  a.street = uint32_t(words_.Zipf(words_.streets()));
  a.number = words_.Int(1, 240);
  if (words_.Chance(0.12)) a.flat = std::to_string(words_.Int(0, 4)) + "/" + std::to_string(words_.Int(1, 3));
  a.postcode = words_.towns()[town].area + std::to_string(words_.Int(1, 40)) + " " + std::to_string(words_.Int(1, 9)) +
               words_.Letter() + words_.Letter();
  w_.addresses.push_back(std::move(a));
  return uint32_t(w_.addresses.size() - 1);
}

uint32_t Builder::NewPerson(uint32_t home) {
  Person p;
  p.female = words_.Chance(0.5);
  p.given = uint32_t(words_.Zipf(words_.given()));
  if (words_.Chance(0.6)) p.middle = uint32_t(words_.Zipf(words_.given()));
  p.surname = uint32_t(words_.Zipf(words_.surnames()));
  p.birth_year = words_.Int(1945, 2003);
  p.birth_month = words_.Int(1, 12);
  p.birth_day = words_.Int(1, 28);
  p.home = home == kNone ? NewAddress() : home;
  p.planted = planting_;
  w_.people.push_back(p);
  return uint32_t(w_.people.size() - 1);
}

uint32_t Builder::CouncilOf(uint32_t address) const {
  const std::string& slug = words_.towns()[w_.addresses[address].town].council;
  for (uint32_t i = 0; i < w_.councils.size(); ++i) {
    if (w_.councils[i].slug == slug) return i;
  }
  return 0;
}

uint32_t Builder::SectorOfKind(const std::string& kind) {
  std::vector<uint32_t> matching;
  for (uint32_t i = 0; i < w_.sectors.size(); ++i) {
    if (w_.sectors[i].kind == kind) matching.push_back(i);
  }
  return matching.empty() ? 0 : words_.Pick(matching);
}

uint32_t Builder::RandomSector() {
  double total = 0;
  for (const auto& s : w_.sectors) total += s.weight;
  double x = std::uniform_real_distribution<double>(0, total)(words_.rng());
  for (uint32_t i = 0; i < w_.sectors.size(); ++i) {
    if ((x -= w_.sectors[i].weight) < 0) return i;
  }
  return uint32_t(w_.sectors.size() - 1);
}

std::string Builder::NextNumber() {
  char buf[16];
  if (scottish_numbers_ || words_.Chance(0.1)) {
    std::snprintf(buf, sizeof buf, "SC%06llu", static_cast<unsigned long long>(next_number_++));
  } else {
    std::snprintf(buf, sizeof buf, "%08llu", static_cast<unsigned long long>(next_ew_number_++));
  }
  return buf;
}

std::string Builder::UniqueName(const std::string& stem, uint32_t sector) {
  const auto& nouns = w_.sectors[sector].nouns;
  std::string base = stem;
  if (base.empty()) {
    int k = words_.Int(0, 9);
    if (k < 4) base = Upper(words_.surnames()[words_.Zipf(words_.surnames())]);
    else if (k < 6) base = Upper(words_.towns()[RandomTown()].name);
    else if (k < 8) {
      const std::string& street = words_.streets()[words_.Zipf(words_.streets())];
      base = Upper(street.substr(0, street.find(' ')));
    }
    else base = std::string(1, words_.Letter()) + " & " + std::string(1, words_.Letter());
    base += " " + words_.Pick(nouns);
  }
  // Taken names get "(SCOTLAND)", then a number; each base remembers its next number, so a
  // common base does not retry every number before it (quadratic at UK scale).
  std::string name = base;
  int& n = next_suffix_[base];
  while (!names_.insert(name).second) {
    n = std::max(n, 2);
    name = n == 2 ? base + " (SCOTLAND)" : base + " " + std::to_string(n);
    ++n;
  }
  return name;
}

uint32_t Builder::NewCompany(uint32_t sector, Day incorporated, uint32_t town, const std::string& stem) {
  Company c;
  c.sector = sector;
  c.number = NextNumber();
  c.name = UniqueName(stem, sector) + (words_.Chance(0.8) ? " LIMITED" : " LTD");
  c.incorporated = incorporated;
  const Sector& s = w_.sectors[sector];
  bool trades = s.kind != "other" || !s.licence.empty() || s.sic.rfind("56", 0) == 0 || s.sic.rfind("45", 0) == 0 ||
                s.sic.rfind("47", 0) == 0 || s.sic.rfind("86", 0) == 0;
  if (s.kind == "holding") trades = false;
  if (trades) c.premises = NewAddress(town);
  int office = words_.Int(0, 99);
  if (c.premises != kNone && office < 55) c.registered_office = c.premises;
  else if (office < 85 && !w_.agent_addresses.empty())
    c.registered_office = words_.Pick(w_.agent_addresses);
  else c.registered_office = NewAddress(town);
  int a = words_.Int(0, 99);
  c.accounts = a < 4 ? Accounts::kDormant : a < 54 ? Accounts::kMicro : a < 84 ? Accounts::kTotalExemption : Accounts::kFull;
  if (kToday - incorporated < 540) c.accounts = Accounts::kNoneFiled;
  c.accounts_overdue = words_.Chance(0.05);
  w_.companies.push_back(std::move(c));
  return uint32_t(w_.companies.size() - 1);
}

void Builder::Appoint(uint32_t company, uint32_t person, Day appointed, Day resigned) {
  w_.companies[company].officers.push_back({person, appointed, resigned, false});
}

void Builder::IndividualPsc(uint32_t company, uint32_t person, Day notified, const char* share) {
  Control c;
  c.person = person;
  c.natures = {share};
  if (std::string(share).find("75-to-100") != std::string::npos) c.natures.push_back("voting-rights-75-to-100-percent");
  c.notified = notified;
  w_.companies[company].pscs.push_back(std::move(c));
}

void Builder::OrdinaryOfficers(uint32_t ci) {
  int directors = words_.Chance(0.5) ? 1 : words_.Chance(0.7) ? 2 : 3;
  Day inc = w_.companies[ci].incorporated;
  // A planted pattern's people stay in their pattern, or the truth would miss what they touch.
  auto pick = [&]() -> uint32_t {
    while (fresh_person_ < w_.people.size() && w_.people[fresh_person_].planted) ++fresh_person_;
    if (fresh_person_ < w_.people.size() && words_.Chance(0.7)) return fresh_person_++;
    uint32_t p = 0;
    do {
      p = uint32_t(words_.Int(0, int(std::max<size_t>(fresh_person_, 1)) - 1));
    } while (w_.people[p].planted);
    return p;
  };
  std::vector<uint32_t> chosen;
  for (int d = 0; d < directors; ++d) {
    uint32_t p = pick();
    if (std::find(chosen.begin(), chosen.end(), p) != chosen.end()) continue;
    chosen.push_back(p);
    Appoint(ci, p, d == 0 || words_.Chance(0.6) ? inc : RandomDay(inc, kToday));
  }
  if (words_.Chance(0.25)) {  // a director who has since left
    Day from = RandomDay(inc, kToday);
    Appoint(ci, pick(), from, RandomDay(from, kToday));
  }
  if (words_.Chance(0.1)) {
    Appoint(ci, pick(), inc);
    w_.companies[ci].officers.back().secretary = true;
  }
  Company& c = w_.companies[ci];
  if (c.status != CompanyStatus::kActive) {
    for (auto& a : c.officers) {
      if (!a.resigned || a.resigned > c.dissolved) a.resigned = c.dissolved;
    }
  }
  int kind = words_.Int(0, 99);
  if (kind < 80) {
    if (chosen.size() >= 2 && words_.Chance(0.5)) {
      IndividualPsc(ci, chosen[0], inc, kShareBands[2]);
      IndividualPsc(ci, chosen[1], inc, kShareBands[2]);
    } else {
      IndividualPsc(ci, chosen[0], inc, kShareBands[0]);
    }
  } else if (kind < 88 && !holdings_.empty()) {
    Control ctl;
    ctl.corporate = words_.Pick(holdings_);
    ctl.natures = {kShareBands[0]};
    ctl.notified = inc;
    c.pscs.push_back(std::move(ctl));
  } else if (kind < 93) {
    c.no_psc_statement = true;
  }
}

void Builder::Ordinary(const Counts& counts) {
  scottish_numbers_ = counts.scottish_numbers;
  for (uint64_t i = 0; i < std::max<uint64_t>(3, counts.companies / 1500); ++i) {
    w_.agent_addresses.push_back(NewAddress());
  }
  for (uint64_t i = 0; i < counts.people; ++i) {
    bool household = !w_.people.empty() && words_.Chance(0.15);
    NewPerson(household ? w_.people.back().home : kNone);
  }
  uint32_t formation_sector = 0;
  for (uint32_t s = 0; s < w_.sectors.size(); ++s) {
    if (w_.sectors[s].sic == "82990") formation_sector = s;
  }
  for (uint32_t agent : w_.agent_addresses) {  // the agent itself is a company at its address
    uint32_t c = NewCompany(formation_sector, RandomDay(7300, 14600), w_.addresses[agent].town);
    w_.companies[c].registered_office = agent;
    OrdinaryOfficers(c);
  }
  std::exponential_distribution<double> age(1.0 / (8 * 365));
  for (uint64_t i = 0; w_.companies.size() < counts.companies; ++i) {
    uint32_t sector = RandomSector();
    Day inc = std::max<Day>(7300, kToday - 30 - Day(age(words_.rng())));
    uint32_t c = NewCompany(sector, inc, RandomTown());
    Company& co = w_.companies[c];
    if (kToday - inc > 730) {
      int fate = words_.Int(0, 999);
      if (fate < 120) co.status = CompanyStatus::kDissolved, co.dissolved = RandomDay(inc + 365, kToday - 30);
      else if (fate < 135) co.status = CompanyStatus::kLiquidation;
    }
    if (words_.Chance(0.06)) {
      co.previous_names.emplace_back(UniqueName("", sector) + " LIMITED", RandomDay(inc, kToday));
    }
    OrdinaryOfficers(c);
    const Company& done = w_.companies[c];
    if (w_.sectors[sector].kind == "holding" && done.status == CompanyStatus::kActive) holdings_.push_back(c);
    if (done.status == CompanyStatus::kActive && !w_.sectors[sector].cpv.empty()) {
      bidders_by_cpv_[w_.sectors[sector].cpv].push_back(c);
    }
  }
  OrdinaryLicences();
  OrdinaryInspections();
  OrdinaryProcesses(counts.processes);
  OrdinaryIntel();
}

std::string Builder::PremisesName(uint32_t company) {
  std::string name = w_.companies[company].name;
  for (const char* suffix : {" LIMITED", " LTD"}) {
    if (name.size() > std::string(suffix).size() && name.ends_with(suffix)) name.resize(name.size() - std::string(suffix).size());
  }
  return (words_.Chance(0.3) ? "The " : "") + TitleCase(name);
}

Licence& Builder::NewLicence(const std::string& type, uint32_t premises, const std::string& premises_name, Day granted) {
  Licence l;
  l.type = type;
  l.premises = premises;
  l.premises_name = premises_name;
  l.council = CouncilOf(premises);
  char id[32];
  const char* prefix = type == "premises_alcohol" ? "PL" : type == "hmo" ? "HMO" : type == "taxi_private_hire" ? "TX"
                       : type == "nail_bar" ? "NB" : type == "metal_dealer" ? "MD" : "LC";
  std::snprintf(id, sizeof id, "%s/%d/%05d", prefix, 1970 + granted / 365, ++licence_seq_);
  l.id = id;
  l.granted = granted;
  if (type != "premises_alcohol") l.expires = granted + 3 * 365;
  int s = words_.Int(0, 99);
  l.status = s < 92 ? "granted" : s < 95 ? "pending" : s < 97 ? "refused" : s < 99 ? "suspended" : "revoked";
  w_.licences.push_back(std::move(l));
  return w_.licences.back();
}

void Builder::OrdinaryLicences() {
  const size_t companies = w_.companies.size();
  for (uint32_t ci = 0; ci < companies; ++ci) {
    const Company& c = w_.companies[ci];
    const Sector& s = w_.sectors[c.sector];
    if (s.licence.empty() || c.premises == kNone || c.status != CompanyStatus::kActive || !words_.Chance(0.6)) continue;
    Licence& l = NewLicence(s.licence, c.premises, PremisesName(ci), RandomDay(c.incorporated, kToday));
    uint32_t first = c.officers.empty() ? uint32_t(words_.Int(0, int(w_.people.size()) - 1)) : c.officers[0].person;
    l.company_holder = words_.Chance(0.7);
    l.holder = l.company_holder ? ci : first;
    if (l.type == "premises_alcohol") l.manager = words_.Chance(0.6) ? first : uint32_t(words_.Int(0, int(w_.people.size()) - 1));
  }
  for (uint64_t i = 0; i < w_.people.size() / 100; ++i) {
    Licence& l = NewLicence("hmo", NewAddress(), "", RandomDay(kToday - 2500, kToday));
    l.holder = uint32_t(words_.Int(0, int(w_.people.size()) - 1));
    l.occupancy = words_.Int(3, 7);
  }
}

Inspection& Builder::NewInspection(uint32_t premises, const std::string& premises_name, uint32_t company, Day date) {
  Inspection x;
  x.premises = premises;
  x.premises_name = premises_name;
  x.company = company;
  x.gives_number = company != kNone && words_.Chance(0.5);
  x.council = CouncilOf(premises);
  x.date = date;
  int s = words_.Int(0, 2);
  x.service = s == 0 ? "licensing" : s == 1 ? "environmental_health" : "trading_standards";
  char id[32];
  std::snprintf(id, sizeof id, "%s-%d-%05d", x.service == "licensing" ? "LIC" : x.service == "environmental_health" ? "EH" : "TS",
                1970 + date / 365, ++inspection_seq_);
  x.id = id;
  w_.inspections.push_back(std::move(x));
  return w_.inspections.back();
}

void Builder::OrdinaryInspections() {
  static const char* kBenign[] = {"cash_only", "same_staff_always", "few_customers_long_hours", "no_qualifications_displayed"};
  const size_t companies = w_.companies.size();
  for (uint32_t ci = 0; ci < companies; ++ci) {
    const Company& c = w_.companies[ci];
    const std::string& kind = w_.sectors[c.sector].kind;
    bool visited = kind == "pub" || kind == "car_wash" || kind == "nail_bar" || kind == "takeaway";
    if (!visited || c.premises == kNone || c.status != CompanyStatus::kActive || !words_.Chance(0.1)) continue;
    Inspection& x = NewInspection(c.premises, PremisesName(ci), ci, RandomDay(std::max(c.incorporated, kToday - 1500), kToday));
    if (words_.Chance(0.15)) x.signals.push_back(kBenign[words_.Int(0, 3)]);
    x.notes = x.signals.empty() ? "Routine visit; no concerns" : "Routine visit";
  }
}

Process& Builder::NewProcess(uint32_t buyer, const std::string& cpv, Day start) {
  Process p;
  char id[32];
  std::snprintf(id, sizeof id, "ocds-r6ebe6-%06zu", w_.processes.size() + 1);
  p.ocid = id;
  p.buyer = buyer;
  p.cpv = cpv;
  for (const auto& s : w_.sectors) {
    if (s.cpv == cpv) p.title = s.contract + " for " + w_.councils[buyer].name;
  }
  int m = words_.Int(0, 99);
  p.method = m < 65 ? "open" : m < 80 ? "selective" : m < 92 ? "limited" : "direct";
  p.start = start;
  p.end = start + (words_.Chance(0.1) ? words_.Int(5, 14) : words_.Int(15, 45));
  w_.processes.push_back(std::move(p));
  return w_.processes.back();
}

void Builder::Award(Process& p, int winner, Day date) {
  p.winner = winner;
  p.award_value = p.bids[size_t(winner)].amount;
  p.award_date = date;
}

void Builder::OrdinaryProcesses(uint64_t n) {
  std::vector<std::string> cpvs;
  for (const auto& [cpv, firms] : bidders_by_cpv_) {
    if (firms.size() >= 2) cpvs.push_back(cpv);
  }
  std::sort(cpvs.begin(), cpvs.end());
  if (cpvs.empty()) return;
  std::lognormal_distribution<double> value(std::log(60000.0), 1.1);
  for (uint64_t i = 0; i < n; ++i) {
    const std::string& cpv = words_.Pick(cpvs);
    Process& p = NewProcess(uint32_t(words_.Int(0, int(w_.councils.size()) - 1)), cpv, RandomDay(kToday - 1460, kToday - 60));
    const auto& firms = bidders_by_cpv_[cpv];
    int bidders = p.method == "direct" ? 1 : std::min<int>(int(firms.size()), words_.Int(1, 5));
    double base = std::round(value(words_.rng()) / 100) * 100 + 1000;
    std::set<uint32_t> taken;
    for (int b = 0; b < bidders; ++b) {
      uint32_t firm = words_.Pick(firms);
      if (!taken.insert(firm).second) continue;
      int64_t amount = int64_t(std::round(base * (0.85 + 0.3 * words_.Int(0, 1000) / 1000.0)));
      p.bids.push_back({firm, amount, RandomDay(p.start, p.end), "valid", false});
    }
    if (p.end > kToday - 30 && words_.Chance(0.5)) continue;  // still open
    int winner = 0;
    for (int b = 1; b < int(p.bids.size()); ++b) {
      if (p.bids[size_t(b)].amount < p.bids[size_t(winner)].amount) winner = b;
    }
    if (words_.Chance(0.1)) winner = words_.Int(0, int(p.bids.size()) - 1);  // quality beat price
    Award(p, winner, p.end + words_.Int(10, 40));
  }
}

Intel& Builder::NewIntel(const std::string& type, Day recorded) {
  Intel x;
  char id[32];
  std::snprintf(id, sizeof id, "PS-%06d", ++intel_seq_);
  x.id = id;
  x.type = type;
  x.source_grade = std::to_string(words_.Int(1, 3));
  x.information_grade = std::string(1, char('A' + words_.Int(0, 4)));
  x.handling = words_.Chance(0.6) ? "C" : "P";
  if (x.handling == "C") x.conditions = words_.Chance(0.5) ? "Share with Deter partners as refer only" : "Not to be disseminated";
  x.recorded = recorded;
  x.review = recorded + 365;
  w_.intel.push_back(std::move(x));
  return w_.intel.back();
}

void Builder::OrdinaryIntel() {
  for (uint64_t i = 0; i < std::max<uint64_t>(10, w_.people.size() / 250); ++i) {
    Intel& x = NewIntel("person", RandomDay(kToday - 1100, kToday - 10));
    x.person = uint32_t(words_.Int(0, int(w_.people.size()) - 1));
    x.originator = "Police Scotland " + w_.councils[CouncilOf(w_.people[x.person].home)].region + " Command";
  }
}

}  // namespace cairn::synth::internal
