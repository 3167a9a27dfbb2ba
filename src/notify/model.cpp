#include "notify/model.hpp"

#include "core/enum_names.hpp"

namespace oppenvard::notify {
namespace {

using core::name_of;
using core::value_of;

constexpr core::EnumNames<Channel, 2> kChannels{{{Channel::sms, "sms"}, {Channel::email, "email"}}};
constexpr core::EnumNames<Language, 2> kLanguages{{{Language::sv, "sv"}, {Language::en, "en"}}};
constexpr core::EnumNames<Event, 6> kEvents{{{Event::case_reply, "case_reply"},
                                             {Event::booking_confirmed, "booking_confirmed"},
                                             {Event::visit_morning, "visit_morning"},
                                             {Event::video_soon, "video_soon"},
                                             {Event::booking_cancelled, "booking_cancelled"},
                                             {Event::escalation, "escalation"}}};
constexpr core::EnumNames<NotificationStatus, 3> kNotificationStatuses{
    {{NotificationStatus::pending, "pending"},
     {NotificationStatus::expanded, "expanded"},
     {NotificationStatus::cancelled, "cancelled"}}};
constexpr core::EnumNames<DeliveryStatus, 6> kDeliveryStatuses{
    {{DeliveryStatus::pending, "pending"},
     {DeliveryStatus::sending, "sending"},
     {DeliveryStatus::sent, "sent"},
     {DeliveryStatus::dead, "dead"},
     {DeliveryStatus::suppressed, "suppressed"},
     {DeliveryStatus::cancelled, "cancelled"}}};
constexpr core::EnumNames<Error, 11> kErrors{
    {{Error::not_allowed, "not_allowed"},
     {Error::unit_not_found, "unit_not_found"},
     {Error::patient_not_found, "patient_not_found"},
     {Error::bad_address, "bad_address"},
     {Error::sms_not_enabled, "sms_not_enabled"},
     {Error::risk_analysis_missing, "risk_analysis_missing"},
     {Error::guardian_decides, "guardian_decides"},
     {Error::method_required, "method_required"},
     {Error::template_rejected, "template_rejected"},
     {Error::delivery_not_found, "delivery_not_found"},
     {Error::not_dead, "not_dead"}}};

}  // namespace

std::string_view to_string(Channel c) {
  return name_of(kChannels, c);
}
std::optional<Channel> channel_from(std::string_view text) {
  return value_of(kChannels, text);
}
std::string_view to_string(Language l) {
  return name_of(kLanguages, l);
}
std::optional<Language> language_from(std::string_view text) {
  return value_of(kLanguages, text);
}
std::string_view to_string(Event e) {
  return name_of(kEvents, e);
}
std::optional<Event> event_from(std::string_view text) {
  return value_of(kEvents, text);
}
std::string_view to_string(NotificationStatus s) {
  return name_of(kNotificationStatuses, s);
}
std::string_view to_string(DeliveryStatus s) {
  return name_of(kDeliveryStatuses, s);
}
std::optional<DeliveryStatus> delivery_status_from(std::string_view text) {
  return value_of(kDeliveryStatuses, text);
}
std::string_view to_string(Error e) {
  return name_of(kErrors, e);
}

}  // namespace oppenvard::notify
