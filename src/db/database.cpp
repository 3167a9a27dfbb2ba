#include "db/database.hpp"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <boost/url/parse.hpp>

#include <filesystem>
#include <stdexcept>

namespace oppenvard::db {
namespace {

struct Target {
  Dialect dialect;
  std::string connect;
};

// libpq keyword=value form: SOCI mangles URLs, so we hand libpq its own syntax.
std::string quote_conninfo(std::string_view value) {
  std::string out = "'";
  for (char c : value) {
    if (c == '\\' || c == '\'') out.push_back('\\');
    out.push_back(c);
  }
  return out + "'";
}

Target parse_url(std::string_view url) {
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    return {Dialect::postgresql, postgres_conninfo(url)};
  }
  std::string_view path = url;
  if (path.starts_with("sqlite://")) {
    path.remove_prefix(9);
  } else if (path.starts_with("sqlite:")) {
    path.remove_prefix(7);
  }
  if (path.empty()) throw std::invalid_argument("database url names no SQLite file");
  if (path.find_first_of(" '\"") != std::string_view::npos) {
    throw std::invalid_argument("SQLite path must not contain spaces or quotes");
  }
  return {Dialect::sqlite, std::string(path)};
}

void configure_sqlite(soci::session& sql) {
  // WAL lets readers run beside the one writer; FULL makes a commit durable before it returns.
  sql << "PRAGMA journal_mode=WAL";
  sql << "PRAGMA synchronous=FULL";
  sql << "PRAGMA foreign_keys=ON";
  sql << "PRAGMA busy_timeout=10000";
}

}  // namespace

std::string postgres_conninfo(std::string_view url) {
  const auto parsed = boost::urls::parse_uri(url);
  if (!parsed) throw std::invalid_argument("database url is not a valid postgresql:// URL");
  std::string info;
  const auto add = [&](std::string_view key, std::string_view value) {
    if (value.empty()) return;
    if (!info.empty()) info.push_back(' ');
    info += std::string(key) + "=" + quote_conninfo(value);
  };
  add("host", parsed->encoded_host().empty() ? "" : std::string(parsed->host()));
  add("port", parsed->port());
  add("user", parsed->has_userinfo() ? std::string(parsed->user()) : "");
  add("password", parsed->has_password() ? std::string(parsed->password()) : "");
  std::string path = parsed->path();
  if (path.starts_with("/")) path.erase(0, 1);
  add("dbname", path);
  for (auto param : parsed->params()) add(param.key, param.value);
  return info;
}

std::string redact_url(std::string_view url) {
  const auto scheme = url.find("://");
  const auto at = url.find('@');
  if (scheme == std::string_view::npos || at == std::string_view::npos || at < scheme) {
    return std::string(url);
  }
  const auto colon = url.find(':', scheme + 3);
  if (colon == std::string_view::npos || colon > at) return std::string(url);
  return std::string(url.substr(0, colon + 1)) + "***" + std::string(url.substr(at));
}

Database::Database(const DatabaseConfig& config)
    : size_(config.pool_size == 0 ? 1 : config.pool_size) {
  const Target target = parse_url(config.url);
  dialect_ = target.dialect;
  if (dialect_ == Dialect::sqlite) {
    const auto parent = std::filesystem::path(target.connect).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent);
  }
  pool_ = std::make_unique<soci::connection_pool>(size_);
  for (std::size_t i = 0; i < size_; ++i) {
    soci::session& sql = pool_->at(i);
    if (dialect_ == Dialect::sqlite) {
      sql.open(*soci::factory_sqlite3(), "db=" + target.connect + " timeout=10");
      configure_sqlite(sql);
    } else {
      sql.open(*soci::factory_postgresql(), target.connect);
    }
  }
}

Database::~Database() = default;

void Database::begin(soci::session& sql) {
  if (dialect_ == Dialect::sqlite) {
    sql << "BEGIN IMMEDIATE";
  } else {
    sql.begin();
  }
}

bool Database::ping() {
  soci::session sql(*pool_);
  for (int attempt = 0; attempt < 2; ++attempt) {
    try {
      int one = 0;
      sql << "SELECT 1", soci::into(one);
      return one == 1;
    } catch (const std::exception&) {
      if (attempt == 0 && dialect_ == Dialect::postgresql) {
        try {
          sql.reconnect();
        } catch (const std::exception&) {
          return false;
        }
      }
    }
  }
  return false;
}

}  // namespace oppenvard::db
