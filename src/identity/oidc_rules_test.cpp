#include "identity/oidc_rules.hpp"

#include <cjose/cjose.h>
#include <gtest/gtest.h>
#include <sodium.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <cstdlib>
#include <memory>

namespace oppenvard::identity::oidc {
namespace {

namespace json = boost::json;

constexpr std::int64_t kNow = 1'790'000'000;
constexpr const char* kIssuer = "https://idp.example";
constexpr const char* kClient = "oppenvard-test";
constexpr const char* kNonce = "n-0S6_WzA2Mj";

struct JwkDeleter {
  void operator()(cjose_jwk_t* jwk) const { cjose_jwk_release(jwk); }
};
using JwkPtr = std::unique_ptr<cjose_jwk_t, JwkDeleter>;

// A signing key made in the test, with its public half as a JWK object.
struct TestKey {
  JwkPtr jwk;
  std::string kid;
  std::string alg;
  json::object public_jwk() const {
    cjose_err err{};
    char* text = cjose_jwk_to_json(jwk.get(), false, &err);
    EXPECT_NE(text, nullptr);
    json::object out = json::parse(text).as_object();
    cjose_get_dealloc()(text);
    out["kid"] = kid;
    out["use"] = "sig";
    return out;
  }
};

TestKey make_rsa(const std::string& kid) {
  static const std::uint8_t e[] = {0x01, 0x00, 0x01};
  cjose_err err{};
  JwkPtr jwk(cjose_jwk_create_RSA_random(2048, e, sizeof e, &err));
  EXPECT_TRUE(jwk) << (err.message ? err.message : "");
  return {std::move(jwk), kid, "RS256"};
}

TestKey make_ec(const std::string& kid) {
  cjose_err err{};
  JwkPtr jwk(cjose_jwk_create_EC_random(CJOSE_JWK_EC_P_256, &err));
  EXPECT_TRUE(jwk) << (err.message ? err.message : "");
  return {std::move(jwk), kid, "ES256"};
}

std::string jwks_of(std::initializer_list<const TestKey*> keys) {
  json::array arr;
  for (const auto* key : keys) arr.push_back(key->public_jwk());
  return json::serialize(json::object{{"keys", arr}});
}

std::string sign(const TestKey& key, const json::object& claims,
                 std::optional<std::string> kid_override = std::nullopt) {
  cjose_err err{};
  cjose_header_t* header = cjose_header_new(&err);
  cjose_header_set(header, CJOSE_HDR_ALG, key.alg.c_str(), &err);
  const std::string kid = kid_override.value_or(key.kid);
  cjose_header_set(header, CJOSE_HDR_KID, kid.c_str(), &err);
  const std::string payload = json::serialize(claims);
  cjose_jws_t* jws =
      cjose_jws_sign(key.jwk.get(), header, reinterpret_cast<const std::uint8_t*>(payload.data()),
                     payload.size(), &err);
  EXPECT_NE(jws, nullptr) << (err.message ? err.message : "");
  const char* compact = nullptr;
  cjose_jws_export(jws, &compact, &err);
  std::string out = compact;
  cjose_jws_release(jws);
  cjose_header_release(header);
  return out;
}

std::string b64url(std::string_view text) {
  std::string out(sodium_base64_ENCODED_LEN(text.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING),
                  '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(text.data()),
                    text.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(out.find('\0'));
  return out;
}

json::object good_claims() {
  return {{"iss", kIssuer},
          {"aud", kClient},
          {"sub", "user-1"},
          {"nonce", kNonce},
          {"iat", kNow - 5},
          {"exp", kNow + 300},
          {"personnummer", "198403029872"}};
}

Expectations expect() {
  return {kIssuer, kClient, kNonce, kNow, kClockSkewS};
}

class OidcTokens : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    rsa_ = new TestKey(make_rsa("rsa-1"));
    ec_ = new TestKey(make_ec("ec-1"));
    other_ = new TestKey(make_rsa("rsa-1"));  // same kid, another key
  }
  static void TearDownTestSuite() {
    delete rsa_;
    delete ec_;
    delete other_;
  }
  // A cache that serves `jwks` and counts fetches.
  JwksCache cache_of(std::string jwks) {
    return JwksCache([this, jwks] {
      ++fetches_;
      return jwks;
    });
  }
  TokenError rejection(const std::string& token, const std::string& jwks,
                       const Expectations& e = expect()) {
    auto cache = cache_of(jwks);
    try {
      validate_id_token(token, cache, e);
    } catch (const TokenRejected& rejected) {
      return rejected.error();
    }
    ADD_FAILURE() << "token was accepted";
    return TokenError::malformed;
  }
  static TestKey* rsa_;
  static TestKey* ec_;
  static TestKey* other_;
  int fetches_ = 0;
};
TestKey* OidcTokens::rsa_ = nullptr;
TestKey* OidcTokens::ec_ = nullptr;
TestKey* OidcTokens::other_ = nullptr;

TEST_F(OidcTokens, AcceptsRs256) {
  auto cache = cache_of(jwks_of({rsa_, ec_}));
  const auto token = validate_id_token(sign(*rsa_, good_claims()), cache, expect());
  EXPECT_EQ(token.subject, "user-1");
  EXPECT_EQ(token.string_claim("personnummer"), "198403029872");
  EXPECT_EQ(token.string_claim("missing"), std::nullopt);
  EXPECT_EQ(fetches_, 1);
}

TEST_F(OidcTokens, AcceptsEs256) {
  auto cache = cache_of(jwks_of({rsa_, ec_}));
  EXPECT_EQ(validate_id_token(sign(*ec_, good_claims()), cache, expect()).subject, "user-1");
}

TEST_F(OidcTokens, AcceptsAudienceArrayWithAzp) {
  auto claims = good_claims();
  claims["aud"] = json::array{kClient, "other"};
  claims["azp"] = kClient;
  auto cache = cache_of(jwks_of({rsa_}));
  EXPECT_NO_THROW(validate_id_token(sign(*rsa_, claims), cache, expect()));
}

TEST_F(OidcTokens, KeysAreFetchedOnceForManyTokens) {
  auto cache = cache_of(jwks_of({rsa_, ec_}));
  for (int i = 0; i < 3; ++i) validate_id_token(sign(*rsa_, good_claims()), cache, expect());
  EXPECT_EQ(fetches_, 1);
}

TEST_F(OidcTokens, RejectsBadSignature) {
  // Same kid, signed by another key.
  EXPECT_EQ(rejection(sign(*other_, good_claims()), jwks_of({rsa_})), TokenError::bad_signature);
  // A payload swapped under a valid signature.
  const auto token = sign(*rsa_, good_claims());
  auto claims = good_claims();
  claims["sub"] = "someone-else";
  const auto forged_payload = b64url(json::serialize(claims));
  const auto d1 = token.find('.');
  const auto d2 = token.find('.', d1 + 1);
  const auto forged = token.substr(0, d1 + 1) + forged_payload + token.substr(d2);
  EXPECT_EQ(rejection(forged, jwks_of({rsa_})), TokenError::bad_signature);
}

TEST_F(OidcTokens, RejectsAnEcTokenWithAnRsaKeyOfTheSameKid) {
  EXPECT_EQ(rejection(sign(*ec_, good_claims(), "rsa-1"), jwks_of({rsa_})),
            TokenError::unknown_key);
}

TEST_F(OidcTokens, RejectsWrongAudience) {
  auto claims = good_claims();
  claims["aud"] = "another-client";
  EXPECT_EQ(rejection(sign(*rsa_, claims), jwks_of({rsa_})), TokenError::wrong_audience);
  claims["aud"] = json::array{"another-client", kClient};  // several audiences need azp
  EXPECT_EQ(rejection(sign(*rsa_, claims), jwks_of({rsa_})), TokenError::wrong_audience);
  claims["azp"] = "another-client";
  EXPECT_EQ(rejection(sign(*rsa_, claims), jwks_of({rsa_})), TokenError::wrong_audience);
  claims.erase("aud");
  EXPECT_EQ(rejection(sign(*rsa_, claims), jwks_of({rsa_})), TokenError::wrong_audience);
}

TEST_F(OidcTokens, RejectsWrongIssuer) {
  auto claims = good_claims();
  claims["iss"] = "https://idp.example/";  // exact match only
  EXPECT_EQ(rejection(sign(*rsa_, claims), jwks_of({rsa_})), TokenError::wrong_issuer);
  claims["iss"] = "https://evil.example";
  EXPECT_EQ(rejection(sign(*rsa_, claims), jwks_of({rsa_})), TokenError::wrong_issuer);
}

TEST_F(OidcTokens, RejectsExpiredTokensAfterTheSkew) {
  auto claims = good_claims();
  claims["iat"] = kNow - 1000;
  claims["exp"] = kNow - 119;  // within the 120 s skew: still fine
  EXPECT_NO_THROW({
    auto cache = cache_of(jwks_of({rsa_}));
    validate_id_token(sign(*rsa_, claims), cache, expect());
  });
  claims["exp"] = kNow - 120;
  EXPECT_EQ(rejection(sign(*rsa_, claims), jwks_of({rsa_})), TokenError::expired);
  claims["exp"] = kNow - 3600;
  EXPECT_EQ(rejection(sign(*rsa_, claims), jwks_of({rsa_})), TokenError::expired);
}

TEST_F(OidcTokens, RejectsTokensFromTheFutureBeyondTheSkew) {
  auto claims = good_claims();
  claims["iat"] = kNow + 120;  // at the skew: fine
  claims["exp"] = kNow + 600;
  EXPECT_NO_THROW({
    auto cache = cache_of(jwks_of({rsa_}));
    validate_id_token(sign(*rsa_, claims), cache, expect());
  });
  claims["iat"] = kNow + 121;
  EXPECT_EQ(rejection(sign(*rsa_, claims), jwks_of({rsa_})), TokenError::issued_in_future);
  claims["iat"] = kNow;
  claims["nbf"] = kNow + 500;
  EXPECT_EQ(rejection(sign(*rsa_, claims), jwks_of({rsa_})), TokenError::issued_in_future);
}

TEST_F(OidcTokens, RejectsWrongOrMissingNonce) {
  auto claims = good_claims();
  claims["nonce"] = "n-other";
  EXPECT_EQ(rejection(sign(*rsa_, claims), jwks_of({rsa_})), TokenError::wrong_nonce);
  claims.erase("nonce");
  EXPECT_EQ(rejection(sign(*rsa_, claims), jwks_of({rsa_})), TokenError::wrong_nonce);
}

TEST_F(OidcTokens, RejectsMissingClaims) {
  for (const char* name : {"sub", "exp", "iat"}) {
    auto claims = good_claims();
    claims.erase(name);
    EXPECT_EQ(rejection(sign(*rsa_, claims), jwks_of({rsa_})), TokenError::missing_claim) << name;
  }
}

TEST_F(OidcTokens, UnknownKidRefetchesOnceThenRejects) {
  const auto token = sign(*ec_, good_claims(), "rotated-away");
  EXPECT_EQ(rejection(token, jwks_of({rsa_, ec_})), TokenError::unknown_key);
  EXPECT_EQ(fetches_, 2);  // the first fetch and exactly one refetch
}

TEST_F(OidcTokens, UnknownKidPicksUpRotatedKeys) {
  const auto old_set = jwks_of({rsa_});
  const auto new_set = jwks_of({rsa_, ec_});
  JwksCache cache([&] {
    ++fetches_;
    return fetches_ == 1 ? old_set : new_set;
  });
  EXPECT_NO_THROW(validate_id_token(sign(*rsa_, good_claims()), cache, expect()));
  EXPECT_NO_THROW(validate_id_token(sign(*ec_, good_claims()), cache, expect()));
  EXPECT_EQ(fetches_, 2);
}

TEST_F(OidcTokens, RejectsAlgNoneAndHmac) {
  const auto payload = b64url(json::serialize(good_claims()));
  const auto none = b64url(R"({"alg":"none"})") + "." + payload + ".";
  EXPECT_EQ(rejection(none, jwks_of({rsa_})), TokenError::unsupported_alg);
  const auto hs = b64url(R"({"alg":"HS256","kid":"rsa-1"})") + "." + payload + ".c2ln";
  EXPECT_EQ(rejection(hs, jwks_of({rsa_})), TokenError::unsupported_alg);
  EXPECT_EQ(fetches_, 0);  // refused before any key is looked at
}

TEST_F(OidcTokens, RejectsGarbage) {
  for (const std::string token : {"", "a.b", "a.b.c.d", "!!!.e30.sig", "e30.e30.sig"}) {
    EXPECT_EQ(rejection(token, jwks_of({rsa_})), TokenError::malformed) << token;
  }
}

TEST_F(OidcTokens, BadJwksIsReported) {
  EXPECT_EQ(rejection(sign(*rsa_, good_claims()), "not json"), TokenError::bad_jwks);
  EXPECT_EQ(rejection(sign(*rsa_, good_claims()), R"({"nokeys":[]})"), TokenError::bad_jwks);
  JwksCache failing([]() -> std::string { throw std::runtime_error("network down"); });
  try {
    validate_id_token(sign(*rsa_, good_claims()), failing, expect());
    ADD_FAILURE();
  } catch (const TokenRejected& e) {
    EXPECT_EQ(e.error(), TokenError::bad_jwks);
  }
}

TEST(OidcPkce, MatchesTheRfc7636Example) {
  EXPECT_EQ(pkce_s256("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
}

TEST(OidcRandom, TokensAreLongAndDistinct) {
  const auto a = random_token();
  EXPECT_EQ(a.size(), 43u);
  EXPECT_NE(a, random_token());
}

TEST(OidcReturnTo, OnlySameOriginPaths) {
  for (const char* good : {"/", "/patient", "/patient/meddelanden?flik=2", "/a/b#x", "/a:b"}) {
    EXPECT_TRUE(safe_return_to(good)) << good;
  }
  for (const char* bad : {"", "patient", "//evil.example", "/\\evil.example", "\\\\evil.example",
                          "/a//b", "https://evil.example/", "javascript:alert(1)", "/ space",
                          "/\t/evil.example", "/a\nb", " /", "/\x7f"}) {
    EXPECT_FALSE(safe_return_to(bad)) << bad;
  }
  EXPECT_FALSE(safe_return_to("/" + std::string(2000, 'a')));
}

TEST(OidcIssuer, HttpsAnywherePlainHttpOnlyOnLoopback) {
  for (const char* good : {"https://idp.example", "https://idp.example/realms/x",
                           "http://127.0.0.1:4000", "http://127.1.2.3/oidc",
                           "http://localhost:3000", "http://[::1]:8443/x", "http://LOCALHOST"}) {
    EXPECT_TRUE(issuer_allowed(good)) << good;
  }
  for (const char* bad :
       {"http://idp.example", "http://10.0.0.1", "http://128.0.0.1",
        "http://127.0.0.1.evil.example", "http://localhost.evil.example", "ftp://idp.example",
        "idp.example", "https://", "https://user@idp.example", "https://idp.example?x=1",
        "https://idp.example#f", "http://[::2]", "http://127.0.0.256", "http://127.0.0.1:abc"}) {
    EXPECT_FALSE(issuer_allowed(bad)) << bad;
  }
}

}  // namespace
}  // namespace oppenvard::identity::oidc
