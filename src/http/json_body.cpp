#include "http/json_body.hpp"

#include <boost/json/parse.hpp>

#include <charconv>

namespace oppenvard::http {

boost::json::object parse_json_object(const Request& request) {
  const auto type = request.header("content-type").value_or("");
  const auto base = type.substr(0, type.find(';'));
  if (base != "application/json" && !base.ends_with("+json")) {
    throw Problem(ProblemKind::unsupported_media_type, "Send the body as application/json.");
  }
  boost::system::error_code ec;
  boost::json::value value = boost::json::parse(request.body, ec);
  if (ec) {
    throw Problem(ProblemKind::malformed_json, "The body is not valid JSON: " + ec.message() + ".");
  }
  if (!value.is_object()) {
    throw Problem(ProblemKind::invalid_field, "The body must be a JSON object.",
                  {{"/", "expected an object"}});
  }
  return std::move(value.as_object());
}

const boost::json::value* FieldReader::lookup(std::string_view name, bool required) {
  known_.emplace(name);
  const auto* value = object_.if_contains(name);
  if (value == nullptr || value->is_null()) {
    if (required) fail(name, "is required");
    return nullptr;
  }
  return value;
}

void FieldReader::fail(std::string_view name, std::string message) {
  errors_.push_back({"/" + std::string(name), std::move(message)});
}

std::optional<std::string> FieldReader::string(std::string_view name, bool required,
                                               std::size_t max_length) {
  const auto* value = lookup(name, required);
  if (value == nullptr) return std::nullopt;
  if (!value->is_string()) {
    fail(name, "must be a string");
    return std::nullopt;
  }
  const auto& s = value->get_string();
  if (s.size() > max_length) {
    fail(name, "must be at most " + std::to_string(max_length) + " bytes");
    return std::nullopt;
  }
  return std::string(s);
}

std::optional<std::int64_t> FieldReader::integer(std::string_view name, bool required,
                                                 std::int64_t min, std::int64_t max) {
  const auto* value = lookup(name, required);
  if (value == nullptr) return std::nullopt;
  std::optional<std::int64_t> n;
  if (value->is_int64()) n = value->get_int64();
  if (value->is_uint64() && value->get_uint64() <= static_cast<std::uint64_t>(INT64_MAX)) {
    n = static_cast<std::int64_t>(value->get_uint64());
  }
  if (!n) {
    fail(name, "must be an integer");
    return std::nullopt;
  }
  if (*n < min || *n > max) {
    fail(name, "must be between " + std::to_string(min) + " and " + std::to_string(max));
    return std::nullopt;
  }
  return n;
}

std::optional<bool> FieldReader::boolean(std::string_view name, bool required) {
  const auto* value = lookup(name, required);
  if (value == nullptr) return std::nullopt;
  if (!value->is_bool()) {
    fail(name, "must be true or false");
    return std::nullopt;
  }
  return value->get_bool();
}

const boost::json::object* FieldReader::object(std::string_view name, bool required) {
  const auto* value = lookup(name, required);
  if (value == nullptr) return nullptr;
  if (!value->is_object()) {
    fail(name, "must be an object");
    return nullptr;
  }
  return &value->get_object();
}

const boost::json::array* FieldReader::array(std::string_view name, bool required) {
  const auto* value = lookup(name, required);
  if (value == nullptr) return nullptr;
  if (!value->is_array()) {
    fail(name, "must be an array");
    return nullptr;
  }
  return &value->get_array();
}

void FieldReader::finish() {
  for (const auto& [key, value] : object_) {
    if (!known_.contains(std::string_view(key))) fail(key, "is not a known field");
  }
  if (!errors_.empty()) {
    throw Problem(ProblemKind::invalid_field, "Some fields are missing or wrong.",
                  std::move(errors_));
  }
}

std::optional<std::string> QueryReader::string(std::string_view name, std::size_t max_length) {
  const auto value = request_.query_param(name);
  if (!value) return std::nullopt;
  if (value->size() > max_length) {
    errors_.push_back(
        {std::string(name), "must be at most " + std::to_string(max_length) + " bytes"});
    return std::nullopt;
  }
  return std::string(*value);
}

std::optional<std::int64_t> QueryReader::integer(std::string_view name, std::int64_t min,
                                                 std::int64_t max) {
  const auto value = request_.query_param(name);
  if (!value) return std::nullopt;
  std::int64_t n = 0;
  const auto* end = value->data() + value->size();
  const auto [ptr, ec] = std::from_chars(value->data(), end, n);
  if (ec != std::errc{} || ptr != end) {
    errors_.push_back({std::string(name), "must be an integer"});
    return std::nullopt;
  }
  if (n < min || n > max) {
    errors_.push_back({std::string(name),
                       "must be between " + std::to_string(min) + " and " + std::to_string(max)});
    return std::nullopt;
  }
  return n;
}

void QueryReader::finish() {
  if (!errors_.empty()) {
    throw Problem(ProblemKind::invalid_field, "Some query parameters are wrong.",
                  std::move(errors_));
  }
}

}  // namespace oppenvard::http
