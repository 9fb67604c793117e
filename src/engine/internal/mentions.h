// What `cairn resolve` works on between reading the store and writing the network: every
// mention, every pending link and every entity, packed. At national scale there are tens of
// millions of each, and as rows of std::string (32 bytes a field before any text) they cost
// several times their text; packed, a mention costs its text, a byte a field and 24 bytes.
#pragma once

#include <cstdint>
#include <algorithm>
#include <cstring>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "common/memory.h"
#include "common/status.h"
#include "engine/internal/text_arena.h"
#include "storage/network.h"

namespace cairn::engine::internal {

// Who may see a row: restricted or not, and the organisation that owns it, a column each.
class AccessColumns {
 public:
  void Add(bool restricted, std::optional<int64_t> owner) {
    restricted_.push_back(restricted);
    owner_.push_back(owner.value_or(kNoOwner));
  }
  bool restricted(size_t i) const { return restricted_[i]; }
  std::optional<int64_t> owner(size_t i) const {
    return owner_[i] == kNoOwner ? std::nullopt : std::optional<int64_t>(owner_[i]);
  }
  void ShrinkToFit() {
    owner_.shrink_to_fit();
    restricted_.shrink_to_fit();
  }

 private:
  static constexpr int64_t kNoOwner = INT64_MIN;  // organisation ids are positive
  std::vector<int64_t> owner_;
  std::vector<bool> restricted_;
};

// What a mention carries from its source record: the record's id and its access.
class RecordColumns {
 public:
  void Add(int64_t record_id, bool restricted, std::optional<int64_t> owner) {
    record_.push_back(record_id);
    access_.Add(restricted, owner);
  }
  int64_t record(size_t i) const { return record_[i]; }
  bool restricted(size_t i) const { return access_.restricted(i); }
  std::optional<int64_t> owner(size_t i) const { return access_.owner(i); }
  void ShrinkToFit() {
    record_.shrink_to_fit();
    access_.ShrinkToFit();
  }

 private:
  std::vector<int64_t> record_;
  AccessColumns access_;
};

// Short values that repeat across millions of mentions (a kind, a role), each held once and
// named by a number.
class Vocabulary {
 public:
  uint16_t Code(std::string_view value) {
    for (uint16_t c = 0; c < words_.size(); ++c) {
      if (*words_[c] == value) return c;
    }
    if (words_.size() == UINT16_MAX) throw std::length_error("more distinct values than a vocabulary holds");
    words_.push_back(std::make_unique<std::string>(value));
    return uint16_t(words_.size() - 1);
  }
  std::string_view Word(uint16_t code) const { return *words_[code]; }

 private:
  std::vector<std::unique_ptr<std::string>> words_;  // a handful: searched in order
};

// Every mention read from the store: the fields of the row that will be written (all but its
// entity and reason, which resolution decides) and, beside them, the normalised name used only
// while matching (organisations' normalised name, people's "given surname"), freed once
// matching is done.
//
// What a mention shares with the other mentions of its record (the record's id, access and the
// "format/record_key" its key begins with) is held once a record; a mention's key is made from
// it and the mention's place among the record's mentions when asked for.
class Mentions {
 public:
  enum Field { kName, kGivenName, kSurname, kCompanyNumber, kBirthDate, kAddress, kPostcode, kReference };

  // REQUIRES: a record's mentions are added together, in the order of their indices from 0
  // (as extraction gives them); otherwise throws std::invalid_argument.
  void Add(const storage::MentionRow& r, std::string_view norm_name) {
    const std::string_view key = r.mention_key;
    const size_t hash = key.rfind('#');
    const int64_t index = storage::MentionIndex(key);  // throws if the key ends in no index
    const std::string_view prefix = key.substr(0, hash);
    const bool same_record = !first_.empty() && source_.record(first_.size() - 1) == r.source_record_id &&
                             prefixes_.Field(prefix_at_.back(), 0) == prefix;
    if (uint64_t(index) != (same_record ? size() - first_.back() : 0)) {
      throw std::invalid_argument("a record's mentions are not added in the order of their indices");
    }
    if (!same_record) {
      ordered_ = ordered_ && (first_.empty() || source_.record(first_.size() - 1) <= r.source_record_id);
      first_.push_back(uint32_t(size()));
      source_.Add(r.source_record_id, r.restricted, r.owner_organisation_id);
      const std::string_view p[] = {prefix};
      prefix_at_.push_back(prefixes_.Add(p));
    }
    const std::string_view fields[] = {r.name,     r.given_name, r.surname,  r.company_number,
                                       r.birth_date, r.address,  r.postcode, r.reference};
    at_.push_back(text_.Add(fields));
    record_of_.push_back(uint32_t(first_.size() - 1));
    kind_.push_back(words_.Code(r.kind));
    role_.push_back(words_.Code(r.role));
    const std::string_view name[] = {norm_name};
    name_at_.push_back(names_.Add(name));
  }

  size_t size() const { return at_.size(); }
  // The mention that is `place.index`-th among those of record `place.record`, if any. Records
  // are added in record order (as the store is scanned), so a record is found by bisection, with
  // no map of every mention.
  std::optional<uint32_t> Find(const storage::MentionPlace& place) const {
    if (!ordered_) throw std::logic_error("mentions were not added in record order");
    size_t lo = 0, hi = first_.size();
    while (lo < hi) {  // the first record >= place.record
      const size_t mid = lo + (hi - lo) / 2;
      if (source_.record(mid) < place.record) lo = mid + 1;
      else hi = mid;
    }
    if (lo == first_.size() || source_.record(lo) != place.record) return std::nullopt;
    if (place.index < 0 || place.index >= int64_t(End(lo) - first_[lo])) return std::nullopt;
    return uint32_t(first_[lo] + uint64_t(place.index));
  }
  int64_t record(size_t i) const { return source_.record(record_of_[i]); }
  bool restricted(size_t i) const { return source_.restricted(record_of_[i]); }
  std::optional<int64_t> owner(size_t i) const { return source_.owner(record_of_[i]); }
  // The mention's place among its record's mentions: the number its key ends in.
  int64_t index(size_t i) const { return int64_t(i - first_[record_of_[i]]); }
  std::string key(size_t i) const {
    std::string out;
    AppendKey(i, out);
    return out;
  }
  std::string_view kind(size_t i) const { return words_.Word(kind_[i]); }
  std::string_view role(size_t i) const { return words_.Word(role_[i]); }
  std::string_view Get(size_t i, Field f) const { return text_.Field(at_[i], f); }
  // REQUIRES: FreeNormNames has not been called.
  std::string_view norm_name(size_t i) const { return names_.Field(name_at_[i], 0); }
  // Gives back the room the columns grew into beyond what they hold (up to half of each, as a
  // vector doubles), for when every mention is added.
  void ShrinkToFit() {
    for (auto* v : {&at_, &name_at_, &prefix_at_}) v->shrink_to_fit();
    for (auto* v : {&record_of_, &first_}) v->shrink_to_fit();
    kind_.shrink_to_fit();
    role_.shrink_to_fit();
    source_.ShrinkToFit();
  }
  void FreeNormNames() {
    names_.Clear();
    ReleaseMemory(name_at_);
  }
  // Moves the mentions' fields to a temporary file, for when only the write still needs them (it
  // reads them in order). Get's views are then valid only until the next read, and nothing can
  // be added.
  Status SpillFields() { return text_.Spill(); }
  const TextArena& fields() const { return text_; }

  // The i-th mention as a row, its entity and reason left empty.
  void Fill(size_t i, storage::MentionRow& out) const {
    std::string_view f[kReference + 1];
    text_.Fields(at_[i], f);
    const uint32_t r = record_of_[i];
    out.mention_key.clear();  // kept, with its buffer, for the next mention
    AppendKey(i, out.mention_key);
    out.source_record_id = source_.record(r);
    out.kind = kind(i);
    out.role = role(i);
    out.name = f[kName];
    out.given_name = f[kGivenName];
    out.surname = f[kSurname];
    out.company_number = f[kCompanyNumber];
    out.birth_date = f[kBirthDate];
    out.address = f[kAddress];
    out.postcode = f[kPostcode];
    out.reference = f[kReference];
    out.restricted = source_.restricted(r);
    out.owner_organisation_id = source_.owner(r);
    out.entity_id.clear();
    out.match_reason.clear();
  }

 private:
  // Where record r's mentions end.
  size_t End(size_t r) const { return r + 1 < first_.size() ? first_[r + 1] : size(); }
  // Appends the i-th mention's key: its record's "format/record_key", "#" and its index.
  void AppendKey(size_t i, std::string& out) const {
    out += prefixes_.Field(prefix_at_[record_of_[i]], 0);
    out += '#';
    out += std::to_string(index(i));
  }

  TextArena text_, names_, prefixes_;
  Vocabulary words_;
  std::vector<uint64_t> at_, name_at_;
  std::vector<uint32_t> record_of_;    // per mention: its record, an index into the per-record columns
  std::vector<uint16_t> kind_, role_;  // per mention, as codes of words_
  // Per record: its first mention, what its mentions carry from it, and its key's "format/key".
  std::vector<uint32_t> first_;
  RecordColumns source_;
  std::vector<uint64_t> prefix_at_;
  bool ordered_ = true;  // every record's id is at least the one before's
};

// Relations between mentions, waiting for their entities: the mentions as indices into
// Mentions, the rest packed. The detail is the JSON text it will be written as. A link comes
// from the record its mentions come from, so it carries nothing of the record itself.
class PendingLinks {
 public:
  struct Link {
    uint32_t from, to;
    std::string type, start, end, detail;
  };

  void Add(const Link& l) {
    const std::string_view fields[] = {l.type, l.start, l.end, l.detail};
    at_.push_back(text_.Add(fields));
    from_.push_back(l.from);
    to_.push_back(l.to);
  }

  size_t size() const { return at_.size(); }
  // Gives back the room the columns grew into, for when every link is added.
  void ShrinkToFit() {
    at_.shrink_to_fit();
    from_.shrink_to_fit();
    to_.shrink_to_fit();
  }
  // Moves the links' text read so far to a temporary file: only the write needs it, in order.
  Status SpillFull() { return text_.SpillFull(); }
  Status Spill() { return text_.Spill(); }
  const TextArena& text() const { return text_; }
  uint32_t from(size_t i) const { return from_[i]; }
  uint32_t to(size_t i) const { return to_[i]; }

  // The i-th link as a row between the two entities given, from the record of its mentions in `ms`.
  void Fill(size_t i, const Mentions& ms, std::string_view from_entity, std::string_view to_entity,
            storage::LinkRow& out) const {
    std::string_view f[4];
    text_.Fields(at_[i], f);
    out.from_entity = from_entity;
    out.to_entity = to_entity;
    out.type = f[0];
    out.start_date = f[1];
    out.end_date = f[2];
    out.detail = f[3];
    out.source_record_id = ms.record(from_[i]);
    out.restricted = ms.restricted(from_[i]);
    out.owner_organisation_id = ms.owner(from_[i]);
  }

 private:
  TextArena text_;
  std::vector<uint64_t> at_;
  std::vector<uint32_t> from_, to_;
};

// The entities resolution makes, packed like the mentions: a national network has millions,
// and as rows of std::string each costs several times its text. Their analytics are set after.
class Entities {
 public:
  struct Metrics {
    int64_t component_size = 0, community = 0, community_size = 0, degree = 0;
    double betweenness = 0;
  };

  // Adds `e`, its analytics left to SetMetrics.
  void Add(const storage::EntityRow& e) {
    const std::string_view id[] = {e.id};
    id_at_.push_back(ids_.Add(id));
    const std::string_view fields[] = {e.name,       e.company_number, e.postcode,
                                       e.birth_date, e.search_name,    e.sound_name};
    at_.push_back(text_.Add(fields));
    kind_.push_back(words_.Code(e.kind));
    mention_count_.push_back(e.mention_count);
    access_.Add(e.restricted, e.owner_organisation_id);
  }

  size_t size() const { return at_.size(); }
  // Valid while the entities are held: ids stay in memory when the rest of the text moves.
  std::string_view id(size_t i) const { return ids_.Field(id_at_[i], 0); }
  std::string_view kind(size_t i) const { return words_.Word(kind_[i]); }
  bool restricted(size_t i) const { return access_.restricted(i); }
  void SetMetrics(size_t i, const Metrics& m) {
    if (metrics_.size() != size()) metrics_.resize(size());
    metrics_[i] = m;
  }

  // Gives back the room the columns grew into, for when every entity is added.
  void ShrinkToFit() {
    id_at_.shrink_to_fit();
    at_.shrink_to_fit();
    kind_.shrink_to_fit();
    mention_count_.shrink_to_fit();
    access_.ShrinkToFit();
  }

  // Moves the entities' text but their ids to a temporary file, for when only the write still
  // needs it (in order, by Fill): at national scale 1.5 GB that would otherwise sit beside
  // community detection's peak. Nothing can be added after.
  Status SpillText() { return text_.Spill(); }

  // The i-th entity as a row.
  void Fill(size_t i, storage::EntityRow& out) const {
    std::string_view f[kSoundName + 1];
    text_.Fields(at_[i], f);
    out.id = id(i);
    out.kind = kind(i);
    out.name = f[kName];
    out.company_number = f[kCompanyNumber];
    out.postcode = f[kPostcode];
    out.birth_date = f[kBirthDate];
    out.mention_count = mention_count_[i];
    out.restricted = access_.restricted(i);
    out.owner_organisation_id = access_.owner(i);
    out.search_name = f[kSearchName];
    out.sound_name = f[kSoundName];
    const Metrics m = i < metrics_.size() ? metrics_[i] : Metrics{};
    out.component_size = m.component_size;
    out.community = m.community;
    out.community_size = m.community_size;
    out.degree = m.degree;
    out.betweenness = m.betweenness;
  }

 private:
  enum Field { kName, kCompanyNumber, kPostcode, kBirthDate, kSearchName, kSoundName };
  TextArena ids_, text_;
  std::vector<uint64_t> id_at_;
  Vocabulary words_;
  std::vector<uint64_t> at_;
  std::vector<uint16_t> kind_;
  std::vector<int64_t> mention_count_;
  AccessColumns access_;
  std::vector<Metrics> metrics_;
};

}  // namespace cairn::engine::internal
