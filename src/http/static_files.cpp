#include "http/static_files.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

namespace oppenvard::http {

std::string_view content_type_for(std::string_view path) {
  const auto dot = path.rfind('.');
  const std::string_view ext = dot == std::string_view::npos ? "" : path.substr(dot + 1);
  if (ext == "html") return "text/html; charset=utf-8";
  if (ext == "js" || ext == "mjs") return "text/javascript; charset=utf-8";
  if (ext == "css") return "text/css; charset=utf-8";
  if (ext == "json" || ext == "map") return "application/json";
  if (ext == "svg") return "image/svg+xml";
  if (ext == "png") return "image/png";
  if (ext == "ico") return "image/x-icon";
  if (ext == "webp") return "image/webp";
  if (ext == "woff2") return "font/woff2";
  if (ext == "txt") return "text/plain; charset=utf-8";
  if (ext == "webmanifest") return "application/manifest+json";
  return "application/octet-stream";
}

bool is_client_route(std::string_view path) {
  if (path.starts_with("/api/") || path == "/api") return false;
  const auto slash = path.rfind('/');
  const auto last = slash == std::string_view::npos ? path : path.substr(slash + 1);
  return last.find('.') == std::string_view::npos;
}

StaticFiles::StaticFiles(const std::string& root) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (root.empty() || !fs::is_directory(root, ec)) return;
  for (const auto& entry : fs::recursive_directory_iterator(root, ec)) {
    if (!entry.is_regular_file()) continue;
    const std::string relative = "/" + fs::relative(entry.path(), root).generic_string();
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    StaticFile file;
    file.content = content.str();
    file.content_type = std::string(content_type_for(relative));
    // Vite puts content-hashed names under /assets/: they never change.
    file.cache_control =
        relative.starts_with("/assets/") ? "public, max-age=31536000, immutable" : "no-cache";
    file.etag =
        fmt::format("\"{:x}-{:x}\"", file.content.size(), std::hash<std::string>{}(file.content));
    files_.emplace(relative, std::move(file));
  }
}

const StaticFile* StaticFiles::find(std::string_view path) const {
  const auto it = files_.find(std::string(path));
  return it == files_.end() ? nullptr : &it->second;
}

}  // namespace oppenvard::http
