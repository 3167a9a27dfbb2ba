#pragma once
// Configuration: built-in defaults, then oppenvard.toml, then OPPENVARD_* environment
// variables, then command-line flags — each later source wins.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/reserve_number.hpp"

namespace oppenvard::app {

// One [[identity.oidc]] entry: an OpenID Connect provider (see docs/operations.md).
struct OidcProvider {
  std::string id;
  std::string audience;  // "patient" | "staff"
  std::string issuer;
  std::string client_id;
  std::string client_secret;
  std::string identity_claim;
  std::string assurance = "substantial";
  std::string redirect_uri;  // optional
  std::string scope = "openid";
};

struct Config {
  std::string listen = "127.0.0.1:8080";
  std::string data_dir = "./var";
  std::string database_url;  // empty: sqlite:<data_dir>/oppenvard.db
  std::int64_t pool_size = 4;
  std::int64_t io_threads = 2;
  std::int64_t max_body_bytes = 1 << 20;
  std::int64_t handler_timeout_ms = 30'000;
  std::int64_t read_timeout_ms = 30'000;   // a request must arrive whole within this
  std::int64_t directory_cache_ms = 1000;  // how stale the public clinic list may be; 0: off
  // M2: a closed case not marked documented in the EHR after this long is listed for the unit.
  std::int64_t documentation_due_hours = 48;
  // Booking: patients cancel or rebook online until this long before; slots are generated
  // this many days ahead.
  std::int64_t cancel_limit_hours = 24;
  std::int64_t booking_horizon_days = 56;
  // How often background jobs (answer-clock escalations) run.
  std::int64_t jobs_interval_ms = 60'000;
  // Notifications: the address shown in messages, the SMTP server and the SMS gateway (empty:
  // that channel is off), delivery workers and patients' quiet hours.
  std::string notify_link;  // empty: http://<listen>/
  std::string smtp_url;     // smtp://host:port (STARTTLS) or smtps://host:port
  std::string smtp_username;
  std::string smtp_password;
  std::string smtp_from = "no-reply@oppenvard.invalid";
  bool smtp_require_tls = true;
  std::string smtp_ca_file;
  std::string sms_gateway;  // "" | "kannel" | "json"
  std::string sms_url;
  std::string sms_username;
  std::string sms_password;
  std::string sms_from = "Varden";
  std::string sms_report_url;    // empty: <link>api/v1/notify/sms-reports
  std::string sms_report_token;  // empty: a random one per start
  std::int64_t notify_workers = 2;
  std::int64_t notify_poll_ms = 500;
  std::int64_t notify_lease_ms = 60'000;
  std::int64_t quiet_start_minute = 21 * 60;
  std::int64_t quiet_end_minute = 7 * 60;
  // Video meetings: ICE servers handed to the browsers (TURN with time-limited REST
  // credentials from the shared secret of a coturn), and the experience hosting from home needs.
  std::vector<std::string> stun_urls;
  std::vector<std::string> turn_urls;
  std::string turn_secret;
  std::int64_t min_meetings_before_home = 5;
  std::string web_root;  // empty: web/dist beside the working directory, if built
  bool access_log = true;
  std::string log_level = "info";
  std::optional<bool> demo;                 // unset: on for the embedded default, off otherwise
  std::string demo_now;                     // RFC 3339; pins the server clock in demo mode
  std::vector<std::string> extra_days_off;  // regional days off, YYYY-MM-DD
  std::vector<OidcProvider> oidc;           // [[identity.oidc]]
  std::vector<core::ReserveNumberFormat> reserve_numbers;  // [[identity.reserve_number]]

  std::string effective_database_url() const;
  bool demo_enabled() const;
};

struct LoadedConfig {
  Config config;
  std::vector<std::string> errors;  // each names the key and what is wrong
  std::string source;               // the file read, or "" for none
};

using Environment = std::map<std::string, std::string>;

Environment process_environment();

// `file`: an explicit path (--config / OPPENVARD_CONFIG) or nullopt for ./oppenvard.toml
// if it exists. Values are validated; problems are collected, not thrown.
LoadedConfig load_config(const std::optional<std::string>& file, const Environment& env);

// Checks that need the whole picture (listen address syntax, database URL, demo clock).
std::vector<std::string> validate(const Config& config);

struct HostPort {
  std::string host;
  unsigned short port = 0;
};
std::optional<HostPort> parse_listen(const std::string& listen);

}  // namespace oppenvard::app
