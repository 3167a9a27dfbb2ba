#pragma once
// Pure rules of notifications: the built-in templates, the check that keeps templates free of
// anything sensitive (N1), rendering, addresses, who decides for a child (N2), retry back-off,
// quiet hours and the reminder schedule of an appointment. No I/O.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "notify/model.hpp"

namespace oppenvard::notify {

// The text every installation starts with: content-free, like 1177's ("you have a new
// message", "do not reply"); booking messages carry date and time only.
Template default_template(Event event, Channel channel, Language language);

// Why a template is refused; nullopt when it may be used. `detail` names the offending
// placeholder or word class, never echoes a clinic name back into logs.
struct TemplateProblem {
  std::string code;  // forbidden_placeholder | unknown_placeholder | sensitive_word |
                     // clinic_name | empty | too_long | unbalanced_braces
  std::string detail;
};
// Placeholders allowed: {date}, {time}, {link}. Named placeholders that could carry a clinic,
// a person, a reason or free text are refused with their own message; so are diagnosis and
// clinic-kind words, and any of `clinic_names` (a template never names a clinic).
std::optional<TemplateProblem> check_template(std::string_view text,
                                              const std::vector<std::string>& clinic_names);

struct RenderValues {
  std::string date;  // "tisdag 1 december" / "Tuesday 1 December"
  std::string time;  // "13:00"
  std::string link;  // the service's address
};
std::string render(std::string_view text, const RenderValues& values);
// Date and time of an appointment in Stockholm, in the message's language.
RenderValues values_for(std::int64_t starts_at_ms, Language language, std::string link);

// A Swedish mobile number in E.164 (+467…) from "070-123 45 67", "+46 70 123 45 67", …;
// nullopt when it is not one.
std::optional<std::string> normalize_mobile(std::string_view text);
bool valid_email(std::string_view text);
std::optional<std::string> normalize_address(Channel channel, std::string_view text);

// N2 and DOMAIN: guardians decide for children under 13.
bool guardian_decides(int age_years);

// Exponential back-off with jitter: attempt 1 waits about 30 s, doubling to at most an hour;
// `jitter` in [0, 1) spreads retries between 50 % and 100 % of that.
std::int64_t retry_delay_ms(int attempt, double jitter);
inline constexpr int kMaxAttempts = 8;

// Quiet hours (local time, minutes after midnight; start > end wraps midnight). A message
// that is not urgent and falls inside them is moved to their end.
struct QuietHours {
  int start_minute = 21 * 60;
  int end_minute = 7 * 60;
};
std::int64_t outside_quiet_hours(std::int64_t at_ms, const QuietHours& quiet);

// The reminders of an appointment booked at `now`: the confirmation now, the morning of the
// visit at `morning_minute` local time (if that is still ahead and not the booking's own
// moment), and for video meetings 15 minutes before.
struct Reminder {
  Event event;
  std::int64_t due_at_ms;
  bool urgent;
};
std::vector<Reminder> appointment_reminders(std::int64_t starts_at_ms, bool video,
                                            std::int64_t now_ms, int morning_minute = 7 * 60);

}  // namespace oppenvard::notify
