#pragma once
// iCalendar (RFC 5545) invitations for appointments: METHOD:REQUEST while booked (the same UID
// with a higher SEQUENCE after a rebooking), METHOD:CANCEL once cancelled. The text reveals no
// reason for the visit, no clinic name and no person's name (N1): only that it is a care
// appointment, its channel and where to read more after logging in.
#include <cstdint>
#include <string>

#include "booking/model.hpp"

namespace oppenvard::booking {

std::string appointment_ics(const Appointment& appointment, std::int64_t now_ms,
                            const std::string& details_url);

}  // namespace oppenvard::booking
