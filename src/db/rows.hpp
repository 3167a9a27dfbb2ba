#pragma once
// Reading nullable and computed columns of a SOCI row the same way on both databases.
#include <soci/soci.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace oppenvard::db {

inline std::optional<std::string> optional_text(const soci::row& row, std::size_t i) {
  if (row.get_indicator(i) != soci::i_ok) return std::nullopt;
  return row.get<std::string>(i);
}

// A BIGINT column (instants in milliseconds) that may be NULL.
inline std::optional<std::int64_t> optional_int64(const soci::row& row, std::size_t i) {
  if (row.get_indicator(i) != soci::i_ok) return std::nullopt;
  return row.get<long long>(i);
}

// A computed column has no declared type: SQLite reports what the value is, PostgreSQL int4.
inline long long integer_at(const soci::row& row, std::size_t i) {
  switch (row.get_properties(i).get_data_type()) {
    case soci::dt_integer:
      return row.get<int>(i);
    case soci::dt_long_long:
      return row.get<long long>(i);
    case soci::dt_unsigned_long_long:
      return static_cast<long long>(row.get<unsigned long long>(i));
    case soci::dt_double:
      return static_cast<long long>(row.get<double>(i));
    default:
      return std::stoll(row.get<std::string>(i));
  }
}

}  // namespace oppenvard::db
