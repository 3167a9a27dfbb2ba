#pragma once
// Notifications to patients (SMS, e-mail) and staff (in-app centre, e-mail, SMS): consents,
// templates, and the outbox — a notification (what happened, for whom, when due) expands into
// one delivery per channel the recipient has a valid consent or preference for.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace oppenvard::notify {

enum class Channel { sms, email };
enum class Language { sv, en };

// What a message is about. Patient events need a consent; `escalation` goes to staff.
enum class Event {
  case_reply,         // new message from the clinic in a case
  booking_confirmed,  // at booking: date and time only
  visit_morning,      // the morning of the visit
  video_soon,         // 15 minutes before a video meeting
  booking_cancelled,  // the appointment was cancelled
  escalation,         // staff: a case is at risk of passing its answer time
};

enum class NotificationStatus { pending, expanded, cancelled };
// pending → sending → sent; sending → pending (retry) or dead; suppressed when the consent was
// withdrawn before delivery; cancelled when the appointment changed.
enum class DeliveryStatus { pending, sending, sent, dead, suppressed, cancelled };

// N2: given or withdrawn per patient, clinic and channel. The address travels with the consent:
// a guardian who decides for a child under 13 gives their own number or address.
struct Consent {
  std::string patient_id;
  std::string care_unit_id;
  Channel channel = Channel::sms;
  bool given = false;
  std::string address;  // E.164 phone number or e-mail address
  Language language = Language::sv;
  std::string source;  // "patient" | "guardian" | "staff"
  std::string method;  // staff: how it was obtained (e.g. "muntligt vid besök")
  std::string recorded_by_kind;
  std::string recorded_by_id;
  std::int64_t recorded_at_ms = 0;
};

// N1/DOMAIN: SMS without encryption needs the provider's documented risk analysis first.
struct ClinicSettings {
  std::string care_unit_id;
  bool sms_enabled = false;
  std::optional<std::string> risk_analysis_by;
  std::optional<std::int64_t> risk_analysis_at_ms;
  std::optional<std::string> risk_analysis_document;
};

struct Template {
  Event event = Event::case_reply;
  Channel channel = Channel::sms;
  Language language = Language::sv;
  std::string subject;  // e-mail only
  std::string body;
  bool customised = false;
};

// What happened, for whom and when it is due; expanded into deliveries when due.
struct Notification {
  std::string id;
  std::string idempotency_key;  // one notification per event instance
  Event event = Event::case_reply;
  std::string recipient_kind;  // "patient" | "staff"
  std::string recipient_id;
  std::string care_unit_id;
  std::string subject_id;  // the appointment or case it is about (to cancel reminders)
  std::int64_t due_at_ms = 0;
  std::int64_t starts_at_ms = 0;  // the appointment's start, for the date and time shown
  bool urgent = false;            // urgent messages ignore quiet hours
  NotificationStatus status = NotificationStatus::pending;
  std::int64_t created_at_ms = 0;
};

// One message on one channel; its id is the idempotency key given to the gateway.
struct Delivery {
  std::string id;
  std::string notification_id;
  Event event = Event::case_reply;
  Channel channel = Channel::sms;
  std::string address;
  Language language = Language::sv;
  DeliveryStatus status = DeliveryStatus::pending;
  int attempts = 0;
  std::int64_t next_attempt_at_ms = 0;
  std::int64_t starts_at_ms = 0;
  std::string care_unit_id;
  std::string last_error;  // a code, never a server's text (it may echo the address)
  std::optional<std::string> provider_id;
  std::optional<std::string> provider_status;  // delivery report, where the gateway gives one
  std::int64_t created_at_ms = 0;
  std::optional<std::int64_t> sent_at_ms;
};

// Staff: in-app notification centre entries and per-person preferences for e-mail/SMS.
struct StaffNotice {
  std::string id;
  std::string staff_id;
  std::string kind;  // "escalation" | "new_case"
  std::string care_unit_id;
  std::string object_id;  // the case
  std::string level;      // escalation: at_risk | overdue
  std::int64_t created_at_ms = 0;
  std::optional<std::int64_t> read_at_ms;
};

struct StaffPreference {
  std::string staff_id;
  Channel channel = Channel::email;
  bool escalations = false;
  std::string address;
};

enum class Error {
  not_allowed,
  unit_not_found,
  patient_not_found,
  bad_address,            // not a mobile number or e-mail address
  sms_not_enabled,        // the clinic has not recorded its risk analysis and enabled SMS
  risk_analysis_missing,  // enabling SMS needs the document reference
  guardian_decides,       // a child under 13: the guardian gives or withdraws consent
  method_required,        // staff recording consent say how it was obtained
  template_rejected,      // carries something sensitive; see the detail
  delivery_not_found,
  not_dead,  // only dead deliveries are retried by hand
};

std::string_view to_string(Channel c);
std::optional<Channel> channel_from(std::string_view text);
std::string_view to_string(Language l);
std::optional<Language> language_from(std::string_view text);
std::string_view to_string(Event e);
std::optional<Event> event_from(std::string_view text);
std::string_view to_string(NotificationStatus s);
std::string_view to_string(DeliveryStatus s);
std::optional<DeliveryStatus> delivery_status_from(std::string_view text);
std::string_view to_string(Error e);

}  // namespace oppenvard::notify
