#include "http/metrics.hpp"

#include <gtest/gtest.h>

namespace oppenvard::http {
namespace {

TEST(Metrics, CountsRequestsPerRouteAndStatusClass) {
  Metrics m(std::vector<Metrics::Label>{{"GET", "/api/v1/clinics"}, {"GET", "/healthz"}});
  m.observe(0, 200, 0.002);
  m.observe(0, 200, 0.004);
  m.observe(0, 404, 0.0001);
  const std::string text = m.render();
  EXPECT_NE(
      text.find(
          "oppenvard_http_requests_total{method=\"GET\",route=\"/api/v1/clinics\",code=\"2xx\"} 2"),
      std::string::npos)
      << text;
  EXPECT_NE(
      text.find(
          "oppenvard_http_requests_total{method=\"GET\",route=\"/api/v1/clinics\",code=\"4xx\"} 1"),
      std::string::npos);
  // Routes with no traffic are not listed.
  EXPECT_EQ(text.find("route=\"/healthz\""), std::string::npos);
}

TEST(Metrics, HistogramBucketsAreCumulative) {
  Metrics m(std::vector<Metrics::Label>{{"GET", "/x"}});
  m.observe(0, 200, 0.0004);  // ≤ 0.0005
  m.observe(0, 200, 0.003);   // ≤ 0.005
  m.observe(0, 200, 7.0);     // only +Inf
  const std::string text = m.render();
  const std::string prefix =
      "oppenvard_http_request_duration_seconds_bucket{method=\"GET\",route=\"/x\",le=";
  EXPECT_NE(text.find(prefix + "\"0.0005\"} 1"), std::string::npos) << text;
  EXPECT_NE(text.find(prefix + "\"0.0025\"} 1"), std::string::npos);
  EXPECT_NE(text.find(prefix + "\"0.005\"} 2"), std::string::npos);
  EXPECT_NE(text.find(prefix + "\"5\"} 2"), std::string::npos);
  EXPECT_NE(text.find(prefix + "\"+Inf\"} 3"), std::string::npos);
  EXPECT_NE(
      text.find("oppenvard_http_request_duration_seconds_count{method=\"GET\",route=\"/x\"} 3"),
      std::string::npos);
}

TEST(Metrics, EveryFamilyHasHelpAndType) {
  Metrics m(std::vector<Metrics::Label>{{"GET", "/x"}});
  m.observe(0, 200, 0.01);
  const std::string text = m.render();
  for (const char* family :
       {"oppenvard_http_requests_total", "oppenvard_http_request_duration_seconds",
        "oppenvard_websocket_connections", "oppenvard_http_connections"}) {
    EXPECT_NE(text.find(std::string("# HELP ") + family + " "), std::string::npos) << family;
    EXPECT_NE(text.find(std::string("# TYPE ") + family + " "), std::string::npos) << family;
  }
}

TEST(Metrics, LabelValuesAreEscaped) {
  Metrics m(std::vector<Metrics::Label>{{"GET", "/a\"b\\c"}});
  m.observe(0, 500, 0.01);
  EXPECT_NE(m.render().find("route=\"/a\\\"b\\\\c\""), std::string::npos);
}

}  // namespace
}  // namespace oppenvard::http
