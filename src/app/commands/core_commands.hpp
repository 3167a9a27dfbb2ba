#pragma once

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string_view>

#include "core/calendar.hpp"

namespace oppenvard::app::commands {

// Each function is one CLI subcommand: it writes its result to `out`, problems to `err`, and
// returns the process exit code (0 done, 1 a valid question with a negative answer, 2 bad
// usage).

// `calendar holidays YEAR`: one line per Swedish day off, "YYYY-MM-DD<TAB>name".
int run_calendar_holidays(std::string_view year, std::ostream& out, std::ostream& err);

// `calendar due ARRIVED`: when a patient message that arrived at ARRIVED (RFC 3339) must be
// answered, in RFC 3339 with the Stockholm offset.
int run_calendar_due(std::string_view arrived, const core::WorkingCalendar& calendar,
                     std::ostream& out, std::ostream& err);

// `id check VALUE [--on YYYY-MM-DD]`: validates a personnummer or samordningsnummer as of
// `on` (default: today in Stockholm). Valid: exit 0 and
// "<12 digits><TAB><kind><TAB><birth date><TAB><sex>". Invalid: exit 1 and "invalid: <reason>"
// on `err`, never echoing the value (it is patient data). A bad `on`: exit 2.
int run_id_check(std::string_view value, std::optional<std::string_view> on, std::int64_t now_ms,
                 std::ostream& out, std::ostream& err);

}  // namespace oppenvard::app::commands
