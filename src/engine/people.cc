#include "engine/people.h"

#include <algorithm>
#include <cstdio>
#include <numeric>
#include <stdexcept>

#include "resolve/normalise.h"
#include "resolve/record.h"

namespace cairn::engine {
namespace {

using resolve::Role;

const std::vector<Role> kRoles = {Role::kGivenName, Role::kMiddleName, Role::kSurname,
                                  Role::kBirthYear, Role::kBirthMonth, Role::kPostcode};

// A person's fields are names, a date and a postcode: longer than this they are not, and cut
// to it, six of them fit a record (resolve::Record::kMaxBytes).
constexpr size_t kMaxField = 1024;

resolve::Record ToRecord(const internal::Mentions& ms, uint32_t m) {
  using M = internal::Mentions;
  const auto get = [&](M::Field f) { return ms.Get(m, f).substr(0, kMaxField); };
  resolve::Record r;  // no id: the explanation names the partner by its mention (Clusterer::Partner)
  auto given = resolve::Tokens(resolve::NormaliseForRole(Role::kGivenName, std::string(get(M::kGivenName))));
  if (!given.empty()) r.Set(Role::kGivenName, given[0]);
  std::string middle;
  for (size_t i = 1; i < given.size(); ++i) middle += (i > 1 ? " " : "") + given[i];
  r.Set(Role::kMiddleName, middle);
  r.Set(Role::kSurname, resolve::NormaliseForRole(Role::kSurname, std::string(get(M::kSurname))));
  const std::string_view birth = get(M::kBirthDate);  // YYYY, YYYY-MM or YYYY-MM-DD
  if (birth.size() >= 4) r.Set(Role::kBirthYear, birth.substr(0, 4));
  if (birth.size() >= 7) r.Set(Role::kBirthMonth, birth.substr(5, 2));
  r.Set(Role::kPostcode, get(M::kPostcode));
  return r;
}

std::string Explain(const resolve::Model& model, const resolve::Record& a, const resolve::Record& b) {
  resolve::Explanation e = model.Explain(a, b);
  char probability[32];
  std::snprintf(probability, sizeof probability, "%.3f", e.probability);
  // The pair is not named here: each of the two mentions keeps the other as its partner, and the
  // resolution names it when it writes the reason, so one text serves every pair that scored alike.
  std::string out = std::string("Fellegi-Sunter match, probability ") + probability + ": ";
  for (size_t i = 0; i < e.fields.size(); ++i) {
    const auto& f = e.fields[i];
    char part[96];
    if (f.level == "missing") std::snprintf(part, sizeof part, "%s missing", f.field.c_str());
    else std::snprintf(part, sizeof part, "%s %s %+.1f", f.field.c_str(), f.level.c_str(), f.weight);
    out += (i ? ", " : "") + std::string(part);
  }
  return out;
}

// The rules used when there are too few people to train a model on.
void MatchByRules(const internal::Mentions& ms, internal::Clusterer& c) {
  using M = internal::Mentions;
  for (uint32_t i = 0; i < ms.size(); ++i) {
    const std::string_view name = ms.norm_name(i);
    if (ms.kind(i) != "person" || name.empty()) continue;
    const std::string_view birth = ms.Get(i, M::kBirthDate), postcode = ms.Get(i, M::kPostcode);
    if (birth.size() >= 7) {
      c.Key(i, "pb:" + std::string(name) + "|" + std::string(birth.substr(0, 7)), "same name and birth month");
    }
    if (!postcode.empty()) c.Key(i, "pp:" + std::string(name) + "|" + std::string(postcode), "same name and postcode");
  }
}

// A national register's common names make blocks of thousands ("john smith"), whose pairs
// grow with the square of the register. Blocks over kWindowAbove people are compared in two
// sorted passes instead: by birth date, then name (most people's records give the month and
// year), and by name, then postcode (for records that give no date).
resolve::Neighbourhood PeopleNeighbourhood() {
  const auto key = [](std::initializer_list<Role> roles) {
    return [roles = std::vector<Role>(roles)](const resolve::Record& r) {
      std::string k;
      for (Role role : roles) (k += r[role]) += '|';
      return k;
    };
  };
  return {kWindowAbove, kWindow,
          {key({Role::kBirthYear, Role::kBirthMonth, Role::kSurname, Role::kGivenName}),
           key({Role::kSurname, Role::kGivenName, Role::kPostcode, Role::kBirthYear})}};
}

}  // namespace

PeopleReport MatchPeople(const internal::Mentions& ms, internal::Clusterer& c, double threshold) {
  PeopleReport report;
  std::vector<uint32_t> index;
  std::vector<resolve::Record> records;
  for (uint32_t i = 0; i < ms.size(); ++i) {
    if (ms.kind(i) != "person") continue;
    resolve::Record r;
    try {
      r = ToRecord(ms, i);
    } catch (const std::length_error&) {
      continue;  // values that normalise past a record's room even when cut: not a person's
    }
    if (r[Role::kGivenName].empty() && r[Role::kSurname].empty()) continue;
    index.push_back(i);
    records.push_back(std::move(r));
  }
  report.mentions = records.size();
  if (records.size() < kMinPeopleForModel) {
    MatchByRules(ms, c);
    return report;
  }
  LinkageOptions options;
  options.threshold = threshold;
  options.neighbourhood = PeopleNeighbourhood();
  ScoredPairs scored = ScoreDedupe(records, kRoles, options);
  report.model_used = true;
  report.candidate_pairs = scored.stats.candidate_pairs;
  report.prior = scored.model.prior();
  report.stages = scored.stats.stages;
  std::vector<size_t> order;
  for (size_t p = 0; p < scored.pairs.size(); ++p) {
    if (scored.probability[p] >= threshold) order.push_back(p);
  }
  // Strongest first; ties in a fixed order, so the same data gives the same entities.
  std::sort(order.begin(), order.end(), [&](size_t x, size_t y) {
    if (scored.probability[x] != scored.probability[y]) return scored.probability[x] > scored.probability[y];
    return std::tie(scored.pairs[x].a, scored.pairs[x].b) < std::tie(scored.pairs[y].a, scored.pairs[y].b);
  });
  for (size_t p : order) {
    uint32_t a = scored.pairs[p].a, b = scored.pairs[p].b;
    uint32_t ma = index[a], mb = index[b];
    if (!c.CanJoin(ma, mb)) continue;
    std::string why = c.NeedsReason(ma, mb) ? Explain(scored.model, records[a], records[b]) : "";
    c.Join(ma, mb, why, /*confirmed=*/false, internal::Clusterer::Naming::kByPartner);
    ++report.matched_pairs;
  }
  return report;
}

}  // namespace cairn::engine
