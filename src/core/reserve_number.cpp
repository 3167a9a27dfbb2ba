#include "core/reserve_number.hpp"

#include "core/personal_id.hpp"

#include <algorithm>
#include <cctype>

namespace oppenvard::core {
std::optional<std::string> check_format(const ReserveNumberFormat& f) {
  if (f.oid.empty()) return "oid is required";
  if (f.pattern.empty() || f.pattern.size() > 20) return "pattern must be 1–20 characters";
  const auto count = [&](char c) { return std::count(f.pattern.begin(), f.pattern.end(), c); };
  if (count('C') > 1) return "pattern has more than one check digit C";
  if (count('C') == 1 && f.pattern.back() != 'C') return "the check digit C must come last";
  const auto y = count('Y'), m = count('M'), d = count('D');
  if (!((y == 4 && m == 2 && d == 2) || (y == 0 && m == 0 && d == 0))) {
    return "the date part must be YYYY, MM and DD, or absent";
  }
  if (count('L') > 0 && f.letter_values.empty()) return "pattern has L but no letter values";
  for (const auto& [letter, value] : f.letter_values) {
    if (!std::isupper(static_cast<unsigned char>(letter)) || value < 0 || value > 9) {
      return "letter values must be upper-case letters worth 0–9";
    }
  }
  return std::nullopt;
}

Result<ReserveNumber, ReserveNumberError> parse_reserve_number(std::string_view text,
                                                               const ReserveNumberFormat& f) {
  if (check_format(f)) return ReserveNumberError::bad_pattern;
  if (text.size() != f.pattern.size()) return ReserveNumberError::bad_format;
  std::string value, year, month, day, check_input;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char p = f.pattern[i];
    const char c = static_cast<char>(std::toupper(static_cast<unsigned char>(text[i])));
    value.push_back(c);
    const bool digit = c >= '0' && c <= '9';
    switch (p) {
      case 'Y':
      case 'M':
      case 'D':
      case 'N':
      case 'C':
        if (!digit) return ReserveNumberError::bad_format;
        break;
      case 'L':
        if (!f.letter_values.contains(c)) return ReserveNumberError::bad_format;
        break;
      default:
        if (c != p) return ReserveNumberError::bad_format;
    }
    if (p == 'Y') year.push_back(c);
    if (p == 'M') month.push_back(c);
    if (p == 'D') day.push_back(c);
    // The check covers the 10-character form: the century digits are left out.
    const bool century = p == 'Y' && year.size() <= 2;
    if (p != 'C' && !century) {
      if (p == 'L') {
        check_input.push_back(static_cast<char>('0' + f.letter_values.at(c)));
      } else if (digit) {
        check_input.push_back(c);
      }
    }
  }
  ReserveNumber out{value, f.oid, std::nullopt};
  if (!year.empty()) {
    const date::year_month_day birth{date::year{std::stoi(year)},
                                     date::month{static_cast<unsigned>(std::stoi(month))},
                                     date::day{static_cast<unsigned>(std::stoi(day))}};
    if (!birth.ok()) return ReserveNumberError::bad_date;
    out.birth_date = birth;
  }
  if (f.pattern.back() == 'C' && luhn_check_digit(check_input) != value.back()) {
    return ReserveNumberError::bad_check_digit;
  }
  return out;
}

std::string_view describe(ReserveNumberError error) {
  switch (error) {
    case ReserveNumberError::bad_format:
      return "does not match the reserve-number format";
    case ReserveNumberError::bad_date:
      return "not a real date";
    case ReserveNumberError::bad_check_digit:
      return "wrong check digit";
    case ReserveNumberError::bad_pattern:
      return "the reserve-number format is not usable";
  }
  return "invalid";
}

}  // namespace oppenvard::core
