#pragma once
// A small blocking HTTP/1.1 and WebSocket client for tests that talk to a real server.
#include <boost/json/value.hpp>

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>

namespace oppenvard::testing {

struct HttpResult {
  int status = 0;
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;

  std::string header(const std::string& lower_name) const;
  boost::json::value json() const;
};

HttpResult http_request(unsigned short port, const std::string& method, const std::string& target,
                        const std::string& body = "",
                        const std::map<std::string, std::string>& headers = {});

// Sends raw bytes, then reads whatever the server answers until it closes or `wait` passes.
std::string raw_exchange(unsigned short port, const std::string& bytes,
                         std::chrono::milliseconds wait);

// Logs in as a demo person (by display name) through the demo e-ID and returns the whole
// Set-Cookie header of the new session, or "" if the person or the log-in was not found.
std::string demo_log_in_set_cookie(unsigned short port, const std::string& name);

// A demo person's session: the cookie to send and the CSRF token for unsafe methods. An empty
// name gives an anonymous caller (no cookie, CSRF "anonymous").
struct DemoSession {
  std::string cookie;
  std::string csrf = "anonymous";
};
DemoSession demo_session(unsigned short port, const std::string& name);

// A request as that session: its cookie, its CSRF token and a Content-Type for bodies.
HttpResult session_request(unsigned short port, const DemoSession& session,
                           const std::string& method, const std::string& target,
                           const std::string& body = "",
                           const std::string& content_type = "application/json");

class WebSocketClient {
 public:
  WebSocketClient(unsigned short port, const std::string& path);
  ~WebSocketClient();
  void send(const std::string& text);
  // The next text frame, or nullopt when the connection closed or `timeout` passed.
  std::optional<std::string> receive(std::chrono::milliseconds timeout);
  std::optional<boost::json::value> receive_json(std::chrono::milliseconds timeout);
  bool closed() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace oppenvard::testing
