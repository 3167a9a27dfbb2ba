#pragma once
// Use cases of the e-services: the clinic's catalogue and settings, cases and their threads,
// the unit inbox with absence cover, the answer clock, documentation support, attachments
// and follow-up. Every read or write of a case is authorised here (the patient, a guardian
// acting for a child under 13, or staff of the case's care unit) and audited in the same
// transaction.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "audit/service.hpp"
#include "core/calendar.hpp"
#include "core/clock.hpp"
#include "eservices/model.hpp"
#include "eservices/rules.hpp"
#include "eservices/store.hpp"
#include "identity/service.hpp"
#include "identity/store.hpp"

namespace oppenvard::eservices {

class EservicesError : public std::runtime_error {
 public:
  explicit EservicesError(Error error) : std::runtime_error("e-services error"), error_(error) {}
  Error error() const { return error_; }

 private:
  Error error_;
};

// The form's answers did not pass validate_fields; the problems name each field.
class InvalidFields : public std::runtime_error {
 public:
  explicit InvalidFields(std::vector<FieldProblem> problems)
      : std::runtime_error("invalid fields"), problems_(std::move(problems)) {}
  const std::vector<FieldProblem>& problems() const { return problems_; }

 private:
  std::vector<FieldProblem> problems_;
};

using identity::Caller;

struct CaseView {
  CaseSummary summary;
  std::vector<Message> messages;
  std::vector<Attachment> attachments;
  ClockState clock = ClockState::none;
  std::optional<Form> form;
  bool viewer_is_staff = false;
  ImageRoutine images;  // the clinic's routine, so the patient is offered only what it takes
};

struct Inbox {
  std::vector<CaseSummary> cases;
  InboxCounts counts;
  std::vector<ClockState> clocks;  // one per case
};

struct ClinicAdministration {
  std::vector<CatalogueEntry> catalogue;
  ClinicSettings settings;
  std::vector<std::pair<std::string, std::string>> admins;      // id, name
  std::vector<std::pair<std::string, std::string>> candidates;  // staff of the unit: id, name
};

struct AttachmentContent {
  Attachment meta;
  std::string bytes;
};

// Publishes a realtime event (ids and statuses only, never content) to a topic.
using Publish = std::function<void(const std::string& topic, const boost::json::value& event)>;

// Side effects other capabilities attach to case events, called inside the event's own
// transaction (notifications commit with the reply that caused them, or not at all).
struct CaseEvents {
  std::function<void(soci::session& sql, const Case& c, const Message& reply)> staff_wrote;
  std::function<void(soci::session& sql, const Case& c)> submitted;
  std::function<void(soci::session& sql, const Escalation& e)> escalated;
};

struct Settings {
  std::filesystem::path attachment_dir;  // outside the web root
  std::int64_t documentation_due_ms = 48LL * 3600 * 1000;
  std::int64_t max_attachment_bytes = 1 << 20;  // the server's body limit caps any routine
};

class Service {
 public:
  Service(Store& store, identity::Store& people, audit::Service& audit, const core::Clock& clock,
          const core::WorkingCalendar& calendar, Settings settings, Publish publish);

  void on_events(CaseEvents events) { events_ = std::move(events); }

  // --- public: what a patient sees before sending ---
  Form form(const std::string& care_unit_id, const std::string& code);

  // A3: public.
  ClinicInformation information(const std::string& care_unit_id);

  // --- clinic administration (E1, E2, E5, M3): e-service administrators and unit managers ---
  // Throws InvalidFields naming each wrong link or contact.
  void set_information(const Caller& caller, const std::string& care_unit_id,
                       const ClinicInformation& information);
  ClinicAdministration administration(const Caller& caller, const std::string& care_unit_id);
  CatalogueEntry set_offer(const Caller& caller, const std::string& care_unit_id,
                           const std::string& code, const std::string& status,
                           const std::optional<std::string>& reason);
  CatalogueEntry add_own_form(const Caller& caller, const std::string& care_unit_id,
                              const std::string& name_sv, const std::string& name_en);
  // Only the unit manager designates administrators (one or two).
  void set_admins(const Caller& caller, const std::string& care_unit_id,
                  const std::vector<std::string>& staff_ids);
  void set_published(const Caller& caller, const std::string& care_unit_id, bool published);
  void set_image_routine(const Caller& caller, const std::string& care_unit_id,
                         const ImageRoutine& routine);

  // --- cases ---
  CaseView submit(const Caller& caller, const std::string& care_unit_id, const std::string& code,
                  const boost::json::object& answers);
  std::vector<CaseSummary> my_cases(const Caller& caller);
  CaseView get(const Caller& caller, const std::string& case_id);
  CaseView post_message(const Caller& caller, const std::string& case_id, MessageKind kind,
                        const std::string& body);
  CaseView claim(const Caller& caller, const std::string& case_id);
  CaseView assign(const Caller& caller, const std::string& case_id,
                  const std::optional<std::string>& staff_id);
  CaseView close(const Caller& caller, const std::string& case_id, Outcome outcome);

  // --- unit inbox (M4) ---
  Inbox inbox(const Caller& caller, const std::string& care_unit_id, InboxFilter filter);
  void set_absence(const Caller& caller, std::int64_t from_ms, std::int64_t to_ms);
  void clear_absence(const Caller& caller);
  std::optional<Absence> my_absence(const Caller& caller);

  // --- escalation (E3) ---
  // Raises each case that has become at risk or overdue once per level and deadline; safe
  // to run on several nodes at once. Returns the escalations raised by this call.
  std::vector<Escalation> escalate();
  // The unit manager's list of escalations of the last `days` days, with the cases.
  std::vector<std::pair<Escalation, CaseSummary>> escalations(const Caller& caller,
                                                              const std::string& care_unit_id,
                                                              int days);

  // --- documentation support (M2) ---
  SummaryDraft summary(const Caller& caller, const std::string& case_id);
  CaseView mark_documented(const Caller& caller, const std::string& case_id);
  std::vector<CaseSummary> undocumented(const Caller& caller, const std::string& care_unit_id);

  // --- attachments (M3) ---
  Attachment attach(const Caller& caller, const std::string& case_id,
                    const std::string& content_type, const std::string& bytes);
  AttachmentContent attachment(const Caller& caller, const std::string& case_id,
                               const std::string& attachment_id);
  // Removes attachments past their clinic's retention; returns how many.
  std::size_t purge_expired_attachments();

  // --- follow-up (E4): a unit manager for the unit, a region administrator for all ---
  std::vector<ClinicReport> report(const Caller& caller,
                                   const std::optional<std::string>& care_unit_id,
                                   const std::optional<std::string>& administration_id,
                                   std::int64_t from_ms, std::int64_t to_ms);

  // May this caller listen to a realtime topic of the e-services ("unit:<id>", "case:<id>")?
  bool may_listen(const identity::Principal& principal, const std::string& topic);

  const core::Clock& clock() const { return clock_; }

 private:
  struct Access {
    bool staff = false;
    std::string actor_kind;  // patient | guardian | staff
    std::string role;        // staff role at the unit, "" for patients
  };
  // A transaction in which a refused access is recorded after the rollback.
  template <class F>
  auto transact(F&& fn);
  Access access_to_case(soci::session& sql, const Caller& caller, const Case& c);
  // Inside a transaction use the session: a second pooled connection may never come.
  std::string staff_role_at(soci::session& sql, const identity::Principal& principal,
                            const std::string& care_unit_id, bool care_roles_only);
  std::string staff_role_at(const identity::Principal& principal, const std::string& care_unit_id,
                            bool care_roles_only);
  void require_catalogue_admin(const Caller& caller, const std::string& care_unit_id);
  void record(soci::session& sql, const Caller& caller, const Access& access, const Case& c,
              const std::string& action, const std::string& object_type,
              const std::string& object_id);
  CaseView view(soci::session& sql, const Case& c, const Access& access);
  Case load(soci::session& sql, const std::string& case_id);
  // What a change records in the audit log.
  struct Recorded {
    std::string action;
    std::string object_type;
    std::string object_id;
  };
  template <class F>
  CaseView change_case(const Caller& caller, const std::string& case_id, F&& apply);
  // A patient message (or image) starts a clock and puts the case back before staff.
  void patient_wrote(soci::session& sql, Case& c, std::int64_t now);
  Message add_message(soci::session& sql, const Caller& caller, const Case& c, bool staff,
                      MessageKind kind, const std::string& body, std::int64_t now);
  void announce(const Case& c);

  Store& store_;
  identity::Store& people_;
  audit::Service& audit_;
  const core::Clock& clock_;
  const core::WorkingCalendar& calendar_;
  Settings settings_;
  Publish publish_;
  CaseEvents events_;
};

}  // namespace oppenvard::eservices
