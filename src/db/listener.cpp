#include "db/listener.hpp"

#include <libpq-fe.h>
#include <poll.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <stdexcept>

#include "db/database.hpp"

namespace oppenvard::db {
namespace {

using Connection = std::unique_ptr<PGconn, decltype(&PQfinish)>;

// Without these a dead peer (a fail-over, a dropped NAT entry) leaves the socket silent for
// hours and the node deaf; a URL's own settings come later and win.
constexpr std::string_view kLiveness =
    "connect_timeout=5 keepalives=1 keepalives_idle=30 keepalives_interval=10 "
    "keepalives_count=3 tcp_user_timeout=60000";
// An idle connection is asked a trivial query this often, so a dead one is noticed.
constexpr auto kProbeEvery = std::chrono::seconds(30);

bool probe(PGconn* conn) {
  PGresult* r = PQexec(conn, "SELECT 1");
  const bool ok = PQresultStatus(r) == PGRES_TUPLES_OK;
  PQclear(r);
  return ok;
}

}  // namespace

Listener::Listener(std::string url, std::string channel, Handler handler,
                   std::function<void()> after_gap)
    : conninfo_(std::string(kLiveness) + " application_name=oppenvard_listener " +
                postgres_conninfo(url)),
      channel_(std::move(channel)),
      handler_(std::move(handler)),
      after_gap_(std::move(after_gap)) {
  const bool identifier =
      !channel_.empty() && std::all_of(channel_.begin(), channel_.end(),
                                       [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; });
  if (!identifier) throw std::invalid_argument("listener channel must be [a-z_]+");
}

Listener::~Listener() {
  stop();
}

void Listener::start() {
  if (thread_.joinable()) return;
  stop_ = false;
  thread_ = std::thread([this] { run(); });
  for (int i = 0; i < 500 && !first_attempt_done_; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

void Listener::stop() {
  stop_ = true;
  if (thread_.joinable()) thread_.join();
}

void Listener::run() {
  bool listened_before = false;
  while (!stop_) {
    Connection conn(PQconnectdb(conninfo_.c_str()), &PQfinish);
    bool ok = PQstatus(conn.get()) == CONNECTION_OK;
    if (ok) {
      const std::string sql = "LISTEN " + channel_;
      PGresult* r = PQexec(conn.get(), sql.c_str());
      ok = PQresultStatus(r) == PGRES_COMMAND_OK;
      PQclear(r);
    }
    listening_ = ok;
    first_attempt_done_ = true;
    if (!ok) {
      spdlog::warn("realtime bus: cannot listen channel={} retry_in_ms=1000", channel_);
    } else if (listened_before && after_gap_) {
      spdlog::info("realtime bus: listening again channel={}", channel_);
      after_gap_();
    }
    listened_before = listened_before || ok;
    auto quiet_since = std::chrono::steady_clock::now();
    while (ok && !stop_) {
      pollfd fd{PQsocket(conn.get()), POLLIN, 0};
      // A short timeout so stop() is noticed promptly.
      const int ready = ::poll(&fd, 1, 200);
      if (ready == 0) {
        if (std::chrono::steady_clock::now() - quiet_since < kProbeEvery) continue;
        quiet_since = std::chrono::steady_clock::now();
        if (!probe(conn.get())) {
          spdlog::warn("realtime bus: connection lost channel={}", channel_);
          ok = false;
          break;
        }
      }
      if (ready < 0) continue;
      quiet_since = std::chrono::steady_clock::now();
      if (PQconsumeInput(conn.get()) == 0) {
        spdlog::warn("realtime bus: connection lost channel={}", channel_);
        ok = false;
        break;
      }
      while (PGnotify* n = PQnotifies(conn.get())) {
        try {
          handler_(n->extra);
        } catch (const std::exception& e) {
          spdlog::error("realtime bus: handler failed error={}", e.what());
        }
        PQfreemem(n);
      }
    }
    listening_ = false;
    for (int i = 0; i < 10 && !stop_; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  }
}

}  // namespace oppenvard::db
