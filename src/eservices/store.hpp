#pragma once
// SQL for cases, threads, answer clocks, absences, the clinic's e-service settings and
// attachments' metadata. Blocking: runs on the blocking pool. Methods taking a session run
// inside the caller's transaction.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/database.hpp"
#include "db/migrations.hpp"
#include "eservices/model.hpp"

namespace oppenvard::eservices {

std::vector<db::Migration> migrations();

// A service kind as the clinic's administrator sees it: every kind, with the clinic's
// status ("off" when the clinic has no row for it).
struct CatalogueEntry {
  std::string code;
  std::string category;
  std::string name_sv;
  std::string name_en;
  std::string status;
  std::optional<std::string> reason;
  std::optional<std::string> owner_care_unit_id;  // set for the clinic's own forms
};

struct ClinicSettings {
  bool published = false;
  ImageRoutine images;
};

struct UnitClock {
  std::string care_unit_id;
  std::string service_code;
  AnswerClock clock;
};

struct Absence {
  std::string staff_id;
  std::int64_t from_ms = 0;
  std::int64_t to_ms = 0;
};

struct UnitRef {
  std::string id;
  std::string name;
  std::string administration_id;
  std::string administration_name;
};

class Store {
 public:
  explicit Store(db::Database& db) : db_(db) {}
  db::Database& database() { return db_; }

  std::optional<UnitRef> unit(soci::session& sql, const std::string& care_unit_id);
  // Every care unit, or those of one administration, in name order.
  std::vector<UnitRef> units(soci::session& sql,
                             const std::optional<std::string>& administration_id);

  // --- catalogue ---
  std::vector<CatalogueEntry> catalogue(soci::session& sql, const std::string& care_unit_id);
  std::optional<CatalogueEntry> catalogue_entry(soci::session& sql, const std::string& care_unit_id,
                                                const std::string& code);
  void set_offer(soci::session& sql, const std::string& care_unit_id, const std::string& code,
                 const std::string& status, const std::optional<std::string>& reason);
  // A clinic's own contact form: a custom service kind owned by the unit, switched on.
  void insert_own_form(soci::session& sql, const CatalogueEntry& entry);
  ClinicSettings settings(soci::session& sql, const std::string& care_unit_id);
  void save_settings(soci::session& sql, const std::string& care_unit_id,
                     const ClinicSettings& settings);
  std::vector<std::string> eservice_admins(soci::session& sql, const std::string& care_unit_id);
  // Staff ids holding any role at the unit.
  std::vector<std::string> staff_of_unit(soci::session& sql, const std::string& care_unit_id);

  ClinicInformation information(soci::session& sql, const std::string& care_unit_id);
  void replace_information(soci::session& sql, const std::string& care_unit_id,
                           const ClinicInformation& information);

  // --- cases ---
  void insert_case(soci::session& sql, const Case& c);
  void update_case(soci::session& sql, const Case& c);
  std::optional<Case> find_case(soci::session& sql, const std::string& id);
  void insert_message(soci::session& sql, const Message& m);
  std::vector<Message> messages(soci::session& sql, const std::string& case_id);

  void start_clock(soci::session& sql, const std::string& case_id, const std::string& care_unit_id,
                   const std::string& service_code, const AnswerClock& clock);
  // Stops every open clock of the case at `at_ms`.
  void stop_clocks(soci::session& sql, const std::string& case_id, std::int64_t at_ms);
  std::optional<std::int64_t> earliest_open_due(soci::session& sql, const std::string& case_id);

  // Open and closed cases of a unit with the names a list needs; filtering by InboxFilter
  // happens in rules (visible_in_inbox) over this set.
  std::vector<CaseSummary> unit_cases(soci::session& sql, const std::string& care_unit_id,
                                      bool closed, std::int64_t now_ms);
  std::vector<CaseSummary> patient_cases(soci::session& sql, const std::string& patient_id);
  std::vector<CaseSummary> undocumented(soci::session& sql, const std::string& care_unit_id,
                                        std::int64_t closed_before_ms);

  // --- escalations (E3) ---
  // Open cases whose earliest deadline is before `due_before_ms`.
  std::vector<Case> cases_due_before(soci::session& sql, std::int64_t due_before_ms);
  // False when this escalation was already raised (by this node or another).
  bool insert_escalation(soci::session& sql, const Escalation& e);
  std::vector<Escalation> escalations(soci::session& sql, const std::string& care_unit_id,
                                      std::int64_t since_ms);

  // --- absence (M4) ---
  void set_absence(soci::session& sql, const Absence& absence);
  void clear_absence(soci::session& sql, const std::string& staff_id);
  std::optional<Absence> absence_of(soci::session& sql, const std::string& staff_id,
                                    std::int64_t now_ms);

  // --- follow-up (E4) ---
  // Clocks started in [from, to) at the unit, with their service.
  std::vector<UnitClock> clocks(soci::session& sql, const std::string& care_unit_id,
                                std::int64_t from_ms, std::int64_t to_ms);
  // Service codes of the cases created in [from, to) at the unit, one entry per case.
  std::vector<std::string> case_services(soci::session& sql, const std::string& care_unit_id,
                                         std::int64_t from_ms, std::int64_t to_ms);

  // --- attachments (M3) ---
  void insert_attachment(soci::session& sql, const Attachment& a);
  std::optional<Attachment> find_attachment(soci::session& sql, const std::string& id);
  std::vector<Attachment> attachments(soci::session& sql, const std::string& case_id);
  // Attachments past their retention; removed from the table by delete_attachment.
  std::vector<Attachment> expired_attachments(soci::session& sql, std::int64_t now_ms);
  void delete_attachment(soci::session& sql, const std::string& id);

 private:
  db::Database& db_;
};

}  // namespace oppenvard::eservices
