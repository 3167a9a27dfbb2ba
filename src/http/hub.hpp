#pragma once
// Topic fan-out for realtime events. Sessions subscribe to topics; capabilities publish
// events to a topic. This node only: app::Bus carries events between nodes.
#include <boost/json/value.hpp>

#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace oppenvard::http {

class Subscriber {
 public:
  virtual ~Subscriber() = default;
  // Called from any thread; must not block. The frame is shared by every recipient.
  virtual void deliver(std::shared_ptr<const std::string> frame) = 0;
};

class Hub {
 public:
  // Decides whether a connection may listen to `topic`, given the grant it presented with the
  // subscribe frame ("" if none). Runs on an I/O thread: it must not block, so private topics
  // are opened by a signed, expiring grant issued by an authenticated HTTP request.
  using TopicPolicy = std::function<bool(std::string_view topic, std::string_view grant)>;

  explicit Hub(TopicPolicy policy) : policy_(std::move(policy)) {}

  bool allowed(std::string_view topic, std::string_view grant = {}) const {
    return policy_ && policy_(topic, grant);
  }
  void subscribe(const std::string& topic, const std::shared_ptr<Subscriber>& subscriber);
  void unsubscribe(const std::string& topic, const Subscriber* subscriber);
  void unsubscribe_all(const Subscriber* subscriber);

  // Sends {"type":"event","topic":…,"event":…} to every subscriber; returns how many.
  std::size_t publish(const std::string& topic, const boost::json::value& event);
  std::size_t subscriber_count(const std::string& topic) const;
  // Tells every connection with a subscription, once each, that events may have been missed
  // ({"type":"system","event":"resync"}): clients then fetch what they show again.
  std::size_t resync();

 private:
  TopicPolicy policy_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, std::vector<std::weak_ptr<Subscriber>>> topics_;
};

// Topic names: 1–100 characters of [a-z0-9._:-].
bool valid_topic(std::string_view topic);

}  // namespace oppenvard::http
