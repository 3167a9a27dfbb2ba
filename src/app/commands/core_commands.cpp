#include "app/commands/core_commands.hpp"

#include <ostream>
#include <stdexcept>

#include "core/personal_id.hpp"
#include "core/time.hpp"

namespace oppenvard::app::commands {
namespace {

constexpr int exit_ok = 0;
constexpr int exit_invalid = 1;
constexpr int exit_usage = 2;

// A year written as exactly four digits, within the calendar's years.
std::optional<int> parse_year(std::string_view text) {
  if (text.size() != 4) return std::nullopt;
  int year = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    year = year * 10 + (c - '0');
  }
  if (year < core::first_calendar_year || year > core::last_calendar_year) return std::nullopt;
  return year;
}

}  // namespace

int run_calendar_holidays(std::string_view year_text, std::ostream& out, std::ostream& err) {
  const std::optional<int> year = parse_year(year_text);
  if (!year) {
    err << "error: YEAR must be a year from " << core::first_calendar_year << " to "
        << core::last_calendar_year << "\n";
    return exit_usage;
  }
  for (const core::DayOff& day : core::days_off(*year)) {
    out << core::format_date(day.day) << '\t' << day.name << '\n';
  }
  return exit_ok;
}

int run_calendar_due(std::string_view arrived, const core::WorkingCalendar& calendar,
                     std::ostream& out, std::ostream& err) {
  const std::optional<std::int64_t> arrived_ms = core::parse_rfc3339(arrived);
  if (!arrived_ms) {
    err << "error: ARRIVED must be an RFC 3339 date-time such as 2026-12-23T10:15:00+01:00\n";
    return exit_usage;
  }
  std::int64_t due_ms = 0;
  try {
    due_ms = core::answer_deadline_ms(*arrived_ms, calendar);
  } catch (const std::out_of_range&) {
    err << "error: the calendar covers " << core::first_calendar_year << " to "
        << core::last_calendar_year << "; ARRIVED and its deadline must fall within it\n";
    return exit_usage;
  }
  out << core::format_rfc3339_stockholm(due_ms) << '\n';
  return exit_ok;
}

int run_id_check(std::string_view value, std::optional<std::string_view> on, std::int64_t now_ms,
                 std::ostream& out, std::ostream& err) {
  date::year_month_day reference{};
  if (on) {
    const std::optional<date::year_month_day> parsed = core::parse_date(*on);
    if (!parsed) {
      err << "error: --on must be a date written YYYY-MM-DD\n";
      return exit_usage;
    }
    reference = *parsed;
  } else {
    reference = core::stockholm_date(now_ms);
  }

  const auto result = core::parse_personal_id(value, reference);
  if (!result) {
    err << "invalid: " << core::describe(result.error()) << '\n';
    return exit_invalid;
  }
  const core::PersonalId& id = result.value();
  out << id.digits << '\t' << core::to_string(id.kind) << '\t' << core::format_date(id.birth_date)
      << '\t' << core::to_string(id.sex) << '\n';
  return exit_ok;
}

}  // namespace oppenvard::app::commands
