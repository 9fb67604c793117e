// A SQLite pragma set on a connection for a while: set when made, and set back to the value it
// had when the PragmaFor goes, however the work between ends, so a pooled connection goes back
// to the pool as it came. SQLite only.
#pragma once

#include <soci/soci.h>
#include <spdlog/spdlog.h>

#include <string>

namespace cairn::storage::internal {

class PragmaFor {
 public:
  // Throws soci::soci_error if SQLite refuses either statement.
  PragmaFor(soci::session& sql, const std::string& name, const std::string& value) : sql_(sql), name_(name) {
    sql_ << "PRAGMA " + name_, soci::into(before_);
    sql_ << "PRAGMA " + name_ + "=" + value;
  }
  PragmaFor(const PragmaFor&) = delete;
  PragmaFor& operator=(const PragmaFor&) = delete;
  ~PragmaFor() {
    try {
      sql_ << "PRAGMA " + name_ + "=" + before_;
    } catch (const std::exception& e) {
      spdlog::warn("could not set {} back to {}: {}", name_, before_, e.what());
    }
  }

 private:
  soci::session& sql_;
  std::string name_;
  std::string before_;
};

}  // namespace cairn::storage::internal
