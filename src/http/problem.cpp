#include "http/problem.hpp"

#include <boost/json.hpp>

namespace oppenvard::http {
namespace {

struct KindInfo {
  int status;
  std::string_view slug;
  std::string_view title_sv;
  std::string_view title_en;
};

KindInfo info(ProblemKind kind) {
  switch (kind) {
    case ProblemKind::bad_request:
      return {400, "bad-request", "Felaktig begäran", "Bad request"};
    case ProblemKind::malformed_json:
      return {400, "malformed-json", "Ogiltig JSON", "Malformed JSON"};
    case ProblemKind::invalid_field:
      return {422, "invalid-field", "Ogiltiga uppgifter", "Invalid fields"};
    case ProblemKind::unsupported_media_type:
      return {415, "unsupported-media-type", "Innehållstypen stöds inte", "Unsupported media type"};
    case ProblemKind::not_found:
      return {404, "not-found", "Hittades inte", "Not found"};
    case ProblemKind::method_not_allowed:
      return {405, "method-not-allowed", "Metoden är inte tillåten", "Method not allowed"};
    case ProblemKind::payload_too_large:
      return {413, "payload-too-large", "För stort innehåll", "Payload too large"};
    case ProblemKind::headers_too_large:
      return {431, "headers-too-large", "För stora rubrikfält", "Request headers too large"};
    case ProblemKind::request_timeout:
      return {408, "request-timeout", "Begäran tog för lång tid", "Request timeout"};
    case ProblemKind::handler_timeout:
      return {503, "handler-timeout", "Svaret dröjde för länge", "The answer took too long"};
    case ProblemKind::unauthenticated:
      return {401, "unauthenticated", "Inloggning krävs", "Authentication required"};
    case ProblemKind::forbidden:
      return {403, "forbidden", "Åtkomst nekad", "Forbidden"};
    case ProblemKind::conflict:
      return {409, "conflict", "Konflikt", "Conflict"};
    case ProblemKind::too_many_requests:
      return {429, "too-many-requests", "För många försök", "Too many requests"};
    case ProblemKind::unavailable:
      return {503, "unavailable", "Tjänsten är inte tillgänglig", "Service unavailable"};
    case ProblemKind::internal:
      break;
  }
  return {500, "internal", "Ett internt fel inträffade", "Internal error"};
}

}  // namespace

Problem::Problem(ProblemKind kind, std::string detail, std::vector<FieldError> errors,
                 std::string log_detail)
    : kind_(kind),
      detail_(std::move(detail)),
      errors_(std::move(errors)),
      log_detail_(std::move(log_detail)) {}

Language preferred_language(std::string_view accept_language) {
  // The first listed language wins; quality weights beyond that are not worth parsing here.
  while (!accept_language.empty() && accept_language.front() == ' ')
    accept_language.remove_prefix(1);
  if (accept_language.size() >= 2 && (accept_language[0] == 'e' || accept_language[0] == 'E') &&
      (accept_language[1] == 'n' || accept_language[1] == 'N')) {
    return Language::en;
  }
  return Language::sv;
}

int status_of(ProblemKind kind) {
  return info(kind).status;
}

std::string type_of(ProblemKind kind) {
  return "urn:oppenvard:problem:" + std::string(info(kind).slug);
}

std::string_view title_of(ProblemKind kind, Language language) {
  const KindInfo i = info(kind);
  return language == Language::en ? i.title_en : i.title_sv;
}

Response problem_response(const Problem& problem, Language language, std::string_view request_id) {
  boost::json::object body;
  body["type"] = type_of(problem.kind());
  body["title"] = title_of(problem.kind(), language);
  body["status"] = status_of(problem.kind());
  if (!problem.code().empty()) body["code"] = problem.code();
  if (!problem.detail().empty()) body["detail"] = problem.detail();
  if (!request_id.empty()) body["request_id"] = request_id;
  if (!problem.errors().empty()) {
    boost::json::array errors;
    for (const auto& e : problem.errors()) {
      errors.push_back(boost::json::object{{"field", e.field}, {"message", e.message}});
    }
    body["errors"] = std::move(errors);
  }
  Response response = Response::json(body, status_of(problem.kind()));
  response.set_header("Content-Type", "application/problem+json");
  response.set_header("Content-Language", language == Language::en ? "en" : "sv");
  if (problem.retry_after_seconds()) {
    response.set_header("Retry-After", std::to_string(*problem.retry_after_seconds()));
  }
  return response;
}

}  // namespace oppenvard::http
