#pragma once
// Pure decisions of booking: slots from opening hours on the Swedish calendar, who may book,
// cancel or mark what and when, the suitability gates (S1, C3, C4). No I/O.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "booking/model.hpp"
#include "core/calendar.hpp"

namespace oppenvard::booking {

struct TimeRange {
  std::int64_t start_ms = 0;
  std::int64_t end_ms = 0;
  bool operator==(const TimeRange&) const = default;
};

// Opening hours must fit a day and hold at least one slot of `minutes` (5–480).
std::optional<Error> check_opening_hours(const OpeningHours& hours, int minutes);

// The slots the opening hours give on the local days [first, last]: each day of the weekday,
// within the validity, that is not a national or regional day off, cut into consecutive slots
// of `minutes` (Stockholm local time, so 08:00 stays 08:00 across the clock changes).
std::vector<TimeRange> generate_slots(const OpeningHours& hours, int minutes,
                                      date::year_month_day first, date::year_month_day last,
                                      const core::WorkingCalendar& calendar);

// Self-bookable types are visits at the clinic: a video or phone appointment needs the booking
// staff member's suitability assessment (S1, C4), which a patient cannot make.
std::optional<Error> check_type(const AppointmentType& type);

// S1/C4: video and phone appointments need the four principles confirmed by the booking staff
// member; in-person visits do not.
bool suitability_required(Channel channel);

// C3: a digital appointment for a patient under 18 (on the day of the appointment) flagged
// with a disability needs a recorded maturity and ability assessment that found it suitable.
bool maturity_assessment_required(Channel channel, const std::string& birth_date,
                                  std::int64_t start_ms, bool disability_flag);

// The patient cancels or rebooks up to `limit_ms` before the start; later it is the clinic's
// decision (and a no-show if they do not come, B2/F3).
std::optional<Error> check_patient_cancel(const Appointment& a, std::int64_t now_ms,
                                          std::int64_t limit_ms);
std::optional<Error> check_staff_cancel(const Appointment& a);

// Staff register arrival from an hour before the start, and a no-show once it has started.
std::optional<Error> check_arrived(const Appointment& a, std::int64_t now_ms);
std::optional<Error> check_no_show(const Appointment& a, std::int64_t now_ms);

// A slot may be booked when it is free and starts in the future.
std::optional<Error> check_bookable(const Slot& slot, std::int64_t now_ms);

}  // namespace oppenvard::booking
