// The planted patterns: SOC groups with their front businesses, and one kind of pattern for
// each indicator of INDICATORS.md, hidden among the ordinary world. Each is recorded in
// World::patterns with its members, so truth.json can say what a detector should find.
#include <algorithm>
#include <cstdio>

#include "synth/internal/builder.h"

namespace cairn::synth::internal {
namespace {

const char* kCrimeTypes[] = {"drugs", "violence", "money_laundering", "fraud", "human_trafficking", "counterfeiting",
                             "illicit_puppy_trade", "rogue_trading", "environmental_crime", "cyber", "firearms"};
const char* kFrontSignals[] = {"cash_only", "few_customers_long_hours", "same_staff_always", "high_value_notes",
                               "unexplained_wealth", "frequent_name_or_owner_change"};
const char* kExploitationSignals[] = {"workers_living_on_site", "one_person_takes_payment", "no_staff_vehicles",
                                      "no_qualifications_displayed", "overstaffed", "caravan_or_container_on_site",
                                      "documents_held_by_others", "transported_to_work", "little_english"};

template <size_t N>
std::vector<std::string> Draw(Words& words, const char* (&from)[N], int n) {
  std::vector<std::string> all(from, from + N), out;
  for (int i = 0; i < n && !all.empty(); ++i) {
    size_t k = size_t(words.Int(0, int(all.size()) - 1));
    out.push_back(all[k]);
    all.erase(all.begin() + long(k));
  }
  return out;
}

std::string Stem(const std::string& name) {
  for (const char* suffix : {" LIMITED", " LTD"}) {
    if (name.ends_with(suffix)) return name.substr(0, name.size() - std::string(suffix).size());
  }
  return name;
}

}  // namespace

// The CPV codes some ordinary firm bids for, in a fixed order.
std::vector<std::string> Builder::Cpvs() const {
  std::vector<std::string> cpvs;
  for (const auto& [cpv, firms] : bidders_by_cpv_) cpvs.push_back(cpv);
  std::sort(cpvs.begin(), cpvs.end());
  return cpvs;
}

Pattern& Builder::NewPattern(const std::string& type, std::vector<std::string> indicators) {
  Pattern p;
  char id[32];
  std::snprintf(id, sizeof id, "pattern-%05zu", w_.patterns.size() + 1);
  p.id = id;
  p.type = type;
  p.indicators = std::move(indicators);
  w_.patterns.push_back(std::move(p));
  return w_.patterns.back();
}

void Builder::Plant(const Counts& counts) {
  planting_ = true;
  PlantSocg(counts.socgs);
  for (int i = 0; i < counts.each_pattern; ++i) {
    PlantChurn();
    PlantPhoenix();
    PlantMassRegistration();
    PlantNominee();
    PlantOpaqueOwnership();
    PlantNameChurn();
    PlantYoungLargeAward();
    PlantDormantTrading();
    PlantColocation();
    PlantExploitation();
    PlantLicenceCluster();
    PlantSplitPurchases();
    PlantShellBidder();
  }
}

// A group of 3 to 6 people behind a front business, a second cash business run through a
// clean-skin director, and two firms that bid against each other for council work.
void Builder::PlantSocg(int n) {
  for (int g = 0; g < n; ++g) {
    uint32_t town = RandomTown();
    uint32_t home = NewAddress(town);
    uint32_t council = CouncilOf(home);
    char ref[32];
    std::snprintf(ref, sizeof ref, "SOCG-%c-%03d", w_.councils[council].region[0], ++socg_seq_);
    std::vector<uint32_t> members;
    int size = words_.Int(3, 6);
    for (int m = 0; m < size; ++m) members.push_back(NewPerson(m < 3 ? home : NewAddress(town)));
    uint32_t clean_skin = NewPerson();

    static const std::vector<std::string> kFront = {"pub", "car_wash", "nail_bar"};
    static const std::vector<std::string> kCash = {"car_wash", "nail_bar", "takeaway", "taxi"};
    static const std::vector<std::string> kBidding = {"waste", "construction", "security"};
    std::string front_kind = kFront[size_t(words_.Int(0, 2))];
    std::string cash_kind = kCash[size_t(words_.Int(0, 3))];
    if (cash_kind == front_kind) cash_kind = "takeaway";
    uint32_t bidding_sector = SectorOfKind(kBidding[size_t(words_.Int(0, 2))]);
    Day since = kToday - words_.Int(400, 2200);
    uint32_t front = NewCompany(SectorOfKind(front_kind), since, town);
    uint32_t cash = NewCompany(SectorOfKind(cash_kind), since + words_.Int(30, 300), town);
    uint32_t bidder = NewCompany(bidding_sector, since + words_.Int(30, 300), town);
    uint32_t cover = NewCompany(bidding_sector, since + words_.Int(60, 350), town);
    for (uint32_t c : {front, cash, bidder}) {
      if (w_.companies[c].premises != kNone) w_.companies[c].registered_office = w_.companies[c].premises;
    }
    w_.companies[cover].registered_office = home;

    auto appoint_at_home = [&](uint32_t c, uint32_t p) {
      Appoint(c, p, w_.companies[c].incorporated);
      w_.companies[c].officers.back().at_home = true;
    };
    appoint_at_home(front, members[0]);
    IndividualPsc(front, members[0], w_.companies[front].incorporated, "ownership-of-shares-75-to-100-percent");
    Appoint(cash, clean_skin, w_.companies[cash].incorporated);
    appoint_at_home(cash, members[1]);
    w_.companies[cash].officers.back().resigned = w_.companies[cash].incorporated + words_.Int(20, 90);
    IndividualPsc(cash, members[1], w_.companies[cash].incorporated, "ownership-of-shares-75-to-100-percent");
    appoint_at_home(bidder, members[2]);
    IndividualPsc(bidder, members[0], w_.companies[bidder].incorporated, "ownership-of-shares-25-to-50-percent");
    IndividualPsc(bidder, members[2], w_.companies[bidder].incorporated, "ownership-of-shares-50-to-75-percent");
    appoint_at_home(cover, members[2]);
    uint32_t cover_owner = members.size() > 3 ? members.back() : members[1];
    Appoint(cover, cover_owner, w_.companies[cover].incorporated);
    IndividualPsc(cover, cover_owner, w_.companies[cover].incorporated, "ownership-of-shares-75-to-100-percent");

    Pattern& pat = NewPattern("socg", {"C6", "N1", "N2", "B1", "L1", "P1", "P3", "P5"});
    pat.socg = ref;
    pat.people = members;
    pat.people.push_back(clean_skin);
    pat.companies = {front, cash, bidder, cover};
    pat.addresses = {home};
    pat.crime_types = Draw(words_, kCrimeTypes, words_.Int(2, 3));
    pat.note = "members " + std::to_string(size) + "; the cash business has a clean-skin director and the group's "
               "PSC; the two bidders share a director and an address";

    // Licences: the front and the cash business, in members' names; workers housed in an HMO.
    Licence& front_licence = NewLicence(front_kind == "pub" ? "premises_alcohol" : front_kind == "nail_bar" ? "nail_bar" : "street_trader",
                                        w_.companies[front].premises, PremisesName(front), w_.companies[front].incorporated + 20);
    front_licence.status = "granted";
    front_licence.holder = members[0];
    if (front_licence.type == "premises_alcohol") front_licence.manager = members[1];
    pat.licences.push_back(front_licence.id);
    Licence& hmo = NewLicence("hmo", NewAddress(town), "", kToday - words_.Int(100, 700));
    hmo.status = "granted";
    hmo.holder = members[1];
    hmo.occupancy = words_.Int(10, 14);
    pat.licences.push_back(hmo.id);
    if (!w_.sectors[w_.companies[cash].sector].licence.empty()) {
      Licence& l = NewLicence(w_.sectors[w_.companies[cash].sector].licence, w_.companies[cash].premises, PremisesName(cash),
                              w_.companies[cash].incorporated + 30);
      l.status = "granted";
      l.company_holder = true;
      l.holder = cash;
      pat.licences.push_back(l.id);
    }

    // Field reports: a front business; exploitation where people work for cash.
    Inspection& x = NewInspection(w_.companies[front].premises, PremisesName(front), front, kToday - words_.Int(30, 400));
    x.signals = Draw(words_, kFrontSignals, 3);
    x.notes = "Quiet all afternoon; large cash float";
    pat.inspections.push_back(x.id);
    Inspection& y = NewInspection(w_.companies[cash].premises, PremisesName(cash), cash, kToday - words_.Int(30, 400));
    if (cash_kind == "car_wash" || cash_kind == "nail_bar") {
      y.signals = Draw(words_, kExploitationSignals, 4);
      y.notes = "Workers would not speak to officers";
      pat.indicators.push_back("B2");
    } else {
      y.signals = Draw(words_, kFrontSignals, 2);
      y.notes = "Cash only";
    }
    pat.inspections.push_back(y.id);

    // Intelligence held by Police Scotland.
    std::string originator = "Police Scotland SOCU " + w_.councils[council].region;
    Day recorded = kToday - words_.Int(60, 900);
    Intel& group = NewIntel("socg", recorded);
    group.socg = ref;
    group.originator = originator;
    group.crime_types = pat.crime_types;
    pat.intel.push_back(group.id);
    for (uint32_t m : members) {
      Intel& i = NewIntel("person", recorded + words_.Int(0, 50));
      i.person = m;
      i.socg = ref;
      i.originator = originator;
      pat.intel.push_back(i.id);
    }
    Intel& org = NewIntel("organisation", recorded + words_.Int(0, 50));
    org.company = front;
    org.socg = ref;
    org.originator = originator;
    pat.intel.push_back(org.id);
    Intel& place = NewIntel("address", recorded + words_.Int(0, 50));
    place.address = home;
    place.socg = ref;
    place.originator = originator;
    pat.intel.push_back(place.id);

    // Two group firms bid against each other; the group wins.
    Process& p = NewProcess(council, w_.sectors[bidding_sector].cpv, kToday - words_.Int(90, 700));
    p.method = "open";
    int64_t price = words_.Int(40, 400) * 1000;
    p.bids.push_back({bidder, price, p.end - 1, "valid", false});
    p.bids.push_back({cover, price + price / 20, p.end - 1, "valid", false});
    const auto& others = bidders_by_cpv_[w_.sectors[bidding_sector].cpv];
    if (!others.empty()) p.bids.push_back({words_.Pick(others), price + price / 8, p.end - 2, "valid", false});
    Award(p, 0, p.end + 21);
    pat.processes.push_back(p.ocid);
  }
}

void Builder::PlantChurn() {
  uint32_t c = NewCompany(RandomSector(), kToday - words_.Int(900, 2000), RandomTown());
  std::vector<uint32_t> directors;
  for (int i = 0; i < 4; ++i) directors.push_back(NewPerson());
  Appoint(c, directors[0], w_.companies[c].incorporated, kToday - 320);
  Appoint(c, directors[1], kToday - 320, kToday - 210);
  Appoint(c, directors[2], kToday - 210, kToday - 95);
  Appoint(c, directors[3], kToday - 95);
  IndividualPsc(c, directors[0], w_.companies[c].incorporated, "ownership-of-shares-75-to-100-percent");
  Pattern& p = NewPattern("officer_churn", {"C1"});
  p.companies = {c};
  p.people = directors;
  p.note = "six director appointments and resignations in the last 12 months";
}

void Builder::PlantPhoenix() {
  static const std::vector<std::string> kKinds = {"construction", "takeaway", "waste", "pub"};
  uint32_t sector = SectorOfKind(kKinds[size_t(words_.Int(0, 3))]);
  uint32_t town = RandomTown();
  uint32_t person = NewPerson();
  uint32_t a = NewCompany(sector, kToday - 1640, town);
  Company& first = w_.companies[a];
  first.status = CompanyStatus::kDissolved;
  first.dissolved = first.incorporated + words_.Int(500, 800);
  uint32_t b = NewCompany(sector, kToday - 1200, town);
  w_.companies[b].status = CompanyStatus::kDissolved;
  w_.companies[b].dissolved = w_.companies[b].incorporated + words_.Int(400, 900);
  uint32_t c = NewCompany(sector, kToday - words_.Int(100, 300), town, Stem(w_.companies[a].name));
  w_.companies[c].registered_office = w_.companies[a].registered_office;
  for (uint32_t co : {a, b, c}) {
    const Company& k = w_.companies[co];
    Appoint(co, person, k.incorporated, k.dissolved);
    IndividualPsc(co, person, k.incorporated, "ownership-of-shares-75-to-100-percent");
    if (k.dissolved) w_.companies[co].pscs.back().ceased = k.dissolved;
  }
  Pattern& p = NewPattern("phoenix", {"C2"});
  p.people = {person};
  p.companies = {a, b, c};
  p.note = "two companies dissolved within three years of incorporation; the third reuses the first's name, SIC and address";
}

void Builder::PlantMassRegistration() {
  uint32_t town = RandomTown();
  uint32_t address = NewAddress(town);
  Pattern& p = NewPattern("mass_registration", {"C3"});
  p.addresses = {address};
  for (int i = 0; i < 25; ++i) {
    uint32_t c = NewCompany(RandomSector(), kToday - words_.Int(60, 900), town);
    w_.companies[c].registered_office = address;
    OrdinaryOfficers(c);
    w_.patterns.back().companies.push_back(c);
  }
  w_.patterns.back().note = "25 active companies registered at one address that is not a formation agent's";
}

void Builder::PlantNominee() {
  uint32_t person = NewPerson();
  std::vector<uint32_t> companies;
  while (companies.size() < 12) {
    uint32_t c = uint32_t(words_.Int(0, int(w_.companies.size()) - 1));
    if (w_.companies[c].status != CompanyStatus::kActive || !w_.companies[c].in_register) continue;
    if (std::find(companies.begin(), companies.end(), c) != companies.end()) continue;
    companies.push_back(c);
    Appoint(c, person, std::max(w_.companies[c].incorporated, kToday - words_.Int(30, 700)));
  }
  for (int i = 0; i < 3; ++i) {
    uint32_t c = NewCompany(RandomSector(), kToday - words_.Int(200, 900), RandomTown());
    OrdinaryOfficers(c);
    Day on = kToday - words_.Int(60, 180);
    Appoint(c, person, on, on + words_.Int(5, 25));
    companies.push_back(c);
  }
  Pattern& p = NewPattern("nominee_director", {"C4"});
  p.people = {person};
  p.companies = companies;
  p.note = "twelve current directorships, and three appointments resigned within 30 days";
}

void Builder::PlantOpaqueOwnership() {
  uint32_t town = RandomTown();
  uint32_t trading = NewCompany(SectorOfKind(words_.Chance(0.5) ? "construction" : "property"), kToday - words_.Int(300, 1500), town);
  Appoint(trading, NewPerson(), w_.companies[trading].incorporated);
  uint32_t holding = NewCompany(SectorOfKind("holding"), w_.companies[trading].incorporated - 30, town);
  Appoint(holding, NewPerson(), w_.companies[holding].incorporated);
  Control layer1;
  layer1.corporate = holding;
  layer1.natures = {"ownership-of-shares-75-to-100-percent"};
  layer1.notified = w_.companies[trading].incorporated;
  w_.companies[trading].pscs.push_back(layer1);
  static const char* kHavens[] = {"British Virgin Islands", "Seychelles", "Belize", "Marshall Islands"};
  Control layer2;
  layer2.foreign_name = Stem(w_.companies[holding].name) + " INTERNATIONAL S.A.";
  layer2.foreign_country = kHavens[words_.Int(0, 3)];
  layer2.natures = {"ownership-of-shares-75-to-100-percent"};
  layer2.notified = w_.companies[holding].incorporated;
  w_.companies[holding].pscs.push_back(layer2);
  Pattern& p = NewPattern("opaque_ownership", {"C5"});
  p.companies = {trading, holding};
  p.note = "two corporate layers to an owner registered in " + layer2.foreign_country;

  uint32_t statement = NewCompany(SectorOfKind("security"), kToday - words_.Int(300, 1500), town);
  Appoint(statement, NewPerson(), w_.companies[statement].incorporated);
  w_.companies[statement].no_psc_statement = true;
  Pattern& q = NewPattern("opaque_ownership", {"C5"});
  q.companies = {statement};
  q.note = "a trading company that says no individual has significant control";
}

void Builder::PlantNameChurn() {
  uint32_t sector = RandomSector();
  uint32_t c = NewCompany(sector, kToday - words_.Int(800, 2000), RandomTown());
  OrdinaryOfficers(c);
  for (Day ago : {60, 290, 610}) {
    w_.companies[c].previous_names.emplace_back(UniqueName("", sector) + " LIMITED", kToday - ago - words_.Int(0, 20));
  }
  Pattern& p = NewPattern("name_churn", {"C7"});
  p.companies = {c};
  p.note = "three name changes in 24 months";
}

void Builder::PlantYoungLargeAward() {
  static const std::vector<std::string> kKinds = {"construction", "security", "waste"};
  uint32_t sector = SectorOfKind(kKinds[size_t(words_.Int(0, 2))]);
  uint32_t town = RandomTown();
  uint32_t c = NewCompany(sector, kToday - words_.Int(120, 250), town);
  OrdinaryOfficers(c);
  Process& p = NewProcess(CouncilOf(w_.companies[c].registered_office), w_.sectors[sector].cpv, kToday - 90);
  p.method = "open";
  int64_t price = words_.Int(120, 600) * 1000;
  p.bids.push_back({c, price, p.end - 1, "valid", false});
  const auto& others = bidders_by_cpv_[w_.sectors[sector].cpv];
  if (!others.empty()) p.bids.push_back({words_.Pick(others), price + price / 10, p.end - 2, "valid", false});
  Award(p, 0, std::min(p.end + 14, kToday - 1));
  Pattern& pat = NewPattern("young_company_large_award", {"C8", "P2"});
  pat.companies = {c};
  pat.processes = {p.ocid};
  pat.note = "incorporated months before winning a contract over 100,000 pounds";
}

void Builder::PlantDormantTrading() {
  uint32_t sector = SectorOfKind("pub");
  uint32_t c = NewCompany(sector, kToday - words_.Int(900, 2500), RandomTown());
  OrdinaryOfficers(c);
  w_.companies[c].accounts = Accounts::kDormant;
  Licence& l = NewLicence("premises_alcohol", w_.companies[c].premises, PremisesName(c), kToday - words_.Int(60, 200));
  l.status = "granted";
  l.company_holder = true;
  l.holder = c;
  Process& p = NewProcess(CouncilOf(w_.companies[c].premises), w_.sectors[sector].cpv, kToday - 150);
  p.bids.push_back({c, words_.Int(20, 90) * 1000, p.end - 1, "valid", false});
  Award(p, 0, p.end + 10);
  Pattern& pat = NewPattern("dormant_then_trading", {"C9"});
  pat.companies = {c};
  pat.licences = {l.id};
  pat.processes = {p.ocid};
  pat.note = "files dormant accounts, yet holds a premises licence and won a contract";
}

void Builder::PlantColocation() {
  uint32_t town = RandomTown();
  uint32_t home = NewAddress(town);
  Pattern& p = NewPattern("co_location", {"N2"});
  p.addresses = {home};
  static const std::vector<std::string> kKinds = {"takeaway", "car_wash", "nail_bar", "taxi", "pub"};
  for (int i = 0; i < 3; ++i) {
    uint32_t person = NewPerson(home);
    uint32_t c = NewCompany(SectorOfKind(kKinds[size_t(words_.Int(0, 4))]), kToday - words_.Int(200, 1500), town);
    Appoint(c, person, w_.companies[c].incorporated);
    w_.companies[c].officers.back().at_home = true;
    IndividualPsc(c, person, w_.companies[c].incorporated, "ownership-of-shares-75-to-100-percent");
    w_.patterns.back().people.push_back(person);
    w_.patterns.back().companies.push_back(c);
  }
  w_.patterns.back().note = "three vulnerable-sector companies whose directors give one home address";
}

void Builder::PlantExploitation() {
  uint32_t c = NewCompany(SectorOfKind(words_.Chance(0.5) ? "nail_bar" : "car_wash"), kToday - words_.Int(300, 1500), RandomTown());
  OrdinaryOfficers(c);
  Pattern& p = NewPattern("exploitation", {"B2"});
  p.companies = {c};
  for (int visit = 0; visit < 2; ++visit) {
    Inspection& x = NewInspection(w_.companies[c].premises, PremisesName(c), c, kToday - words_.Int(20, 500));
    x.signals = Draw(words_, kExploitationSignals, words_.Int(2, 4));
    x.notes = "Staff appeared to live on the premises";
    w_.patterns.back().inspections.push_back(x.id);
  }
  w_.patterns.back().note = "two visits found signs of labour exploitation";
}

void Builder::PlantLicenceCluster() {
  uint32_t premises = NewAddress();
  Pattern& p = NewPattern("licence_cluster", {"L1"});
  p.addresses = {premises};
  for (const char* type : {"premises_alcohol", "late_hours_catering", "nail_bar"}) {
    uint32_t holder = NewPerson();
    Licence& l = NewLicence(type, premises, "", kToday - words_.Int(30, 900));
    l.status = "granted";
    l.holder = holder;
    w_.patterns.back().people.push_back(holder);
    w_.patterns.back().licences.push_back(l.id);
  }
  w_.patterns.back().note = "three licences held by different people at one address";
}

void Builder::PlantSplitPurchases() {
  // Goods or services: splitting works (CPV division 45) to stay under £50,000 would avoid
  // nothing, as works need advertising only from £2m.
  std::vector<std::string> cpvs = Cpvs();
  std::erase_if(cpvs, [](const std::string& c) { return c.rfind("45", 0) == 0; });
  if (cpvs.empty()) return;
  const std::string& cpv = words_.Pick(cpvs);
  const auto& firms = bidders_by_cpv_[cpv];
  uint32_t supplier = words_.Pick(firms);
  uint32_t buyer = uint32_t(words_.Int(0, int(w_.councils.size()) - 1));
  Pattern& pat = NewPattern("split_purchases", {"P4"});
  pat.companies = {supplier};
  Day start = kToday - words_.Int(200, 900);
  for (int i = 0; i < 3; ++i) {
    Process& p = NewProcess(buyer, cpv, start + i * words_.Int(20, 28));
    p.method = "direct";
    p.bids.push_back({supplier, words_.Int(45500, 49900), p.end - 1, "valid", false});
    Award(p, 0, p.end + 5);
    w_.patterns.back().processes.push_back(p.ocid);
  }
  w_.patterns.back().note = "three direct awards to one supplier within 90 days, each just under 50,000 pounds";
}

void Builder::PlantShellBidder() {
  std::vector<std::string> cpvs = Cpvs();
  if (cpvs.empty()) return;
  const std::string& cpv = words_.Pick(cpvs);
  uint32_t sector = 0;
  for (uint32_t s = 0; s < w_.sectors.size(); ++s) {
    if (w_.sectors[s].cpv == cpv) sector = s;
  }
  uint32_t ghost = NewCompany(sector, kToday - 100, RandomTown());
  w_.companies[ghost].in_register = false;
  Process& p = NewProcess(uint32_t(words_.Int(0, int(w_.councils.size()) - 1)), cpv, kToday - words_.Int(60, 400));
  p.method = "open";
  p.bids.push_back({ghost, words_.Int(30, 200) * 1000, p.end - 1, "valid", true});
  const auto& firms = bidders_by_cpv_[cpv];
  p.bids.push_back({words_.Pick(firms), p.bids[0].amount * 11 / 10, p.end - 1, "valid", false});
  Award(p, 0, p.end + 12);
  Pattern& pat = NewPattern("shell_bidder", {"P7"});
  pat.companies = {ghost};
  pat.processes = {p.ocid};
  pat.note = "the winning bidder gave a company number the register does not hold";
}

}  // namespace cairn::synth::internal
