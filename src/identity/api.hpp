#pragma once
#include "http/message.hpp"
#include "http/router.hpp"
#include "identity/service.hpp"

namespace oppenvard::identity {

void register_routes(http::Router& router, Service& service);

// The person behind a request (session cookie; CSRF token on unsafe methods), or a 401/403
// problem. Every capability's handler that touches personal data starts here.
Principal authenticate(Service& service, const http::Request& request);

}  // namespace oppenvard::identity
