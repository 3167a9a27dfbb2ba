#include "http/response_cache.hpp"

namespace oppenvard::http {

Response ResponseCache::get_or_build(const std::string& key,
                                     const std::function<Response()>& build) {
  if (ttl_ms_ <= 0) return build();
  const auto now = now_();
  {
    std::lock_guard lock(mutex_);
    if (const auto it = entries_.find(key); it != entries_.end() && it->second.expires_ms > now) {
      return *it->second.response;
    }
  }
  Response response = build();
  if (response.status != 200) return response;
  auto shared = std::make_shared<const Response>(response);
  std::lock_guard lock(mutex_);
  if (entries_.size() >= max_entries_) {
    std::erase_if(entries_, [now](const auto& e) { return e.second.expires_ms <= now; });
    // Still full: a crawler walking every search text. Start over rather than grow.
    if (entries_.size() >= max_entries_) entries_.clear();
  }
  entries_.insert_or_assign(key, Entry{now + ttl_ms_, std::move(shared)});
  return response;
}

std::optional<Response> ResponseCache::find(const std::string& key) {
  if (ttl_ms_ <= 0) return std::nullopt;
  const auto now = now_();
  std::lock_guard lock(mutex_);
  const auto it = entries_.find(key);
  if (it == entries_.end() || it->second.expires_ms <= now) return std::nullopt;
  return *it->second.response;
}

void ResponseCache::clear() {
  std::lock_guard lock(mutex_);
  entries_.clear();
}

}  // namespace oppenvard::http
