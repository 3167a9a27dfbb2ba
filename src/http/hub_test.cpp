#include "http/hub.hpp"

#include <gtest/gtest.h>
#include <boost/json.hpp>

namespace oppenvard::http {
namespace {

struct Inbox : Subscriber {
  void deliver(std::shared_ptr<const std::string> frame) override { frames.push_back(*frame); }
  std::vector<std::string> frames;
};

TEST(Hub, PublishReachesEverySubscriberOfTheTopicOnly) {
  Hub hub([](std::string_view, std::string_view) { return true; });
  auto a = std::make_shared<Inbox>();
  auto b = std::make_shared<Inbox>();
  hub.subscribe("case:1", a);
  hub.subscribe("case:2", b);
  EXPECT_EQ(hub.publish("case:1", boost::json::object{{"kind", "message"}}), 1u);
  ASSERT_EQ(a->frames.size(), 1u);
  EXPECT_TRUE(b->frames.empty());
  const auto frame = boost::json::parse(a->frames[0]).as_object();
  EXPECT_EQ(frame.at("type"), "event");
  EXPECT_EQ(frame.at("topic"), "case:1");
  EXPECT_EQ(frame.at("event").at("kind"), "message");
}

TEST(Hub, SubscribingTwiceDeliversOnce) {
  Hub hub([](std::string_view, std::string_view) { return true; });
  auto a = std::make_shared<Inbox>();
  hub.subscribe("t", a);
  hub.subscribe("t", a);
  hub.publish("t", nullptr);
  EXPECT_EQ(a->frames.size(), 1u);
}

TEST(Hub, UnsubscribedAndDestroyedSubscribersGetNothing) {
  Hub hub([](std::string_view, std::string_view) { return true; });
  auto a = std::make_shared<Inbox>();
  auto gone = std::make_shared<Inbox>();
  hub.subscribe("t", a);
  hub.subscribe("t", gone);
  hub.subscribe("u", a);
  gone.reset();
  EXPECT_EQ(hub.publish("t", nullptr), 1u);
  hub.unsubscribe_all(a.get());
  EXPECT_EQ(hub.publish("t", nullptr), 0u);
  EXPECT_EQ(hub.publish("u", nullptr), 0u);
  EXPECT_EQ(hub.subscriber_count("t"), 0u);
}

TEST(Hub, ResyncTellsEachSubscribedConnectionOnce) {
  Hub hub([](std::string_view, std::string_view) { return true; });
  auto a = std::make_shared<Inbox>();
  auto b = std::make_shared<Inbox>();
  hub.subscribe("case:1", a);
  hub.subscribe("unit:1", a);  // two topics, one connection
  hub.subscribe("case:2", b);
  EXPECT_EQ(hub.resync(), 2u);
  ASSERT_EQ(a->frames.size(), 1u);
  ASSERT_EQ(b->frames.size(), 1u);
  const auto frame = boost::json::parse(a->frames[0]).as_object();
  EXPECT_EQ(frame.at("type"), "system");
  EXPECT_EQ(frame.at("event"), "resync");
}

TEST(Hub, PolicyDecidesWhoMayListen) {
  Hub hub([](std::string_view topic, std::string_view) { return topic.starts_with("public:"); });
  EXPECT_TRUE(hub.allowed("public:directory"));
  EXPECT_FALSE(hub.allowed("case:123"));
  Hub closed(nullptr);
  EXPECT_FALSE(closed.allowed("public:directory"));
}

TEST(Topic, NamesAreShortAndPlain) {
  EXPECT_TRUE(valid_topic("case:0190a000-0000-7000-8000-000000000001"));
  EXPECT_TRUE(valid_topic("system"));
  EXPECT_FALSE(valid_topic(""));
  EXPECT_FALSE(valid_topic("Case"));
  EXPECT_FALSE(valid_topic("a b"));
  EXPECT_FALSE(valid_topic(std::string(101, 'a')));
}

}  // namespace
}  // namespace oppenvard::http
