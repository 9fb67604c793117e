// The store: one handle over either SQLite (the embedded default) or PostgreSQL 15 (a shared
// multi-agency deployment), chosen by URL. Both backends go through SOCI, so each query is
// written once; the few differences (identity columns, locking) live in Dialect.
//
// All access happens inside Database::Read or Database::Write, which lend a Tx for the duration
// of one transaction. Database errors never escape as exceptions: they come back as Status
// (constraint violations as AlreadyExists / FailedPrecondition, lost connections as
// Unavailable). Thread-safe: a fixed pool of connections is shared by all callers.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "common/status.h"

namespace soci {
class session;
class connection_pool;
}  // namespace soci

namespace cairn::storage {

enum class Backend { kSqlite, kPostgres };

// `url` with any PostgreSQL password replaced by ***, for messages and logs.
std::string DisplayUrl(const std::string& url);

// One open transaction. Owned by Database::Read/Write; do not keep it past the callback.
class Tx {
 public:
  Tx(soci::session& sql, Backend backend) : sql_(sql), backend_(backend) {}
  soci::session& sql() { return sql_; }
  Backend backend() const { return backend_; }

  // Serialises writers that must see each other's effects (e.g. the audit hash chain).
  // SQLite's BEGIN IMMEDIATE already does this; PostgreSQL takes a transaction-scoped
  // advisory lock named by `key`.
  void LockForAppend(int key);

 private:
  soci::session& sql_;
  Backend backend_;
};

struct DatabaseOptions {
  int pool_size = 8;
  int busy_timeout_ms = 10000;  // SQLite: how long a writer waits for the lock
};

class Database {
 public:
  // Opens `url`: a "postgresql://" or "postgres://" URL selects PostgreSQL, anything else is a
  // SQLite file path (created if absent). Does not migrate. Unavailable if it cannot connect.
  static Result<std::unique_ptr<Database>> Open(const std::string& url, DatabaseOptions options = {});
  ~Database();

  Backend backend() const { return backend_; }
  // The URL with any password removed, for logs.
  const std::string& display_url() const { return display_url_; }

  // Runs `fn` in a read transaction, which sees one snapshot of the store throughout: what
  // others commit meanwhile is not seen, on either backend.
  Status Read(const std::function<Status(Tx&)>& fn);
  // Runs `fn` in a write transaction, committing if it returns OK and rolling back otherwise
  // (also if it throws). On SQLite the transaction is BEGIN IMMEDIATE so writers queue rather
  // than fail on upgrade.
  Status Write(const std::function<Status(Tx&)>& fn);
  // Like Write, for storing many rows in `tables`. SQLite checks a foreign key as each row is
  // stored, by a lookup in the parent's index in whatever order the rows come: for a whole
  // network that was a third of the load (docs/benchmarks.md). Here SQLite checks instead, before
  // committing, every foreign key that `tables` hold or that points at them, with one query each
  // that reads the keys in index order, and rolls everything back (FailedPrecondition naming the
  // table and column) if any row points nowhere. If `fn` changed no row, nothing is checked.
  // SQLite's sorts, such as building an index, spill to temporary files rather than memory
  // meanwhile. PostgreSQL checks as Write does.
  Status WriteMany(const std::vector<std::string>& tables, const std::function<Status(Tx&)>& fn);

  // Applies every embedded migration newer than the schema version, each in its own
  // transaction. Returns how many were applied. Safe to run concurrently from several servers.
  Result<int> Migrate();
  // The highest applied migration, 0 for an empty database.
  Result<int> SchemaVersion();
  // The highest migration this binary carries: SchemaVersion() equals it once migrated.
  static int LatestSchemaVersion();

  // Gives the space of deleted rows back to the disk and returns the store's size in bytes
  // before and after: on SQLite VACUUM and then a checkpoint that empties the write-ahead log,
  // on PostgreSQL VACUUM FULL (plain VACUUM keeps the space inside each table). A migration
  // that rebuilds or rewrites a table leaves the old pages free inside a SQLite file until this
  // runs. Both write a new copy of what they compact, so they need about the store's size free
  // on disk; SQLite's writers, and PostgreSQL's readers and writers of the table being rewritten,
  // wait until it ends.
  struct Compacted {
    int64_t before = 0, after = 0;
  };
  Result<Compacted> Compact();

  // Runs `sql` outside any transaction (for test fixtures that create and drop databases).
  // Throws on failure.
  void RawForTests(const std::string& sql);

 private:
  Database(Backend backend, std::string display_url, std::unique_ptr<soci::connection_pool> pool,
           int pool_size);
  // `checked_at_end`: the tables of WriteMany, or null for Read and Write.
  Status Run(bool write, const std::vector<std::string>* checked_at_end,
             const std::function<Status(Tx&)>& fn);

  Backend backend_;
  std::string display_url_;
  std::unique_ptr<soci::connection_pool> pool_;
  int pool_size_;
};

}  // namespace cairn::storage
