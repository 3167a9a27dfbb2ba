#include "app/realtime.hpp"

#include <boost/json.hpp>

#include "core/time.hpp"
#include "http/json_body.hpp"
#include "http/problem.hpp"
#include "identity/api.hpp"

namespace oppenvard::app {

bool public_topic(std::string_view topic) {
  return topic == "system" || topic.starts_with("public:");
}

http::Hub::TopicPolicy topic_policy(const identity::TopicGrants& grants, const core::Clock& clock) {
  return [&grants, &clock](std::string_view topic, std::string_view grant) {
    return public_topic(topic) || grants.verify(topic, grant, clock.now_ms());
  };
}

void register_realtime_routes(http::Router& router, identity::Service& identity,
                              const identity::TopicGrants& grants, const core::Clock& clock,
                              TopicAuthorizer authorizer) {
  router.add(
      "POST", "/api/v1/realtime/grants",
      [&identity, &grants, &clock, authorizer](http::Request& request) {
        const auto principal = identity::authenticate(identity, request);
        const auto body = http::parse_json_object(request);
        std::vector<std::string> topics;
        const auto* list = body.if_contains("topics");
        bool valid = list != nullptr && list->is_array() && !list->as_array().empty() &&
                     list->as_array().size() <= 20 && body.size() == 1;
        if (valid) {
          for (const auto& t : list->as_array()) {
            if (!t.is_string() || !http::valid_topic(t.get_string())) {
              valid = false;
              break;
            }
            topics.emplace_back(t.get_string());
          }
        }
        if (!valid) {
          throw http::Problem(http::ProblemKind::invalid_field, "Send {\"topics\": [1–20 topics]}.",
                              {{"/topics", "must be an array of 1–20 topic names"}});
        }
        const auto now = clock.now_ms();
        boost::json::array granted;
        for (const auto& topic : topics) {
          if (!public_topic(topic) && !authorizer(principal, topic)) {
            throw http::Problem(http::ProblemKind::forbidden,
                                "You may not listen to one of the topics.");
          }
          granted.push_back({{"topic", topic}, {"grant", grants.issue(topic, now)}});
        }
        return http::Response::json(boost::json::object{
            {"grants", std::move(granted)},
            {"expires_at", core::format_rfc3339_utc(now + identity::TopicGrants::kLifetimeMs)}});
      });
}

}  // namespace oppenvard::app
