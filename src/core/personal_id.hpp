#pragma once

#include <date/date.h>

#include <string>
#include <string_view>

#include "core/result.hpp"

namespace oppenvard::core {

enum class PersonalIdKind { personnummer, samordningsnummer };
enum class Sex { female, male };

// A Swedish personnummer or samordningsnummer, validated.
struct PersonalId {
  std::string digits;  // 12 digits YYYYMMDDNNNC as written (a samordningsnummer keeps day + 60)
  PersonalIdKind kind;
  date::year_month_day birth_date;
  Sex sex;

  friend bool operator==(const PersonalId&, const PersonalId&) = default;
};

enum class PersonalIdError { empty, bad_format, bad_date, bad_check_digit, in_the_future };

// Accepts YYMMDDNNNC, YYMMDD-NNNC, YYMMDD+NNNC, YYYYMMDDNNNC and YYYYMMDD-NNNC (or +).
// Nothing else: no spaces, no other separators. A 10-digit form takes its century from `on`:
// the latest birth date not after `on`, or 100 years earlier with `+` (100 or older). A
// 12-digit form carries its century and its separator is ignored. Birth dates after `on` are
// rejected. Precondition: `on.ok()`.
Result<PersonalId, PersonalIdError> parse_personal_id(std::string_view text,
                                                      date::year_month_day on);

// The Luhn check digit ('0'–'9') over `digits` with weights 2,1,2,1,… from the left: the
// check of personnummer, samordningsnummer and the regions' reserve numbers.
char luhn_check_digit(std::string_view digits);

// A short English reason that never repeats the value (the value is patient data).
std::string_view describe(PersonalIdError error);

// The identifier system (OID) of each kind.
std::string_view system_oid(PersonalIdKind kind);

std::string_view to_string(PersonalIdKind kind);  // "personnummer" / "samordningsnummer"
std::string_view to_string(Sex sex);              // "female" / "male"

// YYMMDD-NNNC, with `+` instead of `-` from the calendar year the person turns 100.
std::string display_form(const PersonalId& id, date::year_month_day on);

// Age in whole years on `on`. Someone born on 29 February turns a year older on 1 March in
// non-leap years. Negative if `on` is before the birth date.
int age_on(const PersonalId& id, date::year_month_day on);

}  // namespace oppenvard::core
