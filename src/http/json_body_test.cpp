#include "http/json_body.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <set>

namespace oppenvard::http {
namespace {

Request json_request(std::string body, std::string type = "application/json") {
  Request r;
  r.headers.emplace_back("content-type", std::move(type));
  r.body = std::move(body);
  return r;
}

ProblemKind kind_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Problem& p) {
    return p.kind();
  }
  ADD_FAILURE() << "no problem thrown";
  return ProblemKind::internal;
}

TEST(JsonBody, MalformedJsonIsA400Problem) {
  EXPECT_EQ(kind_of([] { parse_json_object(json_request("{\"a\":")); }),
            ProblemKind::malformed_json);
  EXPECT_EQ(kind_of([] { parse_json_object(json_request("")); }), ProblemKind::malformed_json);
}

TEST(JsonBody, WrongContentTypeIs415) {
  EXPECT_EQ(kind_of([] { parse_json_object(json_request("{}", "text/plain")); }),
            ProblemKind::unsupported_media_type);
  EXPECT_NO_THROW(parse_json_object(json_request("{}", "application/json; charset=utf-8")));
}

TEST(JsonBody, ANonObjectBodyIsAnInvalidField) {
  EXPECT_EQ(kind_of([] { parse_json_object(json_request("[1,2]")); }), ProblemKind::invalid_field);
}

TEST(FieldReader, CollectsEveryWrongFieldAtOnce) {
  const auto body = parse_json_object(
      json_request(R"({"name": 5, "count": "x", "flag": 1, "typo": true, "small": 500})"));
  FieldReader reader(body);
  EXPECT_FALSE(reader.string("name", true));
  EXPECT_FALSE(reader.integer("count", true, 0, 10));
  EXPECT_FALSE(reader.boolean("flag", true));
  EXPECT_FALSE(reader.string("missing", true));
  EXPECT_FALSE(reader.integer("small", true, 0, 100));
  try {
    reader.finish();
    FAIL() << "expected a problem";
  } catch (const Problem& p) {
    EXPECT_EQ(p.kind(), ProblemKind::invalid_field);
    std::set<std::string> fields;
    for (const auto& e : p.errors()) fields.insert(e.field);
    EXPECT_EQ(fields,
              (std::set<std::string>{"/name", "/count", "/flag", "/missing", "/small", "/typo"}));
  }
}

TEST(FieldReader, AcceptsWellTypedFields) {
  const auto body = parse_json_object(json_request(R"({"name":"Ada","count":3,"flag":false})"));
  FieldReader reader(body);
  EXPECT_EQ(reader.string("name", true), "Ada");
  EXPECT_EQ(reader.integer("count", true, 0, 10), 3);
  EXPECT_EQ(reader.boolean("flag", true), false);
  EXPECT_EQ(reader.string("optional", false), std::nullopt);
  EXPECT_NO_THROW(reader.finish());
}

TEST(FieldReader, StringsLongerThanTheLimitAreRejected) {
  const auto body = parse_json_object(json_request(R"({"name":"abcdef"})"));
  FieldReader reader(body);
  EXPECT_FALSE(reader.string("name", true, 5));
  EXPECT_THROW(reader.finish(), Problem);
}

TEST(QueryReader, RejectsNonIntegersAndOutOfRange) {
  Request r;
  r.query = {{"limit", "abc"}, {"year", "3000"}, {"ok", "12"}};
  QueryReader reader(r);
  EXPECT_FALSE(reader.integer("limit", 1, 100));
  EXPECT_FALSE(reader.integer("year", 1900, 2199));
  EXPECT_EQ(reader.integer("ok", 1, 100), 12);
  EXPECT_EQ(reader.integer("absent", 1, 100), std::nullopt);
  EXPECT_THROW(reader.finish(), Problem);
}

}  // namespace
}  // namespace oppenvard::http
