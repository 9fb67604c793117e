#include "storage/network.h"

#include <algorithm>
#include <charconv>
#include <stdexcept>

#include "storage/internal/scan.h"
#include "storage/internal/soci_types.h"

namespace cairn::storage {

// Large scans go a window of ids at a time (internal/scan.h).
using internal::ForEachIdWindow;

namespace {

// Every source record, or those of one format, in id order.
Status ScanRecords(Tx& tx, const std::string* format, const std::function<void(const SourceRecordView&)>& visit) {
  SourceRecordView r;
  int64_t lo = 0, hi = 0;
  std::string query = "SELECT id, format, record_key, payload, restricted, owner_organisation_id FROM source_records ";
  // For one format, SQLite would otherwise take the (format, record_key) index and sort every
  // record of the format again for each window; NOT INDEXED keeps it to the window's ids.
  if (format && tx.backend() == Backend::kSqlite) query += "NOT INDEXED ";
  query += "WHERE id > :lo AND id <= :hi";
  if (format) query += " AND format = :f";
  soci::statement st(tx.sql());
  st.exchange(soci::use(lo));
  st.exchange(soci::use(hi));
  if (format) st.exchange(soci::use(*format));
  st.exchange(soci::into(r.id));
  st.exchange(soci::into(r.format));
  st.exchange(soci::into(r.record_key));
  st.exchange(soci::into(r.payload));
  st.exchange(soci::into(r.restricted));
  st.exchange(soci::into(r.owner_organisation_id));
  st.alloc();
  st.prepare(query + " ORDER BY id");
  st.define_and_bind();
  ForEachIdWindow(tx.sql(), "source_records", [&](int64_t from, int64_t to) {
    lo = from, hi = to;
    st.execute(false);
    while (st.fetch()) visit(r);
  });
  return Status::Ok();
}

}  // namespace

Status ScanSourceRecords(Tx& tx, const std::function<void(const SourceRecordView&)>& visit) {
  return ScanRecords(tx, nullptr, visit);
}

Result<int64_t> LastSourceRecordId(Tx& tx) {
  long long last = 0;
  tx.sql() << "SELECT coalesce(max(id), 0) FROM source_records", soci::into(last);
  return int64_t(last);
}

Status ScanSourceRecordsOf(Tx& tx, const std::string& format, const std::function<void(const SourceRecordView&)>& visit) {
  return ScanRecords(tx, &format, visit);
}

Result<std::map<int64_t, RecordProvenance>> ProvenanceOf(Tx& tx, const std::vector<int64_t>& ids) {
  RecordProvenance p;
  int64_t id = 0;
  soci::statement st = (tx.sql().prepare << "SELECT id, format, record_key, file, line, content_hash FROM source_records "
                                            "WHERE id = :id",
                        soci::use(id), soci::into(p.id), soci::into(p.format), soci::into(p.record_key),
                        soci::into(p.file), soci::into(p.line), soci::into(p.content_hash));
  std::map<int64_t, RecordProvenance> out;
  for (int64_t want : ids) {
    id = want;
    st.execute(false);
    if (st.fetch()) out[p.id] = p;
  }
  return out;
}

std::string MentionKey(std::string_view format, std::string_view record_key, int64_t index) {
  std::string key;
  key.reserve(format.size() + record_key.size() + 8);
  key.append(format).append("/").append(record_key).append("#").append(std::to_string(index));
  return key;
}

namespace {

// The digits after a key's last "#", or nullopt if it does not end in them.
std::optional<int64_t> IndexAtEnd(std::string_view key) {
  const size_t hash = key.rfind('#');
  if (hash == std::string_view::npos || hash + 1 == key.size()) return std::nullopt;
  int64_t index = -1;
  auto [end, error] = std::from_chars(key.data() + hash + 1, key.data() + key.size(), index);
  if (error != std::errc() || end != key.data() + key.size() || index < 0) return std::nullopt;
  return index;
}

}  // namespace

int64_t MentionIndex(std::string_view key) {
  const std::optional<int64_t> index = IndexAtEnd(key);
  // The key is not quoted: an error may reach a client, and a restricted record's key is its own.
  if (!index) throw std::invalid_argument("a mention key does not end in #index");
  return *index;
}

Status ScanMentionEntities(Tx& tx, const std::function<void(const MentionPlace&, const std::string&)>& each) {
  MentionPlace place;
  std::string entity;
  int64_t lo = 0, hi = 0;
  soci::statement st =
      (tx.sql().prepare << "SELECT source_record_id, mention_index, entity_id FROM mentions WHERE id > :lo AND id <= :hi",
       soci::use(lo), soci::use(hi), soci::into(place.record), soci::into(place.index), soci::into(entity));
  ForEachIdWindow(tx.sql(), "mentions", [&](int64_t from, int64_t to) {
    lo = from, hi = to;
    st.execute(false);
    while (st.fetch()) each(place, entity);
  });
  return Status::Ok();
}

namespace {

constexpr const char* kEntityColumns =
    "id, kind, name, company_number, postcode, birth_date, mention_count, restricted, owner_organisation_id, "
    "search_name, sound_name, component_size, community, community_size, degree, betweenness";

void BindEntity(soci::statement& st, EntityRow& e) {
  st.exchange(soci::into(e.id));
  st.exchange(soci::into(e.kind));
  st.exchange(soci::into(e.name));
  st.exchange(soci::into(e.company_number));
  st.exchange(soci::into(e.postcode));
  st.exchange(soci::into(e.birth_date));
  st.exchange(soci::into(e.mention_count));
  st.exchange(soci::into(e.restricted));
  st.exchange(soci::into(e.owner_organisation_id));
  st.exchange(soci::into(e.search_name));
  st.exchange(soci::into(e.sound_name));
  st.exchange(soci::into(e.component_size));
  st.exchange(soci::into(e.community));
  st.exchange(soci::into(e.community_size));
  st.exchange(soci::into(e.degree));
  st.exchange(soci::into(e.betweenness));
}

}  // namespace

Result<std::vector<EntityRow>> FindEntities(Tx& tx, const std::string& company_number, const std::string& postcode,
                                            const std::string& name, const std::vector<std::string>& sounds,
                                            int limit) {
  EntityRow e;
  soci::statement st(tx.sql());
  BindEntity(st, e);
  // Fixed fragments with placeholders; every value is bound. An empty value is skipped: it
  // would otherwise match every entity without that field.
  std::string where;
  auto either = [&where](const std::string& clause) { where += (where.empty() ? "" : " OR ") + clause; };
  if (!company_number.empty()) {
    either("company_number = :cn");
    st.exchange(soci::use(company_number));
  }
  if (!postcode.empty()) {
    either("postcode = :pc");
    st.exchange(soci::use(postcode));
  }
  // Candidates come best first, so a limit cuts the weakest: those with the number or postcode
  // or containing the whole name, then those sounding like more of its words, and only then the
  // most mentioned. (Ordered by
  // mentions alone, a common word's many sound-alikes pushed an exact name of few mentions out.)
  std::string rank;
  auto score = [&rank](const std::string& test, int weight) {
    rank += (rank.empty() ? "" : " + ") + std::string("CASE WHEN ") + test + " THEN " + std::to_string(weight) +
            " ELSE 0 END";
  };
  // Each pattern is bound twice, once to filter and once to rank; use() keeps references, so
  // the vector is sized first and never reallocates.
  std::vector<std::string> patterns;
  patterns.reserve(2 + 2 * sounds.size());
  // The filter is answered from each backend's search index (migration 0024): on SQLite an FTS5
  // trigram table answers the LIKE; on PostgreSQL a trigram index answers the name's LIKE and a
  // word index the sound code, which is a whole word of sound_name.
  const bool sqlite = tx.backend() == Backend::kSqlite;
  auto in_index = [](const std::string& column, const std::string& param) {
    return "rowid IN (SELECT rowid FROM entity_search WHERE " + column + " LIKE :" + param + ")";
  };
  if (!name.empty()) {
    patterns.push_back("%" + name + "%");
    either(sqlite ? in_index("search_name", "n") : "search_name LIKE :n");
    st.exchange(soci::use(patterns.back()));
  }
  for (size_t i = 0; i < sounds.size(); ++i) {
    if (sounds[i].empty()) continue;
    std::string param = "s" + std::to_string(i);
    if (sqlite) {
      patterns.push_back("%" + sounds[i] + "%");
      either(in_index("sound_name", param));
      st.exchange(soci::use(patterns.back()));
    } else {
      either("to_tsvector('simple', sound_name) @@ plainto_tsquery('simple', :" + param + ")");
      st.exchange(soci::use(sounds[i]));
    }
  }
  if (where.empty()) return std::vector<EntityRow>();
  if (!company_number.empty()) {
    score("company_number = :rc", 100);
    st.exchange(soci::use(company_number));
  }
  if (!postcode.empty()) {
    score("postcode = :rp", 100);
    st.exchange(soci::use(postcode));
  }
  if (!name.empty()) {
    patterns.push_back("%" + name + "%");
    score("search_name LIKE :rn", 100);
    st.exchange(soci::use(patterns.back()));
  }
  for (size_t i = 0; i < sounds.size(); ++i) {
    if (sounds[i].empty()) continue;
    patterns.push_back("%" + sounds[i] + "%");
    score("sound_name LIKE :rs" + std::to_string(i), 1);
    st.exchange(soci::use(patterns.back()));
  }
  internal::Execute(st, std::string("SELECT ") + kEntityColumns + " FROM entities WHERE " + where + " ORDER BY " +
                            (rank.empty() ? "" : rank + " DESC, ") + "mention_count DESC, id LIMIT " +
                            std::to_string(limit));
  std::vector<EntityRow> out;
  while (st.fetch()) out.push_back(e);
  return out;
}

Result<std::vector<EntityRow>> EntitiesOfKind(Tx& tx, const std::string& kind) {
  EntityRow e;
  soci::statement st(tx.sql());
  BindEntity(st, e);
  st.exchange(soci::use(kind));
  internal::Execute(st, std::string("SELECT ") + kEntityColumns + " FROM entities WHERE kind = :k ORDER BY id");
  std::vector<EntityRow> out;
  while (st.fetch()) out.push_back(e);
  return out;
}

Result<std::optional<std::string>> PayloadOf(Tx& tx, int64_t id) {
  std::string payload;
  tx.sql() << "SELECT payload FROM source_records WHERE id = :id", soci::use(id), soci::into(payload);
  if (!tx.sql().got_data()) return std::optional<std::string>();
  return std::optional<std::string>(payload);
}

Result<std::optional<EntityRow>> GetEntity(Tx& tx, const std::string& id) {
  EntityRow e;
  soci::statement st(tx.sql());
  BindEntity(st, e);
  st.exchange(soci::use(id));
  internal::Execute(st, std::string("SELECT ") + kEntityColumns + " FROM entities WHERE id = :id");
  if (!st.fetch()) return std::optional<EntityRow>();
  return std::optional<EntityRow>(e);
}

namespace {

constexpr char kMentionViewSelect[] =
    "SELECT m.mention_index, m.source_record_id, m.kind, m.role, m.name, m.given_name, m.surname, "
    "m.company_number, m.birth_date, m.address, m.postcode, m.reference, m.restricted, "
    "m.owner_organisation_id, m.entity_id, m.match_reason, r.format, r.record_key, r.file, r.line "
    "FROM mentions m JOIN source_records r ON r.id = m.source_record_id ";

// Binds a row of kMentionViewSelect to `v` and `index`; Complete(v, index) then gives the
// mention its key.
void IntoMentionView(soci::statement& st, MentionView& v, int64_t& index) {
  MentionRow& m = v.mention;
  st.exchange(soci::into(index));
  st.exchange(soci::into(m.source_record_id));
  st.exchange(soci::into(m.kind));
  st.exchange(soci::into(m.role));
  st.exchange(soci::into(m.name));
  st.exchange(soci::into(m.given_name));
  st.exchange(soci::into(m.surname));
  st.exchange(soci::into(m.company_number));
  st.exchange(soci::into(m.birth_date));
  st.exchange(soci::into(m.address));
  st.exchange(soci::into(m.postcode));
  st.exchange(soci::into(m.reference));
  st.exchange(soci::into(m.restricted));
  st.exchange(soci::into(m.owner_organisation_id));
  st.exchange(soci::into(m.entity_id));
  st.exchange(soci::into(m.match_reason));
  st.exchange(soci::into(v.format));
  st.exchange(soci::into(v.record_key));
  st.exchange(soci::into(v.file));
  st.exchange(soci::into(v.line));
}

const MentionView& Complete(MentionView& v, int64_t index) {
  v.mention.mention_key = MentionKey(v.format, v.record_key, index);
  return v;
}

}  // namespace

Result<std::vector<MentionView>> MentionsOf(Tx& tx, const std::string& entity_id) {
  MentionView v;
  int64_t index = 0;
  soci::statement st(tx.sql());
  IntoMentionView(st, v, index);
  std::string e = entity_id;
  st.exchange(soci::use(e));
  st.alloc();
  st.prepare(std::string(kMentionViewSelect) + "WHERE m.entity_id = :e");
  st.define_and_bind();
  st.execute(false);
  std::vector<MentionView> out;
  while (st.fetch()) out.push_back(Complete(v, index));
  std::sort(out.begin(), out.end(),
            [](const MentionView& a, const MentionView& b) { return a.mention.mention_key < b.mention.mention_key; });
  return out;
}

Status ScanMentions(Tx& tx, const std::function<void(const MentionView&)>& visit) {
  MentionView v;
  int64_t index = 0, lo = 0, hi = 0;
  soci::statement st(tx.sql());
  IntoMentionView(st, v, index);
  st.exchange(soci::use(lo));
  st.exchange(soci::use(hi));
  st.alloc();
  st.prepare(std::string(kMentionViewSelect) + "WHERE m.id > :lo AND m.id <= :hi ORDER BY m.id");
  st.define_and_bind();
  ForEachIdWindow(tx.sql(), "mentions", [&](int64_t from, int64_t to) {
    lo = from, hi = to;
    st.execute(false);
    while (st.fetch()) visit(Complete(v, index));
  });
  return Status::Ok();
}

Result<std::vector<LinkRow>> LinksOf(Tx& tx, const std::string& entity_id) {
  LinkRow l;
  soci::statement st =
      (tx.sql().prepare << "SELECT from_entity, to_entity, type, start_date, end_date, detail, source_record_id, "
                           "restricted, owner_organisation_id FROM links WHERE from_entity = :a OR to_entity = :b "
                           "ORDER BY id",
       soci::use(entity_id), soci::use(entity_id), soci::into(l.from_entity), soci::into(l.to_entity),
       soci::into(l.type), soci::into(l.start_date), soci::into(l.end_date), soci::into(l.detail),
       soci::into(l.source_record_id), soci::into(l.restricted), soci::into(l.owner_organisation_id));
  st.execute(false);
  std::vector<LinkRow> out;
  while (st.fetch()) out.push_back(l);
  return out;
}

Status UpsertDecision(Tx& tx, const DecisionRow& d) {
  tx.sql() << "INSERT INTO match_decisions (mention_a, mention_b, decision, note, decided_by, decided_at) VALUES "
              "(:a, :b, :d, :n, :by, :at) ON CONFLICT (mention_a, mention_b) DO UPDATE SET decision = "
              "excluded.decision, note = excluded.note, decided_by = excluded.decided_by, decided_at = excluded.decided_at",
      soci::use(d.mention_a), soci::use(d.mention_b), soci::use(d.decision), soci::use(d.note),
      soci::use(d.decided_by), soci::use(d.decided_at);
  return Status::Ok();
}

Result<std::vector<DecisionRow>> ListDecisions(Tx& tx) {
  DecisionRow d;
  soci::statement st = (tx.sql().prepare << "SELECT mention_a, mention_b, decision, note, decided_by, decided_at "
                                            "FROM match_decisions ORDER BY id",
                        soci::into(d.mention_a), soci::into(d.mention_b), soci::into(d.decision), soci::into(d.note),
                        soci::into(d.decided_by), soci::into(d.decided_at));
  st.execute(false);
  std::vector<DecisionRow> out;
  while (st.fetch()) out.push_back(d);
  return out;
}

namespace {

struct KeyParts {
  std::string format, record_key;
  int64_t index = 0;
};

// format/record_key#index: the format has no "/", the index is the digits after the last "#".
// Nullopt unless MentionKey would make `key` from its parts ("#01" and "#+1" are not keys).
std::optional<KeyParts> SplitMentionKey(const std::string& key) {
  const size_t slash = key.find('/'), hash = key.rfind('#');
  const std::optional<int64_t> at_end = IndexAtEnd(key);
  if (slash == std::string::npos || !at_end || hash < slash) return std::nullopt;
  KeyParts parts{key.substr(0, slash), key.substr(slash + 1, hash - slash - 1), *at_end};
  if (MentionKey(parts.format, parts.record_key, parts.index) != key) return std::nullopt;
  return parts;
}

}  // namespace

Result<std::optional<MentionRow>> FindMention(Tx& tx, const std::string& mention_key) {
  const std::optional<KeyParts> key = SplitMentionKey(mention_key);
  if (!key) return std::optional<MentionRow>();
  MentionRow m;
  tx.sql() << "SELECT m.source_record_id, m.kind, m.role, m.restricted, m.owner_organisation_id, m.entity_id "
              "FROM mentions m JOIN source_records r ON r.id = m.source_record_id "
              "WHERE r.format = :f AND r.record_key = :k AND m.mention_index = :i",
      soci::use(key->format), soci::use(key->record_key), soci::use(key->index),
      soci::into(m.source_record_id), soci::into(m.kind), soci::into(m.role), soci::into(m.restricted),
      soci::into(m.owner_organisation_id), soci::into(m.entity_id);
  if (!tx.sql().got_data()) return std::optional<MentionRow>();
  m.mention_key = mention_key;
  return std::optional<MentionRow>(m);
}

Result<std::optional<MentionPlace>> FindMentionPlace(Tx& tx, const std::string& mention_key) {
  const std::optional<KeyParts> key = SplitMentionKey(mention_key);
  if (!key) return std::optional<MentionPlace>();
  MentionPlace place{0, key->index};
  tx.sql() << "SELECT id FROM source_records WHERE format = :f AND record_key = :k", soci::use(key->format),
      soci::use(key->record_key), soci::into(place.record);
  if (!tx.sql().got_data()) return std::optional<MentionPlace>();
  return std::optional<MentionPlace>(place);
}

Status ScanNetwork(Tx& tx, const std::function<void(const EntityRow&)>& visit,
                   const std::function<void(const LinkRow&)>& visit_link) {
  {
    // Entities' ids are text: a page at a time after the last id seen.
    EntityRow e;
    std::string after;
    soci::statement st(tx.sql());
    BindEntity(st, e);
    st.exchange(soci::use(after));
    internal::Execute(st, std::string("SELECT ") + kEntityColumns + " FROM entities WHERE id > :after ORDER BY id " +
                              "LIMIT " + std::to_string(internal::kScanWindow));
    for (;;) {
      int64_t n = 0;
      std::string last;
      while (st.fetch()) {
        visit(e);
        last = e.id;
        ++n;
      }
      if (n < internal::kScanWindow) break;
      after = last;
      st.execute(false);
    }
  }
  LinkRow l;
  int64_t lo = 0, hi = 0;
  soci::statement st =
      (tx.sql().prepare << "SELECT from_entity, to_entity, type, start_date, end_date, detail, source_record_id, "
                           "restricted, owner_organisation_id FROM links WHERE id > :lo AND id <= :hi ORDER BY id",
       soci::use(lo), soci::use(hi), soci::into(l.from_entity), soci::into(l.to_entity), soci::into(l.type),
       soci::into(l.start_date), soci::into(l.end_date), soci::into(l.detail), soci::into(l.source_record_id),
       soci::into(l.restricted), soci::into(l.owner_organisation_id));
  ForEachIdWindow(tx.sql(), "links", [&](int64_t from, int64_t to) {
    lo = from, hi = to;
    st.execute(false);
    while (st.fetch()) visit_link(l);
  });
  return Status::Ok();
}

}  // namespace cairn::storage
