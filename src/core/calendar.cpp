#include "core/calendar.hpp"

#include <algorithm>
#include <stdexcept>

namespace oppenvard::core {
namespace {

// Sources for the rules below:
// - Lag (1989:253) om allmänna helgdagar, as amended by SFS 2004:1320 (in force 2005-04-01):
//   nationaldagen 6 June added, annandag pingst removed. The 1989 law restated the existing
//   list, so it is used for the years before 1990 too.
// - Lag (1938:107) om den 1 majs likställande med allmän helgdag: Första maj from 1939.
// - SFS 1952:48 (Library of Congress "Midsommar becomes weekend holiday in Sweden in 1953";
//   svenskahogtider.com citing Bringéus, Årets festdagar): from 1953 midsommardagen is the
//   Saturday 20-26 June (before: 24 June, eve 23 June), alla helgons dag the Saturday
//   31 Oct-6 Nov, and Marie bebådelsedag moves from 25 March to a Sunday.
// - Alla helgons dag 1772-1952 was the first Sunday of November, not a holiday of its own
//   (Isof "Allhelgonadagen"; sv.wikipedia "Alla helgons dag" as quoted by sikasbulletinen.se),
//   and kyndelsmässodagen was moved from 2 February to a Sunday in 1772 (itu.se
//   "Kyndelsmässodagen"). Both fell on Sundays, so neither is listed before 1953.
// - Unconfirmed: whether Marie bebådelsedag before 1953 moved away from 25 March when that fell
//   in Holy Week or on Easter Monday. We keep 25 March every year (as ical.oops.se lists it).
// - Midsommarafton, julafton and nyårsafton count as days off for time limits under lag
//   (1930:173) om beräkning av lagstadgad tid; we apply that to every year, 1900-1929 included.
constexpr int first_may_day_year = 1939;
constexpr int reform_1953_year = 1953;
constexpr int national_day_year = 2005;

date::year_month_day plus_days(date::year_month_day day, int n) {
  return date::year_month_day{date::sys_days{day} + date::days{n}};
}

// The first `weekday` on or after `from`.
date::year_month_day first_on_or_after(date::year_month_day from, date::weekday weekday) {
  const date::sys_days start{from};
  return date::year_month_day{start + (weekday - date::weekday{start})};
}

void check_year(int year) {
  if (year < first_calendar_year || year > last_calendar_year) {
    throw std::out_of_range("Swedish calendar is defined for 1900-2199 only");
  }
}

int day_number(date::year_month_day day) {
  if (!day.ok()) throw std::invalid_argument("not a calendar date");
  check_year(static_cast<int>(day.year()));
  return date::sys_days{day}.time_since_epoch().count();
}

}  // namespace

date::year_month_day easter_sunday(int year) {
  // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
  const int a = year % 19;
  const int b = year / 100;
  const int c = year % 100;
  const int d = b / 4;
  const int e = b % 4;
  const int f = (b + 8) / 25;
  const int g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4;
  const int k = c % 4;
  const int l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31;
  const int day = (h + l - 7 * m + 114) % 31 + 1;
  return date::year{year} / month / day;
}

std::vector<DayOff> days_off(int year) {
  check_year(year);
  const date::year y{year};
  const date::year_month_day easter = easter_sunday(year);
  const bool after_1953_reform = year >= reform_1953_year;

  std::vector<DayOff> days;
  auto add = [&](date::year_month_day day, std::string_view name, bool public_holiday = true) {
    days.push_back(DayOff{day, name, public_holiday});
  };

  add(y / 1 / 1, "Nyårsdagen");
  add(y / 1 / 6, "Trettondedag jul");
  if (!after_1953_reform) add(y / 3 / 25, "Marie bebådelsedag");
  add(plus_days(easter, -2), "Långfredagen");
  add(easter, "Påskdagen");
  add(plus_days(easter, 1), "Annandag påsk");
  if (year >= first_may_day_year) add(y / 5 / 1, "Första maj");
  add(plus_days(easter, 39), "Kristi himmelsfärdsdag");
  add(plus_days(easter, 49), "Pingstdagen");
  if (year < national_day_year) add(plus_days(easter, 50), "Annandag pingst");
  if (year >= national_day_year) add(y / 6 / 6, "Sveriges nationaldag");
  if (after_1953_reform) {
    add(first_on_or_after(y / 6 / 19, date::Friday), "Midsommarafton", false);
    add(first_on_or_after(y / 6 / 20, date::Saturday), "Midsommardagen");
    add(first_on_or_after(y / 10 / 31, date::Saturday), "Alla helgons dag");
  } else {
    add(y / 6 / 23, "Midsommarafton", false);
    add(y / 6 / 24, "Midsommardagen");
  }
  add(y / 12 / 24, "Julafton", false);
  add(y / 12 / 25, "Juldagen");
  add(y / 12 / 26, "Annandag jul");
  add(y / 12 / 31, "Nyårsafton", false);

  std::stable_sort(days.begin(), days.end(),
                   [](const DayOff& a, const DayOff& b) { return a.day < b.day; });
  return days;
}

WorkingCalendar::WorkingCalendar(const std::vector<date::year_month_day>& extra_days_off) {
  for (int year = first_calendar_year; year <= last_calendar_year; ++year) {
    for (const DayOff& day : days_off(year)) {
      days_off_.emplace_back(date::sys_days{day.day}.time_since_epoch().count(), day.name);
    }
  }
  for (const date::year_month_day& day : extra_days_off) {
    if (!day.ok()) throw std::invalid_argument("regional day off is not a calendar date");
    const int year = static_cast<int>(day.year());
    if (year < first_calendar_year || year > last_calendar_year) continue;
    days_off_.emplace_back(date::sys_days{day}.time_since_epoch().count(), "Regional ledig dag");
  }
  // National days were added first, so a stable sort keeps their names ahead of regional ones.
  std::stable_sort(days_off_.begin(), days_off_.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
}

std::optional<std::string_view> WorkingCalendar::day_off_name(date::year_month_day day) const {
  const int n = day_number(day);
  const auto it = std::lower_bound(days_off_.begin(), days_off_.end(), n,
                                   [](const auto& entry, int key) { return entry.first < key; });
  if (it == days_off_.end() || it->first != n) return std::nullopt;
  return it->second;
}

bool WorkingCalendar::is_working_day(date::year_month_day day) const {
  // Looked up first, even at weekends, so that every date outside the range throws.
  const bool day_off = day_off_name(day).has_value();
  const date::weekday weekday{date::sys_days{day}};
  return !day_off && weekday != date::Saturday && weekday != date::Sunday;
}

date::year_month_day WorkingCalendar::add_working_days(date::year_month_day from, int n) const {
  day_number(from);  // validates
  const int step = n >= 0 ? 1 : -1;
  date::year_month_day day = from;
  for (long long remaining = n >= 0 ? n : -static_cast<long long>(n); remaining > 0;) {
    day = plus_days(day, step);
    if (is_working_day(day)) --remaining;
  }
  return day;
}

}  // namespace oppenvard::core
