#include "identity/rules.hpp"

#include <sodium.h>

#include <algorithm>
#include <stdexcept>

namespace oppenvard::identity {

using namespace date;

year_month_day proxy_last_day(year_month_day birth) {
  const year_month_day birthday13{birth.year() + years{kProxyAgeLimit}, birth.month(), birth.day()};
  // 29 Feb in a non-leap year: the birthday is 1 March, so the last proxy day is 28 Feb.
  const sys_days first_day_as_13 = birthday13.ok()
                                       ? sys_days{birthday13}
                                       : sys_days{year_month_day{birthday13.year(), March, day{1}}};
  return year_month_day{first_day_as_13 - days{1}};
}

bool guardian_may_act_for(year_month_day birth, year_month_day today) {
  return sys_days{today} >= sys_days{birth} && sys_days{today} <= sys_days{proxy_last_day(birth)};
}

std::string_view to_string(Assurance assurance) {
  switch (assurance) {
    case Assurance::demo:
      return "demo";
    case Assurance::substantial:
      return "substantial";
    case Assurance::staff_verified:
      return "staff_verified";
    case Assurance::password_totp:
      return "password_totp";
  }
  return "demo";
}

std::optional<Assurance> assurance_from(std::string_view text) {
  for (auto a : {Assurance::demo, Assurance::substantial, Assurance::staff_verified,
                 Assurance::password_totp}) {
    if (to_string(a) == text) return a;
  }
  return std::nullopt;
}

SessionState session_state(const SessionTimes& t, std::int64_t now, const SessionPolicy& p) {
  if (now >= t.absolute_expires_at_ms) return SessionState::absolute_expired;
  if (now - t.last_seen_at_ms >= p.idle_timeout_ms) return SessionState::idle_expired;
  return SessionState::active;
}

bool should_touch(const SessionTimes& t, std::int64_t now, const SessionPolicy& p) {
  return now - t.last_seen_at_ms >= p.touch_interval_ms;
}

std::string encode_token(const std::array<std::uint8_t, 32>& bytes) {
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING),
                  '\0');
  sodium_bin2base64(out.data(), out.size(), bytes.data(), bytes.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(out.find('\0'));
  return out;
}

std::string new_token() {
  std::array<std::uint8_t, 32> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  return encode_token(bytes);
}

bool looks_like_token(std::string_view text) {
  return text.size() == 43 && std::all_of(text.begin(), text.end(), [](char c) {
           return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                  c == '-' || c == '_';
         });
}

std::string hash_token(std::string_view token) {
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(token.data()),
                     token.size());
  std::string hex(digest.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
  hex.pop_back();
  return hex;
}

std::string hash_password(std::string_view password) {
  char hash[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(hash, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    throw std::runtime_error("argon2id hashing ran out of memory");
  }
  return hash;
}

bool password_matches(const std::string& hash, std::string_view password) {
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

std::optional<std::string> cookie_value(std::string_view header, std::string_view name) {
  while (!header.empty()) {
    const auto semi = header.find(';');
    std::string_view pair = header.substr(0, semi);
    header = semi == std::string_view::npos ? std::string_view{} : header.substr(semi + 1);
    while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    const auto eq = pair.find('=');
    if (eq == std::string_view::npos) continue;
    if (pair.substr(0, eq) == name) return std::string(pair.substr(eq + 1));
  }
  return std::nullopt;
}

OrderState demo_order_state(std::int64_t started, std::int64_t now) {
  const auto age = now - started;
  if (age >= kDemoOrderLifetimeMs) return OrderState::expired;
  if (age >= kDemoSignMs) return OrderState::complete;
  if (age >= kDemoSignMs / 3) return OrderState::pending_sign;
  return OrderState::pending_start;
}

}  // namespace oppenvard::identity
