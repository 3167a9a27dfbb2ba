#pragma once
// Booking (E1 book/cancel/rebook, E2 timebook, B1, B2, C3, C4, S1, F3), close to FHIR R4:
// an appointment type is a service type, opening hours and ad-hoc times produce Slots, an
// Appointment takes one slot. A slot is taken once: the database refuses a second live
// appointment on it, whatever the concurrency.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace oppenvard::booking {

enum class Channel { in_person, video, phone };
// Drives the fee: a visit to a doctor or to other licensed staff.
enum class Profession { doctor, other };
enum class AppointmentStatus { booked, arrived, fulfilled, cancelled, no_show };
// How the appointment came to be: a patient's request case turned into a time by staff, a
// patient booking a free slot, or staff booking directly (also the region's PAS, B1).
enum class Source { request, self_service, staff };

struct AppointmentType {
  std::string id;
  std::string care_unit_id;
  std::string name_sv;
  std::string name_en;
  int minutes = 30;
  Channel channel = Channel::in_person;
  Profession profession = Profession::other;
  bool self_bookable = false;
};

// Recurring opening hours of one staff member at one unit: every `weekday` (1 = Monday …
// 7 = Sunday) from start to end (minutes after local midnight), cut into slots of the type.
struct OpeningHours {
  std::string id;
  std::string care_unit_id;
  std::string staff_id;
  std::string appointment_type_id;
  int weekday = 1;
  int start_minute = 8 * 60;
  int end_minute = 12 * 60;
  std::string valid_from;  // YYYY-MM-DD
  std::optional<std::string> valid_to;
};

struct Slot {
  std::string id;
  std::string care_unit_id;
  std::string staff_id;
  std::string staff_name;
  std::string appointment_type_id;
  std::int64_t start_ms = 0;
  std::int64_t end_ms = 0;
  bool free = true;  // no live appointment on it and not blocked by an absence
};

// A staff member's absence: their slots in [from, to) are not free.
struct Absence {
  std::string staff_id;
  std::string staff_name;
  std::int64_t from_ms = 0;
  std::int64_t to_ms = 0;
};

// Someone who works at the unit, as the scheduling and booking pages list them.
struct Practitioner {
  std::string id;
  std::string name;
  std::string title;
};

// The patient a staff member found by personal id to book for.
struct PatientMatch {
  std::string id;
  std::string name;
  std::string birth_date;
};

// S1: Socialstyrelsen's four principles, confirmed by the booking staff member (C4).
struct Suitability {
  std::string confirmed_by;
  std::int64_t confirmed_at_ms = 0;
};

// C3: a child's maturity and ability to take part in a digital meeting, assessed before one is
// booked for a patient under 18 with a disability.
struct MaturityAssessment {
  std::string patient_id;
  std::string care_unit_id;
  std::string assessed_by;
  std::int64_t assessed_at_ms = 0;
  bool suitable = false;
};

struct Appointment {
  std::string id;
  std::string care_unit_id;
  std::string care_unit_name;
  std::string slot_id;
  std::string staff_id;
  std::string staff_name;
  std::string patient_id;
  std::string patient_name;
  std::string appointment_type_id;
  std::string type_name_sv;
  std::string type_name_en;
  Channel channel = Channel::in_person;
  Profession profession = Profession::other;
  std::int64_t start_ms = 0;
  std::int64_t end_ms = 0;
  AppointmentStatus status = AppointmentStatus::booked;
  Source source = Source::staff;
  std::optional<std::string> case_id;
  std::string booked_by_kind;  // patient | guardian | staff
  std::string booked_by_id;
  std::optional<Suitability> suitability;
  int sequence = 0;  // iCalendar SEQUENCE: raised by every change the patient must see
  std::int64_t created_at_ms = 0;
  std::int64_t updated_at_ms = 0;
};

enum class Error {
  unit_not_found,
  type_not_found,
  slot_not_found,
  appointment_not_found,
  slot_taken,  // someone else got it first
  slot_in_past,
  not_self_bookable,       // this type or clinic does not take self-booking
  self_booking_in_person,  // self-bookable types are visits; video and phone need S1 by staff
  not_allowed,
  suitability_required,  // S1/C4 not confirmed for a video or phone appointment
  maturity_required,     // C3 not recorded for a child with a disability
  too_late_to_cancel,    // inside the cancellation limit: contact the clinic
  not_booked,            // the appointment is no longer booked
  not_started,           // no-show before the start
  bad_hours,             // opening hours that make no slots
  wrong_case,            // the request case is not a booking request of this unit
  bad_personal_id,       // not a valid personnummer or samordningsnummer
  patient_not_found,     // no patient has this personal id
};

std::string_view to_string(Channel c);
std::optional<Channel> channel_from(std::string_view text);
std::string_view to_string(Profession p);
std::optional<Profession> profession_from(std::string_view text);
std::string_view to_string(AppointmentStatus s);
std::optional<AppointmentStatus> appointment_status_from(std::string_view text);
std::string_view to_string(Source s);
std::optional<Source> source_from(std::string_view text);
std::string_view to_string(Error e);

}  // namespace oppenvard::booking
