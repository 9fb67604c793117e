// Password hashing with argon2id (libsodium crypto_pwhash_str, interactive limits), and the
// rules a new password must meet.
#pragma once

#include <string>

#include "common/status.h"

namespace cairn::identity {

// An encoded argon2id hash of `password` (salt and parameters included).
Result<std::string> HashPassword(const std::string& password);

// True if `password` matches `hash`. Takes the same time whether or not the user exists when
// called with DummyHash() for unknown users.
bool VerifyPassword(const std::string& hash, const std::string& password);

// A valid hash of a random password, for spending equal time on unknown usernames.
const std::string& DummyHash();

// InvalidField("password") unless `password` has at least `min_length` characters and is not
// made of one repeated character.
Status CheckPasswordRules(const std::string& password, size_t min_length);

// A random one-time password: 20 URL-safe characters.
std::string GenerateOneTimePassword();

}  // namespace cairn::identity
