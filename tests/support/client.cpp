#include "support/client.hpp"

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/json.hpp>

#include <algorithm>
#include <thread>

namespace oppenvard::testing {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
namespace websocket = beast::websocket;
using tcp = net::ip::tcp;

std::string HttpResult::header(const std::string& lower_name) const {
  const auto it = headers.find(lower_name);
  return it == headers.end() ? "" : it->second;
}

boost::json::value HttpResult::json() const {
  return boost::json::parse(body);
}

HttpResult http_request(unsigned short port, const std::string& method, const std::string& target,
                        const std::string& body,
                        const std::map<std::string, std::string>& headers) {
  net::io_context ioc;
  beast::tcp_stream stream(ioc);
  stream.expires_after(std::chrono::seconds(30));
  stream.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
  bhttp::request<bhttp::string_body> req{bhttp::string_to_verb(method), target, 11};
  req.set(bhttp::field::host, "127.0.0.1");
  for (const auto& h : headers) req.set(h.first, h.second);
  req.body() = body;
  req.prepare_payload();
  bhttp::write(stream, req);
  beast::flat_buffer buffer;
  bhttp::response_parser<bhttp::string_body> parser;
  parser.body_limit(64 * 1024 * 1024);
  parser.skip(method == "HEAD");
  bhttp::read(stream, buffer, parser);
  const auto& res = parser.get();
  HttpResult result;
  result.status = static_cast<int>(res.result_int());
  for (const auto& field : res) {
    std::string name(field.name_string());
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    result.headers[name] = std::string(field.value());
  }
  result.body = res.body();
  beast::error_code ec;
  stream.socket().shutdown(tcp::socket::shutdown_both, ec);
  return result;
}

std::string raw_exchange(unsigned short port, const std::string& bytes,
                         std::chrono::milliseconds wait) {
  net::io_context ioc;
  tcp::socket socket(ioc);
  socket.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
  beast::error_code ec;
  net::write(socket, net::buffer(bytes), ec);
  std::string answer;
  std::array<char, 4096> chunk{};
  net::steady_timer timer(ioc, wait);
  timer.async_wait([&](const beast::error_code& e) {
    if (!e) socket.close();
  });
  std::function<void()> read_more = [&] {
    socket.async_read_some(net::buffer(chunk), [&](const beast::error_code& e, std::size_t n) {
      answer.append(chunk.data(), n);
      if (e) {
        timer.cancel();
        return;
      }
      read_more();
    });
  };
  read_more();
  ioc.run();
  return answer;
}

std::string demo_log_in_set_cookie(unsigned short port, const std::string& name) {
  const auto people = http_request(port, "GET", "/api/v1/auth/demo/people").json();
  std::string id;
  for (const auto& p : people.at("items").as_array()) {
    if (p.at("name").as_string() == name) id = std::string(p.at("id").as_string());
  }
  if (id.empty()) return "";
  const std::map<std::string, std::string> headers{{"Content-Type", "application/json"},
                                                   {"X-CSRF-Token", "anonymous"}};
  const auto order = http_request(port, "POST", "/api/v1/auth/demo/start",
                                  R"({"person_id":")" + id + "\"}", headers)
                         .json();
  const std::string ref(order.at("order_ref").as_string());
  for (int i = 0; i < 50; ++i) {
    const auto r = http_request(port, "POST", "/api/v1/auth/demo/collect",
                                R"({"order_ref":")" + ref + "\"}", headers);
    if (r.json().at("status") == "complete") return r.header("set-cookie");
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return "";
}

DemoSession demo_session(unsigned short port, const std::string& name) {
  DemoSession s;
  if (name.empty()) return s;
  const auto set_cookie = demo_log_in_set_cookie(port, name);
  if (set_cookie.empty()) throw std::runtime_error("demo log-in failed for " + name);
  s.cookie = set_cookie.substr(0, set_cookie.find(';'));
  const auto me = http_request(port, "GET", "/api/v1/me", "", {{"Cookie", s.cookie}}).json();
  s.csrf = std::string(me.at("csrf_token").as_string());
  return s;
}

HttpResult session_request(unsigned short port, const DemoSession& session,
                           const std::string& method, const std::string& target,
                           const std::string& body, const std::string& content_type) {
  std::map<std::string, std::string> headers{{"X-CSRF-Token", session.csrf}};
  if (!session.cookie.empty()) headers["Cookie"] = session.cookie;
  if (method != "GET" && method != "HEAD") headers["Content-Type"] = content_type;
  return http_request(port, method, target, method == "GET" ? "" : body, headers);
}

struct WebSocketClient::Impl {
  net::io_context ioc;
  websocket::stream<beast::tcp_stream> ws{ioc};
  bool closed = false;
};

WebSocketClient::WebSocketClient(unsigned short port, const std::string& path)
    : impl_(std::make_unique<Impl>()) {
  beast::get_lowest_layer(impl_->ws).connect(
      tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
  impl_->ws.handshake("127.0.0.1", path);
}

WebSocketClient::~WebSocketClient() {
  beast::error_code ec;
  if (!impl_->closed) {
    beast::get_lowest_layer(impl_->ws).expires_after(std::chrono::seconds(2));
    impl_->ws.close(websocket::close_code::normal, ec);
  }
}

void WebSocketClient::send(const std::string& text) {
  impl_->ws.text(true);
  impl_->ws.write(net::buffer(text));
}

std::optional<std::string> WebSocketClient::receive(std::chrono::milliseconds timeout) {
  if (impl_->closed) return std::nullopt;
  beast::flat_buffer buffer;
  std::optional<std::string> out;
  impl_->ioc.restart();
  net::steady_timer timer(impl_->ioc, timeout);
  bool timed_out = false;
  timer.async_wait([&](const beast::error_code& e) {
    if (!e) {
      timed_out = true;
      beast::get_lowest_layer(impl_->ws).cancel();
    }
  });
  impl_->ws.async_read(buffer, [&](const beast::error_code& e, std::size_t) {
    timer.cancel();
    if (!e) {
      out = beast::buffers_to_string(buffer.data());
    } else if (!timed_out) {
      impl_->closed = true;
    }
  });
  impl_->ioc.run();
  if (timed_out) impl_->closed = true;  // a cancelled read leaves the stream unusable
  return out;
}

std::optional<boost::json::value> WebSocketClient::receive_json(std::chrono::milliseconds timeout) {
  auto text = receive(timeout);
  if (!text) return std::nullopt;
  return boost::json::parse(*text);
}

bool WebSocketClient::closed() const {
  return impl_->closed;
}

}  // namespace oppenvard::testing
