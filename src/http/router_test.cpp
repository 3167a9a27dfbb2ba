#include "http/router.hpp"

#include <gtest/gtest.h>

namespace oppenvard::http {
namespace {

Handler named(std::string name) {
  return [name](Request&) { return Response::text(name, "text/plain"); };
}

class RouterTest : public ::testing::Test {
 protected:
  RouterTest() {
    router.add("GET", "/api/v1/clinics", named("list"));
    router.add("GET", "/api/v1/clinics/{id}", named("get"));
    router.add("GET", "/api/v1/clinics/mine", named("mine"));
    router.add("POST", "/api/v1/clinics", named("create"));
  }
  std::string call(const Router::Match& match) {
    Request request;
    return match.route->handler(request).body;
  }
  Router router;
  Fields params;
};

TEST_F(RouterTest, MatchesLiteralPaths) {
  const auto m = router.match("GET", "/api/v1/clinics", params);
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(call(m), "list");
  EXPECT_TRUE(params.empty());
}

TEST_F(RouterTest, CapturesParameters) {
  const auto m = router.match("GET", "/api/v1/clinics/abc-123", params);
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(call(m), "get");
  ASSERT_EQ(params.size(), 1u);
  EXPECT_EQ(params[0].first, "id");
  EXPECT_EQ(params[0].second, "abc-123");
}

TEST_F(RouterTest, LiteralSegmentsWinOverParameters) {
  const auto m = router.match("GET", "/api/v1/clinics/mine", params);
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(call(m), "mine");
}

TEST_F(RouterTest, TrailingSlashIsTheSamePath) {
  const auto m = router.match("GET", "/api/v1/clinics/", params);
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(call(m), "list");
}

TEST_F(RouterTest, WrongMethodOnAKnownPathListsTheAllowedOnes) {
  const auto m = router.match("DELETE", "/api/v1/clinics", params);
  EXPECT_EQ(m.route, nullptr);
  EXPECT_TRUE(m.path_exists);
  EXPECT_EQ(m.allowed_methods, (std::vector<std::string>{"GET", "POST"}));
}

TEST_F(RouterTest, UnknownPathIsNotFound) {
  const auto m = router.match("GET", "/api/v1/nothing", params);
  EXPECT_EQ(m.route, nullptr);
  EXPECT_FALSE(m.path_exists);
}

TEST_F(RouterTest, HeadIsServedByGet) {
  const auto m = router.match("HEAD", "/api/v1/clinics", params);
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(call(m), "list");
}

TEST_F(RouterTest, ExtraSegmentsDoNotMatch) {
  EXPECT_EQ(router.match("GET", "/api/v1/clinics/a/b", params).route, nullptr);
}

TEST_F(RouterTest, DuplicateRoutesAreRejectedAtStartUp) {
  EXPECT_THROW(router.add("GET", "/api/v1/clinics/{other}", named("x")), std::logic_error);
}

TEST(SplitPath, DropsEmptySegments) {
  EXPECT_EQ(split_path("//a///b/"), (std::vector<std::string_view>{"a", "b"}));
  EXPECT_TRUE(split_path("/").empty());
}

}  // namespace
}  // namespace oppenvard::http
