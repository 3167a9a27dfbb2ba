#include "identity/rate_limit.hpp"

#include <algorithm>

namespace oppenvard::identity {

std::int64_t wait_ms(const AttemptState& state, std::int64_t now_ms, const LimitPolicy&) {
  return std::max<std::int64_t>(0, state.blocked_until_ms - now_ms);
}

AttemptState after_failure(AttemptState state, std::int64_t now_ms, const LimitPolicy& policy) {
  if (state.failures == 0 || now_ms - state.first_failure_ms >= policy.window_ms) {
    state.failures = 0;
    state.first_failure_ms = now_ms;
  }
  ++state.failures;
  if (state.failures > policy.free_attempts) {
    const int doublings = std::min(state.failures - policy.free_attempts - 1, 20);
    const std::int64_t delay = std::min(policy.max_delay_ms, policy.base_delay_ms << doublings);
    state.blocked_until_ms = now_ms + delay;
  }
  return state;
}

std::int64_t RateLimiter::wait_ms(const std::string& key, std::int64_t now_ms) {
  std::lock_guard lock(mutex_);
  const auto it = states_.find(key);
  return it == states_.end() ? 0 : identity::wait_ms(it->second, now_ms, policy_);
}

void RateLimiter::failure(const std::string& key, std::int64_t now_ms) {
  std::lock_guard lock(mutex_);
  states_[key] = after_failure(states_[key], now_ms, policy_);
  // Forget old entries now and then so the map cannot grow without bound.
  if (states_.size() > 100'000) {
    std::erase_if(states_, [&](const auto& entry) {
      return now_ms - entry.second.first_failure_ms >= policy_.window_ms &&
             entry.second.blocked_until_ms <= now_ms;
    });
  }
}

void RateLimiter::success(const std::string& key) {
  std::lock_guard lock(mutex_);
  states_.erase(key);
}

}  // namespace oppenvard::identity
