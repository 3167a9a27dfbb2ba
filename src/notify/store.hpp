#pragma once
// SQL for consents, clinic SMS settings, template overrides, the outbox (notifications and
// their deliveries, claimed under a lease so that several nodes never deliver one twice at
// once), staff preferences and the staff notification centre. Methods join the caller's
// transaction through the session they take.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/database.hpp"
#include "db/migrations.hpp"
#include "notify/model.hpp"

namespace oppenvard::notify {

std::vector<db::Migration> migrations();

struct DeliveryQuery {
  std::optional<DeliveryStatus> status;
  int limit = 100;
};

class Store {
 public:
  explicit Store(db::Database& db) : db_(db) {}
  db::Database& database() { return db_; }

  bool unit_exists(soci::session& sql, const std::string& care_unit_id);
  std::vector<std::string> clinic_names(soci::session& sql);
  // Staff who hold `role` at the unit (e.g. unit managers for escalations).
  std::vector<std::string> staff_with_role(soci::session& sql, const std::string& care_unit_id,
                                           const std::string& role);

  void save_consent(soci::session& sql, const Consent& c);
  std::vector<Consent> consents(soci::session& sql, const std::string& patient_id);
  std::optional<Consent> find_consent(soci::session& sql, const std::string& patient_id,
                                      const std::string& care_unit_id, Channel channel);

  ClinicSettings clinic_settings(soci::session& sql, const std::string& care_unit_id);
  void save_clinic_settings(soci::session& sql, const ClinicSettings& s);

  std::optional<Template> template_override(soci::session& sql, Event event, Channel channel,
                                            Language language);
  void save_template(soci::session& sql, const Template& t, const std::string& by,
                     std::int64_t at_ms);

  // False when a notification with this idempotency key exists already.
  bool insert_notification(soci::session& sql, const Notification& n);
  // The appointment changed: its pending notifications and deliveries are cancelled.
  void cancel_pending(soci::session& sql, const std::string& subject_id, std::int64_t now_ms);
  // Takes one due pending notification and marks it expanded (one node only gets it).
  std::optional<Notification> claim_due_notification(soci::session& sql, std::int64_t now_ms);
  void insert_delivery(soci::session& sql, const Delivery& d);
  // Takes one due delivery — pending and due, or sending with an expired lease (its node
  // died) — marks it sending under `owner` until `lease_until_ms` and counts the attempt.
  std::optional<Delivery> claim_delivery(soci::session& sql, const std::string& owner,
                                         std::int64_t now_ms, std::int64_t lease_until_ms);
  void finish_delivery(soci::session& sql, const Delivery& d, std::int64_t now_ms);
  std::optional<Delivery> find_delivery(soci::session& sql, const std::string& id);
  std::vector<Delivery> deliveries(soci::session& sql, const DeliveryQuery& q);
  std::vector<Delivery> deliveries_of(soci::session& sql, const std::string& notification_id);
  // A gateway's delivery report; false if no delivery has this provider id.
  bool set_provider_status(soci::session& sql, const std::string& provider_id,
                           const std::string& status, std::int64_t now_ms);
  std::size_t count_deliveries(soci::session& sql, DeliveryStatus status);

  std::vector<StaffPreference> preferences(soci::session& sql, const std::string& staff_id);
  void save_preference(soci::session& sql, const StaffPreference& p);
  bool insert_notice(soci::session& sql, const StaffNotice& n);
  std::vector<StaffNotice> notices(soci::session& sql, const std::string& staff_id, int limit);
  bool mark_read(soci::session& sql, const std::string& staff_id, const std::string& id,
                 std::int64_t now_ms);

 private:
  db::Database& db_;
};

}  // namespace oppenvard::notify
