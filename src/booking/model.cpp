#include "booking/model.hpp"

#include "core/enum_names.hpp"

namespace oppenvard::booking {
namespace {

using core::name_of;
using core::value_of;

constexpr core::EnumNames<Channel, 3> kChannels{
    {{Channel::in_person, "in_person"}, {Channel::video, "video"}, {Channel::phone, "phone"}}};
constexpr core::EnumNames<Profession, 2> kProfessions{
    {{Profession::doctor, "doctor"}, {Profession::other, "other"}}};
constexpr core::EnumNames<AppointmentStatus, 5> kStatuses{
    {{AppointmentStatus::booked, "booked"},
     {AppointmentStatus::arrived, "arrived"},
     {AppointmentStatus::fulfilled, "fulfilled"},
     {AppointmentStatus::cancelled, "cancelled"},
     {AppointmentStatus::no_show, "noshow"}}};  // FHIR Appointment.status spells it "noshow"
constexpr core::EnumNames<Source, 3> kSources{{{Source::request, "request"},
                                               {Source::self_service, "self_service"},
                                               {Source::staff, "staff"}}};
constexpr core::EnumNames<Error, 18> kErrors{
    {{Error::unit_not_found, "unit_not_found"},
     {Error::type_not_found, "type_not_found"},
     {Error::slot_not_found, "slot_not_found"},
     {Error::appointment_not_found, "appointment_not_found"},
     {Error::slot_taken, "slot_taken"},
     {Error::slot_in_past, "slot_in_past"},
     {Error::not_self_bookable, "not_self_bookable"},
     {Error::self_booking_in_person, "self_booking_in_person"},
     {Error::not_allowed, "not_allowed"},
     {Error::suitability_required, "suitability_required"},
     {Error::maturity_required, "maturity_required"},
     {Error::too_late_to_cancel, "too_late_to_cancel"},
     {Error::not_booked, "not_booked"},
     {Error::not_started, "not_started"},
     {Error::bad_hours, "bad_hours"},
     {Error::wrong_case, "wrong_case"},
     {Error::bad_personal_id, "bad_personal_id"},
     {Error::patient_not_found, "patient_not_found"}}};

}  // namespace

std::string_view to_string(Channel c) {
  return name_of(kChannels, c);
}
std::optional<Channel> channel_from(std::string_view text) {
  return value_of(kChannels, text);
}
std::string_view to_string(Profession p) {
  return name_of(kProfessions, p);
}
std::optional<Profession> profession_from(std::string_view text) {
  return value_of(kProfessions, text);
}
std::string_view to_string(AppointmentStatus s) {
  return name_of(kStatuses, s);
}
std::optional<AppointmentStatus> appointment_status_from(std::string_view text) {
  return value_of(kStatuses, text);
}
std::string_view to_string(Source s) {
  return name_of(kSources, s);
}
std::optional<Source> source_from(std::string_view text) {
  return value_of(kSources, text);
}
std::string_view to_string(Error e) {
  return name_of(kErrors, e);
}

}  // namespace oppenvard::booking
