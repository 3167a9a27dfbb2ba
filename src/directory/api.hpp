#pragma once
#include <boost/json/value.hpp>

#include "directory/service.hpp"
#include "http/response_cache.hpp"
#include "http/router.hpp"

namespace oppenvard::directory {

// `cache` holds whole responses of these public reads (see http::ResponseCache).
void register_routes(http::Router& router, Service& service, http::ResponseCache& cache);

// The public JSON form of a clinic (also used by later capabilities that embed one).
boost::json::object to_json(const Clinic& clinic);

}  // namespace oppenvard::directory
