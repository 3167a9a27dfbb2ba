#include "identity/service.hpp"

#include <gtest/gtest.h>

#include "audit/store.hpp"
#include "core/time.hpp"
#include "db/testing.hpp"
#include "identity/totp.hpp"

namespace oppenvard::identity {
namespace {

using date::operator""_y;

class IdentityServiceTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    // identity references care units: the directory's tables come first.
    scratch_.db().transaction([](soci::session& sql) {
      sql << "CREATE TABLE care_units (id TEXT PRIMARY KEY, name TEXT NOT NULL)";
      sql << "INSERT INTO care_units (id, name) VALUES ('unit-1', 'Vårdcentralen')";
    });
    db::migrate(scratch_.db(), migrations());
    db::migrate(scratch_.db(), audit::migrations());
    store_.upsert_patient({"guardian", "1.2.752.129.2.1.3.1", "198403029872", "Johan", "Lindqvist",
                           "1984-03-02", std::nullopt, std::nullopt});
    store_.upsert_patient({"child", "1.2.752.129.2.1.3.1", "201605149820", "Ella", "Lindqvist",
                           "2016-05-14", std::nullopt, std::nullopt});
    store_.upsert_patient({"stranger", "1.2.752.129.2.1.3.1", "197506119812", "Erik", "Sandberg",
                           "1975-06-11", std::nullopt, std::nullopt});
    store_.link_guardian("guardian", "child");
    store_.upsert_staff({"doctor",
                         "SE2321000131-S1",
                         "Karin",
                         "Ekström",
                         "Läkare",
                         {{std::string("unit-1"), StaffRole::doctor}}});
  }

  // Runs a demo log-in to completion and returns the session token.
  std::string log_in(const std::string& person) {
    const auto ref = service_.demo_start(person);
    clock_.advance(kDemoSignMs);
    const auto collected = service_.demo_collect(ref);
    EXPECT_EQ(collected.status, "complete");
    return collected.token.value_or("");
  }

  Principal auth(const std::string& token) {
    return service_.authenticate(token, false, std::nullopt);
  }

  Error error_of(const std::function<void()>& f) {
    try {
      f();
    } catch (const IdentityError& e) {
      return e.error();
    }
    ADD_FAILURE() << "no error";
    return Error::unauthenticated;
  }

  db::testing::ScratchDatabase scratch_{GetParam()};
  Store store_{scratch_.db()};
  core::FixedClock clock_{*core::parse_rfc3339("2026-11-23T09:00:00+01:00")};
  audit::Service audit_{scratch_.db(), clock_};
  Service service_{store_, clock_, audit_, true};
};

TEST_P(IdentityServiceTest, DemoLogInIsPendingUntilSignedAndCollectedOnce) {
  const auto ref = service_.demo_start("stranger");
  EXPECT_EQ(service_.demo_collect(ref).hint, "start_app");
  clock_.advance(kDemoSignMs / 2);
  EXPECT_EQ(service_.demo_collect(ref).hint, "user_sign");
  clock_.advance(kDemoSignMs);
  const auto done = service_.demo_collect(ref);
  ASSERT_EQ(done.status, "complete");
  ASSERT_TRUE(done.token);
  const auto again = service_.demo_collect(ref);
  EXPECT_EQ(again.status, "failed");
  EXPECT_FALSE(again.token) << "a completed order must never yield a second session";
  const auto p = auth(*done.token);
  EXPECT_EQ(p.person_kind, "patient");
  EXPECT_EQ(p.person_id, "stranger");
  EXPECT_EQ(p.assurance, Assurance::demo);
}

TEST_P(IdentityServiceTest, CancelledAndUnknownOrders) {
  const auto ref = service_.demo_start("stranger");
  service_.demo_cancel(ref);
  clock_.advance(kDemoSignMs);
  EXPECT_EQ(service_.demo_collect(ref).hint, "cancelled");
  EXPECT_EQ(error_of([&] { service_.demo_collect("nope"); }), Error::unknown_order);
  EXPECT_EQ(error_of([&] { service_.demo_start("nobody"); }), Error::unknown_person);
}

TEST_P(IdentityServiceTest, OnlyTheHashOfATokenIsStored) {
  const auto token = log_in("stranger");
  int plain = -1;
  scratch_.db().with_session([&](soci::session& sql) {
    sql << "SELECT COUNT(*) FROM sessions WHERE token_hash = :t", soci::use(token, "t"),
        soci::into(plain);
  });
  EXPECT_EQ(plain, 0);
}

TEST_P(IdentityServiceTest, UnsafeRequestsNeedTheSessionsCsrfToken) {
  const auto token = log_in("stranger");
  const auto p = auth(token);
  EXPECT_EQ(error_of([&] { service_.authenticate(token, true, std::nullopt); }),
            Error::csrf_mismatch);
  EXPECT_EQ(error_of([&] { service_.authenticate(token, true, std::string("anonymous")); }),
            Error::csrf_mismatch);
  EXPECT_NO_THROW(service_.authenticate(token, true, p.csrf_token));
}

TEST_P(IdentityServiceTest, SessionsExpireWhenIdleAndAfterTheAbsoluteLimit) {
  const auto idle = log_in("stranger");
  clock_.advance(service_.policy().idle_timeout_ms - 1000);
  EXPECT_NO_THROW(auth(idle));  // activity moves the idle deadline
  clock_.advance(service_.policy().idle_timeout_ms - 1000);
  EXPECT_NO_THROW(auth(idle));
  clock_.advance(service_.policy().idle_timeout_ms);
  EXPECT_EQ(error_of([&] { auth(idle); }), Error::unauthenticated);

  const auto busy = log_in("stranger");
  for (std::int64_t t = 0; t < service_.policy().absolute_timeout_ms; t += 20 * 60 * 1000) {
    clock_.advance(20 * 60 * 1000);
    if (t + 20 * 60 * 1000 < service_.policy().absolute_timeout_ms) {
      EXPECT_NO_THROW(auth(busy));
    }
  }
  EXPECT_EQ(error_of([&] { auth(busy); }), Error::unauthenticated);
}

TEST_P(IdentityServiceTest, LogoutEndsOneSessionAndLogoutEverywhereEndsAll) {
  const auto a = log_in("stranger");
  const auto b = log_in("stranger");
  const auto c = log_in("stranger");
  service_.logout(auth(a));
  EXPECT_EQ(error_of([&] { auth(a); }), Error::unauthenticated);
  EXPECT_NO_THROW(auth(b));
  service_.logout_everywhere(auth(b));
  EXPECT_EQ(error_of([&] { auth(b); }), Error::unauthenticated);
  EXPECT_EQ(error_of([&] { auth(c); }), Error::unauthenticated);
  EXPECT_EQ(error_of([&] { auth("not-a-token"); }), Error::unauthenticated);
}

TEST_P(IdentityServiceTest, AGuardianActsForAChildUnder13AndTheProxyEndsOnTheBirthday) {
  const auto token = log_in("guardian");
  auto me = service_.me(auth(token));
  ASSERT_EQ(me.may_act_for.size(), 1u);
  EXPECT_EQ(me.may_act_for[0].patient.id, "child");
  EXPECT_EQ(me.may_act_for[0].until, date::year_month_day{2029_y / date::May / 13});
  me = service_.set_acting_for(auth(token), std::string("child"));
  ASSERT_TRUE(me.acting_for);
  EXPECT_EQ(me.acting_for->given_name, "Ella");
  EXPECT_EQ(auth(token).acting_for, "child");

  // The evening before the 13th birthday the proxy still holds; at midnight it is gone,
  // in the middle of the session, without logging out.
  clock_.set(*core::parse_rfc3339("2029-05-13T23:59:00+02:00"));
  const auto fresh = log_in("guardian");
  service_.set_acting_for(auth(fresh), std::string("child"));
  EXPECT_EQ(auth(fresh).acting_for, "child");
  clock_.advance(2 * 60 * 1000);  // 00:01 on the birthday
  EXPECT_EQ(auth(fresh).acting_for, std::nullopt);
  EXPECT_TRUE(service_.me(auth(fresh)).may_act_for.empty());
  EXPECT_EQ(error_of([&] { service_.set_acting_for(auth(fresh), std::string("child")); }),
            Error::proxy_ended);
}

TEST_P(IdentityServiceTest, LogInsAndProxiesAreInTheAuditLogAndTheChainHolds) {
  const auto token = service_.demo_start("guardian");
  clock_.advance(kDemoSignMs);
  const auto session = service_.demo_collect(token, "192.0.2.7");
  service_.set_acting_for(auth(*session.token), std::string("child"), "192.0.2.7");
  const auto stranger = log_in("stranger");
  EXPECT_ANY_THROW(service_.set_acting_for(auth(stranger), std::string("child"), "192.0.2.8"));
  audit::Query query;
  query.patient_id = "child";
  const auto events = audit_.query(query);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].actor_id, "stranger");  // newest first
  EXPECT_FALSE(events[0].success);
  EXPECT_EQ(events[1].actor_kind, "guardian");
  EXPECT_EQ(events[1].action, "act_for");
  EXPECT_EQ(events[1].client_address, "192.0.2.7");
  EXPECT_TRUE(events[1].success);
  EXPECT_TRUE(audit_.verify().ok);
}

TEST_P(IdentityServiceTest, NobodyActsForSomeoneElsesChildOrAnAdult) {
  const auto token = log_in("stranger");
  EXPECT_EQ(error_of([&] { service_.set_acting_for(auth(token), std::string("child")); }),
            Error::not_a_guardian);
  const auto guardian = log_in("guardian");
  EXPECT_EQ(error_of([&] { service_.set_acting_for(auth(guardian), std::string("stranger")); }),
            Error::not_a_guardian);
  const auto staff = log_in("doctor");
  EXPECT_EQ(error_of([&] { service_.set_acting_for(auth(staff), std::string("child")); }),
            Error::not_a_guardian);
}

TEST_P(IdentityServiceTest, StaffSeeTheirAssignments) {
  const auto me = service_.me(auth(log_in("doctor")));
  EXPECT_EQ(me.given_name, "Karin");
  ASSERT_EQ(me.assignments.size(), 1u);
  EXPECT_EQ(me.assignments[0].care_unit_name, "Vårdcentralen");
  EXPECT_EQ(me.assignments[0].role, StaffRole::doctor);
  EXPECT_TRUE(me.may_act_for.empty());
}

TEST_P(IdentityServiceTest, TheDemoEIdDoesNotExistOutsideDemoMode) {
  Service production(store_, clock_, audit_, false);
  EXPECT_EQ(error_of([&] { production.demo_people(); }), Error::demo_disabled);
  EXPECT_EQ(error_of([&] { production.demo_start("stranger"); }), Error::demo_disabled);
  EXPECT_EQ(error_of([&] { production.demo_collect("x"); }), Error::demo_disabled);
}

TEST_P(IdentityServiceTest, AChildUnder13CannotLogInThemself) {
  EXPECT_EQ(error_of([&] { service_.demo_start("child"); }), Error::under_13);
  clock_.set(*core::parse_rfc3339("2029-05-14T08:00:00+02:00"));  // the 13th birthday
  EXPECT_NO_THROW(service_.demo_start("child"));
}

TEST_P(IdentityServiceTest, DemoPeopleDescribeWhoTheyAre) {
  const auto people = service_.demo_people();
  ASSERT_EQ(people.size(), 3u) << "the child under 13 is not offered";
  bool guardian_described = false;
  for (const auto& p : people) {
    if (p.id == "guardian") guardian_described = p.description.find("Vårdnadshavare") == 0;
    if (p.id == "stranger") {
      EXPECT_EQ(p.identifier, "750611-9812");
    }
  }
  EXPECT_TRUE(guardian_described);
}

TEST_P(IdentityServiceTest, StaffPasswordThenTotpEnrolmentThenTotpLogIn) {
  service_.set_staff_password("SE2321000131-S1", "rätt lösenord");
  // First log-in: enrolment with a fresh secret.
  const auto first = service_.staff_password("SE2321000131-S1", "rätt lösenord", "10.0.0.1");
  ASSERT_EQ(first.status, "totp_enrolment");
  EXPECT_NE(first.otpauth_uri.find("secret=" + first.secret), std::string::npos);
  EXPECT_TRUE(first.qr_svg.starts_with("<svg"));
  const auto secret = *base32_decode(first.secret);
  const auto code = [&] {
    return hotp(secret, static_cast<std::uint64_t>(totp_step(clock_.now_ms())));
  };
  const auto token = service_.staff_totp(first.challenge, code(), "10.0.0.1");
  const auto p = auth(token);
  EXPECT_EQ(p.person_id, "doctor");
  EXPECT_EQ(p.assurance, Assurance::password_totp);
  // The challenge is single use.
  EXPECT_EQ(error_of([&] { service_.staff_totp(first.challenge, code(), "10.0.0.1"); }),
            Error::unknown_challenge);
  // Next log-in asks for the code only; the same code (same 30 s step) is not accepted twice.
  const auto second = service_.staff_password("SE2321000131-S1", "rätt lösenord", "10.0.0.1");
  ASSERT_EQ(second.status, "totp_required");
  EXPECT_TRUE(second.secret.empty());
  EXPECT_EQ(error_of([&] { service_.staff_totp(second.challenge, code(), "10.0.0.1"); }),
            Error::bad_code);
  clock_.advance(30'000);
  const auto third = service_.staff_password("SE2321000131-S1", "rätt lösenord", "10.0.0.1");
  EXPECT_NO_THROW(service_.staff_totp(third.challenge, code(), "10.0.0.1"));
}

TEST_P(IdentityServiceTest, WrongPasswordsAndUnknownAccountsLookAlikeAndBackOff) {
  service_.set_staff_password("SE2321000131-S1", "rätt lösenord");
  EXPECT_EQ(error_of([&] { service_.staff_password("SE2321000131-S1", "fel", "10.0.0.2"); }),
            Error::bad_credentials);
  EXPECT_EQ(error_of([&] { service_.staff_password("SE0000000000-X", "fel", "10.0.0.2"); }),
            Error::bad_credentials);
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(error_of([&] { service_.staff_password("SE2321000131-S1", "fel", "10.0.0.3"); }),
              Error::bad_credentials);
  }
  // The sixth failure on the account: now even the right password waits.
  EXPECT_EQ(error_of([&] { service_.staff_password("SE2321000131-S1", "fel", "10.0.0.4"); }),
            Error::bad_credentials);
  try {
    service_.staff_password("SE2321000131-S1", "rätt lösenord", "10.0.0.5");
    ADD_FAILURE() << "not limited";
  } catch (const IdentityError& e) {
    EXPECT_EQ(e.error(), Error::rate_limited);
    EXPECT_GT(e.retry_after_ms(), 0);
  }
  clock_.advance(60'000);
  EXPECT_NO_THROW(service_.staff_password("SE2321000131-S1", "rätt lösenord", "10.0.0.5"));
}

TEST_P(IdentityServiceTest, StaffRegisterWhereTheirPasswordResetGoes) {
  service_.set_staff_password("SE2321000131-S1", "rätt lösenord");
  const auto token = log_in("doctor");
  EXPECT_FALSE(service_.password_reset_contacts(auth(token)));
  service_.register_password_reset(auth(token), "karin@example.se", "070-000 00 00");
  const auto contacts = service_.password_reset_contacts(auth(token));
  ASSERT_TRUE(contacts);
  EXPECT_EQ(contacts->first, "karin@example.se");
  const auto patient = log_in("stranger");
  EXPECT_EQ(error_of([&] { service_.register_password_reset(auth(patient), "a@b.se", "070"); }),
            Error::not_staff);
}

INSTANTIATE_TEST_SUITE_P(Backends, IdentityServiceTest,
                         ::testing::ValuesIn(db::testing::backends()), db::testing::BackendName{});

}  // namespace
}  // namespace oppenvard::identity
