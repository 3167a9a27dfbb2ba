// Booking end to end against the real binary with the demo timebook of Vårdcentralen
// Björkdalen and a demo clock started on Monday 23 November 2026 at 07:00: self-booking,
// calendar files, rebooking and cancelling; a booking request turned into a video appointment
// with the suitability check; and a storm of concurrent bookings that never double-books.
#include <gtest/gtest.h>
#include <boost/json.hpp>

#include <atomic>
#include <map>
#include <thread>

#include "support/client.hpp"
#include "support/server_process.hpp"

namespace oppenvard::testing {
namespace {

const std::string kBjorkdalen = "0190a000-0000-7000-8000-000000000011";
const std::string kVideoType = "0190a000-0000-7000-8000-000000000302";

class BookingEndToEnd : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new ServerProcess(
        std::map<std::string, std::string>{{"OPPENVARD_ACCESS_LOG", "false"},
                                           {"OPPENVARD_DEMO_NOW", "2026-11-23T07:00:00+01:00"},
                                           {"OPPENVARD_POOL_SIZE", "8"}});
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
  static HttpResult post(const DemoSession& s, const std::string& target, const std::string& body) {
    return session_request(port(), s, "POST", target, body);
  }
  static std::vector<std::string> free_slots(const DemoSession& s, const std::string& query) {
    const auto r = get(s, "/api/v1/units/" + kBjorkdalen + "/slots?" + query);
    EXPECT_EQ(r.status, 200) << r.body;
    std::vector<std::string> ids;
    const auto body = r.json();
    for (const auto& item : body.at("items").as_array())
      ids.emplace_back(item.at("id").as_string());
    return ids;
  }

  static ServerProcess* server_;
};
ServerProcess* BookingEndToEnd::server_ = nullptr;

TEST_F(BookingEndToEnd, APatientSelfBooksGetsACalendarFileRebooksAndCancels) {
  const auto erik = log_in("Erik Sandberg");
  // Wednesday 25 November onwards: more than 24 hours ahead of the demo clock.
  const auto slots = free_slots(erik, "from=2026-11-25&to=2026-11-26&limit=10");
  ASSERT_GE(slots.size(), 2u);
  const auto booked = post(erik, "/api/v1/appointments", R"({"slot_id":")" + slots[0] + "\"}");
  ASSERT_EQ(booked.status, 201) << booked.body;
  const auto a = booked.json();
  EXPECT_EQ(a.at("start"), "2026-11-25T07:00:00.000Z");  // 08:00 in Stockholm
  EXPECT_EQ(a.at("source"), "self_service");
  const std::string id(a.at("id").as_string());
  // Taken: nobody books it again, and it is gone from the free list.
  const auto taken =
      post(log_in("Sara Lindqvist"), "/api/v1/appointments", R"({"slot_id":")" + slots[0] + "\"}");
  EXPECT_EQ(taken.status, 409);
  EXPECT_EQ(taken.json().at("code"), "slot_taken");
  EXPECT_EQ(free_slots(erik, "from=2026-11-25&to=2026-11-26&limit=10").front(), slots[1]);

  const auto ics = get(erik, "/api/v1/appointments/" + id + "/calendar.ics");
  ASSERT_EQ(ics.status, 200);
  EXPECT_EQ(ics.header("content-type"), "text/calendar; charset=utf-8");
  EXPECT_NE(ics.body.find("METHOD:REQUEST"), std::string::npos);
  EXPECT_NE(ics.body.find("DTSTART:20261125T070000Z"), std::string::npos);
  EXPECT_NE(ics.body.find("\r\n"), std::string::npos);  // RFC 5545 lines end in CRLF
  for (const char* secret : {"Björkdalen", "Karin", "Erik", "Läkarbesök"}) {
    EXPECT_EQ(ics.body.find(secret), std::string::npos) << secret;
  }

  const auto moved =
      post(erik, "/api/v1/appointments/" + id + "/rebook", R"({"slot_id":")" + slots[1] + "\"}");
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(moved.json().at("id").as_string(), id);
  EXPECT_EQ(moved.json().at("sequence"), 1);
  EXPECT_NE(get(erik, "/api/v1/appointments/" + id + "/calendar.ics").body.find("SEQUENCE:1"),
            std::string::npos);

  const auto cancelled = post(erik, "/api/v1/appointments/" + id + "/cancel", "");
  ASSERT_EQ(cancelled.status, 200) << cancelled.body;
  EXPECT_EQ(cancelled.json().at("status"), "cancelled");
  const auto cancel_ics = get(erik, "/api/v1/appointments/" + id + "/calendar.ics").body;
  EXPECT_NE(cancel_ics.find("METHOD:CANCEL"), std::string::npos);
  EXPECT_NE(cancel_ics.find("SEQUENCE:2"), std::string::npos);
  // Today's times are inside the 24-hour limit: booked, but not cancelled online.
  const auto today = free_slots(erik, "from=2026-11-23&to=2026-11-24&limit=1");
  ASSERT_EQ(today.size(), 1u);
  const auto soon = post(erik, "/api/v1/appointments", R"({"slot_id":")" + today[0] + "\"}");
  ASSERT_EQ(soon.status, 201);
  EXPECT_EQ(
      post(erik,
           "/api/v1/appointments/" + std::string(soon.json().at("id").as_string()) + "/cancel", "")
          .status,
      409);
}

TEST_F(BookingEndToEnd, StaffTurnABookingRequestIntoAVideoAppointmentWithTheSuitabilityCheck) {
  const auto erik = log_in("Erik Sandberg");
  const auto karin = log_in("Karin Ekström");
  const auto request =
      post(erik, "/api/v1/cases",
           R"({"clinic_id":")" + kBjorkdalen +
               R"(","service_code":"book_appointment","fields":{"reason":"Uppföljning",)"
               R"("wished_times":"Tisdag eftermiddag","channel":"video"}})");
  ASSERT_EQ(request.status, 201) << request.body;
  const std::string case_id(request.json().at("id").as_string());
  const std::string erik_id(request.json().at("patient").at("id").as_string());
  // Patients cannot see video times; staff can.
  EXPECT_TRUE(free_slots(erik, "appointment_type_id=" + kVideoType).empty());
  const auto video = free_slots(karin, "appointment_type_id=" + kVideoType + "&limit=1");
  ASSERT_EQ(video.size(), 1u);
  const auto body = R"({"slot_id":")" + video[0] + R"(","patient_id":")" + erik_id +
                    R"(","case_id":")" + case_id + "\"";
  const auto unconfirmed = post(karin, "/api/v1/appointments", body + "}");
  EXPECT_EQ(unconfirmed.status, 422) << unconfirmed.body;
  const auto booked =
      post(karin, "/api/v1/appointments", body + R"(,"suitability_confirmed":true})");
  ASSERT_EQ(booked.status, 201) << booked.body;
  EXPECT_EQ(booked.json().at("source"), "request");
  EXPECT_EQ(booked.json().at("suitability").at("confirmed_by"),
            "0190a000-0000-7000-8000-000000000201");
  // One action: the request is answered and closed, and the patient sees the time.
  const auto c = get(erik, "/api/v1/cases/" + case_id).json();
  EXPECT_EQ(c.at("status"), "closed");
  EXPECT_EQ(c.at("outcome"), "appointment_booked");
  EXPECT_NE(std::string(c.at("messages").as_array().back().at("body").as_string())
                .find("Du har fått en tid"),
            std::string::npos);
  bool listed = false;
  const auto mine = get(erik, "/api/v1/me/appointments").json();
  for (const auto& a : mine.at("items").as_array()) {
    if (a.at("case_id").is_string() && a.at("case_id").as_string() == case_id) listed = true;
  }
  EXPECT_TRUE(listed);
}

TEST_F(BookingEndToEnd, TheUnitManagerSchedulesAndStaffBookAPatientFoundByPersonalId) {
  const auto mats = log_in("Mats Johansson");
  const auto karin = log_in("Karin Ekström");
  const std::string unit = "/api/v1/units/" + kBjorkdalen;
  const auto type = post(mats, unit + "/appointment-types",
                         R"({"name_sv":"Såromläggning","name_en":"Wound care","minutes":20,)"
                         R"("channel":"in_person","profession":"other","self_bookable":true})");
  ASSERT_EQ(type.status, 201) << type.body;
  const std::string type_id(type.json().at("id").as_string());
  int listed = 0;
  const auto types = get(mats, unit + "/appointment-types").json();
  for (const auto& t : types.at("items").as_array()) {
    if (t.at("id").as_string() == type_id) ++listed;
  }
  EXPECT_EQ(listed, 1);  // each type once

  // Who can be scheduled: the unit's staff, with titles.
  const auto staff = get(mats, unit + "/staff");
  ASSERT_EQ(staff.status, 200) << staff.body;
  std::string karin_id;
  const auto staff_list = staff.json();
  for (const auto& p : staff_list.at("items").as_array()) {
    if (p.at("name") == "Karin Ekström") karin_id = p.at("id").as_string();
  }
  ASSERT_FALSE(karin_id.empty());
  // Saturdays 09:00–10:00 from 5 December: three 20-minute times a week.
  const auto hours =
      post(mats, unit + "/opening-hours",
           R"({"staff_id":")" + karin_id + R"(","appointment_type_id":")" + type_id +
               R"(","weekday":6,"start_minute":540,"end_minute":600,"valid_from":"2026-12-05"})");
  ASSERT_EQ(hours.status, 201) << hours.body;
  EXPECT_GE(hours.json().at("slots_created").as_int64(), 3);
  bool has_hours = false;
  const auto all_hours = get(karin, unit + "/opening-hours").json();
  for (const auto& h : all_hours.at("items").as_array()) {
    if (h.at("appointment_type_id").as_string() == type_id && h.at("weekday") == 6)
      has_hours = true;
  }
  EXPECT_TRUE(has_hours);
  const auto saturday =
      free_slots(karin, "appointment_type_id=" + type_id + "&from=2026-12-05&to=2026-12-06");
  ASSERT_EQ(saturday.size(), 3u);

  // Karin is away on 12 December: those times are no longer free, and the absence is listed.
  const auto away =
      post(mats, unit + "/absences",
           R"({"staff_id":")" + karin_id + R"(","from":"2026-12-12","to":"2026-12-13"})");
  ASSERT_EQ(away.status, 204) << away.body;
  EXPECT_TRUE(free_slots(karin, "appointment_type_id=" + type_id + "&from=2026-12-12&to=2026-12-13")
                  .empty());
  const auto absences_body = get(mats, unit + "/absences").json();
  const auto& absences = absences_body.at("items").as_array();
  ASSERT_FALSE(absences.empty());
  EXPECT_EQ(absences.back().at("staff").at("id").as_string(), karin_id);

  // Staff book directly: the patient is found by personal id sent in the body.
  const auto bad = post(karin, unit + "/patient-lookup", R"({"personal_id":"19750611-9813"})");
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(bad.json().at("code"), "bad_personal_id");
  EXPECT_EQ(bad.body.find("9813"), std::string::npos);  // the value is never echoed
  EXPECT_EQ(post(karin, unit + "/patient-lookup", R"({"personal_id":"19800101-2346"})").status,
            404);
  const auto found = post(karin, unit + "/patient-lookup", R"({"personal_id":"750611-9812"})");
  ASSERT_EQ(found.status, 200) << found.body;
  EXPECT_EQ(found.json().at("name"), "Erik Sandberg");
  const std::string erik_id(found.json().at("id").as_string());
  const auto booked =
      post(karin, "/api/v1/appointments",
           R"({"slot_id":")" + saturday[0] + R"(","patient_id":")" + erik_id + "\"}");
  ASSERT_EQ(booked.status, 201) << booked.body;
  EXPECT_EQ(booked.json().at("source"), "staff");
  EXPECT_EQ(booked.json().at("patient").at("id").as_string(), erik_id);
  // Patients see neither the unit's staff list nor its schedule.
  const auto erik = log_in("Erik Sandberg");
  EXPECT_EQ(get(erik, unit + "/staff").status, 403);
  EXPECT_EQ(get(erik, unit + "/opening-hours").status, 403);
}

TEST_F(BookingEndToEnd, AStormOfConcurrentBookingsNeverDoubleBooks) {
  const auto slots = free_slots(log_in("Karin Ekström"), "from=2026-12-01&to=2026-12-02&limit=4");
  ASSERT_EQ(slots.size(), 4u);
  const std::vector<std::string> names{"Erik Sandberg", "Sara Lindqvist", "Greta Holm",
                                       "Amir Haddad"};
  std::vector<DemoSession> sessions;
  for (const auto& n : names) sessions.push_back(log_in(n));
  std::atomic<int> go{0};
  std::map<std::string, std::atomic<int>> created;
  std::map<std::string, std::atomic<int>> conflicts;
  for (const auto& s : slots) {
    created[s] = 0;
    conflicts[s] = 0;
  }
  std::atomic<int> other{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 24; ++i) {
    threads.emplace_back([&, i] {
      const auto& slot = slots[static_cast<std::size_t>(i % 4)];
      const auto& session = sessions[static_cast<std::size_t>((i / 4) % 4)];
      while (go.load() == 0) std::this_thread::yield();
      const auto r = post(session, "/api/v1/appointments", R"({"slot_id":")" + slot + "\"}");
      if (r.status == 201)
        ++created[slot];
      else if (r.status == 409)
        ++conflicts[slot];
      else
        ++other;
    });
  }
  go = 1;
  for (auto& t : threads) t.join();
  EXPECT_EQ(other.load(), 0);
  for (const auto& s : slots) {
    EXPECT_EQ(created[s].load(), 1) << s;
    EXPECT_EQ(conflicts[s].load(), 5) << s;
  }
}

}  // namespace
}  // namespace oppenvard::testing
