#include "notify/rules.hpp"

#include <gtest/gtest.h>

#include "core/time.hpp"

namespace oppenvard::notify {
namespace {

std::int64_t at(const char* text) {
  return *core::parse_rfc3339(text);
}

const std::vector<std::string> kClinics{
    "Vårdcentralen Björkdalen", "Psykiatrimottagning Väst", "Beroendemottagningen Centrum",
    "STI-mottagningen",         "Abortmottagningen Östra",  "Ungdomsmottagningen Hisingen"};

TEST(NotifyTemplates, EveryBuiltInTemplatePassesTheCheckAndSaysDoNotReply) {
  for (const auto e : {Event::case_reply, Event::booking_confirmed, Event::visit_morning,
                       Event::video_soon, Event::booking_cancelled, Event::escalation}) {
    for (const auto c : {Channel::sms, Channel::email}) {
      for (const auto l : {Language::sv, Language::en}) {
        const auto t = default_template(e, c, l);
        EXPECT_FALSE(check_template(t.body, kClinics)) << to_string(e);
        EXPECT_EQ(t.subject.empty(), c == Channel::sms);
        if (c == Channel::email) {
          EXPECT_FALSE(check_template(t.subject, kClinics));
        }
        if (e != Event::escalation) {
          EXPECT_NE(t.body.find(l == Language::sv ? "Svara inte" : "Do not reply"),
                    std::string::npos);
        }
      }
    }
  }
}

TEST(NotifyTemplates, EachForbiddenPlaceholderIsRefusedByName) {
  for (const char* name : {"clinic",       "clinic_name", "unit",
                           "care_unit",    "mottagning",  "patient",
                           "patient_name", "name",        "first_name",
                           "given_name",   "family_name", "last_name",
                           "staff",        "staff_name",  "practitioner",
                           "doctor",       "reason",      "reason_for_visit",
                           "diagnosis",    "message",     "message_text",
                           "body",         "text",        "free_text",
                           "note",         "comment",     "subject",
                           "title",        "service",     "service_name",
                           "personnummer", "personal_id", "phone",
                           "email",        "address",     "type"}) {
    const auto p = check_template(std::string("Hej {") + name + "}, din tid {date}.", kClinics);
    ASSERT_TRUE(p) << name;
    EXPECT_EQ(p->code, "forbidden_placeholder") << name;
    EXPECT_NE(p->detail.find(name), std::string::npos);
  }
  const auto unknown = check_template("Tid {when}", kClinics);
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->code, "unknown_placeholder");
  EXPECT_FALSE(check_template("Tid {date} kl. {time}, se {link}", kClinics));
}

TEST(NotifyTemplates, ClinicNamesAndDiagnosisWordsAreRefusedInAnyCase) {
  for (const auto& name : kClinics) {
    const auto p = check_template("Välkommen till " + name + " {date}.", kClinics);
    ASSERT_TRUE(p) << name;
    EXPECT_TRUE(p->code == "clinic_name" || p->code == "sensitive_word") << name;
  }
  // A clinic unknown to the directory is still caught by the kind of care it names.
  for (const char* text :
       {"Din tid på PSYKIATRIN", "Påminnelse från abortmottagningen", "Ditt HIV-test",
        "Beroendevården hälsar", "Provsvar finns", "Remiss skickad", "Gravid? Ring oss",
        "Your psychiatric appointment", "Sexual health clinic", "Ätstörningsenheten",
        "ÄTSTÖRNINGSENHETEN", "STI test", "Din diagnos"}) {
    const auto p = check_template(text, {});
    ASSERT_TRUE(p) << text;
    EXPECT_EQ(p->code, "sensitive_word") << text;
  }
  // Short words count only as whole words: "sti" is not in "Kristina" or "stilla".
  EXPECT_FALSE(check_template("Kristina stilla ditt besök {date}", {}));
  EXPECT_EQ(check_template("Hej {name", {})->code, "unbalanced_braces");
  EXPECT_EQ(check_template("Hej name}", {})->code, "unbalanced_braces");
  EXPECT_EQ(check_template("   ", {})->code, "empty");
  EXPECT_EQ(check_template(std::string(481, 'a'), {})->code, "too_long");
}

TEST(NotifyTemplates, RenderFillsDateTimeAndLinkOnStockholmTime) {
  const auto v = values_for(at("2026-12-01T12:00:00Z"), Language::sv, "https://e.example/");
  EXPECT_EQ(v.date, "tisdag 1 december");
  EXPECT_EQ(v.time, "13:00");
  EXPECT_EQ(render("Tid {date} kl. {time}. {link}", v),
            "Tid tisdag 1 december kl. 13:00. https://e.example/");
  const auto summer = values_for(at("2026-06-15T06:30:00Z"), Language::en, "x");
  EXPECT_EQ(summer.date, "Monday 15 June");
  EXPECT_EQ(summer.time, "08:30");  // CEST
}

TEST(NotifyAddresses, SwedishMobileNumbersAreNormalisedAndOthersRefused) {
  EXPECT_EQ(normalize_mobile("070-123 45 67"), "+46701234567");
  EXPECT_EQ(normalize_mobile("+46 70 123 45 67"), "+46701234567");
  EXPECT_EQ(normalize_mobile("0046701234567"), "+46701234567");
  EXPECT_EQ(normalize_mobile("(073) 1234567"), "+46731234567");
  EXPECT_FALSE(normalize_mobile("08-123 456 78"));  // a landline
  EXPECT_FALSE(normalize_mobile("070-123 45 6"));
  EXPECT_FALSE(normalize_mobile("+4570123456"));
  EXPECT_FALSE(normalize_mobile("070.1234567"));
  EXPECT_FALSE(normalize_mobile(""));
  EXPECT_TRUE(valid_email("erik@example.se"));
  EXPECT_FALSE(valid_email("erik@example"));
  EXPECT_FALSE(valid_email("erik example.se"));
  EXPECT_FALSE(valid_email("a@b@c.se"));
  EXPECT_FALSE(valid_email("<erik@example.se>"));
  EXPECT_FALSE(valid_email("erik@example.se\r\nBcc: x@y.se"));
  EXPECT_EQ(normalize_address(Channel::email, "erik@example.se"), "erik@example.se");
  EXPECT_FALSE(normalize_address(Channel::sms, "erik@example.se"));
}

TEST(NotifyConsent, GuardiansDecideUnder13) {
  EXPECT_TRUE(guardian_decides(0));
  EXPECT_TRUE(guardian_decides(12));
  EXPECT_FALSE(guardian_decides(13));
}

TEST(NotifyRetries, BackOffDoublesWithJitterUpToAnHour) {
  EXPECT_EQ(retry_delay_ms(1, 1.0), 30'000);
  EXPECT_EQ(retry_delay_ms(1, 0.0), 15'000);
  EXPECT_EQ(retry_delay_ms(2, 1.0), 60'000);
  EXPECT_EQ(retry_delay_ms(3, 0.5), 90'000);
  EXPECT_EQ(retry_delay_ms(8, 1.0), 3'600'000);
  EXPECT_EQ(retry_delay_ms(50, 1.0), 3'600'000);
  for (int attempt = 1; attempt < 12; ++attempt) {
    EXPECT_LE(retry_delay_ms(attempt, 0.0), retry_delay_ms(attempt, 0.99));
    EXPECT_LE(retry_delay_ms(attempt, 1.0), retry_delay_ms(attempt + 1, 1.0));
  }
}

TEST(NotifyQuietHours, MessagesAtNightWaitUntilMorning) {
  const QuietHours quiet{21 * 60, 7 * 60};
  EXPECT_EQ(outside_quiet_hours(at("2026-11-23T12:00:00+01:00"), quiet),
            at("2026-11-23T12:00:00+01:00"));
  EXPECT_EQ(outside_quiet_hours(at("2026-11-23T21:30:00+01:00"), quiet),
            at("2026-11-24T07:00:00+01:00"));
  EXPECT_EQ(outside_quiet_hours(at("2026-11-24T03:00:00+01:00"), quiet),
            at("2026-11-24T07:00:00+01:00"));
  EXPECT_EQ(outside_quiet_hours(at("2026-11-24T07:00:00+01:00"), quiet),
            at("2026-11-24T07:00:00+01:00"));
  // Across the DST change (29 March 2026): 07:00 local is CEST.
  EXPECT_EQ(outside_quiet_hours(at("2026-03-28T23:00:00+01:00"), quiet),
            at("2026-03-29T07:00:00+02:00"));
  // A window that does not wrap midnight.
  EXPECT_EQ(outside_quiet_hours(at("2026-11-23T12:30:00+01:00"), QuietHours{12 * 60, 13 * 60}),
            at("2026-11-23T13:00:00+01:00"));
}

TEST(NotifyReminders, ConfirmationMorningAndFifteenMinutesBeforeVideo) {
  const auto now = at("2026-11-23T10:00:00+01:00");
  const auto visit = at("2026-11-25T13:00:00+01:00");
  auto r = appointment_reminders(visit, true, now);
  ASSERT_EQ(r.size(), 3u);
  EXPECT_EQ(r[0].event, Event::booking_confirmed);
  EXPECT_EQ(r[0].due_at_ms, now);
  EXPECT_EQ(r[1].event, Event::visit_morning);
  EXPECT_EQ(r[1].due_at_ms, at("2026-11-25T07:00:00+01:00"));
  EXPECT_FALSE(r[1].urgent);
  EXPECT_EQ(r[2].event, Event::video_soon);
  EXPECT_EQ(r[2].due_at_ms, at("2026-11-25T12:45:00+01:00"));
  EXPECT_TRUE(r[2].urgent);
  // In person: no 15-minute reminder.
  EXPECT_EQ(appointment_reminders(visit, false, now).size(), 2u);
  // Booked the same day after 07:00: no morning reminder; 10 minutes ahead: no video reminder.
  const auto same_day = appointment_reminders(at("2026-11-23T10:10:00+01:00"), true, now);
  ASSERT_EQ(same_day.size(), 1u);
  EXPECT_EQ(same_day[0].event, Event::booking_confirmed);
  // A visit at 06:30 gets no morning reminder after it.
  EXPECT_EQ(appointment_reminders(at("2026-11-25T06:30:00+01:00"), false, now).size(), 1u);
}

}  // namespace
}  // namespace oppenvard::notify
