#pragma once
// Pure rules of identity and access: guardian proxy for young children, session lifetime,
// tokens. No I/O, no clock: `now` and dates are parameters.
#include <date/date.h>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace oppenvard::identity {

// A guardian acts for a child until the day before the child's 13th birthday (from the
// birthday on, the child logs in with their own e-ID). Someone born on 29 February turns
// 13 on 1 March in a non-leap year.
inline constexpr int kProxyAgeLimit = 13;
date::year_month_day proxy_last_day(date::year_month_day child_birth_date);
bool guardian_may_act_for(date::year_month_day child_birth_date, date::year_month_day today);

// How a person's identity was established; shown per participant in meetings later.
// password_totp: staff who log in with password and TOTP instead of the region's IdP.
enum class Assurance { demo, substantial, staff_verified, password_totp };
std::string_view to_string(Assurance assurance);
std::optional<Assurance> assurance_from(std::string_view text);

struct SessionTimes {
  std::int64_t created_at_ms = 0;
  std::int64_t last_seen_at_ms = 0;
  std::int64_t absolute_expires_at_ms = 0;
};
struct SessionPolicy {
  std::int64_t idle_timeout_ms = 30 * 60 * 1000;
  std::int64_t absolute_timeout_ms = 12 * 60 * 60 * 1000;
  // last_seen is written at most this often, so reads do not turn into writes.
  std::int64_t touch_interval_ms = 60 * 1000;
};
enum class SessionState { active, idle_expired, absolute_expired };
SessionState session_state(const SessionTimes& times, std::int64_t now_ms,
                           const SessionPolicy& policy);
bool should_touch(const SessionTimes& times, std::int64_t now_ms, const SessionPolicy& policy);

// Opaque tokens: 32 random bytes, base64url without padding (43 characters). Only the
// SHA-256 of a token is stored, so a copy of the database cannot be replayed as sessions.
std::string encode_token(const std::array<std::uint8_t, 32>& random_bytes);
// A new token from libsodium's CSPRNG (the one impure function here).
std::string new_token();
bool looks_like_token(std::string_view text);
std::string hash_token(std::string_view token);  // lower-case hex SHA-256

// argon2id (libsodium, interactive limits) in libsodium's self-describing string form.
std::string hash_password(std::string_view password);
bool password_matches(const std::string& hash, std::string_view password);

// The session cookie's value from a Cookie header, if present.
inline constexpr std::string_view kSessionCookie = "__Host-oppenvard_session";
std::optional<std::string> cookie_value(std::string_view cookie_header, std::string_view name);

// Demo e-ID orders behave like BankID: pending while the user "signs", then complete.
inline constexpr std::int64_t kDemoSignMs = 1500;
inline constexpr std::int64_t kDemoOrderLifetimeMs = 3 * 60 * 1000;
enum class OrderState { pending_start, pending_sign, complete, expired };
OrderState demo_order_state(std::int64_t started_at_ms, std::int64_t now_ms);

}  // namespace oppenvard::identity
