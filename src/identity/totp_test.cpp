#include "identity/totp.hpp"

#include <gtest/gtest.h>

namespace oppenvard::identity {
namespace {

const std::vector<std::uint8_t> kRfcSecret{'1', '2', '3', '4', '5', '6', '7', '8', '9', '0',
                                           '1', '2', '3', '4', '5', '6', '7', '8', '9', '0'};

TEST(Hotp, MatchesRfc4226AppendixD) {
  const char* expected[] = {"755224", "287082", "359152", "969429", "338314",
                            "254676", "287922", "162583", "399871", "520489"};
  for (std::uint64_t i = 0; i < 10; ++i) EXPECT_EQ(hotp(kRfcSecret, i), expected[i]) << i;
}

TEST(Totp, MatchesRfc6238Sha1Vectors) {
  // RFC 6238 appendix B (SHA-1), last 6 of the 8 digits.
  const std::pair<std::int64_t, const char*> vectors[] = {
      {59, "287082"},         {1111111109, "081804"}, {1111111111, "050471"},
      {1234567890, "005924"}, {2000000000, "279037"}, {20000000000, "353130"}};
  for (const auto& [seconds, code] : vectors) {
    EXPECT_EQ(hotp(kRfcSecret, static_cast<std::uint64_t>(totp_step(seconds * 1000))), code)
        << seconds;
  }
}

TEST(Totp, AcceptsOneStepOfDriftAndNeverTheSameStepTwice) {
  const std::int64_t now = 1'700'000'000'000;
  const auto step = totp_step(now);
  const auto code_now = hotp(kRfcSecret, static_cast<std::uint64_t>(step));
  const auto code_before = hotp(kRfcSecret, static_cast<std::uint64_t>(step - 1));
  const auto code_old = hotp(kRfcSecret, static_cast<std::uint64_t>(step - 2));
  EXPECT_EQ(verify_totp(kRfcSecret, code_now, now, 0), step);
  EXPECT_EQ(verify_totp(kRfcSecret, code_before, now, 0), step - 1);
  EXPECT_EQ(verify_totp(kRfcSecret, code_old, now, 0), std::nullopt);
  EXPECT_EQ(verify_totp(kRfcSecret, code_now, now, step), std::nullopt) << "replay";
  EXPECT_EQ(verify_totp(kRfcSecret, code_before, now, step - 1), std::nullopt);
  EXPECT_EQ(verify_totp(kRfcSecret, "12345", now, 0), std::nullopt);
  EXPECT_EQ(verify_totp(kRfcSecret, "abcdef", now, 0), std::nullopt);
}

TEST(Base32, RoundTripsAndMatchesRfc4648) {
  const std::string foobar = "foobar";
  EXPECT_EQ(base32_encode({foobar.begin(), foobar.end()}), "MZXW6YTBOI");
  EXPECT_EQ(base32_encode({'f'}), "MY");
  const auto back = base32_decode("mzxw6ytboi======");
  ASSERT_TRUE(back);
  EXPECT_EQ(std::string(back->begin(), back->end()), "foobar");
  EXPECT_FALSE(base32_decode("MZ1W"));  // '1' is not in the alphabet
  for (int n = 0; n < 40; ++n) {
    std::vector<std::uint8_t> bytes;
    for (int i = 0; i < n; ++i) bytes.push_back(static_cast<std::uint8_t>(i * 53 + n));
    EXPECT_EQ(base32_decode(base32_encode(bytes)), bytes) << n;
  }
}

TEST(Enrolment, UriAndQrCode) {
  const auto uri = otpauth_uri("Öppenvård", "SE2321000131-S1", "JBSWY3DPEHPK3PXP");
  EXPECT_EQ(uri,
            "otpauth://totp/%C3%96ppenv%C3%A5rd:SE2321000131-S1?secret=JBSWY3DPEHPK3PXP&issuer="
            "%C3%96ppenv%C3%A5rd&algorithm=SHA1&digits=6&period=30");
  const auto svg = qr_svg(uri);
  EXPECT_TRUE(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
  EXPECT_NE(svg.find("<path fill=\"#000\" d=\"M"), std::string::npos);
  EXPECT_TRUE(svg.ends_with("</svg>"));
}

}  // namespace
}  // namespace oppenvard::identity
