// Times the stages of one run: each Lap records the time since the last, and the memory held
// at its end and at most so far. A lap first gives what the stage freed back to the system, so
// the next stage starts from what is held (on the Scotland store this took the peak of
// resolving from 1,435 to about 1,270 MiB).
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "common/memory.h"
#include "engine/linkage.h"

namespace cairn::engine::internal {

class Stopwatch {
 public:
  explicit Stopwatch(std::vector<StageTime>* out) : out_(out), start_(std::chrono::steady_clock::now()) {}
  void Lap(const std::string& stage) {
    ReleaseFreeMemory();
    auto now = std::chrono::steady_clock::now();
    out_->push_back({stage, std::chrono::duration<double>(now - start_).count(), ResidentBytes(), PeakResidentBytes()});
    start_ = now;
  }

 private:
  std::vector<StageTime>* out_;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace cairn::engine::internal
