#pragma once
// PostgreSQL LISTEN on one channel, on a connection of its own and a thread of its own: every
// NOTIFY payload is handed to the handler on that thread. A lost connection is opened again
// (after a second); what was notified meanwhile is lost, so callers use it for news that a
// client can also fetch, never as the record.
#include <atomic>
#include <functional>
#include <string>
#include <string_view>
#include <thread>

namespace oppenvard::db {

class Listener {
 public:
  using Handler = std::function<void(std::string_view payload)>;

  // `url`: a postgresql:// URL. `channel`: a lower-case identifier. `after_gap` runs (on the
  // listener's thread) each time listening resumes after a lost connection: what was notified
  // in between is lost, so whoever relies on it should catch up.
  Listener(std::string url, std::string channel, Handler handler,
           std::function<void()> after_gap = {});
  ~Listener();
  Listener(const Listener&) = delete;
  Listener& operator=(const Listener&) = delete;

  // Returns once the first LISTEN is in place (or failed and will be retried), so a NOTIFY
  // sent after start() returns reaches the handler.
  void start();
  void stop();
  bool listening() const { return listening_; }

 private:
  void run();

  std::string conninfo_;
  std::string channel_;
  Handler handler_;
  std::function<void()> after_gap_;
  std::atomic<bool> stop_{false};
  std::atomic<bool> listening_{false};
  std::atomic<bool> first_attempt_done_{false};
  std::thread thread_;
};

}  // namespace oppenvard::db
