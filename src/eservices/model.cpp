#include "eservices/model.hpp"

#include "core/enum_names.hpp"

namespace oppenvard::eservices {
namespace {

using core::name_of;
using core::value_of;
template <class E, std::size_t N>
using Names = core::EnumNames<E, N>;

constexpr Names<CaseStatus, 4> kStatuses{{{CaseStatus::new_case, "new"},
                                          {CaseStatus::open, "open"},
                                          {CaseStatus::waiting_for_patient, "waiting_for_patient"},
                                          {CaseStatus::closed, "closed"}}};
constexpr Names<Outcome, 7> kOutcomes{{{Outcome::answered, "answered"},
                                       {Outcome::appointment_booked, "appointment_booked"},
                                       {Outcome::prescription_renewed, "prescription_renewed"},
                                       {Outcome::certificate_issued, "certificate_issued"},
                                       {Outcome::referred, "referred"},
                                       {Outcome::no_action_needed, "no_action_needed"},
                                       {Outcome::withdrawn, "withdrawn"}}};
constexpr Names<AuthorKind, 3> kAuthors{{{AuthorKind::patient, "patient"},
                                         {AuthorKind::guardian, "guardian"},
                                         {AuthorKind::staff, "staff"}}};
constexpr Names<MessageKind, 3> kMessageKinds{{{MessageKind::message, "message"},
                                               {MessageKind::reply, "reply"},
                                               {MessageKind::question, "question"}}};
constexpr Names<ClockState, 4> kClockStates{{{ClockState::none, "none"},
                                             {ClockState::on_time, "on_time"},
                                             {ClockState::at_risk, "at_risk"},
                                             {ClockState::overdue, "overdue"}}};
constexpr Names<FieldKind, 5> kFieldKinds{{{FieldKind::text, "text"},
                                           {FieldKind::textarea, "textarea"},
                                           {FieldKind::phone, "phone"},
                                           {FieldKind::date, "date"},
                                           {FieldKind::choice, "choice"}}};
constexpr Names<InboxFilter, 4> kFilters{{{InboxFilter::all, "all"},
                                          {InboxFilter::mine, "mine"},
                                          {InboxFilter::unassigned, "unassigned"},
                                          {InboxFilter::closed, "closed"}}};
constexpr Names<Error, 19> kErrors{{{Error::clinic_not_found, "clinic_not_found"},
                                    {Error::service_not_offered, "service_not_offered"},
                                    {Error::not_a_case_service, "not_a_case_service"},
                                    {Error::clinic_not_published, "clinic_not_published"},
                                    {Error::case_not_found, "case_not_found"},
                                    {Error::not_allowed, "not_allowed"},
                                    {Error::case_closed, "case_closed"},
                                    {Error::invalid_transition, "invalid_transition"},
                                    {Error::reason_required, "reason_required"},
                                    {Error::basic_cannot_be_off, "basic_cannot_be_off"},
                                    {Error::too_many_admins, "too_many_admins"},
                                    {Error::no_admin, "no_admin"},
                                    {Error::not_staff_of_unit, "not_staff_of_unit"},
                                    {Error::images_not_allowed, "images_not_allowed"},
                                    {Error::image_type_not_allowed, "image_type_not_allowed"},
                                    {Error::image_too_large, "image_too_large"},
                                    {Error::image_content_mismatch, "image_content_mismatch"},
                                    {Error::attachment_not_found, "attachment_not_found"},
                                    {Error::not_closed, "not_closed"}}};

}  // namespace

std::string_view to_string(CaseStatus status) {
  return name_of(kStatuses, status);
}
std::optional<CaseStatus> case_status_from(std::string_view text) {
  return value_of(kStatuses, text);
}
std::string_view to_string(Outcome outcome) {
  return name_of(kOutcomes, outcome);
}
std::optional<Outcome> outcome_from(std::string_view text) {
  return value_of(kOutcomes, text);
}
std::string_view to_string(AuthorKind kind) {
  return name_of(kAuthors, kind);
}
std::optional<AuthorKind> author_kind_from(std::string_view text) {
  return value_of(kAuthors, text);
}
std::string_view to_string(MessageKind kind) {
  return name_of(kMessageKinds, kind);
}
std::optional<MessageKind> message_kind_from(std::string_view text) {
  return value_of(kMessageKinds, text);
}
std::string_view to_string(ClockState state) {
  return name_of(kClockStates, state);
}
std::string_view to_string(FieldKind kind) {
  return name_of(kFieldKinds, kind);
}
std::string_view to_string(InboxFilter filter) {
  return name_of(kFilters, filter);
}
std::optional<InboxFilter> inbox_filter_from(std::string_view text) {
  return value_of(kFilters, text);
}
std::string_view to_string(Error error) {
  return name_of(kErrors, error);
}

}  // namespace oppenvard::eservices
