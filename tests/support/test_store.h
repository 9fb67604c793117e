// A fresh, migrated store for one test, on SQLite (a file in a temporary folder) or
// PostgreSQL (a new database on the throwaway server that scripts/with-test-postgres starts,
// found through CAIRN_TEST_PG). Removed again when the TestStore is destroyed.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "storage/database.h"

namespace cairn::testing {

class TestStore {
 public:
  // backend is "sqlite" or "postgres". Returns nullptr when PostgreSQL is not configured
  // (CAIRN_TEST_PG unset); callers skip, unless CAIRN_REQUIRE_PG=1, when they fail.
  static std::unique_ptr<TestStore> Create(const std::string& backend);
  ~TestStore();

  storage::Database& db() { return *db_; }
  const std::string& url() const { return url_; }
  // Closes the store's connections (e.g. so a test can edit the file or reopen it).
  void Close() { db_.reset(); }
  // Reopens after Close().
  void Reopen();

 private:
  std::string backend_;
  std::string url_;
  std::string admin_url_;  // PostgreSQL: the server's maintenance database
  std::string pg_name_;
  std::filesystem::path dir_;
  std::unique_ptr<storage::Database> db_;
};

// The backends a contract test runs on. Both are always listed, so CTest (which lists tests at
// build time) knows every case; the postgres cases skip at run time when it is not configured.
std::vector<std::string> Backends();

// True when tests must not skip PostgreSQL (make test sets it).
bool PostgresRequired();

}  // namespace cairn::testing
