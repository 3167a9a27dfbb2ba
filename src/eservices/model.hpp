#pragma once
// Patient e-services as cases (E1–E5, M1–M4): a case is one patient's request to one clinic
// through one service; it has a thread of messages and an answer clock per waiting message.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace oppenvard::eservices {

// --- Forms: what each service asks for (structured, not free text only) ---

enum class FieldKind { text, textarea, phone, date, choice };

struct Choice {
  std::string value;
  std::string label_sv;
  std::string label_en;
};

struct FormField {
  std::string key;
  FieldKind kind = FieldKind::text;
  bool required = false;
  std::string label_sv;
  std::string label_en;
  std::string help_sv;
  std::string help_en;
  std::vector<Choice> choices;  // kind == choice
};

struct Form {
  std::string code;  // the service kind it belongs to; "custom" for a clinic's own forms
  std::string intro_sv;
  std::string intro_en;
  std::vector<FormField> fields;
};

// --- Cases ---

// new: in the unit inbox, nobody has it; open: someone has it; waiting_for_patient: staff asked
// a question; closed: finished with an outcome.
enum class CaseStatus { new_case, open, waiting_for_patient, closed };

enum class Outcome {
  answered,
  appointment_booked,
  prescription_renewed,
  certificate_issued,
  referred,
  no_action_needed,
  withdrawn,
};

enum class AuthorKind { patient, guardian, staff };
// message: from the patient side; reply: staff answer (stops every clock); question: staff
// ask the patient something (stops the clocks, waits for the patient).
enum class MessageKind { message, reply, question };

// Where a case stands against its answer clock (E3, M1).
enum class ClockState { none, on_time, at_risk, overdue };

struct Message {
  std::string id;
  std::string case_id;
  AuthorKind author_kind = AuthorKind::patient;
  std::string author_id;
  std::string author_name;  // resolved for display
  MessageKind kind = MessageKind::message;
  std::string body;
  std::int64_t created_at_ms = 0;
};

struct Case {
  std::string id;
  std::string care_unit_id;
  std::string service_code;
  std::string patient_id;
  AuthorKind submitted_by_kind = AuthorKind::patient;
  std::string submitted_by_id;
  CaseStatus status = CaseStatus::new_case;
  std::optional<std::string> assignee_id;
  std::string fields_json;  // the form's answers, validated against the service's form
  std::int64_t created_at_ms = 0;
  std::int64_t updated_at_ms = 0;
  std::optional<std::int64_t> due_at_ms;  // the earliest open answer deadline
  std::optional<std::int64_t> closed_at_ms;
  std::optional<Outcome> outcome;
  std::optional<std::int64_t> last_contact_ms;  // the last staff reply: the contact day (M2)
  std::optional<std::int64_t> documented_at_ms;
  std::optional<std::string> documented_by;
};

// One answer clock: started by a patient message, stopped by the next staff reply or question.
struct AnswerClock {
  std::int64_t started_at_ms = 0;
  std::int64_t due_at_ms = 0;
  std::optional<std::int64_t> answered_at_ms;
};

// A case as a row of the unit inbox or of the patient's list.
struct CaseSummary {
  Case item;
  std::string patient_name;
  std::string patient_birth_date;
  std::string assignee_name;
  bool assignee_absent = false;
  std::string care_unit_name;
  std::string service_name_sv;
  std::string service_name_en;
};

// Inbox filters (M4): "all" open cases of the unit, "mine", "unassigned" — which includes the
// cases of absent colleagues, so nothing waits on one person — and "closed".
enum class InboxFilter { all, mine, unassigned, closed };

struct InboxCounts {
  int open = 0;
  int unassigned = 0;
  int at_risk = 0;
  int overdue = 0;
};

// E3: a case whose answer clock reached at risk or overdue, raised once per level and deadline
// to the unit manager (and, with notifications, by message).
struct Escalation {
  std::string case_id;
  std::string care_unit_id;
  ClockState level = ClockState::at_risk;  // at_risk | overdue
  std::int64_t due_at_ms = 0;
  std::int64_t raised_at_ms = 0;
};

// A3: what a clinic publishes beside its e-services: information material (links) and
// user-support contacts.
struct InformationLink {
  std::string title;
  std::string url;  // https only
};
struct SupportContact {
  std::string label;
  std::string phone;
  std::string email;
  std::string hours;
};
struct ClinicInformation {
  std::vector<InformationLink> material;
  std::vector<SupportContact> support;
};

// The image routine of a clinic (M3).
struct ImageRoutine {
  bool enabled = false;
  std::vector<std::string> types{"image/jpeg", "image/png"};
  std::int64_t max_bytes = 5 * 1024 * 1024;
  int retention_days = 30;
};

struct Attachment {
  std::string id;
  std::string case_id;
  std::string message_id;
  std::string content_type;
  std::int64_t size = 0;
  std::string sha256;
  std::int64_t created_at_ms = 0;
  std::int64_t delete_after_ms = 0;
};

// --- Follow-up (E4) ---

struct ServiceUsage {
  std::string code;
  std::string name_sv;
  std::string name_en;
  std::string category;  // basic | recommended | custom
  std::string status;    // on | off | not_applicable
  std::string reason;
  int cases = 0;
  int clocks = 0;
  int answered_in_time = 0;
  std::optional<double> median_answer_working_hours;
};

struct ClinicReport {
  std::string care_unit_id;
  std::string care_unit_name;
  std::string administration_id;
  std::string administration_name;
  bool published = false;
  std::vector<ServiceUsage> services;
  std::vector<std::string> basic_offered;
  std::vector<std::string> basic_missing_without_reason;
  std::vector<std::string> basic_not_applicable;
  std::vector<std::string> others_offered;
  int cases = 0;
  int clocks = 0;
  int answered_in_time = 0;
  std::optional<double> median_answer_working_hours;
};

enum class Error {
  clinic_not_found,
  service_not_offered,   // off, not applicable, or not a service of this clinic
  not_a_case_service,    // booking services are not sent as cases
  clinic_not_published,  // no e-service administrator designated yet (E5)
  case_not_found,
  not_allowed,  // neither the patient (or guardian) nor staff of the unit
  case_closed,
  invalid_transition,
  reason_required,      // a basic service marked not applicable needs a reason (E1)
  basic_cannot_be_off,  // a basic service is offered or not applicable, never just off
  too_many_admins,      // at most two e-service administrators (E5)
  no_admin,             // at least one to publish (E5)
  not_staff_of_unit,    // an assignee or administrator who does not work at the unit
  images_not_allowed,   // the clinic's image routine says no (M3)
  image_type_not_allowed,
  image_too_large,
  image_content_mismatch,  // the bytes are not what the Content-Type claims
  attachment_not_found,
  not_closed,  // documentation before the case is closed
};

std::string_view to_string(CaseStatus status);
std::optional<CaseStatus> case_status_from(std::string_view text);
std::string_view to_string(Outcome outcome);
std::optional<Outcome> outcome_from(std::string_view text);
std::string_view to_string(AuthorKind kind);
std::optional<AuthorKind> author_kind_from(std::string_view text);
std::string_view to_string(MessageKind kind);
std::optional<MessageKind> message_kind_from(std::string_view text);
std::string_view to_string(ClockState state);
std::string_view to_string(FieldKind kind);
std::string_view to_string(InboxFilter filter);
std::optional<InboxFilter> inbox_filter_from(std::string_view text);
std::string_view to_string(Error error);

}  // namespace oppenvard::eservices
