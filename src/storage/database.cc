#include "storage/database.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <new>
#include <optional>

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <spdlog/spdlog.h>

#include <libpq-fe.h>

#include <regex>

#include "storage/internal/conninfo.h"
#include "storage/internal/migrations.h"
#include "storage/internal/pragma_for.h"

namespace cairn::storage {
using internal::IsPostgresUrl;
using internal::PostgresConninfo;
using internal::PragmaFor;
using internal::RedactPassword;

namespace {

// `text` in double quotes, each double quote in it preceded by `escape`: a backslash in a SOCI
// connection string, another double quote in an SQL identifier.
std::string DoubleQuoted(const std::string& text, char escape) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += escape;
    out += c;
  }
  return out + "\"";
}
std::string QuoteSociValue(const std::string& value) { return DoubleQuoted(value, '\\'); }
std::string Quoted(const std::string& identifier) { return DoubleQuoted(identifier, '"'); }

// The database's own text quotes the statement and its values, so it goes to the log and the
// Status (which may reach an HTTP client) says only what happened.
Status ConstraintViolated(const std::exception& e) {
  spdlog::warn("database constraint violated: {}", e.what());
  return FailedPrecondition("constraint violated: the change refers to a record that does not exist, or leaves out a "
                            "value the store requires");
}

Status ConnectionLost(const std::exception& e) {
  spdlog::warn("database connection lost: {}", e.what());
  return Unavailable("database connection lost; try again");
}

// Turns a database exception into a Status. Constraint violations are expected outcomes of
// racing writers; everything else is either a lost connection or a bug in a query.
Status FromException(const std::exception& e, soci::session* sql) {
  // The work inside a transaction ran out of memory (a resolve too large for this machine):
  // say so rather than blame the database.
  if (dynamic_cast<const std::bad_alloc*>(&e) != nullptr) return Unavailable("out of memory; nothing was written");
  if (auto* pg = dynamic_cast<const soci::postgresql_soci_error*>(&e)) {
    std::string state = pg->sqlstate();
    if (state == "23505") return AlreadyExists("a record with that key already exists");
    if (state.rfind("23", 0) == 0) return ConstraintViolated(e);
    if (state.rfind("08", 0) == 0 || state.rfind("57P", 0) == 0) return ConnectionLost(e);
  }
  if (auto* lite = dynamic_cast<const soci::sqlite3_soci_error*>(&e)) {
    int rc = lite->result() & 0xff;
    if (rc == 19 /* SQLITE_CONSTRAINT */) {
      std::string what = e.what();
      if (what.find("UNIQUE") != std::string::npos) return AlreadyExists("a record with that key already exists");
      return ConstraintViolated(e);
    }
    if (rc == 5 /* SQLITE_BUSY */ || rc == 6 /* SQLITE_LOCKED */) {
      return Unavailable("database is busy; try again");
    }
  }
  if (sql != nullptr && !sql->is_connected()) return ConnectionLost(e);
  spdlog::error("database error: {}", e.what());
  return Internal("database error");
}

// Whether `column` is `table`'s INTEGER PRIMARY KEY, that is its rowid under another name.
bool IsRowid(soci::session& sql, const std::string& table, const std::string& column) {
  std::string name, type;
  int64_t keys = 0;
  sql << "SELECT count(*), max(name), max(type) FROM pragma_table_info(:t) WHERE pk > 0", soci::use(table),
      soci::into(keys), soci::into(name), soci::into(type);
  auto upper = [](std::string t) {
    for (char& c : t) c = char(std::toupper(static_cast<unsigned char>(c)));
    return t;
  };
  return keys == 1 && upper(name) == upper(column) && upper(type) == "INTEGER";
}

// The rowids of `parent`, sorted, read from its narrowest index (SQLite picks it) at 8 bytes each.
std::vector<long long> SortedRowids(soci::session& sql, const std::string& parent, const std::string& column) {
  constexpr size_t kBatch = 10'000;
  std::vector<long long> batch(kBatch), ids;
  soci::statement st = (sql.prepare << "SELECT " + Quoted(column) + " FROM " + Quoted(parent), soci::into(batch));
  st.execute(false);
  while (st.fetch()) {
    ids.insert(ids.end(), batch.begin(), batch.end());
    batch.resize(kBatch);  // SOCI shrinks it to the rows of the last fetch
  }
  std::sort(ids.begin(), ids.end());
  return ids;
}

// The rows of `child` whose `column` names none of `ids`, a parent's sorted rowids. A value that is
// not an integer names no rowid, so it counts as broken.
//
// Why not SQLite's NOT IN: it looks each row up in the parent's table itself, and a source record's
// row carries its payload, so the keys to source records read every page of the store's largest
// table once per key. Inside the write that is the cost that matters: every page read from the
// main file while the write's frames sit uncommitted in the WAL first searches each of the WAL
// index's 4,096-frame segments, so the read slows in proportion to the write's size. At uk scale
// the two NOT IN checks took about 29 minutes of the network's write; reading a narrow index once
// for both keys reads some 28 times fewer pages (docs/benchmarks.md).
int64_t RowsNamingNoRowid(soci::session& sql, const std::string& child, const std::string& column,
                          const std::vector<long long>& ids) {
  constexpr size_t kBatch = 10'000;
  std::vector<long long> batch(kBatch);
  std::vector<soci::indicator> present(kBatch);
  int64_t broken = 0;
  soci::statement st = (sql.prepare << "SELECT iif(typeof(" + Quoted(column) + ") = 'integer', " + Quoted(column) +
                                           ", NULL) FROM " + Quoted(child) + " WHERE " + Quoted(column) + " IS NOT NULL",
                        soci::into(batch, present));
  st.execute(false);
  while (st.fetch()) {
    for (size_t i = 0; i < batch.size(); ++i) {
      if (present[i] != soci::i_ok || !std::binary_search(ids.begin(), ids.end(), batch[i])) ++broken;
    }
    batch.resize(kBatch), present.resize(kBatch);
  }
  return broken;
}

// SQLite: checks every foreign key held by `tables` or pointing at one of them. A key of one
// column naming its parent's rowid is checked in memory (RowsNamingNoRowid). Any other key of one
// column naming its parent's column is checked with a NOT IN, which SQLite answers by reading the
// child's column in the order of an index on it (a Scotland network's links in under a second,
// where PRAGMA foreign_key_check took nine); any other key by PRAGMA foreign_key_check, as is a
// key whose parent column holds a NULL (SQLite lets a text primary key be NULL), since a NULL in
// the list makes every NOT IN unknown rather than true.
Status CheckForeignKeys(soci::session& sql, const std::vector<std::string>& tables) {
  struct Key {
    std::string child, column, parent, parent_column;
    int id = 0, seq = 0;
  };
  std::vector<Key> keys;
  {
    Key k;
    soci::indicator to_null = soci::i_ok;
    soci::statement st = (sql.prepare << "SELECT m.name, f.id, f.seq, f.\"table\", f.\"from\", f.\"to\" "
                                         "FROM sqlite_master AS m, pragma_foreign_key_list(m.name) AS f "
                                         "WHERE m.type = 'table' ORDER BY m.name, f.id, f.seq",
                          soci::into(k.child), soci::into(k.id), soci::into(k.seq), soci::into(k.parent),
                          soci::into(k.column), soci::into(k.parent_column, to_null));
    st.execute(false);
    while (st.fetch()) {
      if (to_null != soci::i_ok) k.parent_column.clear();
      keys.push_back(k);
    }
  }
  auto named = [&](const std::string& table) {
    return std::find(tables.begin(), tables.end(), table) != tables.end();
  };
  std::map<std::string, std::vector<long long>> rowids;  // by parent: mentions and links share one
  for (size_t i = 0; i < keys.size(); ++i) {
    const Key& k = keys[i];
    if (k.seq != 0 || !(named(k.child) || named(k.parent))) continue;
    bool simple = !k.parent_column.empty() &&
                  (i + 1 == keys.size() || keys[i + 1].child != k.child || keys[i + 1].id != k.id);
    const bool rowid = simple && IsRowid(sql, k.parent, k.parent_column);  // never NULL
    if (simple && !rowid) {
      int64_t nulls = 0;
      sql << "SELECT count(*) FROM (SELECT 1 FROM " + Quoted(k.parent) + " WHERE " + Quoted(k.parent_column) +
                 " IS NULL LIMIT 1)",
          soci::into(nulls);
      simple = nulls == 0;
    }
    int64_t broken = 0;
    if (rowid) {
      auto [at, read] = rowids.try_emplace(k.parent);
      if (read) at->second = SortedRowids(sql, k.parent, k.parent_column);
      broken = RowsNamingNoRowid(sql, k.child, k.column, at->second);
    } else if (simple) {
      sql << "SELECT count(*) FROM " + Quoted(k.child) + " WHERE " + Quoted(k.column) + " IS NOT NULL AND " +
                 Quoted(k.column) + " NOT IN (SELECT " + Quoted(k.parent_column) + " FROM " +
                 Quoted(k.parent) + ")",
          soci::into(broken);
    } else {
      sql << "SELECT count(*) FROM pragma_foreign_key_check(" + Quoted(k.child) + ") WHERE fkid = :id",
          soci::use(k.id), soci::into(broken);
    }
    if (broken > 0) {
      return FailedPrecondition(std::to_string(broken) + " rows of " + k.child + " (" + k.column +
                                ") refer to no row of " + k.parent + "; nothing was written");
    }
  }
  return Status::Ok();
}

}  // namespace

namespace internal {

bool IsPostgresUrl(const std::string& url) {
  return url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0;
}

std::string RedactPassword(const std::string& url) {
  static const std::regex kPassword(R"(^(postgres(?:ql)?://[^:/@]+):[^@]*@)");
  return std::regex_replace(url, kPassword, "$1:***@");
}

// SOCI rebuilds the connect string as key=value pairs and so cannot take a URL: let libpq
// parse the URL and hand SOCI the keyword form.
Result<std::string> PostgresConninfo(const std::string& url, std::string* password) {
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(url.c_str(), &error);
  if (options == nullptr) {
    std::string why = error != nullptr ? error : "not a PostgreSQL URL";
    PQfreemem(error);
    return InvalidArgument("bad database URL " + RedactPassword(url) + ": " + why);
  }
  std::string out;
  for (PQconninfoOption* o = options; o->keyword != nullptr; ++o) {
    if (o->val == nullptr || *o->val == '\0') continue;
    std::string value = o->val;
    if (password != nullptr && std::string(o->keyword) == "password") {
      *password = value;
      continue;
    }
    std::string quoted;
    for (char c : value) {
      if (c == '\'' || c == '\\') quoted += '\\';
      quoted += c;
    }
    out += std::string(o->keyword) + "='" + quoted + "' ";
  }
  PQconninfoFree(options);
  return out;
}

}  // namespace internal

std::string DisplayUrl(const std::string& url) { return RedactPassword(url); }

void Tx::LockForAppend(int key) {
  if (backend_ == Backend::kPostgres) {
    long long k = key;
    sql_ << "SELECT pg_advisory_xact_lock(:k)", soci::use(k);
  }
}

Result<std::unique_ptr<Database>> Database::Open(const std::string& url, DatabaseOptions options) {
  Backend backend = IsPostgresUrl(url) ? Backend::kPostgres : Backend::kSqlite;
  std::string conninfo;
  if (backend == Backend::kPostgres) {
    CAIRN_ASSIGN_OR_RETURN(conninfo, PostgresConninfo(url));
  }
  auto pool = std::make_unique<soci::connection_pool>(options.pool_size);
  try {
    for (int i = 0; i < options.pool_size; ++i) {
      soci::session& s = pool->at(i);
      if (backend == Backend::kPostgres) {
        s.open(soci::postgresql, conninfo);
        s << "SET client_min_messages TO WARNING";  // no NOTICE chatter on the terminal
      } else {
        s.open(soci::sqlite3, "db=" + QuoteSociValue(url) + " timeout=" +
                                  std::to_string(options.busy_timeout_ms / 1000 + 1));
        s << "PRAGMA journal_mode=WAL";
        s << "PRAGMA foreign_keys=ON";
        s << "PRAGMA synchronous=NORMAL";
        s << "PRAGMA busy_timeout=" + std::to_string(options.busy_timeout_ms);
        // 64 MiB of page cache per connection (the default is 2 MiB): rebuilding the network
        // touches indexes far larger than that, and a small cache turns it into disk seeks.
        s << "PRAGMA cache_size=-65536";
        s << "PRAGMA temp_store=MEMORY";
      }
    }
  } catch (const std::exception& e) {
    return Unavailable("cannot open database " + RedactPassword(url) + ": " + e.what());
  }
  return std::unique_ptr<Database>(
      new Database(backend, RedactPassword(url), std::move(pool), options.pool_size));
}

Database::Database(Backend backend, std::string display_url,
                   std::unique_ptr<soci::connection_pool> pool, int pool_size)
    : backend_(backend), display_url_(std::move(display_url)), pool_(std::move(pool)),
      pool_size_(pool_size) {}

Database::~Database() = default;

Status Database::Read(const std::function<Status(Tx&)>& fn) { return Run(false, nullptr, fn); }
Status Database::Write(const std::function<Status(Tx&)>& fn) { return Run(true, nullptr, fn); }
Status Database::WriteMany(const std::vector<std::string>& tables, const std::function<Status(Tx&)>& fn) {
  return Run(true, &tables, fn);
}

Status Database::Run(bool write, const std::vector<std::string>* checked_at_end,
                     const std::function<Status(Tx&)>& fn) {
  soci::session sql(*pool_);
  if (backend_ == Backend::kPostgres && !sql.is_connected()) {
    try {
      sql.reconnect();
    } catch (const std::exception& e) {
      spdlog::warn("database unavailable: {}", e.what());
      return Unavailable("database unavailable; try again");
    }
  }
  bool open = false;
  // SQLite reads these only outside a transaction: they are set before BEGIN, and set back after
  // the COMMIT or ROLLBACK below. WriteMany's sorts (building indexes) spill to temporary files:
  // held in memory, as the connection has them, they took two to three times as long.
  std::optional<PragmaFor> unchecked, sorted_in_files;
  try {
    int64_t changes_before = 0;
    if (checked_at_end != nullptr && backend_ == Backend::kSqlite) {
      unchecked.emplace(sql, "foreign_keys", "OFF");
      sorted_in_files.emplace(sql, "temp_store", "FILE");
      sql << "SELECT total_changes()", soci::into(changes_before);
    }
    // A read sees one snapshot throughout, on both backends: SQLite's read transactions do so
    // in WAL mode, and PostgreSQL's do at REPEATABLE READ, which for a transaction that only
    // reads never fails. Large scans run as many statements (internal/scan.h), and at the
    // default READ COMMITTED each would see whatever had been committed since the last.
    const char* begin = backend_ == Backend::kSqlite ? (write ? "BEGIN IMMEDIATE" : "BEGIN")
                                                     : (write ? "BEGIN" : "BEGIN ISOLATION LEVEL REPEATABLE READ");
    sql << begin;
    open = true;
    Tx tx(sql, backend_);
    Status status = fn(tx);
    if (status.ok() && unchecked) {
      int64_t changes_after = 0;
      sql << "SELECT total_changes()", soci::into(changes_after);
      if (changes_after != changes_before) status = CheckForeignKeys(sql, *checked_at_end);
    }
    if (status.ok()) {
      sql << "COMMIT";
    } else {
      sql << "ROLLBACK";
    }
    return status;
  } catch (const std::exception& e) {
    Status status = FromException(e, &sql);
    if (open) {
      try {
        sql << "ROLLBACK";
      } catch (const std::exception&) {
        // The connection is gone; the server rolls the transaction back itself.
      }
    }
    return status;
  }
}

Result<Database::Compacted> Database::Compact() {
  soci::session sql(*pool_);
  auto size = [&] {
    int64_t bytes = 0;
    if (backend_ == Backend::kSqlite) {
      int64_t pages = 0, page_size = 0;
      sql << "PRAGMA page_count", soci::into(pages);
      sql << "PRAGMA page_size", soci::into(page_size);
      bytes = pages * page_size;
    } else {
      sql << "SELECT pg_database_size(current_database())", soci::into(bytes);
    }
    return bytes;
  };
  try {
    Compacted out;
    out.before = size();
    if (backend_ == Backend::kSqlite) {
      // VACUUM builds the new copy as a temporary database, which this connection keeps in
      // memory (temp_store at Open): a file instead, or a national store needs its size in RAM.
      {
        PragmaFor on_disk(sql, "temp_store", "FILE");
        sql << "VACUUM";
      }
      sql << "PRAGMA wal_checkpoint(TRUNCATE)";
    } else {
      sql << "VACUUM (FULL, ANALYZE)";  // plain VACUUM keeps the space for the table's own reuse
    }
    out.after = size();
    return out;
  } catch (const std::exception& e) {
    return FromException(e, &sql);
  }
}

void Database::RawForTests(const std::string& sql) {
  soci::session s(*pool_);
  s << sql;
}

Result<int> Database::SchemaVersion() {
  int version = 0;
  Status s = Read([&](Tx& tx) { return internal::ReadSchemaVersion(tx, &version); });
  if (!s.ok()) return s;
  return version;
}

int Database::LatestSchemaVersion() {
  const auto& all = internal::EmbeddedMigrations();
  return all.empty() ? 0 : all.back().version;
}

Result<int> Database::Migrate() {
  int applied = 0;
  for (const internal::Migration& m : internal::EmbeddedMigrations()) {
    bool ran = false;
    Status s = Write([&](Tx& tx) { return internal::ApplyIfNew(tx, m, &ran); });
    if (!s.ok()) return Status(s.code(), "migration " + m.name + " failed: " + s.message());
    if (ran) {
      spdlog::info("applied migration {}", m.name);
      ++applied;
    }
  }
  return applied;
}

}  // namespace cairn::storage
