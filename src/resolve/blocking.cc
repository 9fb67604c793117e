#include "resolve/blocking.h"

#include <algorithm>
#include <tuple>
#include <unordered_map>

#include "resolve/similarity.h"

namespace cairn::resolve {
namespace {

bool Has(const std::vector<Role>& roles, Role r) { return std::find(roles.begin(), roles.end(), r) != roles.end(); }

std::string First(std::string_view s, size_t n) { return std::string(s.substr(0, std::min(n, s.size()))); }

std::string_view LastWord(std::string_view s) { return s.substr(s.find_last_of(' ') + 1); }

// Keys as 64-bit hashes, 0 = no key. A pair is produced by the first rule whose keys agree,
// which removes duplicates without a set of all pairs.
using Keys = std::vector<std::vector<uint64_t>>;  // [rule][record]

Keys KeysOf(const std::vector<Record>& records, const std::vector<BlockingRule>& rules) {
  Keys keys(rules.size(), std::vector<uint64_t>(records.size(), 0));
  for (size_t r = 0; r < rules.size(); ++r) {
    for (size_t i = 0; i < records.size(); ++i) {
      std::string k = rules[r].key(records[i]);
      if (!k.empty()) keys[r][i] = std::hash<std::string>{}(k) | 1;  // never 0
    }
  }
  return keys;
}

bool EarlierRuleAgrees(const Keys& ka, const Keys& kb, size_t rule, uint32_t a, uint32_t b) {
  for (size_t r = 0; r < rule; ++r) {
    if (ka[r][a] != 0 && ka[r][a] == kb[r][b]) return true;
  }
  return false;
}

std::unordered_map<uint64_t, std::vector<uint32_t>> Blocks(const std::vector<uint64_t>& keys) {
  std::unordered_map<uint64_t, std::vector<uint32_t>> blocks;
  for (uint32_t i = 0; i < keys.size(); ++i) {
    if (keys[i] != 0) blocks[keys[i]].push_back(i);
  }
  return blocks;
}

}  // namespace

std::vector<BlockingRule> RulesFor(const std::vector<Role>& roles) {
  std::vector<BlockingRule> rules;
  auto add = [&](std::string name, std::vector<Role> uses, std::function<std::string(const Record&)> key) {
    rules.push_back({std::move(name), std::move(key), std::move(uses)});
  };
  for (Role r : {Role::kIdNumber, Role::kCompanyNumber, Role::kEmail, Role::kPhone}) {
    if (Has(roles, r)) add(std::string(RoleName(r)), {r}, [r](const Record& x) { return std::string(x[r]); });
  }
  bool given = Has(roles, Role::kGivenName), surname = Has(roles, Role::kSurname);
  // Name keys ignore which name is which, since registers swap given name and surname.
  auto either_order = [](std::string p, std::string q) { return p < q ? p + q : q + p; };
  if (Has(roles, Role::kDob) && given && surname) {
    // A birth date alone is shared by dozens of people in a million: add both initials.
    add("dob+initials", {Role::kDob}, [either_order](const Record& x) {
      const std::string_view d = x[Role::kDob], g = x[Role::kGivenName], s = x[Role::kSurname];
      return d.empty() || g.empty() || s.empty()
                 ? ""
                 : std::string(d) + either_order(std::string(g.substr(0, 1)), std::string(s.substr(0, 1)));
    });
  } else if (Has(roles, Role::kDob)) {
    add("dob", {Role::kDob}, [](const Record& x) { return std::string(x[Role::kDob]); });
  }
  if (given && surname) {
    add("soundex(surname)+soundex(given_name)", {Role::kSurname, Role::kGivenName}, [either_order](const Record& x) {
      std::string s = Soundex(x[Role::kSurname]), g = Soundex(x[Role::kGivenName]);
      return s.empty() || g.empty() ? "" : either_order(s, g);
    });
  }
  if (Has(roles, Role::kFullName)) {
    add("soundex(first and last name)", {Role::kFullName}, [](const Record& x) {
      const std::string_view n = x[Role::kFullName];
      std::string f = Soundex(n.substr(0, n.find(' '))), l = Soundex(LastWord(n));
      return f.empty() || l.empty() ? "" : f + l;
    });
  }
  if (Has(roles, Role::kOrgName)) add("org_name", {Role::kOrgName}, [](const Record& x) { return std::string(x[Role::kOrgName]); });
  Role name = surname ? Role::kSurname : Has(roles, Role::kFullName) ? Role::kFullName : Role::kOrgName;
  if (Has(roles, Role::kPostcode) && Has(roles, name)) {
    add("postcode+initial", {Role::kPostcode, name}, [name](const Record& x) {
      return x[Role::kPostcode].empty() || x[name].empty() ? "" : std::string(x[Role::kPostcode]) + "|" + x[name][0];
    });
  }
  if (surname && Has(roles, Role::kDob)) {
    add("surname+birth year", {Role::kSurname, Role::kDob}, [](const Record& x) {
      return x[Role::kSurname].empty() || x[Role::kDob].empty()
                 ? ""
                 : std::string(x[Role::kSurname]) + "|" + std::string(x[Role::kDob].substr(0, 4));
    });
  }
  if (given && Has(roles, Role::kAddress)) {
    add("given_name+address start", {Role::kGivenName, Role::kAddress}, [](const Record& x) {
      return x[Role::kGivenName].empty() || x[Role::kAddress].empty() ? ""
                                                                       : std::string(x[Role::kGivenName]) + "|" + First(x[Role::kAddress], 6);
    });
  }
  if (surname && Has(roles, Role::kTown)) {
    add("surname+town", {Role::kSurname, Role::kTown}, [](const Record& x) {
      return x[Role::kSurname].empty() || x[Role::kTown].empty() ? ""
                                                                 : std::string(x[Role::kSurname]) + "|" + std::string(x[Role::kTown]);
    });
  }
  return rules;
}

std::vector<CandidatePair> BlockDedupe(const std::vector<Record>& records, const std::vector<BlockingRule>& rules,
                                       size_t max_block, BlockingStats* stats, const Neighbourhood& near) {
  Keys keys = KeysOf(records, rules);
  const auto windowed = [&](size_t m) { return near.above > 0 && near.window > 0 && m > near.above; };
  std::vector<CandidatePair> out, block;
  std::vector<std::pair<std::string, uint32_t>> sorted;
  for (size_t r = 0; r < rules.size(); ++r) {
    auto blocks = Blocks(keys[r]);
    // Room for the most this rule can add, so the pairs are not copied as they grow (room never
    // written to is never resident).
    size_t most = 0;
    for (const auto& [_, members] : blocks) {
      const size_t m = members.size();
      if (windowed(m)) most += m * near.window * near.orders.size();
      else if (m <= max_block) most += m * (m - 1) / 2;
    }
    out.reserve(out.size() + most);
    for (auto& [_, members] : blocks) {
      if (windowed(members.size())) {
        ++stats->windowed_blocks;
        block.clear();
        for (const auto& order : near.orders) {
          sorted.clear();
          for (uint32_t m : members) sorted.emplace_back(order(records[m]), m);
          std::sort(sorted.begin(), sorted.end());
          for (size_t i = 0; i < sorted.size(); ++i) {
            for (size_t j = i + 1; j < std::min(sorted.size(), i + 1 + near.window); ++j) {
              const uint32_t x = sorted[i].second, y = sorted[j].second;
              block.push_back({std::min(x, y), std::max(x, y)});
            }
          }
        }
        std::sort(block.begin(), block.end(),
                  [](auto p, auto q) { return std::tie(p.a, p.b) < std::tie(q.a, q.b); });
        for (size_t k = 0; k < block.size(); ++k) {
          if (k > 0 && block[k].a == block[k - 1].a && block[k].b == block[k - 1].b) continue;
          if (!EarlierRuleAgrees(keys, keys, r, block[k].a, block[k].b)) out.push_back(block[k]);
        }
        continue;
      }
      if (members.size() > max_block) {
        ++stats->skipped_blocks;
        continue;
      }
      for (size_t i = 0; i < members.size(); ++i) {
        for (size_t j = i + 1; j < members.size(); ++j) {
          if (!EarlierRuleAgrees(keys, keys, r, members[i], members[j])) out.push_back({members[i], members[j]});
        }
      }
    }
  }
  stats->pairs += out.size();
  return out;
}

std::vector<CandidatePair> PairsForRule(const std::vector<Record>& a, const std::vector<Record>& b,
                                        const BlockingRule& rule, size_t max_block, size_t limit) {
  const bool same = &a == &b;
  Keys ka = KeysOf(a, {rule});
  Keys kb = same ? ka : KeysOf(b, {rule});
  auto la = Blocks(ka[0]);
  auto lb = same ? la : Blocks(kb[0]);
  // Visit blocks in key order so the sample does not depend on hash-table layout.
  std::vector<std::pair<const std::vector<uint32_t>*, const std::vector<uint32_t>*>> blocks;
  std::vector<uint64_t> keys;
  for (const auto& [key, _] : la) keys.push_back(key);
  std::sort(keys.begin(), keys.end());
  uint64_t total = 0;
  for (uint64_t key : keys) {
    auto it = lb.find(key);
    const auto& left = la.at(key);
    if (it == lb.end() || left.size() > max_block || it->second.size() > max_block) continue;
    blocks.emplace_back(&left, &it->second);
    total += same ? left.size() * (left.size() - 1) / 2 : left.size() * it->second.size();
  }
  // Every stride-th pair: an even sample without listing every pair.
  const uint64_t stride = total <= limit ? 1 : (total + limit - 1) / limit;
  std::vector<CandidatePair> out;
  uint64_t n = 0;
  for (const auto& [left, right] : blocks) {
    for (size_t i = 0; i < left->size(); ++i) {
      for (size_t j = same ? i + 1 : 0; j < right->size(); ++j) {
        if (n++ % stride == 0) out.push_back({(*left)[i], (*right)[j]});
      }
    }
  }
  return out;
}

std::vector<CandidatePair> BlockLink(const std::vector<Record>& left, const std::vector<Record>& right,
                                     const std::vector<BlockingRule>& rules, size_t max_block, BlockingStats* stats) {
  Keys kl = KeysOf(left, rules), kr = KeysOf(right, rules);
  std::vector<CandidatePair> out;
  for (size_t r = 0; r < rules.size(); ++r) {
    auto lb = Blocks(kl[r]);
    for (auto& [key, rights] : Blocks(kr[r])) {
      auto it = lb.find(key);
      if (it == lb.end()) continue;
      if (it->second.size() * rights.size() > max_block * max_block) {
        ++stats->skipped_blocks;
        continue;
      }
      for (uint32_t a : it->second) {
        for (uint32_t b : rights) {
          if (!EarlierRuleAgrees(kl, kr, r, a, b)) out.push_back({a, b});
        }
      }
    }
  }
  stats->pairs += out.size();
  return out;
}

}  // namespace cairn::resolve
