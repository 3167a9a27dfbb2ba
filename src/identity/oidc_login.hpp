#pragma once
// OpenID Connect log-in (authorization code + PKCE S256) with the region's identity
// providers: the use cases behind /api/v1/auth/oidc/{id}/start and …/callback, and the
// server-side store of state, nonce and PKCE verifier (table oidc_login_states,
// migration identity/0004_oidc) so any node can finish a log-in another node started.
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "db/database.hpp"
#include "http/router.hpp"
#include "identity/oidc_http.hpp"
#include "identity/oidc_rules.hpp"
#include "identity/service.hpp"
#include "identity/store.hpp"

namespace oppenvard::identity::oidc {

inline constexpr std::int64_t kStateLifetimeMs = 10 * 60 * 1000;

struct ProviderConfig {
  std::string id;        // in the URL: /api/v1/auth/oidc/{id}/start
  std::string audience;  // "patient" | "staff"
  std::string issuer;
  std::string client_id;
  std::string client_secret;
  std::string identity_claim;  // "personnummer" for patients, e.g. "hsa_id" for staff
  Assurance assurance = Assurance::substantial;
  std::string redirect_uri;  // empty: derived from the request's Host
  std::string scope = "openid";
};

// Problems with one provider entry (empty when fine); `where` prefixes each message.
std::vector<std::string> check_provider(const ProviderConfig& provider, const std::string& where);

struct PendingLogin {
  std::string provider_id;
  std::string nonce;
  std::string code_verifier;
  std::string return_to;
  std::int64_t created_at_ms = 0;
};

class StateStore {
 public:
  explicit StateStore(db::Database& db) : db_(db) {}
  // Also deletes rows older than the lifetime.
  void insert(const std::string& state_hash, const PendingLogin& login, std::int64_t now_ms);
  // The login behind `state_hash`, deleted on the way (single use); nullopt if unknown,
  // used already or older than the lifetime.
  std::optional<PendingLogin> consume(const std::string& state_hash, std::int64_t now_ms);

 private:
  db::Database& db_;
};

// Why a callback failed: logged (never with personal data or token contents).
class LoginFailed : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Login {
 public:
  Login(std::vector<ProviderConfig> providers, StateStore& states, Store& people, Service& sessions,
        const core::Clock& clock, std::shared_ptr<HttpClient> http);

  bool has_provider(const std::string& id) const;
  std::vector<ProviderConfig> providers() const;
  bool demo_enabled() const;
  // The provider's authorization URL to redirect to. `return_to` must be safe_return_to().
  std::string start(const std::string& id, const std::string& return_to,
                    const std::string& redirect_uri);
  struct Done {
    std::string session_token;
    std::string return_to;
  };
  Done callback(const std::string& id, const std::string& code, const std::string& state,
                const std::string& redirect_uri, const std::string& client);
  const ProviderConfig& provider(const std::string& id) const;

 private:
  struct Discovery {
    std::string authorization_endpoint;
    std::string token_endpoint;
    std::string jwks_uri;
  };
  struct Provider {
    ProviderConfig config;
    std::mutex mutex;
    std::optional<Discovery> discovery;
    std::unique_ptr<JwksCache> keys;
  };
  Discovery discover(Provider& provider);
  Provider& find(const std::string& id) const;
  std::pair<std::string, std::string> person_of(const ProviderConfig& config, const IdToken& token);

  std::map<std::string, std::unique_ptr<Provider>> providers_;
  StateStore& states_;
  Store& people_;
  Service& sessions_;
  const core::Clock& clock_;
  std::shared_ptr<HttpClient> http_;
};

// GET /api/v1/auth/oidc/{id}/start and …/callback. Not registered when no provider is set.
void register_routes(http::Router& router, Login& login);

}  // namespace oppenvard::identity::oidc
