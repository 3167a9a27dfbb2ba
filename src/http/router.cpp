#include "http/router.hpp"

#include <algorithm>
#include <stdexcept>

namespace oppenvard::http {
namespace {

bool is_param(std::string_view segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

bool matches(const Route& route, const std::vector<std::string_view>& parts, Fields* params) {
  if (route.segments.size() != parts.size()) return false;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const std::string& segment = route.segments[i];
    if (is_param(segment)) {
      if (params != nullptr) {
        params->emplace_back(segment.substr(1, segment.size() - 2), std::string(parts[i]));
      }
    } else if (segment != parts[i]) {
      return false;
    }
  }
  return true;
}

}  // namespace

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (start <= path.size()) {
    const std::size_t end = std::min(path.find('/', start), path.size());
    if (end > start) parts.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

void Router::add(std::string method, std::string pattern, Handler handler, RouteOptions options) {
  Route route{std::move(method), std::move(pattern), std::move(handler),
              options,           routes_.size(),     {}};
  for (auto part : split_path(route.pattern)) route.segments.emplace_back(part);
  for (const Route& existing : routes_) {
    const bool same_shape =
        std::equal(existing.segments.begin(), existing.segments.end(), route.segments.begin(),
                   route.segments.end(), [](const std::string& a, const std::string& b) {
                     return a == b || (is_param(a) && is_param(b));
                   });
    if (existing.method == route.method && same_shape) {
      throw std::logic_error("duplicate route " + route.method + " " + route.pattern);
    }
  }
  routes_.push_back(std::move(route));
}

Router::Match Router::match(std::string_view method, std::string_view path, Fields& params) const {
  const auto parts = split_path(path);
  const std::string_view wanted = method == "HEAD" ? "GET" : method;
  Match result;
  // Literal segments win over parameters: try exact routes first.
  const Route* best = nullptr;
  std::size_t best_params = SIZE_MAX;
  for (const Route& route : routes_) {
    if (!matches(route, parts, nullptr)) continue;
    result.path_exists = true;
    if (std::find(result.allowed_methods.begin(), result.allowed_methods.end(), route.method) ==
        result.allowed_methods.end()) {
      result.allowed_methods.push_back(route.method);
    }
    if (route.method != wanted) continue;
    const auto count =
        static_cast<std::size_t>(std::count_if(route.segments.begin(), route.segments.end(),
                                               [](const std::string& s) { return is_param(s); }));
    if (count < best_params) {
      best = &route;
      best_params = count;
    }
  }
  if (best != nullptr) {
    matches(*best, parts, &params);
    result.route = best;
  }
  return result;
}

}  // namespace oppenvard::http
