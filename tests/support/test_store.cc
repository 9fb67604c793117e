#include "test_store.h"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include <cstdlib>
#include <random>

namespace cairn::testing {
namespace {

std::string RandomSuffix() {
  static std::mt19937_64 rng(std::random_device{}());
  return std::to_string(rng() % 1000000000000ULL);
}

const char* PgUrl() { return std::getenv("CAIRN_TEST_PG"); }

// postgresql://user@host:port/db → the same with another database name.
std::string WithDatabase(const std::string& url, const std::string& name) {
  size_t slash = url.find('/', url.find("://") + 3);
  size_t query = url.find('?', slash);
  return url.substr(0, slash) + "/" + name + (query == std::string::npos ? "" : url.substr(query));
}

}  // namespace

bool PostgresRequired() {
  const char* v = std::getenv("CAIRN_REQUIRE_PG");
  return v != nullptr && std::string(v) == "1";
}

std::vector<std::string> Backends() { return {"sqlite", "postgres"}; }

std::unique_ptr<TestStore> TestStore::Create(const std::string& backend) {
  auto s = std::unique_ptr<TestStore>(new TestStore());
  s->backend_ = backend;
  if (backend == "postgres") {
    if (PgUrl() == nullptr) return nullptr;
    s->admin_url_ = PgUrl();
    s->pg_name_ = "cairn_test_" + RandomSuffix();
    auto admin = storage::Database::Open(s->admin_url_, {1, 1000});
    if (!admin.ok()) {
      ADD_FAILURE() << admin.status().ToString();
      return nullptr;
    }
    // CREATE DATABASE cannot run inside a transaction block, so run it on the raw session.
    (*admin)->RawForTests("CREATE DATABASE " + s->pg_name_);
    s->url_ = WithDatabase(s->admin_url_, s->pg_name_);
  } else {
    s->dir_ = std::filesystem::temp_directory_path() / ("cairn-test-" + RandomSuffix());
    std::filesystem::create_directories(s->dir_);
    s->url_ = (s->dir_ / "cairn.db").string();
  }
  s->Reopen();
  auto migrated = s->db_->Migrate();
  if (!migrated.ok()) {
    ADD_FAILURE() << "migrate: " << migrated.status().ToString();
  }
  return s;
}

void TestStore::Reopen() {
  auto db = storage::Database::Open(url_);
  if (!db.ok()) {
    ADD_FAILURE() << "open " << url_ << ": " << db.status().ToString();
    return;
  }
  db_ = std::move(db).value();
}

TestStore::~TestStore() {
  db_.reset();
  if (!pg_name_.empty()) {
    try {
      auto admin = storage::Database::Open(admin_url_, {1, 1000});
      if (admin.ok()) (*admin)->RawForTests("DROP DATABASE IF EXISTS " + pg_name_ + " WITH (FORCE)");
    } catch (const std::exception&) {
      // The server is torn down after the run anyway.
    }
  }
  if (!dir_.empty()) std::filesystem::remove_all(dir_);
}

}  // namespace cairn::testing
