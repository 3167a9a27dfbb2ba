#pragma once
// SQL for appointment types, opening hours, slots, appointments, absences that block slots,
// and the suitability records. Blocking; methods taking a session join the caller's transaction.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "booking/model.hpp"
#include "db/database.hpp"
#include "db/migrations.hpp"

namespace oppenvard::booking {

std::vector<db::Migration> migrations();

struct SlotQuery {
  std::string care_unit_id;
  std::optional<std::string> staff_id;
  std::optional<std::string> appointment_type_id;
  std::int64_t from_ms = 0;
  std::int64_t to_ms = 0;
  bool free_only = true;
  bool self_bookable_only = false;
  int limit = 200;
};

struct AppointmentQuery {
  std::optional<std::string> care_unit_id;
  std::optional<std::string> patient_id;
  std::optional<std::string> staff_id;
  std::int64_t from_ms = 0;
  std::int64_t to_ms = 0;
  bool include_cancelled = false;
};

class Store {
 public:
  explicit Store(db::Database& db) : db_(db) {}
  db::Database& database() { return db_; }

  bool unit_exists(soci::session& sql, const std::string& care_unit_id);

  // Inserts of rows with a given id are idempotent (demo data runs at every start).
  void insert_type(soci::session& sql, const AppointmentType& t);
  std::optional<AppointmentType> find_type(soci::session& sql, const std::string& id);
  std::vector<AppointmentType> types(soci::session& sql, const std::string& care_unit_id);

  void insert_opening_hours(soci::session& sql, const OpeningHours& h);
  std::vector<OpeningHours> opening_hours(soci::session& sql, const std::string& care_unit_id);

  // Inserts the slot unless the staff member already has one starting then; true if inserted.
  bool insert_slot(soci::session& sql, const Slot& slot);
  std::optional<Slot> find_slot(soci::session& sql, const std::string& id, std::int64_t now_ms);
  std::vector<Slot> slots(soci::session& sql, const SlotQuery& query);

  // Absences block the staff member's slots in [from, to).
  void insert_block(soci::session& sql, const std::string& staff_id, std::int64_t from_ms,
                    std::int64_t to_ms, const std::string& reason);
  // Absences of the unit's staff that end after `from_ms`, earliest first.
  std::vector<Absence> absences(soci::session& sql, const std::string& care_unit_id,
                                std::int64_t from_ms);

  // Fails with a unique-constraint error when the slot already has a live appointment: that
  // constraint, not a prior read, is what makes double booking impossible.
  void insert_appointment(soci::session& sql, const Appointment& a);
  void update_appointment(soci::session& sql, const Appointment& a);
  std::optional<Appointment> find_appointment(soci::session& sql, const std::string& id);
  std::vector<Appointment> appointments(soci::session& sql, const AppointmentQuery& query);

  bool has_disability_flag(soci::session& sql, const std::string& patient_id);
  void set_disability_flag(soci::session& sql, const std::string& patient_id, bool flagged,
                           const std::string& recorded_by, std::int64_t at_ms);
  void insert_maturity_assessment(soci::session& sql, const MaturityAssessment& m);
  std::optional<MaturityAssessment> latest_maturity_assessment(soci::session& sql,
                                                               const std::string& patient_id,
                                                               const std::string& care_unit_id);

 private:
  db::Database& db_;
};

// True when a database error is a unique-constraint violation (SQLite and PostgreSQL).
bool is_unique_violation(const std::exception& e);

}  // namespace oppenvard::booking
