// E-services end to end against the real binary with the demo data and a demo clock started
// on Wednesday 23 December 2026: cases for every basic service, their deadlines across
// Christmas, the unit inbox, answers, the follow-up report (JSON and CSV), realtime events on
// the WebSocket with grants, and images checked by content.
#include <gtest/gtest.h>
#include <boost/json.hpp>

#include <map>
#include <set>

#include "support/client.hpp"
#include "support/server_process.hpp"

namespace oppenvard::testing {
namespace {

using namespace std::chrono_literals;

const std::string kBjorkdalen = "0190a000-0000-7000-8000-000000000011";
const std::string kEkbacken = "0190a000-0000-7000-8000-000000000013";  // no administrator yet

const std::vector<std::pair<std::string, std::string>> kBasic{
    {"book_appointment", R"({"reason":"Ont i knät","wished_times":"Fredag förmiddag"})"},
    {"cancel_rebook", R"({"appointment":"4 januari 10.00","action":"cancel"})"},
    {"renew_prescription", R"({"medicines":"Levaxin 50 mikrogram"})"},
    {"contact_me", R"({"phone":"070-123 45 67","good_times":"efter 13","topic":"Provsvar"})"},
    {"send_message", R"({"message":"En fråga om mitt besök"})"},
    {"self_referral", R"({"reason":"Ryggont sedan i höstas"})"},
    {"referral_question", R"({"referral_from":"Ortopeden","question":"Har den kommit?"})"},
    {"certificate_request", R"({"certificate_kind":"travel","purpose":"Resa med medicin"})"},
};

class EservicesEndToEnd : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new ServerProcess(std::map<std::string, std::string>{
        {"OPPENVARD_ACCESS_LOG", "false"}, {"OPPENVARD_DEMO_NOW", "2026-12-23T10:00:00+01:00"}});
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static unsigned short port() { return server_->port(); }

  static DemoSession log_in(const std::string& name) { return demo_session(port(), name); }
  static HttpResult get(const DemoSession& s, const std::string& target) {
    return session_request(port(), s, "GET", target);
  }
  static HttpResult send(const DemoSession& s, const std::string& method, const std::string& target,
                         const std::string& body,
                         const std::string& content_type = "application/json") {
    return session_request(port(), s, method, target, body, content_type);
  }
  static std::string submit(const DemoSession& s, const std::string& code,
                            const std::string& fields, const std::string& clinic = kBjorkdalen) {
    const auto r = send(s, "POST", "/api/v1/cases",
                        R"({"clinic_id":")" + clinic + R"(","service_code":")" + code +
                            R"(","fields":)" + fields + "}");
    EXPECT_EQ(r.status, 201) << code << " " << r.body;
    return r.status == 201 ? std::string(r.json().at("id").as_string()) : "";
  }

  static ServerProcess* server_;
};
ServerProcess* EservicesEndToEnd::server_ = nullptr;

TEST_F(EservicesEndToEnd, EveryBasicServiceIsSentAnsweredAndCounted) {
  const auto erik = log_in("Erik Sandberg");
  const auto karin = log_in("Karin Ekström");
  const auto mats = log_in("Mats Johansson");
  std::set<std::string> ids;
  for (const auto& [code, fields] : kBasic) {
    const auto form = get(erik, "/api/v1/clinics/" + kBjorkdalen + "/eservices/" + code + "/form");
    ASSERT_EQ(form.status, 200) << code;
    const auto r = send(erik, "POST", "/api/v1/cases",
                        R"({"clinic_id":")" + kBjorkdalen + R"(","service_code":")" + code +
                            R"(","fields":)" + fields + "}");
    ASSERT_EQ(r.status, 201) << code << " " << r.body;
    const auto c = r.json();
    // Arrived Wednesday 23 Dec: Christmas Eve, Christmas Day, Boxing Day and the weekend are
    // off, so the answer is due at the end of Tuesday 29 Dec, Stockholm time.
    EXPECT_EQ(c.at("due_at"), "2026-12-29T22:59:59.999Z") << code;
    EXPECT_EQ(c.at("status"), "new");
    EXPECT_EQ(r.header("location"), "/api/v1/cases/" + std::string(c.at("id").as_string()));
    ids.insert(std::string(c.at("id").as_string()));
  }
  const auto mine = get(erik, "/api/v1/me/cases").json().at("items").as_array();
  EXPECT_EQ(mine.size(), 8u);

  // The unit inbox has them, earliest deadline first, and a doctor answers each.
  const auto inbox = get(karin, "/api/v1/units/" + kBjorkdalen + "/inbox").json();
  std::size_t found = 0;
  for (const auto& item : inbox.at("items").as_array()) {
    if (ids.contains(std::string(item.at("id").as_string()))) ++found;
    EXPECT_FALSE(item.as_object().contains("fields"));  // the list does not carry the forms
  }
  EXPECT_EQ(found, 8u);
  EXPECT_GE(inbox.at("counts").at("unassigned").as_int64(), 8);
  for (const auto& id : ids) {
    const auto reply = send(karin, "POST", "/api/v1/cases/" + id + "/messages",
                            R"({"body":"Hej! Vi har tagit emot ditt ärende."})");
    ASSERT_EQ(reply.status, 201) << reply.body;
    EXPECT_TRUE(reply.json().at("due_at").is_null());
    EXPECT_EQ(reply.json().at("assignee").at("name"), "Karin Ekström");
  }
  // The patient sees the answer in the thread.
  const auto thread = get(erik, "/api/v1/cases/" + *ids.begin()).json();
  EXPECT_EQ(thread.at("messages").as_array().back().at("author").at("kind"), "staff");

  // Follow-up: eight cases, eight answers within the deadline, all basic services offered.
  const auto report = get(mats, "/api/v1/reports/eservices?care_unit_id=" + kBjorkdalen +
                                    "&from=2026-12-01&to=2027-01-01");
  ASSERT_EQ(report.status, 200) << report.body;
  const auto report_json = report.json();
  const auto& clinic = report_json.at("items").as_array().at(0);
  EXPECT_EQ(clinic.at("basic_offered").as_array().size(), 8u);
  EXPECT_TRUE(clinic.at("basic_missing_without_reason").as_array().empty());
  EXPECT_GE(clinic.at("cases").as_int64(), 8);
  EXPECT_EQ(clinic.at("clocks"), clinic.at("answered_in_time"));
  for (const auto& s : clinic.at("services").as_array()) {
    if (s.at("category") == "basic") {
      EXPECT_GE(s.at("cases").as_int64(), 1) << s.at("code");
    }
  }
  const auto csv = get(mats, "/api/v1/reports/eservices?care_unit_id=" + kBjorkdalen +
                                 "&from=2026-12-01&to=2027-01-01&format=csv");
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.header("content-type"), "text/csv; charset=utf-8");
  EXPECT_NE(csv.body.find("Vårdcentralen Björkdalen,yes,renew_prescription,Förnya recept,basic,on"),
            std::string::npos)
      << csv.body;
  // Reports name clinics and numbers, never patients.
  EXPECT_EQ(csv.body.find("Erik"), std::string::npos);
  // A doctor does not read the report; a clinic without an administrator takes no cases.
  EXPECT_EQ(get(karin, "/api/v1/reports/eservices").status, 403);
  const auto closed = send(erik, "POST", "/api/v1/cases",
                           R"({"clinic_id":")" + kEkbacken +
                               R"(","service_code":"send_message","fields":{"message":"Hej"}})");
  EXPECT_EQ(closed.status, 409) << closed.body;
}

TEST_F(EservicesEndToEnd, FieldErrorsAreNamedAndRevealNothing) {
  const auto erik = log_in("Erik Sandberg");
  const auto r =
      send(erik, "POST", "/api/v1/cases",
           R"({"clinic_id":")" + kBjorkdalen +
               R"(","service_code":"contact_me","fields":{"phone":"Ring 19780101-1234","x":"y"}})");
  ASSERT_EQ(r.status, 422);
  EXPECT_EQ(r.json().at("type"), "urn:oppenvard:problem:invalid-field");
  EXPECT_EQ(r.body.find("19780101"), std::string::npos);  // the value is not echoed
  std::set<std::string> fields;
  const auto problem = r.json();
  for (const auto& e : problem.at("errors").as_array()) {
    fields.insert(std::string(e.at("field").as_string()));
  }
  EXPECT_EQ(fields, (std::set<std::string>{"/fields/phone", "/fields/good_times", "/fields/topic",
                                           "/fields/x"}));
  const auto booking =
      send(erik, "POST", "/api/v1/cases",
           R"({"clinic_id":")" + kBjorkdalen + R"(","service_code":"web_booking","fields":{}})");
  EXPECT_EQ(booking.status, 422);
}

TEST_F(EservicesEndToEnd, InboxesAndThreadsHearOfChangesOverTheWebSocket) {
  const auto erik = log_in("Erik Sandberg");
  const auto karin = log_in("Karin Ekström");
  const std::string unit_topic = "unit:" + kBjorkdalen;
  // Patients get no grant for a unit's inbox.
  EXPECT_EQ(
      send(erik, "POST", "/api/v1/realtime/grants", R"({"topics":[")" + unit_topic + "\"]}").status,
      403);
  const auto grants =
      send(karin, "POST", "/api/v1/realtime/grants", R"({"topics":[")" + unit_topic + "\"]}");
  ASSERT_EQ(grants.status, 200) << grants.body;
  const std::string grant(grants.json().at("grants").at(0).at("grant").as_string());

  WebSocketClient ws(port(), "/api/v1/ws");
  ASSERT_TRUE(ws.receive_json(5s));  // hello
  // Without the grant, or with another topic's, the topic stays closed.
  ws.send(R"({"type":"subscribe","topic":")" + unit_topic + "\"}");
  EXPECT_EQ(ws.receive_json(5s)->at("type"), "error");
  ws.send(R"({"type":"subscribe","topic":"unit:0190a000-0000-7000-8000-000000000012","grant":")" +
          grant + "\"}");
  EXPECT_EQ(ws.receive_json(5s)->at("type"), "error");
  ws.send(R"({"type":"subscribe","topic":")" + unit_topic + R"(","grant":")" + grant + "\"}");
  EXPECT_EQ(ws.receive_json(5s)->at("type"), "subscribed");

  const auto id = submit(erik, "send_message", R"({"message":"Hemligt innehåll"})");
  const auto frame = ws.receive(5s);
  ASSERT_TRUE(frame);
  const auto event = boost::json::parse(*frame);
  EXPECT_EQ(event.at("type"), "event");
  EXPECT_EQ(event.at("event").at("case_id").as_string(), id);
  EXPECT_EQ(event.at("event").at("status"), "new");
  EXPECT_EQ(frame->find("Hemligt"), std::string::npos);  // ids and statuses, no content
  EXPECT_EQ(frame->find("Erik"), std::string::npos);

  // The patient's open thread hears the reply.
  const auto case_grant =
      send(erik, "POST", "/api/v1/realtime/grants", R"({"topics":["case:)" + id + "\"]}");
  ASSERT_EQ(case_grant.status, 200) << case_grant.body;
  WebSocketClient patient_ws(port(), "/api/v1/ws");
  ASSERT_TRUE(patient_ws.receive_json(5s));
  patient_ws.send(R"({"type":"subscribe","topic":"case:)" + id + R"(","grant":")" +
                  std::string(case_grant.json().at("grants").at(0).at("grant").as_string()) +
                  "\"}");
  EXPECT_EQ(patient_ws.receive_json(5s)->at("type"), "subscribed");
  ASSERT_EQ(send(karin, "POST", "/api/v1/cases/" + id + "/messages", R"({"body":"Svar"})").status,
            201);
  const auto reply = patient_ws.receive_json(5s);
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->at("event").at("status"), "open");
  // Another patient cannot listen to this case.
  const auto sara = log_in("Sara Lindqvist");
  EXPECT_EQ(
      send(sara, "POST", "/api/v1/realtime/grants", R"({"topics":["case:)" + id + "\"]}").status,
      403);
}

TEST_F(EservicesEndToEnd, ImagesAreCheckedByContentAndServedOnlyToThoseWithAccess) {
  const auto erik = log_in("Erik Sandberg");
  const auto karin = log_in("Karin Ekström");
  const auto id = submit(erik, "send_message", R"({"message":"Ett utslag, se bild"})");
  const std::string png("\x89PNG\r\n\x1A\n\x00\x00\x00\x0DIHDR", 16);
  const std::string html = "<html><script>alert(1)</script></html>";
  const auto target = "/api/v1/cases/" + id + "/attachments";
  const auto disguised = send(erik, "POST", target, html, "image/png");
  EXPECT_EQ(disguised.status, 415) << disguised.body;
  EXPECT_EQ(send(erik, "POST", target, png, "image/jpeg").status, 415);
  EXPECT_EQ(send(erik, "POST", target, png, "image/gif").status, 415);
  EXPECT_EQ(send(erik, "POST", target, png + std::string(1'000'000, 'x'), "image/png").status, 413);
  const auto before = get(erik, "/api/v1/cases/" + id).json();
  EXPECT_EQ(before.at("images").at("accepted"), true);  // Björkdalen takes JPEG and PNG
  EXPECT_EQ(before.at("images").at("max_bytes"), 1'000'000);
  const auto stored = send(erik, "POST", target, png, "image/png");
  ASSERT_EQ(stored.status, 201) << stored.body;
  const std::string attachment(stored.json().at("id").as_string());
  const auto image = get(karin, target + "/" + attachment);
  ASSERT_EQ(image.status, 200);
  EXPECT_EQ(image.body, png);
  EXPECT_EQ(image.header("content-type"), "image/png");
  EXPECT_EQ(image.header("cache-control"), "private, no-store");
  EXPECT_EQ(image.header("x-content-type-options"), "nosniff");
  EXPECT_EQ(get(log_in("Sara Lindqvist"), target + "/" + attachment).status, 403);
  // The thread shows the image on its message.
  const auto thread = get(karin, "/api/v1/cases/" + id).json();
  EXPECT_EQ(thread.at("messages").as_array().back().at("attachments").at(0).at("id").as_string(),
            attachment);
}

}  // namespace
}  // namespace oppenvard::testing
