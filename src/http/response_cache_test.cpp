#include "http/response_cache.hpp"

#include <gtest/gtest.h>

namespace oppenvard::http {
namespace {

TEST(ResponseCache, ServesRepeatsUntilExpiryOrClear) {
  std::int64_t now = 0;
  int builds = 0;
  ResponseCache cache(1000, [&] { return now; });
  auto build = [&] {
    ++builds;
    return Response::text("v" + std::to_string(builds), "text/plain");
  };
  EXPECT_EQ(cache.get_or_build("a", build).body, "v1");
  EXPECT_EQ(cache.get_or_build("a", build).body, "v1");
  EXPECT_EQ(cache.get_or_build("b", build).body, "v2") << "keys are separate";
  now = 999;
  EXPECT_EQ(cache.get_or_build("a", build).body, "v1");
  now = 1000;
  EXPECT_EQ(cache.get_or_build("a", build).body, "v3") << "expired";
  cache.clear();
  EXPECT_EQ(cache.get_or_build("a", build).body, "v4") << "cleared";
}

TEST(ResponseCache, FindNeverBuilds) {
  std::int64_t now = 0;
  ResponseCache cache(1000, [&] { return now; });
  EXPECT_FALSE(cache.find("a"));
  cache.get_or_build("a", [] { return Response::text("x", "text/plain"); });
  ASSERT_TRUE(cache.find("a"));
  EXPECT_EQ(cache.find("a")->body, "x");
  now = 1000;
  EXPECT_FALSE(cache.find("a")) << "expired";
}

TEST(ResponseCache, OnlySuccessesAreCached) {
  int builds = 0;
  ResponseCache cache(1000, [] { return 0; });
  auto failing = [&] {
    ++builds;
    return Response::text("no", "text/plain", 503);
  };
  cache.get_or_build("a", failing);
  cache.get_or_build("a", failing);
  EXPECT_EQ(builds, 2);
}

TEST(ResponseCache, ZeroTtlTurnsItOff) {
  int builds = 0;
  ResponseCache cache(0, [] { return 0; });
  auto build = [&] {
    ++builds;
    return Response::text("x", "text/plain");
  };
  cache.get_or_build("a", build);
  cache.get_or_build("a", build);
  EXPECT_EQ(builds, 2);
}

TEST(ResponseCache, StaysBounded) {
  std::int64_t now = 0;
  ResponseCache cache(
      1'000'000, [&] { return now; }, 10);
  int builds = 0;
  auto build = [&] {
    ++builds;
    return Response::text("x", "text/plain");
  };
  for (int i = 0; i < 25; ++i) cache.get_or_build("k" + std::to_string(i), build);
  EXPECT_EQ(builds, 25);
  cache.get_or_build("k24", build);
  EXPECT_EQ(builds, 25) << "the newest entry survives a reset";
}

}  // namespace
}  // namespace oppenvard::http
