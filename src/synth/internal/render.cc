#include "synth/internal/render.h"

#include <chrono>
#include <cstdio>

namespace cairn::synth::internal {
namespace {

std::chrono::year_month_day Ymd(Day day) { return std::chrono::year_month_day{std::chrono::sys_days{std::chrono::days{day}}}; }

}  // namespace

std::string Iso(Day day) {
  auto d = Ymd(day);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(d.year()), unsigned(d.month()), unsigned(d.day()));
  return buf;
}

std::string Dmy(Day day) {
  auto d = Ymd(day);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02u/%02u/%04d", unsigned(d.day()), unsigned(d.month()), int(d.year()));
  return buf;
}

int YearOf(Day day) { return int(Ymd(day).year()); }
int MonthOf(Day day) { return int(unsigned(Ymd(day).month())); }

std::string Render::OfficerName(const Person& p) {
  std::string given = Given(p);
  if (p.middle != kNone && !words_.Chance(0.3)) given += " " + Middle(p);
  std::string surname = Upper(words_.surnames()[p.surname]);
  if (words_.Chance(0.02)) surname = words_.Typo(surname);
  return surname + ", " + given;
}

Render::NameParts Render::PscName(const Person& p) {
  NameParts n;
  n.title = p.female ? (words_.Chance(0.5) ? "Mrs" : "Ms") : "Mr";
  n.forename = Given(p);
  if (p.middle != kNone && !words_.Chance(0.2)) n.middle = Middle(p);
  n.surname = Surname(p);
  if (words_.Chance(0.02)) n.forename = words_.Typo(n.forename);
  n.full = n.title + " " + n.forename + (n.middle.empty() ? "" : " " + n.middle) + " " + n.surname;
  return n;
}

std::string Render::ClerkName(const Person& p) {
  std::string given = Given(p), surname = Surname(p);
  int k = words_.Int(0, 99);
  if (k < 12) given = Words::Nickname(given);
  else if (k < 16) given = words_.Typo(given);
  else if (k < 19) surname = words_.Typo(surname);
  if (p.middle != kNone && words_.Chance(0.2)) given += " " + Middle(p);
  if (words_.Chance(0.05)) return Upper(surname) + ", " + given;
  return given + " " + surname;
}

std::string Render::CompanyName(const Company& c) {
  std::string name = c.name;
  int k = words_.Int(0, 99);
  auto swap_suffix = [&](const std::string& from, const std::string& to) {
    if (name.ends_with(from)) name = name.substr(0, name.size() - from.size()) + to;
  };
  if (k < 30) swap_suffix(" LIMITED", " LTD");
  else if (k < 40) swap_suffix(" LTD", " LIMITED");
  else if (k < 48) swap_suffix(" LIMITED", ""), swap_suffix(" LTD", "");
  if (words_.Chance(0.3)) name = TitleCase(name);
  if (words_.Chance(0.03)) name = words_.Typo(name);
  return name;
}

std::string Render::Street(const Address& a) const {
  std::string out = a.flat.empty() ? "" : "Flat " + a.flat + ", ";
  return out + std::to_string(a.number) + " " + TitleCase(words_.streets()[a.street]);
}

std::string Render::Town(const Address& a) const { return TitleCase(words_.towns()[a.town].name); }

std::string Render::FreeAddress(const Address& a) {
  std::string street = Street(a);
  if (words_.Chance(0.3)) street = Words::AbbreviateStreet(street);
  if (words_.Chance(0.1)) return street;
  return street + (words_.Chance(0.5) ? ", " : " ") + Town(a);
}

std::string Render::NoisyPostcode(const Address& a) {
  int k = words_.Int(0, 99);
  if (k < 5) return "";
  std::string pc = a.postcode;
  if (k < 15) pc.erase(pc.find(' '), 1);
  else if (k < 20) for (char& c : pc) c = char(std::tolower(static_cast<unsigned char>(c)));
  return pc;
}

}  // namespace cairn::synth::internal
