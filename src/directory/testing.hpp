#pragma once
// A region with one administration and the given clinics (id, name), for store and service
// tests of the capabilities that hang off care units.
#include <string>
#include <utility>
#include <vector>

#include "directory/store.hpp"

namespace oppenvard::directory::testing {

inline void seed_clinics(db::Database& db,
                         const std::vector<std::pair<std::string, std::string>>& clinics) {
  Store directory(db);
  directory.upsert_region("region", "Region");
  directory.upsert_administration("region", {"adm", "Primärvården", "region"});
  for (const auto& [id, name] : clinics) {
    Clinic c;
    c.id = id;
    c.hsa_id = "SE2321000131-E" + id;
    c.name = name;
    c.administration_id = "adm";
    directory.upsert_clinic(c);
  }
}

}  // namespace oppenvard::directory::testing
