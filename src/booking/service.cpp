#include "booking/service.hpp"

#include <algorithm>
#include <set>

#include "core/personal_id.hpp"
#include "core/time.hpp"
#include "db/uuid.hpp"

namespace oppenvard::booking {
namespace {

using identity::StaffRole;

[[noreturn]] void fail(Error error) {
  throw BookingError(error);
}

bool is_care_role(StaffRole role) {
  return role == StaffRole::doctor || role == StaffRole::clinician ||
         role == StaffRole::unit_manager;
}

}  // namespace

Service::Service(Store& store, identity::Store& people, audit::Service& audit,
                 const core::Clock& clock, const core::WorkingCalendar& calendar, Settings settings)
    : store_(store),
      people_(people),
      audit_(audit),
      clock_(clock),
      calendar_(calendar),
      settings_(settings) {}

bool Service::works_at(const identity::Principal& p, const std::string& care_unit_id,
                       bool manager_only) {
  return store_.database().with_session(
      [&](soci::session& sql) { return works_at(sql, p, care_unit_id, manager_only); });
}

bool Service::works_at(soci::session& sql, const identity::Principal& p,
                       const std::string& care_unit_id, bool manager_only) {
  if (p.person_kind != "staff") return false;
  const auto assignments = people_.assignments_with_units(sql, p.person_id);
  return std::any_of(assignments.begin(), assignments.end(), [&](const auto& a) {
    return a.care_unit_id == care_unit_id &&
           (manager_only ? a.role == StaffRole::unit_manager : is_care_role(a.role));
  });
}

// The unit manager schedules anyone at the unit; staff schedule themselves.
void Service::require_scheduler(const Caller& caller, const std::string& care_unit_id,
                                const std::string& staff_id) {
  const auto& p = caller.principal;
  if (works_at(p, care_unit_id, true)) return;
  if (p.person_id == staff_id && works_at(p, care_unit_id, false)) return;
  fail(Error::not_allowed);
}

void Service::record(soci::session& sql, const Caller& caller, const Appointment& a,
                     const std::string& action) {
  audit::NewAuditEvent e;
  const auto& p = caller.principal;
  e.actor_kind = p.person_kind == "staff" ? "staff" : (p.acting_for ? "guardian" : "patient");
  e.actor_id = p.person_id;
  e.care_unit_id = a.care_unit_id;
  e.patient_id = a.patient_id;
  e.action = action;
  e.object_type = "appointment";
  e.object_id = a.id;
  e.client_address = caller.client_address;
  e.success = true;
  audit_.record(sql, e);
}

// --- schedules ---

AppointmentType Service::add_type(const Caller& caller, AppointmentType type) {
  if (!works_at(caller.principal, type.care_unit_id, true)) fail(Error::not_allowed);
  if (const auto error = check_type(type)) fail(*error);
  type.id = db::new_uuid_v7();
  store_.database().transaction([&](soci::session& sql) {
    if (!store_.unit_exists(sql, type.care_unit_id)) fail(Error::unit_not_found);
    store_.insert_type(sql, type);
  });
  return type;
}

std::vector<AppointmentType> Service::types(const std::string& care_unit_id) {
  return store_.database().with_session(
      [&](soci::session& sql) { return store_.types(sql, care_unit_id); });
}

std::size_t Service::materialize(soci::session& sql, const OpeningHours& hours, int minutes,
                                 std::int64_t now_ms) {
  const auto today = core::stockholm_date(now_ms);
  const auto last =
      date::year_month_day(date::sys_days(today) + date::days(settings_.horizon_days));
  std::size_t created = 0;
  for (const auto& range : generate_slots(hours, minutes, today, last, calendar_)) {
    if (range.start_ms <= now_ms) continue;
    Slot slot{db::new_uuid_v7(),         hours.care_unit_id, hours.staff_id, "",
              hours.appointment_type_id, range.start_ms,     range.end_ms,   true};
    if (store_.insert_slot(sql, slot)) ++created;
  }
  return created;
}

std::size_t Service::add_opening_hours(const Caller& caller, OpeningHours hours) {
  require_scheduler(caller, hours.care_unit_id, hours.staff_id);
  hours.id = db::new_uuid_v7();
  return store_.database().transaction([&](soci::session& sql) {
    const auto type = store_.find_type(sql, hours.appointment_type_id);
    if (!type || type->care_unit_id != hours.care_unit_id) fail(Error::type_not_found);
    if (const auto error = check_opening_hours(hours, type->minutes)) fail(*error);
    if (!works_at(sql, identity::Principal{"", "staff", hours.staff_id}, hours.care_unit_id,
                  false)) {
      fail(Error::not_allowed);
    }
    store_.insert_opening_hours(sql, hours);
    return materialize(sql, hours, type->minutes, clock_.now_ms());
  });
}

Slot Service::add_slot(const Caller& caller, const std::string& care_unit_id,
                       const std::string& staff_id, const std::string& type_id,
                       std::int64_t start_ms) {
  require_scheduler(caller, care_unit_id, staff_id);
  return store_.database().transaction([&](soci::session& sql) {
    const auto type = store_.find_type(sql, type_id);
    if (!type || type->care_unit_id != care_unit_id) fail(Error::type_not_found);
    if (start_ms <= clock_.now_ms()) fail(Error::slot_in_past);
    Slot slot{db::new_uuid_v7(),
              care_unit_id,
              staff_id,
              "",
              type_id,
              start_ms,
              start_ms + type->minutes * 60'000LL,
              true};
    if (!store_.insert_slot(sql, slot)) fail(Error::slot_taken);
    return *store_.find_slot(sql, slot.id, clock_.now_ms());
  });
}

void Service::block(const Caller& caller, const std::string& care_unit_id,
                    const std::string& staff_id, std::int64_t from_ms, std::int64_t to_ms) {
  require_scheduler(caller, care_unit_id, staff_id);
  if (to_ms <= from_ms) fail(Error::bad_hours);
  store_.database().transaction(
      [&](soci::session& sql) { store_.insert_block(sql, staff_id, from_ms, to_ms, "absence"); });
}

std::vector<OpeningHours> Service::opening_hours(const Caller& caller,
                                                 const std::string& care_unit_id) {
  return store_.database().with_session([&](soci::session& sql) {
    if (!works_at(sql, caller.principal, care_unit_id, false)) fail(Error::not_allowed);
    return store_.opening_hours(sql, care_unit_id);
  });
}

std::vector<Absence> Service::absences(const Caller& caller, const std::string& care_unit_id) {
  return store_.database().with_session([&](soci::session& sql) {
    if (!works_at(sql, caller.principal, care_unit_id, false)) fail(Error::not_allowed);
    return store_.absences(sql, care_unit_id, clock_.now_ms());
  });
}

std::vector<Practitioner> Service::practitioners(const Caller& caller,
                                                 const std::string& care_unit_id) {
  return store_.database().with_session([&](soci::session& sql) {
    if (!works_at(sql, caller.principal, care_unit_id, false)) fail(Error::not_allowed);
    std::vector<Practitioner> list;
    for (const auto& s : people_.staff_at_unit(sql, care_unit_id)) {
      list.push_back({s.id, s.given_name + " " + s.family_name, s.title});
    }
    return list;
  });
}

PatientMatch Service::find_patient(const Caller& caller, const std::string& care_unit_id,
                                   const std::string& personal_id) {
  const auto parsed = core::parse_personal_id(personal_id, core::stockholm_date(clock_.now_ms()));
  if (!parsed) fail(Error::bad_personal_id);
  return store_.database().transaction([&](soci::session& sql) {
    if (!works_at(sql, caller.principal, care_unit_id, false)) fail(Error::not_allowed);
    const auto patient = people_.find_patient(
        sql, std::string(core::system_oid(parsed.value().kind)), parsed.value().digits);
    if (!patient) fail(Error::patient_not_found);
    audit::NewAuditEvent e;
    e.actor_kind = "staff";
    e.actor_id = caller.principal.person_id;
    e.care_unit_id = care_unit_id;
    e.patient_id = patient->id;
    e.action = "patient.lookup";
    e.object_type = "patient";
    e.object_id = patient->id;
    e.client_address = caller.client_address;
    e.success = true;
    audit_.record(sql, e);
    return PatientMatch{patient->id, patient->given_name + " " + patient->family_name,
                        patient->birth_date};
  });
}

std::size_t Service::extend_slots() {
  const auto now = clock_.now_ms();
  return store_.database().transaction([&](soci::session& sql) {
    std::size_t created = 0;
    soci::rowset<soci::row> units = (sql.prepare << "SELECT id FROM care_units ORDER BY id");
    std::vector<std::string> ids;
    for (const auto& r : units) ids.push_back(r.get<std::string>(0));
    for (const auto& unit : ids) {
      for (const auto& hours : store_.opening_hours(sql, unit)) {
        if (const auto type = store_.find_type(sql, hours.appointment_type_id)) {
          created += materialize(sql, hours, type->minutes, now);
        }
      }
    }
    return created;
  });
}

// --- finding and booking ---

std::vector<Slot> Service::slots(const Caller& caller, SlotQuery query) {
  const auto& p = caller.principal;
  query.free_only = true;
  query.from_ms = std::max(query.from_ms, clock_.now_ms());
  query.limit = std::clamp(query.limit, 1, 500);
  return store_.database().with_session([&](soci::session& sql) {
    if (!works_at(sql, p, query.care_unit_id, false)) {
      // Patients see only what they may book themselves, where the clinic offers it.
      if (p.person_kind != "patient") fail(Error::not_allowed);
      if (!self_booking_ || !self_booking_(sql, query.care_unit_id)) fail(Error::not_self_bookable);
      query.self_bookable_only = true;
    }
    return store_.slots(sql, query);
  });
}

Appointment Service::book(const Caller& caller, const BookRequest& request) {
  const auto& p = caller.principal;
  const auto now = clock_.now_ms();
  Appointment a;
  try {
    store_.database().transaction([&](soci::session& sql) {
      const auto slot = store_.find_slot(sql, request.slot_id, now);
      if (!slot) fail(Error::slot_not_found);
      const auto type = store_.find_type(sql, slot->appointment_type_id);
      if (!type) fail(Error::type_not_found);
      const bool staff = works_at(sql, p, slot->care_unit_id, false);
      if (staff) {
        if (!request.patient_id) fail(Error::not_allowed);
        a.patient_id = *request.patient_id;
        a.source = request.case_id ? Source::request : Source::staff;
        if (request.case_id &&
            (!request_check_ ||
             !request_check_(sql, *request.case_id, a.patient_id, slot->care_unit_id))) {
          fail(Error::wrong_case);
        }
        if (suitability_required(type->channel)) {
          if (!request.suitability_confirmed) fail(Error::suitability_required);
          a.suitability = Suitability{p.person_id, now};
        }
      } else {
        if (p.person_kind != "patient" || request.patient_id || request.case_id) {
          fail(Error::not_allowed);
        }
        if (!type->self_bookable || !self_booking_ || !self_booking_(sql, slot->care_unit_id)) {
          fail(Error::not_self_bookable);
        }
        a.patient_id = p.acting_for.value_or(p.person_id);
        a.source = Source::self_service;
      }
      if (const auto error = check_bookable(*slot, now)) fail(*error);
      const auto patient = people_.find_patient_by_id(sql, a.patient_id);
      if (!patient) fail(Error::not_allowed);
      if (maturity_assessment_required(type->channel, patient->birth_date, slot->start_ms,
                                       store_.has_disability_flag(sql, a.patient_id))) {
        const auto assessed =
            store_.latest_maturity_assessment(sql, a.patient_id, slot->care_unit_id);
        if (!assessed || !assessed->suitable) fail(Error::maturity_required);
      }
      a.id = db::new_uuid_v7();
      a.care_unit_id = slot->care_unit_id;
      a.slot_id = slot->id;
      a.staff_id = slot->staff_id;
      a.appointment_type_id = type->id;
      a.channel = type->channel;
      a.profession = type->profession;
      a.start_ms = slot->start_ms;
      a.end_ms = slot->end_ms;
      a.status = AppointmentStatus::booked;
      a.case_id = request.case_id;
      a.booked_by_kind = staff ? "staff" : (p.acting_for ? "guardian" : "patient");
      a.booked_by_id = p.person_id;
      a.created_at_ms = now;
      a.updated_at_ms = now;
      store_.insert_appointment(sql, a);  // the unique index decides a race for the slot
      record(sql, caller, a, "create");
      a = *store_.find_appointment(sql, a.id);
      if (changed_) changed_(sql, a, false);
    });
  } catch (const BookingError&) {
    throw;
  } catch (const std::exception& e) {
    if (is_unique_violation(e)) fail(Error::slot_taken);
    throw;
  }
  if (a.case_id && request_booked_) request_booked_(p, caller.client_address, *a.case_id, a);
  return a;
}

Appointment Service::load_for(soci::session& sql, const Caller& caller, const std::string& id,
                              bool& staff) {
  const auto a = store_.find_appointment(sql, id);
  if (!a) fail(Error::appointment_not_found);
  const auto& p = caller.principal;
  staff = works_at(sql, p, a->care_unit_id, false);
  if (!staff &&
      !(p.person_kind == "patient" && p.acting_for.value_or(p.person_id) == a->patient_id)) {
    fail(Error::not_allowed);
  }
  return *a;
}

Appointment Service::cancel(const Caller& caller, const std::string& appointment_id) {
  const auto now = clock_.now_ms();
  return store_.database().transaction([&](soci::session& sql) {
    bool staff = false;
    auto a = load_for(sql, caller, appointment_id, staff);
    const auto error =
        staff ? check_staff_cancel(a) : check_patient_cancel(a, now, settings_.cancel_limit_ms);
    if (error) fail(*error);
    a.status = AppointmentStatus::cancelled;
    ++a.sequence;
    a.updated_at_ms = now;
    store_.update_appointment(sql, a);
    record(sql, caller, a, "update");
    if (changed_) changed_(sql, a, true);
    return a;
  });
}

Appointment Service::rebook(const Caller& caller, const std::string& appointment_id,
                            const std::string& slot_id) {
  const auto now = clock_.now_ms();
  try {
    return store_.database().transaction([&](soci::session& sql) {
      bool staff = false;
      auto a = load_for(sql, caller, appointment_id, staff);
      const auto error =
          staff ? check_staff_cancel(a) : check_patient_cancel(a, now, settings_.cancel_limit_ms);
      if (error) fail(*error);
      const auto slot = store_.find_slot(sql, slot_id, now);
      // The same kind of appointment at the same unit; staff may move it to a colleague.
      if (!slot || slot->care_unit_id != a.care_unit_id ||
          slot->appointment_type_id != a.appointment_type_id) {
        fail(Error::slot_not_found);
      }
      if (!staff && slot->staff_id != a.staff_id) {
        const auto type = store_.find_type(sql, a.appointment_type_id);
        if (!type || !type->self_bookable) fail(Error::not_self_bookable);
      }
      if (const auto bookable = check_bookable(*slot, now)) fail(*bookable);
      a.slot_id = slot->id;
      a.staff_id = slot->staff_id;
      a.start_ms = slot->start_ms;
      a.end_ms = slot->end_ms;
      ++a.sequence;  // the same invitation (UID), moved
      a.updated_at_ms = now;
      store_.update_appointment(sql, a);
      record(sql, caller, a, "update");
      auto moved = *store_.find_appointment(sql, a.id);
      if (changed_) changed_(sql, moved, false);
      return moved;
    });
  } catch (const BookingError&) {
    throw;
  } catch (const std::exception& e) {
    if (is_unique_violation(e)) fail(Error::slot_taken);
    throw;
  }
}

Appointment Service::mark(const Caller& caller, const std::string& appointment_id,
                          AppointmentStatus status) {
  const auto now = clock_.now_ms();
  return store_.database().transaction([&](soci::session& sql) {
    bool staff = false;
    auto a = load_for(sql, caller, appointment_id, staff);
    if (!staff) fail(Error::not_allowed);
    std::optional<Error> error;
    switch (status) {
      case AppointmentStatus::arrived:
        error = check_arrived(a, now);
        break;
      case AppointmentStatus::no_show:
        error = check_no_show(a, now);
        break;
      case AppointmentStatus::fulfilled:
        if (a.status != AppointmentStatus::booked && a.status != AppointmentStatus::arrived) {
          error = Error::not_booked;
        }
        break;
      default:
        error = Error::not_allowed;
    }
    if (error) fail(*error);
    a.status = status;
    a.updated_at_ms = now;
    store_.update_appointment(sql, a);
    record(sql, caller, a, "update");
    return a;
  });
}

std::vector<Appointment> Service::my_appointments(const Caller& caller) {
  const auto& p = caller.principal;
  if (p.person_kind != "patient") fail(Error::not_allowed);
  return store_.database().with_session([&](soci::session& sql) {
    AppointmentQuery q;
    q.patient_id = p.acting_for.value_or(p.person_id);
    q.from_ms = clock_.now_ms() - 90LL * 86'400'000;
    q.to_ms = clock_.now_ms() + 400LL * 86'400'000;
    q.include_cancelled = true;
    return store_.appointments(sql, q);
  });
}

Appointment Service::get(const Caller& caller, const std::string& appointment_id) {
  return store_.database().transaction([&](soci::session& sql) {
    bool staff = false;
    auto a = load_for(sql, caller, appointment_id, staff);
    if (staff) record(sql, caller, a, "read");
    return a;
  });
}

std::vector<Appointment> Service::calendar(const Caller& caller, const std::string& care_unit_id,
                                           const std::optional<std::string>& staff_id,
                                           std::int64_t from_ms, std::int64_t to_ms) {
  if (!works_at(caller.principal, care_unit_id, false)) fail(Error::not_allowed);
  return store_.database().transaction([&](soci::session& sql) {
    AppointmentQuery q;
    q.care_unit_id = care_unit_id;
    q.staff_id = staff_id;
    q.from_ms = from_ms;
    q.to_ms = to_ms;
    auto list = store_.appointments(sql, q);
    std::set<std::string> patients;
    for (const auto& a : list) {
      if (patients.insert(a.patient_id).second) record(sql, caller, a, "list");
    }
    return list;
  });
}

void Service::set_disability_flag(const Caller& caller, const std::string& care_unit_id,
                                  const std::string& patient_id, bool flagged) {
  if (!works_at(caller.principal, care_unit_id, false)) fail(Error::not_allowed);
  store_.database().transaction([&](soci::session& sql) {
    store_.set_disability_flag(sql, patient_id, flagged, caller.principal.person_id,
                               clock_.now_ms());
    audit::NewAuditEvent e{
        "staff",  caller.principal.person_id, "",         care_unit_id,          patient_id,
        "update", "disability_flag",          patient_id, caller.client_address, true};
    audit_.record(sql, e);
  });
}

void Service::record_maturity(const Caller& caller, const std::string& care_unit_id,
                              const std::string& patient_id, bool suitable) {
  if (!works_at(caller.principal, care_unit_id, false)) fail(Error::not_allowed);
  store_.database().transaction([&](soci::session& sql) {
    store_.insert_maturity_assessment(
        sql, {patient_id, care_unit_id, caller.principal.person_id, clock_.now_ms(), suitable});
    audit::NewAuditEvent e{
        "staff",  caller.principal.person_id, "",         care_unit_id,          patient_id,
        "create", "maturity_assessment",      patient_id, caller.client_address, true};
    audit_.record(sql, e);
  });
}

}  // namespace oppenvard::booking
