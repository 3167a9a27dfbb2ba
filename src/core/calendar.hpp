#pragma once

#include <date/date.h>

#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace oppenvard::core {

// The years the Swedish calendar is defined for.
inline constexpr int first_calendar_year = 1900;
inline constexpr int last_calendar_year = 2199;

// A named Swedish day off. Plain Sundays are not listed; Easter Sunday and Pentecost are.
struct DayOff {
  date::year_month_day day;
  std::string_view name;  // Swedish, as in the almanac
  bool public_holiday;    // false for the de-facto days off: midsommarafton, julafton, nyårsafton

  friend bool operator==(const DayOff&, const DayOff&) = default;
};

// Easter Sunday in the Gregorian calendar (any year from 1583).
date::year_month_day easter_sunday(int year);

// Every named day off in `year`, sorted by date. When two coincide (Första maj and Kristi
// himmelsfärdsdag in 2008) both are listed. Throws std::out_of_range outside 1900-2199.
std::vector<DayOff> days_off(int year);

// Working days: Monday to Friday that are not a day off, national or regional. Immutable and
// precomputed for 1900-2199, so safe for concurrent use. Dates outside those years throw
// std::out_of_range; dates that do not exist throw std::invalid_argument.
class WorkingCalendar {
 public:
  WorkingCalendar() : WorkingCalendar(std::vector<date::year_month_day>{}) {}
  // Extra regional days off (configuration). Dates outside 1900-2199 can never be asked about
  // and are ignored; a date that does not exist throws std::invalid_argument.
  explicit WorkingCalendar(const std::vector<date::year_month_day>& extra_days_off);

  bool is_working_day(date::year_month_day day) const;

  // The n-th working day strictly after `from` (n > 0), strictly before it (n < 0), or
  // `from` itself (n == 0).
  date::year_month_day add_working_days(date::year_month_day from, int n) const;

  // The name of the day off on `day`: a national day off, or "Regional ledig dag".
  std::optional<std::string_view> day_off_name(date::year_month_day day) const;

 private:
  // Days since the epoch, sorted; the first entry for a date wins.
  std::vector<std::pair<int, std::string_view>> days_off_;
};

}  // namespace oppenvard::core
