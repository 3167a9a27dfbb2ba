#include "audit/commands.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "audit/service.hpp"
#include "audit/store.hpp"
#include "core/clock.hpp"
#include "db/testing.hpp"

namespace oppenvard::audit {
namespace {

struct Outcome {
  int code;
  std::string out;
  std::string err;
};

class AuditVerifyCommandTest : public ::testing::Test {
 protected:
  void migrate() { db::migrate(scratch_.db(), migrations()); }

  std::vector<AuditEvent> record(int count) {
    std::vector<AuditEvent> events;
    for (int i = 0; i < count; ++i) {
      NewAuditEvent e;
      e.actor_kind = "staff";
      e.actor_id = "staff-1";
      e.care_unit_id = "unit-a";
      e.patient_id = "p-" + std::to_string(i);
      e.action = "read";
      e.success = true;
      events.push_back(service_.record(e));
    }
    return events;
  }

  Outcome verify(std::optional<std::string_view> expect_head = std::nullopt) {
    std::ostringstream out;
    std::ostringstream err;
    const int code = run_audit_verify(scratch_.db(), out, err, expect_head);
    return {code, out.str(), err.str()};
  }

  void exec(const std::string& statement) {
    scratch_.db().with_session([&](soci::session& sql) { sql << statement; });
  }

  db::testing::ScratchDatabase scratch_{"sqlite"};
  core::FixedClock clock_{1'767'225'600'000};
  Service service_{scratch_.db(), clock_};
};

TEST_F(AuditVerifyCommandTest, AnEmptyLogIsIntact) {
  migrate();
  const auto outcome = verify();
  EXPECT_EQ(outcome.code, 0);
  EXPECT_EQ(outcome.out, "audit log intact: 0 events\nhead: 0:" + std::string(kGenesisHash) + "\n");
  EXPECT_EQ(outcome.err, "");
}

TEST_F(AuditVerifyCommandTest, AnIntactLogPrintsTheCountAndTheHeadToRecord) {
  migrate();
  const auto events = record(3);
  const auto outcome = verify();
  EXPECT_EQ(outcome.code, 0);
  EXPECT_EQ(outcome.out, "audit log intact: 3 events\nhead: 3:" + events[2].hash + "\n");
  EXPECT_EQ(outcome.err, "");
  EXPECT_EQ(verify("3:" + events[2].hash).code, 0);
  EXPECT_EQ(verify("2:" + events[1].hash).code, 0);
}

TEST_F(AuditVerifyCommandTest, AChangedEventIsNamedWithItsSequenceIdAndReason) {
  migrate();
  const auto events = record(3);
  exec("UPDATE audit_events SET care_unit_id = 'unit-z' WHERE sequence = 2");
  const auto outcome = verify();
  EXPECT_EQ(outcome.code, 1);
  EXPECT_EQ(outcome.out, "");
  EXPECT_EQ(outcome.err, "audit log broken at event 2 (" + events[1].id + "): hash mismatch\n");
}

TEST_F(AuditVerifyCommandTest, ADeletedEventIsNamedByTheEventAfterIt) {
  migrate();
  const auto events = record(3);
  exec("DELETE FROM audit_events WHERE sequence = 2");
  const auto outcome = verify();
  EXPECT_EQ(outcome.code, 1);
  EXPECT_EQ(outcome.err, "audit log broken at event 3 (" + events[2].id + "): sequence gap\n");
}

TEST_F(AuditVerifyCommandTest, AMissingTailIsCaughtWithTheExpectedHead) {
  migrate();
  const auto events = record(3);
  const std::string head = "3:" + events[2].hash;
  exec("DELETE FROM audit_events WHERE sequence = 3");
  EXPECT_EQ(verify().code, 0);
  const auto outcome = verify(head);
  EXPECT_EQ(outcome.code, 1);
  EXPECT_EQ(outcome.err, "audit log broken at event 3 (missing): events missing at the end\n");
}

TEST_F(AuditVerifyCommandTest, AMalformedExpectedHeadIsAUsageError) {
  migrate();
  const auto outcome = verify("3:abc");
  EXPECT_EQ(outcome.code, 2);
  EXPECT_EQ(outcome.out, "");
  EXPECT_NE(outcome.err.find("--expect-head"), std::string::npos);
}

TEST_F(AuditVerifyCommandTest, AnUnreadableLogIsNeitherIntactNorBroken) {
  const auto outcome = verify();  // no migrations: the table does not exist
  EXPECT_EQ(outcome.code, 2);
  EXPECT_EQ(outcome.out, "");
  EXPECT_TRUE(outcome.err.starts_with("audit verify: cannot read the audit log")) << outcome.err;
}

}  // namespace
}  // namespace oppenvard::audit
