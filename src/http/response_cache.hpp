#pragma once
// A small in-process cache of whole responses for public, rarely changing reads (the clinic
// directory): a hit costs one map lookup and a copy of the bytes, no database and no JSON.
// Entries live `ttl_ms`; a writer on this node calls clear(); other nodes are at most
// `ttl_ms` behind. Never use it for anything personal.
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "http/message.hpp"

namespace oppenvard::http {

class ResponseCache {
 public:
  using Now = std::function<std::int64_t()>;
  ResponseCache(std::int64_t ttl_ms, Now now, std::size_t max_entries = 1000)
      : ttl_ms_(ttl_ms), now_(std::move(now)), max_entries_(max_entries) {}

  // The cached response for `key`, or `build()`'s, cached when it is a 200.
  Response get_or_build(const std::string& key, const std::function<Response()>& build);
  // Only a fresh cached response; never builds (safe on an I/O thread).
  std::optional<Response> find(const std::string& key);
  void clear();

 private:
  struct Entry {
    std::int64_t expires_ms;
    std::shared_ptr<const Response> response;
  };
  std::int64_t ttl_ms_;
  Now now_;
  std::size_t max_entries_;
  std::mutex mutex_;
  std::map<std::string, Entry, std::less<>> entries_;
};

}  // namespace oppenvard::http
