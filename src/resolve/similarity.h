// String similarity for record comparison. Written by hand: no Debian-packaged C++ library
// offers Jaro–Winkler and bounded edit distance, and these are short, well-known algorithms.
#pragma once

#include <string>
#include <string_view>

namespace cairn::resolve {

// Jaro–Winkler similarity in [0, 1] (prefix scale 0.1, up to 4 characters). Empty strings → 0.
double JaroWinkler(std::string_view a, std::string_view b);

// Levenshtein distance, or limit + 1 as soon as it exceeds `limit`.
int BoundedEditDistance(std::string_view a, std::string_view b, int limit);

// American Soundex ("robert" → "R163"); "" for text without letters.
std::string Soundex(std::string_view word);

}  // namespace cairn::resolve
