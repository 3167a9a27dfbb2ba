#pragma once
// The one data layer: SQLite (embedded default) and PostgreSQL through SOCI.
// Every call here blocks; callers run it on the blocking pool, never on an I/O thread.
#include <soci/soci.h>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace oppenvard::db {

enum class Dialect { sqlite, postgresql };

struct DatabaseConfig {
  // "sqlite:PATH" (or a bare path ending in .db) or a "postgresql://…" URL.
  std::string url;
  std::size_t pool_size = 4;
};

// A postgresql:// URL in libpq's keyword=value form (SOCI mangles URLs).
std::string postgres_conninfo(std::string_view url);

// The URL with any password replaced, safe for logs and error messages.
std::string redact_url(std::string_view url);

class Database {
 public:
  explicit Database(const DatabaseConfig& config);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  Dialect dialect() const { return dialect_; }
  std::size_t pool_size() const { return size_; }

  // Runs fn(soci::session&) on a pooled connection.
  template <class F>
  auto with_session(F&& fn) {
    soci::session sql(*pool_);
    return fn(sql);
  }

  // Runs fn(soci::session&) inside one transaction: committed when fn returns, rolled back
  // when it throws. On SQLite the write lock is taken up front (BEGIN IMMEDIATE) so two
  // writers queue on the busy timeout instead of failing half-way with SQLITE_BUSY.
  template <class F>
  auto transaction(F&& fn) {
    soci::session sql(*pool_);
    begin(sql);
    try {
      if constexpr (std::is_void_v<decltype(fn(sql))>) {
        fn(sql);
        sql.commit();
      } else {
        auto result = fn(sql);
        sql.commit();
        return result;
      }
    } catch (...) {
      try {
        sql.rollback();
      } catch (...) {
      }
      throw;
    }
  }

  // True when a trivial query answers; reconnects a broken connection once.
  bool ping();

 private:
  void begin(soci::session& sql);

  Dialect dialect_;
  std::size_t size_;
  std::unique_ptr<soci::connection_pool> pool_;
};

}  // namespace oppenvard::db
