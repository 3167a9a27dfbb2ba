#include "http/metrics.hpp"

#include <fmt/format.h>

namespace oppenvard::http {
namespace {

std::string escape(const std::string& value) {
  std::string out;
  for (char c : value) {
    if (c == '\\' || c == '"') out.push_back('\\');
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out.push_back(c);
  }
  return out;
}

}  // namespace

Metrics::Metrics(std::vector<Label> labels)
    : labels_(std::move(labels)), series_(std::make_unique<Series[]>(labels_.size())) {}

void Metrics::observe(std::size_t slot, int status, double seconds) {
  if (slot >= labels_.size()) return;
  Series& s = series_[slot];
  const int klass = status / 100;
  if (klass >= 1 && klass <= 5) s.by_class[klass].fetch_add(1, std::memory_order_relaxed);
  for (std::size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) {
      s.buckets[i].fetch_add(1, std::memory_order_relaxed);
      break;
    }
  }
  s.count.fetch_add(1, std::memory_order_relaxed);
  s.sum_micros.fetch_add(static_cast<std::uint64_t>(seconds * 1e6), std::memory_order_relaxed);
}

std::string Metrics::render() const {
  std::string out;
  out +=
      "# HELP oppenvard_http_requests_total HTTP requests answered, by route and status "
      "class.\n# TYPE oppenvard_http_requests_total counter\n";
  for (std::size_t i = 0; i < labels_.size(); ++i) {
    for (int klass = 1; klass <= 5; ++klass) {
      const auto n = series_[i].by_class[klass].load(std::memory_order_relaxed);
      if (n == 0) continue;
      out += fmt::format(
          "oppenvard_http_requests_total{{method=\"{}\",route=\"{}\",code=\"{}xx\"}} {}\n",
          escape(labels_[i].method), escape(labels_[i].route), klass, n);
    }
  }
  out +=
      "# HELP oppenvard_http_request_duration_seconds Time from a complete request to its "
      "response.\n# TYPE oppenvard_http_request_duration_seconds histogram\n";
  for (std::size_t i = 0; i < labels_.size(); ++i) {
    const Series& s = series_[i];
    const auto count = s.count.load(std::memory_order_relaxed);
    if (count == 0) continue;
    const auto labels = fmt::format("method=\"{}\",route=\"{}\"", escape(labels_[i].method),
                                    escape(labels_[i].route));
    std::uint64_t cumulative = 0;
    for (std::size_t b = 0; b < kBuckets.size(); ++b) {
      cumulative += s.buckets[b].load(std::memory_order_relaxed);
      out += fmt::format("oppenvard_http_request_duration_seconds_bucket{{{},le=\"{}\"}} {}\n",
                         labels, kBuckets[b], cumulative);
    }
    out += fmt::format("oppenvard_http_request_duration_seconds_bucket{{{},le=\"+Inf\"}} {}\n",
                       labels, count);
    out += fmt::format("oppenvard_http_request_duration_seconds_sum{{{}}} {}\n", labels,
                       static_cast<double>(s.sum_micros.load(std::memory_order_relaxed)) / 1e6);
    out += fmt::format("oppenvard_http_request_duration_seconds_count{{{}}} {}\n", labels, count);
  }
  out += fmt::format(
      "# HELP oppenvard_http_connections Open HTTP connections.\n"
      "# TYPE oppenvard_http_connections gauge\noppenvard_http_connections {}\n"
      "# HELP oppenvard_websocket_connections Open WebSocket connections.\n"
      "# TYPE oppenvard_websocket_connections gauge\noppenvard_websocket_connections {}\n"
      "# HELP oppenvard_websocket_messages_sent_total WebSocket messages sent.\n"
      "# TYPE oppenvard_websocket_messages_sent_total counter\n"
      "oppenvard_websocket_messages_sent_total {}\n",
      http_connections.load(), websocket_connections.load(), websocket_messages_out.load());
  return out;
}

}  // namespace oppenvard::http
