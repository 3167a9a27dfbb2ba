#pragma once
// RFC 9457 problem details. Every error a client sees is one of these kinds; the kind
// fixes the status, the stable type URI and the Swedish/English title in one place.
#include <exception>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/message.hpp"

namespace oppenvard::http {

enum class ProblemKind {
  bad_request,
  malformed_json,
  invalid_field,
  unsupported_media_type,
  not_found,
  method_not_allowed,
  payload_too_large,
  headers_too_large,
  request_timeout,
  handler_timeout,
  unauthenticated,
  forbidden,
  conflict,
  too_many_requests,
  unavailable,
  internal,
};

struct FieldError {
  std::string field;    // JSON pointer or query parameter name
  std::string message;  // English, for integrators
};

// Thrown by handlers; the server turns it into problem+json. `detail` reaches the client
// and must hold no patient data, SQL or internals; `log_detail` goes only to the log.
class Problem : public std::exception {
 public:
  Problem(ProblemKind kind, std::string detail, std::vector<FieldError> errors = {},
          std::string log_detail = {});
  ProblemKind kind() const { return kind_; }
  const std::string& detail() const { return detail_; }
  const std::vector<FieldError>& errors() const { return errors_; }
  const std::string& log_detail() const { return log_detail_; }
  // For 429 and 503: tells the client when to try again (Retry-After, seconds).
  Problem& retry_after(int seconds) {
    retry_after_seconds_ = seconds;
    return *this;
  }
  std::optional<int> retry_after_seconds() const { return retry_after_seconds_; }
  // A stable machine-readable reason within the type (e.g. "slot_taken" for a conflict), so
  // clients need not read the English detail.
  Problem& code(std::string code) {
    code_ = std::move(code);
    return *this;
  }
  const std::string& code() const { return code_; }
  const char* what() const noexcept override { return detail_.c_str(); }

 private:
  ProblemKind kind_;
  std::string detail_;
  std::vector<FieldError> errors_;
  std::string log_detail_;
  std::optional<int> retry_after_seconds_;
  std::string code_;
};

enum class Language { sv, en };

// "en" when the client prefers English (Accept-Language), Swedish otherwise.
Language preferred_language(std::string_view accept_language);

int status_of(ProblemKind kind);
std::string type_of(ProblemKind kind);  // "urn:oppenvard:problem:<slug>"
std::string_view title_of(ProblemKind kind, Language language);

Response problem_response(const Problem& problem, Language language, std::string_view request_id);

}  // namespace oppenvard::http
