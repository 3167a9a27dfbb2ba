#pragma once
// Routes of video meetings: open, readiness, join, the waiting room (admit, reject, identify),
// guests by link, the confidentiality assessment, signaling and chat relay, ICE servers, the
// meeting's realtime grant, the phone reserve, and the unit manager's staff records. Guests
// act with `X-Meeting-Token` instead of a session.
#include "http/router.hpp"
#include "identity/service.hpp"
#include "identity/topic_grants.hpp"
#include "meetings/service.hpp"

namespace oppenvard::meetings {

void register_routes(http::Router& router, Service& service, identity::Service& identity,
                     const identity::TopicGrants& grants);

}  // namespace oppenvard::meetings
