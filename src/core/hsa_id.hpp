#pragma once

#include <string>
#include <string_view>

#include "core/result.hpp"

namespace oppenvard::core {

// The identifier system of HSA-ids (staff, care units).
inline constexpr std::string_view hsa_id_system = "urn:oid:1.2.752.29.4.19";
inline constexpr std::size_t hsa_id_max_length = 31;

struct HsaId {
  std::string value;                // as written, e.g. SE2321000131-E000000000001
  std::string organisation_number;  // the directory owner's 10 digits, e.g. 2321000131
  std::string suffix;               // after the '-': [A-Za-z0-9]+

  friend bool operator==(const HsaId&, const HsaId&) = default;
};

enum class HsaIdError {
  empty,
  too_long,                 // more than 31 characters
  bad_country,              // does not start with "SE"
  bad_organisation_number,  // not 10 digits (or 16 + 10 digits) before the '-'
  bad_suffix,               // missing, or a character outside [A-Za-z0-9]
};

// "SE" + organisation number + "-" + one or more [A-Za-z0-9], at most 31 characters.
//
// The organisation number is 10 digits, or the same 10 digits with the century-style prefix
// "16" (Inera's own ids look like SE165565594230-1000). Its check digit is NOT verified: ids in
// the wild such as SE162321000451-0001 fail the Luhn check on their organisation number, and
// the HSA directory, not us, is the authority on which ids exist.
Result<HsaId, HsaIdError> parse_hsa_id(std::string_view text);

bool is_valid_hsa_id(std::string_view text);

std::string_view describe(HsaIdError error);

}  // namespace oppenvard::core
