// Times the stages of one run: each Lap records the time since the last, and the memory held
// at its end and at most so far. A lap first gives what the stage freed back to the system, so
// the next stage starts from what is held (on the Scotland store this took the peak of
// resolving from 1,435 to about 1,270 MiB).
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "common/memory.h"
#include "engine/linkage.h"

namespace cairn::engine::internal {

class Stopwatch {
 public:
  // `on_lap`, if given, hears of each stage as it ends (for progress on a terminal).
  explicit Stopwatch(std::vector<StageTime>* out, std::function<void(const StageTime&)> on_lap = {})
      : out_(out), on_lap_(std::move(on_lap)), start_(std::chrono::steady_clock::now()) {}
  void Lap(const std::string& stage) {
    ReleaseFreeMemory();
    auto now = std::chrono::steady_clock::now();
    out_->push_back({stage, std::chrono::duration<double>(now - start_).count(), ResidentBytes(), PeakResidentBytes()});
    if (on_lap_) on_lap_(out_->back());
    start_ = now;
  }

 private:
  std::vector<StageTime>* out_;
  std::function<void(const StageTime&)> on_lap_;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace cairn::engine::internal
