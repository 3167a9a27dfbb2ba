// The realtime bus between nodes (bench/bus, docs/benchmarks.md "Realtime across nodes"): two
// app::Bus instances, as two nodes would have, on one PostgreSQL; each event published on the
// first is timed until the second node's hub hands it to a subscriber. One at a time for the
// latency of a small event (a roster change) and of an SDP-sized one (spilled to a table), then
// W publishers at once for throughput. Needs OPPENVARD_TEST_PG_URL (a scratch schema).
#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <iostream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <boost/json.hpp>

#include "app/realtime.hpp"
#include "db/testing.hpp"

using namespace oppenvard;
using Clock = std::chrono::steady_clock;

namespace {

// Counts what reached the second node and wakes whoever waits for a number of arrivals.
class Arrivals : public http::Subscriber {
 public:
  void deliver(std::shared_ptr<const std::string>) override {
    std::lock_guard lock(mutex_);
    ++count_;
    changed_.notify_all();
  }
  bool wait_for(std::size_t n, std::chrono::seconds timeout) {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, timeout, [&] { return count_ >= n; });
  }
  std::size_t count() {
    std::lock_guard lock(mutex_);
    return count_;
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  std::size_t count_ = 0;
};

double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[static_cast<std::size_t>(p * static_cast<double>(v.size() - 1))];
}

}  // namespace

int main(int argc, char** argv) {
  int count = 1000;
  int publishers = 4;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i];
    if (a == "--count") count = std::stoi(argv[i + 1]);
    if (a == "--publishers") publishers = std::stoi(argv[i + 1]);
  }
  if (db::testing::backends().size() < 2) {
    std::cerr << "bus_bench: set OPPENVARD_TEST_PG_URL to a PostgreSQL server\n";
    return 2;
  }
  db::testing::ScratchDatabase scratch("postgresql", static_cast<std::size_t>(publishers) + 2);
  db::migrate(scratch.db(), app::realtime_migrations());
  http::Hub first_hub(nullptr);
  http::Hub second_hub(nullptr);
  app::Bus first(first_hub, scratch.db(), scratch.url());
  app::Bus second(second_hub, scratch.db(), scratch.url());
  first.start();
  second.start();
  auto arrivals = std::make_shared<Arrivals>();
  second_hub.subscribe("meeting:m:p", arrivals);

  boost::json::object out{{"count", count}, {"publishers", publishers}};
  const auto latency = [&](const std::string& name, const boost::json::value& event) {
    std::vector<double> ms;
    for (int i = 0; i < count; ++i) {
      const auto expected = arrivals->count() + 1;
      const auto t0 = Clock::now();
      first.publish("meeting:m:p", event);
      if (!arrivals->wait_for(expected, std::chrono::seconds(5))) {
        std::cerr << "bus_bench: an event did not arrive\n";
        std::exit(1);
      }
      ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    }
    out[name + "_p50_ms"] = percentile(ms, 0.5);
    out[name + "_p99_ms"] = percentile(ms, 0.99);
  };
  latency("small", boost::json::object{{"type", "roster"}});
  latency("sdp", boost::json::object{{"type", "signal"}, {"sdp", std::string(12'000, 'a')}});

  const auto before = arrivals->count();
  const auto t0 = Clock::now();
  std::vector<std::thread> threads;
  for (int w = 0; w < publishers; ++w) {
    threads.emplace_back([&] {
      for (int i = 0; i < count / publishers; ++i) {
        first.publish("meeting:m:p", boost::json::object{{"type", "roster"}});
      }
    });
  }
  for (auto& t : threads) t.join();
  const auto sent = static_cast<std::size_t>(count / publishers * publishers);
  if (!arrivals->wait_for(before + sent, std::chrono::seconds(30))) {
    std::cerr << "bus_bench: lost " << before + sent - arrivals->count() << " events\n";
    return 1;
  }
  out["events_per_s"] =
      static_cast<double>(sent) / std::chrono::duration<double>(Clock::now() - t0).count();
  std::cout << boost::json::serialize(out) << std::endl;
  return 0;
}
