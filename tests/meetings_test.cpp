// Video meetings end to end against the real binary (demo data, demo clock): Karin books a
// video visit for Erik, opens it, passes her readiness check and hosts; Erik waits and hears of
// his admission over the WebSocket; signaling reaches only admitted participants; a guest of the
// municipality joins by a single-use link and is admitted after the confidentiality assessment;
// the TURN credentials are coturn's REST kind; the phone reserve changes the appointment.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <chrono>
#include <map>

#include "support/client.hpp"
#include "support/server_process.hpp"

namespace oppenvard::testing {
namespace {

using namespace std::chrono_literals;

const std::string kBjorkdalen = "0190a000-0000-7000-8000-000000000011";
const std::string kVideoType = "0190a000-0000-7000-8000-000000000302";

class MeetingsEndToEnd : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new ServerProcess(std::map<std::string, std::string>{
        {"OPPENVARD_ACCESS_LOG", "false"},
        {"OPPENVARD_DEMO_NOW", "2026-11-23T07:00:00+01:00"},
        {"OPPENVARD_TURN_URLS", "turn:127.0.0.1:3478?transport=udp"},
        {"OPPENVARD_TURN_SECRET", "turn-secret"},
        {"OPPENVARD_STUN_URLS", "stun:127.0.0.1:3478"}});
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static unsigned short port() { return server_->port(); }
  static HttpResult call(const DemoSession& s, const std::string& method, const std::string& target,
                         const std::string& body = "") {
    return session_request(port(), s, method, target, body);
  }
  // A guest calls with their participant token instead of a session.
  static HttpResult as_guest(const std::string& token, const std::string& method,
                             const std::string& target, const std::string& body = "") {
    return http_request(port(), method, target, body,
                        {{"x-meeting-token", token}, {"content-type", "application/json"}});
  }

  // Karin books Erik's video visit (suitability confirmed) and opens its meeting.
  static std::string meeting_for_erik(const DemoSession& karin, const DemoSession& erik) {
    const auto me = call(erik, "GET", "/api/v1/me").json();
    const std::string erik_id(me.at("person").at("id").as_string());
    const auto slots = call(karin, "GET",
                            "/api/v1/units/" + kBjorkdalen +
                                "/slots?appointment_type_id=" + kVideoType + "&limit=1")
                           .json();
    const std::string slot(slots.at("items").at(0).at("id").as_string());
    const auto booked = call(karin, "POST", "/api/v1/appointments",
                             R"({"slot_id":")" + slot + R"(","patient_id":")" + erik_id +
                                 R"(","suitability_confirmed":true})");
    EXPECT_EQ(booked.status, 201) << booked.body;
    const std::string appointment(booked.json().at("id").as_string());
    const auto opened = call(erik, "POST", "/api/v1/appointments/" + appointment + "/meeting");
    EXPECT_EQ(opened.status, 200) << opened.body;
    return std::string(opened.json().at("id").as_string());
  }

  static std::unique_ptr<WebSocketClient> listen(const std::string& grant_body,
                                                 const std::string& topic) {
    auto ws = std::make_unique<WebSocketClient>(port(), "/api/v1/ws");
    EXPECT_TRUE(ws->receive_json(5s));  // hello
    ws->send(R"({"type":"subscribe","topic":")" + topic + R"(","grant":")" + grant_body + "\"}");
    EXPECT_EQ(ws->receive_json(5s)->at("type"), "subscribed");
    return ws;
  }

  static ServerProcess* server_;
};
ServerProcess* MeetingsEndToEnd::server_ = nullptr;

TEST_F(MeetingsEndToEnd, APatientWaitsIsAdmittedAndOnlyAdmittedPeopleExchangeSignals) {
  const auto karin = demo_session(port(), "Karin Ekström");
  const auto erik = demo_session(port(), "Erik Sandberg");
  const auto id = meeting_for_erik(karin, erik);
  const std::string base = "/api/v1/meetings/" + id;

  // Karin must confirm the checklist before hosting; from home she is not approved.
  EXPECT_EQ(call(karin, "POST", base + "/join").json().at("code"), "not_ready");
  const auto home =
      call(karin, "POST", base + "/readiness",
           R"({"location":"home","checklist_confirmed":true,"equipment_tested":true})");
  EXPECT_EQ(home.status, 409);
  EXPECT_NE(home.body.find("remote_work_not_approved"), std::string::npos) << home.body;
  ASSERT_EQ(call(karin, "POST", base + "/readiness",
                 R"({"location":"workplace","checklist_confirmed":true})")
                .status,
            204);
  const auto hosted = call(karin, "POST", base + "/join");
  ASSERT_EQ(hosted.status, 200) << hosted.body;
  EXPECT_EQ(hosted.json().at("me").at("role"), "host");
  EXPECT_EQ(hosted.json().at("recorded"), false);
  const std::string host_id(hosted.json().at("me").at("id").as_string());

  const auto waiting = call(erik, "POST", base + "/join").json();
  EXPECT_EQ(waiting.at("me").at("state"), "waiting");
  EXPECT_EQ(waiting.at("participants").as_array().size(), 1u);
  const std::string erik_pid(waiting.at("me").at("id").as_string());
  bool private_place = false;
  for (const auto& r : waiting.at("reminders").as_array()) {
    if (std::string(r.as_string()).find("avskild plats") != std::string::npos) private_place = true;
  }
  EXPECT_TRUE(private_place);  // V9
  const auto grant = call(erik, "POST", base + "/grant").json();
  auto erik_ws = listen(std::string(grant.at("grant").as_string()),
                        std::string(grant.at("topic").as_string()));

  // The host sees how Erik was identified; signaling to him fails until he is admitted.
  const auto roster = call(karin, "GET", base).json().at("participants").as_array();
  ASSERT_EQ(roster.size(), 2u);
  EXPECT_EQ(roster.at(1).at("identification"), "e_id_demo");
  EXPECT_EQ(call(karin, "POST", base + "/signals",
                 R"({"to":")" + erik_pid + R"(","payload":{"type":"offer","sdp":"v=0"}})")
                .json()
                .at("code"),
            "not_admitted");
  EXPECT_EQ(
      call(erik, "POST", base + "/participants/" + erik_pid + "/admission", R"({"admitted":true})")
          .status,
      403);  // only the host admits
  ASSERT_EQ(
      call(karin, "POST", base + "/participants/" + erik_pid + "/admission", R"({"admitted":true})")
          .status,
      200);
  EXPECT_EQ(erik_ws->receive_json(5s)->at("event").at("type"), "admitted");
  ASSERT_EQ(call(karin, "POST", base + "/signals",
                 R"({"to":")" + erik_pid + R"(","payload":{"type":"offer","sdp":"v=0"}})")
                .status,
            204);
  std::optional<boost::json::value> signal;
  for (int i = 0; i < 5 && (!signal || signal->at("event").at("type") != "signal"); ++i) {
    signal = erik_ws->receive_json(5s);
  }
  ASSERT_TRUE(signal);
  EXPECT_EQ(signal->at("event").at("from").as_string(), host_id);
  EXPECT_EQ(signal->at("event").at("payload").at("sdp"), "v=0");

  // ICE servers: TURN with coturn's REST credentials.
  const auto ice = call(erik, "GET", base + "/ice-servers").json().at("ice_servers").as_array();
  ASSERT_EQ(ice.size(), 2u);
  EXPECT_EQ(ice.at(1).at("urls").at(0), "turn:127.0.0.1:3478?transport=udp");
  EXPECT_NE(std::string(ice.at(1).at("username").as_string()).find(':'), std::string::npos);

  // The connection fails: Karin goes on by phone, and the appointment says so.
  const auto phone = call(karin, "POST", base + "/phone-fallback");
  ASSERT_EQ(phone.status, 200) << phone.body;
  EXPECT_NE(std::string(phone.json().at("reminder").as_string()).find("#31#"), std::string::npos);

  // Karin ends the meeting: Erik is told and is out; she is reminded to document (W3).
  const auto ended = call(karin, "POST", base + "/end");
  ASSERT_EQ(ended.status, 200) << ended.body;
  EXPECT_EQ(ended.json().at("visit_took_place"), true);
  EXPECT_NE(std::string(ended.json().at("reminder").as_string()).find("Dokumentera"),
            std::string::npos);
  std::optional<boost::json::value> news;
  for (int i = 0; i < 5 && (!news || news->at("event").at("type") != "ended"); ++i) {
    news = erik_ws->receive_json(5s);
  }
  ASSERT_TRUE(news);
  EXPECT_EQ(call(erik, "GET", base).json().at("me").at("state"), "left");
  EXPECT_EQ(call(erik, "POST", base + "/join").json().at("code"), "meeting_ended");
}

TEST_F(MeetingsEndToEnd, AMunicipalGuestJoinsByLinkAfterTheConfidentialityAssessment) {
  const auto karin = demo_session(port(), "Karin Ekström");
  const auto erik = demo_session(port(), "Erik Sandberg");
  const auto id = meeting_for_erik(karin, erik);
  const std::string base = "/api/v1/meetings/" + id;
  ASSERT_EQ(call(karin, "POST", base + "/readiness",
                 R"({"location":"workplace","checklist_confirmed":true})")
                .status,
            204);
  ASSERT_EQ(call(karin, "POST", base + "/join").status, 200);
  const auto invitation =
      call(karin, "POST", base + "/invitations",
           R"({"name":"Sofia Berg","organisation":"Botkyrka kommun","title":"Socialsekreterare"})");
  ASSERT_EQ(invitation.status, 201) << invitation.body;
  const std::string link(invitation.json().at("link").as_string());
  ASSERT_EQ(link.rfind("/mote/gast#", 0), 0u);
  const auto token = link.substr(link.find('#') + 1);
  const auto accepted =
      http_request(port(), "POST", "/api/v1/meeting-invitations/accept",
                   R"({"token":")" + token + "\"}", {{"content-type", "application/json"}});
  ASSERT_EQ(accepted.status, 201) << accepted.body;
  const std::string guest_token(accepted.json().at("participant_token").as_string());
  const std::string guest_id(accepted.json().at("participant").at("id").as_string());
  EXPECT_EQ(http_request(port(), "POST", "/api/v1/meeting-invitations/accept",
                         R"({"token":")" + token + "\"}", {{"content-type", "application/json"}})
                .status,
            404);  // single use
  const auto seen = as_guest(guest_token, "GET", base).json();
  EXPECT_EQ(seen.at("me").at("state"), "waiting");
  EXPECT_EQ(seen.at("me").at("organisation"), "Botkyrka kommun");
  EXPECT_EQ(seen.at("participants").as_array().size(), 1u);  // nobody else while waiting
  EXPECT_EQ(as_guest(guest_token, "POST", base + "/chat", R"({"text":"Hej"})").json().at("code"),
            "not_admitted");
  EXPECT_EQ(
      call(karin, "POST", base + "/participants/" + guest_id + "/admission", R"({"admitted":true})")
          .json()
          .at("code"),
      "confidentiality_required");
  ASSERT_EQ(call(karin, "PUT", base + "/confidentiality",
                 R"({"note":"Sekretessprövat: samordnad individuell plan, samtycke finns."})")
                .status,
            204);
  ASSERT_EQ(
      call(karin, "POST", base + "/participants/" + guest_id + "/admission", R"({"admitted":true})")
          .status,
      200);
  const auto after = as_guest(guest_token, "GET", base).json();
  EXPECT_EQ(after.at("me").at("state"), "admitted");
  EXPECT_EQ(after.at("participants").as_array().size(), 2u);
  EXPECT_EQ(as_guest("not-a-token", "GET", base).status, 404);
}

}  // namespace
}  // namespace oppenvard::testing
