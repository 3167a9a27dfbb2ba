#include "core/hsa_id.hpp"

#include <gtest/gtest.h>

#include <string>

namespace oppenvard::core {
namespace {

HsaIdError parse_error(std::string_view text) {
  const auto result = parse_hsa_id(text);
  EXPECT_FALSE(result.ok()) << text;
  return result.ok() ? HsaIdError::empty : result.error();
}

TEST(HsaIdTest, ParsesTheVgrExample) {
  const auto result = parse_hsa_id("SE2321000131-E000000000001");
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.value().value, "SE2321000131-E000000000001");
  EXPECT_EQ(result.value().organisation_number, "2321000131");
  EXPECT_EQ(result.value().suffix, "E000000000001");
}

// Ids as they appear in public Swedish healthcare code and specifications.
TEST(HsaIdTest, AcceptsRealWorldIds) {
  for (std::string_view text :
       {"SE2321000016-A2G8", "SE2321000016-39KJ", "SE2321000016-F835", "SE2321000016-1003",
        "SE2321000131-P000000000001", "SE165565594230-1000", "SE165565594230-WEBCERT00001",
        "SE162321000451-0001", "SE2321000016-BLKNG"}) {
    EXPECT_TRUE(is_valid_hsa_id(text)) << text;
  }
}

TEST(HsaIdTest, SixteenPrefixIsDroppedFromTheOrganisationNumber) {
  const auto result = parse_hsa_id("SE165565594230-1000");
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.value().organisation_number, "5565594230");
  EXPECT_EQ(result.value().suffix, "1000");
}

// SE162321000451 carries 2321000451, whose Luhn check digit would be 3: real ids do not all
// pass the check, so we do not make it.
TEST(HsaIdTest, DoesNotRequireALuhnValidOrganisationNumber) {
  EXPECT_TRUE(is_valid_hsa_id("SE2321000132-X"));
  EXPECT_TRUE(is_valid_hsa_id("SE162321000451-0001"));
}

TEST(HsaIdTest, AcceptsExactlyThirtyOneCharacters) {
  const std::string base = "SE2321000131-";
  const std::string longest = base + std::string(31 - base.size(), 'a');
  ASSERT_EQ(longest.size(), 31u);
  EXPECT_TRUE(is_valid_hsa_id(longest));
  EXPECT_EQ(parse_error(longest + "a"), HsaIdError::too_long);
}

TEST(HsaIdTest, AcceptsEverySuffixCharacterAndNoOther) {
  for (int c = 0; c < 256; ++c) {
    const char ch = static_cast<char>(c);
    const bool allowed =
        (ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z');
    const std::string text = std::string{"SE2321000131-"} + ch;
    EXPECT_EQ(is_valid_hsa_id(text), allowed) << c;
    if (!allowed) {
      EXPECT_EQ(parse_error(text), HsaIdError::bad_suffix) << c;
    }
  }
}

TEST(HsaIdTest, RejectsMalformedIds) {
  EXPECT_EQ(parse_error(""), HsaIdError::empty);
  EXPECT_EQ(parse_error("se2321000131-E1"), HsaIdError::bad_country);
  EXPECT_EQ(parse_error("SV2321000131-E1"), HsaIdError::bad_country);
  EXPECT_EQ(parse_error(" SE2321000131-E1"), HsaIdError::bad_country);
  EXPECT_EQ(parse_error("S"), HsaIdError::bad_country);
  EXPECT_EQ(parse_error("SE"), HsaIdError::bad_organisation_number);
  EXPECT_EQ(parse_error("SE232100013-E1"), HsaIdError::bad_organisation_number);     // 9 digits
  EXPECT_EQ(parse_error("SE23210001311-E1"), HsaIdError::bad_organisation_number);   // 11
  EXPECT_EQ(parse_error("SE192321000131-E1"), HsaIdError::bad_organisation_number);  // 12, not 16
  EXPECT_EQ(parse_error("SE232100-0131-E1"), HsaIdError::bad_organisation_number);
  EXPECT_EQ(parse_error("SE2321000131E1"), HsaIdError::bad_organisation_number);
  EXPECT_EQ(parse_error("SE2321000131"), HsaIdError::bad_suffix);
  EXPECT_EQ(parse_error("SE2321000131-"), HsaIdError::bad_suffix);
  EXPECT_EQ(parse_error("SE2321000131-E-1"), HsaIdError::bad_suffix);
  EXPECT_EQ(parse_error("SE2321000131-E 1"), HsaIdError::bad_suffix);
  EXPECT_EQ(parse_error("SE2321000131-Å1"), HsaIdError::bad_suffix);
  EXPECT_EQ(parse_error("SE2321000131-a@b"), HsaIdError::bad_suffix);
  EXPECT_EQ(parse_error("SE2321000131-E1\n"), HsaIdError::bad_suffix);
}

TEST(HsaIdTest, SystemAndReasons) {
  EXPECT_EQ(hsa_id_system, "urn:oid:1.2.752.29.4.19");
  for (auto error : {HsaIdError::empty, HsaIdError::too_long, HsaIdError::bad_country,
                     HsaIdError::bad_organisation_number, HsaIdError::bad_suffix}) {
    EXPECT_FALSE(describe(error).empty());
  }
}

}  // namespace
}  // namespace oppenvard::core
