#include "audit/store.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <numeric>
#include <stdexcept>
#include <thread>

#include "audit/rules.hpp"
#include "audit/service.hpp"
#include "core/clock.hpp"
#include "db/testing.hpp"

namespace oppenvard::audit {
namespace {

constexpr std::int64_t kStart = 1'767'225'600'000;  // 2026-01-01T00:00:00Z

class AuditStoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override { db::migrate(scratch_.db(), migrations()); }

  static NewAuditEvent access(std::string patient, std::string unit = "unit-a",
                              std::string actor = "staff-1", std::string action = "read") {
    NewAuditEvent e;
    e.actor_kind = "staff";
    e.actor_id = std::move(actor);
    e.actor_role = "doctor";
    e.care_unit_id = std::move(unit);
    e.patient_id = std::move(patient);
    e.action = std::move(action);
    e.object_type = "case";
    e.object_id = "case-1";
    e.client_address = "192.0.2.1";
    e.success = true;
    return e;
  }

  // Records an event at the clock's time, then moves the clock one second on.
  AuditEvent record(const NewAuditEvent& e) {
    auto event = service_.record(e);
    clock_.advance(1000);
    return event;
  }

  void exec(const std::string& statement) {
    scratch_.db().with_session([&](soci::session& sql) { sql << statement; });
  }

  int count_events() {
    int count = -1;
    scratch_.db().with_session(
        [&](soci::session& sql) { sql << "SELECT COUNT(*) FROM audit_events", soci::into(count); });
    return count;
  }

  std::vector<AuditEvent> all() {
    return scratch_.db().with_session([&](soci::session& sql) { return store_.all_in_order(sql); });
  }

  static std::vector<std::int64_t> sequences(const std::vector<AuditEvent>& events) {
    std::vector<std::int64_t> out;
    for (const auto& e : events) out.push_back(e.sequence);
    return out;
  }

  db::testing::ScratchDatabase scratch_{GetParam()};
  core::FixedClock clock_{kStart};
  Store store_;
  Service service_{scratch_.db(), clock_};
};

TEST_P(AuditStoreTest, AppendsChainedEventsFromSequenceOneAndReadsThemBackUnchanged) {
  const auto first = record(access("p-1"));
  const auto second = record(access("p-2", "unit-b", "staff-2", "update"));
  EXPECT_EQ(first.sequence, 1);
  EXPECT_EQ(first.previous_hash, kGenesisHash);
  EXPECT_EQ(first.at_ms, kStart);
  EXPECT_EQ(second.sequence, 2);
  EXPECT_EQ(second.previous_hash, first.hash);

  const auto stored = all();
  ASSERT_EQ(stored.size(), 2u);
  const auto& s = stored[1];
  EXPECT_EQ(s.id, second.id);
  EXPECT_EQ(s.at_ms, second.at_ms);
  EXPECT_EQ(s.actor_kind, "staff");
  EXPECT_EQ(s.actor_id, "staff-2");
  EXPECT_EQ(s.actor_role, "doctor");
  EXPECT_EQ(s.care_unit_id, "unit-b");
  EXPECT_EQ(s.patient_id, "p-2");
  EXPECT_EQ(s.action, "update");
  EXPECT_EQ(s.object_type, "case");
  EXPECT_EQ(s.object_id, "case-1");
  EXPECT_EQ(s.client_address, "192.0.2.1");
  EXPECT_TRUE(s.success);
  EXPECT_EQ(s.hash, second.hash);

  const auto result = service_.verify();
  EXPECT_TRUE(result.ok) << result.reason;
  EXPECT_EQ(result.checked, 2);
  EXPECT_EQ(result.head.sequence, 2);
  EXPECT_EQ(result.head.hash, second.hash);
  EXPECT_EQ(service_.head().hash, second.hash);
}

TEST_P(AuditStoreTest, AnEmptyLogVerifies) {
  const auto result = service_.verify();
  EXPECT_TRUE(result.ok);
  EXPECT_EQ(result.checked, 0);
  EXPECT_EQ(service_.head().sequence, 0);
}

TEST_P(AuditStoreTest, ARolledBackTransactionLeavesNoEventAndTheChainIntact) {
  exec("CREATE TABLE notes (id TEXT PRIMARY KEY)");
  record(access("p-1"));
  record(access("p-1"));
  EXPECT_THROW(scratch_.db().transaction([&](soci::session& sql) {
    sql << "INSERT INTO notes (id) VALUES ('n-1')";
    service_.record(sql, access("p-1", "unit-a", "staff-1", "create"));
    throw std::runtime_error("the patient-data write fails after the audit append");
  }),
               std::runtime_error);
  EXPECT_EQ(count_events(), 2);
  int notes = -1;
  scratch_.db().with_session(
      [&](soci::session& sql) { sql << "SELECT COUNT(*) FROM notes", soci::into(notes); });
  EXPECT_EQ(notes, 0);
  EXPECT_TRUE(service_.verify().ok);
  EXPECT_EQ(record(access("p-1")).sequence, 3) << "the rolled-back sequence is reused, no gap";
  EXPECT_TRUE(service_.verify().ok);
}

TEST_P(AuditStoreTest, ConcurrentAppendsNeverForkTheChain) {
  constexpr int kThreads = 4;
  constexpr int kEach = 50;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        try {
          scratch_.db().transaction([&](soci::session& sql) {
            service_.record(
                sql, access("p-" + std::to_string(i), "unit-a", "staff-" + std::to_string(t)));
          });
        } catch (const std::exception& e) {
          ++failures;
          ADD_FAILURE() << e.what();
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0);
  const auto events = all();
  std::vector<std::int64_t> expected(kThreads * kEach);
  std::iota(expected.begin(), expected.end(), std::int64_t{1});
  EXPECT_EQ(sequences(events), expected);
  const auto result = service_.verify();
  EXPECT_TRUE(result.ok) << result.reason << " at " << result.first_broken_sequence.value_or(0);
  EXPECT_EQ(result.checked, kThreads * kEach);
}

TEST_P(AuditStoreTest, TheDatabaseRefusesASecondEventWithTheSameSequence) {
  const auto first = record(access("p-1"));
  // The last line of defence should the lock ever be bypassed: a fork cannot be stored.
  EXPECT_ANY_THROW(exec(
      "INSERT INTO audit_events (id, sequence, at_ms, actor_kind, actor_id, actor_role,"
      " care_unit_id, patient_id, action, object_type, object_id, client_address, success,"
      " previous_hash, hash) VALUES ('fork', 1, 0, 'staff', 's', '', '', '', 'read', '', '', '',"
      " 1, '" +
      first.previous_hash + "', '" + first.hash + "')"));
  EXPECT_EQ(count_events(), 1);
}

TEST_P(AuditStoreTest, AnEventChangedInTheDatabaseIsReportedAtItsSequence) {
  std::vector<AuditEvent> events;
  for (int i = 0; i < 10; ++i) events.push_back(record(access("p-" + std::to_string(i))));
  exec("UPDATE audit_events SET patient_id = 'x' WHERE sequence = 5");
  const auto result = service_.verify();
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.first_broken_sequence, 5);
  EXPECT_EQ(result.first_broken_id, events[4].id);
  EXPECT_EQ(result.reason, "hash mismatch");
  EXPECT_EQ(result.checked, 4);
}

TEST_P(AuditStoreTest, AnEventDeletedFromTheDatabaseIsReportedAtTheNextOne) {
  std::vector<AuditEvent> events;
  for (int i = 0; i < 10; ++i) events.push_back(record(access("p-" + std::to_string(i))));
  exec("DELETE FROM audit_events WHERE sequence = 7");
  const auto result = service_.verify();
  // Reported at 8, not 7: verification walks the rows that exist, and event 7 is not one of
  // them. Events 1–6 check out; the first row that fails is 8, whose sequence skips 7 (and
  // whose previous_hash names the deleted event's hash), so the reason is the gap.
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.first_broken_sequence, 8);
  EXPECT_EQ(result.first_broken_id, events[7].id);
  EXPECT_EQ(result.reason, "sequence gap");
  EXPECT_EQ(result.checked, 6);
}

TEST_P(AuditStoreTest, EventsDeletedAtTheEndAreCaughtWithTheRecordedHead) {
  for (int i = 0; i < 5; ++i) record(access("p-1"));
  const ChainHead recorded = service_.verify().head;
  EXPECT_EQ(recorded.sequence, 5);
  record(access("p-1"));
  EXPECT_TRUE(service_.verify(recorded).ok) << "events appended since are fine";
  exec("DELETE FROM audit_events WHERE sequence >= 5");
  EXPECT_TRUE(service_.verify().ok) << "the chain alone cannot see a removed tail";
  const auto result = service_.verify(recorded);
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.first_broken_sequence, 5);
  EXPECT_EQ(result.reason, "events missing at the end");
}

TEST_P(AuditStoreTest, VerificationStreamsALogLongerThanOneBatch) {
  scratch_.db().transaction([&](soci::session& sql) {
    for (int i = 0; i < 2100; ++i) service_.record(sql, access("p-" + std::to_string(i % 7)));
  });
  EXPECT_EQ(all().size(), 2100u);
  auto result = service_.verify();
  EXPECT_TRUE(result.ok) << result.reason;
  EXPECT_EQ(result.checked, 2100);
  exec("UPDATE audit_events SET action = 'delete' WHERE sequence = 2050");
  result = service_.verify();
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.first_broken_sequence, 2050);
}

TEST_P(AuditStoreTest, AnInvalidEventIsRefusedAndNothingIsWritten) {
  auto bad = access("p-1");
  bad.actor_kind = "robot";
  try {
    service_.record(bad);
    ADD_FAILURE() << "recorded an invalid event";
  } catch (const AuditError& e) {
    EXPECT_EQ(e.error(), Error::invalid_event);
  }
  EXPECT_THROW(scratch_.db().transaction(
                   [&](soci::session& sql) { store_.append(sql, bad, clock_.now_ms()); }),
               std::invalid_argument);
  EXPECT_EQ(count_events(), 0);
}

class AuditQueryTest : public AuditStoreTest {
 protected:
  void SetUp() override {
    AuditStoreTest::SetUp();
    // 12 events one second apart: patients p-0..p-2, units a/b, actors s-0..s-3.
    for (int i = 0; i < 12; ++i) {
      events_.push_back(record(access("p-" + std::to_string(i % 3), i % 2 ? "unit-b" : "unit-a",
                                      "s-" + std::to_string(i % 4))));
    }
  }

  std::vector<std::int64_t> run(Query query) { return sequences(service_.query(query)); }

  std::vector<AuditEvent> events_;
};

TEST_P(AuditQueryTest, FiltersByPatientUnitActorAndPeriodNewestFirst) {
  Query q;
  EXPECT_EQ(run(q), (std::vector<std::int64_t>{12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1}));
  q.patient_id = "p-1";
  EXPECT_EQ(run(q), (std::vector<std::int64_t>{11, 8, 5, 2}));
  q = {};
  q.care_unit_id = "unit-b";
  EXPECT_EQ(run(q), (std::vector<std::int64_t>{12, 10, 8, 6, 4, 2}));
  q = {};
  q.actor_id = "s-3";
  EXPECT_EQ(run(q), (std::vector<std::int64_t>{12, 8, 4}));
  q = {};
  q.from_ms = events_[3].at_ms;  // inclusive
  q.to_ms = events_[6].at_ms;    // exclusive
  EXPECT_EQ(run(q), (std::vector<std::int64_t>{6, 5, 4}));
  q = {};
  q.patient_id = "p-1";
  q.care_unit_id = "unit-b";
  q.actor_id = "s-1";
  q.from_ms = events_[1].at_ms;
  EXPECT_EQ(run(q), (std::vector<std::int64_t>{2}));
  q.patient_id = "nobody";
  EXPECT_TRUE(run(q).empty());
}

TEST_P(AuditQueryTest, PagesWithAKeysetCursorWithoutGapsOrRepeats) {
  Query q;
  q.care_unit_id = "unit-a";
  q.limit = 4;
  std::vector<std::int64_t> seen;
  for (int page = 0; page < 10; ++page) {
    const auto events = service_.query(q);
    if (events.empty()) break;
    EXPECT_LE(events.size(), 4u);
    for (const auto& e : events) seen.push_back(e.sequence);
    q.after_sequence = events.back().sequence;
  }
  EXPECT_EQ(seen, (std::vector<std::int64_t>{11, 9, 7, 5, 3, 1}));
}

TEST_P(AuditQueryTest, TheLimitIsClamped) {
  Query q;
  q.limit = 0;
  EXPECT_EQ(run(q).size(), 1u);
  q.limit = 100000;
  EXPECT_EQ(run(q).size(), 12u);
}

TEST_P(AuditQueryTest, ARandomSampleIsReproducibleAndStaysInTheUnitAndPeriod) {
  for (int i = 0; i < 30; ++i) record(access("p-" + std::to_string(i), "unit-a"));
  const std::int64_t from = events_[2].at_ms;
  const std::int64_t to = clock_.now_ms() - 5000;
  const auto sample = service_.random_sample("unit-a", from, to, 8, 2026);
  ASSERT_EQ(sample.size(), 8u);
  for (const auto& e : sample) {
    EXPECT_EQ(e.care_unit_id, "unit-a");
    EXPECT_GE(e.at_ms, from);
    EXPECT_LT(e.at_ms, to);
  }
  EXPECT_TRUE(std::is_sorted(sample.begin(), sample.end(),
                             [](const auto& a, const auto& b) { return a.sequence < b.sequence; }));
  EXPECT_EQ(sequences(service_.random_sample("unit-a", from, to, 8, 2026)), sequences(sample));
  EXPECT_NE(sequences(service_.random_sample("unit-a", from, to, 8, 2027)), sequences(sample));

  // The choice is rules.hpp sample_positions over the ids in sequence order, so SQLite and
  // PostgreSQL pick the same events for the same log.
  Query frame;
  frame.care_unit_id = "unit-a";
  frame.from_ms = from;
  frame.to_ms = to;
  frame.limit = Service::kMaxPageSize;
  auto in_frame = service_.query(frame);
  std::reverse(in_frame.begin(), in_frame.end());
  std::vector<std::string> ids;
  for (const auto& e : in_frame) ids.push_back(e.id);
  std::vector<std::string> expected;
  for (auto p : sample_positions(ids, 8, 2026)) expected.push_back(ids[p]);
  std::vector<std::string> picked;
  for (const auto& e : sample) picked.push_back(e.id);
  EXPECT_EQ(picked, expected);

  EXPECT_EQ(service_.random_sample("unit-a", from, to, 1000, 1).size(), in_frame.size());
  EXPECT_TRUE(service_.random_sample("unit-a", to, from, 8, 1).empty());
  EXPECT_TRUE(service_.random_sample("unit-c", from, to, 8, 1).empty());
}

TEST_P(AuditQueryTest, AReviewIsDocumentedWithReviewerTimeAndNote) {
  clock_.set(kStart + 86'400'000);
  const auto review = service_.mark_reviewed(events_[4].id, "reviewer-1", "Vårdrelation finns.");
  EXPECT_EQ(review.event_id, events_[4].id);
  const auto reviews = service_.reviews_of(events_[4].id);
  ASSERT_EQ(reviews.size(), 1u);
  EXPECT_EQ(reviews[0].id, review.id);
  EXPECT_EQ(reviews[0].reviewer_id, "reviewer-1");
  EXPECT_EQ(reviews[0].reviewed_at_ms, kStart + 86'400'000);
  EXPECT_EQ(reviews[0].note, "Vårdrelation finns.");
  EXPECT_TRUE(service_.reviews_of(events_[5].id).empty());
  try {
    service_.mark_reviewed("no-such-event", "reviewer-1", "");
    ADD_FAILURE() << "reviewed an event that does not exist";
  } catch (const AuditError& e) {
    EXPECT_EQ(e.error(), Error::event_not_found);
  }
  EXPECT_TRUE(service_.verify().ok) << "reviews live beside the chain, not in it";
}

TEST_P(AuditQueryTest, APatientsExtractHoldsOnlyThatPatientNewestFirst) {
  auto refused = access("p-2", "unit-c", "s-9", "read");
  refused.success = false;
  record(refused);
  const auto rows = service_.extract_for_patient("p-2");
  ASSERT_EQ(rows.size(), 5u);
  EXPECT_EQ(rows[0].care_unit_id, "unit-c");
  EXPECT_FALSE(rows[0].success);
  std::vector<std::int64_t> times;
  for (const auto& r : rows) times.push_back(r.at_ms);
  EXPECT_EQ(times,
            (std::vector<std::int64_t>{clock_.now_ms() - 1000, events_[11].at_ms, events_[8].at_ms,
                                       events_[5].at_ms, events_[2].at_ms}));
  EXPECT_EQ(rows[1].care_unit_id, "unit-b");
  EXPECT_EQ(rows[1].action, "read");
  EXPECT_EQ(rows[2].care_unit_id, "unit-a");
  EXPECT_TRUE(rows[1].success);
  EXPECT_TRUE(service_.extract_for_patient("nobody").empty());
  EXPECT_TRUE(service_.extract_for_patient("").empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, AuditStoreTest, ::testing::ValuesIn(db::testing::backends()),
                         db::testing::BackendName{});
INSTANTIATE_TEST_SUITE_P(Backends, AuditQueryTest, ::testing::ValuesIn(db::testing::backends()),
                         db::testing::BackendName{});

}  // namespace
}  // namespace oppenvard::audit
