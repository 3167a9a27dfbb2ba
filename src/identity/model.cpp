#include "identity/model.hpp"

#include <array>
#include <utility>

namespace oppenvard::identity {
namespace {

constexpr std::array<std::pair<StaffRole, std::string_view>, 5> kRoles{{
    {StaffRole::doctor, "doctor"},
    {StaffRole::clinician, "clinician"},
    {StaffRole::unit_manager, "unit_manager"},
    {StaffRole::eservice_admin, "eservice_admin"},
    {StaffRole::region_admin, "region_admin"},
}};

}  // namespace

std::string_view to_string(StaffRole role) {
  for (const auto& [r, name] : kRoles) {
    if (r == role) return name;
  }
  return "";
}

std::optional<StaffRole> staff_role_from(std::string_view text) {
  for (const auto& [r, name] : kRoles) {
    if (name == text) return r;
  }
  return std::nullopt;
}

}  // namespace oppenvard::identity
