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
