// OpenID Connect log-in end to end: a real oidc-provider (tests/oidc/provider.mjs, node) and
// the real oppenvard binary, walked through with a cookie-keeping HTTP client that follows
// redirects by hand — start, provider log-in and consent (devInteractions), callback, /me.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "db/database.hpp"
#include "support/child_process.hpp"
#include "support/server_process.hpp"

namespace oppenvard::testing {
namespace {

using namespace std::chrono_literals;

// The callback URL registered at the provider and configured in oppenvard. The provider
// redirects the browser there; the test reads code and state from it and calls the server
// under test itself, so the URL need not name the server's (random) port.
constexpr const char* kRedirectUri = "http://127.0.0.1:9/oidc-callback";

struct Response {
  int status = 0;
  std::vector<std::pair<std::string, std::string>> headers;  // lower-case names
  std::string body;
  std::string header(const std::string& name) const {
    for (const auto& [k, v] : headers) {
      if (k == name) return v;
    }
    return "";
  }
};

// HTTP/1.0 over a plain socket (no chunking, the server closes): enough for both peers.
Response exchange(unsigned short port, const std::string& method, const std::string& target,
                  const std::string& body, const std::vector<std::string>& extra_headers) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(port);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd);
    throw std::runtime_error("connect failed to port " + std::to_string(port));
  }
  timeval tv{15, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  std::string request = method + " " + target +
                        " HTTP/1.0\r\nHost: 127.0.0.1:" + std::to_string(port) +
                        "\r\nConnection: close\r\n";
  for (const auto& h : extra_headers) request += h + "\r\n";
  if (!body.empty() || method == "POST") {
    request += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  }
  request += "\r\n" + body;
  for (std::size_t sent = 0; sent < request.size();) {
    const auto n = ::send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;
    sent += static_cast<std::size_t>(n);
  }
  std::string raw;
  char buffer[8192];
  for (;;) {
    const auto n = recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) break;
    raw.append(buffer, static_cast<std::size_t>(n));
  }
  close(fd);
  Response r;
  const auto end = raw.find("\r\n\r\n");
  if (end == std::string::npos) throw std::runtime_error("no HTTP response from " + target);
  r.body = raw.substr(end + 4);
  std::size_t pos = raw.find("\r\n");
  const std::string status_line = raw.substr(0, pos);
  r.status = std::stoi(status_line.substr(status_line.find(' ') + 1, 3));
  while (pos < end) {
    const auto next = raw.find("\r\n", pos + 2);
    const std::string line = raw.substr(pos + 2, next - pos - 2);
    pos = next;
    const auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    std::string name = line.substr(0, colon);
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string value = line.substr(colon + 1);
    while (!value.empty() && value.front() == ' ') value.erase(0, 1);
    r.headers.emplace_back(name, value);
  }
  return r;
}

// A browser, minus the rendering: one cookie jar for both loopback peers (cookies are not
// separated by port), redirects followed by the caller.
class Browser {
 public:
  Response request(unsigned short port, const std::string& method, const std::string& target,
                   const std::string& body = "") {
    std::vector<std::string> headers;
    if (!jar_.empty()) {
      std::string cookie;
      for (const auto& [k, v] : jar_) cookie += (cookie.empty() ? "" : "; ") + k + "=" + v;
      headers.push_back("Cookie: " + cookie);
    }
    if (method == "POST") headers.push_back("Content-Type: application/x-www-form-urlencoded");
    auto r = exchange(port, method, target, body, headers);
    for (const auto& [name, value] : r.headers) {
      if (name != "set-cookie") continue;
      const auto semi = value.find(';');
      const std::string pair = value.substr(0, semi);
      const auto eq = pair.find('=');
      if (eq == std::string::npos) continue;
      const std::string cookie_name = pair.substr(0, eq);
      const std::string cookie_value = pair.substr(eq + 1);
      std::string attrs = semi == std::string::npos ? "" : value.substr(semi);
      for (auto& c : attrs) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (cookie_value.empty() || attrs.find("max-age=0") != std::string::npos ||
          attrs.find("1970") != std::string::npos) {
        jar_.erase(cookie_name);
      } else {
        jar_[cookie_name] = cookie_value;
      }
    }
    return r;
  }
  bool has_cookie(const std::string& name) const { return jar_.contains(name); }
  void forget(const std::string& name) { jar_.erase(name); }

 private:
  std::map<std::string, std::string> jar_;
};

// "http://127.0.0.1:PORT/path?q" or "/path?q" (on `default_port`) → port and target.
std::pair<unsigned short, std::string> split_url(const std::string& url,
                                                 unsigned short default_port) {
  if (url.starts_with("/")) return {default_port, url};
  const std::string prefix = "http://127.0.0.1:";
  if (!url.starts_with(prefix)) throw std::runtime_error("unexpected redirect: " + url);
  const auto slash = url.find('/', prefix.size());
  const auto port = static_cast<unsigned short>(std::stoi(url.substr(prefix.size(), slash)));
  return {port, slash == std::string::npos ? "/" : url.substr(slash)};
}

class ProviderProcess {
 public:
  ProviderProcess()
      : port_(free_port()),
        process_(
            {"/usr/bin/node", source_dir() + "/tests/oidc/provider.mjs"},
            {{"OIDC_PORT", std::to_string(port_)}, {"OIDC_REDIRECT_URI", kRedirectUri}},
            std::filesystem::temp_directory_path() / ("oidc-provider-" + std::to_string(port_))) {
    for (int i = 0; i < 200 && process_.running(); ++i) {
      try {
        if (exchange(port_, "GET", "/.well-known/openid-configuration", "", {}).status == 200) {
          return;
        }
      } catch (const std::exception&) {
      }
      std::this_thread::sleep_for(100ms);
    }
    throw std::runtime_error("oidc-provider did not start: " + process_.output());
  }
  unsigned short port() const { return port_; }
  std::string issuer() const { return "http://127.0.0.1:" + std::to_string(port_); }
  std::string output() const { return process_.output(); }

 private:
  unsigned short port_;
  ChildProcess process_;
};

class OidcLogin : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    provider_ = new ProviderProcess();
    config_ = std::filesystem::temp_directory_path() /
              ("oppenvard-oidc-" + std::to_string(provider_->port()) + ".toml");
    std::ofstream toml(config_);
    auto entry = [&](const char* id, const char* audience, const char* client, const char* secret,
                     const char* claim) {
      toml << "[[identity.oidc]]\n"
           << "id = \"" << id << "\"\n"
           << "audience = \"" << audience << "\"\n"
           << "issuer = \"" << provider_->issuer() << "\"\n"
           << "client_id = \"" << client << "\"\n"
           << "client_secret = \"" << secret << "\"\n"
           << "identity_claim = \"" << claim << "\"\n"
           << "assurance = \"substantial\"\n"
           << "redirect_uri = \"" << kRedirectUri << "\"\n\n";
    };
    entry("test-eid", "patient", "oppenvard-rs", "secret-rs", "personnummer");
    entry("test-staff", "staff", "oppenvard-rs", "secret-rs", "hsa_id");
    entry("test-es", "patient", "oppenvard-es", "secret-es", "personnummer");
    toml.close();
    server_ = new ServerProcess({{"OPPENVARD_CONFIG", config_.string()}});
  }
  static void TearDownTestSuite() {
    delete server_;
    delete provider_;
    std::filesystem::remove(config_);
  }

  struct Walk {
    std::string callback_target;  // the server's callback with the provider's query
    Response callback;            // the server's answer to it
  };

  // Start at the server, log in and consent at the provider; stop at the redirect back.
  std::string to_callback(Browser& browser, const std::string& provider_id,
                          const std::string& login, const std::string& return_to = "/") {
    auto r = browser.request(server_->port(), "GET",
                             "/api/v1/auth/oidc/" + provider_id + "/start?return_to=" + return_to);
    EXPECT_EQ(r.status, 302) << r.body;
    std::string location = r.header("location");
    EXPECT_TRUE(location.starts_with(provider_->issuer() + "/auth?")) << location;
    EXPECT_NE(location.find("code_challenge_method=S256"), std::string::npos);
    for (int hop = 0; hop < 12; ++hop) {
      if (location.starts_with(kRedirectUri)) {
        const auto query = location.substr(location.find('?'));
        return "/api/v1/auth/oidc/" + provider_id + "/callback" + query;
      }
      const auto [port, target] = split_url(location, provider_->port());
      if (target.starts_with("/interaction/")) {
        const auto page = browser.request(port, "GET", target);
        EXPECT_EQ(page.status, 200) << page.body;
        const bool login_prompt =
            page.body.find(R"(name="prompt" value="login")") != std::string::npos;
        r = browser.request(
            port, "POST", target,
            login_prompt ? "prompt=login&login=" + login + "&password=x" : "prompt=consent");
      } else {
        r = browser.request(port, "GET", target);
      }
      EXPECT_TRUE(r.status == 302 || r.status == 303) << target << " → " << r.status << r.body;
      location = r.header("location");
    }
    ADD_FAILURE() << "the provider never redirected back: " << provider_->output();
    return "";
  }

  Walk walk(Browser& browser, const std::string& provider_id, const std::string& login,
            const std::string& return_to = "/") {
    Walk w;
    w.callback_target = to_callback(browser, provider_id, login, return_to);
    w.callback = browser.request(server_->port(), "GET", w.callback_target);
    return w;
  }

  static void expect_refused(const Response& r) {
    EXPECT_EQ(r.status, 302) << r.body;
    EXPECT_EQ(r.header("location"), "/logga-in?error=oidc");
    EXPECT_EQ(r.header("set-cookie"), "");
  }

  // The server's log holds `text` (its lines may reach the file a moment after the answer).
  static bool logged(const std::string& text) {
    for (int i = 0; i < 50; ++i) {
      if (server_->output().find(text) != std::string::npos) return true;
      std::this_thread::sleep_for(100ms);
    }
    return false;
  }

  boost::json::object me(Browser& browser) {
    const auto r = browser.request(server_->port(), "GET", "/api/v1/me");
    EXPECT_EQ(r.status, 200) << r.body;
    if (r.status != 200) return {};
    return boost::json::parse(r.body).as_object();
  }

  static ProviderProcess* provider_;
  static ServerProcess* server_;
  static std::filesystem::path config_;
};
ProviderProcess* OidcLogin::provider_ = nullptr;
ServerProcess* OidcLogin::server_ = nullptr;
std::filesystem::path OidcLogin::config_;

TEST_F(OidcLogin, PatientLogsInWithSubstantialAssuranceAndReturns) {
  Browser browser;
  const auto w = walk(browser, "test-eid", "198403029872", "/patient/meddelanden");
  ASSERT_EQ(w.callback.status, 302) << server_->output();
  EXPECT_EQ(w.callback.header("location"), "/patient/meddelanden");
  const auto cookie = w.callback.header("set-cookie");
  EXPECT_TRUE(cookie.starts_with("__Host-oppenvard_session=")) << cookie;
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("Secure"), std::string::npos);
  const auto body = me(browser);
  ASSERT_FALSE(body.empty());
  EXPECT_EQ(body.at("person").at("kind"), "patient");
  EXPECT_EQ(body.at("person").at("given_name"), "Johan");
  EXPECT_EQ(body.at("person").at("family_name"), "Lindqvist");
  EXPECT_EQ(body.at("assurance"), "substantial");
}

TEST_F(OidcLogin, StaffLogInByHsaId) {
  Browser browser;
  const auto w = walk(browser, "test-staff", "SE2321000131-S000000000201");
  ASSERT_EQ(w.callback.status, 302) << server_->output();
  EXPECT_EQ(w.callback.header("location"), "/");
  const auto body = me(browser);
  ASSERT_FALSE(body.empty());
  EXPECT_EQ(body.at("person").at("kind"), "staff");
  EXPECT_EQ(body.at("assurance"), "substantial");
}

TEST_F(OidcLogin, ReplayedCallbackIsRefused) {
  Browser browser;
  const auto w = walk(browser, "test-eid", "198403029872");
  ASSERT_EQ(w.callback.status, 302);
  ASSERT_NE(w.callback.header("set-cookie"), "");
  Browser attacker;
  expect_refused(attacker.request(server_->port(), "GET", w.callback_target));
  EXPECT_TRUE(logged("reason=unknown__used_or_expired_state")) << server_->output();
}

TEST_F(OidcLogin, WrongNonceIsRefused) {
  Browser browser;
  const auto target = to_callback(browser, "test-eid", "198403029872");
  ASSERT_FALSE(target.empty());
  {
    // The server's own database (SQLite, WAL): the pending log-in now expects another nonce.
    db::Database db({"sqlite:" + server_->data_dir() + "/var/oppenvard.db", 1});
    db.with_session([](soci::session& sql) {
      sql << "UPDATE oidc_login_states SET nonce = 'not-the-nonce-sent'";
    });
  }
  expect_refused(browser.request(server_->port(), "GET", target));
  EXPECT_TRUE(logged("reason=ID_token_rejected:_wrong_nonce")) << server_->output();
  EXPECT_FALSE(browser.has_cookie("__Host-oppenvard_session"));
}

TEST_F(OidcLogin, CrossedStatesAreRefused) {
  // Two log-ins started at once; the code of the first presented with the state of the second
  // (its nonce and PKCE verifier belong to another authorization request).
  Browser browser;
  const auto first = to_callback(browser, "test-eid", "198403029872");
  const auto second = to_callback(browser, "test-eid", "198403029872");
  auto param = [](const std::string& target, const std::string& name) {
    const auto at = target.find(name + "=");
    const auto end = target.find('&', at);
    return target.substr(at, end == std::string::npos ? std::string::npos : end - at);
  };
  const auto crossed =
      "/api/v1/auth/oidc/test-eid/callback?" + param(first, "code") + "&" + param(second, "state");
  expect_refused(browser.request(server_->port(), "GET", crossed));
}

TEST_F(OidcLogin, UnknownKeyIdIsRefusedAfterOneRefetch) {
  Browser browser;
  const auto w = walk(browser, "test-es", "198403029872");
  expect_refused(w.callback);
  EXPECT_TRUE(logged("reason=ID_token_rejected:_unknown_key")) << server_->output();
}

TEST_F(OidcLogin, ProviderErrorAndMissingParametersAreRefused) {
  Browser browser;
  expect_refused(browser.request(server_->port(), "GET",
                                 "/api/v1/auth/oidc/test-eid/callback?error=access_denied"));
  expect_refused(browser.request(server_->port(), "GET", "/api/v1/auth/oidc/test-eid/callback"));
  expect_refused(browser.request(server_->port(), "GET",
                                 "/api/v1/auth/oidc/test-eid/callback?code=x&state=never-issued"));
}

TEST_F(OidcLogin, UnknownProviderIs404AndForeignReturnToIs422) {
  Browser browser;
  const auto unknown = browser.request(server_->port(), "GET", "/api/v1/auth/oidc/nope/start");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(unknown.header("content-type"), "application/problem+json");
  const auto callback =
      browser.request(server_->port(), "GET", "/api/v1/auth/oidc/nope/callback?code=a&state=b");
  EXPECT_EQ(callback.status, 404);
  for (const char* bad : {"//evil.example", "https://evil.example/", "/%5Cevil.example"}) {
    const auto r = browser.request(
        server_->port(), "GET", std::string("/api/v1/auth/oidc/test-eid/start?return_to=") + bad);
    EXPECT_EQ(r.status, 422) << bad;
    EXPECT_EQ(r.header("content-type"), "application/problem+json");
  }
}

}  // namespace
}  // namespace oppenvard::testing
