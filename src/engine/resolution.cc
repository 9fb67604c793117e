#include "engine/resolution.h"

#include <algorithm>
#include <set>
#include <unordered_map>

#include "audit/chain.h"
#include "common/crypto.h"
#include "common/time.h"
#include "engine/network_view.h"
#include "engine/extract.h"
#include "graph/analytics.h"
#include "resolve/cluster.h"
#include "resolve/normalise.h"
#include "resolve/record.h"
#include "resolve/similarity.h"
#include "storage/network.h"

namespace cairn::engine {
namespace {

struct Pending {
  storage::MentionRow row;
  std::string norm_name;  // organisations: normalised name; people: "given surname"
};

struct PendingLink {
  size_t from, to;  // indices into the mention list
  Relation relation;
  int64_t record_id;
  bool restricted;
  std::optional<int64_t> owner;
};

// Clusters mentions by shared keys, remembering the first reason each mention joined, and
// never joining two clusters that hold a pair an analyst decided are different.
class Clusterer {
 public:
  explicit Clusterer(size_t n) : sets_(n), reason_(n, "alone"), apart_(n) {}
  void Key(uint32_t m, const std::string& key, const char* why) {
    auto [it, fresh] = first_.emplace(key, m);
    if (!fresh) Join(m, it->second, why);
  }
  // Joins the clusters of a and b unless a decision keeps them apart.
  void Join(uint32_t a, uint32_t b, const char* why) {
    uint32_t ra = sets_.Find(a), rb = sets_.Find(b);
    if (ra == rb) return;
    for (uint32_t other : apart_[ra]) {
      if (sets_.Find(other) == rb) return;
    }
    if (reason_[a] == "alone") reason_[a] = why;
    if (reason_[b] == "alone") reason_[b] = why;
    sets_.Union(a, b);
    uint32_t root = sets_.Find(a), gone = root == ra ? rb : ra;
    apart_[root].insert(apart_[root].end(), apart_[gone].begin(), apart_[gone].end());
    apart_[gone].clear();
  }
  // Keeps a and b (and their clusters) apart from now on. Call before any Key or Join.
  void KeepApart(uint32_t a, uint32_t b) {
    apart_[a].push_back(b);
    apart_[b].push_back(a);
  }
  uint32_t Root(uint32_t m) { return sets_.Find(m); }
  const std::string& Reason(uint32_t m) const { return reason_[m]; }

 private:
  resolve::DisjointSets sets_;
  std::vector<std::string> reason_;
  std::vector<std::vector<uint32_t>> apart_;  // per root: mentions its cluster must not join
  std::unordered_map<std::string, uint32_t> first_;
};

std::string FirstWords(const std::string& normalised, size_t n) {
  auto words = resolve::Tokens(normalised);
  std::string out;
  for (size_t i = 0; i < std::min(n, words.size()); ++i) out += (i ? " " : "") + words[i];
  return out;
}

void Cluster(std::vector<Pending>& ms, Clusterer& c) {
  // Organisations: which numbers each normalised name is used with.
  std::map<std::string, std::set<std::string>> numbers_by_name;
  for (const auto& m : ms) {
    if (m.row.kind == "organisation" && !m.row.company_number.empty() && !m.norm_name.empty()) {
      numbers_by_name[m.norm_name].insert(m.row.company_number);
    }
  }
  for (uint32_t i = 0; i < ms.size(); ++i) {
    const auto& r = ms[i].row;
    if (r.kind == "organisation") {
      if (!r.company_number.empty()) {
        c.Key(i, "cn:" + r.company_number, "same company number");
      } else if (!ms[i].norm_name.empty()) {
        const auto& numbers = numbers_by_name[ms[i].norm_name];
        if (numbers.size() == 1) c.Key(i, "cn:" + *numbers.begin(), "same name as the one company of that name");
        else if (numbers.empty()) c.Key(i, "on:" + ms[i].norm_name, "same name, no company number");
      }
    } else if (r.kind == "address") {
      std::string street = FirstWords(resolve::NormaliseText(r.address), 2);
      if (!r.postcode.empty()) c.Key(i, "ad:" + r.postcode + "|" + street, "same postcode and street");
      else if (!street.empty()) c.Key(i, "ad:|" + resolve::NormaliseText(r.address), "same address");
    } else if (r.kind == "person") {
      if (r.reference.rfind("/officers/", 0) == 0) c.Key(i, "po:" + r.reference, "same Companies House officer");
      if (ms[i].norm_name.empty()) continue;
      if (r.birth_date.size() >= 7) c.Key(i, "pb:" + ms[i].norm_name + "|" + r.birth_date.substr(0, 7), "same name and birth month");
      if (!r.postcode.empty()) c.Key(i, "pp:" + ms[i].norm_name + "|" + r.postcode, "same name and postcode");
    } else if (r.kind == "socg" && !r.reference.empty()) {
      c.Key(i, "sg:" + resolve::NormaliseText(r.reference), "same SOCG reference");
    } else if (r.kind == "process" && !r.reference.empty()) {
      c.Key(i, "pr:" + r.reference, "same ocid");
    }
  }
}

// The most common non-empty value of `field` among `members`.
template <typename F>
std::string Commonest(const std::vector<Pending>& ms, const std::vector<uint32_t>& members, F field) {
  std::map<std::string, int> count;
  for (uint32_t m : members) {
    std::string v = field(ms[m].row);
    if (!v.empty()) ++count[v];
  }
  std::string best;
  int n = 0;
  for (const auto& [v, k] : count) {
    if (k > n) best = v, n = k;
  }
  return best;
}

std::string Prefix(const std::string& kind) {
  if (kind == "person") return "P";
  if (kind == "organisation") return "O";
  if (kind == "address") return "A";
  if (kind == "socg") return "G";
  return "C";
}

// Analytics over the public network only, so no figure reveals restricted structure.
Status AddAnalytics(std::vector<storage::EntityRow>& entities, const std::vector<storage::LinkRow>& links) {
  std::unordered_map<std::string, int64_t> index;
  std::vector<size_t> public_entities;
  for (size_t i = 0; i < entities.size(); ++i) {
    if (entities[i].restricted) continue;
    index[entities[i].id] = int64_t(public_entities.size());
    public_entities.push_back(i);
  }
  std::vector<std::pair<int64_t, int64_t>> edges;
  for (const auto& l : links) {
    auto a = index.find(l.from_entity), b = index.find(l.to_entity);
    if (!l.restricted && a != index.end() && b != index.end()) edges.emplace_back(a->second, b->second);
  }
  CAIRN_ASSIGN_OR_RETURN(auto metrics, graph::Analyse(int64_t(public_entities.size()), edges));
  for (size_t v = 0; v < public_entities.size(); ++v) {
    storage::EntityRow& e = entities[public_entities[v]];
    e.component_size = metrics[v].component_size;
    e.community = metrics[v].community;
    e.community_size = metrics[v].community_size;
    e.degree = metrics[v].degree;
    e.betweenness = metrics[v].betweenness;
  }
  return Status::Ok();
}

}  // namespace

Result<ResolutionReport> ResolveNetwork(const app::Env& env, const model::Actor& actor) {
  ResolutionReport report;
  std::vector<Pending> ms;
  std::vector<PendingLink> pending_links;
  std::map<std::string, std::string> previous;
  std::vector<storage::DecisionRow> decisions;
  CAIRN_RETURN_IF_ERROR(env.db.Read([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(previous, storage::ReadMentionEntities(tx));
    CAIRN_ASSIGN_OR_RETURN(decisions, storage::ListDecisions(tx));
    return storage::ScanSourceRecords(tx, [&](const storage::SourceRecordView& r) {
      ++report.records;
      nlohmann::json payload = nlohmann::json::parse(r.payload, nullptr, false);
      Extracted x = Extract(r.format, payload);
      size_t base = ms.size();
      for (size_t i = 0; i < x.mentions.size(); ++i) {
        const Mention& m = x.mentions[i];
        Pending p;
        p.row = {r.format + "/" + r.record_key + "#" + std::to_string(i), r.id, m.kind, m.role, m.name, m.given_name,
                 m.surname, resolve::NormaliseForRole(resolve::Role::kCompanyNumber, m.company_number), m.birth_date,
                 m.address, resolve::NormalisePostcode(m.postcode), m.reference, r.restricted,
                 r.owner_organisation_id, "", ""};
        if (m.kind == "organisation") {
          p.norm_name = resolve::NormaliseOrganisationName(m.name);
        } else if (m.kind == "person") {
          std::string given = FirstWords(resolve::NormalisePersonName(m.given_name), 1);
          std::string surname = resolve::NormalisePersonName(m.surname);
          if (!given.empty() && !surname.empty()) p.norm_name = given + " " + surname;
        }
        ms.push_back(std::move(p));
      }
      for (const Relation& rel : x.relations) {
        pending_links.push_back({base + rel.from, base + rel.to, rel, r.id, r.restricted, r.owner_organisation_id});
      }
    });
  }));

  Clusterer clusterer(ms.size());
  // Analysts' decisions first: "different" constrains every later join, "same" joins at once.
  std::unordered_map<std::string, uint32_t> by_key;
  for (uint32_t i = 0; i < ms.size(); ++i) by_key[ms[i].row.mention_key] = i;
  for (const auto& d : decisions) {
    auto a = by_key.find(d.mention_a), b = by_key.find(d.mention_b);
    if (a == by_key.end() || b == by_key.end()) continue;  // a record no longer held
    if (d.decision == "different") clusterer.KeepApart(a->second, b->second);
  }
  for (const auto& d : decisions) {
    auto a = by_key.find(d.mention_a), b = by_key.find(d.mention_b);
    if (a != by_key.end() && b != by_key.end() && d.decision == "same") {
      clusterer.Join(a->second, b->second, "confirmed by an analyst");
    }
  }
  Cluster(ms, clusterer);
  std::map<uint32_t, std::vector<uint32_t>> clusters;
  for (uint32_t i = 0; i < ms.size(); ++i) clusters[clusterer.Root(i)].push_back(i);

  std::vector<storage::EntityRow> entities;
  std::set<std::string> taken;
  for (auto& [root, members] : clusters) {
    std::sort(members.begin(), members.end(), [&](uint32_t a, uint32_t b) { return ms[a].row.mention_key < ms[b].row.mention_key; });
    storage::EntityRow e;
    e.kind = ms[root].row.kind;
    for (uint32_t m : members) {  // keep the id the first mention had, if no other entity took it
      auto it = previous.find(ms[m].row.mention_key);
      if (it != previous.end() && it->second.rfind(Prefix(e.kind), 0) == 0 && !taken.count(it->second)) {
        e.id = it->second;
        ++report.ids_kept;
        break;
      }
    }
    if (e.id.empty()) e.id = Prefix(e.kind) + Sha256Hex(ms[members.front()].row.mention_key).substr(0, 16);
    taken.insert(e.id);
    // People are shown given name first, whichever order the register wrote them in.
    e.name = e.kind == "person"
                 ? Commonest(ms, members, [](const auto& r) {
                     return !r.given_name.empty() && !r.surname.empty() ? r.given_name + " " + r.surname : r.name;
                   })
                 : Commonest(ms, members, [](const auto& r) { return r.name.empty() ? r.address : r.name; });
    if (e.name.empty()) e.name = Commonest(ms, members, [](const auto& r) { return r.reference.empty() ? r.company_number : r.reference; });
    e.company_number = Commonest(ms, members, [](const auto& r) { return r.company_number; });
    e.postcode = Commonest(ms, members, [](const auto& r) { return r.postcode; });
    e.birth_date = Commonest(ms, members, [](const auto& r) { return r.birth_date; });
    e.mention_count = int64_t(members.size());
    e.restricted = std::all_of(members.begin(), members.end(), [&](uint32_t m) { return ms[m].row.restricted; });
    if (e.restricted) e.owner_organisation_id = ms[members.front()].row.owner_organisation_id;
    e.search_name = e.kind == "person" ? resolve::NormalisePersonName(e.name) : e.kind == "organisation"
                        ? resolve::NormaliseOrganisationName(e.name) : resolve::NormaliseText(e.name);
    for (const std::string& w : resolve::Tokens(e.search_name)) {
      std::string code = resolve::Soundex(w);
      if (!code.empty()) e.sound_name += (e.sound_name.empty() ? "" : " ") + code;
    }
    for (uint32_t m : members) {
      ms[m].row.entity_id = e.id;
      ms[m].row.match_reason = clusterer.Reason(m);
    }
    ++report.entities[e.kind];
    entities.push_back(std::move(e));
  }
  std::vector<storage::MentionRow> mention_rows;
  for (auto& m : ms) mention_rows.push_back(std::move(m.row));
  std::vector<storage::LinkRow> link_rows;
  for (const auto& l : pending_links) {
    link_rows.push_back({mention_rows[l.from].entity_id, mention_rows[l.to].entity_id, l.relation.type,
                         l.relation.start, l.relation.end, l.relation.detail.dump(), l.record_id, l.restricted, l.owner});
  }
  CAIRN_RETURN_IF_ERROR(AddAnalytics(entities, link_rows));
  report.mentions = int64_t(mention_rows.size());
  report.links = int64_t(link_rows.size());

  CAIRN_RETURN_IF_ERROR(env.db.Write([&](storage::Tx& tx) -> Status {
    CAIRN_RETURN_IF_ERROR(storage::ReplaceNetwork(tx, entities, mention_rows, link_rows));
    return audit::Append(tx, env.clock, actor,
                         {"resolve", "network", "", true,
                          {{"records", report.records}, {"mentions", report.mentions}, {"links", report.links},
                           {"entities", report.entities}, {"ids_kept", report.ids_kept}}});
  }));
  return report;
}

}  // namespace cairn::engine

namespace cairn::engine {

Status RecordDecision(const app::Env& env, const model::Actor& actor, const std::string& mention_a,
                      const std::string& mention_b, const std::string& decision, const std::string& note) {
  if (decision != "same" && decision != "different") return InvalidField("decision", "must be same or different");
  if (mention_a == mention_b) return FailedPrecondition("a record is always the same as itself");
  if (!actor.user_id) return PermissionDenied("decisions are made by a signed-in analyst");
  return env.db.Write([&](storage::Tx& tx) -> Status {
    std::string kind;
    for (const std::string* key : {&mention_a, &mention_b}) {
      CAIRN_ASSIGN_OR_RETURN(auto m, storage::FindMention(tx, *key));
      if (!m || !CanSee(actor, m->restricted, m->owner_organisation_id)) return NotFound("no record mention " + *key);
      if (!kind.empty() && kind != m->kind) return FailedPrecondition("a " + kind + " cannot be the same as a " + m->kind);
      kind = m->kind;
    }
    storage::DecisionRow d{std::min(mention_a, mention_b), std::max(mention_a, mention_b), decision, note,
                           *actor.user_id, FormatTimestamp(env.clock.Now())};
    CAIRN_RETURN_IF_ERROR(storage::UpsertDecision(tx, d));
    return audit::Append(tx, env.clock, actor,
                         {"decide", "match", d.mention_a + " | " + d.mention_b, true, {{"decision", decision}, {"note", note}}});
  });
}

}  // namespace cairn::engine
