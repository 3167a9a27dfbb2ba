#include "app/config.hpp"

#include <toml++/toml.h>

#include <boost/asio/ip/address.hpp>

#include <charconv>
#include <filesystem>
#include <set>

#include "core/time.hpp"
#include "identity/oidc_login.hpp"

extern char** environ;

namespace oppenvard::app {
namespace {

// Every key oppenvard.toml may hold; anything else is reported so typos do not go unseen.
const std::set<std::string> kKnownKeys{"server.listen",
                                       "server.io_threads",
                                       "server.max_body_bytes",
                                       "server.handler_timeout_ms",
                                       "server.read_timeout_ms",
                                       "directory.cache_ms",
                                       "eservices.documentation_due_hours",
                                       "jobs.interval_ms",
                                       "booking.cancel_limit_hours",
                                       "booking.horizon_days",
                                       "notify.link",
                                       "notify.smtp.url",
                                       "notify.smtp.username",
                                       "notify.smtp.password",
                                       "notify.smtp.from",
                                       "notify.smtp.require_tls",
                                       "notify.smtp.ca_file",
                                       "notify.sms.gateway",
                                       "notify.sms.url",
                                       "notify.sms.username",
                                       "notify.sms.password",
                                       "notify.sms.from",
                                       "notify.sms.report_url",
                                       "notify.sms.report_token",
                                       "notify.workers",
                                       "notify.poll_ms",
                                       "notify.lease_ms",
                                       "notify.quiet_start_minute",
                                       "notify.quiet_end_minute",
                                       "meetings.stun_urls",
                                       "meetings.turn_urls",
                                       "meetings.turn_secret",
                                       "meetings.min_meetings_before_home",
                                       "server.web_root",
                                       "server.access_log",
                                       "storage.data_dir",
                                       "storage.database_url",
                                       "storage.pool_size",
                                       "demo.enabled",
                                       "demo.now",
                                       "calendar.extra_days_off",
                                       "log.level",
                                       "identity.oidc",
                                       "identity.reserve_number"};

std::optional<bool> parse_bool(const std::string& text) {
  if (text == "1" || text == "true" || text == "yes" || text == "on") return true;
  if (text == "0" || text == "false" || text == "no" || text == "off") return false;
  return std::nullopt;
}

std::optional<std::int64_t> parse_int(const std::string& text) {
  std::int64_t n = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc{} || ptr != text.data() + text.size()) return std::nullopt;
  return n;
}

void collect_keys(const toml::table& table, const std::string& prefix,
                  std::vector<std::string>& keys) {
  for (const auto& [key, node] : table) {
    const std::string name =
        prefix.empty() ? std::string(key.str()) : prefix + "." + std::string(key.str());
    if (const auto* sub = node.as_table()) {
      collect_keys(*sub, name, keys);
    } else {
      keys.push_back(name);
    }
  }
}

void apply_file(const toml::table& t, LoadedConfig& out) {
  Config& c = out.config;
  std::vector<std::string> keys;
  collect_keys(t, "", keys);
  for (const auto& key : keys) {
    if (!kKnownKeys.contains(key)) out.errors.push_back(key + ": unknown setting");
  }
  auto text = [&](const char* path, std::string& target) {
    const auto node = t.at_path(path);
    if (!node) return;
    if (auto v = node.value<std::string>()) {
      target = *v;
    } else {
      out.errors.push_back(std::string(path) + ": must be a string");
    }
  };
  auto integer = [&](const char* path, std::int64_t& target) {
    const auto node = t.at_path(path);
    if (!node) return;
    if (node.is_integer()) {
      target = *node.value<std::int64_t>();
    } else {
      out.errors.push_back(std::string(path) + ": must be an integer");
    }
  };
  auto boolean = [&](const char* path, auto& target) {
    const auto node = t.at_path(path);
    if (!node) return;
    if (node.is_boolean()) {
      target = *node.value<bool>();
    } else {
      out.errors.push_back(std::string(path) + ": must be true or false");
    }
  };
  text("server.listen", c.listen);
  integer("server.io_threads", c.io_threads);
  integer("server.max_body_bytes", c.max_body_bytes);
  integer("server.handler_timeout_ms", c.handler_timeout_ms);
  integer("server.read_timeout_ms", c.read_timeout_ms);
  integer("directory.cache_ms", c.directory_cache_ms);
  integer("eservices.documentation_due_hours", c.documentation_due_hours);
  integer("jobs.interval_ms", c.jobs_interval_ms);
  integer("booking.cancel_limit_hours", c.cancel_limit_hours);
  integer("booking.horizon_days", c.booking_horizon_days);
  text("notify.link", c.notify_link);
  text("notify.smtp.url", c.smtp_url);
  text("notify.smtp.username", c.smtp_username);
  text("notify.smtp.password", c.smtp_password);
  text("notify.smtp.from", c.smtp_from);
  boolean("notify.smtp.require_tls", c.smtp_require_tls);
  text("notify.smtp.ca_file", c.smtp_ca_file);
  text("notify.sms.gateway", c.sms_gateway);
  text("notify.sms.url", c.sms_url);
  text("notify.sms.username", c.sms_username);
  text("notify.sms.password", c.sms_password);
  text("notify.sms.from", c.sms_from);
  text("notify.sms.report_url", c.sms_report_url);
  text("notify.sms.report_token", c.sms_report_token);
  integer("notify.workers", c.notify_workers);
  integer("notify.poll_ms", c.notify_poll_ms);
  integer("notify.lease_ms", c.notify_lease_ms);
  integer("notify.quiet_start_minute", c.quiet_start_minute);
  integer("notify.quiet_end_minute", c.quiet_end_minute);
  text("meetings.turn_secret", c.turn_secret);
  integer("meetings.min_meetings_before_home", c.min_meetings_before_home);
  for (const auto& [key, target] : {std::pair{"meetings.stun_urls", &c.stun_urls},
                                    std::pair{"meetings.turn_urls", &c.turn_urls}}) {
    const auto node = t.at_path(key);
    if (!node) continue;
    const auto* list = node.as_array();
    bool ok = list != nullptr;
    if (ok) {
      for (const auto& item : *list) {
        if (auto v = item.value<std::string>()) {
          target->push_back(*v);
        } else {
          ok = false;
        }
      }
    }
    if (!ok) out.errors.push_back(std::string(key) + ": must be a list of URLs");
  }
  text("server.web_root", c.web_root);
  boolean("server.access_log", c.access_log);
  text("storage.data_dir", c.data_dir);
  text("storage.database_url", c.database_url);
  integer("storage.pool_size", c.pool_size);
  boolean("demo.enabled", c.demo);
  text("demo.now", c.demo_now);
  text("log.level", c.log_level);
  if (const auto node = t.at_path("calendar.extra_days_off")) {
    const auto* array = node.as_array();
    if (array == nullptr) {
      out.errors.push_back("calendar.extra_days_off: must be a list of \"YYYY-MM-DD\"");
    } else {
      for (const auto& item : *array) {
        if (auto v = item.value<std::string>()) {
          c.extra_days_off.push_back(*v);
        } else {
          out.errors.push_back("calendar.extra_days_off: must be a list of \"YYYY-MM-DD\"");
        }
      }
    }
  }
}

// [[identity.reserve_number]]: oid, name, pattern and letter_values = { K = 5, … }.
void apply_reserve_numbers(const toml::table& t, LoadedConfig& out) {
  const auto node = t.at_path("identity.reserve_number");
  if (!node) return;
  const auto* array = node.as_array();
  if (array == nullptr) {
    out.errors.push_back("identity.reserve_number: must be a list of tables");
    return;
  }
  for (std::size_t i = 0; i < array->size(); ++i) {
    const std::string where = "identity.reserve_number[" + std::to_string(i) + "]";
    const auto* entry = array->get(i)->as_table();
    if (entry == nullptr) {
      out.errors.push_back(where + ": must be a table");
      continue;
    }
    core::ReserveNumberFormat f;
    f.oid = entry->get_as<std::string>("oid") ? **entry->get_as<std::string>("oid") : "";
    f.name = entry->get_as<std::string>("name") ? **entry->get_as<std::string>("name") : "";
    f.pattern =
        entry->get_as<std::string>("pattern") ? **entry->get_as<std::string>("pattern") : "";
    if (const auto* letters = entry->get_as<toml::table>("letter_values")) {
      for (const auto& [letter, value] : *letters) {
        const auto v = value.value<std::int64_t>();
        if (letter.str().size() != 1 || !v) {
          out.errors.push_back(where + ".letter_values: one letter = one digit each");
          continue;
        }
        f.letter_values[letter.str()[0]] = static_cast<int>(*v);
      }
    }
    if (const auto problem = core::check_format(f)) {
      out.errors.push_back(where + ": " + *problem);
      continue;
    }
    out.config.reserve_numbers.push_back(std::move(f));
  }
}

void apply_oidc(const toml::table& t, LoadedConfig& out) {
  const auto node = t.at_path("identity.oidc");
  if (!node) return;
  const auto* array = node.as_array();
  if (array == nullptr) {
    out.errors.push_back("identity.oidc: must be a list of tables ([[identity.oidc]])");
    return;
  }
  static const std::set<std::string> keys{"id",        "audience",      "issuer",
                                          "client_id", "client_secret", "identity_claim",
                                          "assurance", "redirect_uri",  "scope"};
  for (std::size_t i = 0; i < array->size(); ++i) {
    const std::string where = "identity.oidc[" + std::to_string(i) + "].";
    const auto* entry = array->get(i)->as_table();
    if (entry == nullptr) {
      out.errors.push_back("identity.oidc: must be a list of tables ([[identity.oidc]])");
      continue;
    }
    OidcProvider p;
    for (const auto& [key, value] : *entry) {
      const std::string name(key.str());
      if (!keys.contains(name)) {
        out.errors.push_back(where + name + ": unknown setting");
      } else if (!value.is_string()) {
        out.errors.push_back(where + name + ": must be a string");
      }
    }
    auto text = [&](const char* key, std::string& target) {
      if (auto v = (*entry)[key].value<std::string>()) target = *v;
    };
    text("id", p.id);
    text("audience", p.audience);
    text("issuer", p.issuer);
    text("client_id", p.client_id);
    text("client_secret", p.client_secret);
    text("identity_claim", p.identity_claim);
    text("assurance", p.assurance);
    text("redirect_uri", p.redirect_uri);
    text("scope", p.scope);
    out.config.oidc.push_back(std::move(p));
  }
}

void apply_environment(const Environment& env, LoadedConfig& out) {
  Config& c = out.config;
  auto get = [&](const char* name) -> const std::string* {
    const auto it = env.find(name);
    return it == env.end() ? nullptr : &it->second;
  };
  auto integer = [&](const char* name, std::int64_t& target) {
    if (const auto* v = get(name)) {
      if (auto n = parse_int(*v)) {
        target = *n;
      } else {
        out.errors.push_back(std::string(name) + ": must be an integer");
      }
    }
  };
  auto boolean = [&](const char* name, auto& target) {
    if (const auto* v = get(name)) {
      if (auto b = parse_bool(*v)) {
        target = *b;
      } else {
        out.errors.push_back(std::string(name) + ": must be true or false");
      }
    }
  };
  if (const auto* v = get("OPPENVARD_LISTEN")) c.listen = *v;
  if (const auto* v = get("OPPENVARD_DATA")) c.data_dir = *v;
  if (const auto* v = get("OPPENVARD_DATABASE_URL")) c.database_url = *v;
  if (const auto* v = get("OPPENVARD_WEB_ROOT")) c.web_root = *v;
  if (const auto* v = get("OPPENVARD_DEMO_NOW")) c.demo_now = *v;
  if (const auto* v = get("OPPENVARD_LOG_LEVEL")) c.log_level = *v;
  integer("OPPENVARD_POOL_SIZE", c.pool_size);
  integer("OPPENVARD_IO_THREADS", c.io_threads);
  integer("OPPENVARD_MAX_BODY_BYTES", c.max_body_bytes);
  integer("OPPENVARD_HANDLER_TIMEOUT_MS", c.handler_timeout_ms);
  integer("OPPENVARD_READ_TIMEOUT_MS", c.read_timeout_ms);
  integer("OPPENVARD_DIRECTORY_CACHE_MS", c.directory_cache_ms);
  integer("OPPENVARD_DOCUMENTATION_DUE_HOURS", c.documentation_due_hours);
  integer("OPPENVARD_JOBS_INTERVAL_MS", c.jobs_interval_ms);
  integer("OPPENVARD_CANCEL_LIMIT_HOURS", c.cancel_limit_hours);
  if (const auto* v = get("OPPENVARD_NOTIFY_LINK")) c.notify_link = *v;
  if (const auto* v = get("OPPENVARD_SMTP_URL")) c.smtp_url = *v;
  if (const auto* v = get("OPPENVARD_SMTP_USERNAME")) c.smtp_username = *v;
  if (const auto* v = get("OPPENVARD_SMTP_PASSWORD")) c.smtp_password = *v;
  if (const auto* v = get("OPPENVARD_SMTP_FROM")) c.smtp_from = *v;
  if (const auto* v = get("OPPENVARD_SMTP_CA_FILE")) c.smtp_ca_file = *v;
  boolean("OPPENVARD_SMTP_REQUIRE_TLS", c.smtp_require_tls);
  if (const auto* v = get("OPPENVARD_SMS_GATEWAY")) c.sms_gateway = *v;
  if (const auto* v = get("OPPENVARD_SMS_URL")) c.sms_url = *v;
  if (const auto* v = get("OPPENVARD_SMS_USERNAME")) c.sms_username = *v;
  if (const auto* v = get("OPPENVARD_SMS_PASSWORD")) c.sms_password = *v;
  if (const auto* v = get("OPPENVARD_SMS_REPORT_URL")) c.sms_report_url = *v;
  if (const auto* v = get("OPPENVARD_SMS_REPORT_TOKEN")) c.sms_report_token = *v;
  integer("OPPENVARD_NOTIFY_WORKERS", c.notify_workers);
  integer("OPPENVARD_NOTIFY_POLL_MS", c.notify_poll_ms);
  integer("OPPENVARD_NOTIFY_LEASE_MS", c.notify_lease_ms);
  const auto urls = [](const std::string& text) {
    std::vector<std::string> list;
    for (std::size_t at = 0; at <= text.size();) {
      const auto comma = std::min(text.find(',', at), text.size());
      if (comma > at) list.push_back(text.substr(at, comma - at));
      at = comma + 1;
    }
    return list;
  };
  if (const auto* v = get("OPPENVARD_STUN_URLS")) c.stun_urls = urls(*v);
  if (const auto* v = get("OPPENVARD_TURN_URLS")) c.turn_urls = urls(*v);
  if (const auto* v = get("OPPENVARD_TURN_SECRET")) c.turn_secret = *v;
  integer("OPPENVARD_MIN_MEETINGS_BEFORE_HOME", c.min_meetings_before_home);
  boolean("OPPENVARD_DEMO", c.demo);
  boolean("OPPENVARD_ACCESS_LOG", c.access_log);
}

}  // namespace

std::string Config::effective_database_url() const {
  if (!database_url.empty()) return database_url;
  return "sqlite:" + (std::filesystem::path(data_dir) / "oppenvard.db").string();
}

bool Config::demo_enabled() const {
  return demo.value_or(database_url.empty());
}

Environment process_environment() {
  Environment env;
  for (char** e = environ; e != nullptr && *e != nullptr; ++e) {
    const std::string entry(*e);
    if (!entry.starts_with("OPPENVARD_")) continue;
    const auto eq = entry.find('=');
    if (eq != std::string::npos) env.emplace(entry.substr(0, eq), entry.substr(eq + 1));
  }
  return env;
}

std::optional<HostPort> parse_listen(const std::string& listen) {
  const auto colon = listen.rfind(':');
  if (colon == std::string::npos || colon == 0) return std::nullopt;
  std::string host = listen.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  const std::string port_text = listen.substr(colon + 1);
  unsigned port = 0;
  const auto [ptr, ec] =
      std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
  if (ec != std::errc{} || ptr != port_text.data() + port_text.size() || port > 65535) {
    return std::nullopt;
  }
  boost::system::error_code address_error;
  boost::asio::ip::make_address(host, address_error);
  if (address_error) return std::nullopt;
  return HostPort{host, static_cast<unsigned short>(port)};
}

LoadedConfig load_config(const std::optional<std::string>& file, const Environment& env) {
  LoadedConfig out;
  std::optional<std::string> path = file;
  if (!path) {
    if (const auto it = env.find("OPPENVARD_CONFIG"); it != env.end()) path = it->second;
  }
  if (!path && std::filesystem::exists("oppenvard.toml")) path = "oppenvard.toml";
  if (path) {
    out.source = *path;
    try {
      const auto table = toml::parse_file(*path);
      apply_file(table, out);
      apply_oidc(table, out);
      apply_reserve_numbers(table, out);
    } catch (const toml::parse_error& e) {
      out.errors.push_back(*path + ": " + std::string(e.description()) + " at line " +
                           std::to_string(e.source().begin.line));
    }
  }
  apply_environment(env, out);
  for (auto& e : validate(out.config)) out.errors.push_back(std::move(e));
  return out;
}

std::vector<std::string> validate(const Config& c) {
  std::vector<std::string> errors;
  if (!parse_listen(c.listen)) errors.push_back("listen: expected HOST:PORT, e.g. 127.0.0.1:8080");
  if (c.pool_size < 1 || c.pool_size > 256) errors.push_back("pool_size: must be 1–256");
  if (c.io_threads < 1 || c.io_threads > 64) errors.push_back("io_threads: must be 1–64");
  if (c.max_body_bytes < 1024 || c.max_body_bytes > (64 << 20)) {
    errors.push_back("max_body_bytes: must be 1024–67108864");
  }
  if (c.handler_timeout_ms < 100 || c.handler_timeout_ms > 600'000) {
    errors.push_back("handler_timeout_ms: must be 100–600000");
  }
  if (c.directory_cache_ms < 0 || c.directory_cache_ms > 3'600'000) {
    errors.push_back("directory.cache_ms: must be 0–3600000");
  }
  if (c.sms_gateway != "" && c.sms_gateway != "kannel" && c.sms_gateway != "json") {
    errors.push_back("notify.sms.gateway: must be \"kannel\", \"json\" or empty");
  }
  if (!c.sms_gateway.empty() && c.sms_url.empty()) {
    errors.push_back("notify.sms.url: needed when notify.sms.gateway is set");
  }
  if (!c.smtp_url.empty() && !c.smtp_url.starts_with("smtp://") &&
      !c.smtp_url.starts_with("smtps://")) {
    errors.push_back("notify.smtp.url: must start with smtp:// or smtps://");
  }
  for (const auto& url : c.turn_urls) {
    if (!url.starts_with("turn:") && !url.starts_with("turns:")) {
      errors.push_back("meetings.turn_urls: each must start with turn: or turns:");
    }
  }
  if (!c.turn_urls.empty() && c.turn_secret.empty()) {
    errors.push_back("meetings.turn_secret: needed with meetings.turn_urls");
  }
  if (c.min_meetings_before_home < 0 || c.min_meetings_before_home > 1000) {
    errors.push_back("meetings.min_meetings_before_home: must be 0–1000");
  }
  if (c.notify_workers < 1 || c.notify_workers > 32) {
    errors.push_back("notify.workers: must be 1–32");
  }
  if (c.notify_poll_ms < 10 || c.notify_lease_ms < 1000) {
    errors.push_back("notify.poll_ms / notify.lease_ms: at least 10 ms / 1000 ms");
  }
  for (const auto m : {c.quiet_start_minute, c.quiet_end_minute}) {
    if (m < 0 || m > 24 * 60) errors.push_back("notify.quiet_*_minute: must be 0–1440");
  }
  if (c.cancel_limit_hours < 0 || c.cancel_limit_hours > 24 * 14) {
    errors.push_back("booking.cancel_limit_hours: must be 0–336");
  }
  if (c.booking_horizon_days < 1 || c.booking_horizon_days > 366) {
    errors.push_back("booking.horizon_days: must be 1–366");
  }
  if (c.jobs_interval_ms < 100 || c.jobs_interval_ms > 3'600'000) {
    errors.push_back("jobs.interval_ms: must be 100–3600000");
  }
  if (c.documentation_due_hours < 1 || c.documentation_due_hours > 24 * 90) {
    errors.push_back("eservices.documentation_due_hours: must be 1–2160");
  }
  if (c.read_timeout_ms < 100 || c.read_timeout_ms > 600'000) {
    errors.push_back("read_timeout_ms: must be 100–600000");
  }
  const std::string url = c.effective_database_url();
  if (!url.starts_with("sqlite:") && !url.starts_with("postgresql://") &&
      !url.starts_with("postgres://")) {
    errors.push_back("database_url: must start with sqlite: or postgresql://");
  }
  if (!c.demo_now.empty()) {
    if (!core::parse_rfc3339(c.demo_now)) errors.push_back("demo.now: must be an RFC 3339 time");
    if (!c.demo_enabled()) errors.push_back("demo.now: the clock can be pinned only in demo mode");
  }
  for (const auto& day : c.extra_days_off) {
    if (!core::parse_date(day))
      errors.push_back("calendar.extra_days_off: " + day + " is not YYYY-MM-DD");
  }
  std::set<std::string> oidc_ids;
  for (std::size_t i = 0; i < c.oidc.size(); ++i) {
    const auto& p = c.oidc[i];
    const std::string where = "identity.oidc[" + std::to_string(i) + "].";
    for (auto& e : identity::oidc::check_provider(
             {p.id, p.audience, p.issuer, p.client_id, p.client_secret, p.identity_claim,
              identity::Assurance::substantial, p.redirect_uri, p.scope},
             where)) {
      errors.push_back(std::move(e));
    }
    if (!identity::assurance_from(p.assurance) || p.assurance == "demo") {
      errors.push_back(where + "assurance: one of substantial staff_verified password_totp");
    }
    if (!oidc_ids.insert(p.id).second) errors.push_back(where + "id: used twice");
  }
  static const std::set<std::string> levels{"trace", "debug", "info", "warn", "error", "off"};
  if (!levels.contains(c.log_level))
    errors.push_back("log.level: one of trace debug info warn error off");
  return errors;
}

}  // namespace oppenvard::app
