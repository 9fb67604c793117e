#include "store_fixture.h"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include "common/crypto.h"

namespace cairn::testing {

StoreFixture::StoreFixture(const std::string& backend) {
  InitCrypto();
  store_ = TestStore::Create(backend);
}

std::string StoreFixture::TestData(const std::string& relative) {
  return std::string(std::getenv("CAIRN_SOURCE_DIR")) + "/tests/testdata/" + relative;
}

Result<engine::IngestReport> StoreFixture::Ingest(const std::string& path, engine::IngestOptions options) {
  return engine::IngestFile(env(), model::Actor::System("test"), path, options);
}

std::string StoreFixture::Value(const std::string& sql) {
  std::string out;
  EXPECT_TRUE(db().Read([&](storage::Tx& tx) {
    soci::rowset<soci::row> rows = (tx.sql().prepare << sql);
    for (const auto& row : rows) {
      if (row.get_indicator(0) == soci::i_null) break;
      switch (row.get_properties(0).get_data_type()) {
        case soci::dt_integer: out = std::to_string(row.get<int>(0)); break;
        case soci::dt_long_long: out = std::to_string(row.get<long long>(0)); break;
        case soci::dt_double: out = std::to_string(row.get<double>(0)); break;
        default: out = row.get<std::string>(0);
      }
      break;
    }
    return Status::Ok();
  }).ok()) << sql;
  return out;
}

nlohmann::json StoreFixture::Payload(const std::string& record_key) {
  std::string payload;
  EXPECT_TRUE(db().Read([&](storage::Tx& tx) {
    tx.sql() << "SELECT payload FROM source_records WHERE record_key = :k", soci::use(record_key), soci::into(payload);
    return Status::Ok();
  }).ok());
  return payload.empty() ? nlohmann::json() : nlohmann::json::parse(payload);
}

}  // namespace cairn::testing
