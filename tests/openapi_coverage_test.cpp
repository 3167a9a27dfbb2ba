// docs/openapi.yaml must describe every route the server answers: the test fails as soon
// as a route is added without documenting it (or documentation names a route that is gone).
#include <gtest/gtest.h>
#include <boost/json.hpp>

#include <algorithm>
#include <cctype>

#include "app/application.hpp"
#include "db/testing.hpp"
#include "http/server.hpp"

namespace oppenvard::app {
namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

TEST(OpenApi, EveryRouteIsDocumentedAndEveryDocumentedRouteExists) {
  db::testing::ScratchDatabase scratch("sqlite");
  Config config;
  config.database_url = scratch.url();
  config.demo = true;  // demo-only routes must be documented too
  Application application(config);
  // The server adds its own operational routes (/healthz, /readyz, /metrics).
  http::Server server(http::ServerConfig{}, application.router(), application.hub(),
                      [] { return true; });
  const auto doc = boost::json::parse(openapi_json()).as_object();
  EXPECT_EQ(doc.at("openapi"), "3.1.0");
  const auto& paths = doc.at("paths").as_object();
  std::set<std::string> routed;
  for (const auto& route : application.router().routes()) {
    routed.insert(lower(route.method) + " " + route.pattern);
    const auto* item = paths.if_contains(route.pattern);
    ASSERT_NE(item, nullptr) << route.pattern << " is missing from docs/openapi.yaml";
    EXPECT_TRUE(item->as_object().contains(lower(route.method)))
        << route.method << " " << route.pattern << " is missing from docs/openapi.yaml";
  }
  routed.insert("get /api/v1/ws");  // the WebSocket upgrade is served outside the router
  for (const auto& [path, item] : paths) {
    for (const auto& [method, operation] : item.as_object()) {
      EXPECT_TRUE(routed.contains(std::string(method) + " " + std::string(path)))
          << method << " " << path << " is documented but not served";
    }
  }
}

}  // namespace
}  // namespace oppenvard::app
