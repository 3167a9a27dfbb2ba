// Two nodes on one PostgreSQL serve one inbox and one meeting: a grant from either node opens
// a topic on the other, and realtime events published on one node reach WebSocket listeners
// on the other — also an SDP-sized signal, too large for a NOTIFY payload.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <chrono>
#include <cstdlib>
#include <map>
#include <memory>

#include "support/client.hpp"
#include "support/server_process.hpp"

namespace oppenvard::testing {
namespace {

using namespace std::chrono_literals;

const std::string kBjorkdalen = "0190a000-0000-7000-8000-000000000011";
const std::string kVideoType = "0190a000-0000-7000-8000-000000000302";

class TwoNodes : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const char* pg = std::getenv("OPPENVARD_TEST_PG_URL");
    if (pg == nullptr) return;
    const std::string base(pg);
    const std::string database = "oppenvard_two_nodes";
    const auto psql = "psql '" + base + "' -q -c 'DROP DATABASE IF EXISTS " + database +
                      "' -c 'CREATE DATABASE " + database + "' >/dev/null 2>&1";
    ASSERT_EQ(std::system(psql.c_str()), 0);
    const std::map<std::string, std::string> env{
        {"OPPENVARD_ACCESS_LOG", "false"},
        {"OPPENVARD_DEMO", "true"},
        {"OPPENVARD_DEMO_NOW", "2026-11-23T07:00:00+01:00"},
        {"OPPENVARD_DATABASE_URL", base.substr(0, base.rfind('/') + 1) + database}};
    first_ = new ServerProcess(env);
    second_ = new ServerProcess(env);
  }
  static void TearDownTestSuite() {
    delete first_;
    delete second_;
    first_ = second_ = nullptr;
  }
  void SetUp() override {
    if (first_ == nullptr) GTEST_SKIP() << "needs OPPENVARD_TEST_PG_URL (scripts/test starts one)";
  }

  // A WebSocket on `node` subscribed to `topic` with a grant (from whichever node gave it).
  static std::unique_ptr<WebSocketClient> listen(unsigned short node, const std::string& topic,
                                                 const std::string& grant) {
    auto ws = std::make_unique<WebSocketClient>(node, "/api/v1/ws");
    EXPECT_TRUE(ws->receive_json(5s));  // hello
    ws->send(R"({"type":"subscribe","topic":")" + topic + R"(","grant":")" + grant + "\"}");
    EXPECT_EQ(ws->receive_json(5s)->at("type"), "subscribed");
    return ws;
  }
  // The next event of a given type, skipping others (roster news and the like).
  static std::optional<boost::json::value> next_event(WebSocketClient& ws,
                                                      const std::string& type) {
    for (int i = 0; i < 10; ++i) {
      auto frame = ws.receive_json(5s);
      if (!frame) return std::nullopt;
      const auto* kind = frame->at("event").as_object().if_contains("type");
      if (kind != nullptr && kind->as_string() == type) return frame->at("event");
    }
    return std::nullopt;
  }

  static ServerProcess* first_;
  static ServerProcess* second_;
};
ServerProcess* TwoNodes::first_ = nullptr;
ServerProcess* TwoNodes::second_ = nullptr;

TEST_F(TwoNodes, AnInboxOnOneNodeHearsOfACaseSentThroughTheOther) {
  const auto karin = demo_session(first_->port(), "Karin Ekström");
  const auto erik = demo_session(second_->port(), "Erik Sandberg");
  const std::string topic = "unit:" + kBjorkdalen;
  // The grant comes from the second node; Karin's WebSocket is on the first.
  const auto granted = session_request(second_->port(), karin, "POST", "/api/v1/realtime/grants",
                                       R"({"topics":[")" + topic + "\"]}");
  ASSERT_EQ(granted.status, 200) << granted.body;
  auto inbox = listen(first_->port(), topic,
                      std::string(granted.json().at("grants").at(0).at("grant").as_string()));

  const auto sent = session_request(
      second_->port(), erik, "POST", "/api/v1/cases",
      R"({"clinic_id":")" + kBjorkdalen +
          R"(","service_code":"send_message","fields":{"message":"Fråga om provsvar"}})");
  ASSERT_EQ(sent.status, 201) << sent.body;
  const auto frame = inbox->receive_json(5s);
  ASSERT_TRUE(frame) << "the first node never heard of the case";
  EXPECT_EQ(frame->at("event").at("case_id"), sent.json().at("id"));
  EXPECT_EQ(frame->at("event").at("status"), "new");
  EXPECT_FALSE(inbox->receive_json(300ms)) << "delivered twice";
}

TEST_F(TwoNodes, TheHostOnOneNodeAdmitsAndSignalsAPatientOnTheOther) {
  const auto karin = demo_session(first_->port(), "Karin Ekström");
  const auto erik = demo_session(second_->port(), "Erik Sandberg");
  const auto on_first = [&](const std::string& method, const std::string& target,
                            const std::string& body = "") {
    return session_request(first_->port(), karin, method, target, body);
  };
  const auto on_second = [&](const std::string& method, const std::string& target,
                             const std::string& body = "") {
    return session_request(second_->port(), erik, method, target, body);
  };
  const std::string erik_id(
      on_second("GET", "/api/v1/me").json().at("person").at("id").as_string());
  const auto slots = on_first("GET", "/api/v1/units/" + kBjorkdalen +
                                         "/slots?appointment_type_id=" + kVideoType + "&limit=1")
                         .json();
  const auto booked =
      on_first("POST", "/api/v1/appointments",
               R"({"slot_id":")" + std::string(slots.at("items").at(0).at("id").as_string()) +
                   R"(","patient_id":")" + erik_id + R"(","suitability_confirmed":true})");
  ASSERT_EQ(booked.status, 201) << booked.body;
  const auto opened =
      on_second("POST", "/api/v1/appointments/" + std::string(booked.json().at("id").as_string()) +
                            "/meeting");
  ASSERT_EQ(opened.status, 200) << opened.body;
  const std::string base = "/api/v1/meetings/" + std::string(opened.json().at("id").as_string());

  ASSERT_EQ(on_first("POST", base + "/readiness",
                     R"({"location":"workplace","checklist_confirmed":true})")
                .status,
            204);
  const auto hosted = on_first("POST", base + "/join");
  ASSERT_EQ(hosted.status, 200) << hosted.body;
  const std::string host_id(hosted.json().at("me").at("id").as_string());
  const auto host_grant = on_first("POST", base + "/grant").json();
  auto host_ws = listen(first_->port(), std::string(host_grant.at("topic").as_string()),
                        std::string(host_grant.at("grant").as_string()));

  const auto waiting = on_second("POST", base + "/join").json();
  const std::string erik_pid(waiting.at("me").at("id").as_string());
  const auto erik_grant = on_second("POST", base + "/grant").json();
  auto erik_ws = listen(second_->port(), std::string(erik_grant.at("topic").as_string()),
                        std::string(erik_grant.at("grant").as_string()));
  // The host, on the first node, hears that someone came to the waiting room on the second.
  EXPECT_TRUE(next_event(*host_ws, "roster"));

  ASSERT_EQ(
      on_first("POST", base + "/participants/" + erik_pid + "/admission", R"({"admitted":true})")
          .status,
      200);
  EXPECT_TRUE(next_event(*erik_ws, "admitted"));

  // An offer the size of a real one with many candidates: larger than NOTIFY carries.
  const std::string sdp(12'000, 'a');
  ASSERT_EQ(
      on_first("POST", base + "/signals",
               R"({"to":")" + erik_pid + R"(","payload":{"type":"offer","sdp":")" + sdp + "\"}}")
          .status,
      204);
  const auto signal = next_event(*erik_ws, "signal");
  ASSERT_TRUE(signal) << "the offer did not cross to the second node";
  EXPECT_EQ(signal->at("from").as_string(), host_id);
  EXPECT_EQ(signal->at("payload").at("sdp").as_string().size(), sdp.size());

  // And back: the patient's answer on the second node reaches the host on the first.
  ASSERT_EQ(on_second("POST", base + "/signals",
                      R"({"to":")" + host_id + R"(","payload":{"type":"answer","sdp":"v=0"}})")
                .status,
            204);
  const auto answer = next_event(*host_ws, "signal");
  ASSERT_TRUE(answer);
  EXPECT_EQ(answer->at("payload").at("type"), "answer");
}

}  // namespace
}  // namespace oppenvard::testing
