#include "http/message.hpp"

#include <boost/json/serialize.hpp>

#include <algorithm>
#include <cctype>

namespace oppenvard::http {
namespace {

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

std::optional<std::string_view> find(const Fields& fields, std::string_view name, bool fold) {
  for (const auto& [key, value] : fields) {
    if (fold ? iequals(key, name) : key == name) return std::string_view(value);
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string_view> Request::header(std::string_view lower_name) const {
  return find(headers, lower_name, false);
}

std::optional<std::string_view> Request::query_param(std::string_view name) const {
  return find(query, name, false);
}

std::string_view Request::param(std::string_view name) const {
  return find(params, name, false).value_or(std::string_view{});
}

void Response::set_header(std::string name, std::string value) {
  for (auto& [key, existing] : headers) {
    if (iequals(key, name)) {
      existing = std::move(value);
      return;
    }
  }
  headers.emplace_back(std::move(name), std::move(value));
}

std::optional<std::string_view> Response::header(std::string_view name) const {
  return find(headers, name, true);
}

Response Response::json(const boost::json::value& body, int status) {
  return text(boost::json::serialize(body), "application/json", status);
}

Response Response::text(std::string body, std::string content_type, int status) {
  Response response;
  response.status = status;
  response.headers.emplace_back("Content-Type", std::move(content_type));
  response.body = std::move(body);
  return response;
}

}  // namespace oppenvard::http
