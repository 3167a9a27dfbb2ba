#include "booking/ical.hpp"

#include <libical/ical.h>

#include <memory>
#include <stdexcept>

namespace oppenvard::booking {
namespace {

struct ComponentFree {
  void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};

icaltimetype utc_time(std::int64_t ms) {
  return icaltime_from_timet_with_zone(static_cast<time_t>(ms / 1000), 0,
                                       icaltimezone_get_utc_timezone());
}

const char* summary_of(Channel channel) {
  switch (channel) {
    case Channel::video:
      return "Videobesök i vården";
    case Channel::phone:
      return "Telefonsamtal från vården";
    case Channel::in_person:
      break;
  }
  return "Vårdbesök";
}

}  // namespace

std::string appointment_ics(const Appointment& a, std::int64_t now_ms,
                            const std::string& details_url) {
  const bool cancelled = a.status == AppointmentStatus::cancelled;
  std::unique_ptr<icalcomponent, ComponentFree> calendar(icalcomponent_vanew(
      ICAL_VCALENDAR_COMPONENT, icalproperty_new_version("2.0"),
      icalproperty_new_prodid("-//Öppenvård//Bokning//SV"),
      icalproperty_new_method(cancelled ? ICAL_METHOD_CANCEL : ICAL_METHOD_REQUEST),
      static_cast<void*>(nullptr)));
  if (!calendar) throw std::runtime_error("libical: no calendar");
  icalcomponent* event = icalcomponent_vanew(
      ICAL_VEVENT_COMPONENT, icalproperty_new_uid((a.id + "@oppenvard").c_str()),
      icalproperty_new_sequence(a.sequence), icalproperty_new_dtstamp(utc_time(now_ms)),
      icalproperty_new_dtstart(utc_time(a.start_ms)), icalproperty_new_dtend(utc_time(a.end_ms)),
      icalproperty_new_summary(summary_of(a.channel)),
      icalproperty_new_description(
          ("Logga in för att se var, med vem och hur du förbereder dig: " + details_url).c_str()),
      icalproperty_new_status(cancelled ? ICAL_STATUS_CANCELLED : ICAL_STATUS_CONFIRMED),
      icalproperty_new_class(ICAL_CLASS_PRIVATE), static_cast<void*>(nullptr));
  // URL must be absolute (RFC 5545 3.8.4.6); a relative path stays in the description only.
  if (details_url.starts_with("https://") || details_url.starts_with("http://")) {
    icalcomponent_add_property(event, icalproperty_new_url(details_url.c_str()));
  }
  icalcomponent_add_component(calendar.get(), event);
  char* text = icalcomponent_as_ical_string_r(calendar.get());
  std::string out(text);
  icalmemory_free_buffer(text);
  return out;
}

}  // namespace oppenvard::booking
