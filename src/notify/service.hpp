#pragma once
// Use cases of notifications: consents (N2) given by patients and guardians or recorded by
// staff, the clinic's SMS switch behind its risk analysis, templates under the N1 check, the
// hooks other capabilities call inside their own transactions (a staff reply, a booking, a
// cancellation, an escalation), the staff notification centre, the dead-letter list, and the
// two steps of delivery: expanding due notifications into deliveries (consent checked) and
// delivering one under a lease (consent checked again, just before sending).
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "audit/service.hpp"
#include "core/clock.hpp"
#include "identity/service.hpp"
#include "identity/store.hpp"
#include "notify/model.hpp"
#include "notify/rules.hpp"
#include "notify/senders.hpp"
#include "notify/store.hpp"

namespace oppenvard::notify {

class NotifyError : public std::runtime_error {
 public:
  explicit NotifyError(Error error, std::string detail = {})
      : std::runtime_error("notify error"), error_(error), detail_(std::move(detail)) {}
  Error error() const { return error_; }
  const std::string& detail() const { return detail_; }

 private:
  Error error_;
  std::string detail_;
};

using identity::Caller;

struct Settings {
  std::string link = "http://127.0.0.1:8080/";  // the service's address, shown in messages
  QuietHours quiet;
  int morning_minute = 7 * 60;
  std::int64_t lease_ms = 60'000;  // a delivery whose node died is retried after this
  std::string report_token;        // gateways present it with delivery reports
};

struct Senders {
  std::unique_ptr<Sender> sms;    // null: SMS not configured
  std::unique_ptr<Sender> email;  // null: e-mail not configured
};

struct ConsentChange {
  std::string care_unit_id;
  Channel channel = Channel::sms;
  bool given = false;
  std::string address;
  Language language = Language::sv;
  std::string method;  // staff only
};

class Service {
 public:
  Service(Store& store, identity::Store& people, audit::Service& audit, const core::Clock& clock,
          Settings settings, Senders senders);

  bool sms_configured() const { return senders_.sms != nullptr; }
  bool email_configured() const { return senders_.email != nullptr; }

  // --- consents (N2) ---
  std::vector<Consent> my_consents(const Caller& caller);
  Consent set_my_consent(const Caller& caller, ConsentChange change);
  std::vector<Consent> patient_consents(const Caller& staff, const std::string& care_unit_id,
                                        const std::string& patient_id);
  Consent record_consent(const Caller& staff, const std::string& patient_id, ConsentChange change);

  // --- clinic settings and templates ---
  ClinicSettings clinic_settings(const Caller& caller, const std::string& care_unit_id);
  ClinicSettings set_clinic_settings(const Caller& caller, const std::string& care_unit_id,
                                     bool sms_enabled,
                                     const std::optional<std::string>& risk_document);
  std::vector<Template> templates(const Caller& caller);
  Template set_template(const Caller& caller, Template t);

  // --- hooks: inside the caller's transaction, so the event and its notification commit
  // together (or neither does) ---
  void case_answered(soci::session& sql, const std::string& case_id, const std::string& message_id,
                     const std::string& patient_id, const std::string& care_unit_id);
  void appointment_booked(soci::session& sql, const std::string& appointment_id, int sequence,
                          const std::string& patient_id, const std::string& care_unit_id,
                          std::int64_t starts_at_ms, bool video);
  void appointment_cancelled(soci::session& sql, const std::string& appointment_id, int sequence,
                             const std::string& patient_id, const std::string& care_unit_id,
                             std::int64_t starts_at_ms);
  void escalation_raised(soci::session& sql, const std::string& case_id,
                         const std::string& care_unit_id, const std::string& level,
                         std::int64_t due_at_ms);
  void case_arrived(soci::session& sql, const std::string& case_id,
                    const std::string& care_unit_id);

  // --- staff: notification centre and preferences ---
  std::vector<StaffNotice> my_notices(const Caller& caller, int limit);
  void mark_read(const Caller& caller, const std::string& notice_id);
  std::vector<StaffPreference> my_preferences(const Caller& caller);
  StaffPreference set_my_preference(const Caller& caller, StaffPreference p);

  // --- outbox administration (region administrators) ---
  std::vector<Delivery> deliveries(const Caller& caller, const DeliveryQuery& query);
  Delivery retry(const Caller& caller, const std::string& delivery_id);
  // A gateway's delivery report; false when the token is wrong or the id unknown.
  bool delivery_report(const std::string& token, const std::string& provider_id,
                       const std::string& status);

  // --- delivery: called by the workers; safe on several nodes ---
  std::size_t expand_due();                     // notifications turned into deliveries
  bool deliver_one(const std::string& worker);  // false when nothing was due
  std::size_t count(DeliveryStatus status);

  const core::Clock& clock() const { return clock_; }

 private:
  std::string subject_patient(const Caller& caller) const;
  bool is_staff_at(soci::session& sql, const Caller& caller, const std::string& care_unit_id);
  bool is_region_admin(soci::session& sql, const Caller& caller);
  bool is_unit_manager(soci::session& sql, const Caller& caller, const std::string& unit);
  Consent save_consent(soci::session& sql, const Caller& caller, const std::string& patient_id,
                       const ConsentChange& change, const std::string& source);
  void record(soci::session& sql, const Caller& caller, const std::string& actor_kind,
              const std::string& care_unit_id, const std::string& patient_id,
              const std::string& action);
  void enqueue(soci::session& sql, Notification n);
  bool consent_still_valid(soci::session& sql, const Notification& n, const Delivery& d);
  Template template_for(soci::session& sql, Event event, Channel channel, Language language);
  std::vector<Delivery> deliveries_for(soci::session& sql, const Notification& n,
                                       std::int64_t now_ms);

  Store& store_;
  identity::Store& people_;
  audit::Service& audit_;
  const core::Clock& clock_;
  Settings settings_;
  Senders senders_;
};

}  // namespace oppenvard::notify
