// An oblivious pseudo-random function over ristretto255 (libsodium), for blind screening between
// two Cairn deployments: the police hold a secret key k and publish F(k, x) for every identifier
// x on their list; a council learns F(k, y) for its own bidder y without the police learning y,
// and checks it against the published set — so neither side reveals its list.
//
//   council:  r random, B = r·H(y)            → sends B (a random-looking point)
//   police:   E = k·B                          → returns E (learns nothing of y)
//   council:  U = r⁻¹·E = k·H(y); F = Hash(y, U) and looks F up in the published set
//
// H hashes to the group (crypto_core_ristretto255_from_hash over a 64-byte BLAKE2b digest with a
// domain tag); F is a BLAKE2b-256 digest of the identifier and the point, hex. This is the 2HashDH
// construction (as in RFC 9497's OPRF mode), written with libsodium's primitives; hand-written
// because no Debian package offers an OPRF.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace cairn::procurement::blind {

using Scalar = std::array<unsigned char, 32>;
using Point = std::array<unsigned char, 32>;

// A fresh secret key (a random non-zero scalar). REQUIRES: InitCrypto() was called.
Scalar NewKey();

// F(k, x) computed directly by the key holder: what the published set holds.
std::string Evaluate(const Scalar& key, std::string_view identifier);

// The council's side of one query.
struct Blinded {
  Scalar r;       // kept by the council
  Point point;    // sent: r·H(identifier)
};
Blinded Blind(std::string_view identifier);

// The key holder's side: k·point. InvalidArgument if `point` is not a valid ristretto255
// encoding (or is the identity), so a caller cannot probe with crafted points.
Result<Point> EvaluateBlinded(const Scalar& key, const Point& point);

// r⁻¹·evaluated, then F. InvalidArgument if `evaluated` is not a valid point.
Result<std::string> Finalize(const Blinded& blinded, std::string_view identifier, const Point& evaluated);

// Hex encodings for the wire and for storage.
std::string Hex(const unsigned char* bytes, size_t n);
template <size_t N>
std::string Hex(const std::array<unsigned char, N>& a) {
  return Hex(a.data(), N);
}
// InvalidArgument naming `what` unless `hex` is exactly 64 hex digits.
Result<std::array<unsigned char, 32>> FromHex(std::string_view hex, const std::string& what);

}  // namespace cairn::procurement::blind
