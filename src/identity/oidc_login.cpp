#include "identity/oidc_login.hpp"

#include <sodium.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <boost/json.hpp>
#include <boost/json/value.hpp>

#include "core/hsa_id.hpp"
#include "core/personal_id.hpp"
#include "core/time.hpp"
#include "http/problem.hpp"

namespace oppenvard::identity::oidc {
namespace {

namespace json = boost::json;

constexpr std::string_view kInsertState =
    "INSERT INTO oidc_login_states (state_hash, provider_id, nonce, code_verifier, return_to,"
    " created_at_ms) VALUES (:hash, :provider, :nonce, :verifier, :return_to, :now)";
constexpr std::string_view kPurgeStates =
    "DELETE FROM oidc_login_states WHERE created_at_ms < :oldest";
constexpr std::string_view kSelectState =
    "SELECT provider_id, nonce, code_verifier, return_to, created_at_ms FROM oidc_login_states"
    " WHERE state_hash = :hash";
constexpr std::string_view kDeleteState = "DELETE FROM oidc_login_states WHERE state_hash = :hash";

std::string sha256_hex(std::string_view text) {
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(text.data()),
                     text.size());
  std::string hex(digest.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
  hex.pop_back();
  return hex;
}

std::string base64(std::string_view text) {
  std::string out(sodium_base64_ENCODED_LEN(text.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(text.data()),
                    text.size(), sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.find('\0'));
  return out;
}

// application/x-www-form-urlencoded (RFC 6749 appendix B uses it for client credentials).
std::string form_encode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '.' || c == '_' || c == '~') {
      out += c;
    } else {
      out += '%';
      out += kHex[u >> 4];
      out += kHex[u & 15];
    }
  }
  return out;
}

std::string form(std::initializer_list<std::pair<std::string_view, std::string_view>> fields) {
  std::string out;
  for (const auto& [name, value] : fields) {
    if (!out.empty()) out += '&';
    out += form_encode(name);
    out += '=';
    out += form_encode(value);
  }
  return out;
}

json::object json_object(const HttpResponse& response, const char* what) {
  if (response.status != 200) {
    throw LoginFailed(std::string(what) + " answered HTTP " + std::to_string(response.status));
  }
  boost::system::error_code ec;
  auto value = json::parse(response.body, ec);
  if (ec || !value.is_object()) throw LoginFailed(std::string(what) + " is not a JSON object");
  return std::move(value.as_object());
}

std::string string_field(const json::object& object, std::string_view name, const char* what) {
  const auto* v = object.if_contains(name);
  if (v == nullptr || !v->is_string() || v->as_string().empty()) {
    throw LoginFailed(std::string(what) + " lacks " + std::string(name));
  }
  return std::string(v->as_string());
}

bool valid_id(std::string_view id) {
  return !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
  });
}

}  // namespace

std::vector<std::string> check_provider(const ProviderConfig& p, const std::string& where) {
  std::vector<std::string> errors;
  auto fail = [&](const std::string& what) { errors.push_back(where + what); };
  if (!valid_id(p.id)) fail("id: 1–64 characters a-z 0-9 - _");
  if (p.audience != "patient" && p.audience != "staff") fail("audience: \"patient\" or \"staff\"");
  if (!issuer_allowed(p.issuer)) {
    fail("issuer: an https URL (plain http only on 127.0.0.0/8, ::1 or localhost)");
  }
  if (p.client_id.empty()) fail("client_id: required");
  if (p.client_secret.empty()) fail("client_secret: required");
  if (p.identity_claim.empty()) fail("identity_claim: required");
  if (!p.redirect_uri.empty() &&
      !(p.redirect_uri.starts_with("https://") || p.redirect_uri.starts_with("http://"))) {
    fail("redirect_uri: an absolute http(s) URL");
  }
  if (p.scope.find("openid") == std::string::npos) fail("scope: must include openid");
  return errors;
}

void StateStore::insert(const std::string& state_hash, const PendingLogin& login,
                        std::int64_t now_ms) {
  const long long oldest = now_ms - kStateLifetimeMs;
  const long long now = now_ms;
  db_.transaction([&](soci::session& sql) {
    sql << kPurgeStates, soci::use(oldest, "oldest");
    sql << kInsertState, soci::use(state_hash, "hash"), soci::use(login.provider_id, "provider"),
        soci::use(login.nonce, "nonce"), soci::use(login.code_verifier, "verifier"),
        soci::use(login.return_to, "return_to"), soci::use(now, "now");
  });
}

std::optional<PendingLogin> StateStore::consume(const std::string& state_hash,
                                                std::int64_t now_ms) {
  return db_.transaction([&](soci::session& sql) -> std::optional<PendingLogin> {
    PendingLogin login;
    long long created = 0;
    soci::indicator ind = soci::i_null;
    sql << kSelectState, soci::use(state_hash, "hash"), soci::into(login.provider_id),
        soci::into(login.nonce), soci::into(login.code_verifier), soci::into(login.return_to),
        soci::into(created, ind);
    if (!sql.got_data() || ind != soci::i_ok) return std::nullopt;
    soci::statement st = (sql.prepare << kDeleteState, soci::use(state_hash, "hash"));
    st.execute(true);
    if (st.get_affected_rows() != 1) return std::nullopt;  // another node took it first
    login.created_at_ms = created;
    if (now_ms - created >= kStateLifetimeMs || created > now_ms + 60'000) return std::nullopt;
    return login;
  });
}

Login::Login(std::vector<ProviderConfig> providers, StateStore& states, Store& people,
             Service& sessions, const core::Clock& clock, std::shared_ptr<HttpClient> http)
    : states_(states), people_(people), sessions_(sessions), clock_(clock), http_(std::move(http)) {
  for (auto& config : providers) {
    auto provider = std::make_unique<Provider>();
    provider->config = std::move(config);
    Provider* raw = provider.get();
    provider->keys = std::make_unique<JwksCache>([this, raw] {
      const auto discovery = discover(*raw);
      const auto response = http_->get(discovery.jwks_uri);
      if (response.status != 200)
        throw LoginFailed("JWKS answered HTTP " + std::to_string(response.status));
      return response.body;
    });
    providers_.emplace(raw->config.id, std::move(provider));
  }
}

bool Login::has_provider(const std::string& id) const {
  return providers_.contains(id);
}

std::vector<ProviderConfig> Login::providers() const {
  std::vector<ProviderConfig> out;
  for (const auto& [id, provider] : providers_) out.push_back(provider->config);
  return out;
}

bool Login::demo_enabled() const {
  return sessions_.demo_enabled();
}

Login::Provider& Login::find(const std::string& id) const {
  const auto it = providers_.find(id);
  if (it == providers_.end()) {
    throw http::Problem(http::ProblemKind::not_found, "No identity provider has this id.");
  }
  return *it->second;
}

const ProviderConfig& Login::provider(const std::string& id) const {
  return find(id).config;
}

Login::Discovery Login::discover(Provider& provider) {
  {
    std::lock_guard lock(provider.mutex);
    if (provider.discovery) return *provider.discovery;
  }
  std::string issuer = provider.config.issuer;
  while (issuer.ends_with('/')) issuer.pop_back();
  const auto doc =
      json_object(http_->get(issuer + "/.well-known/openid-configuration"), "discovery");
  if (string_field(doc, "issuer", "discovery") != provider.config.issuer) {
    throw LoginFailed("discovery names another issuer");
  }
  Discovery d{string_field(doc, "authorization_endpoint", "discovery"),
              string_field(doc, "token_endpoint", "discovery"),
              string_field(doc, "jwks_uri", "discovery")};
  for (const auto* url : {&d.authorization_endpoint, &d.token_endpoint, &d.jwks_uri}) {
    if (!issuer_allowed(*url)) throw LoginFailed("discovery endpoint not allowed");
  }
  std::lock_guard lock(provider.mutex);
  provider.discovery = d;
  return d;
}

std::string Login::start(const std::string& id, const std::string& return_to,
                         const std::string& redirect_uri) {
  auto& provider = find(id);
  const auto discovery = discover(provider);
  const std::string state = random_token();
  PendingLogin pending{id, random_token(), random_token(), return_to, clock_.now_ms()};
  states_.insert(sha256_hex(state), pending, pending.created_at_ms);
  const auto challenge = pkce_s256(pending.code_verifier);
  std::string url = discovery.authorization_endpoint;
  url += url.find('?') == std::string::npos ? '?' : '&';
  url += form({{"response_type", "code"},
               {"client_id", provider.config.client_id},
               {"redirect_uri", redirect_uri},
               {"scope", provider.config.scope},
               {"state", state},
               {"nonce", pending.nonce},
               {"code_challenge", challenge},
               {"code_challenge_method", "S256"}});
  return url;
}

std::pair<std::string, std::string> Login::person_of(const ProviderConfig& config,
                                                     const IdToken& token) {
  const auto value = token.string_claim(config.identity_claim);
  if (!value) throw LoginFailed("ID token lacks the identity claim");
  if (config.audience == "patient") {
    const auto today = core::stockholm_date(clock_.now_ms());
    const auto parsed = core::parse_personal_id(*value, today);
    if (value->size() != 12 || !parsed) throw LoginFailed("identity claim is no personal id");
    const auto patient =
        people_.find_patient(std::string(core::system_oid(parsed.value().kind)), *value);
    if (!patient) throw LoginFailed("no patient has this personal id");
    return {"patient", patient->id};
  }
  if (!core::is_valid_hsa_id(*value)) throw LoginFailed("identity claim is no HSA-id");
  const auto staff = people_.find_staff_by_hsa_id(*value);
  if (!staff) throw LoginFailed("no staff member has this HSA-id");
  return {"staff", staff->id};
}

Login::Done Login::callback(const std::string& id, const std::string& code,
                            const std::string& state, const std::string& redirect_uri,
                            const std::string& client) {
  auto& provider = find(id);
  const auto pending = states_.consume(sha256_hex(state), clock_.now_ms());
  if (!pending) throw LoginFailed("unknown, used or expired state");
  if (pending->provider_id != id) throw LoginFailed("state belongs to another provider");
  const auto& config = provider.config;
  const auto discovery = discover(provider);
  const auto response = http_->post_form(
      discovery.token_endpoint,
      form({{"grant_type", "authorization_code"},
            {"code", code},
            {"redirect_uri", redirect_uri},
            {"code_verifier", pending->code_verifier}}),
      "Basic " + base64(form_encode(config.client_id) + ":" + form_encode(config.client_secret)));
  const auto tokens = json_object(response, "token endpoint");
  const auto id_token = string_field(tokens, "id_token", "token response");
  IdToken token;
  try {
    token = validate_id_token(
        id_token, *provider.keys,
        {config.issuer, config.client_id, pending->nonce, clock_.now_ms() / 1000, kClockSkewS});
  } catch (const TokenRejected& e) {
    throw LoginFailed(e.what());
  }
  const auto [kind, person_id] = person_of(config, token);
  try {
    return {sessions_.log_in_external(kind, person_id, config.assurance, client),
            pending->return_to};
  } catch (const IdentityError& e) {
    throw LoginFailed(e.error() == Error::under_13 ? "under 13" : "person refused");
  }
}

namespace {

http::Response redirect(const std::string& location) {
  http::Response response;
  response.status = 302;
  response.set_header("Location", location);
  return response;
}

http::Response failed(const std::string& provider_id, const std::string& reason,
                      const http::Request& request) {
  // One token per value: the log line is JSON and its message must need no escaping.
  std::string slug = reason;
  for (auto& c : slug) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       c == '-' || c == '.' || c == ':' || c == '/';
    if (!plain) c = '_';
  }
  spdlog::warn("oidc log-in failed provider={} reason={} request_id={}", provider_id, slug,
               request.request_id);
  return redirect("/logga-in?error=oidc");
}

std::string redirect_uri_for(const ProviderConfig& config, const http::Request& request) {
  if (!config.redirect_uri.empty()) return config.redirect_uri;
  std::string host(request.header("host").value_or("localhost"));
  const auto colon = host.rfind(':');
  std::string name =
      colon == std::string::npos || host.ends_with(']') ? host : host.substr(0, colon);
  const bool loopback = is_loopback_host(name);
  return std::string(loopback ? "http://" : "https://") + host + "/api/v1/auth/oidc/" + config.id +
         "/callback";
}

}  // namespace

void register_routes(http::Router& router, Login& login) {
  // What the log-in page offers: the configured identity providers (never their secrets),
  // the demo e-ID in demo mode, and staff password + TOTP.
  router.add("GET", "/api/v1/auth/methods",
             [&login](http::Request&) {
               boost::json::array providers;
               for (const auto& p : login.providers()) {
                 providers.push_back({{"id", p.id},
                                      {"audience", p.audience},
                                      {"start", "/api/v1/auth/oidc/" + p.id + "/start"}});
               }
               return http::Response::json(boost::json::object{{"oidc", std::move(providers)},
                                                               {"demo", login.demo_enabled()},
                                                               {"staff_password", true}});
             },
             {.blocking = false});

  router.add("GET", "/api/v1/auth/oidc/{id}/start", [&login](http::Request& request) {
    const std::string id(request.param("id"));
    const auto& config = login.provider(id);  // 404 for an unknown provider
    const std::string return_to(request.query_param("return_to").value_or("/"));
    if (!safe_return_to(return_to)) {
      throw http::Problem(http::ProblemKind::invalid_field,
                          "return_to must be a path on this site.",
                          {{"return_to", "must start with a single /"}});
    }
    try {
      return redirect(login.start(id, return_to, redirect_uri_for(config, request)));
    } catch (const LoginFailed& e) {
      return failed(id, e.what(), request);
    } catch (const HttpFailure& e) {
      return failed(id, e.what(), request);
    }
  });

  router.add("GET", "/api/v1/auth/oidc/{id}/callback", [&login](http::Request& request) {
    const std::string id(request.param("id"));
    const auto& config = login.provider(id);
    if (const auto error = request.query_param("error")) {
      return failed(id, "provider answered an error", request);
    }
    const auto code = request.query_param("code");
    const auto state = request.query_param("state");
    if (!code || !state || code->empty() || state->empty() || state->size() > 128 ||
        code->size() > 2048) {
      return failed(id, "callback without code or state", request);
    }
    try {
      auto done = login.callback(id, std::string(*code), std::string(*state),
                                 redirect_uri_for(config, request), request.remote_address);
      auto response = redirect(done.return_to);
      response.set_header("Set-Cookie", std::string(kSessionCookie) + "=" + done.session_token +
                                            "; Path=/; HttpOnly; Secure; SameSite=Lax");
      return response;
    } catch (const LoginFailed& e) {
      return failed(id, e.what(), request);
    } catch (const HttpFailure& e) {
      return failed(id, e.what(), request);
    }
  });
}

}  // namespace oppenvard::identity::oidc
