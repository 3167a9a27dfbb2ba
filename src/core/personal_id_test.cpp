#include "core/personal_id.hpp"

#include <gtest/gtest.h>

#include <ostream>
#include <set>
#include <string>
#include <variant>

#include "core/result.hpp"

namespace oppenvard::core {

// Readable failure messages.
void PrintTo(const PersonalId& id, std::ostream* os) {
  *os << id.digits << " " << to_string(id.kind) << " " << id.birth_date << " " << to_string(id.sex);
}

namespace {

using date::year_month_day;

year_month_day ymd(int y, unsigned m, unsigned d) {
  return year_month_day{date::year{y}, date::month{m}, date::day{d}};
}

const year_month_day today = ymd(2026, 1, 1);

// Reference Luhn written the other way round from the implementation: walk all ten digits from
// the right, double every second one, and the total must end in 0.
bool luhn_valid(const std::string& ten) {
  int total = 0;
  for (int i = 0; i < 10; ++i) {
    int digit = ten[9 - i] - '0';
    if (i % 2 == 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    total += digit;
  }
  return total % 10 == 0;
}

// The one check digit that makes `nine` valid, found by trying all ten.
char valid_check_digit(const std::string& nine) {
  for (char c = '0'; c <= '9'; ++c) {
    if (luhn_valid(nine + c)) return c;
  }
  ADD_FAILURE() << "no check digit found";
  return '?';
}

std::string two(unsigned n) {
  return {static_cast<char>('0' + n / 10 % 10), static_cast<char>('0' + n % 10)};
}

std::string three(int n) {
  return {static_cast<char>('0' + n / 100 % 10), static_cast<char>('0' + n / 10 % 10),
          static_cast<char>('0' + n % 10)};
}

std::string yymmdd(year_month_day d, unsigned day_offset = 0) {
  return two(static_cast<unsigned>(static_cast<int>(d.year()) % 100)) +
         two(static_cast<unsigned>(d.month())) + two(static_cast<unsigned>(d.day()) + day_offset);
}

PersonalId parse_ok(std::string_view text, year_month_day on = today) {
  auto result = parse_personal_id(text, on);
  EXPECT_TRUE(result.ok()) << text << ": " << (result.ok() ? "" : describe(result.error()));
  if (!result.ok()) return {};
  return result.value();
}

PersonalIdError parse_error(std::string_view text, year_month_day on = today) {
  auto result = parse_personal_id(text, on);
  EXPECT_FALSE(result.ok()) << text;
  if (result.ok()) return PersonalIdError::empty;
  return result.error();
}

TEST(ResultTest, HoldsAValueOrAnError) {
  Result<int, PersonalIdError> value{42};
  EXPECT_TRUE(value.ok());
  EXPECT_TRUE(static_cast<bool>(value));
  EXPECT_EQ(value.value(), 42);
  EXPECT_THROW((void)value.error(), std::bad_variant_access);

  Result<int, PersonalIdError> error{PersonalIdError::bad_date};
  EXPECT_FALSE(error.ok());
  EXPECT_EQ(error.error(), PersonalIdError::bad_date);
  EXPECT_THROW((void)error.value(), std::bad_variant_access);
}

TEST(PersonalIdTest, ParsesTheDomainExampleInEveryWrittenForm) {
  for (std::string_view text : {"640823-3234", "6408233234", "196408233234", "19640823-3234"}) {
    const PersonalId id = parse_ok(text);
    EXPECT_EQ(id.digits, "196408233234") << text;
    EXPECT_EQ(id.kind, PersonalIdKind::personnummer);
    EXPECT_EQ(id.birth_date, ymd(1964, 8, 23));
    EXPECT_EQ(id.sex, Sex::male);
  }
}

TEST(PersonalIdTest, ParsesSamordningsnummerAndKeepsDayPlusSixty) {
  const PersonalId id = parse_ok("701063-2391");
  EXPECT_EQ(id.digits, "197010632391");
  EXPECT_EQ(id.kind, PersonalIdKind::samordningsnummer);
  EXPECT_EQ(id.birth_date, ymd(1970, 10, 3));
  EXPECT_EQ(id.sex, Sex::male);
}

TEST(PersonalIdTest, ParsesTolvanTolvansson) {
  const PersonalId id = parse_ok("19121212-1212");
  EXPECT_EQ(id.digits, "191212121212");
  EXPECT_EQ(id.birth_date, ymd(1912, 12, 12));
  EXPECT_EQ(id.sex, Sex::male);
}

TEST(PersonalIdTest, PlusSeparatorMeansHundredOrOlder) {
  EXPECT_EQ(parse_ok("121212+1212", ymd(2026, 1, 1)).birth_date, ymd(1912, 12, 12));
  EXPECT_EQ(parse_ok("121212-1212", ymd(2026, 1, 1)).birth_date, ymd(2012, 12, 12));
  EXPECT_EQ(parse_ok("1212121212", ymd(2026, 1, 1)).birth_date, ymd(2012, 12, 12));
}

TEST(PersonalIdTest, TwelveDigitFormIgnoresItsSeparatorForTheCentury) {
  EXPECT_EQ(parse_ok("19121212+1212").birth_date, ymd(1912, 12, 12));
  EXPECT_EQ(parse_ok("20121212+1212").birth_date, ymd(2012, 12, 12));
}

TEST(PersonalIdTest, TenDigitCenturyIsTheLatestBirthDateNotAfterTheReferenceDate) {
  const std::string nine_this_year = "260315123";  // 15 March
  const std::string ten = nine_this_year + valid_check_digit(nine_this_year);
  EXPECT_EQ(parse_ok(ten, ymd(2026, 3, 15)).birth_date, ymd(2026, 3, 15));  // born today
  EXPECT_EQ(parse_ok(ten, ymd(2026, 3, 14)).birth_date, ymd(1926, 3, 15));  // not yet born
  EXPECT_EQ(parse_ok(ten.substr(0, 6) + "+" + ten.substr(6), ymd(2026, 3, 15)).birth_date,
            ymd(1926, 3, 15));
  EXPECT_EQ(parse_ok(ten.substr(0, 6) + "+" + ten.substr(6), ymd(2026, 3, 14)).birth_date,
            ymd(1826, 3, 15));
}

// Every birth date in the 200 years up to the reference date (someone exactly 200 cannot be
// written in 10 digits), in both 10-digit forms.
TEST(PersonalIdTest, TenDigitCenturyRuleHoldsForEveryDateInTwoHundredYears) {
  const year_month_day on = ymd(2026, 3, 15);
  const date::sys_days last{on};
  for (date::sys_days day = last - date::days{73'048}; day <= last; day += date::days{1}) {
    const year_month_day birth{day};
    const std::string nine = yymmdd(birth) + "123";
    const std::string ten = nine + valid_check_digit(nine);
    const std::string minus = ten.substr(0, 6) + "-" + ten.substr(6);
    const std::string plus = ten.substr(0, 6) + "+" + ten.substr(6);
    const year_month_day hundred_before{birth.year() - date::years{100}, birth.month(),
                                        birth.day()};
    const year_month_day hundred_after{birth.year() + date::years{100}, birth.month(), birth.day()};
    const bool under_hundred = hundred_after > on;
    if (under_hundred) {
      ASSERT_EQ(parse_ok(minus, on).birth_date, birth) << minus;
      if (hundred_before.ok()) {
        ASSERT_EQ(parse_ok(plus, on).birth_date, hundred_before) << plus;
      } else {
        ASSERT_EQ(parse_error(plus, on), PersonalIdError::bad_date) << plus;
      }
    } else {
      ASSERT_EQ(parse_ok(plus, on).birth_date, birth) << plus;
      // The same digits with '-' are read as someone under 100 if that date exists.
      if (hundred_after.ok()) {
        ASSERT_EQ(parse_ok(minus, on).birth_date, hundred_after) << minus;
      } else {
        ASSERT_EQ(parse_error(minus, on), PersonalIdError::bad_date) << minus;
      }
    }
  }
}

// For a sample of birth dates, every serial number and every candidate check digit: exactly the
// one the reference Luhn accepts is valid, and sex follows the ninth digit.
TEST(PersonalIdTest, AcceptsExactlyTheLuhnValidCheckDigitForEverySerialNumber) {
  const year_month_day on = ymd(2026, 6, 1);
  for (int sample = 0; sample < 12; ++sample) {
    const year_month_day birth{date::sys_days{ymd(1927, 1, 1)} + date::days{sample * 2'927}};
    for (bool coordination : {false, true}) {
      const std::string date_part = yymmdd(birth, coordination ? 60 : 0);
      for (int serial = 0; serial < 1000; ++serial) {
        const std::string nine = date_part + three(serial);
        int accepted = 0;
        for (char c = '0'; c <= '9'; ++c) {
          const std::string ten = nine + c;
          const auto result = parse_personal_id(ten, on);
          const bool valid = luhn_valid(ten);
          ASSERT_EQ(result.ok(), valid) << ten;
          if (!valid) {
            ASSERT_EQ(result.error(), PersonalIdError::bad_check_digit) << ten;
            continue;
          }
          ++accepted;
          const PersonalId& id = result.value();
          ASSERT_EQ(id.birth_date, birth) << ten;
          ASSERT_EQ(id.kind, coordination ? PersonalIdKind::samordningsnummer
                                          : PersonalIdKind::personnummer);
          ASSERT_EQ(id.sex, serial % 2 == 1 ? Sex::male : Sex::female) << ten;
          ASSERT_EQ(id.digits.substr(2), ten) << ten;
        }
        ASSERT_EQ(accepted, 1) << nine;
      }
    }
  }
}

TEST(PersonalIdTest, RejectsEveryWrongCheckDigitOfTheDomainExample) {
  for (char c = '0'; c <= '9'; ++c) {
    if (c == '4') continue;
    EXPECT_EQ(parse_error(std::string{"640823-323"} + c), PersonalIdError::bad_check_digit);
    EXPECT_EQ(parse_error(std::string{"19640823323"} + c), PersonalIdError::bad_check_digit);
  }
}

TEST(PersonalIdTest, EvenNinthDigitIsFemale) {
  const std::string nine = "640823322";
  EXPECT_EQ(parse_ok(nine + valid_check_digit(nine)).sex, Sex::female);
}

TEST(PersonalIdTest, RejectsEmptyInput) {
  EXPECT_EQ(parse_error(""), PersonalIdError::empty);
}

TEST(PersonalIdTest, RejectsAnythingButDigitsAndOneSeparator) {
  for (std::string_view text :
       {"19640823 3234", "1964 08233234", "640823 3234", " 640823-3234", "640823-3234 ",
        "640823--3234", "640823/3234", "6408-233234", "196408-233234", "640823-323", "64082332345",
        "1964082332345", "64O823-3234", "640823_3234", "0x6408233234", "6408233234\n",
        "19640823-32341", "+6408233234", "-640823323"}) {
    EXPECT_EQ(parse_error(text), PersonalIdError::bad_format) << text;
  }
}

TEST(PersonalIdTest, RejectsDatesThatDoNotExist) {
  auto with_check = [](std::string nine) { return nine + valid_check_digit(nine); };
  EXPECT_EQ(parse_error(with_check("641323323")), PersonalIdError::bad_date);  // month 13
  EXPECT_EQ(parse_error(with_check("640023323")), PersonalIdError::bad_date);  // month 00
  EXPECT_EQ(parse_error(with_check("640800323")), PersonalIdError::bad_date);  // day 00
  EXPECT_EQ(parse_error(with_check("640832323")), PersonalIdError::bad_date);  // day 32
  EXPECT_EQ(parse_error(with_check("640431323")), PersonalIdError::bad_date);  // 31 April
  EXPECT_EQ(parse_error(with_check("640859323")), PersonalIdError::bad_date);  // day 32..60
  EXPECT_EQ(parse_error(with_check("640860323")), PersonalIdError::bad_date);  // day 60 = 00
  EXPECT_EQ(parse_error(with_check("640892323")), PersonalIdError::bad_date);  // day 92 = 32
  EXPECT_EQ(parse_error(with_check("640060323")), PersonalIdError::bad_date);  // month 00, day 00
}

TEST(PersonalIdTest, TwentyNinthOfFebruaryOnlyInLeapYears) {
  const std::string nine = "000229123";
  const std::string ten = nine + valid_check_digit(nine);
  const std::string minus = ten.substr(0, 6) + "-" + ten.substr(6);
  const std::string plus = ten.substr(0, 6) + "+" + ten.substr(6);
  EXPECT_EQ(parse_ok(minus, ymd(2026, 1, 1)).birth_date, ymd(2000, 2, 29));
  EXPECT_EQ(parse_error(plus, ymd(2026, 1, 1)), PersonalIdError::bad_date);     // 1900
  EXPECT_EQ(parse_error(minus, ymd(1999, 12, 31)), PersonalIdError::bad_date);  // 1900
  EXPECT_EQ(parse_ok("20" + ten).birth_date, ymd(2000, 2, 29));
  EXPECT_EQ(parse_error("19" + ten), PersonalIdError::bad_date);

  const std::string nine_2004 = "040229123";
  EXPECT_EQ(parse_ok(nine_2004 + valid_check_digit(nine_2004)).birth_date, ymd(2004, 2, 29));
  const std::string nine_2001 = "010229123";
  EXPECT_EQ(parse_error(nine_2001 + valid_check_digit(nine_2001)), PersonalIdError::bad_date);
  // A samordningsnummer for 29 February: day 89.
  const std::string coordination = "000289123";
  const PersonalId id = parse_ok("20" + coordination + valid_check_digit(coordination));
  EXPECT_EQ(id.birth_date, ymd(2000, 2, 29));
  EXPECT_EQ(id.kind, PersonalIdKind::samordningsnummer);
}

TEST(PersonalIdTest, RejectsBirthDatesAfterTheReferenceDate) {
  const std::string nine = "260102123";
  const std::string ten = nine + valid_check_digit(nine);
  EXPECT_EQ(parse_error("20" + ten, ymd(2026, 1, 1)), PersonalIdError::in_the_future);
  EXPECT_EQ(parse_ok("20" + ten, ymd(2026, 1, 2)).birth_date, ymd(2026, 1, 2));
  // The 10-digit form is never in the future: it falls back a century.
  EXPECT_EQ(parse_ok(ten, ymd(2026, 1, 1)).birth_date, ymd(1926, 1, 2));
}

TEST(PersonalIdTest, DisplayFormUsesPlusFromTheYearThePersonTurnsHundred) {
  const PersonalId tolvan = parse_ok("191212121212");
  EXPECT_EQ(display_form(tolvan, ymd(2011, 12, 31)), "121212-1212");
  EXPECT_EQ(display_form(tolvan, ymd(2012, 1, 1)), "121212+1212");  // before the birthday
  EXPECT_EQ(display_form(tolvan, ymd(2026, 1, 1)), "121212+1212");
  EXPECT_EQ(display_form(parse_ok("701063-2391"), today), "701063-2391");
}

TEST(PersonalIdTest, DisplayFormRoundTripsThroughTheParser) {
  for (std::string_view text : {"191212121212", "196408233234", "197010632391"}) {
    const PersonalId id = parse_ok(text);
    for (int year = 1990; year <= 2120; year += 7) {
      const year_month_day on = ymd(year, 6, 15);
      // Ten digits cannot tell 100 from 200 years old.
      if (on < id.birth_date || age_on(id, on) >= 200) continue;
      EXPECT_EQ(parse_ok(display_form(id, on), on), id) << text << " " << year;
    }
  }
}

TEST(PersonalIdTest, AgeCountsWholeYears) {
  const PersonalId id = parse_ok("640823-3234");
  EXPECT_EQ(age_on(id, ymd(2026, 8, 22)), 61);
  EXPECT_EQ(age_on(id, ymd(2026, 8, 23)), 62);
  EXPECT_EQ(age_on(id, ymd(1964, 8, 23)), 0);
}

TEST(PersonalIdTest, LeapDayBabiesAgeOnFirstOfMarchInCommonYears) {
  const std::string nine = "000229123";
  const PersonalId id = parse_ok("20" + nine + valid_check_digit(nine));
  EXPECT_EQ(age_on(id, ymd(2001, 2, 28)), 0);
  EXPECT_EQ(age_on(id, ymd(2001, 3, 1)), 1);
  EXPECT_EQ(age_on(id, ymd(2004, 2, 28)), 3);
  EXPECT_EQ(age_on(id, ymd(2004, 2, 29)), 4);
  EXPECT_EQ(age_on(id, ymd(2018, 2, 28)), 17);
  EXPECT_EQ(age_on(id, ymd(2018, 3, 1)), 18);
}

TEST(PersonalIdTest, NamesOidsAndReasons) {
  EXPECT_EQ(system_oid(PersonalIdKind::personnummer), "1.2.752.129.2.1.3.1");
  EXPECT_EQ(system_oid(PersonalIdKind::samordningsnummer), "1.2.752.129.2.1.3.3");
  EXPECT_EQ(to_string(PersonalIdKind::personnummer), "personnummer");
  EXPECT_EQ(to_string(PersonalIdKind::samordningsnummer), "samordningsnummer");
  EXPECT_EQ(to_string(Sex::female), "female");
  EXPECT_EQ(to_string(Sex::male), "male");
  EXPECT_EQ(describe(PersonalIdError::bad_check_digit), "wrong check digit");
  std::set<std::string_view> reasons;
  for (auto error : {PersonalIdError::empty, PersonalIdError::bad_format, PersonalIdError::bad_date,
                     PersonalIdError::bad_check_digit, PersonalIdError::in_the_future}) {
    reasons.insert(describe(error));
  }
  EXPECT_EQ(reasons.size(), 5u);
}

}  // namespace
}  // namespace oppenvard::core
