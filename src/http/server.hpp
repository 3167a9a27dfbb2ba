#pragma once
// The HTTP and WebSocket server (Boost.Beast, C++20 coroutines). It knows routes, not
// capabilities: the composition root builds the Router and hands it in.
#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "http/hub.hpp"
#include "http/metrics.hpp"
#include "http/router.hpp"

namespace oppenvard::http {

struct ServerConfig {
  std::string host = "127.0.0.1";
  unsigned short port = 8080;  // 0: pick a free port (tests)
  int io_threads = 2;
  int blocking_threads = 4;  // the pool that runs SQL; no I/O thread ever blocks on it
  std::size_t max_body_bytes = 1 << 20;
  std::chrono::milliseconds read_timeout{30'000};
  std::chrono::milliseconds idle_timeout{75'000};
  std::chrono::milliseconds handler_timeout{30'000};
  std::chrono::milliseconds shutdown_grace{10'000};
  std::string web_root;  // built SPA (web/dist); empty: API only
  bool access_log = true;
};

class Server {
 public:
  // `ready` answers /readyz (e.g. "the database answers"); it runs on the blocking pool.
  Server(ServerConfig config, Router& router, Hub& hub, std::function<bool()> ready);
  ~Server();

  // Binds and listens; returns the bound port.
  unsigned short listen();
  // Serves until SIGTERM/SIGINT or stop(): stops accepting, lets in-flight requests finish,
  // closes idle connections and WebSockets, and after the grace period cancels the rest.
  void run();
  void stop();

  Metrics& metrics();

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace oppenvard::http
