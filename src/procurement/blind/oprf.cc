#include "procurement/blind/oprf.h"

#include <sodium.h>

namespace cairn::procurement::blind {
namespace {

constexpr char kHashToGroupTag[] = "cairn-oprf-v1 hash-to-group";
constexpr char kFinalizeTag[] = "cairn-oprf-v1 finalize";

Point HashToGroup(std::string_view identifier) {
  unsigned char digest[crypto_core_ristretto255_HASHBYTES];
  crypto_generichash_state st;
  crypto_generichash_init(&st, nullptr, 0, sizeof digest);
  crypto_generichash_update(&st, reinterpret_cast<const unsigned char*>(kHashToGroupTag), sizeof kHashToGroupTag);
  crypto_generichash_update(&st, reinterpret_cast<const unsigned char*>(identifier.data()), identifier.size());
  crypto_generichash_final(&st, digest, sizeof digest);
  Point p;
  crypto_core_ristretto255_from_hash(p.data(), digest);
  return p;
}

std::string Output(std::string_view identifier, const Point& point) {
  unsigned char out[32];
  crypto_generichash_state st;
  crypto_generichash_init(&st, nullptr, 0, sizeof out);
  crypto_generichash_update(&st, reinterpret_cast<const unsigned char*>(kFinalizeTag), sizeof kFinalizeTag);
  // Length-prefixed, so no identifier can run into the point.
  unsigned char len[8];
  for (int i = 0; i < 8; ++i) len[i] = static_cast<unsigned char>(uint64_t(identifier.size()) >> (8 * i));
  crypto_generichash_update(&st, len, sizeof len);
  crypto_generichash_update(&st, reinterpret_cast<const unsigned char*>(identifier.data()), identifier.size());
  crypto_generichash_update(&st, point.data(), point.size());
  crypto_generichash_final(&st, out, sizeof out);
  return Hex(out, sizeof out);
}

}  // namespace

Scalar NewKey() {
  Scalar k;
  crypto_core_ristretto255_scalar_random(k.data());  // never zero
  return k;
}

std::string Evaluate(const Scalar& key, std::string_view identifier) {
  Point h = HashToGroup(identifier), out;
  if (crypto_scalarmult_ristretto255(out.data(), key.data(), h.data()) != 0) out.fill(0);
  return Output(identifier, out);
}

Blinded Blind(std::string_view identifier) {
  Blinded b;
  crypto_core_ristretto255_scalar_random(b.r.data());
  Point h = HashToGroup(identifier);
  crypto_scalarmult_ristretto255(b.point.data(), b.r.data(), h.data());
  return b;
}

Result<Point> EvaluateBlinded(const Scalar& key, const Point& point) {
  if (crypto_core_ristretto255_is_valid_point(point.data()) != 1)
    return InvalidArgument("not a valid ristretto255 point");
  Point out;
  if (crypto_scalarmult_ristretto255(out.data(), key.data(), point.data()) != 0)
    return InvalidArgument("the point gives the identity");
  return out;
}

Result<std::string> Finalize(const Blinded& blinded, std::string_view identifier, const Point& evaluated) {
  if (crypto_core_ristretto255_is_valid_point(evaluated.data()) != 1)
    return InvalidArgument("the answer is not a valid ristretto255 point");
  Scalar inverse;
  if (crypto_core_ristretto255_scalar_invert(inverse.data(), blinded.r.data()) != 0)
    return Internal("the blinding factor has no inverse");
  Point unblinded;
  if (crypto_scalarmult_ristretto255(unblinded.data(), inverse.data(), evaluated.data()) != 0)
    return InvalidArgument("the answer gives the identity");
  return Output(identifier, unblinded);
}

std::string Hex(const unsigned char* bytes, size_t n) {
  std::string out(n * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), bytes, n);
  out.pop_back();
  return out;
}

Result<std::array<unsigned char, 32>> FromHex(std::string_view hex, const std::string& what) {
  std::array<unsigned char, 32> out;
  size_t len = 0;
  if (hex.size() != 64 ||
      sodium_hex2bin(out.data(), out.size(), hex.data(), hex.size(), nullptr, &len, nullptr) != 0 || len != 32)
    return InvalidArgument(what + " must be 64 hex digits");
  return out;
}

}  // namespace cairn::procurement::blind
