#include "directory/service.hpp"

#include <algorithm>

#include "db/uuid.hpp"

namespace oppenvard::directory {

ClinicPage Service::list(ClinicQuery query) {
  query.limit = std::clamp(query.limit, 1, kMaxPageSize);
  return store_.list(query);
}

Clinic Service::get(const std::string& id) {
  // A malformed id cannot name a clinic: answer "not found" without asking the database.
  if (!db::is_uuid(id)) throw DirectoryError(Error::clinic_not_found);
  auto clinic = store_.find(id);
  if (!clinic) throw DirectoryError(Error::clinic_not_found);
  return std::move(*clinic);
}

}  // namespace oppenvard::directory
