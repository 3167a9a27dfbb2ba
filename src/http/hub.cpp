#include "http/hub.hpp"

#include <boost/json.hpp>

#include <algorithm>

namespace oppenvard::http {

bool valid_topic(std::string_view topic) {
  if (topic.empty() || topic.size() > 100) return false;
  return std::all_of(topic.begin(), topic.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == ':' ||
           c == '-';
  });
}

void Hub::subscribe(const std::string& topic, const std::shared_ptr<Subscriber>& subscriber) {
  std::lock_guard lock(mutex_);
  auto& list = topics_[topic];
  for (const auto& weak : list) {
    if (weak.lock() == subscriber) return;
  }
  list.push_back(subscriber);
}

void Hub::unsubscribe(const std::string& topic, const Subscriber* subscriber) {
  std::lock_guard lock(mutex_);
  const auto it = topics_.find(topic);
  if (it == topics_.end()) return;
  std::erase_if(it->second, [&](const std::weak_ptr<Subscriber>& weak) {
    const auto s = weak.lock();
    return !s || s.get() == subscriber;
  });
  if (it->second.empty()) topics_.erase(it);
}

void Hub::unsubscribe_all(const Subscriber* subscriber) {
  std::lock_guard lock(mutex_);
  for (auto it = topics_.begin(); it != topics_.end();) {
    std::erase_if(it->second, [&](const std::weak_ptr<Subscriber>& weak) {
      const auto s = weak.lock();
      return !s || s.get() == subscriber;
    });
    it = it->second.empty() ? topics_.erase(it) : std::next(it);
  }
}

std::size_t Hub::publish(const std::string& topic, const boost::json::value& event) {
  const auto frame = std::make_shared<const std::string>(boost::json::serialize(
      boost::json::object{{"type", "event"}, {"topic", topic}, {"event", event}}));
  std::vector<std::shared_ptr<Subscriber>> recipients;
  {
    std::lock_guard lock(mutex_);
    const auto it = topics_.find(topic);
    if (it == topics_.end()) return 0;
    recipients.reserve(it->second.size());
    for (const auto& weak : it->second) {
      if (auto s = weak.lock()) recipients.push_back(std::move(s));
    }
  }
  // Deliver outside the lock: a subscriber's deliver only posts to its own executor.
  for (const auto& s : recipients) s->deliver(frame);
  return recipients.size();
}

std::size_t Hub::resync() {
  const auto frame = std::make_shared<const std::string>(
      boost::json::serialize(boost::json::object{{"type", "system"}, {"event", "resync"}}));
  std::vector<std::shared_ptr<Subscriber>> recipients;
  {
    std::lock_guard lock(mutex_);
    for (const auto& [topic, list] : topics_) {
      for (const auto& weak : list) {
        auto s = weak.lock();
        if (s && std::find(recipients.begin(), recipients.end(), s) == recipients.end()) {
          recipients.push_back(std::move(s));
        }
      }
    }
  }
  for (const auto& s : recipients) s->deliver(frame);
  return recipients.size();
}

std::size_t Hub::subscriber_count(const std::string& topic) const {
  std::lock_guard lock(mutex_);
  const auto it = topics_.find(topic);
  return it == topics_.end() ? 0 : it->second.size();
}

}  // namespace oppenvard::http
