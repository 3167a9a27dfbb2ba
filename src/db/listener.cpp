#include "db/listener.hpp"

#include <libpq-fe.h>
#include <poll.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <memory>

#include "db/database.hpp"

namespace oppenvard::db {
namespace {

using Connection = std::unique_ptr<PGconn, decltype(&PQfinish)>;

}  // namespace

Listener::Listener(std::string url, std::string channel, Handler handler)
    : conninfo_(postgres_conninfo(url)),
      channel_(std::move(channel)),
      handler_(std::move(handler)) {}

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
    }
    while (ok && !stop_) {
      pollfd fd{PQsocket(conn.get()), POLLIN, 0};
      // A short timeout so stop() is noticed promptly.
      if (::poll(&fd, 1, 200) < 0) continue;
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
