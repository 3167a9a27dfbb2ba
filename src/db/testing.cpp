#include "db/testing.hpp"

#include <cstdlib>
#include <filesystem>

#include "db/uuid.hpp"

namespace oppenvard::db::testing {
namespace {

std::string pg_url() {
  const char* url = std::getenv("OPPENVARD_TEST_PG_URL");
  return url ? url : "";
}

std::string with_search_path(const std::string& url, const std::string& schema) {
  const char separator = url.find('?') == std::string::npos ? '?' : '&';
  return url + separator + "options=-csearch_path%3D" + schema;
}

}  // namespace

std::vector<std::string> backends() {
  std::vector<std::string> names{"sqlite"};
  if (!pg_url().empty()) names.emplace_back("postgresql");
  return names;
}

ScratchDatabase::ScratchDatabase(const std::string& backend, std::size_t pool_size)
    : backend_(backend) {
  std::string id = new_uuid_v7();
  std::erase(id, '-');
  if (backend == "postgresql") {
    place_ = "t_" + id;
    Database admin({pg_url(), 1});
    admin.with_session([&](soci::session& sql) { sql << "CREATE SCHEMA " + place_; });
    url_ = with_search_path(pg_url(), place_);
  } else {
    place_ = (std::filesystem::temp_directory_path() / ("oppenvard-test-" + id)).string();
    std::filesystem::create_directories(place_);
    url_ = "sqlite:" + place_ + "/test.db";
  }
  db_ = std::make_unique<Database>(DatabaseConfig{url_, pool_size});
}

ScratchDatabase::~ScratchDatabase() {
  db_.reset();
  try {
    if (backend_ == "postgresql") {
      Database admin({pg_url(), 1});
      admin.with_session([&](soci::session& sql) { sql << "DROP SCHEMA " + place_ + " CASCADE"; });
    } else {
      std::filesystem::remove_all(place_);
    }
  } catch (...) {
    // Cleanup of a scratch database must never turn a passing test into a crash.
  }
}

}  // namespace oppenvard::db::testing
