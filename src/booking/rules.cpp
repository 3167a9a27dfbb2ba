#include "booking/rules.hpp"

#include "core/time.hpp"

namespace oppenvard::booking {

std::optional<Error> check_opening_hours(const OpeningHours& h, int minutes) {
  if (minutes < 5 || minutes > 480) return Error::bad_hours;
  if (h.weekday < 1 || h.weekday > 7) return Error::bad_hours;
  if (h.start_minute < 0 || h.end_minute > 24 * 60 || h.start_minute + minutes > h.end_minute) {
    return Error::bad_hours;
  }
  const auto from = core::parse_date(h.valid_from);
  if (!from) return Error::bad_hours;
  if (h.valid_to) {
    const auto to = core::parse_date(*h.valid_to);
    if (!to || date::sys_days(*to) < date::sys_days(*from)) return Error::bad_hours;
  }
  return std::nullopt;
}

std::vector<TimeRange> generate_slots(const OpeningHours& h, int minutes,
                                      date::year_month_day first, date::year_month_day last,
                                      const core::WorkingCalendar& calendar) {
  std::vector<TimeRange> slots;
  if (check_opening_hours(h, minutes)) return slots;
  const auto valid_from = date::sys_days(*core::parse_date(h.valid_from));
  // No end date: valid through the last day asked for.
  const auto valid_to =
      h.valid_to ? date::sys_days(*core::parse_date(*h.valid_to)) : date::sys_days(last);
  for (auto day = date::sys_days(first); day <= date::sys_days(last); day += date::days(1)) {
    if (day < valid_from || day > valid_to) continue;
    if (static_cast<int>(date::weekday(day).iso_encoding()) != h.weekday) continue;
    const date::year_month_day ymd(day);
    if (calendar.day_off_name(ymd)) continue;  // holidays; weekends only if the hours say so
    for (int m = h.start_minute; m + minutes <= h.end_minute; m += minutes) {
      slots.push_back(
          {core::stockholm_local_time_ms(ymd, m), core::stockholm_local_time_ms(ymd, m + minutes)});
    }
  }
  return slots;
}

std::optional<Error> check_type(const AppointmentType& t) {
  if (t.minutes < 5 || t.minutes > 480) return Error::bad_hours;
  if (t.self_bookable && t.channel != Channel::in_person) return Error::self_booking_in_person;
  return std::nullopt;
}

bool suitability_required(Channel channel) {
  return channel != Channel::in_person;
}

bool maturity_assessment_required(Channel channel, const std::string& birth_date,
                                  std::int64_t start_ms, bool disability_flag) {
  if (channel == Channel::in_person || !disability_flag) return false;
  const auto born = core::parse_date(birth_date);
  if (!born) return true;  // unknown age: assess rather than assume
  const auto on = core::stockholm_date(start_ms);
  // 18th birthday (29 Feb → 1 Mar in common years).
  const date::year adult = born->year() + date::years(18);
  date::year_month_day eighteen = adult / born->month() / born->day();
  if (!eighteen.ok()) eighteen = adult / date::March / 1;
  return date::sys_days(on) < date::sys_days(eighteen);
}

std::optional<Error> check_patient_cancel(const Appointment& a, std::int64_t now_ms,
                                          std::int64_t limit_ms) {
  if (a.status != AppointmentStatus::booked) return Error::not_booked;
  if (now_ms > a.start_ms - limit_ms) return Error::too_late_to_cancel;
  return std::nullopt;
}

std::optional<Error> check_staff_cancel(const Appointment& a) {
  if (a.status != AppointmentStatus::booked) return Error::not_booked;
  return std::nullopt;
}

std::optional<Error> check_arrived(const Appointment& a, std::int64_t now_ms) {
  if (a.status != AppointmentStatus::booked) return Error::not_booked;
  if (now_ms < a.start_ms - 3'600'000) return Error::not_started;
  return std::nullopt;
}

std::optional<Error> check_no_show(const Appointment& a, std::int64_t now_ms) {
  if (a.status != AppointmentStatus::booked) return Error::not_booked;
  if (now_ms < a.start_ms) return Error::not_started;
  return std::nullopt;
}

std::optional<Error> check_bookable(const Slot& slot, std::int64_t now_ms) {
  if (!slot.free) return Error::slot_taken;
  if (slot.start_ms <= now_ms) return Error::slot_in_past;
  return std::nullopt;
}

}  // namespace oppenvard::booking
