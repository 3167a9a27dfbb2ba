#include "directory/rules.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace oppenvard::directory {
namespace {

TEST(FoldForSearch, LowerCasesAsciiAndSwedishLetters) {
  EXPECT_EQ(fold_for_search("ÅRE Älvsjö ÖREBRO Café MÜNCHEN"), "åre älvsjö örebro café münchen");
  EXPECT_EQ(fold_for_search("abc-123"), "abc-123");
}

TEST(FoldForSearch, InvalidUtf8BecomesReplacementCharacters) {
  EXPECT_EQ(fold_for_search("a\xff"
                            "b"),
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(fold_for_search("\xC3"), "\xEF\xBF\xBD");
}

TEST(ContainsPattern, EscapesLikeWildcards) {
  EXPECT_EQ(contains_pattern("50%_off\\"), "%50\\%\\_off\\\\%");
  EXPECT_EQ(contains_pattern(""), "%%");
}

TEST(SwedishSortKey, OrdersLikeASwedishDictionary) {
  std::vector<std::string> names{"Örebro", "Ängelholm",
                                 "Åre",    "Zinkgruvan",
                                 "ängsbo", "Vårdcentralen Björkdalen",
                                 "Abisko", "Eslöv",
                                 "Émile",  "Barn- och ungdomshabiliteringen Älvstaden"};
  std::sort(names.begin(), names.end(), [](const std::string& a, const std::string& b) {
    return swedish_sort_key(a) < swedish_sort_key(b);
  });
  EXPECT_EQ(names,
            (std::vector<std::string>{"Abisko", "Barn- och ungdomshabiliteringen Älvstaden",
                                      "Émile", "Eslöv", "Vårdcentralen Björkdalen", "Zinkgruvan",
                                      "Åre", "Ängelholm", "ängsbo", "Örebro"}));
}

TEST(SwedishSortKey, IsDigitsOnlySoEveryCollationAgrees) {
  const std::string key = swedish_sort_key("Vårdcentralen Björkdalen (Öst) #1");
  EXPECT_TRUE(std::all_of(key.begin(), key.end(), [](char c) { return c >= '0' && c <= '9'; }));
}

TEST(SwedishSortKey, APrefixSortsFirst) {
  EXPECT_LT(swedish_sort_key("Ek"), swedish_sort_key("Ekbacken"));
  EXPECT_LT(swedish_sort_key("Ek bo"), swedish_sort_key("Ekbo"));
}

TEST(Cursor, RoundTrips) {
  const Cursor c{"2021314", "0190a000-0000-7000-8000-000000000011"};
  const auto back = decode_cursor(encode_cursor(c));
  ASSERT_TRUE(back);
  EXPECT_EQ(back->sort_key, c.sort_key);
  EXPECT_EQ(back->id, c.id);
}

TEST(Cursor, RejectsAnythingWeDidNotIssue) {
  EXPECT_FALSE(decode_cursor(""));
  EXPECT_FALSE(decode_cursor("abc"));     // odd length
  EXPECT_FALSE(decode_cursor("zz"));      // not hex
  EXPECT_FALSE(decode_cursor("3132"));    // no separator
  EXPECT_FALSE(decode_cursor("617c62"));  // "a|b": key not digits
  EXPECT_FALSE(decode_cursor(std::string(2000, 'a')));
}

}  // namespace
}  // namespace oppenvard::directory
