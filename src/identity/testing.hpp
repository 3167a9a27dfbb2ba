#pragma once
// Callers for service tests: a patient (or a guardian acting for a child) and a staff member,
// each from a documentation address (RFC 5737).
#include <optional>
#include <string>

#include "identity/service.hpp"

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

}  // namespace oppenvard::identity::testing
