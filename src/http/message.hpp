#pragma once
// The request and response a capability sees. No Beast here: capabilities stay free of
// the network library and compile fast; src/http/server.cpp translates at the edge.
#include <boost/json/value.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace oppenvard::http {

using Fields = std::vector<std::pair<std::string, std::string>>;

struct Request {
  std::string method;  // "GET", "POST", …
  std::string target;  // as sent, with the query
  std::string path;    // percent-decoded path, no query
  Fields query;        // decoded query parameters in order
  Fields headers;      // names in lower case
  std::string body;
  std::string remote_address;
  std::string request_id;
  Fields params;  // filled by the router from "{name}" segments

  std::optional<std::string_view> header(std::string_view lower_name) const;
  std::optional<std::string_view> query_param(std::string_view name) const;
  std::string_view param(std::string_view name) const;
};

struct Response {
  int status = 200;
  Fields headers;
  std::string body;

  void set_header(std::string name, std::string value);
  std::optional<std::string_view> header(std::string_view name) const;

  static Response json(const boost::json::value& body, int status = 200);
  static Response text(std::string body, std::string content_type, int status = 200);
};

}  // namespace oppenvard::http
