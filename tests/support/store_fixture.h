// A fresh store with what ingest and network tests keep needing: an Env, ingest of a test
// file, and one-value queries. Use by composition inside a gtest fixture.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "app/env.h"
#include "common/clock.h"
#include "config/settings.h"
#include "engine/ingest.h"
#include "test_store.h"

namespace cairn::testing {

class StoreFixture {
 public:
  // backend is "sqlite" or "postgres"; ok() is false when PostgreSQL is not configured.
  explicit StoreFixture(const std::string& backend = "sqlite");
  bool ok() const { return store_ != nullptr; }

  app::Env env() { return {store_->db(), clock_, settings_}; }
  storage::Database& db() { return store_->db(); }

  // A file under tests/testdata.
  static std::string TestData(const std::string& relative);
  // Ingests `path` as the system actor.
  Result<engine::IngestReport> Ingest(const std::string& path, engine::IngestOptions options = {});
  // The first column of the first row of `sql`, as text ("" when there is none).
  std::string Value(const std::string& sql);
  // The stored payload of the record with this key, parsed (null when absent).
  nlohmann::json Payload(const std::string& record_key);

 private:
  std::unique_ptr<TestStore> store_;
  SystemClock clock_;
  config::Settings settings_ = config::Defaults();
};

}  // namespace cairn::testing
