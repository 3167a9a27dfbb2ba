#include "identity/rules.hpp"

#include <gtest/gtest.h>

#include <set>

namespace oppenvard::identity {
namespace {

using namespace date;

TEST(GuardianProxy, EndsTheDayBeforeTheThirteenthBirthday) {
  const year_month_day birth{2016_y / May / 14};
  EXPECT_TRUE(guardian_may_act_for(birth, 2016_y / May / 14));
  EXPECT_TRUE(guardian_may_act_for(birth, 2029_y / May / 13));
  EXPECT_FALSE(guardian_may_act_for(birth, 2029_y / May / 14));
  EXPECT_FALSE(guardian_may_act_for(birth, 2040_y / January / 1));
  EXPECT_EQ(proxy_last_day(birth), year_month_day{2029_y / May / 13});
}

TEST(GuardianProxy, NotBeforeBirth) {
  EXPECT_FALSE(guardian_may_act_for(2020_y / June / 1, 2020_y / May / 31));
}

TEST(GuardianProxy, LeapDayChildrenTurnThirteenOnTheFirstOfMarch) {
  // 2012-02-29 + 13 years = 2025, not a leap year: the birthday is 1 March.
  const year_month_day birth{2012_y / February / 29};
  EXPECT_TRUE(guardian_may_act_for(birth, 2025_y / February / 28));
  EXPECT_FALSE(guardian_may_act_for(birth, 2025_y / March / 1));
  // 2016-02-29 + 13 = 2029 (not leap) as well; 2011-02-28 is an ordinary case.
  EXPECT_EQ(proxy_last_day(2016_y / February / 29), year_month_day{2029_y / February / 28});
  EXPECT_EQ(proxy_last_day(2011_y / February / 28), year_month_day{2024_y / February / 27});
}

TEST(GuardianProxy, AgreesWithWholeYearAgeOnEveryDayOfAThirteenYearSpan) {
  // Independent reference: age in whole years by comparing (month, day), with 29 Feb
  // treated as 1 March in non-leap years.
  auto age = [](year_month_day birth, year_month_day on) {
    int years_old = int(on.year()) - int(birth.year());
    unsigned bm = unsigned(birth.month()), bd = unsigned(birth.day());
    if (bm == 2 && bd == 29 && !on.year().is_leap()) {
      bm = 3;
      bd = 1;
    }
    if (std::pair(unsigned(on.month()), unsigned(on.day())) < std::pair(bm, bd)) --years_old;
    return years_old;
  };
  for (sys_days b = sys_days{2008_y / January / 1}; b <= sys_days{2012_y / December / 31};
       b += days{7}) {
    const year_month_day birth{b};
    for (sys_days d = b + days{365 * 12}; d <= b + days{365 * 14}; d += days{1}) {
      const year_month_day on{d};
      EXPECT_EQ(guardian_may_act_for(birth, on), age(birth, on) < 13)
          << format("%F", b) << " on " << format("%F", d);
    }
  }
}

TEST(Sessions, IdleAndAbsoluteTimeouts) {
  const SessionPolicy policy;  // 30 min idle, 12 h absolute
  const SessionTimes t{0, 0, policy.absolute_timeout_ms};
  EXPECT_EQ(session_state(t, policy.idle_timeout_ms - 1, policy), SessionState::active);
  EXPECT_EQ(session_state(t, policy.idle_timeout_ms, policy), SessionState::idle_expired);
  const SessionTimes busy{0, policy.absolute_timeout_ms - 1000, policy.absolute_timeout_ms};
  EXPECT_EQ(session_state(busy, policy.absolute_timeout_ms - 1, policy), SessionState::active);
  EXPECT_EQ(session_state(busy, policy.absolute_timeout_ms, policy),
            SessionState::absolute_expired);
}

TEST(Sessions, LastSeenIsWrittenAtMostOncePerInterval) {
  const SessionPolicy policy;
  const SessionTimes t{0, 1000, 1'000'000'000};
  EXPECT_FALSE(should_touch(t, 1000 + policy.touch_interval_ms - 1, policy));
  EXPECT_TRUE(should_touch(t, 1000 + policy.touch_interval_ms, policy));
}

TEST(Tokens, AreUrlSafe43CharactersAndHashToHex) {
  std::array<std::uint8_t, 32> bytes{};
  for (std::size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<std::uint8_t>(i * 37 + 250);
  const auto token = encode_token(bytes);
  EXPECT_EQ(token.size(), 43u);
  EXPECT_TRUE(looks_like_token(token));
  EXPECT_EQ(token.find_first_of("+/="), std::string::npos);
  // SHA-256("abc") from FIPS 180-2.
  EXPECT_EQ(hash_token("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_FALSE(looks_like_token(token.substr(1)));
  EXPECT_FALSE(looks_like_token(std::string(43, '.')));
}

TEST(Cookies, FindsTheSessionCookieAmongOthers) {
  EXPECT_EQ(cookie_value("a=1; __Host-oppenvard_session=tok; b=2", kSessionCookie), "tok");
  EXPECT_EQ(cookie_value("__Host-oppenvard_session=tok", kSessionCookie), "tok");
  EXPECT_EQ(cookie_value("x__Host-oppenvard_session=evil", kSessionCookie), std::nullopt);
  EXPECT_EQ(cookie_value("", kSessionCookie), std::nullopt);
  EXPECT_EQ(cookie_value("broken; =; a", kSessionCookie), std::nullopt);
}

TEST(DemoOrders, BehaveLikeABankIdOrder) {
  EXPECT_EQ(demo_order_state(0, 0), OrderState::pending_start);
  EXPECT_EQ(demo_order_state(0, kDemoSignMs / 3), OrderState::pending_sign);
  EXPECT_EQ(demo_order_state(0, kDemoSignMs), OrderState::complete);
  EXPECT_EQ(demo_order_state(0, kDemoOrderLifetimeMs), OrderState::expired);
}

TEST(Assurance, RoundTrips) {
  for (auto a : {Assurance::demo, Assurance::substantial, Assurance::staff_verified}) {
    EXPECT_EQ(assurance_from(to_string(a)), a);
  }
  EXPECT_EQ(assurance_from("high"), std::nullopt);
}

}  // namespace
}  // namespace oppenvard::identity
