#include "identity/topic_grants.hpp"

#include <sodium.h>

#include <charconv>
#include <stdexcept>

namespace oppenvard::identity {

TopicGrants::TopicGrants() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  randombytes_buf(key_.data(), key_.size());
}

std::string TopicGrants::mac(std::string_view topic, std::int64_t expires_ms) const {
  const auto message = std::string(topic) + "\n" + std::to_string(expires_ms);
  std::array<unsigned char, crypto_auth_hmacsha256_BYTES> out{};
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, key_.data(), key_.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(message.data()),
                                message.size());
  crypto_auth_hmacsha256_final(&state, out.data());
  std::string hex(out.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), out.data(), out.size());
  hex.pop_back();
  return hex;
}

std::string TopicGrants::issue(std::string_view topic, std::int64_t now_ms) const {
  const auto expires = now_ms + kLifetimeMs;
  return std::to_string(expires) + "." + mac(topic, expires);
}

bool TopicGrants::verify(std::string_view topic, std::string_view grant,
                         std::int64_t now_ms) const {
  const auto dot = grant.find('.');
  if (dot == std::string_view::npos || dot == 0) return false;
  std::int64_t expires = 0;
  const auto [end, ec] = std::from_chars(grant.data(), grant.data() + dot, expires);
  if (ec != std::errc() || end != grant.data() + dot || expires < now_ms) return false;
  const auto expected = mac(topic, expires);
  const auto given = grant.substr(dot + 1);
  return given.size() == expected.size() &&
         sodium_memcmp(given.data(), expected.data(), expected.size()) == 0;
}

}  // namespace oppenvard::identity
