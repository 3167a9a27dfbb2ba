#include "booking/rules.hpp"

#include <gtest/gtest.h>

#include "core/time.hpp"

namespace oppenvard::booking {
namespace {

std::int64_t at(const char* text) {
  return *core::parse_rfc3339(text);
}
date::year_month_day day(const char* text) {
  return *core::parse_date(text);
}

OpeningHours monday_morning() {
  OpeningHours h;
  h.weekday = 1;
  h.start_minute = 8 * 60;
  h.end_minute = 10 * 60;
  h.valid_from = "2026-01-01";
  return h;
}

TEST(Slots, OpeningHoursAreCutIntoSlotsOnTheirWeekday) {
  const core::WorkingCalendar calendar;
  const auto slots =
      generate_slots(monday_morning(), 30, day("2026-11-23"), day("2026-11-29"), calendar);
  ASSERT_EQ(slots.size(), 4u);
  EXPECT_EQ(slots[0],
            (TimeRange{at("2026-11-23T08:00:00+01:00"), at("2026-11-23T08:30:00+01:00")}));
  EXPECT_EQ(slots[3].end_ms, at("2026-11-23T10:00:00+01:00"));
  // A remainder shorter than a slot is not a slot.
  auto h = monday_morning();
  h.end_minute = 9 * 60 + 50;
  EXPECT_EQ(generate_slots(h, 30, day("2026-11-23"), day("2026-11-23"), calendar).size(), 3u);
}

TEST(Slots, HolidaysAndRegionalDaysOffHaveNoSlots) {
  // Easter Monday 2026-04-06 and Whit Monday (not a day off since 2005) 2026-05-25.
  const core::WorkingCalendar calendar;
  EXPECT_TRUE(
      generate_slots(monday_morning(), 30, day("2026-04-06"), day("2026-04-06"), calendar).empty());
  EXPECT_EQ(
      generate_slots(monday_morning(), 30, day("2026-05-25"), day("2026-05-25"), calendar).size(),
      4u);
  const core::WorkingCalendar regional({day("2026-11-23")});
  EXPECT_TRUE(
      generate_slots(monday_morning(), 30, day("2026-11-23"), day("2026-11-23"), regional).empty());
  // Weekend hours are kept when a unit opens on Saturdays.
  auto saturday = monday_morning();
  saturday.weekday = 6;
  EXPECT_EQ(generate_slots(saturday, 60, day("2026-11-23"), day("2026-11-29"), calendar).size(),
            2u);
}

TEST(Slots, LocalTimesHoldAcrossTheClockChanges) {
  const core::WorkingCalendar calendar;
  auto sunday = monday_morning();
  sunday.weekday = 7;
  // 29 March 2026 (to CEST) and 25 October 2026 (to CET) are Sundays.
  const auto spring = generate_slots(sunday, 60, day("2026-03-29"), day("2026-03-29"), calendar);
  ASSERT_EQ(spring.size(), 2u);
  EXPECT_EQ(spring[0].start_ms, at("2026-03-29T08:00:00+02:00"));
  const auto autumn = generate_slots(sunday, 60, day("2026-10-25"), day("2026-10-25"), calendar);
  ASSERT_EQ(autumn.size(), 2u);
  EXPECT_EQ(autumn[0].start_ms, at("2026-10-25T08:00:00+01:00"));
}

TEST(Slots, ValidityLimitsTheDays) {
  const core::WorkingCalendar calendar;
  auto h = monday_morning();
  h.valid_from = "2026-11-30";
  h.valid_to = "2026-12-07";
  EXPECT_EQ(generate_slots(h, 60, day("2026-11-23"), day("2026-12-31"), calendar).size(), 4u);
}

TEST(Slots, BadHoursAreRefused) {
  auto h = monday_morning();
  EXPECT_EQ(check_opening_hours(h, 30), std::nullopt);
  EXPECT_EQ(check_opening_hours(h, 121), Error::bad_hours);  // no slot fits
  EXPECT_EQ(check_opening_hours(h, 4), Error::bad_hours);
  h.weekday = 0;
  EXPECT_EQ(check_opening_hours(h, 30), Error::bad_hours);
  h = monday_morning();
  h.end_minute = 25 * 60;
  EXPECT_EQ(check_opening_hours(h, 30), Error::bad_hours);
  h = monday_morning();
  h.valid_from = "2026-13-01";
  EXPECT_EQ(check_opening_hours(h, 30), Error::bad_hours);
  h = monday_morning();
  h.valid_to = "2025-12-31";
  EXPECT_EQ(check_opening_hours(h, 30), Error::bad_hours);
}

TEST(Types, OnlyVisitsAreSelfBookable) {
  AppointmentType t;
  t.self_bookable = true;
  EXPECT_EQ(check_type(t), std::nullopt);
  t.channel = Channel::video;
  EXPECT_EQ(check_type(t), Error::self_booking_in_person);
  t.self_bookable = false;
  EXPECT_EQ(check_type(t), std::nullopt);
  EXPECT_TRUE(suitability_required(Channel::video));
  EXPECT_TRUE(suitability_required(Channel::phone));
  EXPECT_FALSE(suitability_required(Channel::in_person));
}

TEST(Maturity, RequiredForDigitalMeetingsOfChildrenWithADisabilityUntilTheir18thBirthday) {
  const auto before = at("2029-03-01T09:00:00+01:00");
  const auto birthday = at("2029-03-02T09:00:00+01:00");
  EXPECT_TRUE(maturity_assessment_required(Channel::video, "2011-03-02", before, true));
  EXPECT_FALSE(maturity_assessment_required(Channel::video, "2011-03-02", birthday, true));
  EXPECT_FALSE(maturity_assessment_required(Channel::video, "2011-03-02", before, false));
  EXPECT_FALSE(maturity_assessment_required(Channel::in_person, "2011-03-02", before, true));
  EXPECT_TRUE(maturity_assessment_required(Channel::phone, "2011-03-02", before, true));
  // Born 29 February: 18 on 1 March in a common year.
  EXPECT_TRUE(maturity_assessment_required(Channel::video, "2008-02-29",
                                           at("2026-02-28T12:00:00+01:00"), true));
  EXPECT_FALSE(maturity_assessment_required(Channel::video, "2008-02-29",
                                            at("2026-03-01T12:00:00+01:00"), true));
  EXPECT_TRUE(maturity_assessment_required(Channel::video, "not a date", before, true));
}

Appointment booked_at(const char* start) {
  Appointment a;
  a.start_ms = at(start);
  a.end_ms = a.start_ms + 1'800'000;
  return a;
}

TEST(Cancel, PatientsUntilTheLimitStaffUntilItIsNoLongerBooked) {
  const auto a = booked_at("2026-11-25T10:00:00+01:00");
  const std::int64_t day = 24LL * 3'600'000;
  EXPECT_EQ(check_patient_cancel(a, at("2026-11-24T10:00:00+01:00"), day), std::nullopt);
  EXPECT_EQ(check_patient_cancel(a, at("2026-11-24T10:00:01+01:00"), day),
            Error::too_late_to_cancel);
  EXPECT_EQ(check_staff_cancel(a), std::nullopt);
  auto cancelled = a;
  cancelled.status = AppointmentStatus::cancelled;
  EXPECT_EQ(check_patient_cancel(cancelled, 0, day), Error::not_booked);
  EXPECT_EQ(check_staff_cancel(cancelled), Error::not_booked);
}

TEST(Marks, ArrivalFromAnHourBeforeNoShowFromTheStart) {
  const auto a = booked_at("2026-11-25T10:00:00+01:00");
  EXPECT_EQ(check_arrived(a, at("2026-11-25T08:59:59+01:00")), Error::not_started);
  EXPECT_EQ(check_arrived(a, at("2026-11-25T09:00:00+01:00")), std::nullopt);
  EXPECT_EQ(check_no_show(a, at("2026-11-25T09:59:59+01:00")), Error::not_started);
  EXPECT_EQ(check_no_show(a, at("2026-11-25T10:00:00+01:00")), std::nullopt);
  auto done = a;
  done.status = AppointmentStatus::no_show;
  EXPECT_EQ(check_no_show(done, at("2026-11-25T11:00:00+01:00")), Error::not_booked);
  EXPECT_EQ(check_arrived(done, at("2026-11-25T11:00:00+01:00")), Error::not_booked);
}

TEST(Bookable, FreeAndInTheFuture) {
  Slot s;
  s.start_ms = at("2026-11-25T10:00:00+01:00");
  EXPECT_EQ(check_bookable(s, s.start_ms - 1), std::nullopt);
  EXPECT_EQ(check_bookable(s, s.start_ms), Error::slot_in_past);
  s.free = false;
  EXPECT_EQ(check_bookable(s, 0), Error::slot_taken);
}

}  // namespace
}  // namespace oppenvard::booking
