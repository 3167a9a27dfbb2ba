#pragma once
// Reading JSON request bodies and query strings strictly: every wrong type, missing or
// unknown field becomes one invalid-field problem listing all of them at once.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "http/message.hpp"
#include "http/problem.hpp"

namespace oppenvard::http {

// The body as a JSON object; 415 unless Content-Type is JSON, 400 if it is not JSON,
// 422 if it is JSON but not an object.
boost::json::object parse_json_object(const Request& request);

class FieldReader {
 public:
  explicit FieldReader(const boost::json::object& object) : object_(object) {}

  std::optional<std::string> string(std::string_view name, bool required,
                                    std::size_t max_length = 1000);
  std::optional<std::int64_t> integer(std::string_view name, bool required, std::int64_t min,
                                      std::int64_t max);
  std::optional<bool> boolean(std::string_view name, bool required);
  // Nested values, checked for their type only; null when missing or of another type.
  const boost::json::object* object(std::string_view name, bool required);
  const boost::json::array* array(std::string_view name, bool required);

  void fail(std::string_view name, std::string message);
  // Throws invalid_field listing every problem found, including fields nobody asked for.
  void finish();

 private:
  const boost::json::value* lookup(std::string_view name, bool required);
  const boost::json::object& object_;
  std::set<std::string, std::less<>> known_;
  std::vector<FieldError> errors_;
};

// Query parameters, validated the same way.
class QueryReader {
 public:
  explicit QueryReader(const Request& request) : request_(request) {}
  std::optional<std::string> string(std::string_view name, std::size_t max_length = 200);
  std::optional<std::int64_t> integer(std::string_view name, std::int64_t min, std::int64_t max);
  void finish();

 private:
  const Request& request_;
  std::vector<FieldError> errors_;
};

}  // namespace oppenvard::http
