#include "app/realtime.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <chrono>
#include <condition_variable>
#include <mutex>

#include "db/testing.hpp"

namespace oppenvard::app {
namespace {

using namespace std::chrono_literals;

class Collector : public http::Subscriber {
 public:
  void deliver(std::shared_ptr<const std::string> frame) override {
    std::lock_guard lock(mutex_);
    frames_.push_back(*frame);
    changed_.notify_all();
  }
  // Waits until `n` frames arrived or `timeout` passed; returns what arrived.
  std::vector<std::string> wait_for(std::size_t n, std::chrono::milliseconds timeout) {
    std::unique_lock lock(mutex_);
    changed_.wait_for(lock, timeout, [&] { return frames_.size() >= n; });
    return frames_;
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<std::string> frames_;
};

// One node's hub and bus, listening.
struct Node {
  explicit Node(db::testing::ScratchDatabase& scratch) : bus(hub, scratch.db(), scratch.url()) {
    bus.start();
  }
  http::Hub hub{nullptr};
  Bus bus;
};

class RealtimeBusTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override { db::migrate(scratch_.db(), realtime_migrations()); }

  db::testing::ScratchDatabase scratch_{GetParam()};
};

TEST_P(RealtimeBusTest, EveryNodeSharesOneGrantKey) {
  const auto first = shared_grant_key(scratch_.db());
  EXPECT_EQ(shared_grant_key(scratch_.db()), first);  // the second node reads the first's
  const identity::TopicGrants one(first);
  const identity::TopicGrants other(shared_grant_key(scratch_.db()));
  EXPECT_TRUE(other.verify("unit:x", one.issue("unit:x", 1'000), 2'000));
}

TEST_P(RealtimeBusTest, EventsReachEveryNodeOnceAlsoWhenTooLargeForNotify) {
  Node first(scratch_);
  Node second(scratch_);
  auto& [hub_a, a] = first;
  auto& [hub_b, b] = second;
  auto here = std::make_shared<Collector>();
  auto there = std::make_shared<Collector>();
  hub_a.subscribe("case:1", here);
  hub_b.subscribe("case:1", there);

  const std::string large(12'000, 'x');
  a.publish("case:1", boost::json::object{{"status", "answered"}});
  a.publish("case:1", boost::json::object{{"sdp", large}});
  a.publish("case:2", boost::json::object{{"status", "new"}});  // nobody listens

  const auto mine = here->wait_for(2, 5s);
  ASSERT_EQ(mine.size(), 2u);
  EXPECT_NE(mine[0].find("answered"), std::string::npos);
  if (GetParam() == "postgresql") {
    const auto theirs = there->wait_for(2, 5s);
    ASSERT_EQ(theirs.size(), 2u);
    EXPECT_EQ(theirs[0], mine[0]);  // the same frame, in order
    EXPECT_EQ(theirs[1], mine[1]);
    EXPECT_GT(theirs[1].size(), Bus::kNotifyLimit);
  } else {
    EXPECT_TRUE(there->wait_for(1, 200ms).empty());  // SQLite: one node, one hub
  }
  // Nothing doubled: the publishing node does not deliver its own notification again.
  EXPECT_EQ(here->wait_for(3, 300ms).size(), 2u);
  EXPECT_LE(there->wait_for(3, 300ms).size(), 2u);
  EXPECT_EQ(a.connected(), true);

  // The sweep takes spilled events older than a few minutes, and only those.
  scratch_.db().with_session([](soci::session& sql) {
    sql << "INSERT INTO realtime_spill (id, body, created_at_ms) VALUES ('old', '{}', 1)";
  });
  const auto count = [&] {
    long long n = 0;
    scratch_.db().with_session(
        [&](soci::session& sql) { sql << "SELECT COUNT(*) FROM realtime_spill", soci::into(n); });
    return n;
  };
  const auto before = count();
  EXPECT_EQ(a.sweep(), GetParam() == "postgresql" ? 1u : 0u);
  EXPECT_EQ(count(), GetParam() == "postgresql" ? before - 1 : before);
}

// Only PostgreSQL has a listener to lose.
class RealtimeBusReconnectTest : public RealtimeBusTest {};

TEST_P(RealtimeBusReconnectTest, AfterALostConnectionTheBusListensAgainAndClientsAreToldToResync) {
  Node first(scratch_);
  Node second(scratch_);
  auto& [hub_a, a] = first;
  auto& [hub_b, b] = second;
  auto there = std::make_shared<Collector>();
  hub_b.subscribe("unit:1", there);
  // The database ends the listeners' sessions, as a fail-over or a restart would.
  scratch_.db().with_session([](soci::session& sql) {
    int n = 0;
    sql << "SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity"
           " WHERE application_name = 'oppenvard_listener' AND pid <> pg_backend_pid()",
        soci::into(n);
  });
  const auto told = there->wait_for(1, 10s);
  ASSERT_EQ(told.size(), 1u) << "the subscriber was not told to resync";
  EXPECT_NE(told[0].find("resync"), std::string::npos);
  EXPECT_TRUE(b.connected());
  a.publish("unit:1", boost::json::object{{"status", "new"}});
  const auto after = there->wait_for(2, 5s);
  ASSERT_EQ(after.size(), 2u) << "events did not cross again after the reconnect";
  EXPECT_NE(after[1].find("new"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, RealtimeBusTest, ::testing::ValuesIn(db::testing::backends()),
                         db::testing::BackendName{});

std::vector<std::string> postgresql_only() {
  auto list = db::testing::backends();
  std::erase(list, std::string("sqlite"));
  return list;
}
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(RealtimeBusReconnectTest);
INSTANTIATE_TEST_SUITE_P(Backends, RealtimeBusReconnectTest, ::testing::ValuesIn(postgresql_only()),
                         db::testing::BackendName{});

}  // namespace
}  // namespace oppenvard::app
