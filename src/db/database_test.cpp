#include "db/database.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "db/migrations.hpp"
#include "db/testing.hpp"

namespace oppenvard::db {
namespace {

using testing::ScratchDatabase;

const Migration kNotes{"test/0001_notes",
                       {"CREATE TABLE notes (id TEXT PRIMARY KEY, body TEXT NOT NULL, "
                        "at_ms BIGINT NOT NULL)",
                        "CREATE INDEX notes_at ON notes (at_ms)"}};
const Migration kTags{"test/0002_tags",
                      {"CREATE TABLE tags (note_id TEXT NOT NULL REFERENCES notes (id), "
                       "tag TEXT NOT NULL, PRIMARY KEY (note_id, tag))"}};

class DatabaseTest : public ::testing::TestWithParam<std::string> {
 protected:
  ScratchDatabase scratch_{GetParam()};
  Database& db() { return scratch_.db(); }
};

TEST_P(DatabaseTest, MigrationsApplyOnceAndRecordTheirIds) {
  const std::vector<Migration> all{kNotes, kTags};
  const auto first = migrate(db(), all);
  EXPECT_EQ(first.applied, (std::vector<std::string>{"test/0001_notes", "test/0002_tags"}));
  const auto second = migrate(db(), all);
  EXPECT_TRUE(second.applied.empty());
  EXPECT_EQ(second.already_applied, 2u);
  EXPECT_EQ(applied_migrations(db()),
            (std::vector<std::string>{"test/0001_notes", "test/0002_tags"}));
}

TEST_P(DatabaseTest, AFailingMigrationLeavesNoTraceAndStopsTheRun) {
  const Migration broken{"test/0002_broken", {"CREATE TABLE half (x INTEGER)", "THIS IS NOT SQL"}};
  const std::vector<Migration> all{kNotes, broken};
  EXPECT_ANY_THROW(migrate(db(), all));
  EXPECT_EQ(applied_migrations(db()), (std::vector<std::string>{"test/0001_notes"}));
  // The half-applied table was rolled back with its migration.
  EXPECT_ANY_THROW(db().with_session([](soci::session& sql) { sql << "SELECT x FROM half"; }));
}

TEST_P(DatabaseTest, ATransactionThatThrowsIsRolledBack) {
  const std::vector<Migration> all{kNotes};
  migrate(db(), all);
  EXPECT_THROW(db().transaction([](soci::session& sql) {
    sql << "INSERT INTO notes (id, body, at_ms) VALUES ('a', 'x', 1)";
    throw std::runtime_error("business rule said no");
  }),
               std::runtime_error);
  int count = -1;
  db().with_session(
      [&](soci::session& sql) { sql << "SELECT COUNT(*) FROM notes", soci::into(count); });
  EXPECT_EQ(count, 0);
}

TEST_P(DatabaseTest, ForeignKeysAreEnforced) {
  const std::vector<Migration> all{kNotes, kTags};
  migrate(db(), all);
  EXPECT_ANY_THROW(db().transaction([](soci::session& sql) {
    sql << "INSERT INTO tags (note_id, tag) VALUES ('missing', 't')";
  }));
}

TEST_P(DatabaseTest, ConcurrentWritersAllCommit) {
  const std::vector<Migration> all{kNotes};
  migrate(db(), all);
  std::atomic<int> failures{0};
  std::vector<std::thread> writers;
  for (int t = 0; t < 4; ++t) {
    writers.emplace_back([&, t] {
      for (int i = 0; i < 25; ++i) {
        try {
          db().transaction([&](soci::session& sql) {
            const std::string id = std::to_string(t) + "-" + std::to_string(i);
            long long at = i;
            sql << "INSERT INTO notes (id, body, at_ms) VALUES (:id, 'x', :at)", soci::use(id),
                soci::use(at);
          });
        } catch (...) {
          ++failures;
        }
      }
    });
  }
  for (auto& w : writers) w.join();
  EXPECT_EQ(failures.load(), 0);
  int count = 0;
  db().with_session(
      [&](soci::session& sql) { sql << "SELECT COUNT(*) FROM notes", soci::into(count); });
  EXPECT_EQ(count, 100);
}

TEST_P(DatabaseTest, PingAnswers) {
  EXPECT_TRUE(db().ping());
}

INSTANTIATE_TEST_SUITE_P(Backends, DatabaseTest, ::testing::ValuesIn(testing::backends()),
                         testing::BackendName{});

TEST(DatabaseUrl, PasswordsAreRedacted) {
  EXPECT_EQ(redact_url("postgresql://app:s3cret@db.example:5432/oppenvard"),
            "postgresql://app:***@db.example:5432/oppenvard");
  EXPECT_EQ(redact_url("postgresql://app@db/x"), "postgresql://app@db/x");
  EXPECT_EQ(redact_url("sqlite:var/oppenvard.db"), "sqlite:var/oppenvard.db");
}

TEST(DatabaseUrl, SqliteIsTheDefaultDialect) {
  ScratchDatabase scratch("sqlite");
  EXPECT_EQ(scratch.db().dialect(), Dialect::sqlite);
  std::string mode;
  scratch.db().with_session(
      [&](soci::session& sql) { sql << "PRAGMA journal_mode", soci::into(mode); });
  EXPECT_EQ(mode, "wal");
  int synchronous = 0;
  scratch.db().with_session(
      [&](soci::session& sql) { sql << "PRAGMA synchronous", soci::into(synchronous); });
  EXPECT_EQ(synchronous, 2);  // FULL
}

}  // namespace
}  // namespace oppenvard::db
