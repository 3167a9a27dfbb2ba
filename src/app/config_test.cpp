#include "app/config.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace oppenvard::app {
namespace {

namespace fs = std::filesystem;

class ConfigTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("oppenvard-config-" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string write(const std::string& text) {
    const auto path = (dir_ / "oppenvard.toml").string();
    std::ofstream(path) << text;
    return path;
  }
  fs::path dir_;
};

TEST_F(ConfigTest, DefaultsServeTheEmbeddedDemo) {
  const auto loaded = load_config(std::nullopt, {});
  EXPECT_TRUE(loaded.errors.empty());
  EXPECT_EQ(loaded.config.listen, "127.0.0.1:8080");
  EXPECT_EQ(loaded.config.effective_database_url(), "sqlite:./var/oppenvard.db");
  EXPECT_TRUE(loaded.config.demo_enabled());
}

TEST_F(ConfigTest, FileThenEnvironmentEachLaterSourceWins) {
  const auto path = write(R"(
[server]
listen = "127.0.0.1:9000"
io_threads = 3
[storage]
data_dir = "/srv/oppenvard"
[calendar]
extra_days_off = ["2026-12-28"]
)");
  const auto loaded = load_config(path, {{"OPPENVARD_LISTEN", "0.0.0.0:9100"}});
  ASSERT_TRUE(loaded.errors.empty()) << loaded.errors.front();
  EXPECT_EQ(loaded.config.listen, "0.0.0.0:9100");
  EXPECT_EQ(loaded.config.io_threads, 3);
  EXPECT_EQ(loaded.config.effective_database_url(), "sqlite:/srv/oppenvard/oppenvard.db");
  EXPECT_EQ(loaded.config.extra_days_off, (std::vector<std::string>{"2026-12-28"}));
  EXPECT_EQ(loaded.source, path);
}

TEST_F(ConfigTest, PostgreSQLTurnsDemoOffUnlessAskedFor) {
  auto loaded = load_config(std::nullopt, {{"OPPENVARD_DATABASE_URL", "postgresql://db/x"}});
  EXPECT_FALSE(loaded.config.demo_enabled());
  loaded = load_config(
      std::nullopt, {{"OPPENVARD_DATABASE_URL", "postgresql://db/x"}, {"OPPENVARD_DEMO", "true"}});
  EXPECT_TRUE(loaded.config.demo_enabled());
}

TEST_F(ConfigTest, ThePinnedDemoClockIsRefusedOutsideDemoMode) {
  auto loaded = load_config(std::nullopt, {{"OPPENVARD_DEMO_NOW", "2026-12-23T10:00:00+01:00"}});
  EXPECT_TRUE(loaded.errors.empty());
  loaded = load_config(std::nullopt, {{"OPPENVARD_DEMO_NOW", "2026-12-23T10:00:00+01:00"},
                                      {"OPPENVARD_DEMO", "false"}});
  ASSERT_EQ(loaded.errors.size(), 1u);
  EXPECT_NE(loaded.errors[0].find("demo.now"), std::string::npos);
}

TEST_F(ConfigTest, EveryMistakeIsNamed) {
  const auto path = write(R"(
[server]
listen = "nowhere"
io_threads = "two"
lisen = "typo"
[storage]
database_url = "mysql://x"
[calendar]
extra_days_off = ["2026-13-01"]
[log]
level = "loud"
)");
  const auto loaded = load_config(path, {{"OPPENVARD_POOL_SIZE", "many"}});
  const auto has = [&](const std::string& needle) {
    for (const auto& e : loaded.errors) {
      if (e.find(needle) != std::string::npos) return true;
    }
    return false;
  };
  EXPECT_TRUE(has("server.lisen: unknown setting"));
  EXPECT_TRUE(has("server.io_threads: must be an integer"));
  EXPECT_TRUE(has("listen: expected HOST:PORT"));
  EXPECT_TRUE(has("database_url"));
  EXPECT_TRUE(has("2026-13-01"));
  EXPECT_TRUE(has("log.level"));
  EXPECT_TRUE(has("OPPENVARD_POOL_SIZE: must be an integer"));
}

TEST_F(ConfigTest, ASyntaxErrorNamesTheLine) {
  const auto path = write("[server\nlisten = 1\n");
  const auto loaded = load_config(path, {});
  ASSERT_FALSE(loaded.errors.empty());
  EXPECT_NE(loaded.errors[0].find("line 1"), std::string::npos) << loaded.errors[0];
}

TEST_F(ConfigTest, ReserveNumberFormatsAreConfigured) {
  const auto path = write(R"(
[[identity.reserve_number]]
oid = "1.2.752.113.11.0.2.1.1.1"
name = "VGR reservnummer"
pattern = "YYYYMMDDLNNC"
letter_values = { K = 5, M = 7, X = 8 }

[[identity.reserve_number]]
oid = "1.2.3"
pattern = "YYMMDDNNNC"
)");
  const auto loaded = load_config(path, {});
  ASSERT_EQ(loaded.config.reserve_numbers.size(), 1u);
  EXPECT_EQ(loaded.config.reserve_numbers[0].letter_values.at('M'), 7);
  ASSERT_EQ(loaded.errors.size(), 1u);
  EXPECT_NE(loaded.errors[0].find("identity.reserve_number[1]"), std::string::npos);
}

TEST(ParseListen, AcceptsIpv4Ipv6AndPortZero) {
  EXPECT_EQ(parse_listen("127.0.0.1:8080")->port, 8080);
  EXPECT_EQ(parse_listen("[::1]:443")->host, "::1");
  EXPECT_EQ(parse_listen("0.0.0.0:0")->port, 0);
  EXPECT_FALSE(parse_listen("localhost"));
  EXPECT_FALSE(parse_listen("127.0.0.1:70000"));
  EXPECT_FALSE(parse_listen("example.org:80"));
  EXPECT_FALSE(parse_listen(":80"));
}

}  // namespace
}  // namespace oppenvard::app
