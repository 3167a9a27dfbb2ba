#pragma once
#include <boost/json/value.hpp>

#include "directory/service.hpp"
#include "http/router.hpp"

namespace oppenvard::directory {

void register_routes(http::Router& router, Service& service);

// The public JSON form of a clinic (also used by later capabilities that embed one).
boost::json::object to_json(const Clinic& clinic);

}  // namespace oppenvard::directory
