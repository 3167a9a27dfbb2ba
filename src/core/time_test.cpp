#include "core/time.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <random>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "core/calendar.hpp"
#include "core/clock.hpp"

namespace oppenvard::core {
namespace {

using date::year_month_day;

constexpr std::int64_t second_ms = 1000;
constexpr std::int64_t minute_ms = 60 * second_ms;
constexpr std::int64_t hour_ms = 60 * minute_ms;
constexpr std::int64_t day_ms = 24 * hour_ms;

year_month_day ymd(int y, unsigned m, unsigned d) {
  return year_month_day{date::year{y}, date::month{m}, date::day{d}};
}

// ---- An independent reference: civil dates, Swedish clocks and days off, no date library. ---

struct Civil {
  int y;
  int m;
  int d;
  auto operator<=>(const Civil&) const = default;
};

bool leap(int y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}
int year_length(int y) {
  return leap(y) ? 366 : 365;
}
int month_length(int y, int m) {
  static constexpr int lengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : lengths[m - 1];
}

// Days from 1970-01-01 to 1 January of each year 1800-2299, by adding up year lengths.
constexpr int table_first_year = 1800;
constexpr int table_last_year = 2299;
const std::vector<std::int64_t>& year_starts() {
  static const std::vector<std::int64_t> starts = [] {
    std::vector<std::int64_t> out(table_last_year - table_first_year + 2);
    std::int64_t days = 0;
    for (int y = table_first_year; y < 1970; ++y) days -= year_length(y);
    for (int y = table_first_year; y <= table_last_year + 1; ++y) {
      out[static_cast<std::size_t>(y - table_first_year)] = days;
      days += year_length(y);
    }
    return out;
  }();
  return starts;
}

std::int64_t days_since_epoch(Civil c) {
  std::int64_t days = year_starts()[static_cast<std::size_t>(c.y - table_first_year)];
  for (int m = 1; m < c.m; ++m) days += month_length(c.y, m);
  return days + c.d - 1;
}

Civil civil_from_days(std::int64_t days) {
  const auto& starts = year_starts();
  const auto after = std::upper_bound(starts.begin(), starts.end(), days);
  const int y = table_first_year + static_cast<int>(after - starts.begin()) - 1;
  days -= starts[static_cast<std::size_t>(y - table_first_year)];
  int m = 1;
  while (days >= month_length(y, m)) days -= month_length(y, m++);
  return {y, m, static_cast<int>(days) + 1};
}

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  return a / b - (a % b < 0 ? 1 : 0);
}

Civil next(Civil c) {
  return civil_from_days(days_since_epoch(c) + 1);
}

// 0 = Sunday; 1970-01-01 was a Thursday.
int weekday(Civil c) {
  return static_cast<int>(((days_since_epoch(c) + 4) % 7 + 7) % 7);
}

Civil last_sunday(int y, int m) {
  Civil c{y, m, month_length(y, m)};
  while (weekday(c) != 0) --c.d;
  return c;
}

// Swedish clocks for 1917-2199 as the laws and EU directives describe them: CET, with summer
// time from 1980 changing at 01:00 UTC: 1980 from the first Sunday of April, later from the last
// Sunday of March; until 1995 back on the last Sunday of September, since 1996 of October.
std::int64_t reference_offset_ms(std::int64_t utc_ms) {
  const int y = civil_from_days(floor_div(utc_ms, day_ms)).y;
  if (y < 1980) return hour_ms;
  Civil start = last_sunday(y, 3);
  if (y == 1980) start = {1980, 4, 6};
  const Civil end = y <= 1995 ? last_sunday(y, 9) : last_sunday(y, 10);
  const std::int64_t start_ms = days_since_epoch(start) * day_ms + hour_ms;
  const std::int64_t end_ms = days_since_epoch(end) * day_ms + hour_ms;
  return utc_ms >= start_ms && utc_ms < end_ms ? 2 * hour_ms : hour_ms;
}

Civil reference_local_date(std::int64_t utc_ms) {
  return civil_from_days(floor_div(utc_ms + reference_offset_ms(utc_ms), day_ms));
}

// Gauss's Easter (the implementation uses Meeus/Jones/Butcher).
Civil easter(int year) {
  const int a = year % 19, b = year % 4, c = year % 7, k = year / 100;
  const int p = (13 + 8 * k) / 25, q = k / 4;
  const int big_m = (15 - p + k - q) % 30, big_n = (4 + k - q) % 7;
  const int d = (19 * a + big_m) % 30, e = (2 * b + 4 * c + 6 * d + big_n) % 7;
  if (d == 29 && e == 6) return {year, 4, 19};
  if (d == 28 && e == 6 && (11 * big_m + 11) % 30 < 19) return {year, 4, 18};
  return d + e <= 9 ? Civil{year, 3, 22 + d + e} : Civil{year, 4, d + e - 9};
}

// A day-off predicate coded as rules on (month, day, weekday, distance from Easter); a second,
// separate statement of the rules in calendar.cpp.
bool reference_day_off(Civil c) {
  const int y = c.y, m = c.m, d = c.d, w = weekday(c);
  const std::int64_t from_easter = days_since_epoch(c) - days_since_epoch(easter(y));
  if (from_easter == -2 || from_easter == 0 || from_easter == 1 || from_easter == 39 ||
      from_easter == 49 || (y <= 2004 && from_easter == 50)) {
    return true;
  }
  if ((m == 1 && (d == 1 || d == 6)) || (m == 12 && (d == 24 || d == 25 || d == 26 || d == 31))) {
    return true;
  }
  if (y <= 1952 && m == 3 && d == 25) return true;
  if (y >= 1939 && m == 5 && d == 1) return true;
  if (y >= 2005 && m == 6 && d == 6) return true;
  if (y >= 1953) {
    if (m == 6 && w == 5 && d >= 19 && d <= 25) return true;
    if (m == 6 && w == 6 && d >= 20 && d <= 26) return true;
    if (w == 6 && ((m == 10 && d == 31) || (m == 11 && d <= 6))) return true;
  } else if (m == 6 && (d == 23 || d == 24)) {
    return true;
  }
  return false;
}

bool reference_working_day(Civil c) {
  const int w = weekday(c);
  return w != 0 && w != 6 && !reference_day_off(c);
}

// Day-by-day: the second working day after the local arrival day, then one millisecond before
// the following local midnight.
std::int64_t reference_deadline_ms(std::int64_t arrived_ms) {
  Civil day = reference_local_date(arrived_ms);
  for (int found = 0; found < 2;) {
    day = next(day);
    if (reference_working_day(day)) ++found;
  }
  const std::int64_t midnight_local = days_since_epoch(next(day)) * day_ms;
  // Clocks change at 01:00 UTC, never near local midnight: the offset an hour earlier holds.
  return midnight_local - reference_offset_ms(midnight_local - 2 * hour_ms) - 1;
}

std::int64_t utc_ms(int y, int m, int d, int hh = 0, int mm = 0, int ss = 0, int ms = 0) {
  return days_since_epoch({y, m, d}) * day_ms + hh * hour_ms + mm * minute_ms + ss * second_ms + ms;
}

// ---- RFC 3339 parsing ----------------------------------------------------------------------

TEST(ParseRfc3339Test, AcceptsUtcAndOffsets) {
  EXPECT_EQ(parse_rfc3339("1970-01-01T00:00:00Z"), 0);
  EXPECT_EQ(parse_rfc3339("2000-01-01T00:00:00Z"), 946684800000);
  EXPECT_EQ(parse_rfc3339("2026-03-29T22:30:00Z"), 1774823400000);
  EXPECT_EQ(parse_rfc3339("2026-03-30T00:30:00+02:00"), 1774823400000);
  EXPECT_EQ(parse_rfc3339("2026-03-29T17:00:00-05:30"), 1774823400000);
  EXPECT_EQ(parse_rfc3339("2026-03-29T22:30:00-00:00"), 1774823400000);
  EXPECT_EQ(parse_rfc3339("2026-03-29t22:30:00z"), 1774823400000);
  EXPECT_EQ(parse_rfc3339("2026-03-29 22:30:00Z"), 1774823400000);
  EXPECT_EQ(parse_rfc3339("1969-12-31T23:59:59.999Z"), -1);
  EXPECT_EQ(parse_rfc3339("2024-02-29T12:00:00+23:59"), utc_ms(2024, 2, 28, 12, 1));
}

TEST(ParseRfc3339Test, FractionIsTruncatedToMilliseconds) {
  EXPECT_EQ(parse_rfc3339("1970-01-01T00:00:01.5Z"), 1500);
  EXPECT_EQ(parse_rfc3339("1970-01-01T00:00:01.25Z"), 1250);
  EXPECT_EQ(parse_rfc3339("1970-01-01T00:00:01.123Z"), 1123);
  EXPECT_EQ(parse_rfc3339("1970-01-01T00:00:01.123999999Z"), 1123);
  EXPECT_EQ(parse_rfc3339("1970-01-01T00:00:01.000000000000000000000001Z"), 1000);
}

TEST(ParseRfc3339Test, AcceptsTheEdgesOfTheRange) {
  EXPECT_EQ(parse_rfc3339("0000-01-01T00:00:00Z"), -62167219200000);
  EXPECT_EQ(parse_rfc3339("9999-12-31T23:59:59.999Z"), 253402300799999);
  EXPECT_EQ(parse_rfc3339("0000-01-01T00:00:00+00:01"), std::nullopt);
  EXPECT_EQ(parse_rfc3339("9999-12-31T23:59:59-00:01"), std::nullopt);
}

TEST(ParseRfc3339Test, RejectsEverythingElse) {
  for (std::string_view text : {
           "",
           "2026-03-29",
           "2026-03-29T22:30:00",       // no offset
           "2026-03-29T22:30Z",         // no seconds
           "2026-03-29T22:30:00.Z",     // empty fraction
           "2026-03-29T22:30:00,5Z",    // comma fraction
           "2026-03-29T22:30:00+0200",  // offset without colon
           "2026-03-29T22:30:00+02",    // short offset
           "2026-03-29T22:30:00+2:00",  // one-digit hour
           "2026-03-29T22:30:00 Z",     // space before offset
           "2026-03-29T22:30:00Z ",     // trailing space
           " 2026-03-29T22:30:00Z",     // leading space
           "2026-03-29X22:30:00Z",      // separator
           "2026-03-29TT22:30:00Z",
           "26-03-29T22:30:00Z",         // two-digit year
           "+2026-03-29T22:30:00Z",      // signed year
           "2026-3-29T22:30:00Z",        // one-digit month
           "2026-13-01T00:00:00Z",       // month 13
           "2026-00-01T00:00:00Z",       // month 0
           "2026-02-29T00:00:00Z",       // not a leap year
           "2100-02-29T00:00:00Z",       // not a leap year
           "2026-04-31T00:00:00Z",       // 31 April
           "2026-01-00T00:00:00Z",       // day 0
           "2026-01-01T24:00:00Z",       // hour 24
           "2026-01-01T23:60:00Z",       // minute 60
           "2026-06-30T23:59:60Z",       // leap second
           "2026-01-01T00:00:00+24:00",  // offset hour 24
           "2026-01-01T00:00:00+01:60",  // offset minute 60
           "2026-01-01T00:00:00ZZ",
           "2026-01-01T00:00:00+01:00:00",
           "２０２６-01-01T00:00:00Z",  // full-width digits
       }) {
    EXPECT_EQ(parse_rfc3339(text), std::nullopt) << text;
  }
}

// ---- Formatting ----------------------------------------------------------------------------

TEST(FormatRfc3339Test, UtcHasMillisecondsAndZ) {
  EXPECT_EQ(format_rfc3339_utc(0), "1970-01-01T00:00:00.000Z");
  EXPECT_EQ(format_rfc3339_utc(-1), "1969-12-31T23:59:59.999Z");
  EXPECT_EQ(format_rfc3339_utc(1798585199999), "2026-12-29T22:59:59.999Z");
  EXPECT_EQ(format_rfc3339_utc(-62167219200000), "0000-01-01T00:00:00.000Z");
  EXPECT_EQ(format_rfc3339_utc(253402300799999), "9999-12-31T23:59:59.999Z");
}

TEST(FormatRfc3339Test, StockholmShowsLocalTimeAndOffsetAndDropsMilliseconds) {
  EXPECT_EQ(format_rfc3339_stockholm(1798585199999), "2026-12-29T23:59:59+01:00");
  EXPECT_EQ(format_rfc3339_stockholm(utc_ms(2026, 7, 1, 12)), "2026-07-01T14:00:00+02:00");
  EXPECT_EQ(format_rfc3339_stockholm(-1), "1970-01-01T00:59:59+01:00");
}

TEST(FormatRfc3339Test, SpringForwardOnTheLastSundayOfMarch) {
  EXPECT_EQ(format_rfc3339_stockholm(utc_ms(2026, 3, 29, 0, 59, 59, 999)),
            "2026-03-29T01:59:59+01:00");
  EXPECT_EQ(format_rfc3339_stockholm(utc_ms(2026, 3, 29, 1)), "2026-03-29T03:00:00+02:00");
}

TEST(FormatRfc3339Test, FallBackOnTheLastSundayOfOctober) {
  EXPECT_EQ(format_rfc3339_stockholm(utc_ms(2026, 10, 25, 0, 59, 59)), "2026-10-25T02:59:59+02:00");
  EXPECT_EQ(format_rfc3339_stockholm(utc_ms(2026, 10, 25, 1)), "2026-10-25T02:00:00+01:00");
}

TEST(FormatRfc3339Test, HistoricalAndFutureSwedishClocks) {
  EXPECT_EQ(format_rfc3339_stockholm(utc_ms(1916, 7, 1, 12)), "1916-07-01T14:00:00+02:00");
  EXPECT_EQ(format_rfc3339_stockholm(utc_ms(1950, 7, 1, 12)), "1950-07-01T13:00:00+01:00");
  EXPECT_EQ(format_rfc3339_stockholm(utc_ms(1980, 9, 28, 0, 59)), "1980-09-28T02:59:00+02:00");
  EXPECT_EQ(format_rfc3339_stockholm(utc_ms(1980, 9, 28, 1)), "1980-09-28T02:00:00+01:00");
  // After 2037 the system tz files list no transitions; summer time must still apply.
  EXPECT_EQ(format_rfc3339_stockholm(utc_ms(2040, 7, 1, 12)), "2040-07-01T14:00:00+02:00");
  EXPECT_EQ(format_rfc3339_stockholm(utc_ms(2150, 3, 29, 1)), "2150-03-29T03:00:00+02:00");
  EXPECT_EQ(format_rfc3339_stockholm(utc_ms(2199, 12, 31, 12)), "2199-12-31T13:00:00+01:00");
}

TEST(FormatRfc3339Test, RejectsInstantsOutsideYears0To9999) {
  EXPECT_THROW(format_rfc3339_utc(-62167219200001), std::out_of_range);
  EXPECT_THROW(format_rfc3339_utc(253402300800000), std::out_of_range);
  EXPECT_THROW(format_rfc3339_stockholm(INT64_MAX), std::out_of_range);
  EXPECT_THROW(stockholm_date(INT64_MIN), std::out_of_range);
}

// Every hour of the weeks in which clocks may change, 1978-2060 (the tz files end in 2037), and
// every 61 hours of 1917-2199.
TEST(StockholmOffsetTest, AgreesWithTheReferenceEveryHourAroundChangesAndSampledTo2199) {
  auto check = [](std::int64_t t) {
    const std::int64_t offset = reference_offset_ms(t);
    const std::string text = format_rfc3339_stockholm(t);
    const std::string expected_suffix = offset == hour_ms ? "+01:00" : "+02:00";
    ASSERT_EQ(text.substr(19), expected_suffix) << format_rfc3339_utc(t);
    const Civil local = civil_from_days(floor_div(t + offset, day_ms));
    ASSERT_EQ(stockholm_date(t),
              ymd(local.y, static_cast<unsigned>(local.m), static_cast<unsigned>(local.d)))
        << format_rfc3339_utc(t);
  };
  for (int y = 1978; y <= 2060; ++y) {
    for (int m : {3, 9, 10}) {
      for (std::int64_t t = utc_ms(y, m, 24); t < utc_ms(y, m + 1, 1); t += hour_ms) check(t);
    }
    for (std::int64_t t = utc_ms(y, 4, 1); t < utc_ms(y, 4, 8); t += hour_ms) check(t);
  }
  for (std::int64_t t = utc_ms(1917, 1, 1); t < utc_ms(2199, 12, 31); t += 61 * hour_ms) check(t);
}

TEST(FormatRfc3339Test, FormattedTextParsesBackToTheSameInstant) {
  std::mt19937_64 random(20261223);
  std::uniform_int_distribution<std::int64_t> instants(utc_ms(1900, 1, 1), utc_ms(2200, 1, 1));
  for (int i = 0; i < 20'000; ++i) {
    const std::int64_t t = instants(random);
    ASSERT_EQ(parse_rfc3339(format_rfc3339_utc(t)), t);
    ASSERT_EQ(parse_rfc3339(format_rfc3339_stockholm(t)), floor_div(t, 1000) * 1000);
  }
}

// ---- Dates ---------------------------------------------------------------------------------

TEST(DateTest, ParsesAndFormatsStrictIsoDates) {
  EXPECT_EQ(parse_date("2026-12-23"), ymd(2026, 12, 23));
  EXPECT_EQ(parse_date("2024-02-29"), ymd(2024, 2, 29));
  for (std::string_view text :
       {"", "2026-12-2", "2026-1-23", "2026/12/23", "20261223", "2026-12-23T00:00:00Z",
        "2026-12-23 ", "2025-02-29", "2026-13-01", "2026-12-32", "2026-00-10", "2026-12-00"}) {
    EXPECT_EQ(parse_date(text), std::nullopt) << text;
  }
  EXPECT_EQ(format_date(ymd(2026, 1, 5)), "2026-01-05");
  EXPECT_EQ(format_date(ymd(33, 1, 5)), "0033-01-05");
  EXPECT_THROW(format_date(ymd(2026, 2, 30)), std::invalid_argument);
  EXPECT_THROW(format_date(ymd(10000, 1, 1)), std::invalid_argument);
}

TEST(DateTest, StockholmDateFollowsLocalMidnight) {
  EXPECT_EQ(stockholm_date(utc_ms(2026, 1, 1, 22, 59, 59, 999)), ymd(2026, 1, 1));
  EXPECT_EQ(stockholm_date(utc_ms(2026, 1, 1, 23)), ymd(2026, 1, 2));
  EXPECT_EQ(stockholm_date(utc_ms(2026, 7, 1, 21, 59, 59, 999)), ymd(2026, 7, 1));
  EXPECT_EQ(stockholm_date(utc_ms(2026, 7, 1, 22)), ymd(2026, 7, 2));
}

TEST(DateTest, StartOfDayIsLocalMidnight) {
  EXPECT_EQ(stockholm_start_of_day_ms(ymd(2026, 1, 2)), utc_ms(2026, 1, 1, 23));
  EXPECT_EQ(stockholm_start_of_day_ms(ymd(2026, 7, 2)), utc_ms(2026, 7, 1, 22));
  EXPECT_EQ(stockholm_start_of_day_ms(ymd(2026, 3, 29)), utc_ms(2026, 3, 28, 23));  // 23 h day
  EXPECT_EQ(stockholm_start_of_day_ms(ymd(2026, 3, 30)), utc_ms(2026, 3, 29, 22));
  EXPECT_EQ(stockholm_start_of_day_ms(ymd(2026, 10, 25)), utc_ms(2026, 10, 24, 22));  // 25 h
  EXPECT_EQ(stockholm_start_of_day_ms(ymd(2026, 10, 26)), utc_ms(2026, 10, 25, 23));
}

TEST(DateTest, LocalTimesOfDayAcrossBothClockChanges) {
  EXPECT_EQ(stockholm_local_time_ms(ymd(2026, 1, 2), 8 * 60), utc_ms(2026, 1, 2, 7));
  EXPECT_EQ(stockholm_local_time_ms(ymd(2026, 7, 2), 8 * 60 + 30), utc_ms(2026, 7, 2, 6, 30));
  // Spring: 01:59 is CET, 03:00 CEST; 02:30 does not exist and is read with the winter offset
  // (it lands on 03:30 CEST).
  EXPECT_EQ(stockholm_local_time_ms(ymd(2026, 3, 29), 119), utc_ms(2026, 3, 29, 0, 59));
  EXPECT_EQ(stockholm_local_time_ms(ymd(2026, 3, 29), 180), utc_ms(2026, 3, 29, 1));
  EXPECT_EQ(stockholm_local_time_ms(ymd(2026, 3, 29), 150), utc_ms(2026, 3, 29, 1, 30));
  EXPECT_EQ(stockholm_local_time_ms(ymd(2026, 3, 29), 10 * 60), utc_ms(2026, 3, 29, 8));
  // Autumn: 02:30 happens twice; the first one (CEST) is meant.
  EXPECT_EQ(stockholm_local_time_ms(ymd(2026, 10, 25), 150), utc_ms(2026, 10, 25, 0, 30));
  EXPECT_EQ(stockholm_local_time_ms(ymd(2026, 10, 25), 10 * 60), utc_ms(2026, 10, 25, 9));
  EXPECT_EQ(stockholm_local_time_ms(ymd(2026, 10, 25), 24 * 60),
            stockholm_start_of_day_ms(ymd(2026, 10, 26)));
  EXPECT_THROW(stockholm_local_time_ms(ymd(2026, 1, 2), -1), std::invalid_argument);
  EXPECT_THROW(stockholm_local_time_ms(ymd(2026, 1, 2), 24 * 60 + 1), std::invalid_argument);
}

// ---- The answer clock ----------------------------------------------------------------------

class AnswerClockTest : public ::testing::Test {
 protected:
  std::string due(std::string_view arrived) const {
    const std::optional<std::int64_t> ms = parse_rfc3339(arrived);
    EXPECT_TRUE(ms.has_value()) << arrived;
    return format_rfc3339_stockholm(answer_deadline_ms(ms.value_or(0), calendar_));
  }
  WorkingCalendar calendar_;
};

TEST_F(AnswerClockTest, WednesdayBeforeChristmasIsDueTuesdayAfter) {
  EXPECT_EQ(due("2026-12-23T10:00:00+01:00"), "2026-12-29T23:59:59+01:00");
}

TEST_F(AnswerClockTest, ArrivalCountsByTheStockholmDayNotTheUtcDay) {
  // 22:30 UTC on Sunday is 00:30 CEST on Monday 30 March.
  EXPECT_EQ(due("2026-03-29T22:30:00Z"), "2026-04-01T23:59:59+02:00");
  // 21:30 UTC on Sunday is still Sunday in Stockholm: due Tuesday.
  EXPECT_EQ(due("2026-03-29T21:59:59.999Z"), "2026-03-31T23:59:59+02:00");
}

TEST_F(AnswerClockTest, DeadlineIsTheLastMillisecondOfTheLocalDay) {
  const std::int64_t deadline =
      answer_deadline_ms(*parse_rfc3339("2026-12-23T10:00:00+01:00"), calendar_);
  EXPECT_EQ(format_rfc3339_utc(deadline), "2026-12-29T22:59:59.999Z");
  EXPECT_EQ(stockholm_date(deadline), ymd(2026, 12, 29));
  EXPECT_EQ(stockholm_date(deadline + 1), ymd(2026, 12, 30));
}

TEST_F(AnswerClockTest, SaturdayArrivalIsDueEndOfTuesday) {
  EXPECT_EQ(due("2026-01-10T12:00:00+01:00"), "2026-01-13T23:59:59+01:00");
  EXPECT_EQ(due("2026-01-11T23:59:59+01:00"), "2026-01-13T23:59:59+01:00");  // Sunday
}

TEST_F(AnswerClockTest, DeadlinesAcrossTheSpringDstChange) {
  // Friday 27 March 2026; clocks go forward on Sunday 29 March.
  EXPECT_EQ(due("2026-03-27T09:00:00+01:00"), "2026-03-31T23:59:59+02:00");
  EXPECT_EQ(due("2026-03-29T01:59:59+01:00"), "2026-03-31T23:59:59+02:00");
  EXPECT_EQ(due("2026-03-29T03:00:00+02:00"), "2026-03-31T23:59:59+02:00");
}

TEST_F(AnswerClockTest, DeadlinesAcrossTheAutumnDstChange) {
  // Friday 23 October 2026; clocks go back on Sunday 25 October.
  EXPECT_EQ(due("2026-10-23T16:00:00+02:00"), "2026-10-27T23:59:59+01:00");
  EXPECT_EQ(due("2026-10-25T02:30:00+02:00"), "2026-10-27T23:59:59+01:00");
  EXPECT_EQ(due("2026-10-25T02:30:00+01:00"), "2026-10-27T23:59:59+01:00");
  // Arriving on the Thursday before: due Monday, which is in CET.
  EXPECT_EQ(due("2026-10-22T12:00:00+02:00"), "2026-10-26T23:59:59+01:00");
}

TEST_F(AnswerClockTest, Easter) {
  // Easter 2026: Good Friday 3 April to Easter Monday 6 April.
  EXPECT_EQ(due("2026-04-01T12:00:00+02:00"), "2026-04-07T23:59:59+02:00");
  EXPECT_EQ(due("2026-04-02T12:00:00+02:00"), "2026-04-08T23:59:59+02:00");
  EXPECT_EQ(due("2026-04-04T12:00:00+02:00"), "2026-04-08T23:59:59+02:00");
}

TEST_F(AnswerClockTest, Midsummer) {
  // Midsommarafton is Friday 19 June 2026.
  EXPECT_EQ(due("2026-06-17T12:00:00+02:00"), "2026-06-22T23:59:59+02:00");
  EXPECT_EQ(due("2026-06-18T12:00:00+02:00"), "2026-06-23T23:59:59+02:00");
}

TEST_F(AnswerClockTest, ChristmasToNewYear) {
  EXPECT_EQ(due("2026-12-24T12:00:00+01:00"), "2026-12-29T23:59:59+01:00");
  EXPECT_EQ(due("2026-12-29T12:00:00+01:00"), "2027-01-04T23:59:59+01:00");
  EXPECT_EQ(due("2026-12-30T12:00:00+01:00"), "2027-01-05T23:59:59+01:00");
  // 6 January 2027 is a Wednesday (Trettondedag jul).
  EXPECT_EQ(due("2027-01-04T12:00:00+01:00"), "2027-01-07T23:59:59+01:00");
}

TEST_F(AnswerClockTest, Ascension) {
  // Kristi himmelsfärdsdag is Thursday 14 May 2026.
  EXPECT_EQ(due("2026-05-12T12:00:00+02:00"), "2026-05-15T23:59:59+02:00");
  EXPECT_EQ(due("2026-05-13T12:00:00+02:00"), "2026-05-18T23:59:59+02:00");
}

TEST_F(AnswerClockTest, RegionalDayOffPushesTheDeadline) {
  const WorkingCalendar regional({ymd(2026, 11, 2)});
  const std::int64_t arrived = *parse_rfc3339("2026-10-30T12:00:00+01:00");  // Friday
  EXPECT_EQ(format_rfc3339_stockholm(answer_deadline_ms(arrived, calendar_)),
            "2026-11-03T23:59:59+01:00");
  EXPECT_EQ(format_rfc3339_stockholm(answer_deadline_ms(arrived, regional)),
            "2026-11-04T23:59:59+01:00");
}

TEST_F(AnswerClockTest, OutsideTheCalendarThrows) {
  EXPECT_THROW(answer_deadline_ms(utc_ms(1899, 12, 31, 12), calendar_), std::out_of_range);
  EXPECT_THROW(answer_deadline_ms(utc_ms(2199, 12, 30, 12), calendar_), std::out_of_range);
}

// Random instants across 1950-2150 against the day-by-day reference.
TEST_F(AnswerClockTest, AgreesWithTheBruteForceReferenceForRandomInstants) {
  std::mt19937_64 random(1989253);
  std::uniform_int_distribution<std::int64_t> instants(utc_ms(1950, 1, 1), utc_ms(2150, 1, 1));
  for (int i = 0; i < 20'000; ++i) {
    const std::int64_t arrived = instants(random);
    ASSERT_EQ(answer_deadline_ms(arrived, calendar_), reference_deadline_ms(arrived))
        << format_rfc3339_utc(arrived);
  }
}

// The instants where mistakes hide: either side of every local midnight in the weeks clocks may
// change (last Sundays of March, September, October; 1980's first Sunday of April) and either
// side of each change itself.
TEST_F(AnswerClockTest, AgreesWithTheReferenceAroundEveryClockChange1980To2150) {
  for (int y = 1980; y <= 2150; ++y) {
    for (int m : {3, 4, 9, 10}) {
      const int first_day = m == 4 ? 1 : 24;
      const int last_day = m == 4 ? 7 : month_length(y, m);
      for (int d = first_day; d <= last_day; ++d) {
        const std::int64_t midnight_utc = utc_ms(y, m, d);
        for (std::int64_t delta : {-2 * hour_ms - 1, -2 * hour_ms, -hour_ms - 1, -hour_ms,
                                   std::int64_t{0}, hour_ms - 1, hour_ms, 2 * hour_ms}) {
          const std::int64_t t = midnight_utc + delta;
          ASSERT_EQ(answer_deadline_ms(t, calendar_), reference_deadline_ms(t))
              << format_rfc3339_utc(t);
        }
      }
    }
  }
}

TEST_F(AnswerClockTest, EveryDeadlineEndsAt235959Local) {
  std::mt19937_64 random(173);
  std::uniform_int_distribution<std::int64_t> instants(utc_ms(1900, 1, 2), utc_ms(2199, 12, 1));
  for (int i = 0; i < 5'000; ++i) {
    const std::string text =
        format_rfc3339_stockholm(answer_deadline_ms(instants(random), calendar_));
    ASSERT_EQ(text.substr(10, 9), "T23:59:59") << text;
  }
}

// ---- Clocks --------------------------------------------------------------------------------

TEST(ClockTest, FixedClockMovesOnlyWhenTold) {
  FixedClock clock(1798020000000);
  const Clock& as_clock = clock;
  EXPECT_EQ(as_clock.now_ms(), 1798020000000);
  clock.advance(1500);
  EXPECT_EQ(as_clock.now_ms(), 1798020001500);
  clock.set(0);
  EXPECT_EQ(as_clock.now_ms(), 0);
}

TEST(ClockTest, FixedClockCanBeMovedWhileAnotherThreadReads) {
  FixedClock clock(0);
  std::thread mover([&clock] {
    for (int i = 0; i < 1000; ++i) clock.advance(1);
  });
  std::int64_t last = 0;
  for (int i = 0; i < 1000; ++i) {
    const std::int64_t now = clock.now_ms();
    EXPECT_GE(now, last);
    last = now;
  }
  mover.join();
  EXPECT_EQ(clock.now_ms(), 1000);
}

TEST(ClockTest, SystemClockIsNearTheSystemTime) {
  const SystemClock clock;
  const auto expected = std::chrono::duration_cast<std::chrono::milliseconds>(
                            std::chrono::system_clock::now().time_since_epoch())
                            .count();
  EXPECT_NEAR(static_cast<double>(clock.now_ms()), static_cast<double>(expected), 5000.0);
  EXPECT_GT(clock.now_ms(), utc_ms(2024, 1, 1));
}

TEST(Age, WholeYearsFromTheBirthDate) {
  const year_month_day today{date::year{2026}, date::month{11}, date::day{23}};
  EXPECT_EQ(age_in_years("2013-11-23", today), 13);
  EXPECT_EQ(age_in_years("2013-11-24", today), 12);
  EXPECT_EQ(age_in_years("1975-06-11", today), 51);
  EXPECT_EQ(
      age_in_years("2012-02-29", year_month_day{date::year{2027}, date::month{3}, date::day{1}}),
      15);
  EXPECT_EQ(
      age_in_years("2012-02-29", year_month_day{date::year{2027}, date::month{2}, date::day{28}}),
      14);
  EXPECT_FALSE(age_in_years("not a date", today));
}

}  // namespace
}  // namespace oppenvard::core
