#pragma once
// Fictional demo data for the embedded default: one region, two administrations, four
// clinics, staff in every role and patients covering the age rules (child with two
// guardians, a 15-year-old, samordningsnummer, 85+, adults). Idempotent: fixed ids, upserts.
#include <string>
#include <vector>

#include "db/database.hpp"

namespace oppenvard::app {

struct DemoPerson {
  std::string who;  // "patient", "guardian", "staff: doctor", …
  std::string name;
  std::string identifier;  // display form; fictional
};

// The password of every demo staff member (demo mode only), followed by TOTP enrolment.
inline constexpr const char* kDemoStaffPassword = "demo";

void load_demo_data(db::Database& db);

// The people a visitor can try, for the start-up banner.
std::vector<DemoPerson> demo_people();

}  // namespace oppenvard::app
