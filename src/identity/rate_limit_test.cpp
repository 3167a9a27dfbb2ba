#include "identity/rate_limit.hpp"

#include <gtest/gtest.h>

namespace oppenvard::identity {
namespace {

TEST(RateLimit, FreeAttemptsThenDoublingBackOffUpToTheCap) {
  const LimitPolicy p{3, 60'000, 1'000, 8'000};
  AttemptState s;
  std::int64_t now = 0;
  for (int i = 0; i < 3; ++i) {
    s = after_failure(s, now, p);
    EXPECT_EQ(wait_ms(s, now, p), 0) << "attempt " << i;
  }
  s = after_failure(s, now, p);
  EXPECT_EQ(wait_ms(s, now, p), 1'000);
  s = after_failure(s, now, p);
  EXPECT_EQ(wait_ms(s, now, p), 2'000);
  s = after_failure(s, now, p);
  EXPECT_EQ(wait_ms(s, now, p), 4'000);
  s = after_failure(s, now, p);
  EXPECT_EQ(wait_ms(s, now, p), 8'000);
  s = after_failure(s, now, p);
  EXPECT_EQ(wait_ms(s, now, p), 8'000) << "capped";
  EXPECT_EQ(wait_ms(s, now + 8'000, p), 0);
}

TEST(RateLimit, OldFailuresAreForgotten) {
  const LimitPolicy p{2, 60'000, 1'000, 8'000};
  AttemptState s;
  s = after_failure(s, 0, p);
  s = after_failure(s, 1, p);
  s = after_failure(s, 60'001, p);  // a new window: the first failure of it
  EXPECT_EQ(s.failures, 1);
  EXPECT_EQ(wait_ms(s, 60'001, p), 0);
}

TEST(RateLimit, KeysAreIndependentAndSuccessClears) {
  RateLimiter limiter({1, 60'000, 1'000, 8'000});
  limiter.failure("a", 0);
  limiter.failure("a", 0);
  EXPECT_EQ(limiter.wait_ms("a", 0), 1'000);
  EXPECT_EQ(limiter.wait_ms("b", 0), 0);
  limiter.success("a");
  EXPECT_EQ(limiter.wait_ms("a", 0), 0);
}

}  // namespace
}  // namespace oppenvard::identity
