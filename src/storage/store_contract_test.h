// The storage contract's fixture: a fresh store on each backend, shared by the contract's test
// files (store_contract_test.cc instantiates the suite for every backend).
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "common/clock.h"
#include "common/crypto.h"
#include "storage/database.h"
#include "storage/organisations.h"
#include "test_store.h"

namespace cairn::storage {

class StoreContract : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    InitCrypto();
    store_ = cairn::testing::TestStore::Create(GetParam());
    if (!store_) {
      if (cairn::testing::PostgresRequired()) FAIL() << "CAIRN_REQUIRE_PG=1 but CAIRN_TEST_PG is unset";
      GTEST_SKIP() << "PostgreSQL not configured (run through make test)";
    }
  }
  Database& db() { return store_->db(); }

  model::Organisation Org(const std::string& slug) {
    model::Organisation o;
    o.slug = slug;
    o.name = "Org " + slug;
    o.type = "council";
    o.region = "West";
    o.created_at = o.updated_at = "2026-11-22T09:00:00.000Z";
    return o;
  }

  int64_t AddOrg(const std::string& slug) {
    int64_t id = 0;
    EXPECT_TRUE(db().Write([&](Tx& tx) -> Status {
      CAIRN_ASSIGN_OR_RETURN(id, InsertOrganisation(tx, Org(slug)));
      return Status::Ok();
    }).ok());
    return id;
  }

  // Source record 1 (format x, key k), for network rows to point at.
  void AddSourceRecordOne() {
    ASSERT_TRUE(db().Write([](Tx& tx) {
      tx.sql() << "INSERT INTO source_files (id, path, format, sha256, ingested_at, rows_read, rows_loaded, "
                  "rows_unchanged, rows_rejected) VALUES (1, 'f', 'x', 'h', 't', 1, 1, 0, 0)";
      tx.sql() << "INSERT INTO source_records (id, format, record_key, content_hash, payload, source_file_id, "
                  "file, line, first_seen_at, updated_at) VALUES (1, 'x', 'k', 'h', '{}', 1, 'f', 2, 't', 't')";
      return Status::Ok();
    }).ok());
  }

  std::unique_ptr<cairn::testing::TestStore> store_;
  SystemClock clock_;
};

}  // namespace cairn::storage
