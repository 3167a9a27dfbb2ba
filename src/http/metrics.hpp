#pragma once
// Request counters and latency histograms per route, in Prometheus text format.
// Fixed label sets known at start-up, so observing is a few relaxed atomic adds.
#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace oppenvard::http {

class Metrics {
 public:
  static constexpr std::array<double, 12> kBuckets{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                   0.05,   0.1,   0.25,   0.5,   1.0,  5.0};

  struct Label {
    std::string method;
    std::string route;
  };
  // One slot per label; callers keep the index (routes use Route::index).
  explicit Metrics(std::vector<Label> labels);

  void observe(std::size_t slot, int status, double seconds);
  std::string render() const;

  std::atomic<std::int64_t> websocket_connections{0};
  std::atomic<std::int64_t> websocket_messages_out{0};
  std::atomic<std::int64_t> http_connections{0};

 private:
  struct Series {
    std::array<std::atomic<std::uint64_t>, 6> by_class{};  // 1xx..5xx, index 0 unused
    std::array<std::atomic<std::uint64_t>, kBuckets.size()> buckets{};
    std::atomic<std::uint64_t> count{0};
    std::atomic<std::uint64_t> sum_micros{0};
  };
  std::vector<Label> labels_;
  std::unique_ptr<Series[]> series_;
};

}  // namespace oppenvard::http
