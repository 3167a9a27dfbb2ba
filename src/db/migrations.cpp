#include "db/migrations.hpp"

#include <algorithm>
#include <chrono>
#include <set>

namespace oppenvard::db {
namespace {

constexpr std::string_view kCreateTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " id TEXT PRIMARY KEY,"
    " applied_at_ms BIGINT NOT NULL)";
constexpr std::string_view kSelectApplied = "SELECT id FROM schema_migrations ORDER BY id";
constexpr std::string_view kIsApplied = "SELECT COUNT(*) FROM schema_migrations WHERE id = :id";
constexpr std::string_view kRecord =
    "INSERT INTO schema_migrations (id, applied_at_ms) VALUES (:id, :at)";
// An arbitrary constant that names "oppenvard migrations" among advisory locks.
constexpr long long kAdvisoryLock = 0x6f7076617264;

long long now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

std::vector<std::string> applied_migrations(Database& db) {
  return db.with_session([](soci::session& sql) {
    sql << kCreateTable;
    std::vector<std::string> ids;
    soci::rowset<std::string> rows = (sql.prepare << kSelectApplied);
    for (const auto& id : rows) ids.push_back(id);
    return ids;
  });
}

MigrationReport migrate(Database& db, std::span<const Migration> migrations) {
  MigrationReport report;
  db.with_session([](soci::session& sql) { sql << kCreateTable; });
  for (const Migration& migration : migrations) {
    const bool applied_now = db.transaction([&](soci::session& sql) {
      if (db.dialect() == Dialect::postgresql) {
        // Held until the transaction ends: a second node waits, then sees the row.
        sql << "SELECT pg_advisory_xact_lock(" + std::to_string(kAdvisoryLock) + ")";
      }
      const std::string id(migration.id);
      int count = 0;
      sql << kIsApplied, soci::use(id), soci::into(count);
      if (count > 0) return false;
      for (std::string_view statement : migration.statements) sql << statement;
      const long long at = now_ms();
      sql << kRecord, soci::use(id), soci::use(at);
      return true;
    });
    if (applied_now) {
      report.applied.emplace_back(migration.id);
    } else {
      ++report.already_applied;
    }
  }
  return report;
}

}  // namespace oppenvard::db
