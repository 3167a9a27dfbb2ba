#pragma once
// SQL for the directory. Blocking: runs on the blocking pool.
#include <optional>
#include <string>
#include <vector>

#include "db/database.hpp"
#include "db/migrations.hpp"
#include "directory/model.hpp"

namespace oppenvard::directory {

std::vector<db::Migration> migrations();

struct NewAdministration {
  std::string id;
  std::string name;
  std::string owner;  // "region" or "municipality"
};

class Store {
 public:
  explicit Store(db::Database& db) : db_(db) {}

  ClinicPage list(const ClinicQuery& query);
  std::optional<Clinic> find(const std::string& id);

  // Writes used by demo data and, later, the catalogue administration.
  void upsert_region(const std::string& id, const std::string& name);
  void upsert_administration(const std::string& region_id, const NewAdministration& a);
  void upsert_clinic(const Clinic& clinic);
  void upsert_eservice_kind(const EServiceOffer& kind, int sort_order,
                            const std::optional<std::string>& owner_clinic_id);
  void set_offer(const std::string& clinic_id, const std::string& code, EServiceStatus status,
                 const std::optional<std::string>& reason);

 private:
  void load_offers(soci::session& sql, std::vector<Clinic>& clinics);
  db::Database& db_;
};

}  // namespace oppenvard::directory
