// Reading a whole text file, for the configuration loaders.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

#include "common/status.h"

namespace cairn {

// The contents of `path`. InvalidArgument "cannot read <what> <path>" if it cannot be opened.
inline Result<std::string> ReadTextFile(const std::string& path, const std::string& what) {
  std::ifstream in(path);
  if (!in) return InvalidArgument("cannot read " + what + " " + path);
  std::stringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

}  // namespace cairn
