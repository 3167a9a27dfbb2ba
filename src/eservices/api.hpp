#pragma once
// Routes of the e-services: forms, cases and threads, the unit inbox, absence, documentation
// support, attachments, clinic administration of the catalogue and follow-up.
#include "eservices/service.hpp"
#include "http/router.hpp"
#include "identity/service.hpp"

namespace oppenvard::eservices {

void register_routes(http::Router& router, Service& service, identity::Service& identity);

}  // namespace oppenvard::eservices
