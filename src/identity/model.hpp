#pragma once
// People: patients identified by (system OID, value), staff by HSA-id with assignments
// to care units in a role. Sessions, log-in and guardianship rules build on these.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace oppenvard::identity {

enum class StaffRole { doctor, clinician, unit_manager, eservice_admin, region_admin };

std::string_view to_string(StaffRole role);
std::optional<StaffRole> staff_role_from(std::string_view text);

struct Patient {
  std::string id;         // UUIDv7
  std::string id_system;  // OID of the identifier kind (personnummer, samordningsnummer, …)
  std::string id_value;   // 12 digits for personnummer and samordningsnummer
  std::string given_name;
  std::string family_name;
  std::string birth_date;  // YYYY-MM-DD
  std::optional<std::string> phone;
  std::optional<std::string> email;
};

struct Assignment {
  std::optional<std::string> care_unit_id;  // empty for region-wide roles
  StaffRole role = StaffRole::clinician;
};

struct StaffMember {
  std::string id;
  std::string hsa_id;
  std::string given_name;
  std::string family_name;
  std::string title;  // e.g. "Distriktssköterska"
  std::vector<Assignment> assignments;
};

}  // namespace oppenvard::identity
