// A progress bar on standard error, for commands that read big files.
#pragma once

#include <cstdint>
#include <iostream>
#include <string>

namespace cairn::cli {

// Redraws "[####....] 40%  name" in place; the caller ends the line when done.
inline void DrawProgress(const std::string& name, uint64_t done, uint64_t total) {
  constexpr int kWidth = 30;
  int filled = total ? int(double(done) / double(total) * kWidth) : kWidth;
  std::cerr << "\r  [" << std::string(size_t(filled), '#') << std::string(size_t(kWidth - filled), '.') << "] "
            << (total ? done * 100 / total : 100) << "%  " << name << std::flush;
}

}  // namespace cairn::cli
