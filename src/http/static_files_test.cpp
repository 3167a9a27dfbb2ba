#include "http/static_files.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace oppenvard::http {
namespace {

namespace fs = std::filesystem;

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root =
        fs::temp_directory_path() /
        ("oppenvard-static-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
         "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(root / "assets");
    std::ofstream(root / "index.html") << "<!doctype html><title>x</title>";
    std::ofstream(root / "assets" / "app-1a2b.js") << "console.log(1)";
    std::ofstream(root.parent_path() / "secret.txt") << "outside";
  }
  void TearDown() override { fs::remove_all(root); }
  fs::path root;
};

TEST_F(StaticFilesTest, ServesFilesWithTypeAndCachePolicy) {
  StaticFiles files(root.string());
  const auto* index = files.find("/index.html");
  ASSERT_NE(index, nullptr);
  EXPECT_EQ(index->content_type, "text/html; charset=utf-8");
  EXPECT_EQ(index->cache_control, "no-cache");
  const auto* script = files.find("/assets/app-1a2b.js");
  ASSERT_NE(script, nullptr);
  EXPECT_EQ(script->content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(script->cache_control, "public, max-age=31536000, immutable");
  EXPECT_FALSE(script->etag.empty());
}

TEST_F(StaticFilesTest, PathsOutsideTheRootAreNeverFound) {
  StaticFiles files(root.string());
  EXPECT_EQ(files.find("/../secret.txt"), nullptr);
  EXPECT_EQ(files.find("/assets/../../secret.txt"), nullptr);
  EXPECT_EQ(files.find("/missing.js"), nullptr);
}

TEST_F(StaticFilesTest, AMissingRootServesNothing) {
  StaticFiles files((root / "nope").string());
  EXPECT_EQ(files.size(), 0u);
  EXPECT_EQ(files.index(), nullptr);
}

TEST(ClientRoutes, OnlyExtensionlessPathsOutsideTheApi) {
  EXPECT_TRUE(is_client_route("/mottagningar/0190a000-0000-7000-8000-000000000011"));
  EXPECT_TRUE(is_client_route("/"));
  EXPECT_FALSE(is_client_route("/api/v1/nothing"));
  EXPECT_FALSE(is_client_route("/api"));
  EXPECT_FALSE(is_client_route("/assets/missing.js"));
  EXPECT_FALSE(is_client_route("/favicon.ico"));
}

}  // namespace
}  // namespace oppenvard::http
