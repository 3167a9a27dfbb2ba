#include "identity/oidc_rules.hpp"

#include "identity/rules.hpp"

#include <cjose/cjose.h>
#include <sodium.h>

#include <algorithm>
#include <array>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

namespace oppenvard::identity::oidc {

namespace json = boost::json;

std::string_view to_string(TokenError error) {
  switch (error) {
    case TokenError::malformed:
      return "malformed";
    case TokenError::unsupported_alg:
      return "unsupported_alg";
    case TokenError::unknown_key:
      return "unknown_key";
    case TokenError::bad_signature:
      return "bad_signature";
    case TokenError::wrong_issuer:
      return "wrong_issuer";
    case TokenError::wrong_audience:
      return "wrong_audience";
    case TokenError::expired:
      return "expired";
    case TokenError::issued_in_future:
      return "issued_in_future";
    case TokenError::wrong_nonce:
      return "wrong_nonce";
    case TokenError::missing_claim:
      return "missing_claim";
    case TokenError::bad_jwks:
      return "bad_jwks";
  }
  return "unknown";
}

struct KeySet::Key {
  cjose_jwk_t* jwk = nullptr;
  std::optional<std::string> kid;
  std::string alg;  // "RS256" | "ES256": what this key can verify
};

KeySet::~KeySet() {
  for (Key* key : keys_) {
    cjose_jwk_release(key->jwk);
    delete key;
  }
}

std::shared_ptr<const KeySet> KeySet::parse(std::string_view jwks_json) {
  json::value doc;
  try {
    doc = json::parse(jwks_json);
  } catch (const std::exception&) {
    throw TokenRejected(TokenError::bad_jwks);
  }
  const auto* root = doc.if_object();
  const auto* keys =
      root != nullptr && root->contains("keys") ? root->at("keys").if_array() : nullptr;
  if (keys == nullptr) throw TokenRejected(TokenError::bad_jwks);
  std::shared_ptr<KeySet> set(new KeySet());
  for (const auto& entry : *keys) {
    const auto* obj = entry.if_object();
    if (obj == nullptr) continue;
    if (const auto* use = obj->if_contains("use");
        use && !(use->is_string() && use->as_string() == "sig")) {
      continue;
    }
    const std::string text = json::serialize(*obj);
    cjose_err err{};
    cjose_jwk_t* jwk = cjose_jwk_import(text.data(), text.size(), &err);
    if (jwk == nullptr) continue;
    std::string alg;
    const auto kty = cjose_jwk_get_kty(jwk, &err);
    if (kty == CJOSE_JWK_KTY_RSA) {
      alg = "RS256";
    } else if (kty == CJOSE_JWK_KTY_EC && cjose_jwk_EC_get_curve(jwk, &err) == CJOSE_JWK_EC_P_256) {
      alg = "ES256";
    }
    if (const auto* a = obj->if_contains("alg"); a && !(a->is_string() && a->as_string() == alg)) {
      alg.clear();
    }
    if (alg.empty()) {
      cjose_jwk_release(jwk);
      continue;
    }
    auto* key = new Key{jwk, std::nullopt, alg};
    if (const auto* kid = obj->if_contains("kid"); kid && kid->is_string()) {
      key->kid = std::string(kid->as_string());
    }
    set->keys_.push_back(key);
  }
  return set;
}

std::vector<const KeySet::Key*> KeySet::candidates(const std::optional<std::string>& kid,
                                                   std::string_view alg) const {
  std::vector<const Key*> out;
  for (const Key* key : keys_) {
    if (key->alg != alg) continue;
    if (kid && key->kid != kid) continue;
    out.push_back(key);
  }
  return out;
}

std::shared_ptr<const KeySet> JwksCache::load() {
  std::string text;
  try {
    text = fetch_();
  } catch (const TokenRejected&) {
    throw;
  } catch (const std::exception&) {
    throw TokenRejected(TokenError::bad_jwks);
  }
  return KeySet::parse(text);
}

std::shared_ptr<const KeySet> JwksCache::current() {
  std::lock_guard lock(mutex_);
  if (!keys_) keys_ = load();
  return keys_;
}

std::shared_ptr<const KeySet> JwksCache::refetch(const std::shared_ptr<const KeySet>& seen) {
  std::lock_guard lock(mutex_);
  if (keys_ && keys_ != seen) return keys_;
  keys_ = load();
  return keys_;
}

std::optional<std::string> IdToken::string_claim(std::string_view name) const {
  const auto* v = claims.if_contains(name);
  if (v == nullptr || !v->is_string()) return std::nullopt;
  return std::string(v->as_string());
}

namespace {

std::optional<std::string> base64url_decode(std::string_view text) {
  std::string out(text.size(), '\0');
  std::size_t len = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(),
                        text.size(), nullptr, &len, nullptr,
                        sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0) {
    return std::nullopt;
  }
  out.resize(len);
  return out;
}

std::optional<json::object> parse_object(std::string_view text) {
  boost::system::error_code ec;
  json::value v = json::parse(text, ec);
  if (ec || !v.is_object()) return std::nullopt;
  return std::move(v.as_object());
}

std::optional<std::int64_t> number_claim(const json::object& claims, std::string_view name) {
  const auto* v = claims.if_contains(name);
  if (v == nullptr) return std::nullopt;
  if (v->is_int64()) return v->as_int64();
  if (v->is_uint64() && v->as_uint64() <= static_cast<std::uint64_t>(INT64_MAX)) {
    return static_cast<std::int64_t>(v->as_uint64());
  }
  if (v->is_double() && v->as_double() > -9.2e18 && v->as_double() < 9.2e18) {
    return static_cast<std::int64_t>(v->as_double());
  }
  return std::nullopt;
}

bool equal_constant_time(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

struct JwsHandle {
  cjose_jws_t* jws = nullptr;
  ~JwsHandle() { cjose_jws_release(jws); }
};

}  // namespace

IdToken validate_id_token(std::string_view compact, JwksCache& keys, const Expectations& expect) {
  // The header is read by us first, so "none" and HMAC never reach a key.
  const auto dot1 = compact.find('.');
  const auto dot2 = dot1 == std::string_view::npos ? dot1 : compact.find('.', dot1 + 1);
  if (dot2 == std::string_view::npos || compact.find('.', dot2 + 1) != std::string_view::npos) {
    throw TokenRejected(TokenError::malformed);
  }
  const auto header_text = base64url_decode(compact.substr(0, dot1));
  const auto header = header_text ? parse_object(*header_text) : std::nullopt;
  if (!header) throw TokenRejected(TokenError::malformed);
  const auto* alg_value = header->if_contains("alg");
  if (alg_value == nullptr || !alg_value->is_string()) throw TokenRejected(TokenError::malformed);
  const std::string alg(alg_value->as_string());
  if (alg != "RS256" && alg != "ES256") throw TokenRejected(TokenError::unsupported_alg);
  if (header->contains("crit")) throw TokenRejected(TokenError::unsupported_alg);
  std::optional<std::string> kid;
  if (const auto* k = header->if_contains("kid")) {
    if (!k->is_string()) throw TokenRejected(TokenError::malformed);
    kid = std::string(k->as_string());
  }

  cjose_err err{};
  JwsHandle handle{cjose_jws_import(compact.data(), compact.size(), &err)};
  if (handle.jws == nullptr) throw TokenRejected(TokenError::malformed);

  auto set = keys.current();
  auto candidates = set->candidates(kid, alg);
  if (candidates.empty()) {
    set = keys.refetch(set);  // key rotation: fetch the JWKS once more
    candidates = set->candidates(kid, alg);
  }
  if (candidates.empty()) throw TokenRejected(TokenError::unknown_key);
  const bool verified = std::any_of(candidates.begin(), candidates.end(), [&](const auto* key) {
    cjose_err verify_err{};
    return cjose_jws_verify(handle.jws, key->jwk, &verify_err);
  });
  if (!verified) throw TokenRejected(TokenError::bad_signature);

  std::uint8_t* plain = nullptr;
  std::size_t plain_len = 0;
  if (!cjose_jws_get_plaintext(handle.jws, &plain, &plain_len, &err)) {
    throw TokenRejected(TokenError::malformed);
  }
  auto claims = parse_object(std::string_view(reinterpret_cast<const char*>(plain), plain_len));
  if (!claims) throw TokenRejected(TokenError::malformed);

  IdToken token;
  token.claims = std::move(*claims);
  const auto& c = token.claims;
  const auto* iss = c.if_contains("iss");
  if (iss == nullptr || !iss->is_string() || iss->as_string() != expect.issuer) {
    throw TokenRejected(TokenError::wrong_issuer);
  }
  const auto* aud = c.if_contains("aud");
  bool audience_ok = false;
  std::size_t audiences = 0;
  if (aud != nullptr && aud->is_string()) {
    audiences = 1;
    audience_ok = aud->as_string() == expect.client_id;
  } else if (aud != nullptr && aud->is_array()) {
    for (const auto& a : aud->as_array()) {
      ++audiences;
      if (a.is_string() && a.as_string() == expect.client_id) audience_ok = true;
    }
  }
  if (const auto* azp = c.if_contains("azp")) {
    if (!azp->is_string() || azp->as_string() != expect.client_id) audience_ok = false;
  } else if (audiences > 1) {
    audience_ok = false;  // several audiences need azp (OIDC Core 3.1.3.7)
  }
  if (expect.client_id.empty() || !audience_ok) throw TokenRejected(TokenError::wrong_audience);

  const auto exp = number_claim(c, "exp");
  const auto iat = number_claim(c, "iat");
  const auto* sub = c.if_contains("sub");
  if (!exp || !iat || sub == nullptr || !sub->is_string() || sub->as_string().empty()) {
    throw TokenRejected(TokenError::missing_claim);
  }
  if (expect.now_s >= *exp + expect.skew_s) throw TokenRejected(TokenError::expired);
  if (*iat > expect.now_s + expect.skew_s) throw TokenRejected(TokenError::issued_in_future);
  if (c.contains("nbf")) {
    const auto nbf = number_claim(c, "nbf");
    if (!nbf) throw TokenRejected(TokenError::missing_claim);
    if (*nbf > expect.now_s + expect.skew_s) throw TokenRejected(TokenError::issued_in_future);
  }
  const auto* nonce = c.if_contains("nonce");
  if (expect.nonce.empty() || nonce == nullptr || !nonce->is_string() ||
      !equal_constant_time(nonce->as_string(), expect.nonce)) {
    throw TokenRejected(TokenError::wrong_nonce);
  }
  token.subject = std::string(sub->as_string());
  return token;
}

std::string pkce_s256(std::string_view verifier) {
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(verifier.data()),
                     verifier.size());
  std::string out(
      sodium_base64_ENCODED_LEN(digest.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), digest.data(), digest.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(out.find('\0'));
  return out;
}

std::string random_token() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  return new_token();
}

bool safe_return_to(std::string_view path) {
  if (path.empty() || path.size() > 2000 || path.front() != '/') return false;
  if (path.find("//") != std::string_view::npos) return false;
  return std::all_of(path.begin(), path.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u > 0x20 && u < 0x7f && c != '\\';
  });
}

bool is_loopback_host(std::string_view host) {
  std::string lower(host);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (lower == "localhost" || lower == "[::1]" || lower == "::1") return true;
  // 127.0.0.0/8 in dotted-quad form.
  int parts = 0;
  std::size_t start = 0;
  int first = -1;
  while (start <= lower.size()) {
    auto end = lower.find('.', start);
    if (end == std::string::npos) end = lower.size();
    const auto part = std::string_view(lower).substr(start, end - start);
    if (part.empty() || part.size() > 3 ||
        !std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      return false;
    }
    const int value = std::stoi(std::string(part));
    if (value > 255) return false;
    if (parts == 0) first = value;
    ++parts;
    start = end + 1;
    if (end == lower.size()) break;
  }
  return parts == 4 && first == 127;
}

bool issuer_allowed(std::string_view url) {
  bool https = false;
  if (url.substr(0, 8) == "https://") {
    https = true;
    url.remove_prefix(8);
  } else if (url.substr(0, 7) == "http://") {
    url.remove_prefix(7);
  } else {
    return false;
  }
  if (url.find_first_of("?#@\\ ") != std::string_view::npos) return false;
  const auto slash = url.find('/');
  std::string_view authority = url.substr(0, slash);
  if (authority.empty()) return false;
  std::string_view host = authority;
  if (host.front() == '[') {
    const auto close = host.find(']');
    if (close == std::string_view::npos) return false;
    const auto rest = host.substr(close + 1);
    if (!rest.empty() && rest.front() != ':') return false;
    host = host.substr(0, close + 1);
  } else if (const auto colon = host.find(':'); colon != std::string_view::npos) {
    const auto port = host.substr(colon + 1);
    if (port.empty() ||
        !std::all_of(port.begin(), port.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      return false;
    }
    host = host.substr(0, colon);
  }
  if (host.empty()) return false;
  return https || is_loopback_host(host);
}

}  // namespace oppenvard::identity::oidc
