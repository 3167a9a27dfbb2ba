// ws_bench: command line. See bench/run and docs/benchmarks.md.
#include "ws_bench.hpp"

#include <sys/resource.h>

#include <charconv>
#include <cstdio>
#include <iostream>
#include <string_view>
#include <type_traits>
#include <vector>

namespace oppenvard::bench {

std::size_t raise_file_limit(std::size_t wanted) {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0) return 0;
  if (limit.rlim_max != RLIM_INFINITY && limit.rlim_max < wanted) {
    // Root may raise the hard limit (up to fs.nr_open); anyone else keeps it.
    rlimit raised{wanted, wanted};
    if (setrlimit(RLIMIT_NOFILE, &raised) == 0) return wanted;
  }
  limit.rlim_cur = limit.rlim_max;
  setrlimit(RLIMIT_NOFILE, &limit);
  getrlimit(RLIMIT_NOFILE, &limit);
  return static_cast<std::size_t>(limit.rlim_cur);
}

namespace {

constexpr std::string_view kUsage =
    "usage:\n"
    "  ws_bench connections --port P --count N [--subscribe TOPIC] [--hold-seconds S]\n"
    "                       [--parallel K] [--open-timeout S] [--connect-phase S]\n"
    "      Opens N WebSocket connections to 127.0.0.1:P, waits for each hello (and\n"
    "      subscribed), prints one JSON line, then holds them until stdin reaches EOF\n"
    "      (a pipe or terminal) or S seconds have passed, closes them and prints a second\n"
    "      JSON line.\n"
    "  ws_bench broadcast [--subscribers N] [--events E] [--warmup W] [--io-threads T]\n"
    "                     [--gap-ms G] [--event-timeout S]\n"
    "      Runs the server in-process on a free port, subscribes N clients to public:bench,\n"
    "      publishes W+E events one at a time through Hub::publish and prints the median,\n"
    "      p99 and max time until the last subscriber had each event.\n";

// The flags after the mode, as name/value pairs; every flag takes a value.
class Flags {
 public:
  Flags(int argc, char** argv) {
    for (int i = 2; i < argc; ++i) {
      const std::string_view name = argv[i];
      if (!name.starts_with("--") || i + 1 >= argc) {
        errors_.push_back("expected --flag VALUE at '" + std::string(name) + "'");
        return;
      }
      pairs_.emplace_back(std::string(name.substr(2)), std::string(argv[++i]));
    }
  }

  template <class T>
  void number(std::string_view name, T& out) {
    for (auto& pair : pairs_) {
      if (pair.first != name) continue;
      pair.first.clear();  // consumed
      const auto* begin = pair.second.data();
      const auto* end = begin + pair.second.size();
      T value{};
      const auto [ptr, ec] = std::from_chars(begin, end, value);
      bool negative = false;
      if constexpr (std::is_signed_v<T>) negative = value < T{};
      if (ec != std::errc{} || ptr != end || negative) {
        errors_.push_back("--" + std::string(name) + " needs a non-negative number");
      } else {
        out = value;
      }
    }
  }

  void number(std::string_view name, std::optional<double>& out) {
    double value = -1;
    number(name, value);
    if (value >= 0) out = value;
  }

  void text(std::string_view name, std::string& out) {
    for (auto& pair : pairs_) {
      if (pair.first != name) continue;
      pair.first.clear();
      out = pair.second;
    }
  }

  // Reports unknown flags and bad values; true when there are none.
  bool finish() {
    for (const auto& pair : pairs_) {
      if (!pair.first.empty()) errors_.push_back("unknown flag --" + pair.first);
    }
    for (const auto& error : errors_) std::cerr << "ws_bench: " << error << "\n";
    return errors_.empty();
  }

 private:
  std::vector<std::pair<std::string, std::string>> pairs_;
  std::vector<std::string> errors_;
};

int connections(int argc, char** argv) {
  ConnectionsOptions options;
  Flags flags(argc, argv);
  flags.number("port", options.port);
  flags.number("count", options.count);
  flags.text("subscribe", options.subscribe);
  flags.number("hold-seconds", options.hold_seconds);
  flags.number("parallel", options.parallel);
  flags.number("open-timeout", options.open_timeout_seconds);
  flags.number("connect-phase", options.connect_phase_seconds);
  if (!flags.finish() || options.port == 0 || options.count == 0 || options.parallel == 0) {
    std::cerr << kUsage;
    return 2;
  }
  return run_connections(options);
}

int broadcast(int argc, char** argv) {
  BroadcastOptions options;
  Flags flags(argc, argv);
  flags.number("subscribers", options.subscribers);
  flags.number("events", options.events);
  flags.number("warmup", options.warmup);
  flags.number("io-threads", options.io_threads);
  flags.number("gap-ms", options.gap_ms);
  flags.number("event-timeout", options.event_timeout_seconds);
  if (!flags.finish() || options.subscribers == 0 || options.events == 0 ||
      options.io_threads < 1) {
    std::cerr << kUsage;
    return 2;
  }
  return run_broadcast(options);
}

}  // namespace
}  // namespace oppenvard::bench

int main(int argc, char** argv) {
  const std::string_view mode = argc > 1 ? argv[1] : "";
  try {
    if (mode == "connections") return oppenvard::bench::connections(argc, argv);
    if (mode == "broadcast") return oppenvard::bench::broadcast(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "ws_bench: " << e.what() << "\n";
    return 1;
  }
  std::cerr << oppenvard::bench::kUsage;
  return 2;
}
