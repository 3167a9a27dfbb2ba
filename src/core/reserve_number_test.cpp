#include "core/reserve_number.hpp"

#include <gtest/gtest.h>

namespace oppenvard::core {
namespace {

const ReserveNumberFormat kVgr{
    "1.2.752.113.11.0.2.1.1.1", "VGR reservnummer", "YYYYMMDDLNNC", {{'K', 5}, {'M', 7}, {'X', 8}}};

// Independent reference: Luhn over YYMMDD, the letter's value and NN, written out by hand.
char reference_check(const std::string& yymmdd, int letter, const std::string& nn) {
  const std::string s = yymmdd + std::to_string(letter) + nn;
  int sum = 0;
  const int weights[] = {2, 1, 2, 1, 2, 1, 2, 1, 2};
  for (int i = 0; i < 9; ++i) {
    const int p = (s[i] - '0') * weights[i];
    sum += p >= 10 ? p - 9 : p;
  }
  return static_cast<char>('0' + (10 - sum % 10) % 10);
}

TEST(ReserveNumber, AcceptsEveryLetterAndSerialWithTheRightCheckDigit) {
  for (const auto& [letter, value] : kVgr.letter_values) {
    for (int n = 0; n < 100; ++n) {
      const std::string nn = (n < 10 ? "0" : "") + std::to_string(n);
      const std::string text =
          std::string("19850317") + letter + nn + reference_check("850317", value, nn);
      const auto parsed = parse_reserve_number(text, kVgr);
      ASSERT_TRUE(parsed.ok()) << text;
      EXPECT_EQ(parsed.value().oid, kVgr.oid);
      const date::year_month_day expected{date::year{1985}, date::March, date::day{17}};
      EXPECT_EQ(parsed.value().birth_date, expected);
      // Every other check digit is refused.
      for (char c = '0'; c <= '9'; ++c) {
        if (c == text.back()) continue;
        std::string wrong = text;
        wrong.back() = c;
        EXPECT_EQ(parse_reserve_number(wrong, kVgr).error(), ReserveNumberError::bad_check_digit);
      }
    }
  }
}

TEST(ReserveNumber, LowerCaseLettersAreStoredUpperCase) {
  const std::string text = std::string("19850317k01") + reference_check("850317", 5, "01");
  const auto parsed = parse_reserve_number(text, kVgr);
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed.value().value, std::string("19850317K01") + text.back());
}

TEST(ReserveNumber, RefusesWrongShapesLettersAndDates) {
  EXPECT_EQ(parse_reserve_number("19850317K0", kVgr).error(), ReserveNumberError::bad_format);
  EXPECT_EQ(parse_reserve_number("19850317A010", kVgr).error(), ReserveNumberError::bad_format);
  EXPECT_EQ(parse_reserve_number("1985031XK010", kVgr).error(), ReserveNumberError::bad_format);
  const std::string bad_date = std::string("19850230K01") + reference_check("850230", 5, "01");
  EXPECT_EQ(parse_reserve_number(bad_date, kVgr).error(), ReserveNumberError::bad_date);
}

TEST(ReserveNumber, FormatsAreChecked) {
  EXPECT_FALSE(check_format(kVgr));
  EXPECT_TRUE(check_format({"", "x", "NNNC", {}}));
  EXPECT_TRUE(check_format({"1.2", "x", "NNCN", {}})) << "check digit not last";
  EXPECT_TRUE(check_format({"1.2", "x", "YYMMDDNNNC", {}})) << "two-digit year";
  EXPECT_TRUE(check_format({"1.2", "x", "LNNC", {}})) << "letters without values";
  EXPECT_FALSE(check_format({"1.2", "x", "R-NNNNNN", {}})) << "literal and digits, no check";
  EXPECT_EQ(parse_reserve_number("R-123456", {"1.2", "x", "R-NNNNNN", {}}).value().value,
            "R-123456");
  EXPECT_EQ(parse_reserve_number("Q-123456", {"1.2", "x", "R-NNNNNN", {}}).error(),
            ReserveNumberError::bad_format);
}

}  // namespace
}  // namespace oppenvard::core
