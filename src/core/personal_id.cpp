#include "core/personal_id.hpp"

#include <array>
#include <stdexcept>

namespace oppenvard::core {
namespace {

constexpr int samordningsnummer_day_offset = 60;

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

bool all_digits(std::string_view s) {
  for (char c : s) {
    if (!is_digit(c)) return false;
  }
  return true;
}

int number(std::string_view digits) {
  int value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value;
}

// The written form split into its parts; `century` is negative when the text had only YY.
struct Written {
  int century = -1;
  std::string_view yymmdd;
  std::string_view nnnc;
  char separator = '\0';
};

bool split(std::string_view text, Written& out) {
  auto separator_ok = [](char c) { return c == '-' || c == '+'; };
  switch (text.size()) {
    case 10:  // YYMMDDNNNC
      out.yymmdd = text.substr(0, 6);
      out.nnnc = text.substr(6);
      break;
    case 11:  // YYMMDD-NNNC
      if (!separator_ok(text[6])) return false;
      out.separator = text[6];
      out.yymmdd = text.substr(0, 6);
      out.nnnc = text.substr(7);
      break;
    case 12:  // YYYYMMDDNNNC
      if (!all_digits(text.substr(0, 2))) return false;
      out.century = number(text.substr(0, 2));
      out.yymmdd = text.substr(2, 6);
      out.nnnc = text.substr(8);
      break;
    case 13:  // YYYYMMDD-NNNC
      if (!all_digits(text.substr(0, 2)) || !separator_ok(text[8])) return false;
      out.century = number(text.substr(0, 2));
      out.separator = text[8];
      out.yymmdd = text.substr(2, 6);
      out.nnnc = text.substr(9);
      break;
    default:
      return false;
  }
  return all_digits(out.yymmdd) && all_digits(out.nnnc);
}

}  // namespace

char luhn_check_digit(std::string_view digits) {
  int sum = 0;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    const int product = (digits[i] - '0') * (i % 2 == 0 ? 2 : 1);
    sum += product / 10 + product % 10;
  }
  return static_cast<char>('0' + (10 - sum % 10) % 10);
}

Result<PersonalId, PersonalIdError> parse_personal_id(std::string_view text,
                                                      date::year_month_day on) {
  if (!on.ok()) throw std::invalid_argument("parse_personal_id: reference date is not a date");
  if (text.empty()) return PersonalIdError::empty;

  Written written;
  if (!split(text, written)) return PersonalIdError::bad_format;

  const int yy = number(written.yymmdd.substr(0, 2));
  const unsigned month = static_cast<unsigned>(number(written.yymmdd.substr(2, 2)));
  const unsigned written_day = static_cast<unsigned>(number(written.yymmdd.substr(4, 2)));

  PersonalIdKind kind = PersonalIdKind::personnummer;
  unsigned day = written_day;
  if (written_day > samordningsnummer_day_offset) {
    kind = PersonalIdKind::samordningsnummer;
    day = written_day - samordningsnummer_day_offset;
  }
  // Day 0 (or 60) and month 0 occur in real samordningsnummer when the birth date is
  // unknown; we do not accept them because the birth date is part of the result.
  if (month < 1 || month > 12 || day < 1 || day > 31) return PersonalIdError::bad_date;

  int year = 0;
  if (written.century >= 0) {
    year = written.century * 100 + yy;
  } else {
    // The latest year ending in YY whose month and day are not after `on`.
    const int on_year = static_cast<int>(on.year());
    year = on_year - ((on_year - yy) % 100 + 100) % 100;
    const auto month_day = date::month{month} / date::day{day};
    if (year == on_year && month_day > on.month() / on.day()) year -= 100;
    if (written.separator == '+') year -= 100;
  }

  const date::year_month_day birth{date::year{year}, date::month{month}, date::day{day}};
  if (!birth.ok()) return PersonalIdError::bad_date;

  std::string ten{written.yymmdd};
  ten += written.nnnc;
  if (luhn_check_digit(std::string_view{ten}.substr(0, 9)) != ten[9]) {
    return PersonalIdError::bad_check_digit;
  }
  if (birth > on) return PersonalIdError::in_the_future;

  PersonalId id;
  id.digits = std::to_string(year / 100);
  if (id.digits.size() < 2) id.digits.insert(0, 2 - id.digits.size(), '0');
  id.digits += ten;
  id.kind = kind;
  id.birth_date = birth;
  id.sex = (ten[8] - '0') % 2 == 1 ? Sex::male : Sex::female;
  return id;
}

std::string_view describe(PersonalIdError error) {
  switch (error) {
    case PersonalIdError::empty:
      return "no value given";
    case PersonalIdError::bad_format:
      return "not a personnummer or samordningsnummer format (10 or 12 digits)";
    case PersonalIdError::bad_date:
      return "no such birth date";
    case PersonalIdError::bad_check_digit:
      return "wrong check digit";
    case PersonalIdError::in_the_future:
      return "birth date is in the future";
  }
  return "unknown error";
}

std::string_view system_oid(PersonalIdKind kind) {
  switch (kind) {
    case PersonalIdKind::personnummer:
      return "1.2.752.129.2.1.3.1";
    case PersonalIdKind::samordningsnummer:
      return "1.2.752.129.2.1.3.3";
  }
  return "";
}

std::string_view to_string(PersonalIdKind kind) {
  switch (kind) {
    case PersonalIdKind::personnummer:
      return "personnummer";
    case PersonalIdKind::samordningsnummer:
      return "samordningsnummer";
  }
  return "";
}

std::string_view to_string(Sex sex) {
  switch (sex) {
    case Sex::female:
      return "female";
    case Sex::male:
      return "male";
  }
  return "";
}

std::string display_form(const PersonalId& id, date::year_month_day on) {
  const bool turns_100_this_year_or_earlier =
      static_cast<int>(on.year()) - static_cast<int>(id.birth_date.year()) >= 100;
  std::string shown = id.digits.substr(2, 6);
  shown += turns_100_this_year_or_earlier ? '+' : '-';
  shown += id.digits.substr(8, 4);
  return shown;
}

int age_on(const PersonalId& id, date::year_month_day on) {
  const auto birth = id.birth_date;
  int years = static_cast<int>(on.year()) - static_cast<int>(birth.year());
  // Comparing month/day handles 29 February: (2,28) is before it, (3,1) is after it.
  if (on.month() / on.day() < birth.month() / birth.day()) --years;
  return years;
}

}  // namespace oppenvard::core
