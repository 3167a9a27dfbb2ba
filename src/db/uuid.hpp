#pragma once
// UUIDv7 (RFC 9562): time-ordered public ids, so new rows append to indexes.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace oppenvard::db {

// The textual UUIDv7 for a millisecond instant and 10 random bytes (pure: testable).
std::string format_uuid_v7(std::int64_t unix_ms, const std::array<std::uint8_t, 10>& random);

// A new UUIDv7 from the system clock and libsodium's CSPRNG.
std::string new_uuid_v7();

bool is_uuid(std::string_view text);

}  // namespace oppenvard::db
