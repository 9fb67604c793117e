// The test data of tests/testdata loaded into a TestServer's store and resolved, and a session
// for an analyst of Police Scotland (which holds the intelligence), for the API tests of the
// network and what is built on it.
#pragma once

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "test_server.h"

namespace cairn::testing {

// Every public format of tests/testdata.
std::vector<std::string> PublicTestFiles();

// Ingests `files` (paths under tests/testdata), then `intelligence` as Police Scotland's, and
// resolves the network. Fails the calling test on any error.
void LoadTestNetwork(TestServer& server, const std::vector<std::string>& files,
                     const std::vector<std::string>& intelligence = {"cairn_csv/intelligence.csv"});

// Creates the user police.analyst (analyst, Police Scotland) and signs in.
Session LoginPoliceAnalyst(TestServer& server);

// A test over the loaded network with three callers: an analyst of Police Scotland (which
// holds the intelligence), a partner, and an analyst of another organisation.
class NetworkApiTest : public ::testing::Test {
 protected:
  // Loads the data (LoadTestNetwork), runs detection as of `detect_as_of` unless it is empty,
  // and signs the three callers in.
  void Load(const std::vector<std::string>& files,
            const std::vector<std::string>& intelligence = {"cairn_csv/intelligence.csv"},
            const std::string& detect_as_of = "");
  // GETs `path` as `s`, expecting status `want`, and returns the body.
  nlohmann::json Get(const std::string& path, const Session& s, int want = 200);

  TestServer server_;
  Session police_, partner_, other_analyst_;
};

}  // namespace cairn::testing
