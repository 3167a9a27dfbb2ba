// ws_bench broadcast: fan-out latency of Hub::publish to N WebSocket subscribers, with the
// real Server in this process on a free port and the clients on one thread of their own.
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <iostream>
#include <limits>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "http/hub.hpp"
#include "http/router.hpp"
#include "http/server.hpp"
#include "ws_bench.hpp"
#include "ws_client.hpp"

namespace oppenvard::bench {
namespace {

std::int64_t now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now().time_since_epoch())
      .count();
}

// Counts the arrivals of the event in flight. Clients report from their thread; the publisher
// waits on its own.
class FanOut {
 public:
  struct Sample {
    std::int64_t first_ns;  // publish → first subscriber had it
    std::int64_t last_ns;   // publish → last subscriber had it
  };

  explicit FanOut(std::size_t expected) : expected_(expected) {}

  void begin(std::int64_t seq) {
    std::lock_guard lock(mutex_);
    seq_ = seq;
    count_ = 0;
    first_ns_ = std::numeric_limits<std::int64_t>::max();
    last_ns_ = 0;
  }

  void received(std::int64_t seq, std::int64_t latency_ns) {
    std::lock_guard lock(mutex_);
    if (seq != seq_) {
      ++stray_;  // an event that timed out arriving late
      return;
    }
    first_ns_ = std::min(first_ns_, latency_ns);
    last_ns_ = std::max(last_ns_, latency_ns);
    if (++count_ == expected_) done_.notify_one();
  }

  // Nullopt when not every subscriber had the event within `timeout`.
  std::optional<Sample> wait(std::chrono::milliseconds timeout) {
    std::unique_lock lock(mutex_);
    if (!done_.wait_for(lock, timeout, [this] { return count_ >= expected_; })) {
      return std::nullopt;
    }
    return Sample{first_ns_, last_ns_};
  }

  std::size_t stray() const {
    std::lock_guard lock(mutex_);
    return stray_;
  }

 private:
  const std::size_t expected_;
  mutable std::mutex mutex_;
  std::condition_variable done_;
  std::int64_t seq_ = -1;
  std::size_t count_ = 0;
  std::int64_t first_ns_ = 0;
  std::int64_t last_ns_ = 0;
  std::size_t stray_ = 0;
};

struct Event {
  std::int64_t seq;
  std::int64_t sent_ns;
};

// {"type":"event","topic":…,"event":{"seq":…,"sent_ns":…}} → the event; nullopt otherwise.
std::optional<Event> parse_event(std::string_view text) {
  boost::system::error_code ec;
  const auto value = boost::json::parse(text, ec);
  if (ec || !value.is_object()) return std::nullopt;
  const auto& frame = value.as_object();
  const auto* type = frame.if_contains("type");
  const auto* event = frame.if_contains("event");
  if (type == nullptr || *type != "event" || event == nullptr || !event->is_object()) {
    return std::nullopt;
  }
  const auto* seq = event->as_object().if_contains("seq");
  const auto* sent = event->as_object().if_contains("sent_ns");
  if (seq == nullptr || !seq->is_int64() || sent == nullptr || !sent->is_int64()) {
    return std::nullopt;
  }
  return Event{seq->as_int64(), sent->as_int64()};
}

// The subscribers: opened, listening and closed on the client thread.
class Subscribers {
 public:
  Subscribers(net::io_context& ioc, tcp::endpoint endpoint, const BroadcastOptions& options,
              FanOut& fan_out)
      : ioc_(ioc), endpoint_(endpoint), options_(options), fan_out_(fan_out) {}

  net::awaitable<void> open_all() {
    const auto executor = co_await net::this_coro::executor;
    constexpr std::size_t kParallel = 64;
    for (std::size_t i = 0; i < std::min(kParallel, options_.subscribers); ++i) {
      net::co_spawn(executor, open_some(), net::detached);
    }
  }

  net::awaitable<void> close_all() {
    const auto executor = co_await net::this_coro::executor;
    for (const auto& client : clients_) {
      if (client->ws.is_open()) net::co_spawn(executor, close_one(client), net::detached);
    }
  }

  void close_hard() {
    for (const auto& client : clients_) {
      boost::system::error_code ignored;
      client->ws.next_layer().close(ignored);
    }
  }

  std::size_t ready() const { return ready_; }
  std::size_t failed() const { return failed_; }
  std::size_t listening() const { return listening_; }
  std::size_t unexpected_frames() const { return unexpected_; }
  std::string first_error() const {
    std::lock_guard lock(error_mutex_);
    return first_error_;
  }

 private:
  net::awaitable<void> open_some() {
    const auto executor = co_await net::this_coro::executor;
    while (next_ < options_.subscribers) {
      ++next_;
      auto client = std::make_shared<Client>(executor);
      const std::string error =
          co_await open_client(*client, endpoint_, options_.topic, std::chrono::seconds(10));
      if (!error.empty()) {
        {
          std::lock_guard lock(error_mutex_);
          if (first_error_.empty()) first_error_ = error;
        }
        ++failed_;
        continue;
      }
      clients_.push_back(client);
      ++listening_;
      net::co_spawn(executor, listen(client), net::detached);
      ++ready_;
    }
  }

  net::awaitable<void> listen(std::shared_ptr<Client> client) {
    for (;;) {
      auto [ec, n] = co_await client->ws.async_read(client->buffer, kTuple);
      if (ec) break;
      on_frame(take_text(client->buffer), now_ns());
    }
    --listening_;
  }

  void on_frame(std::string_view text, std::int64_t at_ns) {
    const auto event = parse_event(text);
    if (!event) {
      ++unexpected_;
      return;
    }
    fan_out_.received(event->seq, at_ns - event->sent_ns);
  }

  net::awaitable<void> close_one(std::shared_ptr<Client> client) {
    co_await client->ws.async_close(websocket::close_code::normal, kTuple);
  }

  net::io_context& ioc_;
  tcp::endpoint endpoint_;
  const BroadcastOptions& options_;
  FanOut& fan_out_;
  std::size_t next_ = 0;
  std::vector<std::shared_ptr<Client>> clients_;
  std::atomic<std::size_t> ready_{0};
  std::atomic<std::size_t> failed_{0};
  std::atomic<std::size_t> listening_{0};
  std::atomic<std::size_t> unexpected_{0};
  mutable std::mutex error_mutex_;
  std::string first_error_;
};

// Polls `done` every few milliseconds until it holds or `timeout` passes.
template <class Predicate>
bool wait_until(Predicate done, std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  while (!done()) {
    if (Clock::now() >= deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return true;
}

double ms(std::int64_t ns) {
  return static_cast<double>(ns) / 1e6;
}

// Nearest-rank percentile of sorted values.
std::int64_t percentile(const std::vector<std::int64_t>& sorted, double p) {
  if (sorted.empty()) return 0;
  const auto rank = static_cast<std::size_t>(std::ceil(p * static_cast<double>(sorted.size())));
  return sorted[std::clamp<std::size_t>(rank, 1, sorted.size()) - 1];
}

double median_ms(std::vector<std::int64_t> values) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const auto n = values.size();
  return n % 2 == 1 ? ms(values[n / 2]) : (ms(values[n / 2 - 1]) + ms(values[n / 2])) / 2;
}

}  // namespace

int run_broadcast(const BroadcastOptions& options) {
  raise_file_limit(2 * options.subscribers + 64);  // both ends live in this process
  spdlog::set_level(spdlog::level::warn);          // keep stdout for the result

  http::Router router;
  http::Hub hub(
      [](std::string_view topic, std::string_view) { return topic.starts_with("public:"); });
  http::ServerConfig config;
  config.host = "127.0.0.1";
  config.port = 0;
  config.io_threads = options.io_threads;
  config.access_log = false;
  config.shutdown_grace = std::chrono::seconds(2);
  http::Server server(config, router, hub, [] { return true; });
  const unsigned short port = server.listen();
  std::thread server_thread([&server] { server.run(); });

  FanOut fan_out(options.subscribers);
  net::io_context client_ioc(1);
  auto work = net::make_work_guard(client_ioc);
  Subscribers subscribers(client_ioc, tcp::endpoint(net::ip::make_address("127.0.0.1"), port),
                          options, fan_out);
  const auto opening = Clock::now();
  net::co_spawn(client_ioc, subscribers.open_all(), net::detached);
  std::thread client_thread([&client_ioc] { client_ioc.run(); });

  wait_until([&] { return subscribers.ready() + subscribers.failed() >= options.subscribers; },
             std::chrono::seconds(120));
  const double seconds_to_subscribe = std::chrono::duration<double>(Clock::now() - opening).count();
  const bool all_subscribed = subscribers.ready() == options.subscribers &&
                              hub.subscriber_count(options.topic) == options.subscribers;
  std::cerr << "ws_bench: " << subscribers.ready() << " subscribed in "
            << fmt::format("{:.2f}", seconds_to_subscribe) << " s\n";

  std::vector<std::int64_t> last;
  std::vector<std::int64_t> first;
  std::size_t lost = 0;
  const auto event_timeout =
      std::chrono::milliseconds(static_cast<std::int64_t>(options.event_timeout_seconds * 1000));
  const auto gap = std::chrono::microseconds(static_cast<std::int64_t>(options.gap_ms * 1000));
  const std::size_t total = all_subscribed ? options.warmup + options.events : 0;
  for (std::size_t i = 0; i < total; ++i) {
    const auto seq = static_cast<std::int64_t>(i);
    fan_out.begin(seq);
    hub.publish(options.topic, boost::json::object{{"seq", seq}, {"sent_ns", now_ns()}});
    const auto sample = fan_out.wait(event_timeout);
    if (!sample) {
      ++lost;
    } else if (i >= options.warmup) {
      last.push_back(sample->last_ns);
      first.push_back(sample->first_ns);
    }
    std::this_thread::sleep_for(gap);
  }

  net::post(client_ioc, [&] { net::co_spawn(client_ioc, subscribers.close_all(), net::detached); });
  if (!wait_until([&] { return subscribers.listening() == 0; }, std::chrono::seconds(10))) {
    net::post(client_ioc, [&] { subscribers.close_hard(); });
    wait_until([&] { return subscribers.listening() == 0; }, std::chrono::seconds(5));
  }
  work.reset();
  client_ioc.stop();
  client_thread.join();
  server.stop();
  server_thread.join();

  std::sort(last.begin(), last.end());
  const std::int64_t max_ns = last.empty() ? 0 : last.back();
  fmt::print(
      "{{\"mode\":\"broadcast\",\"subscribers\":{},\"subscribed\":{},\"failed\":{},"
      "\"events\":{},\"warmup\":{},\"measured\":{},\"lost_events\":{},\"io_threads\":{},"
      "\"median_ms\":{:.3f},\"p99_ms\":{:.3f},\"max_ms\":{:.3f},\"first_median_ms\":{:.3f},"
      "\"seconds_to_subscribe\":{:.3f},\"unexpected_frames\":{},\"first_error\":{}}}\n",
      options.subscribers, subscribers.ready(), subscribers.failed(), options.events,
      options.warmup, last.size(), lost, options.io_threads, median_ms(last),
      ms(percentile(last, 0.99)), ms(max_ns), median_ms(first), seconds_to_subscribe,
      subscribers.unexpected_frames(),
      boost::json::serialize(boost::json::value(subscribers.first_error())));
  std::fflush(stdout);
  const bool complete = all_subscribed && lost == 0 && last.size() == options.events;
  return complete ? 0 : 1;
}

}  // namespace oppenvard::bench
