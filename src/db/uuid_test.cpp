#include "db/uuid.hpp"

#include <gtest/gtest.h>

#include <set>

namespace oppenvard::db {
namespace {

TEST(UuidV7, EncodesTheMillisecondsAndVersionBits) {
  // RFC 9562 appendix A.6 example: 2022-02-22T19:22:22.000Z = 0x017F22E279B0.
  const std::array<std::uint8_t, 10> random{0xcc, 0xc3, 0x18, 0xc4, 0xdc,
                                            0x0c, 0x0c, 0x07, 0x39, 0x8f};
  EXPECT_EQ(format_uuid_v7(0x017F22E279B0, random), "017f22e2-79b0-7cc3-98c4-dc0c0c07398f");
}

TEST(UuidV7, NewIdsAreUniqueWellFormedAndTimeOrdered) {
  std::set<std::string> seen;
  std::string previous;
  for (int i = 0; i < 2000; ++i) {
    const std::string id = new_uuid_v7();
    EXPECT_TRUE(is_uuid(id)) << id;
    EXPECT_EQ(id[14], '7');
    EXPECT_TRUE(seen.insert(id).second);
    // The first 48 bits are the time: never earlier than the previous id's.
    if (!previous.empty()) {
      EXPECT_LE(previous.substr(0, 13), id.substr(0, 13));
    }
    previous = id;
  }
}

TEST(UuidV7, RejectsTextThatIsNotAUuid) {
  EXPECT_FALSE(is_uuid(""));
  EXPECT_FALSE(is_uuid("017f22e2-79b0-7cc3-98c4-dc0c0c07398"));
  EXPECT_FALSE(is_uuid("017f22e2x79b0-7cc3-98c4-dc0c0c07398f"));
  EXPECT_FALSE(is_uuid("017f22e2-79b0-7cc3-98c4-dc0c0c07398g"));
  EXPECT_TRUE(is_uuid("017F22E2-79B0-7CC3-98C4-DC0C0C07398F"));
}

}  // namespace
}  // namespace oppenvard::db
