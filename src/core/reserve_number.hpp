#pragma once
// Reserve numbers (reservnummer): regional identifiers for people without a personnummer or
// samordningsnummer. Each region has its own format and OID, so formats are configuration:
// a pattern over the 12 characters plus the values letters take in the check digit.
// Example (VGR): pattern "YYYYMMDDLNNC", letters K=5 M=7 X=8, OID 1.2.752.113.11.0.2.1.1.1.
#include <date/date.h>

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace oppenvard::core {

// Pattern characters: Y M D (birth date), L (a letter from `letter_values`), N (a digit),
// C (the Luhn check digit over the 10-character form YYMMDD + the rest before C, with
// letters replaced by their values), and any other character literally.
struct ReserveNumberFormat {
  std::string oid;
  std::string name;
  std::string pattern;
  std::map<char, int> letter_values;
};

enum class ReserveNumberError { bad_format, bad_date, bad_check_digit, bad_pattern };

// Problems with the format itself (empty when usable).
std::optional<std::string> check_format(const ReserveNumberFormat& format);

struct ReserveNumber {
  std::string value;  // upper-case, as stored
  std::string oid;
  std::optional<date::year_month_day> birth_date;  // when the pattern has Y, M and D
};

Result<ReserveNumber, ReserveNumberError> parse_reserve_number(std::string_view text,
                                                               const ReserveNumberFormat& format);

std::string_view describe(ReserveNumberError error);

}  // namespace oppenvard::core
