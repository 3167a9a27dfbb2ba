#include "app/commands/core_commands.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "core/calendar.hpp"
#include "core/time.hpp"

namespace oppenvard::app::commands {
namespace {

struct Outcome {
  int code;
  std::string out;
  std::string err;
};

Outcome holidays(std::string_view year) {
  std::ostringstream out;
  std::ostringstream err;
  const int code = run_calendar_holidays(year, out, err);
  return {code, out.str(), err.str()};
}

Outcome due(std::string_view arrived, const core::WorkingCalendar& calendar = {}) {
  std::ostringstream out;
  std::ostringstream err;
  const int code = run_calendar_due(arrived, calendar, out, err);
  return {code, out.str(), err.str()};
}

// 2026-06-15T10:00:00Z
constexpr std::int64_t june_2026_ms = 1781517600000;

Outcome id_check(std::string_view value, std::optional<std::string_view> on = std::nullopt,
                 std::int64_t now_ms = june_2026_ms) {
  std::ostringstream out;
  std::ostringstream err;
  const int code = run_id_check(value, on, now_ms, out, err);
  return {code, out.str(), err.str()};
}

TEST(CalendarHolidaysCommandTest, Prints2026OneDayPerLine) {
  const Outcome run = holidays("2026");
  EXPECT_EQ(run.code, 0);
  EXPECT_EQ(run.err, "");
  EXPECT_EQ(run.out,
            "2026-01-01\tNyårsdagen\n"
            "2026-01-06\tTrettondedag jul\n"
            "2026-04-03\tLångfredagen\n"
            "2026-04-05\tPåskdagen\n"
            "2026-04-06\tAnnandag påsk\n"
            "2026-05-01\tFörsta maj\n"
            "2026-05-14\tKristi himmelsfärdsdag\n"
            "2026-05-24\tPingstdagen\n"
            "2026-06-06\tSveriges nationaldag\n"
            "2026-06-19\tMidsommarafton\n"
            "2026-06-20\tMidsommardagen\n"
            "2026-10-31\tAlla helgons dag\n"
            "2026-12-24\tJulafton\n"
            "2026-12-25\tJuldagen\n"
            "2026-12-26\tAnnandag jul\n"
            "2026-12-31\tNyårsafton\n");
}

TEST(CalendarHolidaysCommandTest, PrintsEveryYearOfTheCalendar) {
  for (int year = core::first_calendar_year; year <= core::last_calendar_year; ++year) {
    const Outcome run = holidays(std::to_string(year));
    ASSERT_EQ(run.code, 0) << year;
    std::size_t lines = 0;
    for (char c : run.out) lines += c == '\n' ? 1 : 0;
    ASSERT_EQ(lines, core::days_off(year).size()) << year;
  }
}

TEST(CalendarHolidaysCommandTest, RejectsYearsItCannotAnswerWithUsageError) {
  for (std::string_view year :
       {"1899", "2200", "", "20x6", "026", "02026", " 2026", "2026 ", "-2026", "+2026", "2026.0"}) {
    const Outcome run = holidays(year);
    EXPECT_EQ(run.code, 2) << year;
    EXPECT_EQ(run.out, "") << year;
    EXPECT_EQ(run.err, "error: YEAR must be a year from 1900 to 2199\n") << year;
  }
}

TEST(CalendarDueCommandTest, PrintsTheDeadlineWithTheStockholmOffset) {
  Outcome run = due("2026-12-23T10:00:00+01:00");
  EXPECT_EQ(run.code, 0);
  EXPECT_EQ(run.out, "2026-12-29T23:59:59+01:00\n");
  EXPECT_EQ(run.err, "");

  run = due("2026-03-29T22:30:00Z");
  EXPECT_EQ(run.code, 0);
  EXPECT_EQ(run.out, "2026-04-01T23:59:59+02:00\n");
}

TEST(CalendarDueCommandTest, UsesTheGivenCalendar) {
  const core::WorkingCalendar regional({date::year{2026} / 12 / 28});
  EXPECT_EQ(due("2026-12-23T10:00:00+01:00", regional).out, "2026-12-30T23:59:59+01:00\n");
}

TEST(CalendarDueCommandTest, RejectsTextThatIsNotRfc3339) {
  for (std::string_view arrived : {"", "2026-12-23", "2026-12-23T10:00:00", "tomorrow",
                                   "2026-02-30T10:00:00Z", "2026-12-23T10:00:00+01"}) {
    const Outcome run = due(arrived);
    EXPECT_EQ(run.code, 2) << arrived;
    EXPECT_EQ(run.out, "");
    EXPECT_EQ(run.err,
              "error: ARRIVED must be an RFC 3339 date-time such as 2026-12-23T10:15:00+01:00\n");
  }
}

TEST(CalendarDueCommandTest, RejectsArrivalsOutsideTheCalendar) {
  for (std::string_view arrived :
       {"1899-12-31T12:00:00Z", "2199-12-30T12:00:00+01:00", "9999-12-31T23:59:59Z"}) {
    const Outcome run = due(arrived);
    EXPECT_EQ(run.code, 2) << arrived;
    EXPECT_EQ(run.out, "");
    EXPECT_EQ(run.err,
              "error: the calendar covers 1900 to 2199; ARRIVED and its deadline must fall "
              "within it\n");
  }
  EXPECT_EQ(due("1900-01-01T00:00:00+01:00").code, 0);
}

TEST(IdCheckCommandTest, PrintsOneTabSeparatedLineForAValidId) {
  const Outcome run = id_check("640823-3234");
  EXPECT_EQ(run.code, 0);
  EXPECT_EQ(run.out, "196408233234\tpersonnummer\t1964-08-23\tmale\n");
  EXPECT_EQ(run.err, "");
}

TEST(IdCheckCommandTest, PrintsSamordningsnummer) {
  const Outcome run = id_check("701063-2391");
  EXPECT_EQ(run.code, 0);
  EXPECT_EQ(run.out, "197010632391\tsamordningsnummer\t1970-10-03\tmale\n");
}

TEST(IdCheckCommandTest, OnDecidesTheCentury) {
  EXPECT_EQ(id_check("121212+1212", "2026-01-01").out,
            "191212121212\tpersonnummer\t1912-12-12\tmale\n");
  EXPECT_EQ(id_check("121212-1212", "2026-01-01").out,
            "201212121212\tpersonnummer\t2012-12-12\tmale\n");
  EXPECT_EQ(id_check("121212-1212", "2012-12-11").out,
            "191212121212\tpersonnummer\t1912-12-12\tmale\n");
}

TEST(IdCheckCommandTest, DefaultsOnToTodayInStockholm) {
  // 2012-12-11T23:30:00Z is already 12 December in Stockholm: Tolvan's 2012 birthday.
  constexpr std::int64_t stockholm_12_december_2012 = 1355268600000;
  ASSERT_EQ(core::stockholm_date(stockholm_12_december_2012), date::year{2012} / 12 / 12);
  EXPECT_EQ(id_check("121212-1212", std::nullopt, stockholm_12_december_2012).out,
            "201212121212\tpersonnummer\t2012-12-12\tmale\n");
  EXPECT_EQ(id_check("121212-1212", std::nullopt, stockholm_12_december_2012 - 3'600'000).out,
            "191212121212\tpersonnummer\t1912-12-12\tmale\n");
}

TEST(IdCheckCommandTest, InvalidIdExitsOneWithAReasonThatDoesNotEchoTheValue) {
  const struct {
    std::string_view value;
    std::string_view err;
  } cases[] = {
      {"640823-3235", "invalid: wrong check digit\n"},
      {"19640823 3234",
       "invalid: not a personnummer or samordningsnummer format (10 or 12 "
       "digits)\n"},
      {"", "invalid: no value given\n"},
      {"641323-3234", "invalid: no such birth date\n"},
      {"20260823-3231", "invalid: birth date is in the future\n"},
  };
  for (const auto& c : cases) {
    const Outcome run = id_check(c.value);
    EXPECT_EQ(run.code, 1) << c.value;
    EXPECT_EQ(run.out, "") << c.value;
    EXPECT_EQ(run.err, c.err) << c.value;
    if (!c.value.empty()) {
      EXPECT_EQ(run.err.find(c.value.substr(0, 6)), std::string::npos) << c.value;
    }
  }
}

TEST(IdCheckCommandTest, BadOnIsAUsageError) {
  for (std::string_view on : {"", "2026-02-30", "20260101", "2026-1-1", "today"}) {
    const Outcome run = id_check("640823-3234", on);
    EXPECT_EQ(run.code, 2) << on;
    EXPECT_EQ(run.out, "");
    EXPECT_EQ(run.err, "error: --on must be a date written YYYY-MM-DD\n");
  }
}

}  // namespace
}  // namespace oppenvard::app::commands
