// The only translation unit of OpenID Connect that includes Beast (slow to compile).
#include "identity/oidc_http.hpp"

#include <openssl/ssl.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ssl/host_name_verification.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/url/parse.hpp>

#include "identity/oidc_rules.hpp"

namespace oppenvard::identity::oidc {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

constexpr std::size_t kMaxBody = 1 << 20;

struct Target {
  bool https = false;
  std::string host;  // without brackets
  std::string port;
  std::string target;
  std::string host_header;
};

Target parse_target(const std::string& url) {
  auto parsed = boost::urls::parse_absolute_uri(url);
  if (!parsed) throw HttpFailure("not an absolute URL");
  const auto& u = *parsed;
  Target t;
  if (u.scheme() == "https") {
    t.https = true;
  } else if (u.scheme() != "http") {
    throw HttpFailure("only http and https");
  }
  if (u.has_userinfo()) throw HttpFailure("user info in URL");
  t.host = std::string(u.host_address());
  if (t.host.empty()) throw HttpFailure("no host");
  if (!t.https && !is_loopback_host(t.host)) throw HttpFailure("plain http only to loopback");
  t.port = u.has_port() ? std::string(u.port()) : (t.https ? "443" : "80");
  t.target = std::string(u.encoded_path());
  if (t.target.empty()) t.target = "/";
  if (u.has_query()) t.target += "?" + std::string(u.encoded_query());
  t.host_header = std::string(u.encoded_host_and_port());
  return t;
}

class BeastClient final : public HttpClient {
 public:
  explicit BeastClient(std::chrono::milliseconds timeout) : timeout_(timeout) {
    ssl_.set_default_verify_paths();
    ssl_.set_verify_mode(asio::ssl::verify_peer);
  }

  HttpResponse get(const std::string& url) override {
    bhttp::request<bhttp::string_body> req{bhttp::verb::get, "", 11};
    return send(url, req);
  }

  HttpResponse post_form(const std::string& url, const std::string& form,
                         const std::string& authorization) override {
    bhttp::request<bhttp::string_body> req{bhttp::verb::post, "", 11};
    req.set(bhttp::field::content_type, "application/x-www-form-urlencoded");
    if (!authorization.empty()) req.set(bhttp::field::authorization, authorization);
    req.body() = form;
    req.prepare_payload();
    return send(url, req);
  }

 private:
  template <class Stream>
  HttpResponse exchange(Stream& stream, beast::tcp_stream& lowest,
                        bhttp::request<bhttp::string_body>& req) {
    lowest.expires_after(timeout_);
    bhttp::write(stream, req);
    beast::flat_buffer buffer;
    bhttp::response_parser<bhttp::string_body> parser;
    parser.body_limit(kMaxBody);
    bhttp::read(stream, buffer, parser);
    const auto& res = parser.get();
    return {static_cast<int>(res.result_int()), res.body()};
  }

  HttpResponse send(const std::string& url, bhttp::request<bhttp::string_body>& req) {
    const Target t = parse_target(url);
    req.target(t.target);
    req.set(bhttp::field::host, t.host_header);
    req.set(bhttp::field::user_agent, "oppenvard");
    req.set(bhttp::field::accept, "application/json");
    req.set(bhttp::field::connection, "close");
    try {
      asio::io_context io;
      tcp::resolver resolver(io);
      const auto endpoints = resolver.resolve(t.host, t.port);
      if (!t.https) {
        beast::tcp_stream stream(io);
        stream.expires_after(timeout_);
        stream.connect(endpoints);
        auto out = exchange(stream, stream, req);
        beast::error_code ignored;
        stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
        return out;
      }
      beast::ssl_stream<beast::tcp_stream> stream(io, ssl_);
      if (!SSL_set_tlsext_host_name(stream.native_handle(), t.host.c_str())) {
        throw HttpFailure("TLS SNI failed");
      }
      stream.set_verify_callback(asio::ssl::host_name_verification(t.host));
      auto& lowest = beast::get_lowest_layer(stream);
      lowest.expires_after(timeout_);
      lowest.connect(endpoints);
      stream.handshake(asio::ssl::stream_base::client);
      auto out = exchange(stream, lowest, req);
      beast::error_code ignored;
      stream.shutdown(ignored);
      return out;
    } catch (const HttpFailure&) {
      throw;
    } catch (const std::exception& e) {
      throw HttpFailure(std::string("request failed: ") + e.what());
    }
  }

  std::chrono::milliseconds timeout_;
  asio::ssl::context ssl_{asio::ssl::context::tls_client};
};

}  // namespace

std::unique_ptr<HttpClient> make_http_client(std::chrono::milliseconds timeout) {
  return std::make_unique<BeastClient>(timeout);
}

}  // namespace oppenvard::identity::oidc
