// Writing the resolved network: the whole of it on the first run, only what changed after.
//
// Each row carries a fingerprint of its content (migrations 0005 and 0026). A re-run compares the new
// rows' fingerprints with the stored ones and inserts, updates and deletes only the difference,
// so re-resolving unchanged data writes nothing and a new file costs what it changes. An empty
// network is written with its secondary indexes dropped and rebuilt after, since building an
// index once over the loaded rows is far quicker than millions of random inserts into it.
#include <openssl/sha.h>

#include <algorithm>
#include <array>
#include <bit>
#include <concepts>
#include <cstdio>
#include <optional>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <utility>

#include "common/memory.h"
#include "storage/internal/copy_in.h"
#include "storage/internal/multi_row.h"
#include "storage/internal/pragma_for.h"
#include "storage/internal/scan.h"
#include "storage/internal/sqlite_insert.h"
#include "storage/internal/soci_types.h"
#include "storage/network.h"

namespace cairn::storage {
namespace {

// The network's secondary indexes, as migrations 0003 and 0009 create them.
constexpr const char* kNetworkIndexes[][2] = {
    {"mentions_entity", "mentions(entity_id)"},  {"entities_company_number", "entities(company_number)"},
    {"entities_postcode", "entities(postcode)"}, {"entities_kind", "entities(kind)"},
    {"links_from", "links(from_entity)"},        {"links_to", "links(to_entity)"}};
// PostgreSQL's indexes for search, as migration 0024 creates them. (SQLite's search index
// is an FTS5 table kept by triggers, so it has nothing to drop.)
constexpr const char* kPostgresSearchIndexes[][2] = {
    {"entities_search_name_trgm", "entities USING gin (search_name gin_trgm_ops)"},
    {"entities_sound_name_words", "entities USING gin (to_tsvector('simple', sound_name))"}};

// Makes a row's fingerprint. One buffer a thread serves every row (a first resolve fingerprints
// millions), and the digest is OpenSSL's SHA-256, twice as quick as libsodium's portable one
// for rows this size on the machine of docs/benchmarks.md; the value is the same either way.
class Hasher {
 public:
  Hasher() : text_(Buffer()) { text_.clear(); }
  Hasher(const Hasher&) = delete;
  Hasher& operator=(const Hasher&) = delete;

  Hasher& operator<<(const std::string& v) {
    text_ += v;
    text_ += '\x1f';
    return *this;
  }
  Hasher& operator<<(int64_t v) { return *this << std::to_string(v); }
  Hasher& operator<<(bool v) { return *this << std::string(v ? "1" : "0"); }
  Hasher& operator<<(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return *this << std::string(buf);
  }
  Hasher& operator<<(const std::optional<int64_t>& v) { return v ? *this << *v : *this << std::string("-"); }
  // The first 64 bits of the SHA-256, as a signed integer (as the column holds it). A re-run
  // compares a row with the one stored under the same key (or, for a link, from the same record),
  // so two different rows meet only by a 1 in 2^64 chance.
  int64_t Done() const {
    unsigned char digest[SHA256_DIGEST_LENGTH];
    SHA256(reinterpret_cast<const unsigned char*>(text_.data()), text_.size(), digest);
    uint64_t v = 0;
    for (int i = 0; i < 8; ++i) v = v << 8 | digest[i];
    return std::bit_cast<int64_t>(v);
  }

 private:
  static std::string& Buffer() {
    thread_local std::string buffer;
    return buffer;
  }
  std::string& text_;
};

int64_t Fingerprint(const EntityRow& e) {
  Hasher h;
  h << e.id << e.kind << e.name << e.company_number << e.postcode << e.birth_date << e.mention_count << e.restricted
    << e.owner_organisation_id << e.search_name << e.sound_name << e.component_size << e.community
    << e.community_size << e.degree << e.betweenness;
  return h.Done();
}

int64_t Fingerprint(const MentionRow& m) {
  Hasher h;
  h << m.mention_key << m.source_record_id << m.kind << m.role << m.name << m.given_name << m.surname
    << m.company_number << m.birth_date << m.address << m.postcode << m.reference << m.restricted
    << m.owner_organisation_id << m.entity_id << m.match_reason;
  return h.Done();
}

int64_t Fingerprint(const LinkRow& l) {
  Hasher h;
  h << l.from_entity << l.to_entity << l.type << l.start_date << l.end_date << l.detail << l.source_record_id
    << l.restricted << l.owner_organisation_id;
  return h.Done();
}

// Stored entity id → fingerprint, read a page at a time (internal/scan.h).
std::unordered_map<std::string, int64_t> StoredEntities(soci::session& sql) {
  std::unordered_map<std::string, int64_t> out;
  std::string after, id;
  int64_t fp = 0;
  soci::statement st = (sql.prepare << "SELECT id, fingerprint FROM entities WHERE id > :after ORDER BY id LIMIT " +
                                           std::to_string(internal::kScanWindow),
                        soci::use(after), soci::into(id), soci::into(fp));
  for (int64_t n = internal::kScanWindow; n == internal::kScanWindow;) {
    st.execute(false);
    for (n = 0; st.fetch(); ++n) {
      out.emplace(id, fp);
      after = id;
    }
  }
  return out;
}

struct PlaceHash {
  size_t operator()(const MentionPlace& p) const {
    return std::hash<int64_t>()(p.record) * 31 + std::hash<int64_t>()(p.index);
  }
};

// What a row is stored with beside its own fields: its fingerprint and, for a mention, its
// index within its record.
struct Extra {
  int64_t fp = 0;
  int64_t mention_index = 0;
};
Extra ExtraOf(const EntityRow& e) { return {Fingerprint(e)}; }
Extra ExtraOf(const LinkRow& l) { return {Fingerprint(l)}; }
Extra ExtraOf(const MentionRow& m) { return {Fingerprint(m), MentionIndex(m.mention_key)}; }

// A row and what it is stored with, as the insert statements bind them.
template <typename Row>
struct Printed {
  Row row;
  Extra extra;
};

using internal::UseAll;

// Each table's columns, and each row's values in that order, for both ways of writing them: the
// multi-row INSERT and (on PostgreSQL, for a whole network) COPY.
constexpr const char* kEntityColumns =
    "entities (id, kind, name, company_number, postcode, birth_date, mention_count, restricted, "
    "owner_organisation_id, search_name, sound_name, component_size, community, community_size, degree, "
    "betweenness, fingerprint)";
constexpr const char* kMentionColumns =
    "mentions (source_record_id, mention_index, kind, role, name, given_name, surname, company_number, birth_date, "
    "address, postcode, reference, restricted, owner_organisation_id, entity_id, match_reason, fingerprint)";
constexpr const char* kLinkColumns =
    "links (from_entity, to_entity, type, start_date, end_date, detail, source_record_id, restricted, "
    "owner_organisation_id, fingerprint)";

template <typename Row, typename Stored, typename Visit>
  requires std::same_as<std::remove_const_t<Row>, EntityRow>
void Values(Row& e, Stored& x, Visit&& visit) {
  visit(e.id, e.kind, e.name, e.company_number, e.postcode, e.birth_date, e.mention_count, e.restricted,
        e.owner_organisation_id, e.search_name, e.sound_name, e.component_size, e.community, e.community_size,
        e.degree, e.betweenness, x.fp);
}
template <typename Row, typename Stored, typename Visit>
  requires std::same_as<std::remove_const_t<Row>, MentionRow>
void Values(Row& m, Stored& x, Visit&& visit) {
  visit(m.source_record_id, x.mention_index, m.kind, m.role, m.name, m.given_name, m.surname, m.company_number,
        m.birth_date, m.address, m.postcode, m.reference, m.restricted, m.owner_organisation_id, m.entity_id,
        m.match_reason, x.fp);
}
template <typename Row, typename Stored, typename Visit>
  requires std::same_as<std::remove_const_t<Row>, LinkRow>
void Values(Row& l, Stored& x, Visit&& visit) {
  visit(l.from_entity, l.to_entity, l.type, l.start_date, l.end_date, l.detail, l.source_record_id, l.restricted,
        l.owner_organisation_id, x.fp);
}

// How many columns a row of this type fills.
template <typename Row>
size_t ColumnCount() {
  Row row{};
  Extra x;
  size_t n = 0;
  Values(row, x, [&n](auto&... v) { n = sizeof...(v); });
  return n;
}

template <typename Row>
internal::MultiRowInsert<Printed<Row>> Inserter(soci::session& sql, const char* columns) {
  return {sql, std::string("INSERT INTO ") + columns, ColumnCount<Row>(), [](soci::statement& st, Printed<Row>& p) {
            Values(p.row, p.extra, [&](auto&... v) { UseAll(st, v...); });
          }};
}

// Inserts gather (many rows to a statement: storage/internal/multi_row.h) until Flush, which
// must come before anything that needs the rows: mentions and links point at entities.
class Writer {
 public:
  explicit Writer(soci::session& sql)
      : sql_(sql),
        entities_(Inserter<EntityRow>(sql, kEntityColumns)),
        mentions_(Inserter<MentionRow>(sql, kMentionColumns)),
        links_(Inserter<LinkRow>(sql, kLinkColumns)) {}

  void InsertEntity(const EntityRow& row, int64_t fp) { entities_.Add({row, {fp}}); }
  void InsertMention(const MentionRow& row, int64_t fp) { mentions_.Add({row, {fp, MentionIndex(row.mention_key)}}); }
  void InsertLink(const LinkRow& row, int64_t fp) { links_.Add({row, {fp}}); }
  void Flush() {
    entities_.Flush();
    mentions_.Flush();
    links_.Flush();
  }

  void UpdateEntity(const EntityRow& row, int64_t fp) {
    if (!update_entity_) {
      update_entity_ = std::make_unique<soci::statement>(
          (sql_.prepare << "UPDATE entities SET kind = :k, name = :n, company_number = :c, postcode = :p, "
                           "birth_date = :b, mention_count = :m, restricted = :r, owner_organisation_id = :o, "
                           "search_name = :sn, sound_name = :sd, component_size = :cs, community = :cm, "
                           "community_size = :cms, degree = :dg, betweenness = :bt, fingerprint = :fp WHERE id = :id",
           soci::use(e_.kind), soci::use(e_.name), soci::use(e_.company_number), soci::use(e_.postcode),
           soci::use(e_.birth_date), soci::use(e_.mention_count), soci::use(e_.restricted),
           soci::use(e_.owner_organisation_id), soci::use(e_.search_name), soci::use(e_.sound_name),
           soci::use(e_.component_size), soci::use(e_.community), soci::use(e_.community_size), soci::use(e_.degree),
           soci::use(e_.betweenness), soci::use(fp_), soci::use(e_.id)));
    }
    e_ = row;
    fp_ = fp;
    update_entity_->execute(true);
  }

  // Runs `sql` (one text or integer parameter) for each key.
  template <typename Key>
  void ForEach(const std::string& query, const std::vector<Key>& keys) {
    if (keys.empty()) return;
    Key k{};
    soci::statement st = (sql_.prepare << query, soci::use(k));
    for (const Key& key : keys) {
      k = key;
      st.execute(true);
    }
  }

 private:
  soci::session& sql_;
  internal::MultiRowInsert<Printed<EntityRow>> entities_;
  internal::MultiRowInsert<Printed<MentionRow>> mentions_;
  internal::MultiRowInsert<Printed<LinkRow>> links_;
  EntityRow e_;
  int64_t fp_ = 0;
  std::unique_ptr<soci::statement> update_entity_;
};

// Calls `each` with every row of a source in order, made one at a time in one row reused for each.
template <typename Row, typename Each>
void ForEachRow(size_t size, const std::function<void(size_t, Row&)>& fill, Each&& each) {
  Row row;
  for (size_t i = 0; i < size; ++i) {
    fill(i, row);
    each(row);
  }
}
template <typename Each>
void ForEachRow(const MentionSource& source, Each&& each) {
  ForEachRow(source.size, source.row, each);
}
template <typename Each>
void ForEachRow(const LinkSource& source, Each&& each) {
  ForEachRow(source.size, source.row, each);
}
template <typename Each>
void ForEachRow(const EntitySource& source, Each&& each) {
  ForEachRow(source.size, source.row, each);
}

// Loads `rows` through `load` (a COPY on PostgreSQL, a prepared INSERT on SQLite), each row with
// what it is stored with.
template <typename Loader, typename Rows>
void LoadAll(Loader& load, const Rows& rows) {
  ForEachRow(rows, [&](const auto& row) {
    const Extra x = ExtraOf(row);
    Values(row, x, [&](const auto&... v) { (load << ... << v); });
    load.EndRow();
  });
}

template <typename Rows>
void CopyAll(soci::session& sql, const char* columns, const Rows& rows) {
  internal::CopyIn copy(sql, columns);
  LoadAll(copy, rows);
  copy.Finish();
}

template <typename Row, typename Rows>
void InsertAll(soci::session& sql, const char* columns, const Rows& rows) {
  internal::SqliteInsert insert(sql, columns, int(ColumnCount<Row>()));
  LoadAll(insert, rows);
}

void WriteWhole(Tx& tx, const EntitySource& entities, const MentionSource& mentions,
                const LinkSource& links, NetworkWriteStats& stats) {
  soci::session& sql = tx.sql();
  std::vector<std::array<const char*, 2>> indexes;
  for (const auto& index : kNetworkIndexes) indexes.push_back({index[0], index[1]});
  if (tx.backend() == Backend::kPostgres) {
    for (const auto& index : kPostgresSearchIndexes) indexes.push_back({index[0], index[1]});
  }
  for (const auto& [name, on] : indexes) sql << std::string("DROP INDEX IF EXISTS ") + name;
  sql << "DELETE FROM links";
  sql << "DELETE FROM mentions";
  sql << "DELETE FROM entities";
  // Entities first: mentions and links point at them.
  if (tx.backend() == Backend::kPostgres) {
    // PostgreSQL checks a foreign key with a query per row, which took most of the load's time;
    // a key added back afterwards checks every row in one join. The keys are read from the
    // catalogue, so they come back exactly as the migrations made them.
    std::vector<std::array<std::string, 3>> keys;  // table, name, definition
    for (const char* table : {"mentions", "links"}) {
      std::string name, definition;
      soci::statement st = (sql.prepare << "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
                                           "WHERE conrelid = CAST(:t AS regclass) AND contype = 'f' ORDER BY conname",
                            soci::use(std::string(table)), soci::into(name), soci::into(definition));
      st.execute(false);
      while (st.fetch()) keys.push_back({table, name, definition});
    }
    for (const auto& [table, name, definition] : keys) sql << "ALTER TABLE " + table + " DROP CONSTRAINT " + name;
    CopyAll(sql, kEntityColumns, entities);
    CopyAll(sql, kMentionColumns, mentions);
    CopyAll(sql, kLinkColumns, links);
    for (const auto& [table, name, definition] : keys) {
      sql << "ALTER TABLE " + table + " ADD CONSTRAINT " + name + " " + definition;
    }
  } else {  // SQLite has no COPY: a prepared INSERT stepped once a row (internal/sqlite_insert.h)
    // Search's FTS5 index (migration 0024) follows entities by a trigger, a row at a time; for a
    // whole network it is built once from the loaded rows instead, in half the time. The
    // trigger is read from the schema, so it comes back exactly as it was made.
    std::string trigger;
    soci::indicator found = soci::i_null;
    sql << "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'entity_search_insert'",
        soci::into(trigger, found);
    const bool search = sql.got_data() && found == soci::i_ok;
    if (search) sql << "DROP TRIGGER entity_search_insert";
    InsertAll<EntityRow>(sql, kEntityColumns, entities);
    if (search) {
      sql << "INSERT INTO entity_search (entity_search) VALUES ('rebuild')";
      sql << trigger;
    }
    InsertAll<MentionRow>(sql, kMentionColumns, mentions);
    InsertAll<LinkRow>(sql, kLinkColumns, links);
  }
  {
    // SQLite sorts a new index's keys in runs the size of its page cache. The connection's
    // 64 MiB made these builds twice as slow as SQLite's default 2 MiB (docs/benchmarks.md); the
    // runs go to temporary files, as Database::WriteMany sets it.
    std::optional<internal::PragmaFor> runs;
    if (tx.backend() == Backend::kSqlite) runs.emplace(sql, "cache_size", "-2000");
    for (const auto& [name, on] : indexes) sql << std::string("CREATE INDEX ") + name + " ON " + on;
  }
  stats.inserted = int64_t(entities.size + mentions.size + links.size);
}

}  // namespace

const std::vector<std::string>& NetworkTables() {
  static const std::vector<std::string> tables = {"entities", "mentions", "links"};
  return tables;
}

Status ReplaceNetworkFrom(Tx& tx, const EntitySource& entities, const MentionSource& mentions,
                          const LinkSource& links, NetworkWriteStats* out) {
  soci::session& sql = tx.sql();
  NetworkWriteStats stats;
  auto old_entities = StoredEntities(sql);
  if (old_entities.empty()) {
    WriteWhole(tx, entities, mentions, links, stats);
    if (out) *out = stats;
    return Status::Ok();
  }
  Writer w(sql);
  // Entities first (new and changed), so mentions and links can point at them. Each stored entity
  // met by a new one is struck off the map, so what is left at the end is what to delete.
  EntityRow e;
  for (size_t i = 0; i < entities.size; ++i) {
    entities.row(i, e);
    const int64_t fp = Fingerprint(e);
    auto it = old_entities.find(e.id);
    if (it == old_entities.end()) {
      w.InsertEntity(e, fp), ++stats.inserted;
      continue;
    }
    if (it->second != fp) w.UpdateEntity(e, fp), ++stats.updated;
    else ++stats.unchanged;
    old_entities.erase(it);
  }
  w.Flush();
  // Mentions: a changed mention is replaced. The stored ones are read one at a time and looked up
  // among the new ones by key (views the source gives), so no copy of the stored keys is held.
  std::vector<int64_t> drop_mentions;  // stored ids
  std::vector<uint32_t> add_mentions;  // indices into the source
  MentionRow m;
  {
    std::unordered_map<MentionPlace, uint32_t, PlaceHash> by_place;
    by_place.reserve(mentions.size);
    for (uint32_t i = 0; i < mentions.size; ++i) by_place.emplace(mentions.place(i), i);
    std::vector<bool> stored(mentions.size);
    MentionPlace place;
    int64_t id = 0, lo = 0, hi = 0, fp = 0;
    soci::statement st = (sql.prepare << "SELECT id, source_record_id, mention_index, fingerprint FROM mentions "
                                         "WHERE id > :lo AND id <= :hi",
                          soci::use(lo), soci::use(hi), soci::into(id), soci::into(place.record),
                          soci::into(place.index), soci::into(fp));
    internal::ForEachIdWindow(sql, "mentions", [&](int64_t from, int64_t to) {
      lo = from, hi = to;
      st.execute(false);
      while (st.fetch()) {
        auto it = by_place.find(place);
        if (it == by_place.end()) {
          drop_mentions.push_back(id), ++stats.deleted;
          continue;
        }
        stored[it->second] = true;
        mentions.row(it->second, m);
        if (Fingerprint(m) == fp) {
          ++stats.unchanged;
        } else {
          drop_mentions.push_back(id), ++stats.updated;
          add_mentions.push_back(it->second);
        }
      }
    });
    for (uint32_t i = 0; i < mentions.size; ++i) {
      if (!stored[i]) add_mentions.push_back(i), ++stats.inserted;
    }
    std::sort(add_mentions.begin(), add_mentions.end());  // in the order given
  }
  w.ForEach("DELETE FROM mentions WHERE id = :id", drop_mentions);
  for (uint32_t i : add_mentions) {
    mentions.row(i, m);
    w.InsertMention(m, Fingerprint(m));
  }
  w.Flush();
  // Links have no key of their own: the same content from the same record is the same link. The
  // stored ones are held as (record, fingerprint, id) in that order; a stored link matched by a
  // new one has its id set to 0.
  struct StoredLink {
    int64_t record = 0, fp = 0, id = 0;
    auto operator<=>(const StoredLink&) const = default;
  };
  std::vector<StoredLink> old_links;
  {
    StoredLink stored;
    int64_t lo = 0, hi = 0;
    soci::statement st = (sql.prepare << "SELECT id, source_record_id, fingerprint FROM links WHERE id > :lo AND id <= :hi",
                          soci::use(lo), soci::use(hi), soci::into(stored.id), soci::into(stored.record),
                          soci::into(stored.fp));
    internal::ForEachIdWindow(sql, "links", [&](int64_t from, int64_t to) {
      lo = from, hi = to;
      st.execute(false);
      while (st.fetch()) old_links.push_back(stored);
    });
  }
  std::sort(old_links.begin(), old_links.end());
  std::vector<uint32_t> add_links;  // indices into the source
  LinkRow l;
  for (uint32_t i = 0; i < links.size; ++i) {
    links.row(i, l);
    const StoredLink key{l.source_record_id, Fingerprint(l), 0};
    auto it = std::lower_bound(old_links.begin(), old_links.end(), key, [](const auto& a, const auto& b) {
      return std::tie(a.record, a.fp) < std::tie(b.record, b.fp);
    });
    while (it != old_links.end() && it->record == key.record && it->fp == key.fp && it->id == 0) ++it;
    if (it != old_links.end() && it->record == key.record && it->fp == key.fp) {
      it->id = 0;
      ++stats.unchanged;
    } else {
      add_links.push_back(i);
    }
  }
  std::vector<int64_t> drop_links;
  for (const StoredLink& stored : old_links) {
    if (stored.id != 0) drop_links.push_back(stored.id);
  }
  ReleaseMemory(old_links);
  w.ForEach("DELETE FROM links WHERE id = :id", drop_links);
  for (uint32_t i : add_links) {
    links.row(i, l);
    w.InsertLink(l, Fingerprint(l));
  }
  w.Flush();
  stats.inserted += int64_t(add_links.size());
  stats.deleted += int64_t(drop_links.size());
  // Last, entities no longer resolved: nothing points at them now.
  std::vector<std::string> drop_entities;
  for (const auto& [id, fp] : old_entities) drop_entities.push_back(id);
  w.ForEach("DELETE FROM entities WHERE id = :id", drop_entities);
  stats.deleted += int64_t(drop_entities.size());
  if (out) *out = stats;
  return Status::Ok();
}

Status ReplaceNetwork(Tx& tx, const std::vector<EntityRow>& entities, const std::vector<MentionRow>& mentions,
                      const std::vector<LinkRow>& links, NetworkWriteStats* out) {
  MentionSource mention_source{mentions.size(),
                               [&](size_t i) {
                                 return MentionPlace{mentions[i].source_record_id, MentionIndex(mentions[i].mention_key)};
                               },
                               [&](size_t i, MentionRow& row) { row = mentions[i]; }};
  LinkSource link_source{links.size(), [&](size_t i, LinkRow& row) { row = links[i]; }};
  EntitySource entity_source{entities.size(), [&](size_t i, EntityRow& row) { row = entities[i]; }};
  return ReplaceNetworkFrom(tx, entity_source, mention_source, link_source, out);
}

}  // namespace cairn::storage
