#pragma once
// ws_bench: WebSocket load for bench/run. Two modes, each a plain function over its options;
// main() only parses the command line.
#include <cstddef>
#include <optional>
#include <string>

namespace oppenvard::bench {

struct ConnectionsOptions {
  unsigned short port = 0;
  std::size_t count = 0;
  std::string subscribe;               // empty: only wait for the hello
  std::optional<double> hold_seconds;  // unset: hold until stdin reaches EOF
  std::size_t parallel = 256;          // connections being opened at once
  double open_timeout_seconds = 10;    // per connection: connect, upgrade, hello, subscribe
  double connect_phase_seconds = 120;  // the whole connect phase
};

struct BroadcastOptions {
  std::size_t subscribers = 1000;
  std::size_t events = 200;
  std::size_t warmup = 10;  // events published first and not measured
  int io_threads = 2;       // the server's I/O threads (oppenvard's default)
  double gap_ms = 5;        // pause after every subscriber has an event, before the next
  double event_timeout_seconds = 5;
  std::string topic = "public:bench";
};

// Both print their result as one JSON line on stdout and progress on stderr.
// They return the process exit code: 0 when every connection and event arrived.
int run_connections(const ConnectionsOptions& options);
int run_broadcast(const BroadcastOptions& options);

// Raises RLIMIT_NOFILE towards `wanted` (the hard limit too when allowed); returns the new
// soft limit.
std::size_t raise_file_limit(std::size_t wanted);

}  // namespace oppenvard::bench
