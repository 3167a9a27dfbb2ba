#pragma once
// Routes of booking: appointment types, opening hours, slots, absences, appointments (book,
// cancel, rebook, arrival and no-show), iCalendar files, the staff calendar and the
// suitability records. The same routes serve the region's patient-administration system (B1).
#include "booking/service.hpp"
#include "http/router.hpp"
#include "identity/service.hpp"

namespace oppenvard::booking {

void register_routes(http::Router& router, Service& service, identity::Service& identity);

}  // namespace oppenvard::booking
