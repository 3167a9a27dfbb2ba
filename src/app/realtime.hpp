#pragma once
// Who may listen to which realtime topic. Public topics are open to every connection; a
// private topic ("unit:<id>", "case:<id>") needs a grant from POST /api/v1/realtime/grants,
// which asks the capability that owns the topic.
#include <functional>
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "http/hub.hpp"
#include "http/router.hpp"
#include "identity/service.hpp"
#include "identity/topic_grants.hpp"

namespace oppenvard::app {

// May this person listen to this (private) topic? Blocking: may read the database.
using TopicAuthorizer =
    std::function<bool(const identity::Principal& principal, const std::string& topic)>;

bool public_topic(std::string_view topic);

http::Hub::TopicPolicy topic_policy(const identity::TopicGrants& grants, const core::Clock& clock);

void register_realtime_routes(http::Router& router, identity::Service& identity,
                              const identity::TopicGrants& grants, const core::Clock& clock,
                              TopicAuthorizer authorizer);

}  // namespace oppenvard::app
