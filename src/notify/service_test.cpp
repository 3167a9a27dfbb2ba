#include "notify/service.hpp"

#include <gtest/gtest.h>

#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "core/time.hpp"
#include "db/testing.hpp"
#include "directory/testing.hpp"
#include "identity/testing.hpp"

namespace oppenvard::notify {
namespace {

using identity::StaffRole;
using identity::testing::patient;
using identity::testing::staff;

std::int64_t at(const char* text) {
  return *core::parse_rfc3339(text);
}

const std::string kUnit = "unit-1";

// Records what would have left; the real SMTP and SMS adapters are tested end to end against
// real servers (tests/notify_test.cpp).
struct RecordingSender final : Sender {
  std::mutex mutex;
  std::vector<OutgoingMessage> sent;
  std::optional<SendResult> next_failure;
  SendResult send(const OutgoingMessage& m) override {
    std::lock_guard lock(mutex);
    if (next_failure) {
      auto r = *next_failure;
      next_failure.reset();
      return r;
    }
    sent.push_back(m);
    return {true, false, "", m.idempotency_key};
  }
};

class NotifyServiceTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    for (const auto& list :
         {directory::migrations(), identity::migrations(), audit::migrations(), migrations()}) {
      db::migrate(scratch_.db(), list);
    }
    directory::testing::seed_clinics(scratch_.db(), {{kUnit, "Vårdcentralen Björkdalen"}});
    identity::testing::seed_people(people_, kUnit);
    people_.upsert_patient({"ella", "1.2.752.129.2.1.3.1", "201604059802", "Ella", "Lindqvist",
                            "2016-04-05", std::nullopt, std::nullopt});
    people_.upsert_staff({"olof",
                          "SE9",
                          "Olof",
                          "Strand",
                          "Regionadministratör",
                          {{std::nullopt, StaffRole::region_admin}}});
  }

  Error error_of(const std::function<void()>& f) {
    try {
      f();
    } catch (const NotifyError& e) {
      return e.error();
    }
    ADD_FAILURE() << "no error";
    return Error::not_allowed;
  }
  void enable_sms() {
    service_.set_clinic_settings(staff("mats"), kUnit, true, std::string("RA-2026-14"));
  }
  void consent(Channel channel, const std::string& address, bool given = true) {
    service_.set_my_consent(patient("erik"), {kUnit, channel, given, address, Language::sv, ""});
  }
  template <class F>
  void in_transaction(F&& f) {
    scratch_.db().transaction([&](soci::session& sql) { f(sql); });
  }
  std::size_t deliver_all() {
    service_.expand_due();
    std::size_t n = 0;
    while (service_.deliver_one("node-a")) ++n;
    return n;
  }

  db::testing::ScratchDatabase scratch_{GetParam(), 8};
  identity::Store people_{scratch_.db()};
  core::FixedClock clock_{at("2026-11-23T10:00:00+01:00")};  // a Monday morning
  audit::Service audit_{scratch_.db(), clock_};
  Store store_{scratch_.db()};
  RecordingSender* sms_ = new RecordingSender;
  RecordingSender* email_ = new RecordingSender;
  Service service_{store_,
                   people_,
                   audit_,
                   clock_,
                   Settings{"https://vard.example/", {}, 7 * 60, 60'000, "report-token"},
                   Senders{std::unique_ptr<Sender>(sms_), std::unique_ptr<Sender>(email_)}};
};

TEST_P(NotifyServiceTest, NothingIsSentWithoutConsentAndAConsentedReplyIsContentFree) {
  in_transaction([&](soci::session& sql) {
    service_.case_answered(sql, "case-1", "message-1", "erik", kUnit);
  });
  EXPECT_EQ(deliver_all(), 0u);
  EXPECT_TRUE(sms_->sent.empty());
  EXPECT_TRUE(email_->sent.empty());

  enable_sms();
  consent(Channel::sms, "070-123 45 67");
  consent(Channel::email, "erik@example.se");
  in_transaction([&](soci::session& sql) {
    service_.case_answered(sql, "case-1", "message-2", "erik", kUnit);
    service_.case_answered(sql, "case-1", "message-2", "erik", kUnit);  // same event: once
  });
  EXPECT_EQ(deliver_all(), 2u);
  ASSERT_EQ(sms_->sent.size(), 1u);
  ASSERT_EQ(email_->sent.size(), 1u);
  EXPECT_EQ(sms_->sent[0].to, "+46701234567");
  EXPECT_EQ(email_->sent[0].to, "erik@example.se");
  EXPECT_EQ(email_->sent[0].subject, "Nytt meddelande");
  for (const auto* m : {&sms_->sent[0], &email_->sent[0]}) {
    EXPECT_NE(m->body.find("nytt meddelande"), std::string::npos) << m->body;
    EXPECT_NE(m->body.find("https://vard.example/"), std::string::npos);
    for (const char* secret : {"Björkdalen", "Erik", "Sandberg", "Karin"}) {
      EXPECT_EQ(m->body.find(secret), std::string::npos) << secret;
    }
  }
  EXPECT_EQ(service_.count(DeliveryStatus::sent), 2u);
}

TEST_P(NotifyServiceTest, SmsNeedsTheClinicsRiskAnalysisBeforeAnyConsent) {
  EXPECT_EQ(error_of([&] { consent(Channel::sms, "0701234567"); }), Error::sms_not_enabled);
  EXPECT_EQ(error_of([&] { service_.set_clinic_settings(staff("mats"), kUnit, true, {}); }),
            Error::risk_analysis_missing);
  EXPECT_EQ(error_of([&] {
              service_.set_clinic_settings(staff("karin"), kUnit, true, std::string("RA-1"));
            }),
            Error::not_allowed);  // the unit manager decides
  enable_sms();
  const auto s = service_.clinic_settings(staff("karin"), kUnit);
  EXPECT_TRUE(s.sms_enabled);
  EXPECT_EQ(s.risk_analysis_by, "mats");
  EXPECT_EQ(s.risk_analysis_document, "RA-2026-14");
  EXPECT_EQ(error_of([&] { consent(Channel::sms, "08-123 456 78"); }), Error::bad_address);
  consent(Channel::sms, "0701234567");
  // Switching SMS off again stops delivery even with the consent in place.
  in_transaction([&](soci::session& sql) { service_.case_answered(sql, "c", "m", "erik", kUnit); });
  service_.set_clinic_settings(staff("mats"), kUnit, false, {});
  EXPECT_EQ(deliver_all(), 0u);
  EXPECT_TRUE(sms_->sent.empty());
}

TEST_P(NotifyServiceTest, AWithdrawalBeforeDeliveryWins) {
  consent(Channel::email, "erik@example.se");
  in_transaction([&](soci::session& sql) {
    service_.appointment_booked(sql, "appt-1", 0, "erik", kUnit, at("2026-11-25T13:00:00+01:00"),
                                false);
  });
  EXPECT_EQ(service_.expand_due(), 1u);  // the confirmation; the morning reminder is not due
  consent(Channel::email, "erik@example.se", false);
  EXPECT_TRUE(service_.deliver_one("node-a"));
  EXPECT_TRUE(email_->sent.empty());
  EXPECT_EQ(service_.count(DeliveryStatus::suppressed), 1u);
  // The morning reminder finds no consent either when it comes due.
  clock_.set(at("2026-11-25T07:00:00+01:00"));
  EXPECT_EQ(deliver_all(), 0u);
  EXPECT_TRUE(email_->sent.empty());
}

TEST_P(NotifyServiceTest, RemindersComeWhenDueAndARebookingReplacesThem) {
  consent(Channel::email, "erik@example.se");
  in_transaction([&](soci::session& sql) {
    service_.appointment_booked(sql, "appt-1", 0, "erik", kUnit, at("2026-11-25T13:00:00+01:00"),
                                true);
  });
  EXPECT_EQ(deliver_all(), 1u);
  EXPECT_EQ(email_->sent.back().subject, "Bokad tid");
  EXPECT_NE(email_->sent.back().body.find("onsdag 25 november kl. 13:00"), std::string::npos);
  // Rebooked to Thursday: Wednesday's reminders are cancelled, Thursday's come instead.
  in_transaction([&](soci::session& sql) {
    service_.appointment_booked(sql, "appt-1", 1, "erik", kUnit, at("2026-11-26T09:00:00+01:00"),
                                true);
  });
  EXPECT_EQ(deliver_all(), 1u);
  clock_.set(at("2026-11-25T07:00:00+01:00"));
  EXPECT_EQ(deliver_all(), 0u);
  clock_.set(at("2026-11-26T07:00:00+01:00"));
  EXPECT_EQ(deliver_all(), 1u);
  EXPECT_EQ(email_->sent.back().subject, "Påminnelse om din tid");
  EXPECT_NE(email_->sent.back().body.find("kl. 09:00"), std::string::npos);
  clock_.set(at("2026-11-26T08:45:00+01:00"));
  EXPECT_EQ(deliver_all(), 1u);
  EXPECT_EQ(email_->sent.back().subject, "Ditt videomöte börjar snart");
  // Cancelled: a cancellation message, and no reminder is left.
  in_transaction([&](soci::session& sql) {
    service_.appointment_cancelled(sql, "appt-1", 2, "erik", kUnit,
                                   at("2026-11-26T09:00:00+01:00"));
  });
  EXPECT_EQ(deliver_all(), 1u);
  EXPECT_EQ(email_->sent.back().subject, "Avbokad tid");
  EXPECT_EQ(email_->sent.size(), 5u);
}

TEST_P(NotifyServiceTest, QuietHoursHoldNonUrgentMessagesUntilMorning) {
  consent(Channel::email, "erik@example.se");
  clock_.set(at("2026-11-23T22:30:00+01:00"));
  in_transaction([&](soci::session& sql) { service_.case_answered(sql, "c", "m", "erik", kUnit); });
  EXPECT_EQ(deliver_all(), 0u);
  clock_.set(at("2026-11-24T07:00:00+01:00"));
  EXPECT_EQ(deliver_all(), 1u);
}

TEST_P(NotifyServiceTest, GuardiansDecideForChildrenUnder13) {
  EXPECT_EQ(
      error_of([&] {
        service_.set_my_consent(patient("ella"), {kUnit, Channel::email, true, "ella@example.se"});
      }),
      Error::guardian_decides);
  const auto c = service_.set_my_consent(patient("sara", "ella"),
                                         {kUnit, Channel::email, true, "sara@example.se"});
  EXPECT_EQ(c.patient_id, "ella");
  EXPECT_EQ(c.source, "guardian");
  EXPECT_EQ(c.address, "sara@example.se");
  // Staff record a consent only with how it was obtained.
  EXPECT_EQ(error_of([&] {
              service_.record_consent(staff("karin"), "erik",
                                      {kUnit, Channel::email, true, "erik@example.se"});
            }),
            Error::method_required);
  const auto recorded = service_.record_consent(
      staff("karin"), "erik",
      {kUnit, Channel::email, true, "erik@example.se", Language::en, "muntligt vid besök"});
  EXPECT_EQ(recorded.source, "staff");
  EXPECT_EQ(recorded.recorded_by_id, "karin");
  EXPECT_EQ(service_.patient_consents(staff("karin"), kUnit, "erik").size(), 1u);
  EXPECT_EQ(error_of([&] { service_.patient_consents(staff("olof"), kUnit, "erik"); }),
            Error::not_allowed);
}

TEST_P(NotifyServiceTest, FailuresAreRetriedWithBackOffThenDeadLetteredAndRetriedByHand) {
  consent(Channel::email, "erik@example.se");
  in_transaction(
      [&](soci::session& sql) { service_.case_answered(sql, "c", "m1", "erik", kUnit); });
  email_->next_failure = SendResult{false, false, "smtp_451", std::nullopt};
  EXPECT_EQ(deliver_all(), 1u);  // attempted, failed for now
  EXPECT_TRUE(email_->sent.empty());
  EXPECT_EQ(deliver_all(), 0u);  // not due yet: back-off
  clock_.advance(31'000);
  EXPECT_EQ(deliver_all(), 1u);
  EXPECT_EQ(email_->sent.size(), 1u);

  in_transaction(
      [&](soci::session& sql) { service_.case_answered(sql, "c", "m2", "erik", kUnit); });
  email_->next_failure = SendResult{false, true, "smtp_550", std::nullopt};
  EXPECT_EQ(deliver_all(), 1u);
  const auto dead = service_.deliveries(staff("olof"), {DeliveryStatus::dead, 10});
  ASSERT_EQ(dead.size(), 1u);
  EXPECT_EQ(dead[0].last_error, "smtp_550");
  EXPECT_EQ(error_of([&] { service_.deliveries(staff("mats"), {}); }), Error::not_allowed);
  service_.retry(staff("olof"), dead[0].id);
  EXPECT_EQ(deliver_all(), 1u);
  EXPECT_EQ(email_->sent.size(), 2u);
  EXPECT_EQ(email_->sent.back().idempotency_key, dead[0].id);  // the same key on every try
}

TEST_P(NotifyServiceTest, ADeliveryWhoseNodeDiedIsTakenAgainAfterItsLeaseWithTheSameKey) {
  consent(Channel::email, "erik@example.se");
  in_transaction([&](soci::session& sql) { service_.case_answered(sql, "c", "m", "erik", kUnit); });
  service_.expand_due();
  // Node A takes the delivery and dies before it reports back.
  const auto taken = scratch_.db().transaction([&](soci::session& sql) {
    return store_.claim_delivery(sql, "node-a", clock_.now_ms(), clock_.now_ms() + 60'000);
  });
  ASSERT_TRUE(taken);
  EXPECT_FALSE(service_.deliver_one("node-b"));  // leased: nobody else sends it meanwhile
  clock_.advance(61'000);
  EXPECT_TRUE(service_.deliver_one("node-b"));
  ASSERT_EQ(email_->sent.size(), 1u);
  EXPECT_EQ(email_->sent[0].idempotency_key, taken->id);
  EXPECT_EQ(service_.count(DeliveryStatus::sent), 1u);
}

TEST_P(NotifyServiceTest, TwoNodesDeliverEachMessageOnce) {
  consent(Channel::email, "erik@example.se");
  in_transaction([&](soci::session& sql) {
    for (int i = 0; i < 60; ++i) {
      service_.case_answered(sql, "c", "m" + std::to_string(i), "erik", kUnit);
    }
  });
  std::vector<std::thread> nodes;
  for (const auto* name : {"node-a", "node-b", "node-c"}) {
    nodes.emplace_back([&, name] {
      service_.expand_due();
      while (service_.deliver_one(name)) {
      }
    });
  }
  for (auto& t : nodes) t.join();
  std::set<std::string> keys;
  for (const auto& m : email_->sent) keys.insert(m.idempotency_key);
  EXPECT_EQ(email_->sent.size(), 60u);
  EXPECT_EQ(keys.size(), 60u);
}

TEST_P(NotifyServiceTest, TemplatesAreCheckedWhenTheRegionChangesThem) {
  EXPECT_EQ(error_of([&] { service_.templates(staff("mats")); }), Error::not_allowed);
  EXPECT_EQ(service_.templates(staff("olof")).size(), 24u);
  Template t{Event::case_reply, Channel::sms, Language::sv, "", "Nytt svar från {clinic}."};
  EXPECT_EQ(error_of([&] { service_.set_template(staff("olof"), t); }), Error::template_rejected);
  t.body = "Nytt svar från Vårdcentralen Björkdalen.";
  EXPECT_EQ(error_of([&] { service_.set_template(staff("olof"), t); }), Error::template_rejected);
  t.body = "Du har ett nytt svar. Logga in på {link}. Svara inte.";
  service_.set_template(staff("olof"), t);
  consent(Channel::email, "erik@example.se");
  enable_sms();
  consent(Channel::sms, "0701234567");
  in_transaction([&](soci::session& sql) { service_.case_answered(sql, "c", "m", "erik", kUnit); });
  deliver_all();
  ASSERT_EQ(sms_->sent.size(), 1u);
  EXPECT_EQ(sms_->sent[0].body,
            "Du har ett nytt svar. Logga in på https://vard.example/. Svara inte.");
}

TEST_P(NotifyServiceTest, EscalationsReachTheUnitManagerInTheCentreAndByPreference) {
  service_.set_my_preference(staff("mats"), {"", Channel::email, true, "mats@region.example"});
  in_transaction([&](soci::session& sql) {
    service_.escalation_raised(sql, "case-9", kUnit, "at_risk", clock_.now_ms());
    service_.escalation_raised(sql, "case-9", kUnit, "at_risk", clock_.now_ms());
    service_.case_arrived(sql, "case-10", kUnit);
  });
  const auto notices = service_.my_notices(staff("mats"), 10);
  ASSERT_EQ(notices.size(), 2u);
  EXPECT_EQ(service_.my_notices(staff("karin"), 10).size(), 1u);  // the new case only
  clock_.set(at("2026-11-23T23:00:00+01:00"));                    // urgent: no quiet hours
  EXPECT_EQ(deliver_all(), 1u);
  ASSERT_EQ(email_->sent.size(), 1u);
  EXPECT_EQ(email_->sent[0].to, "mats@region.example");
  EXPECT_EQ(email_->sent[0].body.find("case-9"), std::string::npos);
  service_.mark_read(staff("mats"), notices[0].id);
  EXPECT_TRUE(service_.my_notices(staff("mats"), 10)[0].read_at_ms.has_value());
  EXPECT_EQ(error_of([&] { service_.mark_read(staff("karin"), notices[0].id); }),
            Error::delivery_not_found);
}

INSTANTIATE_TEST_SUITE_P(Backends, NotifyServiceTest, ::testing::ValuesIn(db::testing::backends()),
                         db::testing::BackendName{});

}  // namespace
}  // namespace oppenvard::notify
