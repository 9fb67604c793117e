// Fuzzes the settings parsers: Cairn's TOML (config/cairn.toml) and Cardinal's INI for the red
// flags, chosen by the first byte so one corpus drives both.
#include <cstddef>
#include <cstdint>
#include <string>

#include "config/settings.h"
#include "procurement/redflags/settings.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (data[0] & 1) (void)cairn::procurement::redflags::ParseSettings(text, "fuzz.ini");
  else (void)cairn::config::ParseSettings(text, "fuzz.toml");
  return 0;
}
