// The Beast server in-process, with routes made for the test: shutdown with requests in
// flight, handler timeouts, blocking work off the I/O threads.
#include "http/server.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <thread>

#include "support/client.hpp"

namespace oppenvard::http {
namespace {

using namespace std::chrono_literals;
using testing::http_request;

class InProcessServer {
 public:
  explicit InProcessServer(Router& router, ServerConfig config = {}) : hub_(nullptr) {
    config.port = 0;
    config.access_log = false;
    server_ = std::make_unique<Server>(config, router, hub_, [] { return true; });
    port_ = server_->listen();
    thread_ = std::thread([this] { server_->run(); });
  }
  ~InProcessServer() {
    server_->stop();
    if (thread_.joinable()) thread_.join();
  }
  unsigned short port() const { return port_; }
  Server& server() { return *server_; }
  void join() { thread_.join(); }

 private:
  Hub hub_;
  std::unique_ptr<Server> server_;
  unsigned short port_ = 0;
  std::thread thread_;
};

TEST(Server, ShutdownLetsARequestInFlightFinish) {
  Router router;
  std::atomic<bool> entered{false};
  router.add("GET", "/slow", [&](Request&) {
    entered = true;
    std::this_thread::sleep_for(600ms);
    return Response::text("done", "text/plain");
  });
  InProcessServer s(router);
  auto answer =
      std::async(std::launch::async, [&] { return http_request(s.port(), "GET", "/slow"); });
  while (!entered) std::this_thread::sleep_for(5ms);
  s.server().stop();
  const auto r = answer.get();
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "done");
  EXPECT_EQ(r.header("connection"), "close");
  s.join();
  // Nothing listens any more.
  EXPECT_ANY_THROW(http_request(s.port(), "GET", "/slow"));
}

TEST(Server, AHandlerThatTakesTooLongGetsA503ProblemAndTheServerStaysUp) {
  Router router;
  router.add("GET", "/stuck", [](Request&) {
    std::this_thread::sleep_for(1500ms);
    return Response::text("late", "text/plain");
  });
  router.add("GET", "/quick", [](Request&) { return Response::text("ok", "text/plain"); });
  ServerConfig config;
  config.handler_timeout = 200ms;
  config.blocking_threads = 2;
  InProcessServer s(router, config);
  const auto r = http_request(s.port(), "GET", "/stuck");
  EXPECT_EQ(r.status, 503);
  EXPECT_EQ(r.json().at("type"), "urn:oppenvard:problem:handler-timeout");
  EXPECT_EQ(http_request(s.port(), "GET", "/quick").body, "ok");
}

TEST(Server, BlockingHandlersNeverRunOnTheIoThreads) {
  Router router;
  std::thread::id handler_thread;
  router.add("GET", "/where", [&](Request&) {
    handler_thread = std::this_thread::get_id();
    return Response::text("x", "text/plain");
  });
  std::thread::id inline_thread;
  router.add("GET", "/inline",
             [&](Request&) {
               inline_thread = std::this_thread::get_id();
               return Response::text("x", "text/plain");
             },
             {.blocking = false});
  ServerConfig config;
  config.io_threads = 1;
  InProcessServer s(router, config);
  http_request(s.port(), "GET", "/where");
  http_request(s.port(), "GET", "/inline");
  EXPECT_NE(handler_thread, inline_thread);
}

TEST(Server, UnexpectedExceptionsBecomeAGeneric500WithoutDetails) {
  Router router;
  router.add("GET", "/boom", [](Request&) -> Response {
    throw std::runtime_error("SELECT * FROM patients WHERE secret");
  });
  InProcessServer s(router);
  const auto r = http_request(s.port(), "GET", "/boom");
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(r.json().at("type"), "urn:oppenvard:problem:internal");
  EXPECT_EQ(r.body.find("SELECT"), std::string::npos);
  EXPECT_FALSE(r.json().at("request_id").as_string().empty());
}

TEST(Server, ProblemTitlesFollowAcceptLanguage) {
  Router router;
  InProcessServer s(router);
  const auto sv = http_request(s.port(), "GET", "/api/v1/x");
  EXPECT_EQ(sv.json().at("title"), "Hittades inte");
  const auto en = http_request(s.port(), "GET", "/api/v1/x", "", {{"Accept-Language", "en-GB"}});
  EXPECT_EQ(en.json().at("title"), "Not found");
}

TEST(Server, KeepAliveServesManyRequestsOnOneConnection) {
  Router router;
  router.add("GET", "/n", [](Request&) { return Response::text("n", "text/plain"); });
  InProcessServer s(router);
  std::string pipelined;
  for (int i = 0; i < 20; ++i) pipelined += "GET /n HTTP/1.1\r\nHost: x\r\n\r\n";
  const auto answer = testing::raw_exchange(s.port(), pipelined, 1500ms);
  std::size_t count = 0;
  for (auto at = answer.find("HTTP/1.1 200"); at != std::string::npos;
       at = answer.find("HTTP/1.1 200", at + 1)) {
    ++count;
  }
  EXPECT_EQ(count, 20u);
}

}  // namespace
}  // namespace oppenvard::http
