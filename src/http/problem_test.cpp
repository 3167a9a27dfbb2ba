#include "http/problem.hpp"

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include <set>

namespace oppenvard::http {
namespace {

TEST(Problem, EveryKindHasAStableTypeStatusAndBothTitles) {
  const std::vector<std::pair<ProblemKind, int>> expected{
      {ProblemKind::bad_request, 400},       {ProblemKind::malformed_json, 400},
      {ProblemKind::invalid_field, 422},     {ProblemKind::unsupported_media_type, 415},
      {ProblemKind::not_found, 404},         {ProblemKind::method_not_allowed, 405},
      {ProblemKind::payload_too_large, 413}, {ProblemKind::headers_too_large, 431},
      {ProblemKind::request_timeout, 408},   {ProblemKind::handler_timeout, 503},
      {ProblemKind::unauthenticated, 401},   {ProblemKind::forbidden, 403},
      {ProblemKind::conflict, 409},          {ProblemKind::too_many_requests, 429},
      {ProblemKind::unavailable, 503},       {ProblemKind::internal, 500}};
  std::set<std::string> types;
  for (const auto& [kind, status] : expected) {
    EXPECT_EQ(status_of(kind), status);
    EXPECT_TRUE(type_of(kind).starts_with("urn:oppenvard:problem:"));
    EXPECT_TRUE(types.insert(type_of(kind)).second) << "type reused: " << type_of(kind);
    EXPECT_FALSE(title_of(kind, Language::sv).empty());
    EXPECT_FALSE(title_of(kind, Language::en).empty());
    EXPECT_NE(title_of(kind, Language::sv), title_of(kind, Language::en));
  }
}

TEST(Problem, ResponseIsProblemJsonWithFieldErrors) {
  const Problem p(ProblemKind::invalid_field, "Some fields are wrong.",
                  {{"/arrived", "must be a string"}});
  const Response r = problem_response(p, Language::en, "req-1");
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(r.header("content-type"), "application/problem+json");
  EXPECT_EQ(r.header("Content-Language"), "en");
  const auto body = boost::json::parse(r.body).as_object();
  EXPECT_EQ(body.at("type"), "urn:oppenvard:problem:invalid-field");
  EXPECT_EQ(body.at("title"), "Invalid fields");
  EXPECT_EQ(body.at("status"), 422);
  EXPECT_EQ(body.at("detail"), "Some fields are wrong.");
  EXPECT_EQ(body.at("request_id"), "req-1");
  EXPECT_EQ(body.at("errors").as_array().at(0).at("field"), "/arrived");
}

TEST(Problem, AStableCodeNamesTheReasonWithinTheType) {
  auto p = Problem(ProblemKind::conflict, "Someone else booked this time.").code("slot_taken");
  const auto body = boost::json::parse(problem_response(p, Language::sv, "").body).as_object();
  EXPECT_EQ(body.at("type"), "urn:oppenvard:problem:conflict");
  EXPECT_EQ(body.at("code"), "slot_taken");
  const auto plain = Problem(ProblemKind::conflict, "x");
  EXPECT_FALSE(boost::json::parse(problem_response(plain, Language::sv, "").body)
                   .as_object()
                   .contains("code"));
}

TEST(Problem, LogDetailNeverReachesTheClient) {
  const Problem p(ProblemKind::internal, "Something went wrong on our side.", {},
                  "SELECT secret FROM patients");
  const Response r = problem_response(p, Language::sv, "");
  EXPECT_EQ(r.body.find("SELECT"), std::string::npos);
  EXPECT_EQ(r.body.find("request_id"), std::string::npos);
}

TEST(Problem, SwedishUnlessEnglishIsPreferred) {
  EXPECT_EQ(preferred_language(""), Language::sv);
  EXPECT_EQ(preferred_language("sv-SE,sv;q=0.9,en;q=0.8"), Language::sv);
  EXPECT_EQ(preferred_language("en-GB,en;q=0.9"), Language::en);
  EXPECT_EQ(preferred_language(" EN"), Language::en);
  EXPECT_EQ(preferred_language("de"), Language::sv);
}

}  // namespace
}  // namespace oppenvard::http
