#include "booking/service.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <mutex>
#include <thread>

#include "audit/store.hpp"
#include "core/time.hpp"
#include "db/testing.hpp"
#include "directory/testing.hpp"
#include "eservices/store.hpp"
#include "identity/testing.hpp"

namespace oppenvard::booking {
namespace {

using identity::StaffRole;
using identity::testing::patient;
using identity::testing::staff;

std::int64_t at(const char* text) {
  return *core::parse_rfc3339(text);
}

const std::string kUnit = "unit-1";

class BookingServiceTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    for (const auto& list : {directory::migrations(), identity::migrations(), audit::migrations(),
                             eservices::migrations(), migrations()}) {
      db::migrate(scratch_.db(), list);
    }
    directory::testing::seed_clinics(scratch_.db(), {{kUnit, "Vårdcentralen Björkdalen"}});
    identity::testing::seed_people(people_, kUnit);
    people_.upsert_patient({"nora", "1.2.752.129.2.1.3.1", "201103029847", "Nora", "Berglund",
                            "2011-03-02", std::nullopt, std::nullopt});
    service_.check_self_booking_with([](soci::session&, const std::string&) { return true; });
    visit_ = service_.add_type(staff("mats"), {"", kUnit, "Besök", "Visit", 30, Channel::in_person,
                                               Profession::doctor, true});
    video_ = service_.add_type(staff("mats"), {"", kUnit, "Videobesök", "Video visit", 30,
                                               Channel::video, Profession::doctor, false});
  }

  // Karin's Wednesday mornings 08–10 of the given type.
  std::size_t open_wednesdays(const AppointmentType& type) {
    OpeningHours h;
    h.care_unit_id = kUnit;
    h.staff_id = "karin";
    h.appointment_type_id = type.id;
    h.weekday = 3;
    h.start_minute = 8 * 60;
    h.end_minute = 10 * 60;
    h.valid_from = "2026-11-01";
    return service_.add_opening_hours(staff("mats"), h);
  }

  std::vector<Slot> free_slots(const AppointmentType& type) {
    SlotQuery q;
    q.care_unit_id = kUnit;
    q.appointment_type_id = type.id;
    q.to_ms = clock_.now_ms() + 30LL * 86'400'000;
    return service_.slots(staff("karin"), q);
  }

  Error error_of(const std::function<void()>& f) {
    try {
      f();
    } catch (const BookingError& e) {
      return e.error();
    }
    ADD_FAILURE() << "no error";
    return Error::not_allowed;
  }

  db::testing::ScratchDatabase scratch_{GetParam(), 8};
  identity::Store people_{scratch_.db()};
  core::FixedClock clock_{at("2026-11-23T09:00:00+01:00")};  // a Monday
  core::WorkingCalendar calendar_;
  audit::Service audit_{scratch_.db(), clock_};
  Store store_{scratch_.db()};
  Service service_{store_, people_, audit_, clock_, calendar_, Settings{}};
  AppointmentType visit_;
  AppointmentType video_;
};

TEST_P(BookingServiceTest, OpeningHoursBecomeSlotsUpToTheHorizonSkippingHolidays) {
  // Eight weeks from Monday 23 Nov: Wednesdays 25 Nov … 13 Jan, but not 6 Jan (Epiphany).
  EXPECT_EQ(open_wednesdays(visit_), 7u * 4u);
  const auto slots = free_slots(visit_);
  ASSERT_FALSE(slots.empty());
  EXPECT_EQ(slots.front().start_ms, at("2026-11-25T08:00:00+01:00"));
  EXPECT_EQ(slots.front().staff_name, "Karin Ekström");
  // The job is idempotent: nothing new until time moves on.
  EXPECT_EQ(service_.extend_slots(), 0u);
  clock_.set(at("2026-11-30T09:00:00+01:00"));
  EXPECT_EQ(service_.extend_slots(), 4u);  // one more Wednesday came into the horizon
}

TEST_P(BookingServiceTest, APatientSelfBooksCancelsAndRebooks) {
  open_wednesdays(visit_);
  const auto slots = free_slots(visit_);
  const auto booked = service_.book(patient("erik"), {slots[0].id, {}, {}, false});
  EXPECT_EQ(booked.status, AppointmentStatus::booked);
  EXPECT_EQ(booked.source, Source::self_service);
  EXPECT_EQ(booked.patient_id, "erik");
  EXPECT_EQ(free_slots(visit_).size(), slots.size() - 1);
  EXPECT_EQ(service_.my_appointments(patient("erik")).size(), 1u);

  // Rebooking moves the same appointment (same id, next SEQUENCE) and frees the old time.
  const auto moved = service_.rebook(patient("erik"), booked.id, slots[5].id);
  EXPECT_EQ(moved.id, booked.id);
  EXPECT_EQ(moved.sequence, 1);
  EXPECT_EQ(moved.start_ms, slots[5].start_ms);
  EXPECT_EQ(free_slots(visit_).front().id, slots[0].id);

  // Cancelling is the patient's until 24 h before; then the clinic decides.
  const auto cancelled = service_.cancel(patient("erik"), booked.id);
  EXPECT_EQ(cancelled.status, AppointmentStatus::cancelled);
  EXPECT_EQ(cancelled.sequence, 2);
  const auto again = service_.book(patient("erik"), {slots[0].id, {}, {}, false});
  clock_.set(slots[0].start_ms - 23LL * 3'600'000);
  EXPECT_EQ(error_of([&] { service_.cancel(patient("erik"), again.id); }),
            Error::too_late_to_cancel);
  EXPECT_EQ(error_of([&] { service_.rebook(patient("erik"), again.id, slots[6].id); }),
            Error::too_late_to_cancel);
  // Nobody else reads or cancels it.
  EXPECT_EQ(error_of([&] { service_.get(patient("nora"), again.id); }), Error::not_allowed);
  // The patient did not come: staff register a no-show once it has started (B2, F3).
  EXPECT_EQ(error_of([&] { service_.mark(staff("karin"), again.id, AppointmentStatus::no_show); }),
            Error::not_started);
  clock_.set(slots[0].start_ms + 60'000);
  EXPECT_EQ(service_.mark(staff("karin"), again.id, AppointmentStatus::no_show).status,
            AppointmentStatus::no_show);
  EXPECT_EQ(error_of([&] { service_.mark(patient("erik"), again.id, AppointmentStatus::arrived); }),
            Error::not_allowed);
}

TEST_P(BookingServiceTest, VideoNeedsTheStaffSuitabilityAssessmentAndChildrenAMaturityAssessment) {
  open_wednesdays(video_);
  const auto slots = free_slots(video_);
  EXPECT_EQ(error_of([&] {
              service_.book(patient("erik"), {slots[0].id, {}, {}, false});
            }),
            Error::not_self_bookable);
  EXPECT_EQ(error_of([&] {
              service_.book(staff("karin"), {slots[0].id, std::string("erik"), {}, false});
            }),
            Error::suitability_required);
  const auto a = service_.book(staff("karin"), {slots[0].id, std::string("erik"), {}, true});
  ASSERT_TRUE(a.suitability);
  EXPECT_EQ(a.suitability->confirmed_by, "karin");  // C4: the booking staff member
  EXPECT_EQ(a.suitability->confirmed_at_ms, clock_.now_ms());

  // C3: Nora (15) has a disability: a maturity assessment comes first.
  service_.set_disability_flag(staff("karin"), kUnit, "nora", true);
  EXPECT_EQ(error_of([&] {
              service_.book(staff("karin"), {slots[1].id, std::string("nora"), {}, true});
            }),
            Error::maturity_required);
  service_.record_maturity(staff("karin"), kUnit, "nora", false);
  EXPECT_EQ(error_of([&] {
              service_.book(staff("karin"), {slots[1].id, std::string("nora"), {}, true});
            }),
            Error::maturity_required);
  clock_.advance(60'000);
  service_.record_maturity(staff("karin"), kUnit, "nora", true);
  EXPECT_NO_THROW(service_.book(staff("karin"), {slots[1].id, std::string("nora"), {}, true}));
}

TEST_P(BookingServiceTest, ARequestCaseIsTurnedIntoAnAppointmentWithOneAction) {
  open_wednesdays(visit_);
  std::vector<std::string> closed;
  service_.check_requests_with([](soci::session&, const std::string& case_id,
                                  const std::string& patient, const std::string& unit) {
    return case_id == "case-1" && patient == "erik" && unit == kUnit;
  });
  service_.on_request_booked(
      [&](const identity::Principal& who, const std::string&, const std::string& case_id,
          const Appointment& a) { closed.push_back(who.person_id + ":" + case_id + ":" + a.id); });
  // The booking request the patient sent (a case of the e-services).
  scratch_.db().transaction([&](soci::session& sql) {
    eservices::Case request;
    request.id = "case-1";
    request.care_unit_id = kUnit;
    request.service_code = "book_appointment";
    request.patient_id = "erik";
    request.submitted_by_id = "erik";
    request.fields_json = "{}";
    eservices::Store(scratch_.db()).insert_case(sql, request);
  });
  const auto slots = free_slots(visit_);
  EXPECT_EQ(error_of([&] {
              service_.book(staff("karin"),
                            {slots[0].id, std::string("nora"), std::string("case-1"), false});
            }),
            Error::wrong_case);
  const auto a = service_.book(staff("karin"),
                               {slots[0].id, std::string("erik"), std::string("case-1"), false});
  EXPECT_EQ(a.source, Source::request);
  EXPECT_EQ(a.case_id, "case-1");
  ASSERT_EQ(closed.size(), 1u);
  EXPECT_EQ(closed[0], "karin:case-1:" + a.id);
}

TEST_P(BookingServiceTest, AbsencesTakeSlotsOutAndStaffSeeTheirCalendar) {
  open_wednesdays(visit_);
  const auto before = free_slots(visit_).size();
  service_.block(staff("karin"), kUnit, "karin", at("2026-11-25T00:00:00+01:00"),
                 at("2026-11-26T00:00:00+01:00"));
  EXPECT_EQ(free_slots(visit_).size(), before - 4);
  EXPECT_EQ(error_of([&] {
              service_.block(staff("karin"), kUnit, "mats", at("2026-11-25T00:00:00+01:00"),
                             at("2026-11-26T00:00:00+01:00"));
            }),
            Error::not_allowed);  // staff block only themselves; the manager blocks anyone
  const auto slot = free_slots(visit_).front();
  service_.book(patient("erik"), {slot.id, {}, {}, false});
  const auto calendar =
      service_.calendar(staff("karin"), kUnit, std::nullopt, at("2026-11-23T00:00:00+01:00"),
                        at("2026-12-31T00:00:00+01:00"));
  ASSERT_EQ(calendar.size(), 1u);
  EXPECT_EQ(calendar[0].patient_name, "Erik Sandberg");
  EXPECT_EQ(error_of([&] {
              service_.calendar(patient("erik"), kUnit, std::nullopt, 0,
                                at("2027-01-01T00:00:00Z"));
            }),
            Error::not_allowed);
  audit::Query q;
  q.patient_id = "erik";
  const auto events = audit_.query(q);
  EXPECT_TRUE(std::any_of(events.begin(), events.end(), [](const auto& e) {
    return e.actor_id == "karin" && e.action == "list" && e.object_type == "appointment";
  }));
}

// The storm: many bookings at once, several per slot, on this backend's real concurrency.
TEST_P(BookingServiceTest, ConcurrentBookingsNeverDoubleBookASlot) {
  open_wednesdays(visit_);
  const auto slots = free_slots(visit_);
  constexpr int kSlots = 6;
  constexpr int kPerSlot = 6;
  for (int i = 0; i < kSlots * kPerSlot; ++i) {
    people_.upsert_patient({"p" + std::to_string(i), "1.2.752.129.2.1.3.1",
                            "19800101" + std::to_string(1000 + i), "Test", "Person", "1980-01-01",
                            std::nullopt, std::nullopt});
  }
  std::atomic<int> go{0};
  std::mutex mutex;
  std::map<std::string, int> winners;
  std::map<std::string, int> conflicts;
  int other_errors = 0;
  std::string first_error;
  std::vector<std::thread> threads;
  for (int i = 0; i < kSlots * kPerSlot; ++i) {
    threads.emplace_back([&, i] {
      const auto& slot = slots[static_cast<std::size_t>(i % kSlots)];
      while (go.load() == 0) std::this_thread::yield();
      try {
        service_.book(patient("p" + std::to_string(i)), {slot.id, {}, {}, false});
        std::lock_guard lock(mutex);
        ++winners[slot.id];
      } catch (const BookingError& e) {
        std::lock_guard lock(mutex);
        if (e.error() == Error::slot_taken) {
          ++conflicts[slot.id];
        } else {
          ++other_errors;
          first_error = to_string(e.error());
        }
      } catch (const std::exception& e) {
        std::lock_guard lock(mutex);
        ++other_errors;
        first_error = e.what();
      }
    });
  }
  go = 1;
  for (auto& t : threads) t.join();
  EXPECT_EQ(other_errors, 0) << first_error;
  for (int s = 0; s < kSlots; ++s) {
    const auto& id = slots[static_cast<std::size_t>(s)].id;
    EXPECT_EQ(winners[id], 1) << "slot " << s;
    EXPECT_EQ(conflicts[id], kPerSlot - 1) << "slot " << s;
  }
  // And the database agrees: one live appointment per slot.
  AppointmentQuery q;
  q.care_unit_id = kUnit;
  q.to_ms = at("2027-12-31T00:00:00Z");
  const auto all =
      scratch_.db().with_session([&](soci::session& sql) { return store_.appointments(sql, q); });
  EXPECT_EQ(all.size(), static_cast<std::size_t>(kSlots));
  EXPECT_TRUE(audit_.verify().ok);
}

INSTANTIATE_TEST_SUITE_P(Backends, BookingServiceTest, ::testing::ValuesIn(db::testing::backends()),
                         db::testing::BackendName());

}  // namespace
}  // namespace oppenvard::booking
