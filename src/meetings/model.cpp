#include "meetings/model.hpp"

#include "core/enum_names.hpp"

namespace oppenvard::meetings {
namespace {

using core::name_of;
using core::value_of;

constexpr core::EnumNames<Role, 5> kRoles{{{Role::host, "host"},
                                           {Role::staff, "staff"},
                                           {Role::patient, "patient"},
                                           {Role::guardian, "guardian"},
                                           {Role::guest, "guest"}}};
constexpr core::EnumNames<State, 4> kStates{{{State::waiting, "waiting"},
                                             {State::admitted, "admitted"},
                                             {State::rejected, "rejected"},
                                             {State::left, "left"}}};
constexpr core::EnumNames<Location, 2> kLocations{
    {{Location::workplace, "workplace"}, {Location::home, "home"}}};
constexpr core::EnumNames<Error, 12> kErrors{
    {{Error::not_allowed, "not_allowed"},
     {Error::appointment_not_found, "appointment_not_found"},
     {Error::not_a_video_appointment, "not_a_video_appointment"},
     {Error::meeting_not_found, "meeting_not_found"},
     {Error::meeting_ended, "meeting_ended"},
     {Error::participant_not_found, "participant_not_found"},
     {Error::not_ready, "not_ready"},
     {Error::confidentiality_required, "confidentiality_required"},
     {Error::invitation_invalid, "invitation_invalid"},
     {Error::not_admitted, "not_admitted"},
     {Error::bad_input, "bad_input"},
     {Error::turn_not_configured, "turn_not_configured"}}};

}  // namespace

std::string_view to_string(Role r) {
  return name_of(kRoles, r);
}
std::optional<Role> role_from(std::string_view text) {
  return value_of(kRoles, text);
}
std::string_view to_string(State s) {
  return name_of(kStates, s);
}
std::optional<State> state_from(std::string_view text) {
  return value_of(kStates, text);
}
std::string_view to_string(Location l) {
  return name_of(kLocations, l);
}
std::optional<Location> location_from(std::string_view text) {
  return value_of(kLocations, text);
}
std::string_view to_string(Error e) {
  return name_of(kErrors, e);
}

}  // namespace oppenvard::meetings
