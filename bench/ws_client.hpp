#pragma once
// The client side of /api/v1/ws, shared by both ws_bench modes: open a connection, wait for
// the hello, subscribe. Everything runs on one io_context thread with async operations.
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/json.hpp>

#include <chrono>
#include <memory>
#include <string>
#include <string_view>

namespace oppenvard::bench {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
using tcp = net::ip::tcp;
using Clock = std::chrono::steady_clock;
using WebSocket = websocket::stream<tcp::socket>;
inline constexpr auto kTuple = net::as_tuple(net::use_awaitable);
inline constexpr std::string_view kWebSocketPath = "/api/v1/ws";

struct Client {
  explicit Client(const net::any_io_executor& executor) : ws(executor) {}
  WebSocket ws;
  beast::flat_buffer buffer;
};

// Takes the message in `buffer` out as text.
inline std::string take_text(beast::flat_buffer& buffer) {
  std::string text = beast::buffers_to_string(buffer.data());
  buffer.consume(buffer.size());
  return text;
}

// The "type" of a JSON frame; empty when it is not an object with a string "type".
inline std::string frame_type(std::string_view text) {
  boost::system::error_code ec;
  const auto value = boost::json::parse(text, ec);
  if (ec || !value.is_object()) return {};
  const auto* type = value.as_object().if_contains("type");
  if (type == nullptr || !type->is_string()) return {};
  return std::string(type->get_string());
}

// The steps of open_client, without the deadline. Returns "" or "step: why".
inline net::awaitable<std::string> open_steps(Client& client, tcp::endpoint endpoint,
                                              std::string topic) {
  auto& ws = client.ws;
  auto [connect_ec] = co_await ws.next_layer().async_connect(endpoint, kTuple);
  if (connect_ec) co_return "connect: " + connect_ec.message();
  boost::system::error_code ignored;
  ws.next_layer().set_option(tcp::no_delay(true), ignored);

  const std::string host = "127.0.0.1:" + std::to_string(endpoint.port());
  auto [upgrade_ec] = co_await ws.async_handshake(host, kWebSocketPath, kTuple);
  if (upgrade_ec) co_return "upgrade: " + upgrade_ec.message();

  auto [hello_ec, hello_bytes] = co_await ws.async_read(client.buffer, kTuple);
  if (hello_ec) co_return "hello: " + hello_ec.message();
  if (frame_type(take_text(client.buffer)) != "hello") co_return "hello: another frame came first";
  if (topic.empty()) co_return std::string();

  const std::string request = boost::json::serialize(
      boost::json::object{{"type", "subscribe"}, {"topic", topic}, {"id", 1}});
  ws.text(true);
  auto [write_ec, written] = co_await ws.async_write(net::buffer(request), kTuple);
  if (write_ec) co_return "subscribe: " + write_ec.message();
  auto [reply_ec, reply_bytes] = co_await ws.async_read(client.buffer, kTuple);
  if (reply_ec) co_return "subscribed: " + reply_ec.message();
  const std::string reply = take_text(client.buffer);
  if (frame_type(reply) != "subscribed") co_return "subscribed: the server answered " + reply;
  co_return std::string();
}

// Opens one client: TCP connect, upgrade, the server's hello and, when `topic` is not empty,
// a subscription. `timeout` bounds all of it. Returns "" on success, else "step: why".
inline net::awaitable<std::string> open_client(Client& client, tcp::endpoint endpoint,
                                               std::string topic, Clock::duration timeout) {
  struct Guard {
    bool finished = false;
    bool fired = false;
  };
  auto guard = std::make_shared<Guard>();
  net::steady_timer timer(client.ws.get_executor(), timeout);
  // Single-threaded: once `finished` is set the handler never touches the client again.
  timer.async_wait([&client, guard](const boost::system::error_code& ec) {
    if (ec || guard->finished) return;
    guard->fired = true;
    boost::system::error_code ignored;
    client.ws.next_layer().close(ignored);
  });
  std::string error = co_await open_steps(client, endpoint, std::move(topic));
  guard->finished = true;
  timer.cancel();
  if (guard->fired) error = "timeout (" + error + ")";
  co_return error;
}

}  // namespace oppenvard::bench
