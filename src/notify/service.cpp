#include "notify/service.hpp"

#include <openssl/crypto.h>

#include <algorithm>
#include <random>

#include "core/time.hpp"
#include "db/uuid.hpp"

namespace oppenvard::notify {
namespace {

[[noreturn]] void fail(Error error, std::string detail = {}) {
  throw NotifyError(error, std::move(detail));
}

double jitter() {
  thread_local std::mt19937_64 engine{std::random_device{}()};
  return std::uniform_real_distribution<double>(0.0, 1.0)(engine);
}

}  // namespace

Service::Service(Store& store, identity::Store& people, audit::Service& audit,
                 const core::Clock& clock, Settings settings, Senders senders)
    : store_(store),
      people_(people),
      audit_(audit),
      clock_(clock),
      settings_(std::move(settings)),
      senders_(std::move(senders)) {}

std::string Service::subject_patient(const Caller& caller) const {
  const auto& p = caller.principal;
  if (p.person_kind != "patient") fail(Error::not_allowed);
  return p.acting_for.value_or(p.person_id);
}

bool Service::is_staff_at(soci::session& sql, const Caller& caller,
                          const std::string& care_unit_id) {
  if (caller.principal.person_kind != "staff") return false;
  const auto list = people_.assignments_with_units(sql, caller.principal.person_id);
  return std::any_of(list.begin(), list.end(), [&](const auto& a) {
    return a.care_unit_id == care_unit_id && a.role != identity::StaffRole::region_admin;
  });
}

bool Service::is_unit_manager(soci::session& sql, const Caller& caller, const std::string& unit) {
  if (caller.principal.person_kind != "staff") return false;
  const auto list = people_.assignments_with_units(sql, caller.principal.person_id);
  return std::any_of(list.begin(), list.end(), [&](const auto& a) {
    return a.care_unit_id == unit && a.role == identity::StaffRole::unit_manager;
  });
}

bool Service::is_region_admin(soci::session& sql, const Caller& caller) {
  if (caller.principal.person_kind != "staff") return false;
  const auto list = people_.assignments_with_units(sql, caller.principal.person_id);
  return std::any_of(list.begin(), list.end(),
                     [](const auto& a) { return a.role == identity::StaffRole::region_admin; });
}

// Every read or change of a patient's consents is in the access log, in the same transaction.
void Service::record(soci::session& sql, const Caller& caller, const std::string& actor_kind,
                     const std::string& care_unit_id, const std::string& patient_id,
                     const std::string& action) {
  audit::NewAuditEvent e;
  e.actor_kind = actor_kind;
  e.actor_id = caller.principal.person_id;
  e.care_unit_id = care_unit_id;
  e.patient_id = patient_id;
  e.action = action;
  e.object_type = "notification_consent";
  e.object_id = patient_id;
  e.client_address = caller.client_address;
  e.success = true;
  audit_.record(sql, e);
}

// --- consents ---

std::vector<Consent> Service::my_consents(const Caller& caller) {
  const auto patient = subject_patient(caller);
  return store_.database().with_session(
      [&](soci::session& sql) { return store_.consents(sql, patient); });
}

Consent Service::save_consent(soci::session& sql, const Caller& caller,
                              const std::string& patient_id, const ConsentChange& change,
                              const std::string& source) {
  if (!store_.unit_exists(sql, change.care_unit_id)) fail(Error::unit_not_found);
  Consent c;
  c.patient_id = patient_id;
  c.care_unit_id = change.care_unit_id;
  c.channel = change.channel;
  c.given = change.given;
  c.language = change.language;
  c.source = source;
  c.method = change.method;
  c.recorded_by_kind = caller.principal.person_kind;
  c.recorded_by_id = caller.principal.person_id;
  c.recorded_at_ms = clock_.now_ms();
  const auto previous = store_.find_consent(sql, patient_id, change.care_unit_id, change.channel);
  if (change.given) {
    const auto address = normalize_address(change.channel, change.address);
    if (!address) fail(Error::bad_address);
    c.address = *address;
    if (change.channel == Channel::sms &&
        !store_.clinic_settings(sql, change.care_unit_id).sms_enabled) {
      fail(Error::sms_not_enabled);
    }
  } else {
    c.address = previous ? previous->address : "";  // kept: what the consent was for
  }
  store_.save_consent(sql, c);
  record(sql, caller, caller.principal.person_kind == "staff" ? "staff" : source,
         change.care_unit_id, patient_id,
         change.given ? "notification_consent.give" : "notification_consent.withdraw");
  return c;
}

Consent Service::set_my_consent(const Caller& caller, ConsentChange change) {
  const auto patient_id = subject_patient(caller);
  const bool guardian = caller.principal.acting_for.has_value();
  change.method = guardian ? "e-tjänst (vårdnadshavare)" : "e-tjänst";
  return store_.database().transaction([&](soci::session& sql) {
    const auto patient = people_.find_patient_by_id(sql, patient_id);
    if (!patient) fail(Error::patient_not_found);
    const auto age = core::age_in_years(patient->birth_date, core::stockholm_date(clock_.now_ms()));
    if (!guardian && age && guardian_decides(*age)) fail(Error::guardian_decides);
    return save_consent(sql, caller, patient_id, change, guardian ? "guardian" : "patient");
  });
}

std::vector<Consent> Service::patient_consents(const Caller& staff, const std::string& care_unit_id,
                                               const std::string& patient_id) {
  return store_.database().transaction([&](soci::session& sql) {
    if (!is_staff_at(sql, staff, care_unit_id)) fail(Error::not_allowed);
    if (!people_.find_patient_by_id(sql, patient_id)) fail(Error::patient_not_found);
    std::vector<Consent> here;
    for (auto& c : store_.consents(sql, patient_id)) {
      if (c.care_unit_id == care_unit_id) here.push_back(std::move(c));
    }
    record(sql, staff, "staff", care_unit_id, patient_id, "notification_consent.read");
    return here;
  });
}

Consent Service::record_consent(const Caller& staff, const std::string& patient_id,
                                ConsentChange change) {
  if (change.method.find_first_not_of(' ') == std::string::npos) fail(Error::method_required);
  return store_.database().transaction([&](soci::session& sql) {
    if (!is_staff_at(sql, staff, change.care_unit_id)) fail(Error::not_allowed);
    if (!people_.find_patient_by_id(sql, patient_id)) fail(Error::patient_not_found);
    return save_consent(sql, staff, patient_id, change, "staff");
  });
}

// --- clinic settings and templates ---

ClinicSettings Service::clinic_settings(const Caller& caller, const std::string& care_unit_id) {
  return store_.database().with_session([&](soci::session& sql) {
    if (!store_.unit_exists(sql, care_unit_id)) fail(Error::unit_not_found);
    if (!is_staff_at(sql, caller, care_unit_id) && !is_region_admin(sql, caller)) {
      fail(Error::not_allowed);
    }
    return store_.clinic_settings(sql, care_unit_id);
  });
}

ClinicSettings Service::set_clinic_settings(const Caller& caller, const std::string& care_unit_id,
                                            bool sms_enabled,
                                            const std::optional<std::string>& risk_document) {
  return store_.database().transaction([&](soci::session& sql) {
    if (!store_.unit_exists(sql, care_unit_id)) fail(Error::unit_not_found);
    if (!is_unit_manager(sql, caller, care_unit_id)) fail(Error::not_allowed);
    auto s = store_.clinic_settings(sql, care_unit_id);
    if (risk_document) {
      s.risk_analysis_document = *risk_document;
      s.risk_analysis_by = caller.principal.person_id;
      s.risk_analysis_at_ms = clock_.now_ms();
    }
    if (sms_enabled && !s.risk_analysis_document) fail(Error::risk_analysis_missing);
    s.sms_enabled = sms_enabled;
    store_.save_clinic_settings(sql, s);
    return s;
  });
}

Template Service::template_for(soci::session& sql, Event event, Channel channel,
                               Language language) {
  if (auto t = store_.template_override(sql, event, channel, language)) return *t;
  return default_template(event, channel, language);
}

std::vector<Template> Service::templates(const Caller& caller) {
  return store_.database().with_session([&](soci::session& sql) {
    if (!is_region_admin(sql, caller)) fail(Error::not_allowed);
    std::vector<Template> list;
    for (const auto e : {Event::case_reply, Event::booking_confirmed, Event::visit_morning,
                         Event::video_soon, Event::booking_cancelled, Event::escalation}) {
      for (const auto c : {Channel::sms, Channel::email}) {
        for (const auto l : {Language::sv, Language::en})
          list.push_back(template_for(sql, e, c, l));
      }
    }
    return list;
  });
}

Template Service::set_template(const Caller& caller, Template t) {
  return store_.database().transaction([&](soci::session& sql) {
    if (!is_region_admin(sql, caller)) fail(Error::not_allowed);
    const auto names = store_.clinic_names(sql);
    if (t.channel != Channel::email) t.subject.clear();
    auto problem = check_template(t.body, names);
    if (!problem && t.channel == Channel::email) problem = check_template(t.subject, names);
    if (problem) fail(Error::template_rejected, problem->code + ": " + problem->detail);
    t.customised = true;
    store_.save_template(sql, t, caller.principal.person_id, clock_.now_ms());
    return t;
  });
}

// --- hooks ---

void Service::enqueue(soci::session& sql, Notification n) {
  n.id = db::new_uuid_v7();
  n.created_at_ms = clock_.now_ms();
  n.status = NotificationStatus::pending;
  store_.insert_notification(sql, n);
}

void Service::case_answered(soci::session& sql, const std::string& case_id,
                            const std::string& message_id, const std::string& patient_id,
                            const std::string& care_unit_id) {
  Notification n;
  n.idempotency_key = "case_reply:" + message_id;
  n.event = Event::case_reply;
  n.recipient_kind = "patient";
  n.recipient_id = patient_id;
  n.care_unit_id = care_unit_id;
  n.subject_id = case_id;
  n.due_at_ms = clock_.now_ms();
  n.starts_at_ms = n.due_at_ms;
  enqueue(sql, n);
}

void Service::appointment_booked(soci::session& sql, const std::string& appointment_id,
                                 int sequence, const std::string& patient_id,
                                 const std::string& care_unit_id, std::int64_t starts_at_ms,
                                 bool video) {
  store_.cancel_pending(sql, appointment_id, clock_.now_ms());  // a rebooking replaces them
  for (const auto& r :
       appointment_reminders(starts_at_ms, video, clock_.now_ms(), settings_.morning_minute)) {
    Notification n;
    n.idempotency_key =
        std::string(to_string(r.event)) + ":" + appointment_id + ":" + std::to_string(sequence);
    n.event = r.event;
    n.recipient_kind = "patient";
    n.recipient_id = patient_id;
    n.care_unit_id = care_unit_id;
    n.subject_id = appointment_id;
    n.due_at_ms = r.due_at_ms;
    n.starts_at_ms = starts_at_ms;
    n.urgent = r.urgent;
    enqueue(sql, n);
  }
}

void Service::appointment_cancelled(soci::session& sql, const std::string& appointment_id,
                                    int sequence, const std::string& patient_id,
                                    const std::string& care_unit_id, std::int64_t starts_at_ms) {
  store_.cancel_pending(sql, appointment_id, clock_.now_ms());
  Notification n;
  n.idempotency_key = "booking_cancelled:" + appointment_id + ":" + std::to_string(sequence);
  n.event = Event::booking_cancelled;
  n.recipient_kind = "patient";
  n.recipient_id = patient_id;
  n.care_unit_id = care_unit_id;
  n.subject_id = appointment_id + ":cancel";  // not itself cancelled by the cancellation
  n.due_at_ms = clock_.now_ms();
  n.starts_at_ms = starts_at_ms;
  enqueue(sql, n);
}

void Service::escalation_raised(soci::session& sql, const std::string& case_id,
                                const std::string& care_unit_id, const std::string& level,
                                std::int64_t due_at_ms) {
  for (const auto& staff_id : store_.staff_with_role(sql, care_unit_id, "unit_manager")) {
    StaffNotice notice{db::new_uuid_v7(), staff_id, "escalation",    care_unit_id,
                       case_id,           level,    clock_.now_ms(), std::nullopt};
    if (!store_.insert_notice(sql, notice)) continue;
    Notification n;
    n.idempotency_key =
        "escalation:" + case_id + ":" + level + ":" + std::to_string(due_at_ms) + ":" + staff_id;
    n.event = Event::escalation;
    n.recipient_kind = "staff";
    n.recipient_id = staff_id;
    n.care_unit_id = care_unit_id;
    n.subject_id = case_id;
    n.due_at_ms = clock_.now_ms();
    n.starts_at_ms = due_at_ms;
    n.urgent = true;  // staff are told at once, quiet hours are for patients
    enqueue(sql, n);
  }
}

void Service::case_arrived(soci::session& sql, const std::string& case_id,
                           const std::string& care_unit_id) {
  for (const auto* role : {"doctor", "clinician", "unit_manager"}) {
    for (const auto& staff_id : store_.staff_with_role(sql, care_unit_id, role)) {
      store_.insert_notice(sql, {db::new_uuid_v7(), staff_id, "new_case", care_unit_id, case_id, "",
                                 clock_.now_ms(), std::nullopt});
    }
  }
}

// --- staff ---

std::vector<StaffNotice> Service::my_notices(const Caller& caller, int limit) {
  if (caller.principal.person_kind != "staff") fail(Error::not_allowed);
  return store_.database().with_session(
      [&](soci::session& sql) { return store_.notices(sql, caller.principal.person_id, limit); });
}

void Service::mark_read(const Caller& caller, const std::string& notice_id) {
  if (caller.principal.person_kind != "staff") fail(Error::not_allowed);
  const bool found = store_.database().transaction([&](soci::session& sql) {
    return store_.mark_read(sql, caller.principal.person_id, notice_id, clock_.now_ms());
  });
  if (!found) fail(Error::delivery_not_found);
}

std::vector<StaffPreference> Service::my_preferences(const Caller& caller) {
  if (caller.principal.person_kind != "staff") fail(Error::not_allowed);
  return store_.database().with_session(
      [&](soci::session& sql) { return store_.preferences(sql, caller.principal.person_id); });
}

StaffPreference Service::set_my_preference(const Caller& caller, StaffPreference p) {
  if (caller.principal.person_kind != "staff") fail(Error::not_allowed);
  p.staff_id = caller.principal.person_id;
  if (p.escalations || !p.address.empty()) {
    const auto address = normalize_address(p.channel, p.address);
    if (!address) fail(Error::bad_address);
    p.address = *address;
  }
  store_.database().transaction([&](soci::session& sql) { store_.save_preference(sql, p); });
  return p;
}

// --- outbox administration ---

std::vector<Delivery> Service::deliveries(const Caller& caller, const DeliveryQuery& query) {
  return store_.database().with_session([&](soci::session& sql) {
    if (!is_region_admin(sql, caller)) fail(Error::not_allowed);
    return store_.deliveries(sql, query);
  });
}

Delivery Service::retry(const Caller& caller, const std::string& delivery_id) {
  return store_.database().transaction([&](soci::session& sql) {
    if (!is_region_admin(sql, caller)) fail(Error::not_allowed);
    auto d = store_.find_delivery(sql, delivery_id);
    if (!d) fail(Error::delivery_not_found);
    if (d->status != DeliveryStatus::dead) fail(Error::not_dead);
    d->status = DeliveryStatus::pending;
    d->next_attempt_at_ms = clock_.now_ms();
    d->last_error = "retried_by_admin";
    store_.finish_delivery(sql, *d, clock_.now_ms());
    return *d;
  });
}

bool Service::delivery_report(const std::string& token, const std::string& provider_id,
                              const std::string& status) {
  if (settings_.report_token.empty() || token.size() != settings_.report_token.size() ||
      CRYPTO_memcmp(token.data(), settings_.report_token.data(), token.size()) != 0) {
    return false;
  }
  return store_.database().transaction([&](soci::session& sql) {
    return store_.set_provider_status(sql, provider_id, status, clock_.now_ms());
  });
}

// --- delivery ---

std::vector<Delivery> Service::deliveries_for(soci::session& sql, const Notification& n,
                                              std::int64_t now_ms) {
  std::vector<Delivery> list;
  const auto start = std::max(now_ms, n.due_at_ms);
  const auto when = n.urgent ? start : outside_quiet_hours(start, settings_.quiet);
  auto add = [&](Channel channel, const std::string& address, Language language) {
    Delivery d;
    d.id = db::new_uuid_v7();
    d.notification_id = n.id;
    d.channel = channel;
    d.address = address;
    d.language = language;
    d.next_attempt_at_ms = when;
    d.created_at_ms = now_ms;
    list.push_back(std::move(d));
  };
  if (n.recipient_kind == "patient") {
    for (const auto channel : {Channel::sms, Channel::email}) {
      if ((channel == Channel::sms ? senders_.sms : senders_.email) == nullptr) continue;
      const auto c = store_.find_consent(sql, n.recipient_id, n.care_unit_id, channel);
      if (!c || !c->given) continue;
      if (channel == Channel::sms && !store_.clinic_settings(sql, n.care_unit_id).sms_enabled) {
        continue;
      }
      add(channel, c->address, c->language);
    }
  } else {
    for (const auto& p : store_.preferences(sql, n.recipient_id)) {
      if (!p.escalations || (p.channel == Channel::sms ? senders_.sms : senders_.email) == nullptr)
        continue;
      add(p.channel, p.address, Language::sv);
    }
  }
  return list;
}

std::size_t Service::expand_due() {
  std::size_t created = 0;
  for (;;) {
    const auto now = clock_.now_ms();
    const bool claimed = store_.database().transaction([&](soci::session& sql) {
      const auto n = store_.claim_due_notification(sql, now);
      if (!n) return false;
      for (const auto& d : deliveries_for(sql, *n, now)) {
        store_.insert_delivery(sql, d);
        ++created;
      }
      return true;
    });
    if (!claimed) return created;
  }
}

// The consent (or the staff member's preference) must still hold, for this address, when the
// message leaves: a withdrawal between booking and reminder wins.
bool Service::consent_still_valid(soci::session& sql, const Notification& n, const Delivery& d) {
  if (n.recipient_kind == "staff") {
    for (const auto& p : store_.preferences(sql, n.recipient_id)) {
      if (p.channel == d.channel && p.escalations && p.address == d.address) return true;
    }
    return false;
  }
  const auto c = store_.find_consent(sql, n.recipient_id, n.care_unit_id, d.channel);
  if (!c || !c->given || c->address != d.address) return false;
  return d.channel != Channel::sms || store_.clinic_settings(sql, n.care_unit_id).sms_enabled;
}

bool Service::deliver_one(const std::string& worker) {
  struct Job {
    Delivery delivery;
    OutgoingMessage message;
  };
  const auto now = clock_.now_ms();
  std::optional<Job> job;
  const bool claimed = store_.database().transaction([&](soci::session& sql) {
    auto d = store_.claim_delivery(sql, worker, now, now + settings_.lease_ms);
    if (!d) return false;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT recipient_kind, recipient_id, care_unit_id FROM notifications"
                        " WHERE id = :id",
         soci::use(d->notification_id, "id"));
    Notification n;
    for (const auto& r : rows) {
      n.recipient_kind = r.get<std::string>(0);
      n.recipient_id = r.get<std::string>(1);
      n.care_unit_id = r.get<std::string>(2);
    }
    if (!consent_still_valid(sql, n, *d)) {
      d->status = DeliveryStatus::suppressed;
      d->last_error = "consent_withdrawn";
      store_.finish_delivery(sql, *d, now);
      return true;
    }
    if (d->attempts > kMaxAttempts) {
      d->status = DeliveryStatus::dead;
      d->last_error = d->last_error.empty() ? "too_many_attempts" : d->last_error;
      store_.finish_delivery(sql, *d, now);
      return true;
    }
    const auto t = template_for(sql, d->event, d->channel, d->language);
    const auto values = values_for(d->starts_at_ms, d->language, settings_.link);
    job = Job{*d, {d->id, d->address, render(t.subject, values), render(t.body, values)}};
    return true;
  });
  if (!claimed) return false;
  if (!job) return true;
  auto& sender = job->delivery.channel == Channel::sms ? senders_.sms : senders_.email;
  SendResult result;
  if (sender) {
    result = sender->send(job->message);
  } else {
    result = {false, false, "channel_not_configured", std::nullopt};
  }
  auto d = job->delivery;
  const auto done = clock_.now_ms();
  if (result.ok) {
    d.status = DeliveryStatus::sent;
    d.sent_at_ms = done;
    d.provider_id = result.provider_id;
    d.last_error.clear();
  } else if (result.permanent || d.attempts >= kMaxAttempts) {
    d.status = DeliveryStatus::dead;
    d.last_error = result.error;
  } else {
    d.status = DeliveryStatus::pending;
    d.last_error = result.error;
    d.next_attempt_at_ms = done + retry_delay_ms(d.attempts, jitter());
  }
  store_.database().transaction([&](soci::session& sql) { store_.finish_delivery(sql, d, done); });
  return true;
}

std::size_t Service::count(DeliveryStatus status) {
  return store_.database().with_session(
      [&](soci::session& sql) { return store_.count_deliveries(sql, status); });
}

}  // namespace oppenvard::notify
