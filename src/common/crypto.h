// Thin wrappers over libsodium for the primitives Cairn uses: random tokens, SHA-256,
// constant-time comparison. Call InitCrypto() once before anything else (main does).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace cairn {

// Initialises libsodium. Safe to call more than once; aborts if the library cannot start.
void InitCrypto();

// `bytes` random bytes from the OS CSPRNG, encoded URL-safe base64 without padding.
std::string RandomToken(size_t bytes = 32);

// Standard base64 (with padding) of `data`, and back; nullopt for text that is not base64.
std::string Base64Encode(std::string_view data);
std::optional<std::string> Base64Decode(std::string_view text);

// Lower-case hex SHA-256 of `data`.
std::string Sha256Hex(std::string_view data);

// Compares in time independent of where the strings differ (length may leak).
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace cairn
