#include "booking/api.hpp"

#include <boost/json.hpp>

#include "booking/ical.hpp"
#include "core/time.hpp"
#include "http/json_body.hpp"
#include "http/problem.hpp"
#include "identity/api.hpp"

namespace oppenvard::booking {
namespace {

using boost::json::array;
using boost::json::object;
using boost::json::value;
using http::ProblemKind;

http::Problem problem_of(Error error) {
  switch (error) {
    case Error::unit_not_found:
      return {ProblemKind::not_found, "No care unit has this id."};
    case Error::type_not_found:
      return {ProblemKind::invalid_field,
              "No appointment type of this unit has this id.",
              {{"/appointment_type_id", "unknown at this unit"}}};
    case Error::slot_not_found:
      return {ProblemKind::not_found, "No such time, or not one this appointment can move to."};
    case Error::appointment_not_found:
      return {ProblemKind::not_found, "No appointment has this id."};
    case Error::slot_taken:
      return {ProblemKind::conflict, "Someone else booked this time. Choose another."};
    case Error::slot_in_past:
      return {ProblemKind::conflict, "This time has passed."};
    case Error::not_self_bookable:
      return {ProblemKind::forbidden, "This time cannot be booked online. Contact the clinic."};
    case Error::self_booking_in_person:
      return {ProblemKind::invalid_field,
              "Only visits at the clinic can be booked by patients themselves.",
              {{"/self_bookable", "only for channel in_person"}}};
    case Error::not_allowed:
      return {ProblemKind::forbidden, "You may not do this with this appointment or unit."};
    case Error::suitability_required:
      return {ProblemKind::invalid_field,
              "Confirm that a digital meeting suits this patient (Socialstyrelsen's four "
              "principles) before booking it.",
              {{"/suitability_confirmed", "must be true for video and phone"}}};
    case Error::maturity_required:
      return {ProblemKind::conflict,
              "Record the child's maturity and ability to take part before booking a digital "
              "meeting."};
    case Error::too_late_to_cancel:
      return {ProblemKind::conflict,
              "It is too late to cancel or rebook online. Contact the clinic."};
    case Error::not_booked:
      return {ProblemKind::conflict, "The appointment is no longer booked."};
    case Error::not_started:
      return {ProblemKind::conflict, "The appointment has not started yet."};
    case Error::bad_hours:
      return {ProblemKind::invalid_field,
              "The hours do not fit a day or hold no appointment.",
              {{"/", "weekday 1–7, start before end, within 00:00–24:00, valid dates"}}};
    case Error::bad_personal_id:
      return {ProblemKind::invalid_field,
              "This is not a valid personnummer or samordningsnummer.",
              {{"/personal_id", "YYYYMMDD-NNNN with a correct check digit"}}};
    case Error::patient_not_found:
      return {ProblemKind::not_found, "No patient has this personal id."};
    case Error::wrong_case:
      return {ProblemKind::invalid_field,
              "The case is not an open booking request of this patient at this unit.",
              {{"/case_id", "not a booking request here"}}};
  }
  return {ProblemKind::internal, "Something went wrong on our side."};
}

template <class F>
http::Response guarded(F&& f) {
  try {
    return f();
  } catch (const BookingError& e) {
    throw problem_of(e.error()).code(std::string(to_string(e.error())));
  }
}

using identity::caller_of;

std::string param(const http::Request& request, std::string_view name) {
  return std::string(request.param(name));
}

object type_json(const AppointmentType& t) {
  return {{"id", t.id},
          {"care_unit_id", t.care_unit_id},
          {"name_sv", t.name_sv},
          {"name_en", t.name_en},
          {"minutes", t.minutes},
          {"channel", to_string(t.channel)},
          {"profession", to_string(t.profession)},
          {"self_bookable", t.self_bookable}};
}

object slot_json(const Slot& s) {
  return {{"id", s.id},
          {"care_unit_id", s.care_unit_id},
          {"practitioner", {{"id", s.staff_id}, {"name", s.staff_name}}},
          {"appointment_type_id", s.appointment_type_id},
          {"start", core::format_rfc3339_utc(s.start_ms)},
          {"end", core::format_rfc3339_utc(s.end_ms)},
          {"status", s.free ? "free" : "busy"}};
}

object appointment_json(const Appointment& a) {
  return {
      {"id", a.id},
      {"status", to_string(a.status)},
      {"clinic", {{"id", a.care_unit_id}, {"name", a.care_unit_name}}},
      {"practitioner", {{"id", a.staff_id}, {"name", a.staff_name}}},
      {"patient", {{"id", a.patient_id}, {"name", a.patient_name}}},
      {"type",
       {{"id", a.appointment_type_id}, {"name_sv", a.type_name_sv}, {"name_en", a.type_name_en}}},
      {"channel", to_string(a.channel)},
      {"profession", to_string(a.profession)},
      {"start", core::format_rfc3339_utc(a.start_ms)},
      {"end", core::format_rfc3339_utc(a.end_ms)},
      {"source", to_string(a.source)},
      {"case_id", a.case_id ? value(*a.case_id) : value(nullptr)},
      {"suitability",
       a.suitability ? value(object{{"confirmed_by", a.suitability->confirmed_by},
                                    {"confirmed_at",
                                     core::format_rfc3339_utc(a.suitability->confirmed_at_ms)}})
                     : value(nullptr)},
      {"sequence", a.sequence},
      {"created_at", core::format_rfc3339_utc(a.created_at_ms)},
      {"updated_at", core::format_rfc3339_utc(a.updated_at_ms)}};
}

array appointments_json(const std::vector<Appointment>& list) {
  array a;
  for (const auto& item : list) a.push_back(appointment_json(item));
  return a;
}

std::int64_t instant(const std::optional<std::string>& text, std::int64_t fallback,
                     const char* name, std::vector<http::FieldError>& errors) {
  if (!text) return fallback;
  if (const auto at = core::parse_rfc3339(*text)) return *at;
  if (const auto day = core::parse_date(*text)) return core::stockholm_start_of_day_ms(*day);
  errors.push_back({name, "must be a date YYYY-MM-DD or an RFC 3339 date-time"});
  return fallback;
}

void throw_if(const std::vector<http::FieldError>& errors) {
  if (!errors.empty()) {
    throw http::Problem(ProblemKind::invalid_field, "Some fields are wrong.", errors);
  }
}

}  // namespace

void register_routes(http::Router& router, Service& service, identity::Service& identity) {
  constexpr std::int64_t kDay = 86'400'000;

  router.add("GET", "/api/v1/units/{id}/appointment-types", [&](http::Request& request) {
    array items;
    for (const auto& t : service.types(param(request, "id"))) items.push_back(type_json(t));
    return http::Response::json(object{{"items", std::move(items)}});
  });

  router.add("POST", "/api/v1/units/{id}/appointment-types", [&](http::Request& request) {
    const auto caller = caller_of(identity, request);
    const auto body = http::parse_json_object(request);
    http::FieldReader reader(body);
    AppointmentType t;
    t.care_unit_id = param(request, "id");
    t.name_sv = reader.string("name_sv", true, 100).value_or("");
    t.name_en = reader.string("name_en", true, 100).value_or("");
    t.minutes = static_cast<int>(reader.integer("minutes", true, 5, 480).value_or(30));
    const auto channel = reader.string("channel", true, 20);
    const auto profession = reader.string("profession", true, 20);
    t.self_bookable = reader.boolean("self_bookable", false).value_or(false);
    if (channel && !channel_from(*channel)) reader.fail("channel", "in_person, video or phone");
    if (profession && !profession_from(*profession)) reader.fail("profession", "doctor or other");
    reader.finish();
    t.channel = *channel_from(*channel);
    t.profession = *profession_from(*profession);
    return guarded(
        [&] { return http::Response::json(type_json(service.add_type(caller, t)), 201); });
  });

  router.add("POST", "/api/v1/units/{id}/opening-hours", [&](http::Request& request) {
    const auto caller = caller_of(identity, request);
    const auto body = http::parse_json_object(request);
    http::FieldReader reader(body);
    OpeningHours h;
    h.care_unit_id = param(request, "id");
    h.staff_id = reader.string("staff_id", true, 64).value_or("");
    h.appointment_type_id = reader.string("appointment_type_id", true, 64).value_or("");
    h.weekday = static_cast<int>(reader.integer("weekday", true, 1, 7).value_or(1));
    h.start_minute = static_cast<int>(reader.integer("start_minute", true, 0, 1440).value_or(0));
    h.end_minute = static_cast<int>(reader.integer("end_minute", true, 0, 1440).value_or(0));
    h.valid_from = reader.string("valid_from", true, 10).value_or("");
    h.valid_to = reader.string("valid_to", false, 10);
    reader.finish();
    return guarded([&] {
      const auto created = service.add_opening_hours(caller, h);
      return http::Response::json(object{{"slots_created", created}}, 201);
    });
  });

  router.add("GET", "/api/v1/units/{id}/opening-hours", [&](http::Request& request) {
    const auto caller = caller_of(identity, request);
    return guarded([&] {
      array items;
      for (const auto& h : service.opening_hours(caller, param(request, "id"))) {
        items.push_back(object{{"id", h.id},
                               {"staff_id", h.staff_id},
                               {"appointment_type_id", h.appointment_type_id},
                               {"weekday", h.weekday},
                               {"start_minute", h.start_minute},
                               {"end_minute", h.end_minute},
                               {"valid_from", h.valid_from},
                               {"valid_to", h.valid_to ? value(*h.valid_to) : value(nullptr)}});
      }
      return http::Response::json(object{{"items", std::move(items)}});
    });
  });

  router.add("GET", "/api/v1/units/{id}/absences", [&](http::Request& request) {
    const auto caller = caller_of(identity, request);
    return guarded([&] {
      array items;
      for (const auto& a : service.absences(caller, param(request, "id"))) {
        items.push_back(object{{"staff", {{"id", a.staff_id}, {"name", a.staff_name}}},
                               {"from", core::format_rfc3339_utc(a.from_ms)},
                               {"to", core::format_rfc3339_utc(a.to_ms)}});
      }
      return http::Response::json(object{{"items", std::move(items)}});
    });
  });

  router.add("GET", "/api/v1/units/{id}/staff", [&](http::Request& request) {
    const auto caller = caller_of(identity, request);
    return guarded([&] {
      array items;
      for (const auto& p : service.practitioners(caller, param(request, "id"))) {
        items.push_back(object{{"id", p.id}, {"name", p.name}, {"title", p.title}});
      }
      return http::Response::json(object{{"items", std::move(items)}});
    });
  });

  // The personal id travels in the body, never in the URL (URLs end up in logs).
  router.add("POST", "/api/v1/units/{id}/patient-lookup", [&](http::Request& request) {
    const auto caller = caller_of(identity, request);
    const auto body = http::parse_json_object(request);
    http::FieldReader reader(body);
    const auto personal_id = reader.string("personal_id", true, 20).value_or("");
    reader.finish();
    return guarded([&] {
      const auto p = service.find_patient(caller, param(request, "id"), personal_id);
      return http::Response::json(
          object{{"id", p.id}, {"name", p.name}, {"birth_date", p.birth_date}});
    });
  });

  router.add("POST", "/api/v1/units/{id}/slots", [&](http::Request& request) {
    const auto caller = caller_of(identity, request);
    const auto body = http::parse_json_object(request);
    http::FieldReader reader(body);
    std::vector<http::FieldError> errors;
    const auto staff = reader.string("staff_id", true, 64);
    const auto type = reader.string("appointment_type_id", true, 64);
    const auto start_text = reader.string("start", true, 40);
    reader.finish();
    const auto start = instant(start_text, 0, "start", errors);
    throw_if(errors);
    return guarded([&] {
      return http::Response::json(
          slot_json(service.add_slot(caller, param(request, "id"), *staff, *type, start)), 201);
    });
  });

  router.add("POST", "/api/v1/units/{id}/absences", [&](http::Request& request) {
    const auto caller = caller_of(identity, request);
    const auto body = http::parse_json_object(request);
    http::FieldReader reader(body);
    std::vector<http::FieldError> errors;
    const auto staff = reader.string("staff_id", true, 64);
    const auto from_text = reader.string("from", true, 40);
    const auto to_text = reader.string("to", true, 40);
    reader.finish();
    const auto from = instant(from_text, 0, "from", errors);
    const auto to = instant(to_text, 0, "to", errors);
    throw_if(errors);
    return guarded([&] {
      service.block(caller, param(request, "id"), *staff, from, to);
      return http::Response{204, {}, {}};
    });
  });

  router.add("GET", "/api/v1/units/{id}/slots", [&](http::Request& request) {
    const auto caller = caller_of(identity, request);
    http::QueryReader reader(request);
    std::vector<http::FieldError> errors;
    SlotQuery q;
    q.care_unit_id = param(request, "id");
    const auto now = service.clock().now_ms();
    q.from_ms = instant(reader.string("from", 40), now, "from", errors);
    q.to_ms = instant(reader.string("to", 40), q.from_ms + 14 * kDay, "to", errors);
    q.staff_id = reader.string("staff_id", 64);
    q.appointment_type_id = reader.string("appointment_type_id", 64);
    q.limit = static_cast<int>(reader.integer("limit", 1, 500).value_or(200));
    reader.finish();
    throw_if(errors);
    return guarded([&] {
      array items;
      for (const auto& s : service.slots(caller, q)) items.push_back(slot_json(s));
      return http::Response::json(object{{"items", std::move(items)}});
    });
  });

  router.add("POST", "/api/v1/appointments", [&](http::Request& request) {
    const auto caller = caller_of(identity, request);
    const auto body = http::parse_json_object(request);
    http::FieldReader reader(body);
    BookRequest r;
    r.slot_id = reader.string("slot_id", true, 64).value_or("");
    r.patient_id = reader.string("patient_id", false, 64);
    r.case_id = reader.string("case_id", false, 64);
    r.suitability_confirmed = reader.boolean("suitability_confirmed", false).value_or(false);
    reader.finish();
    return guarded([&] {
      const auto a = service.book(caller, r);
      auto response = http::Response::json(appointment_json(a), 201);
      response.set_header("Location", "/api/v1/appointments/" + a.id);
      return response;
    });
  });

  router.add("GET", "/api/v1/appointments/{id}", [&](http::Request& request) {
    const auto caller = caller_of(identity, request);
    return guarded([&] {
      return http::Response::json(appointment_json(service.get(caller, param(request, "id"))));
    });
  });

  router.add("POST", "/api/v1/appointments/{id}/cancel", [&](http::Request& request) {
    const auto caller = caller_of(identity, request);
    return guarded([&] {
      return http::Response::json(appointment_json(service.cancel(caller, param(request, "id"))));
    });
  });

  router.add("POST", "/api/v1/appointments/{id}/rebook", [&](http::Request& request) {
    const auto caller = caller_of(identity, request);
    const auto body = http::parse_json_object(request);
    http::FieldReader reader(body);
    const auto slot = reader.string("slot_id", true, 64);
    reader.finish();
    return guarded([&] {
      return http::Response::json(
          appointment_json(service.rebook(caller, param(request, "id"), *slot)));
    });
  });

  router.add("POST", "/api/v1/appointments/{id}/status", [&](http::Request& request) {
    const auto caller = caller_of(identity, request);
    const auto body = http::parse_json_object(request);
    http::FieldReader reader(body);
    const auto text = reader.string("status", true, 20).value_or("");
    const auto status = appointment_status_from(text).value_or(AppointmentStatus::booked);
    if (status == AppointmentStatus::booked || status == AppointmentStatus::cancelled) {
      reader.fail("status", "must be arrived, noshow or fulfilled");
    }
    reader.finish();
    return guarded([&] {
      return http::Response::json(
          appointment_json(service.mark(caller, param(request, "id"), status)));
    });
  });

  router.add("GET", "/api/v1/appointments/{id}/calendar.ics", [&](http::Request& request) {
    const auto caller = caller_of(identity, request);
    return guarded([&] {
      const auto a = service.get(caller, param(request, "id"));
      auto response = http::Response::text(
          appointment_ics(a, service.clock().now_ms(), "/patient/tider/" + a.id),
          "text/calendar; charset=utf-8");
      response.set_header("Content-Disposition", "attachment; filename=\"besok.ics\"");
      response.set_header("Cache-Control", "private, no-store");
      return response;
    });
  });

  router.add("GET", "/api/v1/me/appointments", [&](http::Request& request) {
    const auto caller = caller_of(identity, request);
    return guarded([&] {
      return http::Response::json(
          object{{"items", appointments_json(service.my_appointments(caller))}});
    });
  });

  router.add("GET", "/api/v1/units/{id}/appointments", [&](http::Request& request) {
    const auto caller = caller_of(identity, request);
    http::QueryReader reader(request);
    std::vector<http::FieldError> errors;
    const auto now = service.clock().now_ms();
    const auto from =
        instant(reader.string("from", 40),
                core::stockholm_start_of_day_ms(core::stockholm_date(now)), "from", errors);
    const auto to = instant(reader.string("to", 40), from + 7 * kDay, "to", errors);
    const auto staff = reader.string("staff_id", 64);
    reader.finish();
    if (to <= from || to - from > 62 * kDay)
      errors.push_back({"to", "after from, at most 62 days"});
    throw_if(errors);
    return guarded([&] {
      return http::Response::json(object{
          {"items",
           appointments_json(service.calendar(caller, param(request, "id"), staff, from, to))}});
    });
  });

  router.add("PUT", "/api/v1/units/{id}/patients/{patient_id}/disability-flag",
             [&](http::Request& request) {
               const auto caller = caller_of(identity, request);
               const auto body = http::parse_json_object(request);
               http::FieldReader reader(body);
               const auto flagged = reader.boolean("flagged", true);
               reader.finish();
               return guarded([&] {
                 service.set_disability_flag(caller, param(request, "id"),
                                             param(request, "patient_id"), *flagged);
                 return http::Response{204, {}, {}};
               });
             });

  router.add("POST", "/api/v1/units/{id}/patients/{patient_id}/maturity-assessments",
             [&](http::Request& request) {
               const auto caller = caller_of(identity, request);
               const auto body = http::parse_json_object(request);
               http::FieldReader reader(body);
               const auto suitable = reader.boolean("suitable", true);
               reader.finish();
               return guarded([&] {
                 service.record_maturity(caller, param(request, "id"), param(request, "patient_id"),
                                         *suitable);
                 return http::Response{204, {}, {}};
               });
             });
}

}  // namespace oppenvard::booking
