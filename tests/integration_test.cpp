// The real binary on a free port: what an integrator or a browser sees.
#include <gtest/gtest.h>
#include <boost/json.hpp>

#include <cstdlib>
#include <iostream>
#include <set>
#include <thread>

#include "identity/totp.hpp"
#include "support/client.hpp"
#include "support/server_process.hpp"

namespace oppenvard::testing {
namespace {

using namespace std::chrono_literals;

class ServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    // A start that fails is reported by SetUp as a failure with the server's output (a
    // failure here would only mark the tests skipped). One retry absorbs a machine that is
    // briefly too busy.
    for (int attempt = 0; attempt < 2 && server_ == nullptr; ++attempt) {
      try {
        server_ = new ServerProcess(
            {{"OPPENVARD_READ_TIMEOUT_MS", "700"}, {"OPPENVARD_MAX_BODY_BYTES", "65536"}});
      } catch (const std::exception& e) {
        startup_error_ += std::string(e.what()) + "\n";
      }
    }
  }
  void SetUp() override {
    if (server_ == nullptr) FAIL() << "the server did not start:\n" << startup_error_;
    if (!startup_error_.empty()) std::cerr << "first start failed:\n" << startup_error_;
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static unsigned short port() { return server_->port(); }
  static HttpResult get(const std::string& target) { return http_request(port(), "GET", target); }
  static HttpResult post_json(const std::string& target, const std::string& body,
                              const std::string& type = "application/json") {
    return http_request(port(), "POST", target, body, {{"Content-Type", type}});
  }
  static ServerProcess* server_;
  static std::string startup_error_;
};
ServerProcess* ServerTest::server_ = nullptr;
std::string ServerTest::startup_error_;

void expect_problem(const HttpResult& r, int status, const std::string& slug) {
  EXPECT_EQ(r.status, status) << r.body;
  EXPECT_EQ(r.header("content-type"), "application/problem+json") << r.body;
  const auto body = r.json().as_object();
  EXPECT_EQ(body.at("type").as_string(), "urn:oppenvard:problem:" + slug) << r.body;
  EXPECT_EQ(body.at("status"), status);
  EXPECT_TRUE(body.at("title").is_string());
}

TEST_F(ServerTest, HealthAndReadiness) {
  const auto health = get("/healthz");
  EXPECT_EQ(health.status, 200);
  EXPECT_EQ(health.json().at("status"), "ok");
  const auto ready = get("/readyz");
  EXPECT_EQ(ready.status, 200);
  EXPECT_EQ(ready.json().at("status"), "ready");
}

TEST_F(ServerTest, DirectoryListsTheFourDemoClinicsWithTheirEServices) {
  const auto r = get("/api/v1/clinics");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.header("content-type"), "application/json");
  const auto body = r.json().as_object();
  std::set<std::string> names;
  for (const auto& c : body.at("items").as_array()) {
    names.insert(std::string(c.at("name").as_string()));
    EXPECT_GE(c.at("eservices").as_array().size(), 5u);
  }
  EXPECT_EQ(names,
            (std::set<std::string>{
                "Barn- och ungdomshabiliteringen Älvstaden", "Hemtjänsten Norra Lunden",
                "Psykiatriska öppenvårdsmottagningen Ekbacken", "Vårdcentralen Björkdalen"}));
  EXPECT_TRUE(body.at("next_cursor").is_null());
}

TEST_F(ServerTest, OneClinicByIdAndNotFoundAsProblem) {
  const auto list = get("/api/v1/clinics?q=bj%C3%B6rkdalen").json();
  ASSERT_EQ(list.at("items").as_array().size(), 1u);
  const std::string id(list.at("items").at(0).at("id").as_string());
  const auto one = get("/api/v1/clinics/" + id);
  ASSERT_EQ(one.status, 200);
  const auto clinic = one.json().as_object();
  EXPECT_EQ(clinic.at("name"), "Vårdcentralen Björkdalen");
  EXPECT_EQ(clinic.at("kind"), "primary_care");
  EXPECT_EQ(clinic.at("address").at("city"), "Göteborg");
  // The eight basic services and the clinic's own diabetes-nurse form.
  int basic = 0;
  bool custom = false;
  for (const auto& e : clinic.at("eservices").as_array()) {
    if (e.at("category") == "basic") ++basic;
    if (e.at("code") == "bjorkdalen_diabetes_nurse") custom = true;
  }
  EXPECT_EQ(basic, 8);
  EXPECT_TRUE(custom);
  expect_problem(get("/api/v1/clinics/0190a000-0000-7000-8000-999999999999"), 404, "not-found");
  expect_problem(get("/api/v1/clinics/not-an-id"), 404, "not-found");
}

TEST_F(ServerTest, NotApplicableServicesCarryTheirReason) {
  const auto list = get("/api/v1/clinics?q=habilitering").json();
  ASSERT_EQ(list.at("items").as_array().size(), 1u);
  bool found = false;
  for (const auto& e : list.at("items").at(0).at("eservices").as_array()) {
    if (e.at("code") == "renew_prescription") {
      found = true;
      EXPECT_EQ(e.at("status"), "not_applicable");
      EXPECT_TRUE(e.at("reason").is_string());
    }
  }
  EXPECT_TRUE(found);
}

TEST_F(ServerTest, PagingWithCursorsVisitsEveryClinicOnce) {
  std::vector<std::string> ids;
  std::string target = "/api/v1/clinics?limit=1";
  for (int i = 0; i < 10; ++i) {
    const auto page = get(target).json().as_object();
    for (const auto& c : page.at("items").as_array()) ids.emplace_back(c.at("id").as_string());
    if (page.at("next_cursor").is_null()) break;
    target = "/api/v1/clinics?limit=1&cursor=" + std::string(page.at("next_cursor").as_string());
  }
  EXPECT_EQ(ids.size(), 4u);
  EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()).size(), 4u);
}

TEST_F(ServerTest, WrongQueryParametersAreInvalidFields) {
  const auto r = get("/api/v1/clinics?limit=abc");
  expect_problem(r, 422, "invalid-field");
  EXPECT_EQ(r.json().at("errors").at(0).at("field"), "limit");
  expect_problem(get("/api/v1/clinics?limit=0"), 422, "invalid-field");
  expect_problem(get("/api/v1/clinics?cursor=zz"), 422, "invalid-field");
}

TEST_F(ServerTest, AnswerDeadlineFollowsTheSwedishCalendar) {
  const auto r =
      post_json("/api/v1/calendar/answer-deadline", R"({"arrived":"2026-12-23T10:00:00+01:00"})");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json().at("due"), "2026-12-29T23:59:59+01:00");
  const auto dst =
      post_json("/api/v1/calendar/answer-deadline", R"({"arrived":"2026-03-29T22:30:00Z"})");
  EXPECT_EQ(dst.json().at("due"), "2026-04-01T23:59:59+02:00");
  const auto days = get("/api/v1/calendar/days-off?year=2026").json();
  EXPECT_EQ(days.at("days_off").at(0).at("date"), "2026-01-01");
}

TEST_F(ServerTest, MalformedJsonIsA400Problem) {
  expect_problem(post_json("/api/v1/calendar/answer-deadline", R"({"arrived":)"), 400,
                 "malformed-json");
}

TEST_F(ServerTest, WrongTypesAndUnknownFieldsAreNamed) {
  const auto r = post_json("/api/v1/calendar/answer-deadline", R"({"arrived":5,"extra":true})");
  expect_problem(r, 422, "invalid-field");
  std::set<std::string> fields;
  const auto body = r.json();
  for (const auto& e : body.at("errors").as_array()) {
    fields.insert(std::string(e.at("field").as_string()));
  }
  EXPECT_EQ(fields, (std::set<std::string>{"/arrived", "/extra"}));
  expect_problem(post_json("/api/v1/calendar/answer-deadline", R"({"arrived":"yesterday"})"), 422,
                 "invalid-field");
  expect_problem(post_json("/api/v1/calendar/answer-deadline", "[]"), 422, "invalid-field");
}

TEST_F(ServerTest, WrongContentTypeIs415) {
  expect_problem(post_json("/api/v1/calendar/answer-deadline", "arrived=now",
                           "application/x-www-form-urlencoded"),
                 415, "unsupported-media-type");
}

TEST_F(ServerTest, UnknownRoutesAndMethods) {
  expect_problem(get("/api/v1/nothing-here"), 404, "not-found");
  const auto r = http_request(port(), "DELETE", "/api/v1/clinics");
  expect_problem(r, 405, "method-not-allowed");
  EXPECT_EQ(r.header("allow"), "GET");
}

TEST_F(ServerTest, TooLargeBodyIs413AndTheServerKeepsServing) {
  const std::string big(200 * 1024, 'x');
  const auto answer =
      raw_exchange(port(),
                   "POST /api/v1/calendar/answer-deadline HTTP/1.1\r\nHost: x\r\nContent-Type: "
                   "application/json\r\nContent-Length: " +
                       std::to_string(big.size()) + "\r\n\r\n" + big,
                   5s);
  EXPECT_NE(answer.find("HTTP/1.1 413"), std::string::npos) << answer.substr(0, 200);
  EXPECT_NE(answer.find("urn:oppenvard:problem:payload-too-large"), std::string::npos);
  EXPECT_EQ(get("/healthz").status, 200);
}

TEST_F(ServerTest, TooLargeHeadersAre431) {
  const auto answer = raw_exchange(
      port(),
      "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(32 * 1024, 'a') + "\r\n\r\n", 5s);
  EXPECT_NE(answer.find("HTTP/1.1 431"), std::string::npos) << answer.substr(0, 200);
  EXPECT_NE(answer.find("urn:oppenvard:problem:headers-too-large"), std::string::npos);
}

TEST_F(ServerTest, ARequestThatNeverCompletesTimesOutWith408) {
  const auto answer =
      raw_exchange(port(), "POST /api/v1/calendar/answer-deadline HTTP/1.1\r\nHost: x\r\n", 5s);
  EXPECT_NE(answer.find("HTTP/1.1 408"), std::string::npos) << answer;
  EXPECT_NE(answer.find("urn:oppenvard:problem:request-timeout"), std::string::npos);
}

TEST_F(ServerTest, GarbageIsA400Problem) {
  const auto answer = raw_exchange(port(), "HELLO THERE\r\n\r\n", 5s);
  EXPECT_NE(answer.find("HTTP/1.1 400"), std::string::npos) << answer;
  EXPECT_NE(answer.find("application/problem+json"), std::string::npos);
}

TEST_F(ServerTest, SecurityHeadersOnApiAndPages) {
  for (const auto& r : {get("/api/v1/clinics"), get("/"), get("/api/v1/nothing")}) {
    EXPECT_NE(r.header("content-security-policy").find("frame-ancestors 'none'"),
              std::string::npos);
    EXPECT_NE(r.header("content-security-policy").find("script-src 'self'"), std::string::npos);
    EXPECT_EQ(r.header("x-content-type-options"), "nosniff");
    EXPECT_EQ(r.header("referrer-policy"), "no-referrer");
    EXPECT_FALSE(r.header("x-request-id").empty());
  }
  EXPECT_EQ(get("/api/v1/clinics").header("cache-control"), "no-store");
}

TEST_F(ServerTest, TheSinglePageAppIsServedWithIndexFallback) {
  const auto index = get("/");
  ASSERT_EQ(index.status, 200);
  EXPECT_EQ(index.header("content-type"), "text/html; charset=utf-8");
  EXPECT_NE(index.body.find("<div id=\"app\""), std::string::npos) << index.body.substr(0, 300);
  const auto deep = get("/mottagningar/0190a000-0000-7000-8000-000000000011");
  EXPECT_EQ(deep.status, 200);
  EXPECT_EQ(deep.body, index.body);
  EXPECT_EQ(get("/assets/does-not-exist.js").status, 404);
  const auto again =
      http_request(port(), "GET", "/", "", {{"If-None-Match", index.header("etag")}});
  EXPECT_EQ(again.status, 304);
}

TEST_F(ServerTest, MetricsCountRequestsPerRoute) {
  get("/api/v1/clinics");
  get("/api/v1/clinics");
  const auto r = get("/metrics");
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.header("content-type").find("text/plain"), std::string::npos);
  const std::string line =
      "oppenvard_http_requests_total{method=\"GET\",route=\"/api/v1/clinics\",code=\"2xx\"} ";
  const auto at = r.body.find(line);
  ASSERT_NE(at, std::string::npos) << r.body;
  EXPECT_GE(std::stoi(r.body.substr(at + line.size())), 2);
  EXPECT_NE(r.body.find("oppenvard_http_request_duration_seconds_bucket{method=\"GET\",route=\"/"
                        "api/v1/clinics\",le=\"+Inf\"}"),
            std::string::npos);
  // Raw paths never become labels: ids could be personal data.
  get("/api/v1/clinics/0190a000-0000-7000-8000-000000000011");
  EXPECT_EQ(get("/metrics").body.find("000000000011"), std::string::npos);
}

TEST_F(ServerTest, OpenApiDocumentIsServed) {
  const auto r = get("/api/v1/openapi.json");
  ASSERT_EQ(r.status, 200);
  const auto doc = r.json().as_object();
  EXPECT_EQ(doc.at("openapi"), "3.1.0");
  EXPECT_TRUE(doc.at("paths").as_object().contains("/api/v1/clinics/{id}"));
}

TEST_F(ServerTest, WebSocketPingPongAndTopics) {
  WebSocketClient ws(port(), "/api/v1/ws");
  auto hello = ws.receive_json(5s);
  ASSERT_TRUE(hello);
  EXPECT_EQ(hello->at("type"), "hello");
  ws.send(R"({"type":"ping","id":7})");
  auto pong = ws.receive_json(5s);
  ASSERT_TRUE(pong);
  EXPECT_EQ(pong->at("type"), "pong");
  EXPECT_EQ(pong->at("id"), 7);
  ws.send(R"({"type":"subscribe","topic":"system"})");
  auto subscribed = ws.receive_json(5s);
  ASSERT_TRUE(subscribed);
  EXPECT_EQ(subscribed->at("type"), "subscribed");
  // A topic that would carry patient data is closed to an anonymous connection.
  ws.send(R"({"type":"subscribe","topic":"case:123"})");
  auto refused = ws.receive_json(5s);
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->at("type"), "error");
  EXPECT_EQ(refused->at("problem").at("type"), "urn:oppenvard:problem:forbidden");
  ws.send("not json");
  auto malformed = ws.receive_json(5s);
  ASSERT_TRUE(malformed);
  EXPECT_EQ(malformed->at("problem").at("type"), "urn:oppenvard:problem:malformed-json");
  // The connection survives bad frames.
  ws.send(R"({"type":"ping","id":8})");
  auto pong2 = ws.receive_json(5s);
  ASSERT_TRUE(pong2);
  EXPECT_EQ(pong2->at("id"), 8);
}

TEST_F(ServerTest, LogsCarryNoPathsOrBodies) {
  post_json("/api/v1/calendar/answer-deadline", R"({"arrived":"2026-01-01T00:00:00Z"})");
  get("/api/v1/clinics?q=hemligt-sokord");
  // The log is written by a background thread and flushed every second.
  std::string log;
  for (int i = 0; i < 50; ++i) {
    log = server_->output();
    if (log.find("route=/api/v1/clinics status=200") != std::string::npos) break;
    std::this_thread::sleep_for(100ms);
  }
  EXPECT_EQ(log.find("hemligt-sokord"), std::string::npos);
  EXPECT_EQ(log.find("2026-01-01T00:00:00Z"), std::string::npos);
  EXPECT_NE(log.find("route=/api/v1/clinics status=200"), std::string::npos);
}

// Logs in through the demo e-ID over HTTP; returns the Cookie header value.
std::string demo_log_in(unsigned short port, const std::string& name) {
  const auto cookie = demo_log_in_set_cookie(port, name);
  if (cookie.empty()) {
    ADD_FAILURE() << "log-in never completed for " << name;
    return "";
  }
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("Secure"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Lax"), std::string::npos);
  EXPECT_NE(cookie.find("Path=/"), std::string::npos);
  return cookie.substr(0, cookie.find(';'));
}

TEST_F(ServerTest, WithoutASessionMeIs401Problem) {
  expect_problem(get("/api/v1/me"), 401, "unauthenticated");
  expect_problem(
      http_request(
          port(), "GET", "/api/v1/me", "",
          {{"Cookie", "__Host-oppenvard_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}}),
      401, "unauthenticated");
}

TEST_F(ServerTest, DemoLogInThenMeThenLogOut) {
  // Unsafe requests without the CSRF header are refused even before log-in.
  expect_problem(post_json("/api/v1/auth/demo/start", R"({"person_id":"x"})"), 403, "forbidden");
  const auto cookie = demo_log_in(port(), "Erik Sandberg");
  ASSERT_TRUE(cookie.starts_with("__Host-oppenvard_session="));
  const auto me = http_request(port(), "GET", "/api/v1/me", "", {{"Cookie", cookie}});
  ASSERT_EQ(me.status, 200) << me.body;
  const auto body = me.json();
  EXPECT_EQ(body.at("person").at("given_name"), "Erik");
  EXPECT_EQ(body.at("person").at("kind"), "patient");
  EXPECT_EQ(body.at("assurance"), "demo");
  EXPECT_TRUE(body.at("may_act_for").as_array().empty());
  const std::string csrf(body.at("csrf_token").as_string());
  expect_problem(http_request(port(), "POST", "/api/v1/auth/logout", "", {{"Cookie", cookie}}), 403,
                 "forbidden");
  const auto out = http_request(port(), "POST", "/api/v1/auth/logout", "",
                                {{"Cookie", cookie}, {"X-CSRF-Token", csrf}});
  EXPECT_EQ(out.status, 204);
  EXPECT_NE(out.header("set-cookie").find("Max-Age=0"), std::string::npos);
  expect_problem(http_request(port(), "GET", "/api/v1/me", "", {{"Cookie", cookie}}), 401,
                 "unauthenticated");
}

TEST_F(ServerTest, AGuardianActsForTheirChildOverHttp) {
  const auto cookie = demo_log_in(port(), "Sara Lindqvist");
  const auto me = http_request(port(), "GET", "/api/v1/me", "", {{"Cookie", cookie}}).json();
  const auto& children = me.at("may_act_for").as_array();
  ASSERT_EQ(children.size(), 1u);
  EXPECT_EQ(children.at(0).at("given_name"), "Ella");
  EXPECT_EQ(children.at(0).at("until"), "2029-05-13");
  const std::string csrf(me.at("csrf_token").as_string());
  const std::map<std::string, std::string> headers{
      {"Cookie", cookie}, {"X-CSRF-Token", csrf}, {"Content-Type", "application/json"}};
  const auto acting = http_request(
      port(), "PUT", "/api/v1/me/acting-for",
      R"({"patient_id":")" + std::string(children.at(0).at("id").as_string()) + "\"}", headers);
  ASSERT_EQ(acting.status, 200) << acting.body;
  EXPECT_EQ(acting.json().at("acting_for").at("given_name"), "Ella");
  // Another person's id is refused; null returns to oneself.
  const auto other = demo_log_in(port(), "Erik Sandberg");
  const auto erik = http_request(port(), "GET", "/api/v1/me", "", {{"Cookie", other}}).json();
  expect_problem(http_request(port(), "PUT", "/api/v1/me/acting-for",
                              R"({"patient_id":")" +
                                  std::string(erik.at("person").at("id").as_string()) + "\"}",
                              headers),
                 403, "forbidden");
  const auto self =
      http_request(port(), "PUT", "/api/v1/me/acting-for", R"({"patient_id":null})", headers);
  EXPECT_TRUE(self.json().at("acting_for").is_null());
}

TEST_F(ServerTest, StaffSeeTheirCareUnitAssignments) {
  const auto cookie = demo_log_in(port(), "Karin Ekström");
  const auto me = http_request(port(), "GET", "/api/v1/me", "", {{"Cookie", cookie}}).json();
  EXPECT_EQ(me.at("person").at("kind"), "staff");
  const auto& assignments = me.at("assignments").as_array();
  ASSERT_EQ(assignments.size(), 1u);
  EXPECT_EQ(assignments.at(0).at("care_unit_name"), "Vårdcentralen Björkdalen");
  EXPECT_EQ(assignments.at(0).at("role"), "doctor");
}

TEST_F(ServerTest, StaffLogInWithPasswordAndTotp) {
  const std::map<std::string, std::string> anonymous{{"Content-Type", "application/json"},
                                                     {"X-CSRF-Token", "anonymous"}};
  const auto wrong =
      http_request(port(), "POST", "/api/v1/auth/staff/password",
                   R"({"hsa_id":"SE2321000131-S000000000205","password":"nej"})", anonymous);
  expect_problem(wrong, 401, "unauthenticated");
  const auto step =
      http_request(port(), "POST", "/api/v1/auth/staff/password",
                   R"({"hsa_id":"SE2321000131-S000000000205","password":"demo"})", anonymous);
  ASSERT_EQ(step.status, 200) << step.body;
  const auto body = step.json();
  ASSERT_EQ(body.at("status"), "totp_enrolment");
  EXPECT_TRUE(body.at("qr_svg").as_string().starts_with("<svg"));
  const auto secret = *identity::base32_decode(std::string(body.at("secret").as_string()));
  const auto now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                          std::chrono::system_clock::now().time_since_epoch())
                          .count();
  const auto code = identity::hotp(secret, static_cast<std::uint64_t>(identity::totp_step(now_ms)));
  const auto done =
      http_request(port(), "POST", "/api/v1/auth/staff/totp",
                   R"({"challenge":")" + std::string(body.at("challenge").as_string()) +
                       R"(","code":")" + code + "\"}",
                   anonymous);
  ASSERT_EQ(done.status, 200) << done.body;
  const auto cookie = done.header("set-cookie").substr(0, done.header("set-cookie").find(';'));
  const auto me = http_request(port(), "GET", "/api/v1/me", "", {{"Cookie", cookie}}).json();
  EXPECT_EQ(me.at("person").at("given_name"), "Leila");
  EXPECT_EQ(me.at("assurance"), "password_totp");
  EXPECT_FALSE(me.at("password_reset_registered").as_bool());
  const std::string csrf(me.at("csrf_token").as_string());
  const auto reset = http_request(
      port(), "PUT", "/api/v1/me/password-reset",
      R"({"email":"leila@example.se","phone":"070-000 00 05"})",
      {{"Cookie", cookie}, {"X-CSRF-Token", csrf}, {"Content-Type", "application/json"}});
  EXPECT_EQ(reset.status, 204) << reset.body;
  EXPECT_TRUE(http_request(port(), "GET", "/api/v1/me", "", {{"Cookie", cookie}})
                  .json()
                  .at("password_reset_registered")
                  .as_bool());
}

TEST_F(ServerTest, UnitManagersReviewTheirUnitsAccessLogOnly) {
  const std::string bjorkdalen = "0190a000-0000-7000-8000-000000000011";
  const std::string ekbacken = "0190a000-0000-7000-8000-000000000013";
  const auto manager = demo_log_in(port(), "Mats Johansson");
  const auto csrf = std::string(http_request(port(), "GET", "/api/v1/me", "", {{"Cookie", manager}})
                                    .json()
                                    .at("csrf_token")
                                    .as_string());
  const auto first = http_request(port(), "GET", "/api/v1/audit/events?care_unit_id=" + bjorkdalen,
                                  "", {{"Cookie", manager}});
  ASSERT_EQ(first.status, 200) << first.body;
  // The read itself is now in the log, attributed to the manager and the unit.
  const auto second = http_request(port(), "GET", "/api/v1/audit/events?care_unit_id=" + bjorkdalen,
                                   "", {{"Cookie", manager}})
                          .json();
  const auto& items = second.at("items").as_array();
  ASSERT_FALSE(items.empty());
  EXPECT_EQ(items.at(0).at("action"), "audit_read");
  EXPECT_EQ(items.at(0).at("care_unit_id").as_string(), bjorkdalen);
  const std::string event_id(items.at(0).at("id").as_string());
  const auto review = http_request(
      port(), "POST", "/api/v1/audit/events/" + event_id + "/reviews",
      R"({"note":"Granskad, ok."})",
      {{"Cookie", manager}, {"X-CSRF-Token", csrf}, {"Content-Type", "application/json"}});
  EXPECT_EQ(review.status, 201) << review.body;
  // Another unit, and staff who are not managers, are refused.
  expect_problem(http_request(port(), "GET", "/api/v1/audit/events?care_unit_id=" + ekbacken, "",
                              {{"Cookie", manager}}),
                 403, "forbidden");
  const auto doctor = demo_log_in(port(), "Karin Ekström");
  expect_problem(http_request(port(), "GET", "/api/v1/audit/events?care_unit_id=" + bjorkdalen, "",
                              {{"Cookie", doctor}}),
                 403, "forbidden");
  expect_problem(get("/api/v1/audit/events?care_unit_id=" + bjorkdalen), 401, "unauthenticated");
  const auto sample =
      http_request(port(), "GET",
                   "/api/v1/audit/sample?care_unit_id=" + bjorkdalen +
                       "&from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z&n=5&seed=7",
                   "", {{"Cookie", manager}});
  EXPECT_EQ(sample.status, 200) << sample.body;
}

TEST_F(ServerTest, PatientsReadTheirOwnAccessLogExtract) {
  const auto patient = demo_log_in(port(), "Erik Sandberg");
  const auto extract =
      http_request(port(), "GET", "/api/v1/me/access-log", "", {{"Cookie", patient}});
  ASSERT_EQ(extract.status, 200) << extract.body;
  EXPECT_TRUE(extract.json().at("items").is_array());
  const auto staff = demo_log_in(port(), "Karin Ekström");
  expect_problem(http_request(port(), "GET", "/api/v1/me/access-log", "", {{"Cookie", staff}}), 403,
                 "forbidden");
}

TEST(ServerLifecycle, RepeatedWrongPasswordsAreSlowedWithRetryAfter) {
  ServerProcess server;
  const std::map<std::string, std::string> anonymous{{"Content-Type", "application/json"},
                                                     {"X-CSRF-Token", "anonymous"}};
  HttpResult last;
  for (int i = 0; i < 7; ++i) {
    last =
        http_request(server.port(), "POST", "/api/v1/auth/staff/password",
                     R"({"hsa_id":"SE2321000131-S000000000201","password":"gissning"})", anonymous);
  }
  expect_problem(last, 429, "too-many-requests");
  EXPECT_GT(std::stoi(last.header("retry-after")), 0);
}

TEST(ServerLifecycle, TheDemoEIdCannotBeReachedOutsideDemoMode) {
  ServerProcess server(std::map<std::string, std::string>{{"OPPENVARD_DEMO", "false"}});
  EXPECT_EQ(http_request(server.port(), "GET", "/api/v1/auth/demo/people").status, 404);
  EXPECT_EQ(http_request(server.port(), "POST", "/api/v1/auth/demo/start", R"({"person_id":"x"})",
                         {{"Content-Type", "application/json"}, {"X-CSRF-Token", "anonymous"}})
                .status,
            404);
  EXPECT_EQ(http_request(server.port(), "GET", "/api/v1/me").status, 401);
}

TEST(ServerLifecycle, SigtermClosesWebSocketsAndExitsZero) {
  ServerProcess server;
  WebSocketClient ws(server.port(), "/api/v1/ws");
  ASSERT_TRUE(ws.receive_json(5s));
  std::thread stopper([&] { EXPECT_EQ(server.terminate(), 0) << server.output(); });
  auto notice = ws.receive_json(10s);
  // Then the server closes (going away); reading answers its close frame.
  EXPECT_FALSE(ws.receive(10s));
  EXPECT_TRUE(ws.closed());
  stopper.join();
  ASSERT_TRUE(notice);
  EXPECT_EQ(notice->at("type"), "system");
  EXPECT_EQ(notice->at("event"), "shutdown");
}

TEST(ServerLifecycle, BadConfigurationStopsStartUpWithAClearMessage) {
  const std::map<std::string, std::string> env{{"OPPENVARD_POOL_SIZE", "zero"}};
  EXPECT_THROW(ServerProcess{env}, std::runtime_error);
}

TEST(ServerLifecycle, ServesTheDirectoryFromPostgreSQL) {
  const char* pg = std::getenv("OPPENVARD_TEST_PG_URL");
  if (pg == nullptr) GTEST_SKIP() << "OPPENVARD_TEST_PG_URL not set";
  ServerProcess server({{"OPPENVARD_DATABASE_URL", pg}, {"OPPENVARD_DEMO", "true"}});
  EXPECT_EQ(http_request(server.port(), "GET", "/readyz").status, 200);
  const auto list = http_request(server.port(), "GET", "/api/v1/clinics").json();
  EXPECT_EQ(list.at("items").as_array().size(), 4u);
  EXPECT_EQ(server.terminate(), 0);
}

}  // namespace
}  // namespace oppenvard::testing
