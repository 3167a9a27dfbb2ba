// ws_bench connections: many idle WebSocket connections held open against a running server.
#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <map>
#include <vector>

#include "ws_bench.hpp"
#include "ws_client.hpp"

namespace oppenvard::bench {
namespace {

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

std::string json_string(std::string_view text) {
  return boost::json::serialize(boost::json::value(text));
}

class Connections {
 public:
  Connections(net::io_context& ioc, const ConnectionsOptions& options)
      : ioc_(ioc),
        options_(options),
        endpoint_(net::ip::make_address("127.0.0.1"), options.port),
        signal_(ioc),
        input_(ioc) {}

  net::awaitable<void> run() {
    started_ = Clock::now();
    net::steady_timer phase(ioc_, to_duration(options_.connect_phase_seconds));
    phase.async_wait([this](const boost::system::error_code& ec) {
      if (!ec) abandon_opening();
    });
    const std::size_t workers = std::min(options_.parallel, options_.count);
    for (std::size_t i = 0; i < workers; ++i) {
      ++opening_workers_;
      net::co_spawn(ioc_, open_some(), [this](std::exception_ptr) {
        if (--opening_workers_ == 0) signal_.cancel();
      });
    }
    while (opening_workers_ > 0) co_await wait_signal();
    phase.cancel();
    print_connected();

    co_await wait_for_release();
    const auto held_before_close = held_.size() - dropped_;
    co_await close_all();
    fmt::print(
        "{{\"mode\":\"connections\",\"held\":{},\"dropped_while_held\":{},\"closed_cleanly\":{},"
        "\"hold_seconds\":{:.1f}}}\n",
        held_before_close, dropped_, closed_cleanly_,
        std::chrono::duration<double>(released_ - connected_at_).count());
    std::fflush(stdout);
  }

  int exit_code() const { return failed_ == 0 && dropped_ == 0 ? 0 : 1; }

 private:
  static Clock::duration to_duration(double seconds) {
    return std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
  }

  net::awaitable<void> wait_signal() {
    signal_.expires_at(Clock::time_point::max());
    co_await signal_.async_wait(kTuple);
  }

  // One of `parallel` workers: opens connections until `count` have been tried.
  net::awaitable<void> open_some() {
    const auto executor = co_await net::this_coro::executor;
    while (next_ < options_.count && !abandoned_) {
      ++next_;
      auto client = std::make_shared<Client>(executor);
      opening_.push_back(client);
      const std::string error = co_await open_client(*client, endpoint_, options_.subscribe,
                                                     to_duration(options_.open_timeout_seconds));
      std::erase(opening_, client);
      if (!error.empty()) {
        ++failed_;
        ++errors_[error];
        continue;
      }
      held_.push_back(client);
      ++holding_;
      last_connected_ = Clock::now();
      net::co_spawn(executor, hold(client), net::detached);
      if (held_.size() % 1000 == 0) {
        std::cerr << "ws_bench: " << held_.size() << " connected after "
                  << fmt::format("{:.1f}", seconds_since(started_)) << " s\n";
      }
    }
  }

  // The connect phase ran out of time: whatever is still opening counts as failed.
  void abandon_opening() {
    abandoned_ = true;
    for (const auto& client : opening_) {
      boost::system::error_code ignored;
      client->ws.next_layer().close(ignored);
    }
  }

  // Keeps a read pending, as a real client does: it answers the server's pings and notices
  // when the server drops the connection.
  net::awaitable<void> hold(std::shared_ptr<Client> client) {
    for (;;) {
      auto [ec, n] = co_await client->ws.async_read(client->buffer, kTuple);
      client->buffer.consume(client->buffer.size());
      if (ec) {
        if (!releasing_) {
          ++dropped_;
          ++errors_["dropped while held: " + ec.message()];
        }
        break;
      }
    }
    if (--holding_ == 0) signal_.cancel();
  }

  void print_connected() {
    connected_at_ = Clock::now();
    const double to_connect =
        held_.empty() ? 0.0 : std::chrono::duration<double>(last_connected_ - started_).count();
    std::string errors;
    for (const auto& entry : errors_) {
      errors += (errors.empty() ? "" : ",") + json_string(entry.first) + ":" +
                std::to_string(entry.second);
    }
    fmt::print(
        "{{\"mode\":\"connections\",\"requested\":{},\"connected\":{},\"failed\":{},"
        "\"seconds_to_connect\":{:.3f},\"subscribe\":{},\"parallel\":{},\"errors\":{{{}}}}}\n",
        options_.count, held_.size(), failed_, to_connect, json_string(options_.subscribe),
        options_.parallel, errors);
    std::fflush(stdout);
  }

  // Until stdin reaches EOF (when it is a pipe or terminal) or the hold time has passed.
  net::awaitable<void> wait_for_release() {
    net::steady_timer hold_timer(ioc_);
    boost::system::error_code ec;
    const int fd = ::dup(0);
    if (fd >= 0) input_.assign(fd, ec);
    if (fd < 0 || ec) {
      if (fd >= 0) ::close(fd);
      // A regular file or /dev/null: it is at EOF as soon as it is read.
      if (!options_.hold_seconds) {
        released_ = Clock::now();
        co_return;
      }
    } else {
      net::co_spawn(ioc_, watch_input(), net::detached);
    }
    if (options_.hold_seconds) {
      hold_timer.expires_after(to_duration(*options_.hold_seconds));
      hold_timer.async_wait([this](const boost::system::error_code& timer_ec) {
        if (!timer_ec) release();
      });
    }
    while (!released_flag_) co_await wait_signal();
    hold_timer.cancel();
    boost::system::error_code ignored;
    input_.close(ignored);
  }

  net::awaitable<void> watch_input() {
    char chunk[256];
    for (;;) {
      auto [ec, n] = co_await input_.async_read_some(net::buffer(chunk), kTuple);
      if (ec) break;
    }
    release();
  }

  void release() {
    if (released_flag_) return;
    released_flag_ = true;
    released_ = Clock::now();
    signal_.cancel();
  }

  // Closes every held connection with a close handshake; after 15 s, hard.
  net::awaitable<void> close_all() {
    releasing_ = true;
    const auto executor = co_await net::this_coro::executor;
    for (const auto& client : held_) {
      if (client->ws.is_open()) net::co_spawn(executor, close_one(client), net::detached);
    }
    net::steady_timer deadline(ioc_, std::chrono::seconds(15));
    deadline.async_wait([this](const boost::system::error_code& ec) {
      if (ec) return;
      for (const auto& client : held_) {
        boost::system::error_code ignored;
        client->ws.next_layer().close(ignored);
      }
    });
    while (holding_ > 0) co_await wait_signal();
    deadline.cancel();
  }

  net::awaitable<void> close_one(std::shared_ptr<Client> client) {
    auto [ec] = co_await client->ws.async_close(websocket::close_code::normal, kTuple);
    if (!ec) ++closed_cleanly_;
  }

  net::io_context& ioc_;
  const ConnectionsOptions& options_;
  tcp::endpoint endpoint_;
  net::steady_timer signal_;  // cancelled whenever a waited-for counter changes
  net::posix::stream_descriptor input_;
  Clock::time_point started_;
  Clock::time_point last_connected_;
  Clock::time_point connected_at_;
  Clock::time_point released_;
  std::size_t next_ = 0;
  std::size_t opening_workers_ = 0;
  std::size_t holding_ = 0;
  std::size_t failed_ = 0;
  std::size_t dropped_ = 0;
  std::size_t closed_cleanly_ = 0;
  bool abandoned_ = false;
  bool released_flag_ = false;
  bool releasing_ = false;
  std::vector<std::shared_ptr<Client>> opening_;
  std::vector<std::shared_ptr<Client>> held_;
  std::map<std::string, std::size_t> errors_;
};

}  // namespace

int run_connections(const ConnectionsOptions& options) {
  const std::size_t limit = raise_file_limit(options.count + 64);
  if (limit < options.count + 16) {
    std::cerr << "ws_bench: only " << limit << " file descriptors allowed for " << options.count
              << " connections\n";
  }
  net::io_context ioc(1);
  Connections connections(ioc, options);
  net::co_spawn(ioc, connections.run(), [](std::exception_ptr e) {
    if (e) std::rethrow_exception(e);
  });
  ioc.run();
  return connections.exit_code();
}

}  // namespace oppenvard::bench
