#include "core/calendar.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <compare>
#include <functional>
#include <map>
#include <stdexcept>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

namespace oppenvard::core {
namespace {

using date::year_month_day;

year_month_day ymd(int y, unsigned m, unsigned d) {
  return year_month_day{date::year{y}, date::month{m}, date::day{d}};
}

// ---- An independent civil calendar: no date library, just month lengths. -------------------

struct Civil {
  int y;
  int m;
  int d;
  auto operator<=>(const Civil&) const = default;
};

bool leap(int y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int month_length(int y, int m) {
  static constexpr int lengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : lengths[m - 1];
}

Civil next(Civil c) {
  if (++c.d > month_length(c.y, c.m)) {
    c.d = 1;
    if (++c.m > 12) {
      c.m = 1;
      ++c.y;
    }
  }
  return c;
}

Civil previous(Civil c) {
  if (--c.d < 1) {
    if (--c.m < 1) {
      c.m = 12;
      --c.y;
    }
    c.d = month_length(c.y, c.m);
  }
  return c;
}

// Sakamoto's method: 0 = Sunday ... 6 = Saturday.
int weekday(Civil c) {
  static constexpr int t[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
  int y = c.y;
  if (c.m < 3) --y;
  return (y + y / 4 - y / 100 + y / 400 + t[c.m - 1] + c.d) % 7;
}
constexpr int sunday = 0, thursday = 4, friday = 5, saturday = 6;

Civil to_civil(year_month_day d) {
  return {static_cast<int>(d.year()), static_cast<int>(static_cast<unsigned>(d.month())),
          static_cast<int>(static_cast<unsigned>(d.day()))};
}

year_month_day to_ymd(Civil c) {
  return ymd(c.y, static_cast<unsigned>(c.m), static_cast<unsigned>(c.d));
}

// Gauss's Easter algorithm with its two exceptions (a different method from the one in the
// implementation, which is Meeus/Jones/Butcher).
Civil gauss_easter(int year) {
  const int a = year % 19;
  const int b = year % 4;
  const int c = year % 7;
  const int k = year / 100;
  const int p = (13 + 8 * k) / 25;
  const int q = k / 4;
  const int big_m = (15 - p + k - q) % 30;
  const int big_n = (4 + k - q) % 7;
  const int d = (19 * a + big_m) % 30;
  const int e = (2 * b + 4 * c + 6 * d + big_n) % 7;
  if (d == 29 && e == 6) return {year, 4, 19};
  if (d == 28 && e == 6 && (11 * big_m + 11) % 30 < 19) return {year, 4, 18};
  const int days_after_march_22 = d + e;
  if (days_after_march_22 <= 9) return {year, 3, 22 + days_after_march_22};
  return {year, 4, days_after_march_22 - 9};
}

// The n-th given weekday strictly after `from`, counted day by day.
Civil nth_weekday_after(Civil from, int wanted, int n) {
  Civil c = from;
  while (n > 0) {
    c = next(c);
    if (weekday(c) == wanted) --n;
  }
  return c;
}

Civil the_weekday_between(int y, int m1, int d1, int wanted) {
  Civil c{y, m1, d1};
  while (weekday(c) != wanted) c = next(c);
  return c;
}

struct RefDay {
  Civil day;
  std::string name;
  bool public_holiday;
  auto operator<=>(const RefDay&) const = default;
};

// The days off of one year, written from the wording of the laws (see calendar.cpp for
// sources) rather than from the implementation's arithmetic.
std::vector<RefDay> reference_days_off(int y) {
  std::vector<RefDay> days;
  auto add = [&](Civil c, std::string name, bool public_holiday = true) {
    days.push_back({c, std::move(name), public_holiday});
  };
  const Civil easter = gauss_easter(y);
  add({y, 1, 1}, "Nyårsdagen");
  add({y, 1, 6}, "Trettondedag jul");
  if (y <= 1952) add({y, 3, 25}, "Marie bebådelsedag");
  Civil good_friday = previous(easter);
  while (weekday(good_friday) != friday) good_friday = previous(good_friday);
  add(good_friday, "Långfredagen");  // "fredagen närmast före påskdagen"
  add(easter, "Påskdagen");
  add(next(easter), "Annandag påsk");
  if (y >= 1939) add({y, 5, 1}, "Första maj");
  add(nth_weekday_after(easter, thursday, 6), "Kristi himmelsfärdsdag");  // sjätte torsdagen
  const Civil pentecost = nth_weekday_after(easter, sunday, 7);           // sjunde söndagen
  add(pentecost, "Pingstdagen");
  if (y <= 2004) add(next(pentecost), "Annandag pingst");
  if (y >= 2005) add({y, 6, 6}, "Sveriges nationaldag");
  if (y >= 1953) {
    const Civil midsummer = the_weekday_between(y, 6, 20, saturday);
    add(previous(midsummer), "Midsommarafton", false);
    add(midsummer, "Midsommardagen");
    add(the_weekday_between(y, 10, 31, saturday), "Alla helgons dag");
  } else {
    add({y, 6, 23}, "Midsommarafton", false);
    add({y, 6, 24}, "Midsommardagen");
  }
  add({y, 12, 24}, "Julafton", false);
  add({y, 12, 25}, "Juldagen");
  add({y, 12, 26}, "Annandag jul");
  add({y, 12, 31}, "Nyårsafton", false);
  std::sort(days.begin(), days.end());
  return days;
}

std::vector<RefDay> as_reference(const std::vector<DayOff>& days) {
  std::vector<RefDay> out;
  for (const DayOff& day : days) {
    out.push_back({to_civil(day.day), std::string{day.name}, day.public_holiday});
  }
  std::sort(out.begin(), out.end());
  return out;
}

// ---- Easter --------------------------------------------------------------------------------

TEST(EasterTest, MatchesPublishedDates) {
  const std::vector<std::tuple<int, unsigned, unsigned>> published = {
      {1900, 4, 15}, {1913, 3, 23}, {1943, 4, 25}, {1954, 4, 18}, {1981, 4, 19}, {2000, 4, 23},
      {2008, 3, 23}, {2011, 4, 24}, {2019, 4, 21}, {2025, 4, 20}, {2026, 4, 5},  {2027, 3, 28},
      {2038, 4, 25}, {2049, 4, 18}, {2076, 4, 19}, {2160, 3, 23}};
  for (const auto& [y, m, d] : published) EXPECT_EQ(easter_sunday(y), ymd(y, m, d)) << y;
}

TEST(EasterTest, AgreesWithGaussForEveryYear1900To2199) {
  for (int y = first_calendar_year; y <= last_calendar_year; ++y) {
    const year_month_day easter = easter_sunday(y);
    ASSERT_EQ(to_civil(easter), gauss_easter(y)) << y;
    ASSERT_EQ(weekday(to_civil(easter)), sunday) << y;
    ASSERT_TRUE(easter >= ymd(y, 3, 22) && easter <= ymd(y, 4, 25)) << y;
  }
}

// ---- Days off ------------------------------------------------------------------------------

TEST(DaysOffTest, EveryRuleAgreesWithTheReferenceForEveryYear1900To2199) {
  for (int y = first_calendar_year; y <= last_calendar_year; ++y) {
    const std::vector<DayOff> days = days_off(y);
    ASSERT_TRUE(std::is_sorted(days.begin(), days.end(), [](const DayOff& a, const DayOff& b) {
      return a.day < b.day;
    })) << y;
    for (const DayOff& day : days) ASSERT_EQ(day.day.year(), date::year{y});
    ASSERT_EQ(as_reference(days), reference_days_off(y)) << y;
  }
}

TEST(DaysOffTest, Lists2026InOrder) {
  const std::vector<std::tuple<unsigned, unsigned, std::string, bool>> expected = {
      {1, 1, "Nyårsdagen", true},
      {1, 6, "Trettondedag jul", true},
      {4, 3, "Långfredagen", true},
      {4, 5, "Påskdagen", true},
      {4, 6, "Annandag påsk", true},
      {5, 1, "Första maj", true},
      {5, 14, "Kristi himmelsfärdsdag", true},
      {5, 24, "Pingstdagen", true},
      {6, 6, "Sveriges nationaldag", true},
      {6, 19, "Midsommarafton", false},
      {6, 20, "Midsommardagen", true},
      {10, 31, "Alla helgons dag", true},
      {12, 24, "Julafton", false},
      {12, 25, "Juldagen", true},
      {12, 26, "Annandag jul", true},
      {12, 31, "Nyårsafton", false}};
  const std::vector<DayOff> days = days_off(2026);
  ASSERT_EQ(days.size(), expected.size());
  for (std::size_t i = 0; i < days.size(); ++i) {
    const auto& [m, d, name, public_holiday] = expected[i];
    EXPECT_EQ(days[i].day, ymd(2026, m, d)) << i;
    EXPECT_EQ(days[i].name, name) << i;
    EXPECT_EQ(days[i].public_holiday, public_holiday) << i;
  }
}

bool has(int year, std::string_view name, year_month_day day) {
  const auto days = days_off(year);
  return std::any_of(days.begin(), days.end(),
                     [&](const DayOff& d) { return d.name == name && d.day == day; });
}

bool has_name(int year, std::string_view name) {
  const auto days = days_off(year);
  return std::any_of(days.begin(), days.end(), [&](const DayOff& d) { return d.name == name; });
}

TEST(DaysOffTest, NationalDayReplacedWhitMondayIn2005) {
  EXPECT_TRUE(has(2004, "Annandag pingst", ymd(2004, 5, 31)));
  EXPECT_FALSE(has_name(2004, "Sveriges nationaldag"));
  EXPECT_FALSE(has_name(2005, "Annandag pingst"));
  EXPECT_TRUE(has(2005, "Sveriges nationaldag", ymd(2005, 6, 6)));
}

TEST(DaysOffTest, FirstOfMayFrom1939) {
  EXPECT_FALSE(has_name(1938, "Första maj"));
  EXPECT_TRUE(has(1939, "Första maj", ymd(1939, 5, 1)));
}

TEST(DaysOffTest, Reform1953MovedMidsummerAndAllSaintsAndAnnunciation) {
  EXPECT_TRUE(has(1952, "Midsommarafton", ymd(1952, 6, 23)));
  EXPECT_TRUE(has(1952, "Midsommardagen", ymd(1952, 6, 24)));
  EXPECT_TRUE(has(1952, "Marie bebådelsedag", ymd(1952, 3, 25)));
  EXPECT_FALSE(has_name(1952, "Alla helgons dag"));
  EXPECT_TRUE(has(1953, "Midsommarafton", ymd(1953, 6, 19)));
  EXPECT_TRUE(has(1953, "Midsommardagen", ymd(1953, 6, 20)));
  EXPECT_TRUE(has(1953, "Alla helgons dag", ymd(1953, 10, 31)));
  EXPECT_FALSE(has_name(1953, "Marie bebådelsedag"));
}

TEST(DaysOffTest, CoincidingHolidaysAreBothListed) {
  // 2008: Easter 23 March, so Ascension Day fell on 1 May.
  EXPECT_TRUE(has(2008, "Första maj", ymd(2008, 5, 1)));
  EXPECT_TRUE(has(2008, "Kristi himmelsfärdsdag", ymd(2008, 5, 1)));
}

TEST(DaysOffTest, PlainSundaysAreNotListed) {
  for (const DayOff& day : days_off(2026)) {
    if (weekday(to_civil(day.day)) == sunday) {
      EXPECT_TRUE(day.name == "Påskdagen" || day.name == "Pingstdagen") << day.name;
    }
  }
}

TEST(DaysOffTest, RejectsYearsOutsideTheCalendar) {
  EXPECT_THROW(days_off(1899), std::out_of_range);
  EXPECT_THROW(days_off(2200), std::out_of_range);
  EXPECT_NO_THROW(days_off(1900));
  EXPECT_NO_THROW(days_off(2199));
}

// ---- Working days --------------------------------------------------------------------------

class ReferenceCalendar {
 public:
  explicit ReferenceCalendar(const std::vector<Civil>& extra = {}) {
    for (int y = first_calendar_year; y <= last_calendar_year; ++y) {
      for (const RefDay& day : reference_days_off(y)) {
        names_.emplace(day.day, day.name);  // the first name for a date wins
      }
    }
    for (const Civil& c : extra) names_.emplace(c, "Regional ledig dag");
  }
  bool is_working_day(Civil c) const {
    const int w = weekday(c);
    return w != saturday && w != sunday && names_.find(c) == names_.end();
  }
  Civil add_working_days(Civil c, int n) const {
    while (n > 0) {
      c = next(c);
      if (is_working_day(c)) --n;
    }
    while (n < 0) {
      c = previous(c);
      if (is_working_day(c)) ++n;
    }
    return c;
  }

 private:
  std::map<Civil, std::string> names_;
};

TEST(WorkingCalendarTest, EveryDay1900To2199AgreesWithTheReference) {
  const WorkingCalendar calendar;
  const ReferenceCalendar reference;
  const Civil last{last_calendar_year, 12, 31};
  int working_days = 0;
  for (Civil c{first_calendar_year, 1, 1}; c <= last; c = next(c)) {
    const bool working = calendar.is_working_day(to_ymd(c));
    ASSERT_EQ(working, reference.is_working_day(c)) << c.y << "-" << c.m << "-" << c.d;
    working_days += working ? 1 : 0;
  }
  // About 250 working days a year: a sanity check on the reference itself.
  EXPECT_GT(working_days, 300 * 245);
  EXPECT_LT(working_days, 300 * 256);
}

TEST(WorkingCalendarTest, AddWorkingDaysAgreesWithDayByDayCountingForEveryDay) {
  const WorkingCalendar calendar;
  const ReferenceCalendar reference;
  const Civil last{last_calendar_year, 12, 15};
  for (Civil c{first_calendar_year, 1, 15}; c <= last; c = next(c)) {
    for (int n : {1, 2, -2}) {
      ASSERT_EQ(to_civil(calendar.add_working_days(to_ymd(c), n)), reference.add_working_days(c, n))
          << c.y << "-" << c.m << "-" << c.d << " n=" << n;
    }
  }
}

TEST(WorkingCalendarTest, AddWorkingDaysZeroIsTheSameDay) {
  const WorkingCalendar calendar;
  EXPECT_EQ(calendar.add_working_days(ymd(2026, 12, 26), 0), ymd(2026, 12, 26));
}

TEST(WorkingCalendarTest, LongJumpsAgreeWithTheReference) {
  const WorkingCalendar calendar;
  const ReferenceCalendar reference;
  for (Civil c{1901, 1, 1}; c.y < 2199; c = reference.add_working_days(c, 97)) {
    for (int n : {10, 250, -250}) {
      ASSERT_EQ(to_civil(calendar.add_working_days(to_ymd(c), n)),
                reference.add_working_days(c, n));
    }
  }
}

TEST(WorkingCalendarTest, ChristmasToNewYear2026) {
  const WorkingCalendar calendar;
  EXPECT_FALSE(calendar.is_working_day(ymd(2026, 12, 24)));  // Thursday, julafton
  EXPECT_FALSE(calendar.is_working_day(ymd(2026, 12, 25)));
  EXPECT_TRUE(calendar.is_working_day(ymd(2026, 12, 28)));
  EXPECT_FALSE(calendar.is_working_day(ymd(2026, 12, 31)));  // nyårsafton
  EXPECT_FALSE(calendar.is_working_day(ymd(2027, 1, 1)));
  EXPECT_EQ(calendar.add_working_days(ymd(2026, 12, 23), 2), ymd(2026, 12, 29));
  EXPECT_EQ(calendar.add_working_days(ymd(2026, 12, 30), 1), ymd(2027, 1, 4));
}

TEST(WorkingCalendarTest, NamesTheDayOff) {
  const WorkingCalendar calendar;
  EXPECT_EQ(calendar.day_off_name(ymd(2026, 6, 19)), "Midsommarafton");
  EXPECT_EQ(calendar.day_off_name(ymd(2026, 5, 14)), "Kristi himmelsfärdsdag");
  EXPECT_EQ(calendar.day_off_name(ymd(2026, 6, 21)), std::nullopt);  // a plain Sunday
  EXPECT_EQ(calendar.day_off_name(ymd(2026, 6, 22)), std::nullopt);
}

TEST(WorkingCalendarTest, RegionalDaysOffAreNotWorkingDays) {
  const WorkingCalendar calendar({ymd(2026, 11, 2), ymd(2026, 12, 25), ymd(1850, 1, 2)});
  EXPECT_FALSE(calendar.is_working_day(ymd(2026, 11, 2)));
  EXPECT_EQ(calendar.day_off_name(ymd(2026, 11, 2)), "Regional ledig dag");
  EXPECT_EQ(calendar.day_off_name(ymd(2026, 12, 25)), "Juldagen");  // national name wins
  EXPECT_EQ(calendar.add_working_days(ymd(2026, 10, 30), 1), ymd(2026, 11, 3));
  EXPECT_TRUE(WorkingCalendar{}.is_working_day(ymd(2026, 11, 2)));
}

TEST(WorkingCalendarTest, RegionalDaysAgreeWithTheReferenceAroundThem) {
  const std::vector<Civil> extra = {{2026, 11, 2}, {2026, 12, 30}, {2027, 1, 5}, {2030, 4, 30}};
  std::vector<year_month_day> extra_ymd;
  for (const Civil& c : extra) extra_ymd.push_back(to_ymd(c));
  const WorkingCalendar calendar(extra_ymd);
  const ReferenceCalendar reference(extra);
  for (Civil c{2026, 10, 1}; c < Civil{2030, 6, 1}; c = next(c)) {
    ASSERT_EQ(to_civil(calendar.add_working_days(to_ymd(c), 2)), reference.add_working_days(c, 2));
  }
}

TEST(WorkingCalendarTest, RejectsDatesOutsideTheCalendarAndNonDates) {
  const WorkingCalendar calendar;
  EXPECT_THROW(calendar.is_working_day(ymd(1899, 12, 31)), std::out_of_range);
  EXPECT_THROW(calendar.is_working_day(ymd(2200, 1, 1)), std::out_of_range);
  EXPECT_THROW(calendar.add_working_days(ymd(2199, 12, 30), 2), std::out_of_range);
  EXPECT_THROW(calendar.add_working_days(ymd(1900, 1, 2), -2), std::out_of_range);
  EXPECT_THROW(calendar.is_working_day(ymd(2026, 2, 29)), std::invalid_argument);
  EXPECT_THROW(WorkingCalendar({ymd(2026, 2, 30)}), std::invalid_argument);
}

TEST(WorkingCalendarTest, ConcurrentReadersSeeTheSameAnswers) {
  const WorkingCalendar calendar;
  auto count = [&calendar](int& out) {
    out = 0;
    for (date::sys_days d = date::sys_days{ymd(2000, 1, 1)}; d < date::sys_days{ymd(2030, 1, 1)};
         d += date::days{1}) {
      out += calendar.is_working_day(year_month_day{d}) ? 1 : 0;
    }
  };
  int a = 0;
  int b = 0;
  std::thread first(count, std::ref(a));
  std::thread second(count, std::ref(b));
  first.join();
  second.join();
  EXPECT_EQ(a, b);
  EXPECT_GT(a, 0);
}

}  // namespace
}  // namespace oppenvard::core
