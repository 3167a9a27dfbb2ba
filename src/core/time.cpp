#include "core/time.hpp"

#include <date/tz.h>

#include <array>
#include <chrono>
#include <stdexcept>
#include <utility>

namespace oppenvard::core {
namespace {

using Milliseconds = std::chrono::milliseconds;
using Seconds = std::chrono::seconds;
using SysMs = date::sys_time<Milliseconds>;

constexpr std::int64_t ms_per_day = 86'400'000;
// 0000-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z.
constexpr std::int64_t min_instant_ms = -719'528 * ms_per_day;
constexpr std::int64_t max_instant_ms = 2'932'897 * ms_per_day - 1;

void check_instant(std::int64_t ms) {
  if (ms < min_instant_ms || ms > max_instant_ms) {
    throw std::out_of_range("instant outside the years 0000-9999");
  }
}

// ---- Europe/Stockholm ----------------------------------------------------------------------

const date::time_zone& stockholm() {
  return *date::locate_zone("Europe/Stockholm");
}

// The EU rule in force since 1996: summer time from the last Sunday of March to the last Sunday
// of October, changing at 01:00 UTC.
date::sys_seconds eu_change(int year, unsigned month) {
  const date::year_month_weekday_last last_sunday{date::year{year}, date::month{month},
                                                  date::weekday_last{date::Sunday}};
  return date::sys_days{last_sunday} + std::chrono::hours{1};
}

Seconds eu_offset(date::sys_seconds t) {
  const int year = static_cast<int>(date::year_month_day{date::floor<date::days>(t)}.year());
  const bool summer = t >= eu_change(year, 3) && t < eu_change(year, 10);
  return summer ? std::chrono::hours{2} : std::chrono::hours{1};
}

// UTC offset in Stockholm at `t`. date 3.0.1 reads the system's TZif files but not their
// footer, the POSIX rule for times after the last listed transition (zic lists them up to 2037
// and "slim" files fewer). Without this, every summer after the list ends would come out as
// CET. So when `t` is in the open-ended last period and that period begins exactly at an EU
// end of summer time, we continue the EU rule, which is what the footer
// (CET-1CEST,M3.5.0,M10.5.0/3) says. If Sweden ever drops summer time, the listed data will
// end differently and this extension switches itself off.
Seconds stockholm_offset(date::sys_seconds t) {
  const date::sys_info info = stockholm().get_info(t);
  const bool open_ended = info.end > date::sys_days{date::year{9999} / 1 / 1};
  if (open_ended && info.offset == std::chrono::hours{1}) {
    const int begin_year =
        static_cast<int>(date::year_month_day{date::floor<date::days>(info.begin)}.year());
    if (begin_year >= 1996 && info.begin == eu_change(begin_year, 10)) return eu_offset(t);
  }
  return info.offset;
}

// Offsets before 1900 (+01:00:14; +01:12:12 before 1879) are not whole minutes, which RFC 3339
// cannot show; we use whole minutes everywhere so that formatted text parses back exactly.
Seconds stockholm_minute_offset(date::sys_seconds t) {
  return date::floor<std::chrono::minutes>(stockholm_offset(t));
}

date::local_seconds to_local(date::sys_seconds t) {
  return date::local_seconds{t.time_since_epoch() + stockholm_minute_offset(t)};
}

// The earliest instant showing `local` on Stockholm clocks. (Local midnight always exists:
// the clocks change at 02:00 and 03:00.)
date::sys_seconds to_sys(date::local_seconds local) {
  const date::sys_seconds naive{local.time_since_epoch()};
  const Seconds before = stockholm_minute_offset(naive - date::days{1});
  const Seconds after = stockholm_minute_offset(naive + date::days{1});
  std::array<date::sys_seconds, 2> candidates{naive - before, naive - after};
  if (candidates[1] < candidates[0]) std::swap(candidates[0], candidates[1]);
  for (const date::sys_seconds candidate : candidates) {
    if (to_local(candidate) == local) return candidate;
  }
  return naive - before;  // in a gap: the instant the clocks jump past it
}

// ---- text ----------------------------------------------------------------------------------

void append_number(std::string& out, long long value, int width) {
  if (value < 0) {
    out += '-';
    value = -value;
  }
  std::array<char, 24> digits{};
  int n = 0;
  do {
    digits[n++] = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value > 0);
  for (int pad = n; pad < width; ++pad) out += '0';
  while (n > 0) out += digits[--n];
}

void append_date(std::string& out, date::year_month_day day) {
  append_number(out, static_cast<int>(day.year()), 4);
  out += '-';
  append_number(out, static_cast<unsigned>(day.month()), 2);
  out += '-';
  append_number(out, static_cast<unsigned>(day.day()), 2);
}

template <class Duration>
void append_date_time(std::string& out, date::local_time<Duration> local) {
  const auto day = date::floor<date::days>(local);
  const date::hh_mm_ss<Duration> time{local - day};
  append_date(out, date::year_month_day{day});
  out += 'T';
  append_number(out, time.hours().count(), 2);
  out += ':';
  append_number(out, time.minutes().count(), 2);
  out += ':';
  append_number(out, time.seconds().count(), 2);
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// Reads exactly `width` digits at `pos`.
bool read_number(std::string_view text, std::size_t pos, std::size_t width, int& value) {
  if (pos + width > text.size()) return false;
  value = 0;
  for (std::size_t i = pos; i < pos + width; ++i) {
    if (!is_digit(text[i])) return false;
    value = value * 10 + (text[i] - '0');
  }
  return true;
}

// YYYY-MM-DD at the start of `text`, a date that exists.
std::optional<date::year_month_day> read_date(std::string_view text) {
  int year = 0;
  int month = 0;
  int day = 0;
  if (!read_number(text, 0, 4, year) || text.size() < 10 || text[4] != '-' ||
      !read_number(text, 5, 2, month) || text[7] != '-' || !read_number(text, 8, 2, day)) {
    return std::nullopt;
  }
  const date::year_month_day ymd{date::year{year}, date::month{static_cast<unsigned>(month)},
                                 date::day{static_cast<unsigned>(day)}};
  if (!ymd.ok()) return std::nullopt;
  return ymd;
}

}  // namespace

std::optional<std::int64_t> parse_rfc3339(std::string_view text) {
  const std::optional<date::year_month_day> day = read_date(text);
  if (!day) return std::nullopt;

  int hour = 0;
  int minute = 0;
  int second = 0;
  if (text.size() < 19 || (text[10] != 'T' && text[10] != 't' && text[10] != ' ') ||
      !read_number(text, 11, 2, hour) || text[13] != ':' || !read_number(text, 14, 2, minute) ||
      text[16] != ':' || !read_number(text, 17, 2, second)) {
    return std::nullopt;
  }
  if (hour > 23 || minute > 59 || second > 59) return std::nullopt;

  std::size_t pos = 19;
  int millis = 0;
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    const std::size_t first = pos;
    while (pos < text.size() && is_digit(text[pos])) {
      if (pos - first < 3) millis = millis * 10 + (text[pos] - '0');
      ++pos;
    }
    if (pos == first) return std::nullopt;
    for (std::size_t scale = pos - first; scale < 3; ++scale) millis *= 10;
  }

  if (pos >= text.size()) return std::nullopt;
  int offset_minutes = 0;
  if (text[pos] == 'Z' || text[pos] == 'z') {
    ++pos;
  } else if (text[pos] == '+' || text[pos] == '-') {
    int offset_hour = 0;
    int offset_minute = 0;
    if (!read_number(text, pos + 1, 2, offset_hour) || pos + 3 >= text.size() ||
        text[pos + 3] != ':' || !read_number(text, pos + 4, 2, offset_minute)) {
      return std::nullopt;
    }
    if (offset_hour > 23 || offset_minute > 59) return std::nullopt;
    offset_minutes = (offset_hour * 60 + offset_minute) * (text[pos] == '-' ? -1 : 1);
    pos += 6;
  } else {
    return std::nullopt;
  }
  if (pos != text.size()) return std::nullopt;

  const auto local = date::sys_days{*day} + std::chrono::hours{hour} +
                     std::chrono::minutes{minute} + Seconds{second} + Milliseconds{millis};
  const SysMs instant = local - std::chrono::minutes{offset_minutes};
  const std::int64_t ms = instant.time_since_epoch().count();
  // An offset can push the edges of year 0000 or 9999 outside the range we handle.
  if (ms < min_instant_ms || ms > max_instant_ms) return std::nullopt;
  return ms;
}

std::string format_rfc3339_stockholm(std::int64_t ms) {
  check_instant(ms);
  const auto t = date::floor<Seconds>(SysMs{Milliseconds{ms}});
  const Seconds offset = stockholm_minute_offset(t);
  std::string out;
  append_date_time(out, date::local_seconds{t.time_since_epoch() + offset});
  const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(offset).count();
  out += minutes < 0 ? '-' : '+';
  append_number(out, (minutes < 0 ? -minutes : minutes) / 60, 2);
  out += ':';
  append_number(out, (minutes < 0 ? -minutes : minutes) % 60, 2);
  return out;
}

std::string format_rfc3339_utc(std::int64_t ms) {
  check_instant(ms);
  const date::local_time<Milliseconds> t{Milliseconds{ms}};
  std::string out;
  append_date_time(out, date::floor<Seconds>(t));
  out += '.';
  append_number(out, ((ms % 1000) + 1000) % 1000, 3);
  out += 'Z';
  return out;
}

date::year_month_day stockholm_date(std::int64_t ms) {
  check_instant(ms);
  const auto t = date::floor<Seconds>(SysMs{Milliseconds{ms}});
  return date::year_month_day{date::floor<date::days>(to_local(t))};
}

std::int64_t stockholm_start_of_day_ms(date::year_month_day day) {
  if (!day.ok()) throw std::invalid_argument("not a calendar date");
  const date::sys_seconds start = to_sys(date::local_days{day});
  const std::int64_t ms =
      std::chrono::duration_cast<Milliseconds>(start.time_since_epoch()).count();
  check_instant(ms);
  return ms;
}

std::int64_t stockholm_local_time_ms(date::year_month_day day, int minute_of_day) {
  if (!day.ok() || minute_of_day < 0 || minute_of_day > 24 * 60) {
    throw std::invalid_argument("not a local time");
  }
  const date::sys_seconds at =
      to_sys(date::local_seconds{date::local_days{day}} + std::chrono::minutes{minute_of_day});
  const std::int64_t ms = std::chrono::duration_cast<Milliseconds>(at.time_since_epoch()).count();
  check_instant(ms);
  return ms;
}

std::optional<date::year_month_day> parse_date(std::string_view text) {
  if (text.size() != 10) return std::nullopt;
  return read_date(text);
}

std::string format_date(date::year_month_day day) {
  if (!day.ok() || day.year() < date::year{0} || day.year() > date::year{9999}) {
    throw std::invalid_argument("not a calendar date with a four-digit year");
  }
  std::string out;
  append_date(out, day);
  return out;
}

std::int64_t answer_deadline_ms(std::int64_t arrived_ms, const WorkingCalendar& calendar) {
  const date::year_month_day arrived_on = stockholm_date(arrived_ms);
  const date::year_month_day due = calendar.add_working_days(arrived_on, answer_working_days);
  const date::year_month_day after_due{date::sys_days{due} + date::days{1}};
  return stockholm_start_of_day_ms(after_due) - 1;
}

std::optional<int> age_in_years(std::string_view birth_date, date::year_month_day today) {
  const auto born = parse_date(birth_date);
  if (!born) return std::nullopt;
  int years = static_cast<int>(today.year()) - static_cast<int>(born->year());
  if (date::month_day(today.month(), today.day()) < date::month_day(born->month(), born->day())) {
    --years;
  }
  return years;
}

}  // namespace oppenvard::core
