// The release version, from the CMake project version.
#pragma once

namespace cairn {

inline constexpr char kVersion[] = CAIRN_VERSION;

}  // namespace cairn
