#pragma once
// Routes of notifications: consents (patients, guardians, staff), the clinic's SMS switch,
// templates, the outbox's dead letters, gateway delivery reports, and the staff notification
// centre with its preferences.
#include "http/router.hpp"
#include "identity/service.hpp"
#include "notify/service.hpp"

namespace oppenvard::notify {

void register_routes(http::Router& router, Service& service, identity::Service& identity);

}  // namespace oppenvard::notify
