#pragma once
// Signed, expiring permission to listen to one realtime topic. An authenticated HTTP request
// decides who may listen (that needs the database); the WebSocket checks the signature on
// its I/O thread without blocking. A served node takes the key all nodes share from the
// database (app/realtime), so a grant from one node opens the topic on any other.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace oppenvard::identity {

class TopicGrants {
 public:
  static constexpr std::int64_t kLifetimeMs = 5 * 60 * 1000;

  TopicGrants();  // a fresh random key
  explicit TopicGrants(const std::array<unsigned char, 32>& key) : key_(key) {}
  // Before serving only: the I/O threads read the key without a lock.
  void use_key(const std::array<unsigned char, 32>& key) { key_ = key; }

  // "<expires_ms>.<hex MAC over topic and expiry>"
  std::string issue(std::string_view topic, std::int64_t now_ms) const;
  bool verify(std::string_view topic, std::string_view grant, std::int64_t now_ms) const;

 private:
  std::string mac(std::string_view topic, std::int64_t expires_ms) const;
  std::array<unsigned char, 32> key_{};
};

}  // namespace oppenvard::identity
