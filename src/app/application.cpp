#include "app/application.hpp"

#include "app/public_api.hpp"
#include "app/realtime.hpp"
#include "audit/api.hpp"
#include "audit/store.hpp"
#include "booking/api.hpp"
#include "core/time.hpp"
#include "directory/api.hpp"
#include "eservices/api.hpp"
#include "identity/api.hpp"
#include "identity/oidc_http.hpp"
#include "identity/oidc_login.hpp"
#include "identity/rules.hpp"
#include "identity/store.hpp"
#include "meetings/api.hpp"
#include "notify/api.hpp"

namespace oppenvard::app {
namespace {

std::unique_ptr<core::Clock> make_clock(const Config& config) {
  // A clock started at a chosen instant makes demo deadlines reproducible; validate() allows
  // it in demo mode only.
  if (config.demo_enabled() && !config.demo_now.empty()) {
    if (auto at = core::parse_rfc3339(config.demo_now)) {
      return std::make_unique<core::StartedAtClock>(*at);
    }
  }
  return std::make_unique<core::SystemClock>();
}

}  // namespace

std::vector<db::Migration> all_migrations() {
  std::vector<db::Migration> all;
  for (auto list : {directory::migrations(), identity::migrations(), audit::migrations(),
                    eservices::migrations(), booking::migrations(), notify::migrations(),
                    meetings::migrations(), realtime_migrations()}) {
    for (auto& m : list) all.push_back(std::move(m));
  }
  return all;
}

core::WorkingCalendar make_calendar(const Config& config) {
  std::vector<date::year_month_day> extra;
  for (const auto& day : config.extra_days_off) {
    if (auto d = core::parse_date(day)) extra.push_back(*d);
  }
  return core::WorkingCalendar(extra);
}

Application::Application(Config config)
    : config_(std::move(config)),
      database_(std::make_unique<db::Database>(db::DatabaseConfig{
          config_.effective_database_url(), static_cast<std::size_t>(config_.pool_size)})),
      clock_(make_clock(config_)),
      calendar_(make_calendar(config_)),
      directory_store_(*database_),
      directory_service_(directory_store_),
      directory_cache_(config_.directory_cache_ms, [this] { return clock_->now_ms(); }),
      audit_service_(*database_, *clock_),
      identity_store_(*database_),
      identity_service_(identity_store_, *clock_, audit_service_, config_.demo_enabled()),
      eservices_store_(*database_),
      booking_store_(*database_),
      meetings_store_(*database_),
      notify_store_(*database_),
      hub_(topic_policy(topic_grants_, *clock_)),
      bus_(hub_, *database_, config_.effective_database_url()) {
  directory::register_routes(router_, directory_service_, directory_cache_);
  identity::register_routes(router_, identity_service_);
  std::vector<identity::oidc::ProviderConfig> providers;
  for (const auto& p : config_.oidc) {
    providers.push_back(
        {p.id, p.audience, p.issuer, p.client_id, p.client_secret, p.identity_claim,
         identity::assurance_from(p.assurance).value_or(identity::Assurance::substantial),
         p.redirect_uri, p.scope});
  }
  oidc_states_ = std::make_unique<identity::oidc::StateStore>(*database_);
  oidc_login_ = std::make_unique<identity::oidc::Login>(std::move(providers), *oidc_states_,
                                                        identity_store_, identity_service_, *clock_,
                                                        identity::oidc::make_http_client());
  identity::oidc::register_routes(router_, *oidc_login_);
  audit::register_routes(router_, audit_service_, identity_service_,
                         [this](const std::string& care_unit_id) {
                           const auto clinic = directory_store_.find(care_unit_id);
                           return clinic ? clinic->name : std::string();
                         });
  eservices::Settings eservices_settings;
  eservices_settings.attachment_dir = std::filesystem::path(config_.data_dir) / "attachments";
  eservices_settings.documentation_due_ms = config_.documentation_due_hours * 3'600'000;
  eservices_settings.max_attachment_bytes = config_.max_body_bytes;
  eservices_service_ = std::make_unique<eservices::Service>(
      eservices_store_, identity_store_, audit_service_, *clock_, calendar_,
      std::move(eservices_settings),
      [this](const std::string& topic, const boost::json::value& event) {
        bus_.publish(topic, event);
      });
  eservices::register_routes(router_, *eservices_service_, identity_service_);
  wire_booking();
  wire_notifications();
  wire_meetings();
  register_realtime_routes(router_, identity_service_, topic_grants_, *clock_,
                           [this](const identity::Principal& who, const std::string& topic) {
                             return eservices_service_->may_listen(who, topic);
                           });
  register_public_routes(router_, calendar_);
}

// Booking answers the e-services' booking requests: a request case becomes an appointment
// with one action, and the case is answered and closed.
void Application::wire_booking() {
  booking_service_ = std::make_unique<booking::Service>(
      booking_store_, identity_store_, audit_service_, *clock_, calendar_,
      booking::Settings{config_.cancel_limit_hours * 3'600'000,
                        static_cast<int>(config_.booking_horizon_days)});
  booking_service_->check_self_booking_with([this](soci::session& sql, const std::string& unit) {
    for (const char* code : {"standalone_timebook", "web_booking"}) {
      const auto entry = eservices_store_.catalogue_entry(sql, unit, code);
      if (entry && entry->status == "on") return true;
    }
    return false;
  });
  booking_service_->check_requests_with([this](soci::session& sql, const std::string& case_id,
                                               const std::string& patient_id,
                                               const std::string& unit) {
    const auto c = eservices_store_.find_case(sql, case_id);
    return c && c->patient_id == patient_id && c->care_unit_id == unit &&
           c->status != eservices::CaseStatus::closed &&
           (c->service_code == "book_appointment" || c->service_code == "cancel_rebook");
  });
  booking_service_->on_request_booked([this](const identity::Principal& staff,
                                             const std::string& client, const std::string& case_id,
                                             const booking::Appointment& a) {
    const eservices::Caller caller{staff, client};
    const auto local = core::format_rfc3339_stockholm(a.start_ms);
    eservices_service_->post_message(
        caller, case_id, eservices::MessageKind::reply,
        "Du har fått en tid " + local.substr(0, 10) + " kl. " + local.substr(11, 5) +
            ". Du ser den under Mina tider, där du också kan av- eller omboka den.");
    eservices_service_->close(caller, case_id, eservices::Outcome::appointment_booked);
  });
  booking::register_routes(router_, *booking_service_, identity_service_);
}

namespace {

notify::Senders make_senders(const Config& c, const std::string& report_url) {
  notify::Senders senders;
  if (!c.smtp_url.empty()) {
    senders.email = notify::make_smtp_sender({c.smtp_url, c.smtp_username, c.smtp_password,
                                              c.smtp_from, c.smtp_require_tls, c.smtp_ca_file});
  }
  if (!c.sms_gateway.empty()) {
    senders.sms = notify::make_sms_sender(
        {c.sms_gateway == "kannel" ? notify::SmsGatewayKind::kannel : notify::SmsGatewayKind::json,
         c.sms_url, c.sms_username, c.sms_password, c.sms_from, report_url});
  }
  return senders;
}

}  // namespace

// Notifications follow replies, bookings and escalations inside their transactions; the
// delivery workers (started with the jobs) send them.
void Application::wire_notifications() {
  notify::Settings s;
  s.link = config_.notify_link.empty() ? "http://" + config_.listen + "/" : config_.notify_link;
  s.quiet = {static_cast<int>(config_.quiet_start_minute),
             static_cast<int>(config_.quiet_end_minute)};
  s.lease_ms = config_.notify_lease_ms;
  s.report_token =
      config_.sms_report_token.empty() ? identity::new_token() : config_.sms_report_token;
  const auto report_url = (config_.sms_report_url.empty() ? s.link + "api/v1/notify/sms-reports"
                                                          : config_.sms_report_url) +
                          "?token=" + s.report_token;
  notify_service_ =
      std::make_unique<notify::Service>(notify_store_, identity_store_, audit_service_, *clock_, s,
                                        make_senders(config_, report_url));
  eservices::CaseEvents events;
  events.staff_wrote = [this](soci::session& sql, const eservices::Case& c,
                              const eservices::Message& m) {
    notify_service_->case_answered(sql, c.id, m.id, c.patient_id, c.care_unit_id);
  };
  events.submitted = [this](soci::session& sql, const eservices::Case& c) {
    notify_service_->case_arrived(sql, c.id, c.care_unit_id);
  };
  events.escalated = [this](soci::session& sql, const eservices::Escalation& e) {
    notify_service_->escalation_raised(sql, e.case_id, e.care_unit_id,
                                       std::string(eservices::to_string(e.level)), e.due_at_ms);
  };
  eservices_service_->on_events(std::move(events));
  booking_service_->on_appointment_changed(
      [this](soci::session& sql, const booking::Appointment& a, bool cancelled) {
        if (cancelled) {
          notify_service_->appointment_cancelled(sql, a.id, a.sequence, a.patient_id,
                                                 a.care_unit_id, a.start_ms);
        } else {
          notify_service_->appointment_booked(sql, a.id, a.sequence, a.patient_id, a.care_unit_id,
                                              a.start_ms, a.channel == booking::Channel::video);
        }
      });
  notify::register_routes(router_, *notify_service_, identity_service_);
}

// Meetings hang off video appointments; signaling travels on each participant's own topic,
// opened by a grant from the meeting (guests have no session to ask /realtime/grants with).
void Application::wire_meetings() {
  meetings::Settings s;
  s.min_meetings_before_home = static_cast<int>(config_.min_meetings_before_home);
  s.stun_urls = config_.stun_urls;
  s.turn_urls = config_.turn_urls;
  s.turn_secret = config_.turn_secret;
  meetings_service_ = std::make_unique<meetings::Service>(
      meetings_store_, booking_store_, identity_store_, audit_service_, *clock_, s,
      [this](const std::string& topic, const boost::json::value& event) {
        bus_.publish(topic, event);
      });
  meetings::register_routes(router_, *meetings_service_, identity_service_, topic_grants_);
}

void Application::start() {
  // Every node signs and checks realtime grants with the same key, and hears the others.
  topic_grants_.use_key(shared_grant_key(*database_));
  bus_.start();
  booking_service_->extend_slots();
  jobs_.add("booking.extend_slots", std::chrono::hours(1),
            [this] { booking_service_->extend_slots(); });
  jobs_.add("eservices.escalate", std::chrono::milliseconds(config_.jobs_interval_ms),
            [this] { eservices_service_->escalate(); });
  jobs_.add("realtime.sweep", std::chrono::minutes(1), [this] { bus_.sweep(); });
  jobs_.add("eservices.purge_attachments", std::chrono::hours(1),
            [this] { eservices_service_->purge_expired_attachments(); });
  jobs_.start();
  // One worker expands due notifications into deliveries before delivering; all deliver.
  const auto node = identity::new_token().substr(0, 12);
  delivery_.start("notify.deliver", static_cast<int>(config_.notify_workers),
                  std::chrono::milliseconds(config_.notify_poll_ms), [this, node](int worker) {
                    const bool expanded = worker == 0 && notify_service_->expand_due() > 0;
                    return notify_service_->deliver_one(node + "-" + std::to_string(worker)) ||
                           expanded;
                  });
}

Application::~Application() = default;

}  // namespace oppenvard::app
