#pragma once
// Routes by method and path pattern ("/api/v1/clinics/{id}"). Handlers are plain
// functions from Request to Response; the server decides where they run.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/message.hpp"

namespace oppenvard::http {

using Handler = std::function<Response(Request&)>;

struct RouteOptions {
  // Blocking handlers (anything touching the database or files) run on the blocking pool,
  // never on an I/O thread. Only pure, fast handlers may set this false.
  bool blocking = true;
  // Tried first, on the I/O thread: answers when it can without blocking (a cache hit) and
  // saves the trip to the blocking pool; nullopt falls through to the handler.
  std::function<std::optional<Response>(Request&)> try_inline;
};

struct Route {
  std::string method;
  std::string pattern;
  Handler handler;
  RouteOptions options;
  std::size_t index = 0;  // position in routes(); metrics use it
  std::vector<std::string> segments;
};

class Router {
 public:
  void add(std::string method, std::string pattern, Handler handler, RouteOptions options = {});

  struct Match {
    const Route* route = nullptr;  // null: no route for this method
    bool path_exists = false;      // some other method serves this path (405, not 404)
    std::vector<std::string> allowed_methods;
  };
  // Fills request params on a match. HEAD matches GET routes.
  Match match(std::string_view method, std::string_view path, Fields& params) const;

  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

// Splits "/a/b/" into {"a","b"}; empty segments are dropped.
std::vector<std::string_view> split_path(std::string_view path);

}  // namespace oppenvard::http
