#include "eservices/rules.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "core/time.hpp"

namespace oppenvard::eservices {
namespace {

std::int64_t at(const char* rfc3339) {
  return *core::parse_rfc3339(rfc3339);
}

const std::vector<std::string> kBasic{
    "book_appointment", "cancel_rebook", "renew_prescription", "contact_me",
    "send_message",     "self_referral", "referral_question",  "certificate_request"};
const std::vector<std::string> kRecommendedCases{
    "advice",           "renew_assistive_device", "feedback",
    "lifestyle_advice", "specialist_contact",     "examination_question"};

// --- forms ---

TEST(Forms, EveryBasicAndRecommendedCaseServiceHasABilingualForm) {
  auto all = kBasic;
  all.insert(all.end(), kRecommendedCases.begin(), kRecommendedCases.end());
  for (const auto& code : all) {
    const auto form = form_for(code, "basic");
    ASSERT_TRUE(form) << code;
    EXPECT_EQ(form->code, code);
    EXPECT_FALSE(form->intro_sv.empty()) << code;
    EXPECT_FALSE(form->intro_en.empty()) << code;
    ASSERT_FALSE(form->fields.empty()) << code;
    bool any_required = false;
    for (const auto& f : form->fields) {
      EXPECT_FALSE(f.label_sv.empty()) << code << "/" << f.key;
      EXPECT_FALSE(f.label_en.empty()) << code << "/" << f.key;
      EXPECT_EQ(f.kind == FieldKind::choice, !f.choices.empty()) << code << "/" << f.key;
      any_required = any_required || f.required;
    }
    EXPECT_TRUE(any_required) << code << " would accept an empty case";
  }
}

TEST(Forms, TheBookingServicesAreNotCasesAndOwnFormsShareTheContactForm) {
  EXPECT_FALSE(form_for("standalone_timebook", "recommended"));
  EXPECT_FALSE(form_for("web_booking", "recommended"));
  EXPECT_FALSE(form_for("no_such_service", "basic"));
  const auto own = form_for("own-123", "custom");
  ASSERT_TRUE(own);
  ASSERT_EQ(own->fields.size(), 1u);
  EXPECT_TRUE(own->fields[0].required);
}

TEST(Forms, ServiceSpecificDataIsStructured) {
  auto keys = [](const std::string& code) {
    std::vector<std::string> k;
    const auto form = form_for(code, "basic");
    for (const auto& f : form->fields) k.push_back(f.key);
    return k;
  };
  EXPECT_EQ(keys("book_appointment"),
            (std::vector<std::string>{"reason", "wished_times", "channel"}));
  EXPECT_EQ(keys("cancel_rebook"),
            (std::vector<std::string>{"appointment", "action", "wished_times", "message"}));
  EXPECT_EQ(keys("renew_prescription"), (std::vector<std::string>{"medicines", "message"}));
  EXPECT_EQ(keys("contact_me"), (std::vector<std::string>{"phone", "good_times", "topic"}));
  EXPECT_EQ(keys("certificate_request"), (std::vector<std::string>{"certificate_kind", "purpose"}));
}

boost::json::object answers(std::initializer_list<std::pair<const char*, const char*>> items) {
  boost::json::object o;
  for (const auto& [k, v] : items) o[k] = v;
  return o;
}

TEST(Validation, AcceptsACompleteFormAndTrimsIt) {
  const auto form = *form_for("contact_me", "basic");
  const auto r = validate_fields(
      form,
      answers({{"phone", " 070-123 45 67 "}, {"good_times", "efter 13"}, {"topic", "Provsvar"}}));
  EXPECT_TRUE(r.problems.empty());
  EXPECT_EQ(r.fields.at("phone").as_string(), "070-123 45 67");
}

TEST(Validation, ListsEveryProblemAtOnce) {
  const auto form = *form_for("contact_me", "basic");
  boost::json::object a;
  a["phone"] = "ring mig";
  a["good_times"] = "   ";
  a["topic"] = 12;
  a["extra"] = "x";
  const auto r = validate_fields(form, a);
  std::vector<std::string> fields;
  for (const auto& p : r.problems) fields.push_back(p.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"/fields/phone", "/fields/good_times",
                                              "/fields/topic", "/fields/extra"}));
  EXPECT_TRUE(r.fields.empty());
}

TEST(Validation, RequiredOptionalChoicesDatesAndLengths) {
  const auto book = *form_for("book_appointment", "basic");
  EXPECT_EQ(validate_fields(book, answers({{"reason", "Ont i knät"}})).problems.size(), 1u);
  EXPECT_TRUE(validate_fields(book, answers({{"reason", "Ont"}, {"wished_times", "Fredag"}}))
                  .problems.empty());
  EXPECT_EQ(
      validate_fields(
          book, answers({{"reason", "Ont"}, {"wished_times", "Fredag"}, {"channel", "teleport"}}))
          .problems.size(),
      1u);
  EXPECT_TRUE(
      validate_fields(
          book, answers({{"reason", "Ont"}, {"wished_times", "Fredag"}, {"channel", "video"}}))
          .problems.empty());
  const auto referral = *form_for("referral_question", "basic");
  EXPECT_EQ(validate_fields(
                referral,
                answers({{"referral_from", "Dr X"}, {"question", "?"}, {"sent_on", "2026-02-30"}}))
                .problems.size(),
            1u);
  // Lengths count characters, not bytes: 4000 å's pass, 4001 do not.
  std::string long_text;
  for (int i = 0; i < 4000; ++i) long_text += "å";
  const auto message = *form_for("send_message", "basic");
  EXPECT_TRUE(validate_fields(message, answers({{"message", long_text.c_str()}})).problems.empty());
  long_text += "å";
  EXPECT_EQ(validate_fields(message, answers({{"message", long_text.c_str()}})).problems.size(),
            1u);
  // Text fields are one line; text areas keep line breaks.
  const auto renew = *form_for("renew_assistive_device", "recommended");
  EXPECT_EQ(validate_fields(renew, answers({{"device", "Rollator\nny"}})).problems.size(), 1u);
  EXPECT_TRUE(validate_fields(message, answers({{"message", "Hej\nrad två"}})).problems.empty());
  EXPECT_EQ(validate_fields(message, answers({{"message", "nul\x01"}})).problems.size(), 1u);
}

TEST(Validation, PhoneNumbers) {
  const auto form = *form_for("contact_me", "basic");
  for (const char* good : {"0701234567", "+46 70 123 45 67", "08-123 456", "(08) 123456"}) {
    EXPECT_TRUE(
        validate_fields(form, answers({{"phone", good}, {"good_times", "x"}, {"topic", "y"}}))
            .problems.empty())
        << good;
  }
  for (const char* bad : {"12345", "070 ABC", "+46 70 123 45 67 89 01 23", "070;1234567"}) {
    EXPECT_FALSE(
        validate_fields(form, answers({{"phone", bad}, {"good_times", "x"}, {"topic", "y"}}))
            .problems.empty())
        << bad;
  }
}

TEST(Messages, CleanMessage) {
  EXPECT_EQ(clean_message("  Tack!  "), "Tack!");
  EXPECT_FALSE(clean_message("   \n "));
  EXPECT_FALSE(clean_message(std::string(4001, 'a')));
  EXPECT_TRUE(clean_message(std::string(4000, 'a')));
  EXPECT_FALSE(clean_message("bell\a"));
}

// --- the answer clock's state ---

TEST(ClockState, OnTimeUntilTheDueDayAtRiskOnItOverdueAfter) {
  // Arrives Wednesday 2026-12-23 → due Tuesday 2026-12-29 23:59:59.999 CET (DOMAIN.md).
  const auto arrived = at("2026-12-23T10:00:00+01:00");
  const auto calendar = core::WorkingCalendar();
  const auto due = core::answer_deadline_ms(arrived, calendar);
  EXPECT_EQ(due, at("2026-12-30T00:00:00+01:00") - 1);
  EXPECT_EQ(clock_state(due, arrived), ClockState::on_time);
  EXPECT_EQ(clock_state(due, at("2026-12-28T23:59:59+01:00")), ClockState::on_time);
  EXPECT_EQ(clock_state(due, at("2026-12-29T00:00:00+01:00")), ClockState::at_risk);
  EXPECT_EQ(clock_state(due, due), ClockState::at_risk);
  EXPECT_EQ(clock_state(due, due + 1), ClockState::overdue);
  EXPECT_EQ(clock_state(std::nullopt, due + 1), ClockState::none);
}

TEST(ClockState, AtRiskStartsAtLocalMidnightAcrossDaylightSavingTime) {
  // Arrives 2026-03-29T22:30Z = Monday 00:30 CEST → due Wednesday 2026-04-01 (DOMAIN.md).
  const auto calendar = core::WorkingCalendar();
  const auto due = core::answer_deadline_ms(at("2026-03-29T22:30:00Z"), calendar);
  EXPECT_EQ(due, at("2026-04-02T00:00:00+02:00") - 1);
  EXPECT_EQ(clock_state(due, at("2026-03-31T21:59:59Z")), ClockState::on_time);
  EXPECT_EQ(clock_state(due, at("2026-03-31T22:00:00Z")), ClockState::at_risk);
  // Autumn: due day after the change to CET.
  const auto autumn = core::answer_deadline_ms(at("2026-10-23T12:00:00+02:00"), calendar);
  EXPECT_EQ(autumn, at("2026-10-28T00:00:00+01:00") - 1);
  EXPECT_EQ(clock_state(autumn, at("2026-10-26T23:59:59+01:00")), ClockState::on_time);
  EXPECT_EQ(clock_state(autumn, at("2026-10-27T00:00:00+01:00")), ClockState::at_risk);
}

// --- catalogue ---

TEST(Catalogue, ABasicServiceIsOnOrNotApplicableWithAReason) {
  EXPECT_EQ(check_offer_change("basic", "on", std::nullopt), std::nullopt);
  EXPECT_EQ(check_offer_change("basic", "off", std::nullopt), Error::basic_cannot_be_off);
  EXPECT_EQ(check_offer_change("basic", "off", "Ingen anledning"), Error::basic_cannot_be_off);
  EXPECT_EQ(check_offer_change("basic", "not_applicable", std::nullopt), Error::reason_required);
  EXPECT_EQ(check_offer_change("basic", "not_applicable", "    "), Error::reason_required);
  EXPECT_EQ(check_offer_change("basic", "not_applicable", "kort"), Error::reason_required);
  EXPECT_EQ(check_offer_change("basic", "not_applicable", "åäö"), Error::reason_required);  // chars
  EXPECT_EQ(check_offer_change("basic", "not_applicable", "Vi skriver inga recept"), std::nullopt);
}

TEST(Catalogue, OtherServicesAreSwitchedOnOrOff) {
  for (const char* category : {"recommended", "custom"}) {
    EXPECT_EQ(check_offer_change(category, "on", std::nullopt), std::nullopt);
    EXPECT_EQ(check_offer_change(category, "off", std::nullopt), std::nullopt);
    EXPECT_EQ(check_offer_change(category, "not_applicable", "Gäller inte oss"),
              Error::invalid_transition);
  }
}

TEST(Catalogue, OneOrTwoEserviceAdministrators) {
  EXPECT_EQ(check_admin_count(0), Error::no_admin);
  EXPECT_EQ(check_admin_count(1), std::nullopt);
  EXPECT_EQ(check_admin_count(2), std::nullopt);
  EXPECT_EQ(check_admin_count(3), Error::too_many_admins);
}

// --- information material and support contacts (A3) ---

TEST(Information, LinksAndContactsAreChecked) {
  ClinicInformation good{{{"Så använder du e-tjänsterna", "https://www.1177.se/e-tjanster"}},
                         {{"Support för e-tjänster", "0771-11 77 00", "", "Dygnet runt"},
                          {"E-tjänstansvarig", "", "etjanst@example.se", ""}}};
  EXPECT_TRUE(check_information(good).empty());
  auto problems_of = [](const ClinicInformation& info) {
    std::vector<std::string> fields;
    for (const auto& p : check_information(info)) fields.push_back(p.field);
    return fields;
  };
  EXPECT_EQ(problems_of({{{"", "https://x.se"}}, {}}),
            std::vector<std::string>{"/material/0/title"});
  for (const char* url : {"http://x.se", "javascript:alert(1)", "https://", "https://a b.se",
                          "https://user@evil.se", "ftp://x.se"}) {
    EXPECT_EQ(problems_of({{{"Länk", url}}, {}}), std::vector<std::string>{"/material/0/url"})
        << url;
  }
  EXPECT_EQ(problems_of({{}, {{"Support", "", "", ""}}}), std::vector<std::string>{"/support/0"});
  EXPECT_EQ(problems_of({{}, {{"Support", "ring oss", "", ""}}}),
            std::vector<std::string>{"/support/0/phone"});
  EXPECT_EQ(problems_of({{}, {{"Support", "", "inte-en-adress", ""}}}),
            std::vector<std::string>{"/support/0/email"});
  EXPECT_EQ(problems_of({{}, {{"Två\nrader", "08-123 456", "", ""}}}),
            std::vector<std::string>{"/support/0/label"});
  ClinicInformation many;
  many.material.assign(21, {"Länk", "https://x.se"});
  EXPECT_EQ(problems_of(many), std::vector<std::string>{"/material"});
}

// --- transitions ---

TEST(Transitions, EveryActionFromEveryStatus) {
  using A = CaseAction;
  using S = CaseStatus;
  for (const auto a :
       {A::patient_message, A::staff_reply, A::staff_question, A::claim, A::assign, A::close}) {
    EXPECT_EQ(next_status(S::closed, a, true), std::nullopt);
  }
  for (const auto s : {S::new_case, S::open, S::waiting_for_patient}) {
    EXPECT_EQ(next_status(s, A::patient_message, false), S::new_case);
    EXPECT_EQ(next_status(s, A::patient_message, true), S::open);
    EXPECT_EQ(next_status(s, A::staff_reply, true), S::open);
    EXPECT_EQ(next_status(s, A::staff_question, true), S::waiting_for_patient);
    EXPECT_EQ(next_status(s, A::close, true), S::closed);
  }
  EXPECT_EQ(next_status(S::new_case, A::claim, true), S::open);
  EXPECT_EQ(next_status(S::open, A::assign, false), S::new_case);
  // Handing over a case that waits for the patient keeps it waiting.
  EXPECT_EQ(next_status(S::waiting_for_patient, A::assign, true), S::waiting_for_patient);
}

// --- inbox visibility (M4) ---

TEST(Inbox, NothingIsOnlyReachableThroughOnePerson) {
  Case unassigned;
  Case mine;
  mine.assignee_id = "me";
  mine.status = CaseStatus::open;
  Case colleague;
  colleague.assignee_id = "colleague";
  colleague.status = CaseStatus::open;
  Case closed = colleague;
  closed.status = CaseStatus::closed;

  EXPECT_TRUE(visible_in_inbox(unassigned, InboxFilter::unassigned, "me", false));
  EXPECT_FALSE(visible_in_inbox(mine, InboxFilter::unassigned, "me", false));
  EXPECT_TRUE(visible_in_inbox(mine, InboxFilter::mine, "me", false));
  EXPECT_FALSE(visible_in_inbox(colleague, InboxFilter::mine, "me", false));
  // A present colleague keeps their case; an absent one's case is open to everyone else.
  EXPECT_FALSE(visible_in_inbox(colleague, InboxFilter::unassigned, "me", false));
  EXPECT_TRUE(visible_in_inbox(colleague, InboxFilter::unassigned, "me", true));
  EXPECT_FALSE(visible_in_inbox(colleague, InboxFilter::unassigned, "colleague", true));
  for (const auto* c : {&unassigned, &mine, &colleague}) {
    EXPECT_TRUE(visible_in_inbox(*c, InboxFilter::all, "me", false));
    EXPECT_FALSE(visible_in_inbox(*c, InboxFilter::closed, "me", false));
  }
  EXPECT_FALSE(visible_in_inbox(closed, InboxFilter::all, "me", true));
  EXPECT_FALSE(visible_in_inbox(closed, InboxFilter::unassigned, "me", true));
  EXPECT_TRUE(visible_in_inbox(closed, InboxFilter::closed, "me", false));
}

// --- working hours and follow-up ---

TEST(WorkingHours, OfficeHoursOnWorkingDaysOnly) {
  const core::WorkingCalendar calendar;
  // Monday 09:00 → Monday 11:30: 2.5 h.
  EXPECT_DOUBLE_EQ(working_hours_between(at("2026-11-23T09:00:00+01:00"),
                                         at("2026-11-23T11:30:00+01:00"), calendar),
                   2.5);
  // Friday 16:00 → Monday 09:00: 1 h + 1 h.
  EXPECT_DOUBLE_EQ(working_hours_between(at("2026-11-20T16:00:00+01:00"),
                                         at("2026-11-23T09:00:00+01:00"), calendar),
                   2.0);
  // Evening to next morning before opening: nothing.
  EXPECT_DOUBLE_EQ(working_hours_between(at("2026-11-23T18:00:00+01:00"),
                                         at("2026-11-24T07:59:00+01:00"), calendar),
                   0.0);
  // Wednesday 23 Dec 12:00 → Monday 28 Dec 12:00: Christmas Eve and Day, Boxing Day and the
  // weekend are off: 5 h on the 23rd + 4 h on the 28th.
  EXPECT_DOUBLE_EQ(working_hours_between(at("2026-12-23T12:00:00+01:00"),
                                         at("2026-12-28T12:00:00+01:00"), calendar),
                   9.0);
  // Both DST change days are Sundays; the Monday after keeps 08–17 local time.
  EXPECT_DOUBLE_EQ(working_hours_between(at("2026-03-28T00:00:00+01:00"),
                                         at("2026-03-30T10:00:00+02:00"), calendar),
                   2.0);
  EXPECT_DOUBLE_EQ(working_hours_between(at("2026-11-23T12:00:00+01:00"),
                                         at("2026-11-23T11:00:00+01:00"), calendar),
                   0.0);
}

TEST(WorkingHours, ARegionalDayOffCountsAsOff) {
  const core::WorkingCalendar calendar({*core::parse_date("2026-11-23")});
  EXPECT_DOUBLE_EQ(working_hours_between(at("2026-11-23T09:00:00+01:00"),
                                         at("2026-11-24T09:00:00+01:00"), calendar),
                   1.0);
}

TEST(Median, OddEvenEmpty) {
  EXPECT_EQ(median({}), std::nullopt);
  EXPECT_EQ(median({3.0}), 3.0);
  EXPECT_EQ(median({5.0, 1.0, 3.0}), 3.0);
  EXPECT_EQ(median({4.0, 1.0, 3.0, 2.0}), 2.5);
}

TEST(Tally, InTimeLateOpenAndNotYetDue) {
  const core::WorkingCalendar calendar;
  const auto mon9 = at("2026-11-23T09:00:00+01:00");
  const auto due = core::answer_deadline_ms(mon9, calendar);  // Wed 25 Nov end of day
  const std::vector<AnswerClock> clocks{
      {mon9, due, mon9 + 3'600'000},  // 1 working hour, in time
      {mon9, due, due},               // exactly at the deadline: in time
      {mon9, due, due + 1},           // late
      {mon9, due, std::nullopt},      // open
  };
  const auto before = tally_clocks(clocks, due, calendar);
  EXPECT_EQ(before.counted, 3);  // the open one is not yet due
  EXPECT_EQ(before.in_time, 2);
  const auto after = tally_clocks(clocks, due + 1, calendar);
  EXPECT_EQ(after.counted, 4);  // now it is a miss
  EXPECT_EQ(after.in_time, 2);
  ASSERT_TRUE(after.median_working_hours);
  EXPECT_DOUBLE_EQ(*after.median_working_hours, 26.0);  // 1, 26, 26 (Mon 8 + Tue 9 + Wed 9)
}

// --- images (M3) ---

const std::string kJpeg("\xFF\xD8\xFF\xE0\x00\x10JFIF", 10);
const std::string kPng("\x89PNG\r\n\x1A\n\x00\x00", 10);

TEST(Images, SniffedNotTrusted) {
  EXPECT_EQ(sniff_image_type(kJpeg), "image/jpeg");
  EXPECT_EQ(sniff_image_type(kPng), "image/png");
  EXPECT_EQ(sniff_image_type("GIF89a...."), "image/gif");
  EXPECT_EQ(sniff_image_type(std::string("RIFF\x10\x00\x00\x00WEBPVP8 ", 16)), "image/webp");
  EXPECT_EQ(sniff_image_type("<svg xmlns=...>"), "");
  EXPECT_EQ(sniff_image_type("%PDF-1.7"), "");
  EXPECT_EQ(sniff_image_type(""), "");
}

TEST(Images, TheClinicsRoutineDecides) {
  ImageRoutine routine{true, {"image/jpeg", "image/png"}, 100, 30};
  EXPECT_EQ(check_image(routine, "image/jpeg", kJpeg), std::nullopt);
  EXPECT_EQ(check_image(routine, "image/png", kPng), std::nullopt);
  EXPECT_EQ(check_image(routine, "image/gif", "GIF89a"), Error::image_type_not_allowed);
  EXPECT_EQ(check_image(routine, "image/jpeg", kJpeg + std::string(100, 'x')),
            Error::image_too_large);
  // A disguised file: declared JPEG, really PNG — or an HTML page.
  EXPECT_EQ(check_image(routine, "image/jpeg", kPng), Error::image_content_mismatch);
  EXPECT_EQ(check_image(routine, "image/png", "<html><script>"), Error::image_content_mismatch);
  EXPECT_EQ(check_image(routine, "image/png", ""), Error::image_content_mismatch);
  routine.enabled = false;
  EXPECT_EQ(check_image(routine, "image/jpeg", kJpeg), Error::images_not_allowed);
}

// --- documentation draft (M2) ---

TEST(Summary, DatedToTheContactDayWithTheFormAndTheThread) {
  Case c;
  c.fields_json = R"({"medicines":"Levaxin 50 mikrogram"})";
  c.created_at_ms = at("2026-11-20T22:00:00+01:00");
  c.last_contact_ms = at("2026-11-23T00:30:00+01:00");  // Monday just after midnight
  c.outcome = Outcome::prescription_renewed;
  const auto form = *form_for("renew_prescription", "basic");
  SummaryInput input;
  input.item = &c;
  input.service_name = "Förnya recept";
  input.patient_name = "Erik Sandberg";
  input.patient_identifier = "19750611-9812";
  input.care_unit_name = "Vårdcentralen Björkdalen";
  input.form = &form;
  input.messages = {{"m1", "c", AuthorKind::staff, "s", "Karin Ekström", MessageKind::reply,
                     "Receptet är förnyat.", c.last_contact_ms.value()}};
  const auto draft = summary_draft(input);
  EXPECT_EQ(draft.contact_day, "2026-11-23");
  EXPECT_NE(draft.text.find("Kontaktdag: 2026-11-23"), std::string::npos);
  EXPECT_NE(draft.text.find("Vilka läkemedel?: Levaxin 50 mikrogram"), std::string::npos);
  EXPECT_NE(draft.text.find("Karin Ekström:\nReceptet är förnyat."), std::string::npos);
  EXPECT_NE(draft.text.find("prescription_renewed"), std::string::npos);
}

}  // namespace
}  // namespace oppenvard::eservices
