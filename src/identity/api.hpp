#pragma once
#include <initializer_list>
#include <string>

#include "http/message.hpp"
#include "http/router.hpp"
#include "identity/service.hpp"

namespace oppenvard::identity {

void register_routes(http::Router& router, Service& service);

// The person behind a request (session cookie; CSRF token on unsafe methods), or a 401/403
// problem. Every capability's handler that touches personal data starts here.
Principal authenticate(Service& service, const http::Request& request);
// The same with the client's address, as the capabilities' services take it.
Caller caller_of(Service& service, const http::Request& request);

// Care-unit scope (inner confidentiality, PDL 4:1): the staff member behind the request holds
// one of `roles` at `care_unit_id`, or a 403 (401 without a session). Region administrators
// hold no care-unit role, so they never pass: they configure, they do not read patient data.
Principal require_role_at(Service& service, const http::Request& request,
                          const std::string& care_unit_id, std::initializer_list<StaffRole> roles);

}  // namespace oppenvard::identity
