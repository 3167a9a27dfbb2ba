#pragma once
// The composition root: builds every store, service and route from the configuration.
// Nothing else in the code base constructs capabilities or knows all of them.
#include <memory>
#include <vector>

#include "app/config.hpp"
#include "app/jobs.hpp"
#include "app/realtime.hpp"
#include "audit/service.hpp"
#include "booking/service.hpp"
#include "booking/store.hpp"
#include "core/calendar.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"
#include "db/migrations.hpp"
#include "directory/service.hpp"
#include "eservices/service.hpp"
#include "eservices/store.hpp"
#include "http/hub.hpp"
#include "http/response_cache.hpp"
#include "http/router.hpp"
#include "identity/service.hpp"
#include "identity/store.hpp"
#include "identity/topic_grants.hpp"
#include "meetings/service.hpp"
#include "meetings/store.hpp"
#include "notify/service.hpp"
#include "notify/store.hpp"

namespace oppenvard::identity::oidc {
class StateStore;
class Login;
}  // namespace oppenvard::identity::oidc

namespace oppenvard::app {

// Every capability's migrations in dependency order.
std::vector<db::Migration> all_migrations();

// The embedded OpenAPI document (docs/openapi.yaml converted to JSON at build time).
std::string_view openapi_json();

core::WorkingCalendar make_calendar(const Config& config);

class Application {
 public:
  explicit Application(Config config);
  ~Application();

  const Config& config() const { return config_; }
  db::Database& database() { return *database_; }
  http::Router& router() { return router_; }
  http::Hub& hub() { return hub_; }
  // Serve only, after migrating: takes the cluster's grant key, joins the realtime bus, and
  // starts the background jobs (answer-clock escalations, retention, notification delivery).
  void start();
  const core::Clock& clock() const { return *clock_; }
  // For /readyz: the database answers and, on PostgreSQL, the realtime bus hears other nodes.
  bool ready() { return database_->ping() && bus_.connected(); }

 private:
  void wire_booking();
  void wire_notifications();
  void wire_meetings();
  Config config_;
  std::unique_ptr<db::Database> database_;
  std::unique_ptr<core::Clock> clock_;
  core::WorkingCalendar calendar_;
  directory::Store directory_store_;
  directory::Service directory_service_;
  http::ResponseCache directory_cache_;
  audit::Service audit_service_;
  identity::Store identity_store_;
  identity::Service identity_service_;
  std::unique_ptr<identity::oidc::StateStore> oidc_states_;
  std::unique_ptr<identity::oidc::Login> oidc_login_;
  eservices::Store eservices_store_;
  std::unique_ptr<eservices::Service> eservices_service_;
  booking::Store booking_store_;
  std::unique_ptr<booking::Service> booking_service_;
  meetings::Store meetings_store_;
  std::unique_ptr<meetings::Service> meetings_service_;
  notify::Store notify_store_;
  std::unique_ptr<notify::Service> notify_service_;
  identity::TopicGrants topic_grants_;
  http::Router router_;
  http::Hub hub_;
  Bus bus_;
  WorkerPool delivery_;  // stopped before everything it uses
  PeriodicJobs jobs_;    // last: stopped first, while everything it uses still exists
};

}  // namespace oppenvard::app
