#include <gtest/gtest.h>

#include "db/testing.hpp"
#include "identity/oidc_login.hpp"

namespace oppenvard::identity::oidc {
namespace {

class OidcStateStoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    scratch_.db().transaction([](soci::session& sql) {
      sql << "CREATE TABLE care_units (id TEXT PRIMARY KEY, name TEXT NOT NULL)";
    });
    db::migrate(scratch_.db(), migrations());
  }
  db::testing::ScratchDatabase scratch_{GetParam()};
  StateStore states_{scratch_.db()};
};

constexpr std::int64_t kNow = 1'790'000'000'000;

TEST_P(OidcStateStoreTest, AStateIsUsedOnce) {
  states_.insert("hash-1", {"patient-eid", "nonce-1", "verifier-1", "/patient", 0}, kNow);
  const auto login = states_.consume("hash-1", kNow + 1000);
  ASSERT_TRUE(login);
  EXPECT_EQ(login->provider_id, "patient-eid");
  EXPECT_EQ(login->nonce, "nonce-1");
  EXPECT_EQ(login->code_verifier, "verifier-1");
  EXPECT_EQ(login->return_to, "/patient");
  EXPECT_EQ(login->created_at_ms, kNow);
  EXPECT_FALSE(states_.consume("hash-1", kNow + 2000));  // replay
  EXPECT_FALSE(states_.consume("never-issued", kNow));
}

TEST_P(OidcStateStoreTest, AStateLivesTenMinutes) {
  states_.insert("young", {"p", "n", "v", "/", 0}, kNow);
  states_.insert("old", {"p", "n", "v", "/", 0}, kNow);
  EXPECT_TRUE(states_.consume("young", kNow + kStateLifetimeMs - 1));
  EXPECT_FALSE(states_.consume("old", kNow + kStateLifetimeMs));
}

TEST_P(OidcStateStoreTest, OldStatesAreSweptOnInsert) {
  states_.insert("old", {"p", "n", "v", "/", 0}, kNow);
  states_.insert("new", {"p", "n", "v", "/", 0}, kNow + kStateLifetimeMs + 1);
  const auto count = scratch_.db().with_session([](soci::session& sql) {
    int n = 0;
    sql << "SELECT COUNT(*) FROM oidc_login_states", soci::into(n);
    return n;
  });
  EXPECT_EQ(count, 1);
}

TEST(OidcProviderConfig, ChecksEveryField) {
  ProviderConfig good{"patient-eid", "patient", "https://idp.example",
                      "client",      "secret",  "personnummer"};
  EXPECT_TRUE(check_provider(good, "").empty());
  auto bad = good;
  bad.id = "Has Spaces";
  bad.audience = "admin";
  bad.issuer = "http://idp.example";
  bad.client_id.clear();
  bad.client_secret.clear();
  bad.identity_claim.clear();
  bad.redirect_uri = "ftp://x";
  bad.scope = "profile";
  EXPECT_EQ(check_provider(bad, "identity.oidc[0].").size(), 8u);
  auto loopback = good;
  loopback.issuer = "http://127.0.0.1:4000";
  EXPECT_TRUE(check_provider(loopback, "").empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, OidcStateStoreTest, ::testing::ValuesIn(db::testing::backends()),
                         db::testing::BackendName{});

}  // namespace
}  // namespace oppenvard::identity::oidc
