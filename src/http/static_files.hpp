#pragma once
// The built single-page app, read into memory at start-up: serving it never touches the
// disk on an I/O thread, and a path can never escape the web root.
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace oppenvard::http {

struct StaticFile {
  std::string content;
  std::string content_type;
  std::string cache_control;
  std::string etag;
};

class StaticFiles {
 public:
  // Loads every regular file under `root` (missing root: nothing to serve).
  explicit StaticFiles(const std::string& root);

  const StaticFile* find(std::string_view path) const;
  // index.html for client-side routes; null when the app is not built.
  const StaticFile* index() const { return find("/index.html"); }
  std::size_t size() const { return files_.size(); }

 private:
  std::unordered_map<std::string, StaticFile> files_;
};

// Client routes get index.html: GET paths outside /api/ whose last segment has no dot.
bool is_client_route(std::string_view path);

std::string_view content_type_for(std::string_view path);

}  // namespace oppenvard::http
