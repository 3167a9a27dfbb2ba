#pragma once
// Store tests run once per database: a fresh SQLite file always, and a fresh PostgreSQL
// schema when OPPENVARD_TEST_PG_URL names a server (the test script starts one).
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "db/database.hpp"

namespace oppenvard::db::testing {

// "sqlite" always; "postgresql" too when the environment provides a server.
std::vector<std::string> backends();

// A database of the given backend, empty and private to the caller; dropped on destruction.
class ScratchDatabase {
 public:
  explicit ScratchDatabase(const std::string& backend, std::size_t pool_size = 4);
  ~ScratchDatabase();
  Database& db() { return *db_; }
  const std::string& url() const { return url_; }

 private:
  std::string backend_;
  std::string place_;  // SQLite directory or PostgreSQL schema
  std::string url_;
  std::unique_ptr<Database> db_;
};

// gtest parameter naming: SQLite / PostgreSQL.
struct BackendName {
  std::string operator()(const ::testing::TestParamInfo<std::string>& info) const {
    return info.param;
  }
};

}  // namespace oppenvard::db::testing
