#pragma once
// Callers for service tests: a patient (or a guardian acting for a child) and a staff member,
// each from a documentation address (RFC 5737).
#include <optional>
#include <string>

#include "identity/service.hpp"
#include "identity/store.hpp"

namespace oppenvard::identity::testing {

inline Caller patient(const std::string& id, std::optional<std::string> acting_for = {}) {
  Principal p;
  p.person_kind = "patient";
  p.person_id = id;
  p.acting_for = std::move(acting_for);
  return {p, "192.0.2.1"};
}

inline Caller staff(const std::string& id) {
  Principal p;
  p.person_kind = "staff";
  p.person_id = id;
  return {p, "192.0.2.2"};
}

// The cast every capability's service tests share: Erik (a patient born 1975), Karin (a
// doctor) and Mats (the unit manager) at `unit`. Tests add whoever else they need.
inline void seed_people(Store& people, const std::string& unit) {
  people.upsert_patient({"erik", "1.2.752.129.2.1.3.1", "197506119812", "Erik", "Sandberg",
                         "1975-06-11", std::nullopt, std::nullopt});
  people.upsert_staff({"karin", "SE1", "Karin", "Ekström", "Läkare", {{unit, StaffRole::doctor}}});
  people.upsert_staff(
      {"mats", "SE3", "Mats", "Johansson", "Enhetschef", {{unit, StaffRole::unit_manager}}});
}

}  // namespace oppenvard::identity::testing
