#include "eservices/service.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "audit/store.hpp"
#include "core/time.hpp"
#include "db/testing.hpp"
#include "db/uuid.hpp"
#include "directory/store.hpp"
#include "directory/testing.hpp"
#include "identity/testing.hpp"

namespace oppenvard::eservices {
namespace {

using identity::StaffRole;
using identity::testing::patient;
using identity::testing::staff;

std::int64_t at(const char* rfc3339) {
  return *core::parse_rfc3339(rfc3339);
}

const std::string kUnit = "unit-1";
const std::string kOtherUnit = "unit-2";
const std::string kJpeg("\xFF\xD8\xFF\xE0\x00\x10JFIF\x00\x01", 12);
const std::string kPng("\x89PNG\r\n\x1A\n\x00\x00\x00\x0D", 12);

class EservicesServiceTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    for (const auto& list :
         {directory::migrations(), identity::migrations(), audit::migrations(), migrations()}) {
      db::migrate(scratch_.db(), list);
    }
    directory::testing::seed_clinics(scratch_.db(), {{kUnit, "Vårdcentralen Björkdalen"},
                                                     {kOtherUnit, "Psykiatrimottagningen"}});
    directory::Store directory(scratch_.db());
    for (const auto& id : {kUnit, kOtherUnit}) {
      for (const char* code :
           {"book_appointment", "cancel_rebook", "renew_prescription", "contact_me", "send_message",
            "self_referral", "referral_question", "certificate_request", "advice"}) {
        directory.set_offer(id, code, directory::EServiceStatus::on, std::nullopt);
      }
    }
    identity::testing::seed_people(people_, kUnit);
    people_.upsert_patient({"sara", "1.2.752.129.2.1.3.1", "198609199909", "Sara", "Lindqvist",
                            "1986-09-19", std::nullopt, std::nullopt});
    people_.upsert_patient({"ella", "1.2.752.129.2.1.3.1", "201605149820", "Ella", "Lindqvist",
                            "2016-05-14", std::nullopt, std::nullopt});
    people_.link_guardian("sara", "ella");
    people_.upsert_staff({"anna",
                          "SE2",
                          "Anna",
                          "Nilsson",
                          "Sjuksköterska",
                          {{kUnit, StaffRole::clinician}, {kUnit, StaffRole::eservice_admin}}});
    people_.upsert_staff(
        {"sofia", "SE4", "Sofia", "Berg", "Läkare", {{kOtherUnit, StaffRole::doctor}}});
    people_.upsert_staff({"olof",
                          "SE9",
                          "Olof",
                          "Strand",
                          "Regionadministratör",
                          {{std::nullopt, StaffRole::region_admin}}});
    scratch_.db().transaction([&](soci::session& sql) {
      ClinicSettings s;
      s.published = true;
      s.images = {true, {"image/jpeg", "image/png"}, 1000, 30};
      store_.save_settings(sql, kUnit, s);
    });
  }

  CaseView send(const Caller& who, const std::string& code = "send_message",
                const std::string& unit = kUnit) {
    boost::json::object answers;
    const auto form = form_for(code, "basic");
    for (const auto& f : form->fields) {
      if (!f.required) continue;
      answers[f.key] = f.kind == FieldKind::choice  ? f.choices.front().value
                       : f.kind == FieldKind::phone ? "0701234567"
                       : f.kind == FieldKind::date  ? "2026-11-01"
                                                    : "Text";
    }
    return service_.submit(who, unit, code, answers);
  }

  Error error_of(const std::function<void()>& f) {
    try {
      f();
    } catch (const EservicesError& e) {
      return e.error();
    }
    ADD_FAILURE() << "no error";
    return Error::invalid_transition;
  }

  std::vector<audit::AuditEvent> audit_of(const std::string& patient_id) {
    audit::Query q;
    q.patient_id = patient_id;
    q.limit = 500;
    return audit_.query(q);
  }

  db::testing::ScratchDatabase scratch_{GetParam()};
  identity::Store people_{scratch_.db()};
  core::FixedClock clock_{at("2026-12-23T10:00:00+01:00")};
  core::WorkingCalendar calendar_;
  audit::Service audit_{scratch_.db(), clock_};
  Store store_{scratch_.db()};
  std::vector<std::pair<std::string, std::string>> published_;
  Service service_{store_,
                   people_,
                   audit_,
                   clock_,
                   calendar_,
                   Settings{std::filesystem::temp_directory_path() /
                                ("oppenvard-attachments-" + db::new_uuid_v7()),
                            48LL * 3600 * 1000, 1 << 20},
                   [this](const std::string& topic, const boost::json::value& event) {
                     published_.emplace_back(topic, boost::json::serialize(event));
                   }};
};

TEST_P(EservicesServiceTest, EveryBasicServiceBecomesACaseInTheUnitInboxWithItsDeadline) {
  for (const char* code :
       {"book_appointment", "cancel_rebook", "renew_prescription", "contact_me", "send_message",
        "self_referral", "referral_question", "certificate_request"}) {
    const auto v = send(patient("erik"), code);
    EXPECT_EQ(v.summary.item.status, CaseStatus::new_case);
    // Arrived Wednesday 23 December → due Tuesday 29 December 23:59:59.999 CET (DOMAIN.md).
    EXPECT_EQ(v.summary.item.due_at_ms, at("2026-12-30T00:00:00+01:00") - 1) << code;
    EXPECT_EQ(v.clock, ClockState::on_time);
  }
  const auto inbox = service_.inbox(staff("karin"), kUnit, InboxFilter::all);
  EXPECT_EQ(inbox.cases.size(), 8u);
  EXPECT_EQ(inbox.counts.unassigned, 8);
  EXPECT_EQ(inbox.cases.front().patient_name, "Erik Sandberg");
  EXPECT_EQ(service_.my_cases(patient("erik")).size(), 8u);
  // Realtime: the unit and the case hear of it, with ids and status only.
  ASSERT_FALSE(published_.empty());
  EXPECT_EQ(published_.front().first, "unit:" + kUnit);
  EXPECT_EQ(published_.front().second.find("Erik"), std::string::npos);
}

TEST_P(EservicesServiceTest, TheClockRunsAcrossChristmasAndStopsOnTheReply) {
  const auto id = send(patient("erik")).summary.item.id;
  clock_.set(at("2026-12-28T23:59:59+01:00"));
  EXPECT_EQ(service_.inbox(staff("karin"), kUnit, InboxFilter::all).clocks.front(),
            ClockState::on_time);
  clock_.set(at("2026-12-29T08:00:00+01:00"));
  auto inbox = service_.inbox(staff("karin"), kUnit, InboxFilter::all);
  EXPECT_EQ(inbox.clocks.front(), ClockState::at_risk);
  EXPECT_EQ(inbox.counts.at_risk, 1);
  clock_.set(at("2026-12-30T00:00:00+01:00"));
  inbox = service_.inbox(staff("karin"), kUnit, InboxFilter::all);
  EXPECT_EQ(inbox.counts.overdue, 1);

  const auto replied = service_.post_message(staff("karin"), id, MessageKind::reply, "Hej Erik!");
  EXPECT_EQ(replied.summary.item.due_at_ms, std::nullopt);
  EXPECT_EQ(replied.summary.item.assignee_id, "karin");  // the replier has it now
  EXPECT_EQ(replied.summary.item.status, CaseStatus::open);

  // The patient writes again on Thursday 31 Dec: New Year's Day and the weekend are off →
  // due Tuesday 5 January.
  clock_.set(at("2026-12-31T15:00:00+01:00"));
  const auto again = service_.post_message(patient("erik"), id, MessageKind::message, "Tack!");
  EXPECT_EQ(again.summary.item.due_at_ms, at("2027-01-06T00:00:00+01:00") - 1);
  EXPECT_EQ(again.messages.size(), 2u);
  EXPECT_EQ(again.messages[0].author_name, "Karin Ekström");
}

TEST_P(EservicesServiceTest, AtRiskAndOverdueCasesAreEscalatedOnceToTheUnitManager) {
  const auto id = send(patient("erik")).summary.item.id;  // due end of Tue 29 Dec
  EXPECT_TRUE(service_.escalate().empty());
  clock_.set(at("2026-12-28T23:59:00+01:00"));
  EXPECT_TRUE(service_.escalate().empty());
  clock_.set(at("2026-12-29T00:00:00+01:00"));
  published_.clear();
  const auto at_risk = service_.escalate();
  ASSERT_EQ(at_risk.size(), 1u);
  EXPECT_EQ(at_risk[0].case_id, id);
  EXPECT_EQ(at_risk[0].level, ClockState::at_risk);
  ASSERT_EQ(published_.size(), 1u);
  EXPECT_EQ(published_[0].first, "unit:" + kUnit);
  // Once per level and deadline, however often the job runs (or on how many nodes).
  EXPECT_TRUE(service_.escalate().empty());
  clock_.set(at("2026-12-30T00:00:00+01:00"));
  const auto overdue = service_.escalate();
  ASSERT_EQ(overdue.size(), 1u);
  EXPECT_EQ(overdue[0].level, ClockState::overdue);
  EXPECT_TRUE(service_.escalate().empty());
  const auto list = service_.escalations(staff("mats"), kUnit, 14);
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].second.patient_name, "Erik Sandberg");
  EXPECT_EQ(error_of([&] { service_.escalations(staff("karin"), kUnit, 14); }), Error::not_allowed);
  // An answered case is not escalated again.
  service_.post_message(staff("karin"), id, MessageKind::reply, "Svar");
  clock_.set(at("2027-01-08T00:00:00+01:00"));
  EXPECT_TRUE(service_.escalate().empty());
}

TEST_P(EservicesServiceTest, EachWaitingMessageHasItsOwnClockAndTheEarliestShows) {
  const auto id = send(patient("erik")).summary.item.id;
  clock_.set(at("2026-12-28T09:00:00+01:00"));
  const auto v = service_.post_message(patient("erik"), id, MessageKind::message, "Hallå?");
  EXPECT_EQ(v.summary.item.due_at_ms, at("2026-12-30T00:00:00+01:00") - 1);  // the first one's
  // A question to the patient stops both clocks and waits for the patient.
  const auto asked = service_.post_message(staff("anna"), id, MessageKind::question, "Sedan när?");
  EXPECT_EQ(asked.summary.item.status, CaseStatus::waiting_for_patient);
  EXPECT_EQ(asked.summary.item.due_at_ms, std::nullopt);
  const auto answered =
      service_.post_message(patient("erik"), id, MessageKind::message, "En vecka");
  EXPECT_EQ(answered.summary.item.status, CaseStatus::open);
  EXPECT_EQ(answered.summary.item.due_at_ms, at("2026-12-31T00:00:00+01:00") - 1);
}

TEST_P(EservicesServiceTest, PatientsAndStaffCannotPostTheOthersKindOfMessage) {
  const auto id = send(patient("erik")).summary.item.id;
  EXPECT_EQ(error_of([&] { service_.post_message(patient("erik"), id, MessageKind::reply, "x"); }),
            Error::invalid_transition);
  EXPECT_EQ(error_of([&] { service_.post_message(staff("karin"), id, MessageKind::message, "x"); }),
            Error::invalid_transition);
  service_.close(staff("karin"), id, Outcome::answered);
  EXPECT_EQ(
      error_of([&] { service_.post_message(patient("erik"), id, MessageKind::message, "x"); }),
      Error::case_closed);
}

TEST_P(EservicesServiceTest, AbsentColleaguesCasesShowUpForTheOthers) {
  const auto id = send(patient("erik")).summary.item.id;
  service_.claim(staff("karin"), id);
  EXPECT_TRUE(service_.inbox(staff("anna"), kUnit, InboxFilter::unassigned).cases.empty());
  EXPECT_EQ(service_.inbox(staff("karin"), kUnit, InboxFilter::mine).cases.size(), 1u);

  service_.set_absence(staff("karin"), at("2026-12-23T00:00:00+01:00"),
                       at("2027-01-07T00:00:00+01:00"));
  const auto cover = service_.inbox(staff("anna"), kUnit, InboxFilter::unassigned);
  ASSERT_EQ(cover.cases.size(), 1u);
  EXPECT_TRUE(cover.cases[0].assignee_absent);
  EXPECT_EQ(cover.counts.unassigned, 1);
  // Anna takes it over.
  const auto taken = service_.claim(staff("anna"), id);
  EXPECT_EQ(taken.summary.item.assignee_id, "anna");

  // Back from absence: the cover ends.
  service_.assign(staff("anna"), id, std::string("karin"));
  clock_.set(at("2027-01-07T08:00:00+01:00"));
  EXPECT_TRUE(service_.inbox(staff("anna"), kUnit, InboxFilter::unassigned).cases.empty());
  EXPECT_EQ(error_of([&] { service_.assign(staff("anna"), id, std::string("sofia")); }),
            Error::not_staff_of_unit);
  const auto back = service_.assign(staff("anna"), id, std::nullopt);
  EXPECT_EQ(back.summary.item.status, CaseStatus::new_case);
}

TEST_P(EservicesServiceTest, OnlyThePatientTheGuardianAndStaffOfTheUnitReachACase) {
  const auto child_case = send(patient("sara", std::string("ella"))).summary.item;
  EXPECT_EQ(child_case.patient_id, "ella");
  EXPECT_EQ(child_case.submitted_by_kind, AuthorKind::guardian);
  EXPECT_EQ(service_.my_cases(patient("sara", std::string("ella"))).size(), 1u);
  EXPECT_TRUE(service_.my_cases(patient("sara")).empty());  // not Sara's own case
  EXPECT_EQ(error_of([&] { service_.get(patient("sara"), child_case.id); }), Error::not_allowed);
  EXPECT_EQ(error_of([&] { service_.get(patient("erik"), child_case.id); }), Error::not_allowed);
  EXPECT_EQ(error_of([&] { service_.get(staff("sofia"), child_case.id); }), Error::not_allowed);
  EXPECT_EQ(error_of([&] { service_.get(staff("olof"), child_case.id); }), Error::not_allowed);
  EXPECT_EQ(error_of([&] { service_.inbox(staff("sofia"), kUnit, InboxFilter::all); }),
            Error::not_allowed);
  EXPECT_EQ(error_of([&] { service_.submit(staff("karin"), kUnit, "send_message", {}); }),
            Error::not_allowed);
  EXPECT_NO_THROW(service_.get(staff("karin"), child_case.id));

  // P2: the staff read and the refused attempt are in the log, with whose data it was.
  const auto events = audit_of("ella");
  auto has = [&](const std::string& actor, const std::string& action, bool success) {
    return std::any_of(events.begin(), events.end(), [&](const audit::AuditEvent& e) {
      return e.actor_id == actor && e.action == action && e.success == success &&
             e.care_unit_id == kUnit;
    });
  };
  EXPECT_TRUE(has("karin", "read", true));
  EXPECT_TRUE(has("sofia", "read", false));
  EXPECT_TRUE(has("sara", "create", true));
  EXPECT_TRUE(audit_.verify().ok);
}

TEST_P(EservicesServiceTest, TheCatalogueRulesOfTheBasicOffering) {
  const auto anna = staff("anna");
  EXPECT_EQ(error_of([&] { service_.set_offer(anna, kUnit, "renew_prescription", "off", {}); }),
            Error::basic_cannot_be_off);
  EXPECT_EQ(error_of([&] {
              service_.set_offer(anna, kUnit, "renew_prescription", "not_applicable", {});
            }),
            Error::reason_required);
  EXPECT_EQ(error_of([&] { service_.set_offer(staff("karin"), kUnit, "advice", "off", {}); }),
            Error::not_allowed);
  const auto entry = service_.set_offer(anna, kUnit, "renew_prescription", "not_applicable",
                                        std::string("Mottagningen förskriver inte läkemedel"));
  EXPECT_EQ(entry.status, "not_applicable");
  EXPECT_EQ(error_of([&] { send(patient("erik"), "renew_prescription"); }),
            Error::service_not_offered);
  EXPECT_EQ(error_of([&] { service_.form(kUnit, "renew_prescription"); }),
            Error::service_not_offered);
  service_.set_offer(anna, kUnit, "advice", "off", {});
  EXPECT_EQ(error_of([&] { service_.form(kUnit, "advice"); }), Error::service_not_offered);
  EXPECT_EQ(error_of([&] { service_.form("nowhere", "advice"); }), Error::clinic_not_found);

  // An own contact form is offered at once and takes a message.
  const auto own = service_.add_own_form(anna, kUnit, "Kontakta diabetessköterskan",
                                         "Contact the diabetes nurse");
  EXPECT_EQ(own.category, "custom");
  const auto form = service_.form(kUnit, own.code);
  ASSERT_EQ(form.fields.size(), 1u);
  boost::json::object answers{{"message", "Mitt blodsocker"}};
  EXPECT_EQ(service_.submit(patient("erik"), kUnit, own.code, answers).summary.service_name_sv,
            "Kontakta diabetessköterskan");
  // Other clinics do not see it.
  for (const auto& e : service_.administration(anna, kUnit).catalogue) {
    if (e.code == own.code) {
      EXPECT_EQ(e.status, "on");
    }
  }
}

TEST_P(EservicesServiceTest, TheClinicPublishesInformationAndSupportContacts) {
  EXPECT_TRUE(service_.information(kUnit).material.empty());
  const ClinicInformation info{{{"Så använder du e-tjänsterna", "https://www.1177.se/"}},
                               {{"Support", "0771-11 77 00", "", "Dygnet runt"}}};
  EXPECT_EQ(error_of([&] { service_.set_information(staff("karin"), kUnit, info); }),
            Error::not_allowed);
  service_.set_information(staff("anna"), kUnit, info);
  const auto read = service_.information(kUnit);
  ASSERT_EQ(read.material.size(), 1u);
  EXPECT_EQ(read.material[0].url, "https://www.1177.se/");
  ASSERT_EQ(read.support.size(), 1u);
  EXPECT_EQ(read.support[0].hours, "Dygnet runt");
  EXPECT_THROW(service_.set_information(staff("anna"), kUnit, {{{"x", "http://x.se"}}, {}}),
               InvalidFields);
  EXPECT_EQ(service_.information(kUnit).material.size(), 1u);  // nothing lost
  EXPECT_TRUE(service_.information(kOtherUnit).material.empty());
}

TEST_P(EservicesServiceTest, OneOrTwoAdministratorsAndNoCasesBeforePublishing) {
  const auto mats = staff("mats");
  EXPECT_EQ(error_of([&] {
              service_.set_admins(mats, kUnit, {"anna", "karin", "mats"});
            }),
            Error::too_many_admins);
  EXPECT_EQ(error_of([&] { service_.set_admins(mats, kUnit, {}); }), Error::no_admin);
  EXPECT_EQ(error_of([&] { service_.set_admins(mats, kUnit, {"sofia"}); }),
            Error::not_staff_of_unit);
  EXPECT_EQ(error_of([&] { service_.set_admins(staff("anna"), kUnit, {"anna"}); }),
            Error::not_allowed);  // only the unit manager designates
  service_.set_admins(mats, kUnit, {"karin", "anna"});
  EXPECT_EQ(service_.administration(mats, kUnit).admins.size(), 2u);

  // The other unit has no administrator: it cannot publish, and takes no cases.
  people_.upsert_staff(
      {"kim", "SE5", "Kim", "Ek", "Enhetschef", {{kOtherUnit, StaffRole::unit_manager}}});
  EXPECT_EQ(error_of([&] { send(patient("erik"), "send_message", kOtherUnit); }),
            Error::clinic_not_published);
  EXPECT_EQ(error_of([&] { service_.form(kOtherUnit, "send_message"); }),
            Error::clinic_not_published);
  EXPECT_EQ(error_of([&] { service_.set_published(staff("kim"), kOtherUnit, true); }),
            Error::no_admin);
  service_.set_admins(staff("kim"), kOtherUnit, {"sofia"});
  service_.set_published(staff("kim"), kOtherUnit, true);
  EXPECT_NO_THROW(send(patient("erik"), "send_message", kOtherUnit));
}

TEST_P(EservicesServiceTest, ImagesFollowTheRoutineAndAreServedOnlyToThoseWithAccess) {
  const auto id = send(patient("erik")).summary.item.id;
  EXPECT_EQ(error_of([&] { service_.attach(patient("erik"), id, "image/png", kJpeg); }),
            Error::image_content_mismatch);
  EXPECT_EQ(error_of([&] { service_.attach(patient("erik"), id, "image/gif", "GIF89a"); }),
            Error::image_type_not_allowed);
  EXPECT_EQ(error_of([&] {
              service_.attach(patient("erik"), id, "image/jpeg", kJpeg + std::string(1000, 'x'));
            }),
            Error::image_too_large);
  EXPECT_EQ(error_of([&] { service_.attach(staff("karin"), id, "image/jpeg", kJpeg); }),
            Error::not_allowed);
  const auto a = service_.attach(patient("erik"), id, "image/png", kPng);
  EXPECT_EQ(a.size, static_cast<std::int64_t>(kPng.size()));
  EXPECT_EQ(a.delete_after_ms - a.created_at_ms, 30LL * 86'400'000);
  EXPECT_EQ(service_.attachment(staff("karin"), id, a.id).bytes, kPng);
  EXPECT_EQ(error_of([&] { service_.attachment(staff("sofia"), id, a.id); }), Error::not_allowed);
  const auto other = send(patient("sara")).summary.item.id;
  EXPECT_EQ(error_of([&] { service_.attachment(patient("sara"), other, a.id); }),
            Error::attachment_not_found);
  const auto events = audit_of("erik");
  EXPECT_TRUE(std::any_of(events.begin(), events.end(), [&](const auto& e) {
    return e.object_type == "attachment" && e.action == "read" && e.actor_id == "karin";
  }));
  // Past retention the bytes and the row are gone.
  clock_.set(a.delete_after_ms);
  EXPECT_EQ(service_.purge_expired_attachments(), 1u);
  EXPECT_EQ(error_of([&] { service_.attachment(patient("erik"), id, a.id); }),
            Error::attachment_not_found);
}

TEST_P(EservicesServiceTest, UndocumentedContactsAreListedUntilMarked) {
  const auto id = send(patient("erik"), "renew_prescription").summary.item.id;
  service_.post_message(staff("karin"), id, MessageKind::reply, "Receptet är förnyat.");
  service_.close(staff("karin"), id, Outcome::prescription_renewed);
  const auto draft = service_.summary(staff("karin"), id);
  EXPECT_EQ(draft.contact_day, "2026-12-23");
  EXPECT_NE(draft.text.find("19750611-9812"), std::string::npos);
  EXPECT_TRUE(service_.undocumented(staff("karin"), kUnit).empty());  // not yet due
  clock_.advance(49LL * 3600 * 1000);
  ASSERT_EQ(service_.undocumented(staff("anna"), kUnit).size(), 1u);
  service_.mark_documented(staff("karin"), id);
  EXPECT_TRUE(service_.undocumented(staff("anna"), kUnit).empty());
}

TEST_P(EservicesServiceTest, FollowUpCountsOfferingsCasesAndAnswersInTime) {
  service_.set_offer(staff("anna"), kUnit, "self_referral", "not_applicable",
                     std::string("Egenremiss tas emot av vårdcentralen i stan"));
  const auto fast = send(patient("erik")).summary.item.id;  // Wed 23 Dec 10:00
  const auto late = send(patient("sara")).summary.item.id;  // due Tue 29 Dec
  send(patient("erik"), "contact_me");                      // open, not yet due
  clock_.set(at("2026-12-23T11:00:00+01:00"));
  service_.post_message(staff("karin"), fast, MessageKind::reply, "Svar");
  clock_.set(at("2026-12-30T09:00:00+01:00"));
  service_.post_message(staff("karin"), late, MessageKind::reply, "Sent svar");

  const auto reports =
      service_.report(staff("mats"), kUnit, std::nullopt, at("2026-12-01T00:00:00+01:00"),
                      at("2027-01-01T00:00:00+01:00"));
  ASSERT_EQ(reports.size(), 1u);
  const auto& r = reports[0];
  EXPECT_TRUE(r.published);
  EXPECT_EQ(r.cases, 3);
  EXPECT_EQ(r.basic_not_applicable, std::vector<std::string>{"self_referral"});
  EXPECT_TRUE(r.basic_missing_without_reason.empty());
  EXPECT_EQ(r.others_offered, std::vector<std::string>{"advice"});
  // contact_me is overdue by now (due 29 Dec), so it counts as a miss.
  EXPECT_EQ(r.clocks, 3);
  EXPECT_EQ(r.answered_in_time, 1);
  for (const auto& s : r.services) {
    if (s.code == "send_message") {
      EXPECT_EQ(s.cases, 2);
      EXPECT_EQ(s.answered_in_time, 1);
      // 1 h and Wed 23 Dec 10–17 (7) + Mon 28 (9) + Tue 29 (9) + Wed 30 08–09 (1) = 26 h.
      EXPECT_DOUBLE_EQ(*s.median_answer_working_hours, 13.5);
    }
  }
  // Region administrators see every clinic; a clinic without rows misses basic services.
  const auto all =
      service_.report(staff("olof"), std::nullopt, std::nullopt, 0, at("2027-01-01T00:00:00Z"));
  EXPECT_EQ(all.size(), 2u);
  EXPECT_EQ(error_of([&] {
              service_.report(staff("karin"), kUnit, std::nullopt, 0, at("2027-01-01T00:00:00Z"));
            }),
            Error::not_allowed);
}

INSTANTIATE_TEST_SUITE_P(Backends, EservicesServiceTest,
                         ::testing::ValuesIn(db::testing::backends()), db::testing::BackendName());

}  // namespace
}  // namespace oppenvard::eservices
