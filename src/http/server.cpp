#include "http/server.hpp"

#include <spdlog/spdlog.h>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/json.hpp>
#include <boost/url/parse.hpp>

#include <atomic>
#include <deque>
#include <mutex>
#include <thread>
#include <unordered_map>

#include "http/problem.hpp"
#include "http/static_files.hpp"

namespace oppenvard::http {
namespace {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
namespace websocket = beast::websocket;
using tcp = net::ip::tcp;
using net::awaitable;
constexpr auto kTuple = net::as_tuple(net::use_awaitable);
using Clock = std::chrono::steady_clock;

constexpr std::string_view kWebSocketPath = "/api/v1/ws";
constexpr std::size_t kHeaderLimit = 16 * 1024;
constexpr std::size_t kWebSocketMessageLimit = 64 * 1024;
constexpr std::size_t kWebSocketQueueLimit = 1024;

// Sent on every response: the app needs nothing looser, and meetings will need camera and
// microphone on our own origin only.
const std::pair<std::string_view, std::string_view> kSecurityHeaders[] = {
    {"Content-Security-Policy",
     "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
     "media-src 'self' blob:; connect-src 'self'; font-src 'self'; object-src 'none'; "
     "frame-ancestors 'none'; base-uri 'self'; form-action 'self'"},
    {"X-Content-Type-Options", "nosniff"},
    {"X-Frame-Options", "DENY"},
    {"Referrer-Policy", "no-referrer"},
    {"Permissions-Policy",
     "camera=(self), microphone=(self), display-capture=(self), geolocation=()"},
    {"Cross-Origin-Opener-Policy", "same-origin"},
    {"Cross-Origin-Resource-Policy", "same-origin"},
};

std::string make_request_id(const bhttp::request<bhttp::string_body>& req) {
  const auto given = req["X-Request-Id"];
  if (!given.empty() && given.size() <= 64 && std::all_of(given.begin(), given.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
      })) {
    return std::string(given);
  }
  static std::atomic<std::uint64_t> counter{0};
  static const std::uint64_t boot =
      static_cast<std::uint64_t>(std::chrono::system_clock::now().time_since_epoch().count());
  return fmt::format("{:x}-{:x}", boot & 0xffffffffff, counter.fetch_add(1) + 1);
}

// Translates Beast's request into the capability-facing Request.
std::optional<Request> translate(bhttp::request<bhttp::string_body>& req, const std::string& remote,
                                 std::string request_id) {
  auto parsed = boost::urls::parse_origin_form(req.target());
  if (!parsed) return std::nullopt;
  Request out;
  out.method = std::string(req.method_string());
  out.target = std::string(req.target());
  out.path = parsed->path();
  if (out.path.empty()) out.path = "/";
  for (auto param : parsed->params()) out.query.emplace_back(param.key, param.value);
  for (const auto& field : req) {
    std::string name(field.name_string());
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    out.headers.emplace_back(std::move(name), std::string(field.value()));
  }
  out.body = std::move(req.body());
  out.remote_address = remote;
  out.request_id = std::move(request_id);
  return out;
}

struct Connection {
  std::function<void()> cancel;  // runs on the connection's own executor
};

}  // namespace

class Server::Impl {
 public:
  Impl(ServerConfig config, Router& router, Hub& hub, std::function<bool()> ready)
      : config_(std::move(config)),
        router_(router),
        hub_(hub),
        ready_(std::move(ready)),
        ioc_(config_.io_threads),
        blocking_(static_cast<std::size_t>(std::max(1, config_.blocking_threads))),
        acceptor_(ioc_),
        signals_(ioc_, SIGINT, SIGTERM),
        files_(config_.web_root) {
    add_builtin_routes();
    std::vector<Metrics::Label> labels;
    for (const Route& route : router_.routes()) labels.push_back({route.method, route.pattern});
    static_slot_ = labels.size();
    labels.push_back({"GET", "static"});
    unmatched_slot_ = labels.size();
    labels.push_back({"*", "unmatched"});
    metrics_ = std::make_unique<Metrics>(std::move(labels));
  }

  unsigned short listen() {
    const auto address = net::ip::make_address(config_.host);
    const tcp::endpoint endpoint(address, config_.port);
    acceptor_.open(endpoint.protocol());
    acceptor_.set_option(net::socket_base::reuse_address(true));
    acceptor_.bind(endpoint);
    acceptor_.listen(net::socket_base::max_listen_connections);
    return acceptor_.local_endpoint().port();
  }

  void run() {
    if (!acceptor_.is_open()) listen();
    signals_.async_wait([this](const boost::system::error_code& ec, int) {
      if (!ec) begin_shutdown();
    });
    net::co_spawn(ioc_, accept_loop(), net::detached);
    std::vector<std::thread> threads;
    for (int i = 1; i < config_.io_threads; ++i) threads.emplace_back([this] { ioc_.run(); });
    ioc_.run();
    for (auto& t : threads) t.join();
    blocking_.stop();
    blocking_.join();
  }

  void stop() {
    net::post(ioc_, [this] { begin_shutdown(); });
  }

  Metrics& metrics() { return *metrics_; }

 private:
  void add_builtin_routes() {
    router_.add("GET", "/healthz",
                [](Request&) {
                  return Response::json(boost::json::object{{"status", "ok"}});
                },
                {.blocking = false});
    router_.add("GET", "/readyz", [this](Request&) {
      const bool ok = !stopping_ && ready_ && ready_();
      return Response::json(boost::json::object{{"status", ok ? "ready" : "not ready"}},
                            ok ? 200 : 503);
    });
    router_.add("GET", "/metrics",
                [this](Request&) {
                  return Response::text(metrics_->render(),
                                        "text/plain; version=0.0.4; charset=utf-8");
                },
                {.blocking = false});
  }

  // --- accepting and shutting down ---

  awaitable<void> accept_loop() {
    for (;;) {
      auto [ec, socket] = co_await acceptor_.async_accept(net::make_strand(ioc_), kTuple);
      if (ec) {
        if (stopping_) co_return;
        if (ec == net::error::no_descriptors || ec == net::error::no_buffer_space) {
          // Out of file descriptors: back off instead of spinning.
          net::steady_timer pause(ioc_, std::chrono::milliseconds(50));
          co_await pause.async_wait(kTuple);
        }
        continue;
      }
      socket.set_option(tcp::no_delay(true));
      auto executor = socket.get_executor();
      net::co_spawn(executor, http_session(beast::tcp_stream(std::move(socket))), net::detached);
    }
  }

  void begin_shutdown() {
    if (stopping_.exchange(true)) return;
    spdlog::info("shutting down: no new connections, finishing requests in flight");
    boost::system::error_code ignored;
    acceptor_.close(ignored);
    signals_.cancel(ignored);
    std::vector<std::pair<net::any_io_executor, std::weak_ptr<Connection>>> all;
    {
      std::lock_guard lock(connections_mutex_);
      for (auto& [id, entry] : connections_) all.push_back(entry);
    }
    for (auto& [executor, weak] : all) {
      net::post(executor, [weak] {
        if (auto c = weak.lock()) c->cancel();
      });
    }
    net::co_spawn(ioc_, drain(), net::detached);
  }

  awaitable<void> drain() {
    const auto deadline = Clock::now() + config_.shutdown_grace;
    net::steady_timer timer(ioc_);
    while (Clock::now() < deadline) {
      {
        std::lock_guard lock(connections_mutex_);
        if (connections_.empty()) break;
      }
      timer.expires_after(std::chrono::milliseconds(20));
      co_await timer.async_wait(kTuple);
    }
    ioc_.stop();
  }

  std::uint64_t track(const net::any_io_executor& executor, const std::shared_ptr<Connection>& c) {
    std::lock_guard lock(connections_mutex_);
    const auto id = ++next_connection_id_;
    connections_.emplace(id, std::make_pair(executor, std::weak_ptr<Connection>(c)));
    return id;
  }

  void untrack(std::uint64_t id) {
    std::lock_guard lock(connections_mutex_);
    connections_.erase(id);
  }

  // --- HTTP ---

  awaitable<void> http_session(beast::tcp_stream stream) {
    ++metrics_->http_connections;
    std::string remote;
    {
      boost::system::error_code ec;
      const auto endpoint = stream.socket().remote_endpoint(ec);
      if (!ec) remote = endpoint.address().to_string();
    }
    auto connection = std::make_shared<Connection>();
    bool idle = true;
    connection->cancel = [&stream, &idle] {
      // Idle keep-alive connections close now; busy ones close after their response.
      if (idle) stream.socket().cancel();
    };
    const auto id = track(stream.get_executor(), connection);
    beast::flat_buffer buffer;
    bool first = true;

    for (;;) {
      if (stopping_) break;
      bhttp::request_parser<bhttp::string_body> parser;
      parser.header_limit(kHeaderLimit);
      parser.body_limit(config_.max_body_bytes);
      // Our own deadline cancels the read but keeps the socket open, so a client that
      // started a request and stalled still gets a 408 (Beast's own timeout would close it).
      const auto wait = first ? config_.read_timeout : config_.idle_timeout;
      stream.expires_after(wait + std::chrono::seconds(5));
      bool timed_out = false;
      net::steady_timer deadline(stream.get_executor(), wait);
      deadline.async_wait([&timed_out, &stream](const boost::system::error_code& e) {
        if (e) return;
        timed_out = true;
        stream.socket().cancel();
      });
      idle = true;
      auto [ec, bytes] = co_await bhttp::async_read_header(stream, buffer, parser, kTuple);
      idle = false;
      if (!ec) std::tie(ec, bytes) = co_await bhttp::async_read(stream, buffer, parser, kTuple);
      deadline.cancel();
      first = false;
      if (ec) {
        std::optional<ProblemKind> kind;
        if (ec == bhttp::error::body_limit) kind = ProblemKind::payload_too_large;
        if (ec == bhttp::error::header_limit) kind = ProblemKind::headers_too_large;
        if (timed_out && parser.got_some() && !stopping_) kind = ProblemKind::request_timeout;
        if (!kind && parser.got_some() && ec != net::error::operation_aborted &&
            ec != bhttp::error::end_of_stream && ec != net::error::eof &&
            ec != net::error::connection_reset) {
          kind = ProblemKind::bad_request;
        }
        if (kind) {
          // The request could not be read whole: answer once, then close.
          const Problem problem(*kind, describe_read_error(*kind));
          Response response = problem_response(problem, Language::sv, "");
          co_await write(stream, std::move(response), false, 11, false);
          metrics_->observe(unmatched_slot_, status_of(*kind), 0);
        }
        break;
      }

      auto req = parser.release();
      if (websocket::is_upgrade(req)) {
        const auto target = std::string_view(req.target());
        if (target.substr(0, target.find('?')) == kWebSocketPath) {
          untrack(id);
          --metrics_->http_connections;
          co_await websocket_session(std::move(stream), std::move(req));
          co_return;
        }
      }

      const auto started = Clock::now();
      const bool keep_alive = req.keep_alive() && !stopping_;
      const unsigned version = req.version();
      const bool head = req.method() == bhttp::verb::head;
      Handled handled = co_await handle(req, remote);
      const int status = handled.response.status;
      const auto bytes_out = handled.response.body.size();
      const std::size_t slot = handled.slot;
      const std::string route_name = std::move(handled.route);
      const bool written = co_await write(stream, std::move(handled.response),
                                          keep_alive && !stopping_, version, head);
      const double seconds = std::chrono::duration<double>(Clock::now() - started).count();
      metrics_->observe(slot, status, seconds);
      if (config_.access_log) {
        spdlog::info("request method={} route={} status={} ms={:.2f} bytes={}",
                     std::string(req.method_string()), route_name, status, seconds * 1000,
                     bytes_out);
      }
      if (!written || !keep_alive || stopping_) break;
    }
    boost::system::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    untrack(id);
    --metrics_->http_connections;
  }

  static std::string describe_read_error(ProblemKind kind) {
    switch (kind) {
      case ProblemKind::payload_too_large:
        return "The request body is larger than this server accepts.";
      case ProblemKind::headers_too_large:
        return "The request headers are larger than this server accepts.";
      case ProblemKind::request_timeout:
        return "The request did not arrive in time.";
      default:
        return "The request could not be read as HTTP/1.1.";
    }
  }

  struct Handled {
    Response response;
    std::size_t slot;
    std::string route;
  };

  awaitable<Handled> handle(bhttp::request<bhttp::string_body>& req, const std::string& remote) {
    const Language language = preferred_language(req[bhttp::field::accept_language]);
    std::string request_id = make_request_id(req);
    auto translated = translate(req, remote, request_id);
    if (!translated) {
      Response r = problem_response(
          Problem(ProblemKind::bad_request, "The request target is not a valid URL path."),
          language, request_id);
      r.set_header("X-Request-Id", request_id);
      co_return Handled{std::move(r), unmatched_slot_, "unmatched"};
    }
    auto request = std::make_shared<Request>(std::move(*translated));
    const auto match = router_.match(request->method, request->path, request->params);
    Handled out{{}, unmatched_slot_, "unmatched"};
    if (match.route != nullptr) {
      out.slot = match.route->index;
      out.route = match.route->pattern;
      std::optional<Response> quick;
      if (match.route->options.try_inline) quick = try_inline(*match.route, *request, language);
      // Not a ?: expression: g++ 12 miscompiles co_await inside a conditional operator.
      if (quick) {
        out.response = std::move(*quick);
      } else if (match.route->options.blocking) {
        out.response = co_await run_blocking(match.route->handler, request, language);
      } else {
        out.response = invoke(match.route->handler, *request, language);
      }
    } else if (match.path_exists) {
      out.response = problem_response(Problem(ProblemKind::method_not_allowed,
                                              "This path does not accept " + request->method + "."),
                                      language, request_id);
      std::string allow;
      for (const auto& m : match.allowed_methods) allow += (allow.empty() ? "" : ", ") + m;
      out.response.set_header("Allow", allow);
    } else if (auto file = serve_static(*request)) {
      out.slot = static_slot_;
      out.route = "static";
      out.response = std::move(*file);
    } else {
      out.response =
          problem_response(Problem(ProblemKind::not_found, "There is nothing at this address."),
                           language, request_id);
    }
    out.response.set_header("X-Request-Id", request_id);
    co_return out;
  }

  std::optional<Response> try_inline(const Route& route, Request& request, Language language) {
    try {
      return route.options.try_inline(request);
    } catch (const Problem& problem) {
      return problem_response(problem, language, request.request_id);
    }
  }

  Response invoke(const Handler& handler, Request& request, Language language) {
    try {
      return handler(request);
    } catch (const Problem& problem) {
      if (!problem.log_detail().empty()) {
        spdlog::warn("problem request_id={} kind={} detail={}", request.request_id,
                     type_of(problem.kind()), problem.log_detail());
      }
      return problem_response(problem, language, request.request_id);
    } catch (const std::exception& e) {
      // The message may hold SQL or internals: it goes to the log only.
      spdlog::error("unhandled request_id={} error={}", request.request_id, e.what());
      return problem_response(Problem(ProblemKind::internal, "Something went wrong on our side."),
                              language, request.request_id);
    }
  }

  // Runs a blocking handler on the pool and resumes here with its response, or with a
  // timeout problem if it takes longer than the handler timeout (the work then finishes
  // in the background and its result is dropped).
  awaitable<Response> run_blocking(const Handler& handler, std::shared_ptr<Request> request,
                                   Language language) {
    struct Pending {
      explicit Pending(net::any_io_executor ex) : timer(ex) {}
      net::steady_timer timer;
      std::optional<Response> result;
    };
    auto executor = co_await net::this_coro::executor;
    auto pending = std::make_shared<Pending>(executor);
    pending->timer.expires_after(config_.handler_timeout);
    net::post(blocking_, [this, &handler, request, language, pending, executor] {
      Response response = invoke(handler, *request, language);
      net::post(executor, [pending, response = std::move(response)]() mutable {
        pending->result = std::move(response);
        pending->timer.cancel();
      });
    });
    co_await pending->timer.async_wait(kTuple);
    if (pending->result) co_return std::move(*pending->result);
    spdlog::warn("handler timeout request_id={}", request->request_id);
    co_return problem_response(
        Problem(ProblemKind::handler_timeout, "The server could not answer in time. Try again."),
        language, request->request_id);
  }

  std::optional<Response> serve_static(const Request& request) {
    if (request.method != "GET" && request.method != "HEAD") return std::nullopt;
    const StaticFile* file = files_.find(request.path == "/" ? "/index.html" : request.path);
    if (file == nullptr && is_client_route(request.path)) file = files_.index();
    if (file == nullptr) return std::nullopt;
    Response response;
    if (request.header("if-none-match") == file->etag) {
      response.status = 304;
    } else {
      response.body = file->content;
      response.set_header("Content-Type", file->content_type);
    }
    response.set_header("Cache-Control", file->cache_control);
    response.set_header("ETag", file->etag);
    return response;
  }

  // Plain function, not a coroutine: g++ 12 miscompiles some loops inside coroutines.
  static bhttp::response<bhttp::string_body> to_beast(Response& response, bool keep_alive,
                                                      unsigned version, bool head) {
    bhttp::response<bhttp::string_body> res{static_cast<bhttp::status>(response.status), version};
    res.set(bhttp::field::server, "oppenvard");
    for (const auto& header : kSecurityHeaders) res.set(header.first, header.second);
    if (!response.header("Cache-Control")) res.set(bhttp::field::cache_control, "no-store");
    for (const auto& header : response.headers) res.set(header.first, header.second);
    res.keep_alive(keep_alive);
    const auto length = response.body.size();
    if (!head) res.body() = std::move(response.body);
    res.prepare_payload();
    if (head) res.content_length(length);
    return res;
  }

  awaitable<bool> write(beast::tcp_stream& stream, Response response, bool keep_alive,
                        unsigned version, bool head) {
    auto res = to_beast(response, keep_alive, version, head);
    stream.expires_after(config_.read_timeout);
    bhttp::response_serializer<bhttp::string_body> serializer(res);
    if (head) {
      auto [ec, n] = co_await bhttp::async_write_header(stream, serializer, kTuple);
      co_return !ec;
    }
    auto [ec, n] = co_await bhttp::async_write(stream, serializer, kTuple);
    co_return !ec;
  }

  // --- WebSocket ---

  class WebSocketPeer : public Subscriber, public std::enable_shared_from_this<WebSocketPeer> {
   public:
    WebSocketPeer(beast::tcp_stream stream, Metrics& metrics)
        : ws(std::move(stream)), signal(ws.get_executor()), metrics_(metrics) {
      signal.expires_at(Clock::time_point::max());
    }

    void deliver(std::shared_ptr<const std::string> frame) override {
      net::post(ws.get_executor(),
                [self = shared_from_this(), frame = std::move(frame)] { self->enqueue(frame); });
    }

    // Runs on the peer's executor. A null frame means "close going away".
    void enqueue(std::shared_ptr<const std::string> frame) {
      if (closing) return;
      if (queue.size() >= kWebSocketQueueLimit) {
        // A client this far behind is gone or hostile: drop it rather than buffer forever.
        queue.clear();
        frame = nullptr;
      }
      if (!frame) closing = true;
      queue.push_back(std::move(frame));
      signal.cancel_one();
    }

    void send(const boost::json::value& value) {
      enqueue(std::make_shared<const std::string>(boost::json::serialize(value)));
    }

    awaitable<void> writer() {
      for (;;) {
        while (queue.empty()) {
          auto [ec] = co_await signal.async_wait(kTuple);
          if (finished) co_return;
          (void)ec;
        }
        auto frame = std::move(queue.front());
        queue.pop_front();
        if (!frame) {
          co_await ws.async_close(websocket::close_code::going_away, kTuple);
          co_return;
        }
        ws.text(true);
        auto [ec, n] = co_await ws.async_write(net::buffer(*frame), kTuple);
        if (ec) co_return;
        ++metrics_.websocket_messages_out;
      }
    }

    websocket::stream<beast::tcp_stream> ws;
    net::steady_timer signal;
    std::deque<std::shared_ptr<const std::string>> queue;
    bool closing = false;
    bool finished = false;

   private:
    Metrics& metrics_;
  };

  awaitable<void> websocket_session(beast::tcp_stream stream,
                                    bhttp::request<bhttp::string_body> req) {
    stream.expires_never();
    auto peer = std::make_shared<WebSocketPeer>(std::move(stream), *metrics_);
    auto timeouts = websocket::stream_base::timeout::suggested(beast::role_type::server);
    timeouts.handshake_timeout = std::chrono::seconds(5);  // also bounds the closing handshake
    peer->ws.set_option(timeouts);
    peer->ws.set_option(websocket::stream_base::decorator(
        [](websocket::response_type& res) { res.set(bhttp::field::server, "oppenvard"); }));
    peer->ws.read_message_max(kWebSocketMessageLimit);
    auto [accept_ec] = co_await peer->ws.async_accept(req, kTuple);
    if (accept_ec) co_return;

    ++metrics_->websocket_connections;
    auto connection = std::make_shared<Connection>();
    connection->cancel = [peer] {
      peer->send(boost::json::object{{"type", "system"}, {"event", "shutdown"}});
      peer->enqueue(nullptr);
    };
    const auto id = track(peer->ws.get_executor(), connection);
    net::co_spawn(peer->ws.get_executor(), peer->writer(), net::detached);
    peer->send(boost::json::object{{"type", "hello"}, {"protocol", 1}});

    beast::flat_buffer buffer;
    for (;;) {
      auto [ec, n] = co_await peer->ws.async_read(buffer, kTuple);
      if (ec) break;
      const std::string text = beast::buffers_to_string(buffer.data());
      buffer.consume(buffer.size());
      on_frame(*peer, text);
    }
    hub_.unsubscribe_all(peer.get());
    peer->finished = true;
    peer->signal.cancel();
    untrack(id);
    --metrics_->websocket_connections;
  }

  void on_frame(WebSocketPeer& peer, const std::string& text) {
    auto error = [&](ProblemKind kind, std::string detail) {
      const Response r = problem_response(Problem(kind, std::move(detail)), Language::sv, "");
      peer.send(boost::json::object{{"type", "error"}, {"problem", boost::json::parse(r.body)}});
    };
    boost::system::error_code ec;
    const auto value = boost::json::parse(text, ec);
    if (ec || !value.is_object()) {
      error(ProblemKind::malformed_json, "Each frame must be a JSON object with a type.");
      return;
    }
    const auto& frame = value.as_object();
    const auto* type = frame.if_contains("type");
    if (type == nullptr || !type->is_string()) {
      error(ProblemKind::invalid_field, "The frame has no string \"type\".");
      return;
    }
    const std::string_view kind = type->get_string();
    boost::json::object reply;
    if (const auto* id = frame.if_contains("id")) reply["id"] = *id;
    if (kind == "ping") {
      reply["type"] = "pong";
      peer.send(reply);
      return;
    }
    if (kind == "subscribe" || kind == "unsubscribe") {
      const auto* topic = frame.if_contains("topic");
      if (topic == nullptr || !topic->is_string() || !valid_topic(topic->get_string())) {
        error(ProblemKind::invalid_field, "\"topic\" must be 1–100 characters of a-z 0-9 . _ : -");
        return;
      }
      const std::string name(topic->get_string());
      if (kind == "subscribe") {
        std::string_view grant;
        if (const auto* g = frame.if_contains("grant"); g != nullptr && g->is_string()) {
          grant = g->get_string();
        }
        if (!hub_.allowed(name, grant)) {
          error(ProblemKind::forbidden, "You may not listen to this topic.");
          return;
        }
        hub_.subscribe(name, peer.shared_from_this());
        reply["type"] = "subscribed";
      } else {
        hub_.unsubscribe(name, &peer);
        reply["type"] = "unsubscribed";
      }
      reply["topic"] = name;
      peer.send(reply);
      return;
    }
    error(ProblemKind::bad_request, "Unknown frame type.");
  }

  ServerConfig config_;
  Router& router_;
  Hub& hub_;
  std::function<bool()> ready_;
  net::io_context ioc_;
  net::thread_pool blocking_;
  tcp::acceptor acceptor_;
  net::signal_set signals_;
  StaticFiles files_;
  std::unique_ptr<Metrics> metrics_;
  std::size_t static_slot_ = 0;
  std::size_t unmatched_slot_ = 0;
  std::atomic<bool> stopping_{false};
  std::mutex connections_mutex_;
  std::uint64_t next_connection_id_ = 0;
  std::unordered_map<std::uint64_t, std::pair<net::any_io_executor, std::weak_ptr<Connection>>>
      connections_;
};

Server::Server(ServerConfig config, Router& router, Hub& hub, std::function<bool()> ready)
    : impl_(std::make_unique<Impl>(std::move(config), router, hub, std::move(ready))) {}
Server::~Server() = default;
unsigned short Server::listen() {
  return impl_->listen();
}
void Server::run() {
  impl_->run();
}
void Server::stop() {
  impl_->stop();
}
Metrics& Server::metrics() {
  return impl_->metrics();
}

}  // namespace oppenvard::http
