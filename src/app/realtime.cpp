#include "app/realtime.hpp"

#include <sodium.h>
#include <spdlog/spdlog.h>
#include <boost/json.hpp>

#include <chrono>

#include "core/time.hpp"
#include "db/uuid.hpp"
#include "http/json_body.hpp"
#include "http/problem.hpp"
#include "identity/api.hpp"

namespace oppenvard::app {
namespace {

constexpr std::string_view kChannel = "oppenvard_realtime";

// Spilled events (too large for NOTIFY) are read within moments; five minutes leave room for
// nodes whose clocks differ.
constexpr std::int64_t kSpillLifetimeMs = 5 * 60'000;

std::int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

bool public_topic(std::string_view topic) {
  return topic == "system" || topic.starts_with("public:");
}

http::Hub::TopicPolicy topic_policy(const identity::TopicGrants& grants, const core::Clock& clock) {
  return [&grants, &clock](std::string_view topic, std::string_view grant) {
    return public_topic(topic) || grants.verify(topic, grant, clock.now_ms());
  };
}

void register_realtime_routes(http::Router& router, identity::Service& identity,
                              const identity::TopicGrants& grants, const core::Clock& clock,
                              TopicAuthorizer authorizer) {
  router.add(
      "POST", "/api/v1/realtime/grants",
      [&identity, &grants, &clock, authorizer](http::Request& request) {
        const auto principal = identity::authenticate(identity, request);
        const auto body = http::parse_json_object(request);
        std::vector<std::string> topics;
        const auto* list = body.if_contains("topics");
        bool valid = list != nullptr && list->is_array() && !list->as_array().empty() &&
                     list->as_array().size() <= 20 && body.size() == 1;
        if (valid) {
          for (const auto& t : list->as_array()) {
            if (!t.is_string() || !http::valid_topic(t.get_string())) {
              valid = false;
              break;
            }
            topics.emplace_back(t.get_string());
          }
        }
        if (!valid) {
          throw http::Problem(http::ProblemKind::invalid_field, "Send {\"topics\": [1–20 topics]}.",
                              {{"/topics", "must be an array of 1–20 topic names"}});
        }
        const auto now = clock.now_ms();
        boost::json::array granted;
        for (const auto& topic : topics) {
          if (!public_topic(topic) && !authorizer(principal, topic)) {
            throw http::Problem(http::ProblemKind::forbidden,
                                "You may not listen to one of the topics.");
          }
          granted.push_back({{"topic", topic}, {"grant", grants.issue(topic, now)}});
        }
        return http::Response::json(boost::json::object{
            {"grants", std::move(granted)},
            {"expires_at", core::format_rfc3339_utc(now + identity::TopicGrants::kLifetimeMs)}});
      });
}

std::vector<db::Migration> realtime_migrations() {
  return {{"realtime/0001_cluster",
           {"CREATE TABLE realtime_keys (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
            "CREATE TABLE realtime_spill (id TEXT PRIMARY KEY, body TEXT NOT NULL,"
            " created_at_ms BIGINT NOT NULL)",
            "CREATE INDEX realtime_spill_by_age ON realtime_spill (created_at_ms)"}}};
}

std::array<unsigned char, 32> shared_grant_key(db::Database& db) {
  std::array<unsigned char, 32> key{};
  randombytes_buf(key.data(), key.size());
  std::string hex(key.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), key.data(), key.size());
  hex.pop_back();
  const auto stored = db.transaction([&](soci::session& sql) {
    sql << "INSERT INTO realtime_keys (name, value) VALUES ('topic_grants', :v)"
           " ON CONFLICT (name) DO NOTHING",
        soci::use(hex, "v");
    std::string value;
    sql << "SELECT value FROM realtime_keys WHERE name = 'topic_grants'", soci::into(value);
    return value;
  });
  if (stored.size() != key.size() * 2 ||
      sodium_hex2bin(key.data(), key.size(), stored.data(), stored.size(), nullptr, nullptr,
                     nullptr) != 0) {
    throw std::runtime_error("the stored topic grant key is damaged");
  }
  return key;
}

Bus::Bus(http::Hub& hub, db::Database& db, const std::string& database_url)
    : hub_(hub), db_(db), node_(db::new_uuid_v7()) {
  if (db.dialect() == db::Dialect::postgresql) {
    // After a gap the other nodes' events of the meantime are lost: this node's clients are
    // told to fetch again.
    listener_ = std::make_unique<db::Listener>(
        database_url, std::string(kChannel), [this](std::string_view p) { receive(p); },
        [this] { hub_.resync(); });
  }
}

Bus::~Bus() = default;

void Bus::start() {
  if (listener_) listener_->start();
}

void Bus::publish(const std::string& topic, const boost::json::value& event) {
  hub_.publish(topic, event);
  if (!listener_) return;
  auto message = boost::json::serialize(
      boost::json::object{{"node", node_}, {"topic", topic}, {"event", event}});
  try {
    // Autocommit, statement by statement: a spilled row is committed before its notification.
    db_.with_session([&](soci::session& sql) {
      if (message.size() > kNotifyLimit) {
        const auto id = db::new_uuid_v7();
        const long long now = now_ms();
        sql << "INSERT INTO realtime_spill (id, body, created_at_ms) VALUES (:i, :b, :n)",
            soci::use(id, "i"), soci::use(message, "b"), soci::use(now, "n");
        message = boost::json::serialize(boost::json::object{{"node", node_}, {"spill", id}});
      }
      int one = 0;
      sql << "SELECT 1 FROM (SELECT pg_notify('" << std::string(kChannel) << "', :p)) AS sent",
          soci::use(message, "p"), soci::into(one);
    });
  } catch (const std::exception& e) {
    // The event reached this node; other nodes' clients catch up on their next fetch.
    spdlog::error("realtime bus: publish failed error={}", e.what());
  }
}

std::size_t Bus::sweep() {
  if (!listener_) return 0;
  const long long old = now_ms() - kSpillLifetimeMs;
  return db_.with_session([&](soci::session& sql) {
    soci::statement st =
        (sql.prepare << "DELETE FROM realtime_spill WHERE created_at_ms < :o", soci::use(old, "o"));
    st.execute(true);
    return static_cast<std::size_t>(st.get_affected_rows());
  });
}

void Bus::receive(std::string_view payload) {
  auto message = boost::json::parse(payload);
  const auto& head = message.as_object();
  if (head.at("node").as_string() == node_) return;  // delivered here when published
  if (const auto* spill = head.if_contains("spill")) {
    const std::string id(spill->as_string());
    std::string body;
    db_.with_session([&](soci::session& sql) {
      sql << "SELECT body FROM realtime_spill WHERE id = :i", soci::use(id, "i"), soci::into(body);
    });
    if (body.empty()) {
      spdlog::warn("realtime bus: a spilled event was gone before it was read");
      return;
    }
    message = boost::json::parse(body);
  }
  const auto& o = message.as_object();
  hub_.publish(std::string(o.at("topic").as_string()), o.at("event"));
}

}  // namespace oppenvard::app
