#pragma once

#include <date/date.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/calendar.hpp"

namespace oppenvard::core {

// Instants are std::int64_t milliseconds since the Unix epoch, UTC. The functions below take
// instants from 0000-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z (the RFC 3339 range) and
// throw std::out_of_range outside it. Local time is always Europe/Stockholm.

// RFC 3339 date-time: YYYY-MM-DD, then T, t or a space, hh:mm:ss, an optional fraction
// (digits after the millisecond are dropped), then Z, z or ±hh:mm. Anything else, including
// out-of-range fields and leap second 60, gives nullopt.
std::optional<std::int64_t> parse_rfc3339(std::string_view text);

// Local Stockholm time with its offset, whole seconds (milliseconds dropped):
// 2026-12-29T23:59:59+01:00.
std::string format_rfc3339_stockholm(std::int64_t ms);

// UTC with milliseconds: 2026-12-29T22:59:59.999Z.
std::string format_rfc3339_utc(std::int64_t ms);

// The Stockholm calendar day the instant falls on.
date::year_month_day stockholm_date(std::int64_t ms);

// The instant the Stockholm calendar day starts (local midnight).
std::int64_t stockholm_start_of_day_ms(date::year_month_day day);

// The instant Stockholm clocks show `minute_of_day` (0–1440) on `day` (the first of two in the
// autumn); a time skipped by the spring change (02:00–03:00) is read with the winter offset,
// so it lands an hour later on the clocks (02:30 → 03:30).
std::int64_t stockholm_local_time_ms(date::year_month_day day, int minute_of_day);

// Strict YYYY-MM-DD of a date that exists.
std::optional<date::year_month_day> parse_date(std::string_view text);
// Whole years from a birth date YYYY-MM-DD to `today` (a birthday on 29 February comes on
// 1 March in other years); nullopt if the text is no date.
std::optional<int> age_in_years(std::string_view birth_date, date::year_month_day today);

// YYYY-MM-DD. Throws std::invalid_argument for a date that does not exist or has no
// four-digit year.
std::string format_date(date::year_month_day day);

// How many working days after the day of arrival a patient message is due.
inline constexpr int answer_working_days = 2;

// The answer clock: a message arriving on Stockholm day D (a day off counts the same) is due
// by the end of the second working day after D. Returns local 23:59:59.999 of that day, i.e.
// the next local midnight minus 1 ms. Throws std::out_of_range outside the calendar's years.
std::int64_t answer_deadline_ms(std::int64_t arrived_ms, const WorkingCalendar& calendar);

}  // namespace oppenvard::core
