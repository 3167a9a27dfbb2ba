#pragma once
// OpenID Connect: the pure decisions. ID-token validation (JWS RS256/ES256 via cjose, the
// claims of OIDC Core 3.1.3.7), the provider's key set with one refetch for an unknown `kid`,
// PKCE S256, safe return paths and which issuer URLs are allowed. No network, no clock: the
// JWKS comes from a fetch function, `now` is a parameter.
#include <boost/json/object.hpp>

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace oppenvard::identity::oidc {

inline constexpr std::int64_t kClockSkewS = 120;

// Why an ID token was refused. Safe to log: it never carries token contents.
enum class TokenError {
  malformed,        // not a compact JWS, or the payload is not a JSON object
  unsupported_alg,  // anything but RS256 and ES256 ("none", HS256, …)
  unknown_key,      // no key with that kid, even after one refetch of the JWKS
  bad_signature,
  wrong_issuer,
  wrong_audience,    // aud does not hold client_id, or azp names another client
  expired,           // exp (plus skew) has passed
  issued_in_future,  // iat or nbf beyond now plus skew
  wrong_nonce,
  missing_claim,  // sub, exp or iat missing or of the wrong type
  bad_jwks,       // the provider's key set could not be read
};
std::string_view to_string(TokenError error);

class TokenRejected : public std::runtime_error {
 public:
  explicit TokenRejected(TokenError error)
      : std::runtime_error(std::string("ID token rejected: ") + std::string(to_string(error))),
        error_(error) {}
  TokenError error() const { return error_; }

 private:
  TokenError error_;
};

// A parsed JWKS (RFC 7517): the RSA and EC P-256 public keys it holds; others are skipped.
class KeySet {
 public:
  struct Key;
  // Throws TokenRejected(bad_jwks) if `jwks_json` is not a JWKS.
  static std::shared_ptr<const KeySet> parse(std::string_view jwks_json);
  ~KeySet();
  KeySet(const KeySet&) = delete;
  KeySet& operator=(const KeySet&) = delete;
  std::size_t size() const { return keys_.size(); }
  // Keys usable for `alg` ("RS256" | "ES256"): the one with `kid` if given, else all of them.
  std::vector<const Key*> candidates(const std::optional<std::string>& kid,
                                     std::string_view alg) const;

 private:
  KeySet() = default;
  std::vector<Key*> keys_;
};

// The provider's keys, fetched on first use; a token signed with an unknown kid makes it
// fetch once more (key rotation). Thread-safe.
class JwksCache {
 public:
  using Fetch = std::function<std::string()>;  // the JWKS document; throws on failure
  explicit JwksCache(Fetch fetch) : fetch_(std::move(fetch)) {}
  std::shared_ptr<const KeySet> current();
  // A fresh set unless another caller replaced `seen` in the meantime.
  std::shared_ptr<const KeySet> refetch(const std::shared_ptr<const KeySet>& seen);

 private:
  std::shared_ptr<const KeySet> load();
  Fetch fetch_;
  std::mutex mutex_;
  std::shared_ptr<const KeySet> keys_;
};

struct Expectations {
  std::string issuer;
  std::string client_id;
  std::string nonce;
  std::int64_t now_s = 0;  // seconds since the epoch
  std::int64_t skew_s = kClockSkewS;
};

struct IdToken {
  boost::json::object claims;
  std::string subject;
  // A claim as a string (numbers are not turned into strings), if present.
  std::optional<std::string> string_claim(std::string_view name) const;
};

// Verifies the signature and the claims; throws TokenRejected.
IdToken validate_id_token(std::string_view compact, JwksCache& keys, const Expectations& expect);

// PKCE (RFC 7636) S256: base64url(SHA-256(verifier)) without padding.
std::string pkce_s256(std::string_view verifier);
// 32 random bytes, base64url: for state, nonce and the PKCE verifier.
std::string random_token();

// A same-origin path to return to after log-in: starts with one '/', no "//", no
// backslash, only printable ASCII, at most 2,000 characters.
bool safe_return_to(std::string_view path);

// https anywhere; plain http only on loopback (127.0.0.0/8, ::1, localhost). No user info,
// query or fragment.
bool issuer_allowed(std::string_view issuer_url);
bool is_loopback_host(std::string_view host);

}  // namespace oppenvard::identity::oidc
