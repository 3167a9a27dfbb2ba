#pragma once
#include <optional>
#include <string>
#include <vector>

#include "db/database.hpp"
#include "db/migrations.hpp"
#include "identity/model.hpp"

namespace oppenvard::identity {

std::vector<db::Migration> migrations();

class Store {
 public:
  explicit Store(db::Database& db) : db_(db) {}

  void upsert_patient(const Patient& patient);
  void upsert_staff(const StaffMember& staff);  // replaces the assignments
  void link_guardian(const std::string& guardian_id, const std::string& child_id);

  std::optional<Patient> find_patient(const std::string& id_system, const std::string& id_value);
  std::optional<StaffMember> find_staff_by_hsa_id(const std::string& hsa_id);
  std::vector<std::string> children_of(const std::string& guardian_id);
  std::size_t count_patients();
  std::size_t count_staff();

 private:
  db::Database& db_;
};

}  // namespace oppenvard::identity
