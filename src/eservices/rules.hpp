#pragma once
// Pure decisions of the e-services: forms and their validation, the answer clock's state,
// catalogue rules, case transitions, inbox visibility, working hours, image sniffing and the
// documentation draft. No I/O.
#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar.hpp"
#include "eservices/model.hpp"

namespace oppenvard::eservices {

inline constexpr std::size_t kTextMax = 200;
inline constexpr std::size_t kTextareaMax = 4000;
inline constexpr std::size_t kMessageMax = 4000;

// The form of a service kind; custom (clinic-made) services share one contact form. nullopt
// for services that are not sent as cases (the booking services: the booking capability).
std::optional<Form> form_for(std::string_view code, std::string_view category);

struct FieldProblem {
  std::string field;  // JSON pointer into the request, e.g. "/fields/reason"
  std::string message;
};

// Checks answers against the form: required fields present and not blank, lengths, phone
// and date shapes, choices among the listed values, no unknown keys. Returns the cleaned
// answers (trimmed) or every problem found.
struct ValidatedFields {
  boost::json::object fields;
  std::vector<FieldProblem> problems;
};
ValidatedFields validate_fields(const Form& form, const boost::json::object& answers);

// A thread message: trimmed, not blank, at most kMessageMax characters, no control characters
// but line breaks. nullopt when it is not acceptable.
std::optional<std::string> clean_message(std::string_view body);

// A3: at most 20 links and 10 contacts; titles and labels 1–200 characters of one line; links
// absolute https URLs without credentials; a contact has a phone number or an e-mail address.
inline constexpr std::size_t kMaxInformationLinks = 20;
inline constexpr std::size_t kMaxSupportContacts = 10;
std::vector<FieldProblem> check_information(const ClinicInformation& information);

// E3/M1: at risk from the start of the due day (the last working day), overdue after it.
ClockState clock_state(std::optional<std::int64_t> due_at_ms, std::int64_t now_ms);

// E1/E2: a basic service is on or not applicable with a reason; others are on or off.
std::optional<Error> check_offer_change(std::string_view category, std::string_view status,
                                        const std::optional<std::string>& reason);
inline constexpr std::size_t kMinReasonLength = 5;

// E5: one or two designated e-service administrators.
std::optional<Error> check_admin_count(std::size_t count);

// What an action does to a case's status; nullopt when the action is not allowed now.
enum class CaseAction { patient_message, staff_reply, staff_question, claim, assign, close };
std::optional<CaseStatus> next_status(CaseStatus current, CaseAction action,
                                      bool has_assignee_after);

// M4: is this case shown under `filter` to `viewer_id`? An absent assignee's cases count as
// unassigned for everyone else.
bool visible_in_inbox(const Case& c, InboxFilter filter, const std::string& viewer_id,
                      bool assignee_absent);

// Time inside working hours (08:00–17:00 Stockholm time on working days) between two
// instants, in hours: how E4 measures answer times.
inline constexpr int kWorkdayStartHour = 8;
inline constexpr int kWorkdayEndHour = 17;
double working_hours_between(std::int64_t from_ms, std::int64_t to_ms,
                             const core::WorkingCalendar& calendar);

std::optional<double> median(std::vector<double> values);

// E4 counts for a set of clocks: answered in time = answered no later than due; an open clock
// past its deadline is a miss; an open clock not yet due is not counted either way.
struct ClockTally {
  int counted = 0;
  int in_time = 0;
  std::optional<double> median_working_hours;
};
ClockTally tally_clocks(const std::vector<AnswerClock>& clocks, std::int64_t now_ms,
                        const core::WorkingCalendar& calendar);

// M3: the media type the bytes really are (magic numbers), or "" when none we accept.
std::string sniff_image_type(std::string_view bytes);
std::optional<Error> check_image(const ImageRoutine& routine, std::string_view declared_type,
                                 std::string_view bytes);

// M2: a plain-text summary draft of the contact for the EHR, dated to the contact day.
// Holds what the staff member needs to document; it is never sent anywhere by itself.
struct SummaryInput {
  const Case* item = nullptr;
  std::string service_name;
  std::string patient_name;
  std::string patient_identifier;  // formatted personnummer or reserve number
  std::string care_unit_name;
  std::vector<Message> messages;
  const Form* form = nullptr;
};
struct SummaryDraft {
  std::string contact_day;  // YYYY-MM-DD, Stockholm
  std::string text;
};
SummaryDraft summary_draft(const SummaryInput& input);

}  // namespace oppenvard::eservices
