// The authorisation matrix: every route the server documents (and the OpenAPI coverage test
// proves that is every route it serves) × every kind of caller, allowed or denied. A new
// route without a row here fails the test.
#include <gtest/gtest.h>
#include <boost/json.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <thread>

#include "support/client.hpp"
#include "support/server_process.hpp"

namespace oppenvard::testing {
namespace {

using namespace std::chrono_literals;

enum class Policy {
  public_route,
  session,
  patient,
  password_staff,
  unit_manager,
  websocket,
  staff,           // any staff member
  case_parties,    // the case's patient (Erik) and staff of its care unit (Björkdalen)
  case_patient,    // the case's patient only
  unit_staff,      // staff with a care role at Björkdalen (Karin, Mats)
  report_reader,   // unit managers (their units) and region administrators (all)
  slot_readers,    // patients (Björkdalen offers its timebook) and staff of the unit
  region_admin,    // region administrators only
  unit_or_region,  // staff of the unit and region administrators
};

// Who may call what. Rows are "METHOD /pattern".
const std::map<std::string, Policy> kPolicy{
    {"GET /healthz", Policy::public_route},
    {"GET /readyz", Policy::public_route},
    {"GET /metrics", Policy::public_route},
    {"GET /api/v1/openapi.json", Policy::public_route},
    {"GET /api/v1/ws", Policy::websocket},
    {"GET /api/v1/clinics", Policy::public_route},
    {"GET /api/v1/clinics/{id}", Policy::public_route},
    {"GET /api/v1/calendar/days-off", Policy::public_route},
    {"POST /api/v1/calendar/answer-deadline", Policy::public_route},
    {"GET /api/v1/auth/methods", Policy::public_route},
    {"GET /api/v1/auth/demo/people", Policy::public_route},
    {"POST /api/v1/auth/demo/start", Policy::public_route},
    {"POST /api/v1/auth/demo/collect", Policy::public_route},
    {"POST /api/v1/auth/demo/cancel", Policy::public_route},
    {"POST /api/v1/auth/staff/password", Policy::public_route},
    {"POST /api/v1/auth/staff/totp", Policy::public_route},
    {"GET /api/v1/auth/oidc/{id}/start", Policy::public_route},
    {"GET /api/v1/auth/oidc/{id}/callback", Policy::public_route},
    {"GET /api/v1/me", Policy::session},
    {"PUT /api/v1/me/acting-for", Policy::session},
    {"POST /api/v1/auth/logout", Policy::session},
    {"POST /api/v1/auth/logout-everywhere", Policy::session},
    {"GET /api/v1/me/access-log", Policy::patient},
    {"PUT /api/v1/me/password-reset", Policy::password_staff},
    {"GET /api/v1/audit/events", Policy::unit_manager},
    {"GET /api/v1/audit/sample", Policy::unit_manager},
    {"POST /api/v1/audit/events/{id}/reviews", Policy::unit_manager},
    {"POST /api/v1/realtime/grants", Policy::session},
    {"GET /api/v1/clinics/{id}/eservices/{code}/form", Policy::public_route},
    {"GET /api/v1/clinics/{id}/information", Policy::public_route},
    {"PUT /api/v1/clinics/{id}/information", Policy::unit_manager},
    {"GET /api/v1/clinics/{id}/eservice-administration", Policy::unit_manager},
    {"PUT /api/v1/clinics/{id}/eservices/{code}", Policy::unit_manager},
    {"POST /api/v1/clinics/{id}/eservices", Policy::unit_manager},
    {"PUT /api/v1/clinics/{id}/eservice-admins", Policy::unit_manager},
    {"PUT /api/v1/clinics/{id}/eservice-publication", Policy::unit_manager},
    {"PUT /api/v1/clinics/{id}/image-routine", Policy::unit_manager},
    {"POST /api/v1/cases", Policy::patient},
    {"GET /api/v1/me/cases", Policy::patient},
    {"GET /api/v1/cases/{id}", Policy::case_parties},
    {"POST /api/v1/cases/{id}/messages", Policy::case_parties},
    {"POST /api/v1/cases/{id}/claim", Policy::unit_staff},
    {"PUT /api/v1/cases/{id}/assignee", Policy::unit_staff},
    {"POST /api/v1/cases/{id}/close", Policy::unit_staff},
    {"GET /api/v1/cases/{id}/summary", Policy::unit_staff},
    {"POST /api/v1/cases/{id}/documented", Policy::unit_staff},
    {"POST /api/v1/cases/{id}/attachments", Policy::case_patient},
    {"GET /api/v1/cases/{id}/attachments/{attachment_id}", Policy::case_parties},
    {"GET /api/v1/units/{id}/inbox", Policy::unit_staff},
    {"GET /api/v1/units/{id}/undocumented", Policy::unit_staff},
    {"GET /api/v1/units/{id}/escalations", Policy::unit_manager},
    {"GET /api/v1/me/absence", Policy::staff},
    {"PUT /api/v1/me/absence", Policy::staff},
    {"DELETE /api/v1/me/absence", Policy::staff},
    {"GET /api/v1/reports/eservices", Policy::report_reader},
    {"GET /api/v1/units/{id}/appointment-types", Policy::public_route},
    {"POST /api/v1/units/{id}/appointment-types", Policy::unit_manager},
    {"POST /api/v1/units/{id}/opening-hours", Policy::unit_staff},
    {"GET /api/v1/units/{id}/opening-hours", Policy::unit_staff},
    {"GET /api/v1/units/{id}/absences", Policy::unit_staff},
    {"GET /api/v1/units/{id}/staff", Policy::unit_staff},
    {"POST /api/v1/units/{id}/patient-lookup", Policy::unit_staff},
    {"GET /api/v1/units/{id}/slots", Policy::slot_readers},
    {"POST /api/v1/units/{id}/slots", Policy::unit_staff},
    {"POST /api/v1/units/{id}/absences", Policy::unit_staff},
    {"GET /api/v1/units/{id}/appointments", Policy::unit_staff},
    {"PUT /api/v1/units/{id}/patients/{patient_id}/disability-flag", Policy::unit_staff},
    {"POST /api/v1/units/{id}/patients/{patient_id}/maturity-assessments", Policy::unit_staff},
    // Staff book for a patient (the body names one); patients book without patient_id.
    {"POST /api/v1/appointments", Policy::unit_staff},
    {"GET /api/v1/me/appointments", Policy::patient},
    {"GET /api/v1/appointments/{id}", Policy::case_parties},
    {"POST /api/v1/appointments/{id}/cancel", Policy::case_parties},
    {"POST /api/v1/appointments/{id}/rebook", Policy::case_parties},
    {"POST /api/v1/appointments/{id}/status", Policy::unit_staff},
    {"GET /api/v1/appointments/{id}/calendar.ics", Policy::case_parties},
    {"GET /api/v1/me/notification-consents", Policy::patient},
    {"PUT /api/v1/me/notification-consents", Policy::patient},
    {"GET /api/v1/units/{id}/patients/{patient_id}/notification-consents", Policy::unit_staff},
    {"POST /api/v1/units/{id}/patients/{patient_id}/notification-consents", Policy::unit_staff},
    {"GET /api/v1/clinics/{id}/notification-settings", Policy::unit_or_region},
    {"PUT /api/v1/clinics/{id}/notification-settings", Policy::unit_manager},
    {"GET /api/v1/notification-templates", Policy::region_admin},
    {"PUT /api/v1/notification-templates/{event}/{channel}/{language}", Policy::region_admin},
    {"GET /api/v1/notification-outbox", Policy::region_admin},
    {"POST /api/v1/notification-outbox/{id}/retry", Policy::region_admin},
    // Gateways' delivery reports carry a token of their own, not a session.
    {"GET /api/v1/notify/sms-reports", Policy::public_route},
    {"GET /api/v1/me/notifications", Policy::staff},
    {"POST /api/v1/me/notifications/{id}/read", Policy::staff},
    {"GET /api/v1/me/notification-preferences", Policy::staff},
    {"PUT /api/v1/me/notification-preferences", Policy::staff},
    {"POST /api/v1/appointments/{id}/meeting", Policy::case_parties},
    // Meetings answer only their participants; to everyone else a meeting does not exist (404).
    {"POST /api/v1/meetings/{id}/readiness", Policy::staff},
    {"POST /api/v1/meetings/{id}/join", Policy::session},
    {"GET /api/v1/meetings/{id}", Policy::session},
    {"POST /api/v1/meetings/{id}/leave", Policy::session},
    {"POST /api/v1/meetings/{id}/participants/{participant_id}/admission", Policy::session},
    {"POST /api/v1/meetings/{id}/participants/{participant_id}/identified", Policy::session},
    {"PUT /api/v1/meetings/{id}/confidentiality", Policy::session},
    {"POST /api/v1/meetings/{id}/invitations", Policy::session},
    {"POST /api/v1/meetings/{id}/signals", Policy::session},
    {"POST /api/v1/meetings/{id}/chat", Policy::session},
    {"GET /api/v1/meetings/{id}/ice-servers", Policy::session},
    {"POST /api/v1/meetings/{id}/grant", Policy::session},
    {"POST /api/v1/meetings/{id}/phone-fallback", Policy::session},
    {"POST /api/v1/meetings/{id}/end", Policy::session},
    // Guests present the link's token; it is their only credential.
    {"POST /api/v1/meeting-invitations/accept", Policy::public_route},
    {"PUT /api/v1/units/{id}/staff/{staff_id}/meeting-training", Policy::unit_manager},
    {"PUT /api/v1/units/{id}/staff/{staff_id}/remote-work-approval", Policy::unit_manager},
    {"GET /api/v1/units/{id}/hosting-records", Policy::unit_manager},
    {"DELETE /api/v1/units/{id}/staff/{staff_id}/meeting-training", Policy::unit_manager},
    {"DELETE /api/v1/units/{id}/staff/{staff_id}/remote-work-approval", Policy::unit_manager},
};

const std::string kBjorkdalen = "0190a000-0000-7000-8000-000000000011";

struct Caller {
  std::string name;  // demo person, or "" for anonymous
  std::string kind;  // anonymous patient guardian doctor unit_manager region_admin
};
const std::vector<Caller> kCallers{{"", "anonymous"},
                                   {"Erik Sandberg", "patient"},
                                   {"Sara Lindqvist", "guardian"},
                                   {"Karin Ekström", "doctor"},
                                   {"Mats Johansson", "unit_manager"},
                                   {"Olof Strand", "region_admin"}};

bool allowed(Policy policy, const std::string& kind) {
  switch (policy) {
    case Policy::public_route:
    case Policy::websocket:
      return true;
    case Policy::session:
      return kind != "anonymous";
    case Policy::patient:
      return kind == "patient" || kind == "guardian";
    case Policy::password_staff:
      return kind == "doctor" || kind == "unit_manager" || kind == "region_admin";
    case Policy::unit_manager:
      return kind == "unit_manager";
    case Policy::staff:
      return kind == "doctor" || kind == "unit_manager" || kind == "region_admin";
    case Policy::case_parties:
      return kind == "patient" || kind == "doctor" || kind == "unit_manager";
    case Policy::case_patient:
      return kind == "patient";
    case Policy::unit_staff:
      return kind == "doctor" || kind == "unit_manager";
    case Policy::report_reader:
      return kind == "unit_manager" || kind == "region_admin";
    case Policy::slot_readers:
      return kind == "patient" || kind == "guardian" || kind == "doctor" || kind == "unit_manager";
    case Policy::region_admin:
      return kind == "region_admin";
    case Policy::unit_or_region:
      return kind == "doctor" || kind == "unit_manager" || kind == "region_admin";
  }
  return false;
}

const std::string kAnna = "0190a000-0000-7000-8000-000000000202";
const std::string kKarin = "0190a000-0000-7000-8000-000000000201";
const std::string kErik = "0190a000-0000-7000-8000-000000000107";
const std::string kVisitType = "0190a000-0000-7000-8000-000000000301";

// Things the concrete requests refer to, created before the matrix runs.
struct Fixture {
  std::string case_id;         // Erik's case at Björkdalen
  std::string appointment_id;  // Erik's appointment at Björkdalen
  std::string slot_id;         // a free slot at Björkdalen
};

// A concrete request for a route pattern, with a plausible body. Bodies are valid so that a
// refusal, not a validation error, is what the caller meets; the allowed calls leave the demo
// as it was (the same settings again) or add harmless data.
std::pair<std::string, std::string> concrete(const std::string& pattern, const Fixture& f) {
  std::string path = pattern;
  auto fill = [&](const std::string& name, const std::string& value) {
    if (auto at = path.find(name); at != std::string::npos) path.replace(at, name.size(), value);
  };
  if (pattern.starts_with("/api/v1/units/{id}/")) {
    fill("{id}", kBjorkdalen);
    fill("{patient_id}", kErik);
    if (pattern.ends_with("/appointment-types")) {
      return {path, R"({"name_sv":"Test","name_en":"Test","minutes":30,"channel":"in_person",)"
                    R"("profession":"other"})"};
    }
    if (pattern.ends_with("/opening-hours")) {
      return {path, R"({"staff_id":")" + kKarin + R"(","appointment_type_id":")" + kVisitType +
                        R"(","weekday":6,"start_minute":540,"end_minute":600,)"
                        R"("valid_from":"2026-01-01"})"};
    }
    if (pattern.ends_with("/slots")) {
      return {path, R"({"staff_id":")" + kKarin + R"(","appointment_type_id":")" + kVisitType +
                        R"(","start":"2031-01-07T07:00:00Z"})"};
    }
    if (pattern.ends_with("/absences")) {
      return {path, R"({"staff_id":")" + kKarin +
                        R"(","from":"2031-02-01T00:00:00Z","to":"2031-02-02T00:00:00Z"})"};
    }
    fill("{staff_id}", kKarin);
    if (pattern.ends_with("/meeting-training")) return {path, R"({"completed_on":"2026-09-01"})"};
    if (pattern.ends_with("/remote-work-approval")) {
      return {path, R"({"insurance_proof_seen":false})"};
    }
    if (pattern.ends_with("/patient-lookup")) return {path, R"({"personal_id":"19750611-9812"})"};
    if (pattern.ends_with("/notification-consents")) {
      return {path, R"({"channel":"email","given":true,"address":"erik@example.se",)"
                    R"("method":"muntligt vid besök"})"};
    }
    if (pattern.ends_with("/disability-flag")) return {path, R"({"flagged":false})"};
    if (pattern.ends_with("/maturity-assessments")) return {path, R"({"suitable":true})"};
  }
  if (pattern == "/api/v1/appointments") {
    return {pattern, R"({"slot_id":")" + f.slot_id + R"(","patient_id":")" + kErik + "\"}"};
  }
  if (pattern.starts_with("/api/v1/meetings/{id}")) {
    fill("{id}", "no-such-meeting");
    fill("{participant_id}", "no-such-participant");
    if (pattern.ends_with("/readiness")) {
      return {path, R"({"location":"workplace","checklist_confirmed":true})"};
    }
    if (pattern.ends_with("/admission")) return {path, R"({"admitted":true})"};
    if (pattern.ends_with("/confidentiality")) return {path, R"({"note":"Sekretessprövat."})"};
    if (pattern.ends_with("/invitations")) {
      return {path, R"({"name":"Sofia Berg","organisation":"Botkyrka kommun"})"};
    }
    if (pattern.ends_with("/signals")) return {path, R"({"to":"x","payload":{"sdp":"x"}})"};
    if (pattern.ends_with("/chat")) return {path, R"({"text":"Hej"})"};
    return {path, ""};
  }
  if (pattern == "/api/v1/meeting-invitations/accept") return {pattern, R"({"token":"x"})"};
  if (pattern.starts_with("/api/v1/appointments/{id}")) {
    fill("{id}", f.appointment_id);
    if (pattern.ends_with("/rebook")) return {path, R"({"slot_id":")" + f.slot_id + "\"}"};
    if (pattern.ends_with("/status")) return {path, R"({"status":"arrived"})"};
    return {path, ""};
  }
  if (pattern.starts_with("/api/v1/clinics/{id}/") || pattern.starts_with("/api/v1/units/{id}/")) {
    fill("{id}", kBjorkdalen);
    fill("{code}", pattern.ends_with("/form") ? "contact_me" : "advice");
    if (pattern.ends_with("/eservices/{code}") || path.ends_with("/eservices/advice")) {
      return {path, R"({"status":"on"})"};
    }
    if (pattern.ends_with("/eservices")) return {path, R"({"name_sv":"Test","name_en":"Test"})"};
    if (pattern.ends_with("/eservice-admins"))
      return {path, R"({"staff_ids":[")" + kAnna + R"("]})"};
    if (pattern.ends_with("/eservice-publication")) return {path, R"({"published":true})"};
    if (pattern.ends_with("/notification-settings")) return {path, R"({"sms_enabled":false})"};
    if (pattern.ends_with("/information")) {
      return {path, R"({"material":[],"support":[{"label":"Support","phone":"0771-11 77 00"}]})"};
    }
    if (pattern.ends_with("/image-routine")) {
      return {path, R"({"enabled":true,"types":["image/jpeg","image/png"],"max_bytes":1000000,)"
                    R"("retention_days":30})"};
    }
    return {path, ""};
  }
  if (pattern == "/api/v1/me/notification-consents") {
    return {pattern, R"({"clinic_id":")" + kBjorkdalen +
                         R"(","channel":"email","given":true,"address":"erik@example.se"})"};
  }
  if (pattern == "/api/v1/me/notification-preferences") {
    return {pattern, R"({"channel":"email","escalations":false})"};
  }
  if (pattern.starts_with("/api/v1/notification-templates/")) {
    return {"/api/v1/notification-templates/case_reply/sms/sv",
            R"({"body":"Du har fått ett nytt meddelande i e-tjänsterna. Logga in på {link}."})"};
  }
  if (pattern == "/api/v1/notification-outbox/{id}/retry") {
    return {"/api/v1/notification-outbox/no-such-delivery/retry", ""};
  }
  if (pattern == "/api/v1/me/notifications/{id}/read") {
    return {"/api/v1/me/notifications/no-such-notice/read", ""};
  }
  if (pattern.starts_with("/api/v1/cases/{id}")) {
    fill("{id}", f.case_id);
    fill("{attachment_id}", "no-such-attachment");
    if (pattern.ends_with("/messages")) return {path, R"({"body":"Hej"})"};
    if (pattern.ends_with("/assignee")) return {path, R"({"staff_id":null})"};
    if (pattern.ends_with("/close")) return {path, R"({"outcome":"answered"})"};
    return {path, ""};
  }
  if (pattern == "/api/v1/cases") {
    return {pattern, R"({"clinic_id":")" + kBjorkdalen +
                         R"(","service_code":"send_message","fields":{"message":"Hej"}})"};
  }
  if (pattern == "/api/v1/realtime/grants") return {pattern, R"({"topics":["public:directory"]})"};
  if (pattern == "/api/v1/me/absence") {
    return {pattern, R"({"from":"2030-01-01T00:00:00Z","to":"2030-01-02T00:00:00Z"})"};
  }
  if (pattern == "/api/v1/clinics/{id}") return {"/api/v1/clinics/" + kBjorkdalen, ""};
  if (pattern == "/api/v1/calendar/days-off") return {pattern + "?year=2026", ""};
  if (pattern == "/api/v1/calendar/answer-deadline") {
    return {pattern, R"({"arrived":"2026-12-23T10:00:00+01:00"})"};
  }
  if (pattern == "/api/v1/me/acting-for") return {pattern, R"({"patient_id":null})"};
  if (pattern == "/api/v1/me/password-reset") {
    return {pattern, R"({"email":"x@example.se","phone":"070-000 00 00"})"};
  }
  if (pattern == "/api/v1/audit/events") return {pattern + "?care_unit_id=" + kBjorkdalen, ""};
  if (pattern == "/api/v1/audit/sample") {
    return {pattern + "?care_unit_id=" + kBjorkdalen +
                "&from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z",
            ""};
  }
  if (pattern == "/api/v1/audit/events/{id}/reviews") {
    return {"/api/v1/audit/events/0190a000-0000-7000-8000-999999999999/reviews", R"({"note":"x"})"};
  }
  fill("{id}", "no-such-id");
  return {path, "{}"};
}

TEST(AuthorizationMatrix, EveryRouteHasAPolicyAndEveryCallerGetsExactlyIt) {
  ServerProcess server(std::map<std::string, std::string>{{"OPPENVARD_ACCESS_LOG", "false"}});
  const auto doc = http_request(server.port(), "GET", "/api/v1/openapi.json").json();
  std::vector<std::pair<std::string, std::string>> routes;  // method, pattern
  for (const auto& [path, item] : doc.at("paths").as_object()) {
    for (const auto& [method, op] : item.as_object()) {
      std::string m(method);
      for (auto& c : m) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      routes.emplace_back(m, std::string(path));
    }
  }
  // Log-outs last: "log out everywhere" ends every session of the caller.
  std::stable_partition(routes.begin(), routes.end(), [](const auto& route) {
    return route.second.find("/logout") == std::string::npos;
  });
  for (const auto& [method, pattern] : routes) {
    EXPECT_TRUE(kPolicy.contains(method + " " + pattern))
        << method << " " << pattern << " has no row in the authorisation matrix";
  }
  // One case of Erik's at Björkdalen for the case routes.
  const auto erik = demo_session(server.port(), "Erik Sandberg");
  const auto [cases_path, case_body] = concrete("/api/v1/cases", {});
  const auto created = http_request(
      server.port(), "POST", cases_path, case_body,
      {{"Cookie", erik.cookie}, {"X-CSRF-Token", erik.csrf}, {"Content-Type", "application/json"}});
  ASSERT_EQ(created.status, 201) << created.body;
  Fixture fixture;
  fixture.case_id = std::string(created.json().at("id").as_string());
  // Erik books the first free time; the matrix books, moves and marks around the second.
  const auto free =
      http_request(server.port(), "GET", "/api/v1/units/" + kBjorkdalen + "/slots?limit=5", "",
                   {{"Cookie", erik.cookie}})
          .json();
  ASSERT_GE(free.at("items").as_array().size(), 2u);
  const std::string first(free.at("items").at(0).at("id").as_string());
  fixture.slot_id = std::string(free.at("items").at(1).at("id").as_string());
  const auto booked = http_request(
      server.port(), "POST", "/api/v1/appointments", R"({"slot_id":")" + first + "\"}",
      {{"Cookie", erik.cookie}, {"X-CSRF-Token", erik.csrf}, {"Content-Type", "application/json"}});
  ASSERT_EQ(booked.status, 201) << booked.body;
  fixture.appointment_id = std::string(booked.json().at("id").as_string());
  for (const auto& caller : kCallers) {
    DemoSession session = demo_session(server.port(), caller.name);
    for (const auto& [method, pattern] : routes) {
      const auto it = kPolicy.find(method + " " + pattern);
      if (it == kPolicy.end() || it->second == Policy::websocket) continue;
      const bool logout = pattern.find("/logout") != std::string::npos;
      // Log-outs end the session: they get a session of their own.
      const DemoSession own = logout ? demo_session(server.port(), caller.name) : session;
      const auto [target, body] = concrete(pattern, fixture);
      HttpResult r;
      try {
        r = session_request(server.port(), own, method, target, body);
      } catch (const std::exception& e) {
        FAIL() << caller.kind << " " << method << " " << pattern << ": " << e.what() << "\n"
               << server.output();
      }
      const bool denied =
          r.status == 401 || r.status == 403 ||
          (it->second == Policy::unit_manager && r.status == 404 &&
           pattern.find("reviews") != std::string::npos && caller.kind != "unit_manager");
      if (allowed(it->second, caller.kind)) {
        EXPECT_FALSE(r.status == 401 || r.status == 403)
            << caller.kind << " was refused " << method << " " << pattern << ": " << r.status << " "
            << r.body;
        EXPECT_LT(r.status, 500) << method << " " << pattern << " " << r.body;
      } else {
        EXPECT_TRUE(denied) << caller.kind << " reached " << method << " " << pattern << ": "
                            << r.status << " " << r.body;
        if (caller.kind == "anonymous") {
          EXPECT_EQ(r.status, 401) << method << " " << pattern;
        }
      }
    }
  }
}

}  // namespace
}  // namespace oppenvard::testing
