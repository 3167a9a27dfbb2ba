#pragma once
// Use cases of booking: appointment types and opening hours (slots on the Swedish calendar),
// the three booking paths (a request case turned into a time by staff, self-service, staff
// directly — also the region's patient-administration system, B1), cancel and rebook, arrival
// and no-shows, the suitability gates (S1, C3, C4), and iCalendar invitations. Every read or
// write of an appointment by staff is recorded in the audit log in the same transaction.
#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "audit/service.hpp"
#include "booking/model.hpp"
#include "booking/rules.hpp"
#include "booking/store.hpp"
#include "core/calendar.hpp"
#include "core/clock.hpp"
#include "identity/service.hpp"
#include "identity/store.hpp"

namespace oppenvard::booking {

class BookingError : public std::runtime_error {
 public:
  explicit BookingError(Error error) : std::runtime_error("booking error"), error_(error) {}
  Error error() const { return error_; }

 private:
  Error error_;
};

using identity::Caller;

struct BookRequest {
  std::string slot_id;
  std::optional<std::string> patient_id;  // staff: whom; patients book for themselves
  std::optional<std::string> case_id;     // staff: the booking request this answers
  bool suitability_confirmed = false;     // staff: S1's four principles hold (video, phone)
};

struct Settings {
  std::int64_t cancel_limit_ms = 24LL * 3'600'000;
  int horizon_days = 56;  // how far ahead opening hours are turned into slots
};

// After a request case has been turned into an appointment: closes the case with a message to
// the patient (the e-services capability provides it; booking does not know cases).
using RequestBooked =
    std::function<void(const identity::Principal& staff, const std::string& client,
                       const std::string& case_id, const Appointment& appointment)>;
// Is this a booking request (book or rebook) of this patient at this unit, still open? Asked
// inside the booking's transaction.
using RequestCheck =
    std::function<bool(soci::session& sql, const std::string& case_id,
                       const std::string& patient_id, const std::string& care_unit_id)>;
// Does the clinic offer self-booking (the timebook e-services switched on)?
using SelfBookingOffered = std::function<bool(soci::session& sql, const std::string& care_unit_id)>;
// Told inside the change's transaction that an appointment is booked or moved (`booked`) or
// cancelled, so that what follows (confirmations and reminders) commits with it.
using AppointmentChanged =
    std::function<void(soci::session& sql, const Appointment& appointment, bool cancelled)>;

class Service {
 public:
  Service(Store& store, identity::Store& people, audit::Service& audit, const core::Clock& clock,
          const core::WorkingCalendar& calendar, Settings settings);

  void on_request_booked(RequestBooked f) { request_booked_ = std::move(f); }
  void check_requests_with(RequestCheck f) { request_check_ = std::move(f); }
  void check_self_booking_with(SelfBookingOffered f) { self_booking_ = std::move(f); }
  void on_appointment_changed(AppointmentChanged f) { changed_ = std::move(f); }

  // --- schedules: the unit manager, or staff for their own hours ---
  AppointmentType add_type(const Caller& caller, AppointmentType type);
  std::vector<AppointmentType> types(const std::string& care_unit_id);
  // Stores the hours and creates their slots up to the horizon; returns how many slots.
  std::size_t add_opening_hours(const Caller& caller, OpeningHours hours);
  Slot add_slot(const Caller& caller, const std::string& care_unit_id, const std::string& staff_id,
                const std::string& type_id, std::int64_t start_ms);
  // An absence: the staff member's slots in [from, to) are no longer free.
  void block(const Caller& caller, const std::string& care_unit_id, const std::string& staff_id,
             std::int64_t from_ms, std::int64_t to_ms);
  // What the scheduling page shows to the unit's staff.
  std::vector<OpeningHours> opening_hours(const Caller& caller, const std::string& care_unit_id);
  std::vector<Absence> absences(const Caller& caller, const std::string& care_unit_id);
  std::vector<Practitioner> practitioners(const Caller& caller, const std::string& care_unit_id);
  // Staff booking directly: the patient by personal id (audited as a look-up of that patient).
  PatientMatch find_patient(const Caller& caller, const std::string& care_unit_id,
                            const std::string& personal_id);
  // The job that keeps slots generated up to the horizon (idempotent; safe on several nodes).
  std::size_t extend_slots();

  // --- finding and booking ---
  std::vector<Slot> slots(const Caller& caller, SlotQuery query);
  Appointment book(const Caller& caller, const BookRequest& request);
  Appointment cancel(const Caller& caller, const std::string& appointment_id);
  Appointment rebook(const Caller& caller, const std::string& appointment_id,
                     const std::string& slot_id);
  Appointment mark(const Caller& caller, const std::string& appointment_id,
                   AppointmentStatus status);  // arrived | noshow | fulfilled

  std::vector<Appointment> my_appointments(const Caller& caller);
  Appointment get(const Caller& caller, const std::string& appointment_id);
  // Staff calendar of a unit (optionally one person), with a list access per patient audited.
  std::vector<Appointment> calendar(const Caller& caller, const std::string& care_unit_id,
                                    const std::optional<std::string>& staff_id,
                                    std::int64_t from_ms, std::int64_t to_ms);

  // --- suitability (C3) ---
  void set_disability_flag(const Caller& caller, const std::string& care_unit_id,
                           const std::string& patient_id, bool flagged);
  void record_maturity(const Caller& caller, const std::string& care_unit_id,
                       const std::string& patient_id, bool suitable);

  const core::Clock& clock() const { return clock_; }
  const Settings& settings() const { return settings_; }

 private:
  // Inside a transaction use the session: a second pooled connection may never come.
  bool works_at(soci::session& sql, const identity::Principal& p, const std::string& care_unit_id,
                bool manager_only);
  bool works_at(const identity::Principal& p, const std::string& care_unit_id, bool manager_only);
  void require_scheduler(const Caller& caller, const std::string& care_unit_id,
                         const std::string& staff_id);
  std::size_t materialize(soci::session& sql, const OpeningHours& hours, int minutes,
                          std::int64_t now_ms);
  void record(soci::session& sql, const Caller& caller, const Appointment& a,
              const std::string& action);
  Appointment load_for(soci::session& sql, const Caller& caller, const std::string& id,
                       bool& staff);

  Store& store_;
  identity::Store& people_;
  audit::Service& audit_;
  const core::Clock& clock_;
  const core::WorkingCalendar& calendar_;
  Settings settings_;
  RequestBooked request_booked_;
  RequestCheck request_check_;
  SelfBookingOffered self_booking_;
  AppointmentChanged changed_;
};

}  // namespace oppenvard::booking
