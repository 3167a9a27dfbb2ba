#include "notify/store.hpp"

#include "db/rows.hpp"

namespace oppenvard::notify {
namespace {

using db::optional_int64;
using db::optional_text;

constexpr std::string_view kCreateConsents =
    "CREATE TABLE notification_consents ("
    " patient_id TEXT NOT NULL REFERENCES patients (id),"
    " care_unit_id TEXT NOT NULL REFERENCES care_units (id),"
    " channel TEXT NOT NULL CHECK (channel IN ('sms', 'email')),"
    " given INTEGER NOT NULL, address TEXT NOT NULL, language TEXT NOT NULL,"
    " source TEXT NOT NULL CHECK (source IN ('patient', 'guardian', 'staff')),"
    " method TEXT NOT NULL, recorded_by_kind TEXT NOT NULL, recorded_by_id TEXT NOT NULL,"
    " recorded_at_ms BIGINT NOT NULL,"
    " PRIMARY KEY (patient_id, care_unit_id, channel))";
constexpr std::string_view kCreateClinicSettings =
    "CREATE TABLE notification_clinic_settings ("
    " care_unit_id TEXT PRIMARY KEY REFERENCES care_units (id),"
    " sms_enabled INTEGER NOT NULL,"
    " risk_analysis_by TEXT, risk_analysis_at_ms BIGINT, risk_analysis_document TEXT,"
    " CHECK (sms_enabled = 0 OR risk_analysis_document IS NOT NULL))";
constexpr std::string_view kCreateTemplates =
    "CREATE TABLE notification_templates ("
    " event TEXT NOT NULL, channel TEXT NOT NULL, language TEXT NOT NULL,"
    " subject TEXT NOT NULL, body TEXT NOT NULL,"
    " updated_by TEXT NOT NULL, updated_at_ms BIGINT NOT NULL,"
    " PRIMARY KEY (event, channel, language))";
constexpr std::string_view kCreateNotifications =
    "CREATE TABLE notifications ("
    " id TEXT PRIMARY KEY, idempotency_key TEXT NOT NULL UNIQUE,"
    " event TEXT NOT NULL, recipient_kind TEXT NOT NULL CHECK (recipient_kind IN ('patient',"
    " 'staff')), recipient_id TEXT NOT NULL, care_unit_id TEXT NOT NULL,"
    " subject_id TEXT NOT NULL, due_at_ms BIGINT NOT NULL, starts_at_ms BIGINT NOT NULL,"
    " urgent INTEGER NOT NULL,"
    " status TEXT NOT NULL CHECK (status IN ('pending', 'expanded', 'cancelled')),"
    " created_at_ms BIGINT NOT NULL)";
constexpr std::string_view kIndexNotificationsDue =
    "CREATE INDEX notifications_due ON notifications (status, due_at_ms)";
constexpr std::string_view kIndexNotificationsSubject =
    "CREATE INDEX notifications_subject ON notifications (subject_id)";
constexpr std::string_view kCreateDeliveries =
    "CREATE TABLE notification_deliveries ("
    " id TEXT PRIMARY KEY,"
    " notification_id TEXT NOT NULL REFERENCES notifications (id),"
    " channel TEXT NOT NULL, address TEXT NOT NULL, language TEXT NOT NULL,"
    " status TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'dead', 'suppressed',"
    " 'cancelled')),"
    " attempts INTEGER NOT NULL, next_attempt_at_ms BIGINT NOT NULL,"
    " lease_owner TEXT, lease_until_ms BIGINT, last_error TEXT NOT NULL,"
    " provider_id TEXT, provider_status TEXT,"
    " created_at_ms BIGINT NOT NULL, sent_at_ms BIGINT, updated_at_ms BIGINT NOT NULL,"
    " UNIQUE (notification_id, channel))";
constexpr std::string_view kIndexDeliveriesDue =
    "CREATE INDEX deliveries_due ON notification_deliveries (status, next_attempt_at_ms)";
constexpr std::string_view kIndexDeliveriesProvider =
    "CREATE INDEX deliveries_provider ON notification_deliveries (provider_id)";
constexpr std::string_view kCreatePreferences =
    "CREATE TABLE staff_notification_preferences ("
    " staff_id TEXT NOT NULL REFERENCES staff (id), channel TEXT NOT NULL,"
    " escalations INTEGER NOT NULL, address TEXT NOT NULL,"
    " PRIMARY KEY (staff_id, channel))";
constexpr std::string_view kCreateNotices =
    "CREATE TABLE staff_notices ("
    " id TEXT PRIMARY KEY, staff_id TEXT NOT NULL REFERENCES staff (id),"
    " kind TEXT NOT NULL, care_unit_id TEXT NOT NULL, object_id TEXT NOT NULL,"
    " level TEXT NOT NULL, created_at_ms BIGINT NOT NULL, read_at_ms BIGINT,"
    " UNIQUE (staff_id, kind, object_id, level))";
constexpr std::string_view kIndexNotices =
    "CREATE INDEX staff_notices_by_staff ON staff_notices (staff_id, created_at_ms)";

constexpr std::string_view kNotificationColumns =
    "SELECT id, idempotency_key, event, recipient_kind, recipient_id, care_unit_id, subject_id,"
    " due_at_ms, starts_at_ms, urgent, status, created_at_ms FROM notifications";
constexpr std::string_view kDeliveryColumns =
    "SELECT d.id, d.notification_id, n.event, d.channel, d.address, d.language, d.status,"
    " d.attempts, d.next_attempt_at_ms, n.starts_at_ms, n.care_unit_id, d.last_error,"
    " d.provider_id, d.provider_status, d.created_at_ms, d.sent_at_ms"
    " FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id";

Notification notification_from(const soci::row& r) {
  Notification n;
  n.id = r.get<std::string>(0);
  n.idempotency_key = r.get<std::string>(1);
  n.event = event_from(r.get<std::string>(2)).value_or(Event::case_reply);
  n.recipient_kind = r.get<std::string>(3);
  n.recipient_id = r.get<std::string>(4);
  n.care_unit_id = r.get<std::string>(5);
  n.subject_id = r.get<std::string>(6);
  n.due_at_ms = r.get<long long>(7);
  n.starts_at_ms = r.get<long long>(8);
  n.urgent = r.get<int>(9) != 0;
  const auto status = r.get<std::string>(10);
  n.status = status == "pending"    ? NotificationStatus::pending
             : status == "expanded" ? NotificationStatus::expanded
                                    : NotificationStatus::cancelled;
  n.created_at_ms = r.get<long long>(11);
  return n;
}

Delivery delivery_from(const soci::row& r) {
  Delivery d;
  d.id = r.get<std::string>(0);
  d.notification_id = r.get<std::string>(1);
  d.event = event_from(r.get<std::string>(2)).value_or(Event::case_reply);
  d.channel = channel_from(r.get<std::string>(3)).value_or(Channel::sms);
  d.address = r.get<std::string>(4);
  d.language = language_from(r.get<std::string>(5)).value_or(Language::sv);
  d.status = delivery_status_from(r.get<std::string>(6)).value_or(DeliveryStatus::pending);
  d.attempts = r.get<int>(7);
  d.next_attempt_at_ms = r.get<long long>(8);
  d.starts_at_ms = r.get<long long>(9);
  d.care_unit_id = r.get<std::string>(10);
  d.last_error = r.get<std::string>(11);
  d.provider_id = optional_text(r, 12);
  d.provider_status = optional_text(r, 13);
  d.created_at_ms = r.get<long long>(14);
  d.sent_at_ms = optional_int64(r, 15);
  return d;
}

Consent consent_from(const soci::row& r) {
  Consent c;
  c.patient_id = r.get<std::string>(0);
  c.care_unit_id = r.get<std::string>(1);
  c.channel = channel_from(r.get<std::string>(2)).value_or(Channel::sms);
  c.given = r.get<int>(3) != 0;
  c.address = r.get<std::string>(4);
  c.language = language_from(r.get<std::string>(5)).value_or(Language::sv);
  c.source = r.get<std::string>(6);
  c.method = r.get<std::string>(7);
  c.recorded_by_kind = r.get<std::string>(8);
  c.recorded_by_id = r.get<std::string>(9);
  c.recorded_at_ms = r.get<long long>(10);
  return c;
}

constexpr std::string_view kConsentColumns =
    "SELECT patient_id, care_unit_id, channel, given, address, language, source, method,"
    " recorded_by_kind, recorded_by_id, recorded_at_ms FROM notification_consents";

// PostgreSQL lets concurrent claimers skip each other's rows; SQLite has one writer at a time.
std::string skip_locked(soci::session& sql) {
  return sql.get_backend_name() == "postgresql" ? " FOR UPDATE SKIP LOCKED" : "";
}

}  // namespace

std::vector<db::Migration> migrations() {
  return {
      {"notify/0001_outbox",
       {kCreateConsents, kCreateClinicSettings, kCreateTemplates, kCreateNotifications,
        kIndexNotificationsDue, kIndexNotificationsSubject, kCreateDeliveries, kIndexDeliveriesDue,
        kIndexDeliveriesProvider, kCreatePreferences, kCreateNotices, kIndexNotices}}};
}

bool Store::unit_exists(soci::session& sql, const std::string& care_unit_id) {
  int n = 0;
  sql << "SELECT COUNT(*) FROM care_units WHERE id = :u", soci::use(care_unit_id, "u"),
      soci::into(n);
  return n > 0;
}

std::vector<std::string> Store::clinic_names(soci::session& sql) {
  std::vector<std::string> names;
  soci::rowset<soci::row> rows = (sql.prepare << "SELECT name FROM care_units ORDER BY name");
  for (const auto& r : rows) names.push_back(r.get<std::string>(0));
  return names;
}

std::vector<std::string> Store::staff_with_role(soci::session& sql, const std::string& care_unit_id,
                                                const std::string& role) {
  std::vector<std::string> ids;
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT DISTINCT staff_id FROM staff_assignments WHERE care_unit_id = :u"
                      " AND role = :r ORDER BY staff_id",
       soci::use(care_unit_id, "u"), soci::use(role, "r"));
  for (const auto& r : rows) ids.push_back(r.get<std::string>(0));
  return ids;
}

void Store::save_consent(soci::session& sql, const Consent& c) {
  const std::string channel(to_string(c.channel));
  const std::string language(to_string(c.language));
  const int given = c.given ? 1 : 0;
  const long long at = c.recorded_at_ms;
  sql << "INSERT INTO notification_consents (patient_id, care_unit_id, channel, given, address,"
         " language, source, method, recorded_by_kind, recorded_by_id, recorded_at_ms) VALUES"
         " (:p, :u, :c, :g, :a, :l, :s, :m, :k, :b, :t) ON CONFLICT (patient_id, care_unit_id,"
         " channel) DO UPDATE SET given = excluded.given, address = excluded.address,"
         " language = excluded.language, source = excluded.source, method = excluded.method,"
         " recorded_by_kind = excluded.recorded_by_kind, recorded_by_id = excluded.recorded_by_id,"
         " recorded_at_ms = excluded.recorded_at_ms",
      soci::use(c.patient_id, "p"), soci::use(c.care_unit_id, "u"), soci::use(channel, "c"),
      soci::use(given, "g"), soci::use(c.address, "a"), soci::use(language, "l"),
      soci::use(c.source, "s"), soci::use(c.method, "m"), soci::use(c.recorded_by_kind, "k"),
      soci::use(c.recorded_by_id, "b"), soci::use(at, "t");
}

std::vector<Consent> Store::consents(soci::session& sql, const std::string& patient_id) {
  std::vector<Consent> list;
  soci::rowset<soci::row> rows =
      (sql.prepare << std::string(kConsentColumns) +
                          " WHERE patient_id = :p ORDER BY care_unit_id, channel",
       soci::use(patient_id, "p"));
  for (const auto& r : rows) list.push_back(consent_from(r));
  return list;
}

std::optional<Consent> Store::find_consent(soci::session& sql, const std::string& patient_id,
                                           const std::string& care_unit_id, Channel channel) {
  const std::string c(to_string(channel));
  soci::rowset<soci::row> rows =
      (sql.prepare << std::string(kConsentColumns) +
                          " WHERE patient_id = :p AND care_unit_id = :u AND channel = :c",
       soci::use(patient_id, "p"), soci::use(care_unit_id, "u"), soci::use(c, "c"));
  for (const auto& r : rows) return consent_from(r);
  return std::nullopt;
}

ClinicSettings Store::clinic_settings(soci::session& sql, const std::string& care_unit_id) {
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT sms_enabled, risk_analysis_by, risk_analysis_at_ms,"
                      " risk_analysis_document FROM notification_clinic_settings"
                      " WHERE care_unit_id = :u",
       soci::use(care_unit_id, "u"));
  for (const auto& r : rows) {
    return {care_unit_id, r.get<int>(0) != 0, optional_text(r, 1), optional_int64(r, 2),
            optional_text(r, 3)};
  }
  return {care_unit_id, false, std::nullopt, std::nullopt, std::nullopt};
}

void Store::save_clinic_settings(soci::session& sql, const ClinicSettings& s) {
  const int enabled = s.sms_enabled ? 1 : 0;
  const std::string by = s.risk_analysis_by.value_or("");
  const long long at = s.risk_analysis_at_ms.value_or(0);
  const std::string doc = s.risk_analysis_document.value_or("");
  soci::indicator by_ind = s.risk_analysis_by ? soci::i_ok : soci::i_null;
  soci::indicator at_ind = s.risk_analysis_at_ms ? soci::i_ok : soci::i_null;
  soci::indicator doc_ind = s.risk_analysis_document ? soci::i_ok : soci::i_null;
  sql << "INSERT INTO notification_clinic_settings (care_unit_id, sms_enabled, risk_analysis_by,"
         " risk_analysis_at_ms, risk_analysis_document) VALUES (:u, :e, :b, :a, :d)"
         " ON CONFLICT (care_unit_id) DO UPDATE SET sms_enabled = excluded.sms_enabled,"
         " risk_analysis_by = excluded.risk_analysis_by, risk_analysis_at_ms ="
         " excluded.risk_analysis_at_ms, risk_analysis_document = excluded.risk_analysis_document",
      soci::use(s.care_unit_id, "u"), soci::use(enabled, "e"), soci::use(by, by_ind, "b"),
      soci::use(at, at_ind, "a"), soci::use(doc, doc_ind, "d");
}

std::optional<Template> Store::template_override(soci::session& sql, Event event, Channel channel,
                                                 Language language) {
  const std::string e(to_string(event));
  const std::string c(to_string(channel));
  const std::string l(to_string(language));
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT subject, body FROM notification_templates WHERE event = :e AND"
                      " channel = :c AND language = :l",
       soci::use(e, "e"), soci::use(c, "c"), soci::use(l, "l"));
  for (const auto& r : rows) {
    return Template{event, channel, language, r.get<std::string>(0), r.get<std::string>(1), true};
  }
  return std::nullopt;
}

void Store::save_template(soci::session& sql, const Template& t, const std::string& by,
                          std::int64_t at_ms) {
  const std::string e(to_string(t.event));
  const std::string c(to_string(t.channel));
  const std::string l(to_string(t.language));
  const long long at = at_ms;
  sql << "INSERT INTO notification_templates (event, channel, language, subject, body,"
         " updated_by, updated_at_ms) VALUES (:e, :c, :l, :s, :b, :by, :at)"
         " ON CONFLICT (event, channel, language) DO UPDATE SET subject = excluded.subject,"
         " body = excluded.body, updated_by = excluded.updated_by,"
         " updated_at_ms = excluded.updated_at_ms",
      soci::use(e, "e"), soci::use(c, "c"), soci::use(l, "l"), soci::use(t.subject, "s"),
      soci::use(t.body, "b"), soci::use(by, "by"), soci::use(at, "at");
}

bool Store::insert_notification(soci::session& sql, const Notification& n) {
  const std::string event(to_string(n.event));
  const std::string status(to_string(n.status));
  const long long due = n.due_at_ms;
  const long long starts = n.starts_at_ms;
  const long long created = n.created_at_ms;
  const int urgent = n.urgent ? 1 : 0;
  soci::statement st =
      (sql.prepare << "INSERT INTO notifications (id, idempotency_key, event, recipient_kind,"
                      " recipient_id, care_unit_id, subject_id, due_at_ms, starts_at_ms, urgent,"
                      " status, created_at_ms) VALUES (:id, :k, :e, :rk, :ri, :u, :s, :d, :st,"
                      " :ur, :status, :c) ON CONFLICT (idempotency_key) DO NOTHING",
       soci::use(n.id, "id"), soci::use(n.idempotency_key, "k"), soci::use(event, "e"),
       soci::use(n.recipient_kind, "rk"), soci::use(n.recipient_id, "ri"),
       soci::use(n.care_unit_id, "u"), soci::use(n.subject_id, "s"), soci::use(due, "d"),
       soci::use(starts, "st"), soci::use(urgent, "ur"), soci::use(status, "status"),
       soci::use(created, "c"));
  st.execute(true);
  return st.get_affected_rows() > 0;
}

void Store::cancel_pending(soci::session& sql, const std::string& subject_id, std::int64_t now_ms) {
  const long long now = now_ms;
  sql << "UPDATE notification_deliveries SET status = 'cancelled', updated_at_ms = :n"
         " WHERE status = 'pending' AND notification_id IN (SELECT id FROM notifications"
         " WHERE subject_id = :s)",
      soci::use(now, "n"), soci::use(subject_id, "s");
  sql << "UPDATE notifications SET status = 'cancelled' WHERE status = 'pending' AND"
         " subject_id = :s",
      soci::use(subject_id, "s");
}

std::optional<Notification> Store::claim_due_notification(soci::session& sql, std::int64_t now_ms) {
  const long long now = now_ms;
  std::string id;
  soci::indicator ind = soci::i_null;
  sql << "UPDATE notifications SET status = 'expanded' WHERE id = (SELECT id FROM notifications"
         " WHERE status = 'pending' AND due_at_ms <= :n ORDER BY due_at_ms LIMIT 1" +
             skip_locked(sql) + ") RETURNING id",
      soci::use(now, "n"), soci::into(id, ind);
  if (ind != soci::i_ok || id.empty()) return std::nullopt;
  soci::rowset<soci::row> rows =
      (sql.prepare << std::string(kNotificationColumns) + " WHERE id = :id", soci::use(id, "id"));
  for (const auto& r : rows) return notification_from(r);
  return std::nullopt;
}

void Store::insert_delivery(soci::session& sql, const Delivery& d) {
  const std::string channel(to_string(d.channel));
  const std::string language(to_string(d.language));
  const std::string status(to_string(d.status));
  const long long next = d.next_attempt_at_ms;
  const long long created = d.created_at_ms;
  sql << "INSERT INTO notification_deliveries (id, notification_id, channel, address, language,"
         " status, attempts, next_attempt_at_ms, last_error, created_at_ms, updated_at_ms)"
         " VALUES (:id, :n, :c, :a, :l, :s, 0, :next, :e, :t, :t2)"
         " ON CONFLICT (notification_id, channel) DO NOTHING",
      soci::use(d.id, "id"), soci::use(d.notification_id, "n"), soci::use(channel, "c"),
      soci::use(d.address, "a"), soci::use(language, "l"), soci::use(status, "s"),
      soci::use(next, "next"), soci::use(d.last_error, "e"), soci::use(created, "t"),
      soci::use(created, "t2");
}

std::optional<Delivery> Store::claim_delivery(soci::session& sql, const std::string& owner,
                                              std::int64_t now_ms, std::int64_t lease_until_ms) {
  const long long now = now_ms;
  const long long until = lease_until_ms;
  std::string id;
  soci::indicator ind = soci::i_null;
  sql << "UPDATE notification_deliveries SET status = 'sending', attempts = attempts + 1,"
         " lease_owner = :o, lease_until_ms = :l, updated_at_ms = :n WHERE id = (SELECT id FROM"
         " notification_deliveries WHERE (status = 'pending' AND next_attempt_at_ms <= :n2) OR"
         " (status = 'sending' AND lease_until_ms < :n3) ORDER BY next_attempt_at_ms LIMIT 1" +
             skip_locked(sql) + ") RETURNING id",
      soci::use(owner, "o"), soci::use(until, "l"), soci::use(now, "n"), soci::use(now, "n2"),
      soci::use(now, "n3"), soci::into(id, ind);
  if (ind != soci::i_ok || id.empty()) return std::nullopt;
  return find_delivery(sql, id);
}

void Store::finish_delivery(soci::session& sql, const Delivery& d, std::int64_t now_ms) {
  const std::string status(to_string(d.status));
  const long long next = d.next_attempt_at_ms;
  const long long now = now_ms;
  const std::string provider = d.provider_id.value_or("");
  soci::indicator provider_ind = d.provider_id ? soci::i_ok : soci::i_null;
  const long long sent = d.sent_at_ms.value_or(0);
  soci::indicator sent_ind = d.sent_at_ms ? soci::i_ok : soci::i_null;
  sql << "UPDATE notification_deliveries SET status = :s, next_attempt_at_ms = :next,"
         " last_error = :e, provider_id = :p, sent_at_ms = :sent, lease_owner = NULL,"
         " lease_until_ms = NULL, updated_at_ms = :n WHERE id = :id",
      soci::use(status, "s"), soci::use(next, "next"), soci::use(d.last_error, "e"),
      soci::use(provider, provider_ind, "p"), soci::use(sent, sent_ind, "sent"),
      soci::use(now, "n"), soci::use(d.id, "id");
}

std::optional<Delivery> Store::find_delivery(soci::session& sql, const std::string& id) {
  soci::rowset<soci::row> rows =
      (sql.prepare << std::string(kDeliveryColumns) + " WHERE d.id = :id", soci::use(id, "id"));
  for (const auto& r : rows) return delivery_from(r);
  return std::nullopt;
}

std::vector<Delivery> Store::deliveries(soci::session& sql, const DeliveryQuery& q) {
  std::vector<Delivery> list;
  const std::string status(q.status ? to_string(*q.status) : "");
  const int limit = q.limit;
  soci::rowset<soci::row> rows =
      (sql.prepare << std::string(kDeliveryColumns) +
                          " WHERE (:s = '' OR d.status = :s2) ORDER BY d.created_at_ms DESC,"
                          " d.id LIMIT :lim",
       soci::use(status, "s"), soci::use(status, "s2"), soci::use(limit, "lim"));
  for (const auto& r : rows) list.push_back(delivery_from(r));
  return list;
}

std::vector<Delivery> Store::deliveries_of(soci::session& sql, const std::string& notification_id) {
  std::vector<Delivery> list;
  soci::rowset<soci::row> rows =
      (sql.prepare << std::string(kDeliveryColumns) +
                          " WHERE d.notification_id = :n ORDER BY d.channel",
       soci::use(notification_id, "n"));
  for (const auto& r : rows) list.push_back(delivery_from(r));
  return list;
}

bool Store::set_provider_status(soci::session& sql, const std::string& provider_id,
                                const std::string& status, std::int64_t now_ms) {
  const long long now = now_ms;
  soci::statement st =
      (sql.prepare << "UPDATE notification_deliveries SET provider_status = :s, updated_at_ms ="
                      " :n WHERE provider_id = :p",
       soci::use(status, "s"), soci::use(now, "n"), soci::use(provider_id, "p"));
  st.execute(true);
  return st.get_affected_rows() > 0;
}

std::size_t Store::count_deliveries(soci::session& sql, DeliveryStatus status) {
  const std::string s(to_string(status));
  long long n = 0;
  sql << "SELECT COUNT(*) FROM notification_deliveries WHERE status = :s", soci::use(s, "s"),
      soci::into(n);
  return static_cast<std::size_t>(n);
}

std::vector<StaffPreference> Store::preferences(soci::session& sql, const std::string& staff_id) {
  std::vector<StaffPreference> list;
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT channel, escalations, address FROM staff_notification_preferences"
                      " WHERE staff_id = :s ORDER BY channel",
       soci::use(staff_id, "s"));
  for (const auto& r : rows) {
    list.push_back({staff_id, channel_from(r.get<std::string>(0)).value_or(Channel::email),
                    r.get<int>(1) != 0, r.get<std::string>(2)});
  }
  return list;
}

void Store::save_preference(soci::session& sql, const StaffPreference& p) {
  const std::string channel(to_string(p.channel));
  const int on = p.escalations ? 1 : 0;
  sql << "INSERT INTO staff_notification_preferences (staff_id, channel, escalations, address)"
         " VALUES (:s, :c, :e, :a) ON CONFLICT (staff_id, channel) DO UPDATE SET"
         " escalations = excluded.escalations, address = excluded.address",
      soci::use(p.staff_id, "s"), soci::use(channel, "c"), soci::use(on, "e"),
      soci::use(p.address, "a");
}

bool Store::insert_notice(soci::session& sql, const StaffNotice& n) {
  const long long at = n.created_at_ms;
  soci::statement st =
      (sql.prepare << "INSERT INTO staff_notices (id, staff_id, kind, care_unit_id, object_id,"
                      " level, created_at_ms) VALUES (:id, :s, :k, :u, :o, :l, :t)"
                      " ON CONFLICT (staff_id, kind, object_id, level) DO NOTHING",
       soci::use(n.id, "id"), soci::use(n.staff_id, "s"), soci::use(n.kind, "k"),
       soci::use(n.care_unit_id, "u"), soci::use(n.object_id, "o"), soci::use(n.level, "l"),
       soci::use(at, "t"));
  st.execute(true);
  return st.get_affected_rows() > 0;
}

std::vector<StaffNotice> Store::notices(soci::session& sql, const std::string& staff_id,
                                        int limit) {
  std::vector<StaffNotice> list;
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT id, staff_id, kind, care_unit_id, object_id, level, created_at_ms,"
                      " read_at_ms FROM staff_notices WHERE staff_id = :s"
                      " ORDER BY created_at_ms DESC, id DESC LIMIT :lim",
       soci::use(staff_id, "s"), soci::use(limit, "lim"));
  for (const auto& r : rows) {
    list.push_back({r.get<std::string>(0), r.get<std::string>(1), r.get<std::string>(2),
                    r.get<std::string>(3), r.get<std::string>(4), r.get<std::string>(5),
                    r.get<long long>(6), optional_int64(r, 7)});
  }
  return list;
}

bool Store::mark_read(soci::session& sql, const std::string& staff_id, const std::string& id,
                      std::int64_t now_ms) {
  const long long now = now_ms;
  soci::statement st =
      (sql.prepare << "UPDATE staff_notices SET read_at_ms = COALESCE(read_at_ms, :n)"
                      " WHERE id = :id AND staff_id = :s",
       soci::use(now, "n"), soci::use(id, "id"), soci::use(staff_id, "s"));
  st.execute(true);
  return st.get_affected_rows() > 0;
}

}  // namespace oppenvard::notify
