#pragma once
#include <optional>
#include <string>
#include <vector>

#include "db/database.hpp"
#include "db/migrations.hpp"
#include "identity/model.hpp"

namespace oppenvard::identity {

std::vector<db::Migration> migrations();

struct Session {
  std::string token_hash;
  std::string person_kind;  // "patient" | "staff"
  std::string person_id;
  std::string assurance;
  std::string csrf_token;
  std::optional<std::string> acting_for;  // a child's patient id
  std::int64_t created_at_ms = 0;
  std::int64_t last_seen_at_ms = 0;
  std::int64_t absolute_expires_at_ms = 0;
};

struct DemoOrder {
  std::string order_ref;
  std::string person_kind;
  std::string person_id;
  std::int64_t started_at_ms = 0;
  std::string status;  // "pending" | "collected" | "cancelled"
};

struct AssignmentView {
  std::string care_unit_id;
  std::string care_unit_name;
  StaffRole role = StaffRole::clinician;
};

struct StaffCredentials {
  std::string staff_id;
  std::string password_hash;               // argon2id, libsodium's string form
  std::optional<std::string> totp_secret;  // base32
  bool totp_confirmed = false;
  std::int64_t totp_last_step = 0;
  std::optional<std::string> reset_email;
  std::optional<std::string> reset_phone;
};

class Store {
 public:
  explicit Store(db::Database& db) : db_(db) {}

  void upsert_patient(const Patient& patient);
  void upsert_staff(const StaffMember& staff);  // replaces the assignments
  void link_guardian(const std::string& guardian_id, const std::string& child_id);

  std::optional<Patient> find_patient(const std::string& id_system, const std::string& id_value);
  std::optional<Patient> find_patient(soci::session& sql, const std::string& id_system,
                                      const std::string& id_value);
  std::optional<StaffMember> find_staff_by_hsa_id(const std::string& hsa_id);
  std::vector<std::string> children_of(const std::string& guardian_id);
  std::size_t count_patients();
  std::size_t count_staff();

  std::optional<Patient> find_patient_by_id(const std::string& id);
  std::optional<StaffMember> find_staff_by_id(const std::string& id);
  // The same inside a caller's transaction: a service holding a pooled connection must not
  // wait for a second one (under load every connection may be held by such a service).
  std::optional<Patient> find_patient_by_id(soci::session& sql, const std::string& id);
  std::optional<StaffMember> find_staff_by_id(soci::session& sql, const std::string& id);
  std::vector<AssignmentView> assignments_with_units(soci::session& sql,
                                                     const std::string& staff_id);
  std::vector<Patient> children_of_guardian(const std::string& guardian_id);
  std::vector<AssignmentView> assignments_with_units(const std::string& staff_id);
  // Makes `staff_ids` the only holders of `role` at the unit, inside the caller's transaction
  // (e.g. the e-service administrators designated by the unit manager).
  void replace_role_holders(soci::session& sql, const std::string& care_unit_id, StaffRole role,
                            const std::vector<std::string>& staff_ids);
  // Everyone with an assignment at the unit, whatever the role, by name.
  std::vector<StaffMember> staff_at_unit(soci::session& sql, const std::string& care_unit_id);
  std::vector<Patient> all_patients();
  std::vector<StaffMember> all_staff();

  void insert_session(const Session& session);
  std::optional<Session> find_session(const std::string& token_hash, std::int64_t now_ms);
  void touch_session(const std::string& token_hash, std::int64_t now_ms);
  void set_acting_for(const std::string& token_hash, const std::optional<std::string>& patient_id);
  void end_session(const std::string& token_hash, std::int64_t now_ms);
  std::size_t end_all_sessions(const std::string& person_kind, const std::string& person_id,
                               std::int64_t now_ms);

  std::optional<StaffCredentials> find_credentials(const std::string& staff_id);
  void set_password(const std::string& staff_id, const std::string& password_hash,
                    std::int64_t now_ms);
  void set_totp(const std::string& staff_id, const std::string& secret, bool confirmed);
  // Records a used TOTP step; false if that step (or a later one) was used already.
  bool use_totp_step(const std::string& staff_id, std::int64_t step);
  void set_reset_contacts(const std::string& staff_id, const std::string& email,
                          const std::string& phone);
  void insert_challenge(const std::string& challenge_hash, const std::string& staff_id,
                        std::int64_t now_ms);
  // The staff id of an unused challenge younger than `max_age_ms`, and marks it used.
  std::optional<std::string> consume_challenge(const std::string& challenge_hash,
                                               std::int64_t now_ms, std::int64_t max_age_ms);

  void insert_demo_order(const DemoOrder& order);
  std::optional<DemoOrder> find_demo_order(const std::string& order_ref);
  // Moves a pending order to `status`; false if it was not pending (collected twice, …).
  bool finish_demo_order(const std::string& order_ref, const std::string& status);

 private:
  db::Database& db_;
};

}  // namespace oppenvard::identity
