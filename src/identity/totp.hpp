#pragma once
// Staff second factor: TOTP (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits) and what an
// authenticator app needs to enrol (base32 secret, otpauth URI, QR code as SVG).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace oppenvard::identity {

inline constexpr std::int64_t kTotpStepSeconds = 30;

std::string base32_encode(const std::vector<std::uint8_t>& bytes);
std::optional<std::vector<std::uint8_t>> base32_decode(std::string_view text);

// The code for one time step (RFC 4226 dynamic truncation), zero-padded to `digits`.
std::string hotp(const std::vector<std::uint8_t>& secret, std::uint64_t counter, int digits = 6);
std::int64_t totp_step(std::int64_t unix_ms);

// The step a code matches within ±1 step of now, never a step at or before `last_used_step`
// (a code is accepted once); nullopt when it matches none.
std::optional<std::int64_t> verify_totp(const std::vector<std::uint8_t>& secret,
                                        std::string_view code, std::int64_t now_ms,
                                        std::int64_t last_used_step);

std::string otpauth_uri(std::string_view issuer, std::string_view account,
                        std::string_view base32_secret);

// A QR code of `text` as a standalone SVG (black modules on white, with a quiet zone).
std::string qr_svg(const std::string& text);

}  // namespace oppenvard::identity
