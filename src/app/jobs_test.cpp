#include "app/jobs.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>

namespace oppenvard::app {
namespace {

using namespace std::chrono_literals;

TEST(PeriodicJobs, RunEachJobOnItsIntervalAndSurviveFailures) {
  std::atomic<int> fast{0};
  std::atomic<int> failing{0};
  {
    PeriodicJobs jobs;
    jobs.add("fast", 10ms, [&] { ++fast; });
    jobs.add("failing", 10ms, [&] {
      ++failing;
      throw std::runtime_error("boom");
    });
    jobs.start();
    for (int i = 0; i < 200 && (fast < 3 || failing < 3); ++i) std::this_thread::sleep_for(10ms);
  }  // stops and joins
  EXPECT_GE(fast.load(), 3);
  EXPECT_GE(failing.load(), 3);  // a failure does not end the job
}

TEST(PeriodicJobs, StopIsPromptAndFinal) {
  std::atomic<int> runs{0};
  PeriodicJobs jobs;
  jobs.add("slow", 1h, [&] { ++runs; });
  jobs.start();
  const auto started = std::chrono::steady_clock::now();
  jobs.stop();
  EXPECT_LT(std::chrono::steady_clock::now() - started, 1s);
  EXPECT_EQ(runs.load(), 0);
}

}  // namespace
}  // namespace oppenvard::app
