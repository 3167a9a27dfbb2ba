#pragma once
// Public, data-free endpoints: the OpenAPI document and the Swedish calendar
// (days off and the answer clock), so clients show the same dates the server uses.
#include "core/calendar.hpp"
#include "http/router.hpp"

namespace oppenvard::app {

void register_public_routes(http::Router& router, const core::WorkingCalendar& calendar);

}  // namespace oppenvard::app
