#pragma once
// Realtime topics across the cluster. Who may listen: public topics are open to every
// connection; a private topic ("unit:<id>", "case:<id>", "meeting:<id>:<participant>") needs a
// grant, issued after the capability that owns the topic agreed. How events travel: the Bus
// hands each event to this node's hub and, on PostgreSQL, to every other node's hub through
// LISTEN/NOTIFY, so the two people of one meeting or one inbox may sit on different nodes.
#include <array>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/value.hpp>

#include "core/clock.hpp"
#include "db/database.hpp"
#include "db/listener.hpp"
#include "db/migrations.hpp"
#include "http/hub.hpp"
#include "http/router.hpp"
#include "identity/service.hpp"
#include "identity/topic_grants.hpp"

namespace oppenvard::app {

// May this person listen to this (private) topic? Blocking: may read the database.
using TopicAuthorizer =
    std::function<bool(const identity::Principal& principal, const std::string& topic)>;

bool public_topic(std::string_view topic);

http::Hub::TopicPolicy topic_policy(const identity::TopicGrants& grants, const core::Clock& clock);

void register_realtime_routes(http::Router& router, identity::Service& identity,
                              const identity::TopicGrants& grants, const core::Clock& clock,
                              TopicAuthorizer authorizer);

std::vector<db::Migration> realtime_migrations();

// The grant key every node shares: made by the first node, read by the rest.
std::array<unsigned char, 32> shared_grant_key(db::Database& db);

class Bus {
 public:
  // `database_url` decides: PostgreSQL fans out across nodes, SQLite stays on this one.
  Bus(http::Hub& hub, db::Database& db, const std::string& database_url);
  ~Bus();
  void start();  // listens for the other nodes' events (PostgreSQL)
  void publish(const std::string& topic, const boost::json::value& event);
  // False while a PostgreSQL node cannot hear the others (for /readyz).
  bool connected() const { return !listener_ || listener_->listening(); }
  // Deletes spilled events every node has long read; returns how many (a periodic job).
  std::size_t sweep();

  // NOTIFY carries at most 8000 bytes; a larger event (an SDP offer) goes by a table row.
  static constexpr std::size_t kNotifyLimit = 7900;

 private:
  void receive(std::string_view payload);

  http::Hub& hub_;
  db::Database& db_;
  std::string node_;
  std::unique_ptr<db::Listener> listener_;
};

}  // namespace oppenvard::app
