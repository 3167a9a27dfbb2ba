#pragma once
// Log-in attempt limits with back-off, per account and per client address. In memory, per
// node: an attacker spreading over nodes gets at most (nodes × limit) tries, which the
// account lock-out after repeated failures still bounds.
#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

namespace oppenvard::identity {

struct LimitPolicy {
  int free_attempts = 5;                    // failures allowed before back-off starts
  std::int64_t window_ms = 15 * 60 * 1000;  // failures older than this are forgotten
  std::int64_t base_delay_ms = 30 * 1000;   // first back-off; doubles per further failure
  std::int64_t max_delay_ms = 15 * 60 * 1000;
};

struct AttemptState {
  int failures = 0;
  std::int64_t first_failure_ms = 0;
  std::int64_t blocked_until_ms = 0;
};

// Pure: how long the caller must wait before the next attempt (0: may try now).
std::int64_t wait_ms(const AttemptState& state, std::int64_t now_ms, const LimitPolicy& policy);
// Pure: the state after a failed attempt at `now_ms`.
AttemptState after_failure(AttemptState state, std::int64_t now_ms, const LimitPolicy& policy);

class RateLimiter {
 public:
  explicit RateLimiter(LimitPolicy policy) : policy_(policy) {}
  std::int64_t wait_ms(const std::string& key, std::int64_t now_ms);
  void failure(const std::string& key, std::int64_t now_ms);
  void success(const std::string& key);

 private:
  LimitPolicy policy_;
  std::mutex mutex_;
  std::unordered_map<std::string, AttemptState> states_;
};

}  // namespace oppenvard::identity
