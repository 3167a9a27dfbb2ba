#pragma once
// Routes of the audit log: unit managers review their units' accesses (filters, a random
// sample for the systematic review, reviews with a note); patients read their own log
// extract. Reading the log is itself recorded.
#include <functional>
#include <string>

#include "audit/service.hpp"
#include "http/router.hpp"
#include "identity/service.hpp"

namespace oppenvard::audit {

// The display name of a care unit ("" if unknown), for the patient's extract.
using UnitName = std::function<std::string(const std::string& care_unit_id)>;

void register_routes(http::Router& router, Service& audit, identity::Service& identity,
                     UnitName unit_name);

}  // namespace oppenvard::audit
