// The test data of tests/testdata loaded into a TestServer's store and resolved, and a session
// for an analyst of Police Scotland (which holds the intelligence), for the API tests of the
// network and what is built on it.
#pragma once

#include <string>
#include <vector>

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

}  // namespace cairn::testing
