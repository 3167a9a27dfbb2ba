#pragma once
// Versioned schema migrations. Each capability contributes its own list; the composition
// root concatenates them in dependency order. One SQL text serves both databases.
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "db/database.hpp"

namespace oppenvard::db {

struct Migration {
  std::string_view id;  // "<capability>/<NNNN>_<what>", unique and never renamed
  std::vector<std::string_view> statements;
};

struct MigrationReport {
  std::vector<std::string> applied;  // ids applied by this call, in order
  std::size_t already_applied = 0;
};

// Applies every migration not yet recorded in schema_migrations, each in its own
// transaction. Safe to run from several processes at once: on PostgreSQL an advisory
// lock serialises them, on SQLite the write lock does.
MigrationReport migrate(Database& db, std::span<const Migration> migrations);

// Ids recorded as applied.
std::vector<std::string> applied_migrations(Database& db);

}  // namespace oppenvard::db
