#include "booking/ical.hpp"

#include <gtest/gtest.h>

#include "core/time.hpp"

namespace oppenvard::booking {
namespace {

Appointment appointment() {
  Appointment a;
  a.id = "0190a000-0000-7000-8000-00000000a001";
  a.care_unit_name = "Psykiatriska öppenvårdsmottagningen Ekbacken";
  a.staff_name = "Sofia Berg";
  a.patient_name = "Erik Sandberg";
  a.type_name_sv = "Samtal om nedstämdhet";
  a.channel = Channel::video;
  a.start_ms = *core::parse_rfc3339("2026-12-02T09:00:00+01:00");
  a.end_ms = *core::parse_rfc3339("2026-12-02T09:30:00+01:00");
  a.sequence = 0;
  return a;
}

TEST(ICalendar, AnInvitationWithTimesInUtcAndNothingSensitive) {
  const auto ics = appointment_ics(appointment(), 0, "/patient/tider/x");
  EXPECT_NE(ics.find("BEGIN:VCALENDAR"), std::string::npos);
  EXPECT_NE(ics.find("METHOD:REQUEST"), std::string::npos);
  EXPECT_NE(ics.find("UID:0190a000-0000-7000-8000-00000000a001@oppenvard"), std::string::npos);
  EXPECT_NE(ics.find("DTSTART:20261202T080000Z"), std::string::npos);
  EXPECT_NE(ics.find("DTEND:20261202T083000Z"), std::string::npos);
  EXPECT_NE(ics.find("SUMMARY:Videobesök i vården"), std::string::npos);
  EXPECT_NE(ics.find("CLASS:PRIVATE"), std::string::npos);
  for (const char* secret : {"Ekbacken", "Psykiatri", "Sofia", "Erik", "nedstämdhet"}) {
    EXPECT_EQ(ics.find(secret), std::string::npos) << secret;
  }
}

TEST(ICalendar, ARebookingRaisesTheSequenceAndACancellationCancels) {
  auto a = appointment();
  a.sequence = 2;
  EXPECT_NE(appointment_ics(a, 0, "u").find("SEQUENCE:2"), std::string::npos);
  a.status = AppointmentStatus::cancelled;
  const auto ics = appointment_ics(a, 0, "u");
  EXPECT_NE(ics.find("METHOD:CANCEL"), std::string::npos);
  EXPECT_NE(ics.find("STATUS:CANCELLED"), std::string::npos);
  EXPECT_NE(ics.find("UID:0190a000-0000-7000-8000-00000000a001@oppenvard"), std::string::npos);
}

}  // namespace
}  // namespace oppenvard::booking
