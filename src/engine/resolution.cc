#include "engine/resolution.h"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <cctype>
#include <climits>
#include <set>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "audit/chain.h"
#include "common/crypto.h"
#include "common/memory.h"
#include "common/time.h"
#include "engine/network_view.h"
#include "engine/extract.h"
#include "engine/internal/clusterer.h"
#include "engine/internal/mentions.h"
#include "engine/internal/stopwatch.h"
#include "engine/internal/text_arena.h"
#include "engine/people.h"
#include "graph/analytics.h"
#include "resolve/cluster.h"
#include "resolve/normalise.h"
#include "resolve/record.h"
#include "resolve/similarity.h"
#include "storage/network.h"

namespace cairn::engine {
namespace {

using internal::Clusterer;
using internal::Digest128;
using internal::DigestOf;
using internal::NumbersByName;
using internal::Mentions;
using internal::PendingLinks;

// Companies House writes officers' surnames in capitals ("SMITH, John"); an entity's name is
// shown "John Smith" whichever register it came from. Mixed-case names are left as written.
std::string Capitalised(const std::string& surname) {
  if (std::any_of(surname.begin(), surname.end(), [](unsigned char c) { return std::islower(c); })) return surname;
  std::string out = surname;
  bool start = true;
  for (char& c : out) {
    c = char(start ? std::toupper(static_cast<unsigned char>(c)) : std::tolower(static_cast<unsigned char>(c)));
    start = c == ' ' || c == '-' || c == '\'';
  }
  return out;
}

std::string FirstWords(const std::string& normalised, size_t n) {
  auto words = resolve::Tokens(normalised);
  std::string out;
  for (size_t i = 0; i < std::min(n, words.size()); ++i) out += (i ? " " : "") + words[i];
  return out;
}

// Identifier keys: company numbers, addresses, Companies House officer ids, SOCG references,
// ocids. People's names are matched afterwards (people.h).
// A normalised organisation name without its legal form ("kerr recycling ltd" → "kerr
// recycling"): procurement data often leaves the form off, or misspells it ("liited").
std::string BaseName(const std::string& norm) {
  static const std::set<std::string> kForms = {"ltd", "plc", "llp", "lp"};
  size_t space = norm.find_last_of(' ');
  if (space == std::string::npos) return norm;
  std::string last = norm.substr(space + 1);
  bool form = kForms.count(last) || (last.size() >= 5 && resolve::BoundedEditDistance(last, "limited", 2) <= 2);
  return form ? norm.substr(0, space) : norm;
}

void ClusterByKeys(const Mentions& ms, Clusterer& c) {
  using M = Mentions;
  // Organisations: which numbers each normalised name is used with, with and without the legal
  // form, and with the postcode, to place a party that gives only a name.
  NumbersByName numbers_by_name, numbers_by_base, numbers_by_base_postcode;
  for (uint32_t i = 0; i < ms.size(); ++i) {
    if (ms.kind(i) != "organisation") continue;
    const std::string name(ms.norm_name(i));
    const std::string number(ms.Get(i, M::kCompanyNumber)), postcode(ms.Get(i, M::kPostcode));
    if (!number.empty() && !name.empty()) {
      const Digest128 n = DigestOf(number);
      const std::string base = BaseName(name);
      numbers_by_name.Add(name, n, i);
      numbers_by_base.Add(base, n, i);
      if (!postcode.empty()) numbers_by_base_postcode.Add(base + "|" + resolve::NormalisePostcode(postcode), n, i);
    }
  }
  numbers_by_name.Seal(), numbers_by_base.Seal(), numbers_by_base_postcode.Seal();
  auto number_of = [&](uint32_t m) { return std::string(ms.Get(m, M::kCompanyNumber)); };
  for (uint32_t i = 0; i < ms.size(); ++i) {
    const std::string_view kind = ms.kind(i);
    const std::string reference(ms.Get(i, M::kReference));
    if (kind == "organisation") {
      const std::string name(ms.norm_name(i));
      const std::string number(ms.Get(i, M::kCompanyNumber)), postcode(ms.Get(i, M::kPostcode));
      const std::string_view role = ms.role(i);
      if (!number.empty()) {
        c.Key(i, "cn:" + number, "same company number");
      } else if (!name.empty()) {
        const std::string base = BaseName(name);
        const auto numbers = numbers_by_name.Find(name);
        const auto by_base = numbers_by_base.Find(base);
        const auto by_place = postcode.empty() ? std::pair<int, uint32_t>{0, 0}
                                               : numbers_by_base_postcode.Find(base + "|" +
                                                                               resolve::NormalisePostcode(postcode));
        if (numbers.first == 1) c.Key(i, "cn:" + number_of(numbers.second), "same name as the one company of that name");
        else if (by_place.first == 1)
          c.Key(i, "cn:" + number_of(by_place.second), "same name, legal form aside, and postcode as one company");
        else if (numbers.first == 0 && by_base.first == 1)
          c.Key(i, "cn:" + number_of(by_base.second), "same name, legal form aside, as the one company of that name");
        else if (numbers.first == 0) c.Key(i, "on:" + name, "same name, no company number");
      }
      // A procurement publisher's party id is stable across its releases, however the name is
      // spelt in each ("Kirkcaldy Tavern Ltd", "KIRCKALDY TAVERN LTD").
      if (!reference.empty() && (role == "party" || role == "tenderer" || role == "supplier" || role == "buyer"))
        c.Key(i, "op:" + reference, "same party id in the procurement data");
    } else if (kind == "address") {
      const std::string address(ms.Get(i, M::kAddress)), postcode(ms.Get(i, M::kPostcode));
      std::string street = FirstWords(resolve::NormaliseText(address), 2);
      if (!postcode.empty()) c.Key(i, "ad:" + postcode + "|" + street, "same postcode and street");
      else if (!street.empty()) c.Key(i, "ad:|" + resolve::NormaliseText(address), "same address");
    } else if (kind == "person") {
      if (reference.rfind("/officers/", 0) == 0) c.Key(i, "po:" + reference, "same Companies House officer");
    } else if (kind == "socg" && !reference.empty()) {
      c.Key(i, "sg:" + resolve::NormaliseText(reference), "same SOCG reference");
    } else if (kind == "process" && !reference.empty()) {
      c.Key(i, "pr:" + reference, "same ocid");
    }
  }
}

// The most common non-empty value of `field` among `members`.
template <typename F>
std::string Commonest(const std::vector<storage::MentionRow>& members, F field) {
  std::map<std::string, int> count;
  for (const storage::MentionRow& m : members) {
    std::string v = field(m);
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

// Analytics over the public network only, so no figure reveals restricted structure. A link
// joins the entities of its two mentions (`entity_of`).
// Each of its steps is a stage of `stages`.
Status AddAnalytics(internal::Entities& entities, const Mentions& ms, const PendingLinks& links,
                    const std::vector<uint32_t>& entity_of, internal::Stopwatch& stages) {
  // Indices of 32 bits, and room for every link made once (nearly all are public), so that
  // nothing here sits beside community detection's peak larger than it must.
  constexpr int32_t kRestricted = -1;
  if (entities.size() > size_t(INT32_MAX)) return InvalidArgument("network analytics: more than 2^31 entities");
  std::vector<int32_t> index(entities.size(), kRestricted);
  std::vector<uint32_t> public_entities;
  for (size_t i = 0; i < entities.size(); ++i) {
    if (entities.restricted(i)) continue;
    index[i] = int32_t(public_entities.size());
    public_entities.push_back(uint32_t(i));
  }
  std::vector<graph::Edge> edges;
  edges.reserve(links.size());
  for (size_t l = 0; l < links.size(); ++l) {
    const int32_t a = index[entity_of[links.from(l)]], b = index[entity_of[links.to(l)]];
    if (!ms.restricted(links.from(l)) && a != kRestricted && b != kRestricted) edges.emplace_back(a, b);
  }
  ReleaseMemory(index);
  CAIRN_ASSIGN_OR_RETURN(auto metrics, graph::Analyse(int64_t(public_entities.size()), std::move(edges),
                                                      [&](const char* step) { stages.Lap(std::string("analytics: ") + step); }));
  for (size_t v = 0; v < public_entities.size(); ++v) {
    const graph::NodeMetrics& m = metrics[v];
    entities.SetMetrics(public_entities[v],
                        {m.component_size, m.community, m.community_size, m.degree, m.betweenness});
  }
  return Status::Ok();
}

// The mentions of one stored record, extracted and normalised, with its relations (their
// mentions as indices within the record). Runs on worker threads.
struct RecordMentions {
  std::vector<storage::MentionRow> rows;
  std::vector<std::string> norm_names;
  std::vector<PendingLinks::Link> links;
};

void ExtractRecord(const storage::SourceRecordView& r, RecordMentions& out) {
  nlohmann::json payload = nlohmann::json::parse(r.payload, nullptr, false);
  Extracted x = Extract(r.format, payload);
  for (size_t i = 0; i < x.mentions.size(); ++i) {
    const Mention& m = x.mentions[i];
    storage::MentionRow row{storage::MentionKey(r.format, r.record_key, int64_t(i)), r.id, m.kind, m.role, m.name,
                            m.given_name, m.surname,
                            resolve::NormaliseForRole(resolve::Role::kCompanyNumber, m.company_number), m.birth_date,
                            m.address, resolve::NormalisePostcode(m.postcode), m.reference, r.restricted,
                            r.owner_organisation_id, "", ""};
    std::string norm_name;
    if (m.kind == "organisation") {
      norm_name = resolve::NormaliseOrganisationName(m.name);
    } else if (m.kind == "person") {
      std::string given = FirstWords(resolve::NormalisePersonName(m.given_name), 1);
      std::string surname = resolve::NormalisePersonName(m.surname);
      if (!given.empty() && !surname.empty()) norm_name = given + " " + surname;
    }
    out.rows.push_back(std::move(row));
    out.norm_names.push_back(std::move(norm_name));
  }
  for (Relation& rel : x.relations) {
    out.links.push_back({uint32_t(rel.from), uint32_t(rel.to), std::move(rel.type), std::move(rel.start),
                         std::move(rel.end), rel.detail.dump()});
  }
}

// Reads every stored record and extracts its mentions, in parallel batches so a large store
// streams through memory once. The links' text goes to a temporary file as it comes: only the
// write reads it again.
// Passes a step's progress on about every half per cent, and at its end.
class Ticker {
 public:
  Ticker(const ResolutionProgress& report, std::string step, int64_t total)
      : report_(report), step_(std::move(step)), total_(total), every_(std::max<int64_t>(1, (total + 199) / 200)) {}
  void At(int64_t done) {
    if (!report_ || done < next_) return;
    report_(step_, std::min(done, total_), total_);
    next_ = done >= total_ ? INT64_MAX : std::min(total_, done + every_);
  }

 private:
  const ResolutionProgress& report_;
  std::string step_;
  int64_t total_, every_, next_ = 0;
};

Status ReadMentions(storage::Tx& tx, Mentions& ms, PendingLinks& links, int64_t& records,
                    const ResolutionProgress& on_progress) {
  constexpr size_t kBatch = 20000;
  std::vector<storage::SourceRecordView> batch;
  Status spilled;
  auto flush = [&] {
    std::vector<RecordMentions> extracted(batch.size());
    tbb::parallel_for(tbb::blocked_range<size_t>(0, batch.size(), 256), [&](const tbb::blocked_range<size_t>& range) {
      for (size_t i = range.begin(); i != range.end(); ++i) ExtractRecord(batch[i], extracted[i]);
    });
    for (RecordMentions& x : extracted) {
      const size_t base = ms.size();
      for (size_t i = 0; i < x.rows.size(); ++i) ms.Add(x.rows[i], x.norm_names[i]);
      for (auto& l : x.links) {
        l.from += uint32_t(base);
        l.to += uint32_t(base);
        links.Add(l);
      }
    }
    batch.clear();
    if (spilled.ok()) spilled = links.SpillFull();
  };
  CAIRN_ASSIGN_OR_RETURN(const int64_t last, storage::LastSourceRecordId(tx));
  Ticker read(on_progress, "reading records", last);
  CAIRN_RETURN_IF_ERROR(storage::ScanSourceRecords(tx, [&](const storage::SourceRecordView& r) {
    ++records;
    batch.push_back(r);
    read.At(r.id);
    if (batch.size() == kBatch) flush();
  }));
  flush();
  ms.ShrinkToFit();
  links.ShrinkToFit();
  read.At(last);
  return spilled;
}

}  // namespace

Result<ResolutionReport> ResolveNetwork(const app::Env& env, const model::Actor& actor,
                                        const std::function<void(const StageTime&)>& on_stage,
                                        const ResolutionProgress& on_progress) {
  ResolutionReport report;
  internal::Stopwatch stages(&report.stages, on_stage);
  Mentions ms;
  PendingLinks pending_links;
  // Per mention: its entity in the last run, as an index into previous_ids (kNew if it is new).
  constexpr uint32_t kNew = UINT32_MAX;
  std::vector<uint32_t> previous;
  // The last run's entity ids, each once, packed in previous_text: held as strings they took
  // 64 bytes each (a national run keeps some 15 million), here 26.
  internal::TextArena previous_text;
  std::vector<uint64_t> previous_ids;  // where each is in previous_text
  std::vector<storage::DecisionRow> decisions;
  // The mentions each decision names, as indices; those naming a record no longer held are left out.
  std::vector<std::pair<uint32_t, uint32_t>> same, different;
  CAIRN_RETURN_IF_ERROR(env.db.Read([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(decisions, storage::ListDecisions(tx));
    CAIRN_RETURN_IF_ERROR(ReadMentions(tx, ms, pending_links, report.records, on_progress));
    // The stored mentions are matched by their record and index (Mentions::Find), without a map.
    previous.assign(ms.size(), kNew);
    std::unordered_map<std::string_view, uint32_t> id_index;  // views of previous_text
    CAIRN_RETURN_IF_ERROR(storage::ScanMentionEntities(tx, [&](const storage::MentionPlace& place,
                                                               const std::string& entity) {
      const std::optional<uint32_t> m = ms.Find(place);
      if (!m) return;  // a record no longer held, or no longer naming as many
      auto id = id_index.find(entity);
      if (id == id_index.end()) {
        const std::string_view fields[] = {entity};
        previous_ids.push_back(previous_text.Add(fields));
        id = id_index.emplace(previous_text.Field(previous_ids.back(), 0), uint32_t(previous_ids.size() - 1)).first;
      }
      previous[*m] = id->second;
    }));
    // Decisions name mentions by key: each key's record is looked up in the store, and its
    // mention found among those read as the stored ones were.
    auto mention = [&](const std::string& key) -> Result<std::optional<uint32_t>> {
      CAIRN_ASSIGN_OR_RETURN(std::optional<storage::MentionPlace> place, storage::FindMentionPlace(tx, key));
      return place ? ms.Find(*place) : std::nullopt;
    };
    for (const auto& d : decisions) {
      CAIRN_ASSIGN_OR_RETURN(std::optional<uint32_t> a, mention(d.mention_a));
      CAIRN_ASSIGN_OR_RETURN(std::optional<uint32_t> b, mention(d.mention_b));
      if (!a || !b) continue;  // a record no longer held, or no longer naming as many
      if (d.decision == "same") same.emplace_back(*a, *b);
      else if (d.decision == "different") different.emplace_back(*a, *b);
    }
    return Status::Ok();
  }));
  stages.Lap("read and extract");

  Clusterer clusterer(ms.size());
  for (uint32_t i = 0; i < ms.size(); ++i) {
    if (ms.kind(i) == "person") clusterer.SetBirth(i, ms.Get(i, Mentions::kBirthDate));
  }
  // Analysts' decisions first: "different" constrains every later join, "same" joins at once.
  for (const auto& [a, b] : different) clusterer.KeepApart(a, b);
  for (const auto& [a, b] : same) clusterer.Join(a, b, "confirmed by an analyst", true);
  ClusterByKeys(ms, clusterer);
  clusterer.ForgetKeys();  // people's own keys (only when too few to train on) are of other kinds
  stages.Lap("identifier keys");
  PeopleReport people = MatchPeople(ms, clusterer, kPersonMatchThreshold);
  report.person_candidate_pairs = int64_t(people.candidate_pairs);
  report.person_matched_pairs = int64_t(people.matched_pairs);
  report.person_model_used = people.model_used;
  report.person_stages = people.stages;
  stages.Lap("people (Fellegi-Sunter)");
  ms.FreeNormNames();  // only matching needed them
  clusterer.DoneJoining();
  // Clusters as (root, mention) pairs in root order: one flat array rather than a map of
  // vectors, which at national scale would cost more than the mentions' own indexes.
  std::vector<std::pair<uint32_t, uint32_t>> by_root(ms.size());
  for (uint32_t i = 0; i < ms.size(); ++i) by_root[i] = {clusterer.Root(i), i};
  std::sort(by_root.begin(), by_root.end());

  internal::Entities entities;
  std::vector<uint32_t> entity_of(ms.size());  // per mention: its entity, as an index into entities
  // The ids given so far, as views of the entities' own: at national scale there are millions.
  std::unordered_set<std::string_view> taken;
  std::vector<storage::MentionRow> rows;  // one cluster's mentions, in key order
  std::vector<uint32_t> members;
  std::vector<std::pair<std::string, uint32_t>> member_keys;  // to put a cluster's members in key order
  for (size_t begin = 0, end = 0; begin < by_root.size(); begin = end) {
    const uint32_t root = by_root[begin].first;
    while (end < by_root.size() && by_root[end].first == root) ++end;
    members.clear();
    for (size_t k = begin; k < end; ++k) members.push_back(by_root[k].second);
    if (members.size() > 1) {
      member_keys.clear();
      for (uint32_t m : members) member_keys.emplace_back(ms.key(m), m);
      std::sort(member_keys.begin(), member_keys.end());
      for (size_t k = 0; k < members.size(); ++k) members[k] = member_keys[k].second;
    }
    rows.resize(members.size());
    for (size_t k = 0; k < members.size(); ++k) ms.Fill(members[k], rows[k]);
    storage::EntityRow e;
    e.kind = ms.kind(root);
    for (uint32_t m : members) {  // keep the id the first mention had, if no other entity took it
      if (previous[m] == kNew) continue;
      const std::string_view before = previous_text.Field(previous_ids[previous[m]], 0);
      if (before.starts_with(Prefix(e.kind)) && !taken.count(before)) {
        e.id = std::string(before);
        ++report.ids_kept;
        break;
      }
    }
    // A new entity is named by a hash of its first mention's key whose name no other entity
    // holds (a mention that moved may have left its old name with its old cluster).
    for (size_t k = 0; e.id.empty() || taken.count(e.id); ++k) {
      const std::string& key = rows[k % rows.size()].mention_key;
      e.id = Prefix(e.kind) + Sha256Hex(k < rows.size() ? key : key + "#" + std::to_string(k)).substr(0, 16);
    }
    // People are shown given name first, whichever order the register wrote them in.
    e.name = e.kind == "person"
                 ? Commonest(rows, [](const auto& r) {
                     return !r.given_name.empty() && !r.surname.empty() ? r.given_name + " " + Capitalised(r.surname) : r.name;
                   })
                 : Commonest(rows, [](const auto& r) { return r.name.empty() ? r.address : r.name; });
    if (e.name.empty()) e.name = Commonest(rows, [](const auto& r) { return r.reference.empty() ? r.company_number : r.reference; });
    e.company_number = Commonest(rows, [](const auto& r) { return r.company_number; });
    e.postcode = Commonest(rows, [](const auto& r) { return r.postcode; });
    e.birth_date = Commonest(rows, [](const auto& r) { return r.birth_date; });
    e.mention_count = int64_t(rows.size());
    e.restricted = std::all_of(rows.begin(), rows.end(), [](const auto& r) { return r.restricted; });
    if (e.restricted) e.owner_organisation_id = rows.front().owner_organisation_id;
    e.search_name = e.kind == "person" ? resolve::NormalisePersonName(e.name) : e.kind == "organisation"
                        ? resolve::NormaliseOrganisationName(e.name) : resolve::NormaliseText(e.name);
    for (const std::string& w : resolve::Tokens(e.search_name)) {
      std::string code = resolve::Soundex(w);
      if (!code.empty()) e.sound_name += (e.sound_name.empty() ? "" : " ") + code;
    }
    for (uint32_t m : members) entity_of[m] = uint32_t(entities.size());
    ++report.entities[e.kind];
    entities.Add(e);
    taken.insert(entities.id(entities.size() - 1));
  }
  ReleaseMemory(previous);
  ReleaseMemory(previous_ids);
  previous_text.Clear();
  ReleaseMemory(by_root);
  ReleaseMemory(rows);
  ReleaseMemory(member_keys);
  ReleaseMemory(taken);
  // From here only the write reads the mentions' fields and the links' text, each in order.
  CAIRN_RETURN_IF_ERROR(ms.SpillFields());
  CAIRN_RETURN_IF_ERROR(pending_links.Spill());
  CAIRN_RETURN_IF_ERROR(entities.SpillText());
  entities.ShrinkToFit();
  stages.Lap("entities");
  CAIRN_RETURN_IF_ERROR(AddAnalytics(entities, ms, pending_links, entity_of, stages));
  report.mentions = int64_t(ms.size());
  report.links = int64_t(pending_links.size());

  // The rows are made one at a time as the writer asks for them, from the packed mentions and
  // links, so the network is never held as rows; making the i-th row tells how far it has got.
  Ticker entities_written(on_progress, "writing entities", int64_t(entities.size()));
  Ticker mentions_written(on_progress, "writing mentions", int64_t(ms.size()));
  Ticker links_written(on_progress, "writing links", int64_t(pending_links.size()));
  storage::MentionSource mention_rows{
      ms.size(), [&](size_t i) { return storage::MentionPlace{ms.record(i), ms.index(i)}; },
      [&](size_t i, storage::MentionRow& row) {
        mentions_written.At(int64_t(i) + 1);
        ms.Fill(i, row);
        row.entity_id = entities.id(entity_of[i]);
        row.match_reason = clusterer.Reason(uint32_t(i));
        if (auto partner = clusterer.Partner(uint32_t(i))) row.match_reason += "; with " + ms.key(*partner);
      }};
  storage::LinkSource link_rows{pending_links.size(), [&](size_t i, storage::LinkRow& row) {
                                  links_written.At(int64_t(i) + 1);
                                  pending_links.Fill(i, ms, entities.id(entity_of[pending_links.from(i)]),
                                                     entities.id(entity_of[pending_links.to(i)]), row);
                                }};
  storage::EntitySource entity_rows{entities.size(),
                                    [&](size_t i, storage::EntityRow& row) {
                                      entities_written.At(int64_t(i) + 1);
                                      entities.Fill(i, row);
                                    }};
  CAIRN_RETURN_IF_ERROR(env.db.WriteMany(storage::NetworkTables(), [&](storage::Tx& tx) -> Status {
    CAIRN_RETURN_IF_ERROR(storage::ReplaceNetworkFrom(tx, entity_rows, mention_rows, link_rows, &report.written));
    return audit::Append(tx, env.clock, actor,
                         {"resolve", "network", "", true,
                          {{"records", report.records}, {"mentions", report.mentions}, {"links", report.links},
                           {"entities", report.entities}, {"ids_kept", report.ids_kept}}});
  }));
  // A re-run makes only the rows it needs; each step is heard of as ended all the same.
  entities_written.At(int64_t(entities.size()));
  mentions_written.At(int64_t(ms.size()));
  links_written.At(int64_t(pending_links.size()));
  stages.Lap("write");
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
