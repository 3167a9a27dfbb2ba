// oppenvard: one binary, many subcommands (see README and docs/operations.md).
#include <spdlog/async.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include <sodium.h>

#include <cstdio>
#include <iostream>

#include "app/application.hpp"
#include "app/commands/core_commands.hpp"
#include "app/config.hpp"
#include "app/demo_data.hpp"
#include "audit/commands.hpp"
#include "core/reserve_number.hpp"
#include "core/time.hpp"
#include "db/migrations.hpp"
#include "http/server.hpp"
#include "identity/rules.hpp"
#include "identity/store.hpp"

namespace oppenvard::app {
namespace {

void setup_logging(const Config& config) {
  // JSON lines on stdout, written by a background thread so requests never wait on the
  // terminal. Messages are key=value text and never carry patient data.
  spdlog::init_thread_pool(16384, 1);
  auto logger = std::make_shared<spdlog::async_logger>(
      "oppenvard", std::make_shared<spdlog::sinks::stdout_sink_mt>(), spdlog::thread_pool(),
      spdlog::async_overflow_policy::overrun_oldest);
  logger->set_pattern(R"({"ts":"%Y-%m-%dT%H:%M:%S.%eZ","level":"%l","msg":"%v"})",
                      spdlog::pattern_time_type::utc);
  logger->set_level(spdlog::level::from_str(config.log_level));
  logger->flush_on(spdlog::level::warn);
  spdlog::set_default_logger(logger);
  spdlog::flush_every(std::chrono::seconds(1));
}

// Loads and validates configuration; prints the problems and returns nullopt if any.
std::optional<Config> configure(const std::optional<std::string>& file,
                                const std::optional<std::string>& listen,
                                const std::optional<std::string>& data) {
  auto loaded = load_config(file, process_environment());
  if (listen) loaded.config.listen = *listen;
  if (data) loaded.config.data_dir = *data;
  std::vector<std::string> errors = loaded.errors;
  if (listen || data) errors = validate(loaded.config);
  for (const auto& e : loaded.errors) {
    if (std::find(errors.begin(), errors.end(), e) == errors.end() && !e.starts_with("listen:")) {
      errors.push_back(e);
    }
  }
  if (!errors.empty()) {
    for (const auto& e : errors) std::cerr << "config: " << e << "\n";
    return std::nullopt;
  }
  return loaded.config;
}

void migrate_database(db::Database& database) {
  const auto report = db::migrate(database, all_migrations());
  for (const auto& id : report.applied) spdlog::info("migration applied id={}", id);
}

// Built whole and written with one call: the background log thread writes to the same
// stdout, and a banner written piece by piece could be split by a log line.
void print_banner(const Config& config, unsigned short port) {
  const auto host = parse_listen(config.listen)->host;
  std::string banner = "\nÖppenvård is running on http://" +
                       (host.find(':') != std::string::npos ? "[" + host + "]" : host) + ":" +
                       std::to_string(port) + "/\n";
  if (config.demo_enabled()) {
    banner +=
        "Demo mode: fictional clinics, staff and patients.\n"
        "Log in on the start page with the demo e-ID by choosing one of these people\n"
        "(the demo e-ID exists only in demo mode):\n";
    for (const auto& p : demo_people()) {
      banner += "  - " + p.name + " (" + p.identifier + "): " + p.who + "\n";
    }
    banner += std::string("Staff may instead log in with their HSA-id, the password \"") +
              kDemoStaffPassword + "\" and an authenticator app (TOTP).\n";
  }
  banner += "Stop with Ctrl+C.\n\n";
  std::fwrite(banner.data(), 1, banner.size(), stdout);
  std::fflush(stdout);
}

// Runs until SIGTERM. Everything that may still log is destroyed before the logger is.
void run_server(const Config& config) {
  Application application(config);
  migrate_database(application.database());
  if (config.demo_enabled()) load_demo_data(application.database());
  application.start();

  const auto listen = parse_listen(config.listen);
  http::ServerConfig server_config;
  server_config.host = listen->host;
  server_config.port = listen->port;
  server_config.io_threads = static_cast<int>(config.io_threads);
  server_config.blocking_threads = static_cast<int>(config.pool_size);
  server_config.max_body_bytes = static_cast<std::size_t>(config.max_body_bytes);
  server_config.handler_timeout = std::chrono::milliseconds(config.handler_timeout_ms);
  server_config.read_timeout = std::chrono::milliseconds(config.read_timeout_ms);
  server_config.access_log = config.access_log;
  server_config.web_root = config.web_root.empty() ? "web/dist" : config.web_root;

  http::Server server(server_config, application.router(), application.hub(),
                      [&application] { return application.ready(); });
  const unsigned short port = server.listen();
  print_banner(config, port);
  spdlog::info("listening host={} port={} database={} demo={}", listen->host, port,
               db::redact_url(config.effective_database_url()), config.demo_enabled());
  server.run();
}

int serve(Config config) {
  setup_logging(config);
  run_server(config);
  spdlog::info("stopped");
  spdlog::shutdown();
  return 0;
}

}  // namespace
}  // namespace oppenvard::app

int main(int argc, char** argv) {
  using namespace oppenvard::app;
  if (sodium_init() < 0) {
    std::cerr << "oppenvard: libsodium could not initialise\n";
    return 1;
  }
  CLI::App cli{"Öppenvård — digital care contacts for Swedish health and social care"};
  cli.require_subcommand(1);
  std::optional<std::string> config_file;
  cli.add_option("--config", config_file, "Configuration file (default ./oppenvard.toml)");

  auto* serve_cmd = cli.add_subcommand("serve", "Run the HTTP/WebSocket server");
  std::optional<std::string> listen, data;
  serve_cmd->add_option("--listen", listen, "HOST:PORT (default 127.0.0.1:8080)");
  serve_cmd->add_option("--data", data, "Data directory (default ./var)");

  auto* migrate_cmd = cli.add_subcommand("migrate", "Apply database migrations");
  auto* demo_cmd = cli.add_subcommand("demo-data", "Load the fictional demo data (idempotent)");
  auto* check_cmd = cli.add_subcommand("check-config", "Validate the configuration and exit");

  auto* calendar_cmd = cli.add_subcommand("calendar", "The Swedish calendar");
  calendar_cmd->require_subcommand(1);
  std::string year, arrived;
  calendar_cmd->add_subcommand("holidays", "Swedish days off in YEAR")
      ->add_option("YEAR", year)
      ->required();
  calendar_cmd->add_subcommand("due", "Answer deadline for a message that arrived at ARRIVED")
      ->add_option("ARRIVED", arrived, "RFC 3339 instant")
      ->required();

  auto* audit_cmd = cli.add_subcommand("audit", "The access log of patient data");
  audit_cmd->require_subcommand(1);
  auto* audit_verify_cmd = audit_cmd->add_subcommand("verify", "Check the audit log's hash chain");
  std::optional<std::string> expect_head;
  audit_verify_cmd->add_option(
      "--expect-head", expect_head,
      "SEQUENCE:HASH printed by an earlier verify (catches a removed tail)");

  auto* staff_cmd = cli.add_subcommand("staff", "Staff accounts");
  staff_cmd->require_subcommand(1);
  auto* set_password_cmd =
      staff_cmd->add_subcommand("set-password", "Set a staff member's password (read from stdin)");
  std::string staff_hsa_id;
  set_password_cmd->add_option("HSA_ID", staff_hsa_id)->required();

  auto* id_cmd = cli.add_subcommand("id", "Personal identity numbers");
  id_cmd->require_subcommand(1);
  auto* id_check_cmd = id_cmd->add_subcommand("check", "Validate a personnummer/samordningsnummer");
  std::string id_value;
  std::optional<std::string> on;
  id_check_cmd->add_option("VALUE", id_value)->required();
  id_check_cmd->add_option("--on", on, "Reference date YYYY-MM-DD (default today)");

  CLI11_PARSE(cli, argc, argv);

  try {
    if (calendar_cmd->parsed()) {
      if (calendar_cmd->got_subcommand("holidays")) {
        return commands::run_calendar_holidays(year, std::cout, std::cerr);
      }
      auto config = configure(config_file, std::nullopt, std::nullopt);
      if (!config) return 2;
      return commands::run_calendar_due(arrived, make_calendar(*config), std::cout, std::cerr);
    }
    if (id_check_cmd->parsed()) {
      // A configured regional reserve number is valid too (exit 0, kind "reservnummer").
      if (const auto config = configure(config_file, std::nullopt, std::nullopt)) {
        for (const auto& format : config->reserve_numbers) {
          const auto reserve = oppenvard::core::parse_reserve_number(id_value, format);
          if (!reserve) continue;
          const auto& r = reserve.value();
          std::cout << r.value << "\treservnummer\t"
                    << (r.birth_date ? oppenvard::core::format_date(*r.birth_date) : "-") << "\t"
                    << format.oid << "\n";
          return 0;
        }
      }
      const oppenvard::core::SystemClock clock;
      return commands::run_id_check(id_value, on, clock.now_ms(), std::cout, std::cerr);
    }
    auto config = configure(config_file, listen, data);
    if (!config) return 2;
    if (audit_verify_cmd->parsed()) {
      oppenvard::db::Database database({config->effective_database_url(), 1});
      return oppenvard::audit::run_audit_verify(database, std::cout, std::cerr, expect_head);
    }
    if (check_cmd->parsed()) {
      std::cout << "configuration is valid\n"
                << "  listen    " << config->listen << "\n"
                << "  database  " << oppenvard::db::redact_url(config->effective_database_url())
                << "\n"
                << "  demo      " << (config->demo_enabled() ? "on" : "off") << "\n";
      return 0;
    }
    if (migrate_cmd->parsed() || demo_cmd->parsed()) {
      oppenvard::db::Database database(
          {config->effective_database_url(), static_cast<std::size_t>(config->pool_size)});
      const auto report = oppenvard::db::migrate(database, all_migrations());
      std::cout << report.applied.size() << " migrations applied, " << report.already_applied
                << " already in place\n";
      if (demo_cmd->parsed()) {
        load_demo_data(database);
        std::cout << "demo data loaded\n";
      }
      return 0;
    }
    if (set_password_cmd->parsed()) {
      std::string password;
      std::getline(std::cin, password);
      if (password.size() < 12) {
        std::cerr << "oppenvard: a staff password needs at least 12 characters\n";
        return 2;
      }
      Application application(*config);
      oppenvard::db::migrate(application.database(), all_migrations());
      oppenvard::identity::Store store(application.database());
      const auto staff = store.find_staff_by_hsa_id(staff_hsa_id);
      if (!staff) {
        std::cerr << "oppenvard: no staff member has this HSA-id\n";
        return 1;
      }
      store.set_password(staff->id, oppenvard::identity::hash_password(password),
                         application.clock().now_ms());
      std::cout << "password set; TOTP enrolment follows at the next log-in\n";
      return 0;
    }
    if (serve_cmd->parsed()) return serve(*config);
  } catch (const std::exception& e) {
    // Start-up failures (database unreachable, port taken) end here, with a clear line.
    std::cerr << "oppenvard: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
