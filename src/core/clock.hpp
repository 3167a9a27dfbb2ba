#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>

namespace oppenvard::core {

// Services take a Clock& so that tests control time (instants are Unix milliseconds, UTC).
class Clock {
 public:
  virtual ~Clock() = default;
  virtual std::int64_t now_ms() const = 0;
};

class SystemClock final : public Clock {
 public:
  std::int64_t now_ms() const override {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  }
};

// A clock that only moves when told to. Atomic because a test thread may move it while
// the code under test reads it from another.
class FixedClock final : public Clock {
 public:
  explicit FixedClock(std::int64_t now_ms) : now_ms_(now_ms) {}

  std::int64_t now_ms() const override { return now_ms_.load(); }
  void set(std::int64_t now_ms) { now_ms_.store(now_ms); }
  void advance(std::int64_t delta_ms) { now_ms_.fetch_add(delta_ms); }

 private:
  std::atomic<std::int64_t> now_ms_;
};

// The demo's clock (demo.now): starts at a chosen instant and runs from there at the real
// pace, so deadlines reproduce while log-ins, sessions and timeouts still see time pass.
class StartedAtClock final : public Clock {
 public:
  explicit StartedAtClock(std::int64_t start_ms)
      : start_ms_(start_ms), origin_(std::chrono::steady_clock::now()) {}

  std::int64_t now_ms() const override {
    return start_ms_ + std::chrono::duration_cast<std::chrono::milliseconds>(
                           std::chrono::steady_clock::now() - origin_)
                           .count();
  }

 private:
  std::int64_t start_ms_;
  std::chrono::steady_clock::time_point origin_;
};

}  // namespace oppenvard::core
