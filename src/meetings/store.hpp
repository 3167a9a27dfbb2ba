#pragma once
// SQL for meetings, participants, invitations, the hosts' readiness, and the staff records
// that hosting depends on (remote-work approvals, training). Methods join the caller's
// transaction through the session they take.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/database.hpp"
#include "db/migrations.hpp"
#include "meetings/model.hpp"

namespace oppenvard::meetings {

std::vector<db::Migration> migrations();

class Store {
 public:
  explicit Store(db::Database& db) : db_(db) {}
  db::Database& database() { return db_; }

  // False when the appointment has a meeting already (another request was first).
  bool insert_meeting(soci::session& sql, const Meeting& m);
  void update_meeting(soci::session& sql, const Meeting& m);
  // Holds the meeting's row until the transaction ends, so joins, leaves, admissions and the
  // end of one meeting happen one after another (PostgreSQL; SQLite's writer lock does it).
  void lock_meeting(soci::session& sql, const std::string& id);
  std::optional<Meeting> find_meeting(soci::session& sql, const std::string& id);
  std::optional<Meeting> meeting_of_appointment(soci::session& sql,
                                                const std::string& appointment_id);

  void insert_participant(soci::session& sql, const Participant& p);
  void update_participant(soci::session& sql, const Participant& p);
  std::optional<Participant> find_participant(soci::session& sql, const std::string& id);
  std::optional<Participant> participant_by_token(soci::session& sql,
                                                  const std::string& token_hash);
  // The person's latest place in the meeting, whatever its state (rejected, left …).
  std::optional<Participant> latest_participant(soci::session& sql, const std::string& meeting_id,
                                                const std::string& person_kind,
                                                const std::string& person_id);
  std::vector<Participant> participants(soci::session& sql, const std::string& meeting_id);

  void insert_invitation(soci::session& sql, const Invitation& i);
  std::optional<Invitation> invitation_by_token(soci::session& sql, const std::string& token_hash);
  // Marks it used; false if someone used it first.
  bool use_invitation(soci::session& sql, const std::string& id, std::int64_t now_ms);

  void save_readiness(soci::session& sql, const std::string& meeting_id,
                      const std::string& staff_id, const Readiness& r, std::int64_t now_ms);
  bool readiness_recorded(soci::session& sql, const std::string& meeting_id,
                          const std::string& staff_id);
  void save_approval(soci::session& sql, const RemoteWorkApproval& a);
  std::optional<RemoteWorkApproval> approval(soci::session& sql, const std::string& staff_id,
                                             const std::string& care_unit_id);
  // Withdraws the approval (nothing happens if there was none).
  void delete_approval(soci::session& sql, const std::string& staff_id,
                       const std::string& care_unit_id);
  void save_training(soci::session& sql, const Training& t, std::int64_t now_ms);
  void delete_training(soci::session& sql, const std::string& staff_id);
  std::optional<Training> training(soci::session& sql, const std::string& staff_id);
  // Meetings at the unit this staff member hosted (was admitted to as host), other than one.
  int meetings_hosted(soci::session& sql, const std::string& staff_id,
                      const std::string& care_unit_id, const std::string& except_meeting_id);

 private:
  db::Database& db_;
};

}  // namespace oppenvard::meetings
