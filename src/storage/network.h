// The resolved network's tables (migration 0003) and the scan of source records that feeds it.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "storage/database.h"

namespace cairn::storage {

struct SourceRecordView {
  int64_t id = 0;
  std::string format, record_key, payload;
  bool restricted = false;
  std::optional<int64_t> owner_organisation_id;
};

// Calls `visit` for every source record in id order, streaming.
Status ScanSourceRecords(Tx& tx, const std::function<void(const SourceRecordView&)>& visit);

// The largest source record id, 0 with none: how far ScanSourceRecords has to go, found from the
// primary key without counting the rows (a count reads a whole index: minutes on a national store).
Result<int64_t> LastSourceRecordId(Tx& tx);

// Like ScanSourceRecords, for the records of one format only.
Status ScanSourceRecordsOf(Tx& tx, const std::string& format, const std::function<void(const SourceRecordView&)>& visit);

// Where a source record came from, and a hash of its content.
struct RecordProvenance {
  int64_t id = 0;
  std::string format, record_key, file, content_hash;
  int64_t line = 0;
};
// The provenance of each of `ids` that exists, keyed by id.
Result<std::map<int64_t, RecordProvenance>> ProvenanceOf(Tx& tx, const std::vector<int64_t>& ids);

// Where a mention is stored: its record, and its index among the record's mentions (the number
// its key ends in). The store finds a mention by these, without its key's text.
struct MentionPlace {
  int64_t record = 0, index = 0;
  bool operator==(const MentionPlace&) const = default;
};

// Calls `each(place, entity_id)` for every mention of the last resolution, in no order.
Status ScanMentionEntities(Tx& tx, const std::function<void(const MentionPlace&, const std::string&)>& each);

// A mention's key: the same for the same record, run after run ("officers/…#0").
std::string MentionKey(std::string_view format, std::string_view record_key, int64_t index);
// The index a mention key ends in. Throws std::invalid_argument if it ends in none.
int64_t MentionIndex(std::string_view key);

struct MentionRow {
  // format/record_key#index, the index being the mention's place among its record's mentions.
  // The store keeps only the index, and gives the key back from its record's format and key.
  std::string mention_key;
  int64_t source_record_id = 0;
  std::string kind, role, name, given_name, surname, company_number, birth_date, address, postcode, reference;
  bool restricted = false;
  std::optional<int64_t> owner_organisation_id;
  std::string entity_id, match_reason;
};

struct EntityRow {
  std::string id, kind, name, company_number, postcode, birth_date;
  int64_t mention_count = 0;
  bool restricted = false;
  std::optional<int64_t> owner_organisation_id;
  std::string search_name, sound_name;
  int64_t component_size = 0, community = 0, community_size = 0, degree = 0;
  double betweenness = 0;
};

struct LinkRow {
  std::string from_entity, to_entity, type, start_date, end_date, detail;
  int64_t source_record_id = 0;
  bool restricted = false;
  std::optional<int64_t> owner_organisation_id;
};

// Entities with company number `company_number` or postcode `postcode`, or whose search_name
// contains `name`, or whose sound_name contains any of `sounds` (empty values are skipped), at
// most `limit`: the best first (an exact number or postcode, or the whole name, then the most
// of `sounds`, then the most mentions), so the limit drops the weakest.
Result<std::vector<EntityRow>> FindEntities(Tx& tx, const std::string& company_number, const std::string& postcode,
                                            const std::string& name, const std::vector<std::string>& sounds,
                                            int limit);
Result<std::optional<EntityRow>> GetEntity(Tx& tx, const std::string& id);
// Every entity of `kind`, in id order.
Result<std::vector<EntityRow>> EntitiesOfKind(Tx& tx, const std::string& kind);
// The payload of source record `id`, or nullopt.
Result<std::optional<std::string>> PayloadOf(Tx& tx, int64_t id);

struct MentionView {
  MentionRow mention;
  std::string format, record_key, file;
  int64_t line = 0;
};
Result<std::vector<MentionView>> MentionsOf(Tx& tx, const std::string& entity_id);

// Links touching `entity_id` in either direction.
Result<std::vector<LinkRow>> LinksOf(Tx& tx, const std::string& entity_id);

// Calls `visit` for every mention with its record's provenance, in insertion order, streaming.
Status ScanMentions(Tx& tx, const std::function<void(const MentionView&)>& visit);

// Calls `visit` for every entity, then `visit_link` for every link, streaming.
Status ScanNetwork(Tx& tx, const std::function<void(const EntityRow&)>& visit,
                   const std::function<void(const LinkRow&)>& visit_link);

struct DecisionRow {
  std::string mention_a, mention_b;  // REQUIRES: mention_a < mention_b
  std::string decision;              // "same" or "different"
  std::string note;
  int64_t decided_by = 0;
  std::string decided_at;
};

// Records a decision, replacing any earlier one on the same pair.
Status UpsertDecision(Tx& tx, const DecisionRow& d);
Result<std::vector<DecisionRow>> ListDecisions(Tx& tx);
// The mention with this key, or nullopt.
Result<std::optional<MentionRow>> FindMention(Tx& tx, const std::string& mention_key);
// Where a mention with this key would be: its record's id and its index. Nullopt if the key is
// not one MentionKey makes or no record has its format and record key; whether the record has
// that many mentions is not checked.
Result<std::optional<MentionPlace>> FindMentionPlace(Tx& tx, const std::string& mention_key);

struct NetworkWriteStats {
  int64_t inserted = 0, updated = 0, deleted = 0, unchanged = 0;  // rows of all three tables
};

// Rows handed to the writer one at a time, by index, so a caller can hold them in a form of its
// own (resolution keeps them packed: engine/internal/mentions.h) and a network of millions of
// mentions never exists as rows all at once. `row(i, out)` fills `out` with the i-th row.
struct MentionSource {
  size_t size = 0;
  std::function<MentionPlace(size_t)> place;  // where the i-th row is stored
  std::function<void(size_t, MentionRow&)> row;
};
struct LinkSource {
  size_t size = 0;
  std::function<void(size_t, LinkRow&)> row;
};
struct EntitySource {
  size_t size = 0;
  std::function<void(size_t, EntityRow&)> row;
};

// The tables ReplaceNetwork writes: run it in Database::WriteMany with these, so that SQLite
// checks the network's foreign keys once at the end rather than row by row.
const std::vector<std::string>& NetworkTables();

// Makes the stored network exactly these rows, writing only the difference from what is
// stored (network_write.cc). `stats`, if given, says how many rows were written.
Status ReplaceNetworkFrom(Tx& tx, const EntitySource& entities, const MentionSource& mentions,
                          const LinkSource& links, NetworkWriteStats* stats = nullptr);
// The same for rows held whole.
Status ReplaceNetwork(Tx& tx, const std::vector<EntityRow>& entities, const std::vector<MentionRow>& mentions,
                      const std::vector<LinkRow>& links, NetworkWriteStats* stats = nullptr);

}  // namespace cairn::storage
