#pragma once
// The outbound HTTP client of OpenID Connect log-in (discovery, JWKS, token endpoint).
// Blocking: call it on the blocking pool only. The implementation (Boost.Beast, OpenSSL) is
// in oidc_http.cpp alone, so nothing else compiles Beast.
#include <chrono>
#include <memory>
#include <stdexcept>
#include <string>

namespace oppenvard::identity::oidc {

struct HttpResponse {
  int status = 0;
  std::string body;
};

// A request that could not be made: refused URL, DNS, connect, TLS, timeout, too large.
class HttpFailure : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class HttpClient {
 public:
  virtual ~HttpClient() = default;
  virtual HttpResponse get(const std::string& url) = 0;
  // POST application/x-www-form-urlencoded; `authorization` is a whole header value or "".
  virtual HttpResponse post_form(const std::string& url, const std::string& form,
                                 const std::string& authorization) = 0;
};

// https with certificate and host-name verification against the system CAs; plain http only
// to loopback hosts. No redirects are followed; bodies over 1 MiB are refused.
std::unique_ptr<HttpClient> make_http_client(
    std::chrono::milliseconds timeout = std::chrono::seconds(10));

}  // namespace oppenvard::identity::oidc
