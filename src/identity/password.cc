#include "identity/password.h"

#include <sodium.h>

#include "common/crypto.h"

namespace cairn::identity {

Result<std::string> HashPassword(const std::string& password) {
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(),
                            crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return ResourceExhausted("not enough memory to hash the password");
  }
  return std::string(out);
}

bool VerifyPassword(const std::string& hash, const std::string& password) {
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

const std::string& DummyHash() {
  static const std::string kHash = [] {
    auto h = HashPassword(RandomToken(16));
    return h.ok() ? *h : std::string();
  }();
  return kHash;
}

Status CheckPasswordRules(const std::string& password, size_t min_length) {
  if (password.size() < min_length) {
    return InvalidField("password", "must be at least " + std::to_string(min_length) + " characters");
  }
  if (password.find_first_not_of(password[0]) == std::string::npos) {
    return InvalidField("password", "must not be one character repeated");
  }
  return Status::Ok();
}

std::string GenerateOneTimePassword() { return RandomToken(15); }

}  // namespace cairn::identity
