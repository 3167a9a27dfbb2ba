#include "eservices/store.hpp"

#include <boost/json.hpp>

#include "db/rows.hpp"
#include "db/uuid.hpp"

namespace oppenvard::eservices {
namespace {

constexpr std::string_view kCreateSettings =
    "CREATE TABLE clinic_eservice_settings ("
    " care_unit_id TEXT PRIMARY KEY REFERENCES care_units (id),"
    " published INTEGER NOT NULL,"
    " images_enabled INTEGER NOT NULL,"
    " image_types TEXT NOT NULL,"  // JSON array of media types
    " image_max_bytes BIGINT NOT NULL,"
    " image_retention_days INTEGER NOT NULL)";
constexpr std::string_view kCreateCases =
    "CREATE TABLE cases ("
    " id TEXT PRIMARY KEY,"
    " care_unit_id TEXT NOT NULL REFERENCES care_units (id),"
    " service_code TEXT NOT NULL REFERENCES eservice_kinds (code),"
    " patient_id TEXT NOT NULL REFERENCES patients (id),"
    " submitted_by_kind TEXT NOT NULL CHECK (submitted_by_kind IN ('patient', 'guardian')),"
    " submitted_by_id TEXT NOT NULL REFERENCES patients (id),"
    " status TEXT NOT NULL CHECK (status IN ('new', 'open', 'waiting_for_patient', 'closed')),"
    " assignee_id TEXT REFERENCES staff (id),"
    " fields_json TEXT NOT NULL,"
    " created_at_ms BIGINT NOT NULL,"
    " updated_at_ms BIGINT NOT NULL,"
    " due_at_ms BIGINT,"
    " closed_at_ms BIGINT,"
    " outcome TEXT,"
    " last_contact_ms BIGINT,"
    " documented_at_ms BIGINT,"
    " documented_by TEXT REFERENCES staff (id),"
    " CHECK ((status = 'closed') = (closed_at_ms IS NOT NULL AND outcome IS NOT NULL)))";
constexpr std::string_view kIndexCasesByUnit =
    "CREATE INDEX cases_by_unit ON cases (care_unit_id, status, due_at_ms)";
constexpr std::string_view kIndexCasesByPatient =
    "CREATE INDEX cases_by_patient ON cases (patient_id, created_at_ms)";
constexpr std::string_view kIndexCasesByCreation =
    "CREATE INDEX cases_by_creation ON cases (care_unit_id, created_at_ms)";
constexpr std::string_view kCreateMessages =
    "CREATE TABLE case_messages ("
    " id TEXT PRIMARY KEY,"
    " case_id TEXT NOT NULL REFERENCES cases (id),"
    " author_kind TEXT NOT NULL CHECK (author_kind IN ('patient', 'guardian', 'staff')),"
    " author_id TEXT NOT NULL,"
    " kind TEXT NOT NULL CHECK (kind IN ('message', 'reply', 'question')),"
    " body TEXT NOT NULL,"
    " created_at_ms BIGINT NOT NULL)";
constexpr std::string_view kIndexMessages =
    "CREATE INDEX case_messages_by_case ON case_messages (case_id, created_at_ms, id)";
constexpr std::string_view kCreateClocks =
    "CREATE TABLE answer_clocks ("
    " id TEXT PRIMARY KEY,"
    " case_id TEXT NOT NULL REFERENCES cases (id),"
    " care_unit_id TEXT NOT NULL REFERENCES care_units (id),"
    " service_code TEXT NOT NULL,"
    " started_at_ms BIGINT NOT NULL,"
    " due_at_ms BIGINT NOT NULL,"
    " answered_at_ms BIGINT)";
constexpr std::string_view kIndexClocksByCase =
    "CREATE INDEX answer_clocks_by_case ON answer_clocks (case_id, answered_at_ms)";
constexpr std::string_view kIndexClocksByUnit =
    "CREATE INDEX answer_clocks_by_unit ON answer_clocks (care_unit_id, started_at_ms)";
constexpr std::string_view kCreateAbsences =
    "CREATE TABLE staff_absences ("
    " staff_id TEXT PRIMARY KEY REFERENCES staff (id),"
    " from_ms BIGINT NOT NULL,"
    " to_ms BIGINT NOT NULL,"
    " CHECK (to_ms > from_ms))";
constexpr std::string_view kCreateAttachments =
    "CREATE TABLE case_attachments ("
    " id TEXT PRIMARY KEY,"
    " case_id TEXT NOT NULL REFERENCES cases (id),"
    " message_id TEXT NOT NULL REFERENCES case_messages (id),"
    " content_type TEXT NOT NULL,"
    " size_bytes BIGINT NOT NULL,"
    " sha256 TEXT NOT NULL,"
    " created_at_ms BIGINT NOT NULL,"
    " delete_after_ms BIGINT NOT NULL)";
constexpr std::string_view kIndexAttachments =
    "CREATE INDEX case_attachments_by_case ON case_attachments (case_id)";
constexpr std::string_view kIndexAttachmentsExpiry =
    "CREATE INDEX case_attachments_by_expiry ON case_attachments (delete_after_ms)";

constexpr std::string_view kCreateEscalations =
    "CREATE TABLE case_escalations ("
    " case_id TEXT NOT NULL REFERENCES cases (id),"
    " care_unit_id TEXT NOT NULL REFERENCES care_units (id),"
    " level TEXT NOT NULL CHECK (level IN ('at_risk', 'overdue')),"
    " due_at_ms BIGINT NOT NULL,"
    " raised_at_ms BIGINT NOT NULL,"
    " PRIMARY KEY (case_id, level, due_at_ms))";
constexpr std::string_view kIndexEscalations =
    "CREATE INDEX case_escalations_by_unit ON case_escalations (care_unit_id, raised_at_ms)";

constexpr std::string_view kCreateInformation =
    "CREATE TABLE clinic_information ("
    " care_unit_id TEXT NOT NULL REFERENCES care_units (id),"
    " position INTEGER NOT NULL,"
    " kind TEXT NOT NULL CHECK (kind IN ('material', 'support')),"
    " title TEXT NOT NULL,"  // the link's title or the contact's label
    " url TEXT NOT NULL, phone TEXT NOT NULL, email TEXT NOT NULL, hours TEXT NOT NULL,"
    " PRIMARY KEY (care_unit_id, kind, position))";

constexpr std::string_view kCaseColumns =
    "c.id, c.care_unit_id, c.service_code, c.patient_id, c.submitted_by_kind, c.submitted_by_id,"
    " c.status, c.assignee_id, c.fields_json, c.created_at_ms, c.updated_at_ms, c.due_at_ms,"
    " c.closed_at_ms, c.outcome, c.last_contact_ms, c.documented_at_ms, c.documented_by";
constexpr std::size_t kCaseColumnCount = 17;

// The list columns after the case's own.
constexpr std::string_view kSummaryColumns =
    ", p.given_name, p.family_name, p.birth_date, s.given_name, s.family_name, u.name,"
    " k.name_sv, k.name_en, ab.staff_id";
constexpr std::string_view kSummaryJoins =
    " FROM cases c JOIN patients p ON p.id = c.patient_id"
    " JOIN care_units u ON u.id = c.care_unit_id"
    " JOIN eservice_kinds k ON k.code = c.service_code"
    " LEFT JOIN staff s ON s.id = c.assignee_id"
    " LEFT JOIN staff_absences ab ON ab.staff_id = c.assignee_id"
    " AND ab.from_ms <= :now AND ab.to_ms > :now2";

using db::optional_int64;
using db::optional_text;

Case case_from(const soci::row& r) {
  Case c;
  c.id = r.get<std::string>(0);
  c.care_unit_id = r.get<std::string>(1);
  c.service_code = r.get<std::string>(2);
  c.patient_id = r.get<std::string>(3);
  c.submitted_by_kind = author_kind_from(r.get<std::string>(4)).value_or(AuthorKind::patient);
  c.submitted_by_id = r.get<std::string>(5);
  c.status = case_status_from(r.get<std::string>(6)).value_or(CaseStatus::new_case);
  c.assignee_id = optional_text(r, 7);
  c.fields_json = r.get<std::string>(8);
  c.created_at_ms = r.get<long long>(9);
  c.updated_at_ms = r.get<long long>(10);
  c.due_at_ms = optional_int64(r, 11);
  c.closed_at_ms = optional_int64(r, 12);
  if (const auto o = optional_text(r, 13)) c.outcome = outcome_from(*o);
  c.last_contact_ms = optional_int64(r, 14);
  c.documented_at_ms = optional_int64(r, 15);
  c.documented_by = optional_text(r, 16);
  return c;
}

CaseSummary summary_from(const soci::row& r) {
  CaseSummary s;
  s.item = case_from(r);
  constexpr auto b = kCaseColumnCount;
  s.patient_name = r.get<std::string>(b) + " " + r.get<std::string>(b + 1);
  s.patient_birth_date = r.get<std::string>(b + 2);
  if (r.get_indicator(b + 3) == soci::i_ok) {
    s.assignee_name = r.get<std::string>(b + 3) + " " + r.get<std::string>(b + 4);
  }
  s.care_unit_name = r.get<std::string>(b + 5);
  s.service_name_sv = r.get<std::string>(b + 6);
  s.service_name_en = r.get<std::string>(b + 7);
  s.assignee_absent = r.get_indicator(b + 8) == soci::i_ok;
  return s;
}

// A nullable value bound for one statement.
struct Nullable {
  long long value = 0;
  soci::indicator indicator = soci::i_null;
  explicit Nullable(const std::optional<std::int64_t>& v)
      : value(v.value_or(0)), indicator(v ? soci::i_ok : soci::i_null) {}
};
struct NullableText {
  std::string value;
  soci::indicator indicator = soci::i_null;
  explicit NullableText(const std::optional<std::string>& v)
      : value(v.value_or("")), indicator(v ? soci::i_ok : soci::i_null) {}
};

std::string types_json(const std::vector<std::string>& types) {
  boost::json::array a;
  for (const auto& t : types) a.emplace_back(t);
  return boost::json::serialize(a);
}

std::vector<std::string> types_from(const std::string& text) {
  std::vector<std::string> types;
  boost::system::error_code ec;
  const auto v = boost::json::parse(text, ec);
  if (ec || !v.is_array()) return types;
  for (const auto& t : v.as_array()) {
    if (t.is_string()) types.emplace_back(t.get_string());
  }
  return types;
}

}  // namespace

std::vector<db::Migration> migrations() {
  return {
      {"eservices/0001_cases",
       {kCreateSettings, kCreateCases, kIndexCasesByUnit, kIndexCasesByPatient,
        kIndexCasesByCreation, kCreateMessages, kIndexMessages, kCreateClocks, kIndexClocksByCase,
        kIndexClocksByUnit, kCreateAbsences, kCreateAttachments, kIndexAttachments,
        kIndexAttachmentsExpiry, kCreateEscalations, kIndexEscalations, kCreateInformation}}};
}

namespace {
constexpr std::string_view kUnitColumns =
    "SELECT u.id, u.name, a.id, a.name FROM care_units u"
    " JOIN administrations a ON a.id = u.administration_id";
UnitRef unit_from(const soci::row& r) {
  return {r.get<std::string>(0), r.get<std::string>(1), r.get<std::string>(2),
          r.get<std::string>(3)};
}
}  // namespace

std::optional<UnitRef> Store::unit(soci::session& sql, const std::string& care_unit_id) {
  soci::rowset<soci::row> rows =
      (sql.prepare << kUnitColumns << " WHERE u.id = :id", soci::use(care_unit_id, "id"));
  for (const auto& r : rows) return unit_from(r);
  return std::nullopt;
}

std::vector<UnitRef> Store::units(soci::session& sql,
                                  const std::optional<std::string>& administration_id) {
  std::vector<UnitRef> list;
  const std::string adm = administration_id.value_or("");
  const int all = administration_id ? 0 : 1;
  soci::rowset<soci::row> rows =
      (sql.prepare << kUnitColumns << " WHERE (:all = 1 OR a.id = :adm) ORDER BY u.sort_key, u.id",
       soci::use(all, "all"), soci::use(adm, "adm"));
  for (const auto& r : rows) list.push_back(unit_from(r));
  return list;
}

std::vector<CatalogueEntry> Store::catalogue(soci::session& sql, const std::string& care_unit_id) {
  std::vector<CatalogueEntry> entries;
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT k.code, k.category, k.name_sv, k.name_en, o.status, o.reason,"
                      " k.owner_care_unit_id FROM eservice_kinds k"
                      " LEFT JOIN clinic_eservices o ON o.code = k.code AND o.care_unit_id = :unit"
                      " WHERE k.owner_care_unit_id IS NULL OR k.owner_care_unit_id = :owner"
                      " ORDER BY k.sort_order, k.code",
       soci::use(care_unit_id, "unit"), soci::use(care_unit_id, "owner"));
  for (const auto& r : rows) {
    entries.push_back({r.get<std::string>(0), r.get<std::string>(1), r.get<std::string>(2),
                       r.get<std::string>(3), optional_text(r, 4).value_or("off"),
                       optional_text(r, 5), optional_text(r, 6)});
  }
  return entries;
}

std::optional<CatalogueEntry> Store::catalogue_entry(soci::session& sql,
                                                     const std::string& care_unit_id,
                                                     const std::string& code) {
  for (auto& e : catalogue(sql, care_unit_id)) {
    if (e.code == code) return e;
  }
  return std::nullopt;
}

void Store::set_offer(soci::session& sql, const std::string& care_unit_id, const std::string& code,
                      const std::string& status, const std::optional<std::string>& reason) {
  NullableText r(reason);
  sql << "INSERT INTO clinic_eservices (care_unit_id, code, status, reason)"
         " VALUES (:u, :c, :s, :r) ON CONFLICT (care_unit_id, code) DO UPDATE SET"
         " status = excluded.status, reason = excluded.reason",
      soci::use(care_unit_id, "u"), soci::use(code, "c"), soci::use(status, "s"),
      soci::use(r.value, r.indicator, "r");
}

void Store::insert_own_form(soci::session& sql, const CatalogueEntry& e) {
  const auto owner = e.owner_care_unit_id.value_or("");
  sql << "INSERT INTO eservice_kinds (code, category, name_sv, name_en, sort_order,"
         " owner_care_unit_id) VALUES (:code, 'custom', :sv, :en, 900, :owner)",
      soci::use(e.code, "code"), soci::use(e.name_sv, "sv"), soci::use(e.name_en, "en"),
      soci::use(owner, "owner");
  sql << "INSERT INTO clinic_eservices (care_unit_id, code, status) VALUES (:u, :c, 'on')",
      soci::use(owner, "u"), soci::use(e.code, "c");
}

ClinicInformation Store::information(soci::session& sql, const std::string& care_unit_id) {
  ClinicInformation info;
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT kind, title, url, phone, email, hours FROM clinic_information"
                      " WHERE care_unit_id = :u ORDER BY kind, position",
       soci::use(care_unit_id, "u"));
  for (const auto& r : rows) {
    if (r.get<std::string>(0) == "material") {
      info.material.push_back({r.get<std::string>(1), r.get<std::string>(2)});
    } else {
      info.support.push_back({r.get<std::string>(1), r.get<std::string>(3), r.get<std::string>(4),
                              r.get<std::string>(5)});
    }
  }
  return info;
}

void Store::replace_information(soci::session& sql, const std::string& care_unit_id,
                                const ClinicInformation& info) {
  sql << "DELETE FROM clinic_information WHERE care_unit_id = :u", soci::use(care_unit_id, "u");
  const std::string none;
  auto insert = [&](int position, const std::string& kind, const std::string& title,
                    const std::string& url, const std::string& phone, const std::string& email,
                    const std::string& hours) {
    sql << "INSERT INTO clinic_information (care_unit_id, position, kind, title, url, phone,"
           " email, hours) VALUES (:u, :p, :k, :t, :url, :phone, :email, :hours)",
        soci::use(care_unit_id, "u"), soci::use(position, "p"), soci::use(kind, "k"),
        soci::use(title, "t"), soci::use(url, "url"), soci::use(phone, "phone"),
        soci::use(email, "email"), soci::use(hours, "hours");
  };
  int position = 0;
  for (const auto& m : info.material)
    insert(position++, "material", m.title, m.url, none, none, none);
  position = 0;
  for (const auto& c : info.support) {
    insert(position++, "support", c.label, none, c.phone, c.email, c.hours);
  }
}

ClinicSettings Store::settings(soci::session& sql, const std::string& care_unit_id) {
  ClinicSettings s;
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT published, images_enabled, image_types, image_max_bytes,"
                      " image_retention_days FROM clinic_eservice_settings WHERE care_unit_id = :u",
       soci::use(care_unit_id, "u"));
  for (const auto& r : rows) {
    s.published = r.get<int>(0) != 0;
    s.images.enabled = r.get<int>(1) != 0;
    s.images.types = types_from(r.get<std::string>(2));
    s.images.max_bytes = r.get<long long>(3);
    s.images.retention_days = r.get<int>(4);
  }
  return s;
}

void Store::save_settings(soci::session& sql, const std::string& care_unit_id,
                          const ClinicSettings& s) {
  const int published = s.published ? 1 : 0;
  const int enabled = s.images.enabled ? 1 : 0;
  const auto types = types_json(s.images.types);
  const long long max_bytes = s.images.max_bytes;
  const int retention = s.images.retention_days;
  sql << "INSERT INTO clinic_eservice_settings (care_unit_id, published, images_enabled,"
         " image_types, image_max_bytes, image_retention_days)"
         " VALUES (:u, :p, :e, :t, :m, :r) ON CONFLICT (care_unit_id) DO UPDATE SET"
         " published = excluded.published, images_enabled = excluded.images_enabled,"
         " image_types = excluded.image_types, image_max_bytes = excluded.image_max_bytes,"
         " image_retention_days = excluded.image_retention_days",
      soci::use(care_unit_id, "u"), soci::use(published, "p"), soci::use(enabled, "e"),
      soci::use(types, "t"), soci::use(max_bytes, "m"), soci::use(retention, "r");
}

std::vector<std::string> Store::eservice_admins(soci::session& sql,
                                                const std::string& care_unit_id) {
  std::vector<std::string> ids;
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT staff_id FROM staff_assignments WHERE care_unit_id = :u"
                      " AND role = 'eservice_admin' ORDER BY staff_id",
       soci::use(care_unit_id, "u"));
  for (const auto& r : rows) ids.push_back(r.get<std::string>(0));
  return ids;
}

std::vector<std::string> Store::staff_of_unit(soci::session& sql, const std::string& care_unit_id) {
  std::vector<std::string> ids;
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT DISTINCT staff_id FROM staff_assignments WHERE care_unit_id = :u"
                      " ORDER BY staff_id",
       soci::use(care_unit_id, "u"));
  for (const auto& r : rows) ids.push_back(r.get<std::string>(0));
  return ids;
}

void Store::insert_case(soci::session& sql, const Case& c) {
  const std::string submitted_by(to_string(c.submitted_by_kind));
  const std::string status(to_string(c.status));
  NullableText assignee(c.assignee_id);
  const long long created = c.created_at_ms;
  const long long updated = c.updated_at_ms;
  Nullable due(c.due_at_ms);
  sql << "INSERT INTO cases (id, care_unit_id, service_code, patient_id, submitted_by_kind,"
         " submitted_by_id, status, assignee_id, fields_json, created_at_ms, updated_at_ms,"
         " due_at_ms) VALUES (:id, :unit, :code, :patient, :by_kind, :by_id, :status, :assignee,"
         " :fields, :created, :updated, :due)",
      soci::use(c.id, "id"), soci::use(c.care_unit_id, "unit"), soci::use(c.service_code, "code"),
      soci::use(c.patient_id, "patient"), soci::use(submitted_by, "by_kind"),
      soci::use(c.submitted_by_id, "by_id"), soci::use(status, "status"),
      soci::use(assignee.value, assignee.indicator, "assignee"), soci::use(c.fields_json, "fields"),
      soci::use(created, "created"), soci::use(updated, "updated"),
      soci::use(due.value, due.indicator, "due");
}

void Store::update_case(soci::session& sql, const Case& c) {
  const std::string status(to_string(c.status));
  NullableText assignee(c.assignee_id);
  const long long updated = c.updated_at_ms;
  Nullable due(c.due_at_ms);
  Nullable closed(c.closed_at_ms);
  NullableText outcome(c.outcome ? std::optional<std::string>(std::string(to_string(*c.outcome)))
                                 : std::nullopt);
  Nullable contact(c.last_contact_ms);
  Nullable documented(c.documented_at_ms);
  NullableText documented_by(c.documented_by);
  sql << "UPDATE cases SET status = :status, assignee_id = :assignee, updated_at_ms = :updated,"
         " due_at_ms = :due, closed_at_ms = :closed, outcome = :outcome,"
         " last_contact_ms = :contact, documented_at_ms = :documented,"
         " documented_by = :documented_by WHERE id = :id",
      soci::use(status, "status"), soci::use(assignee.value, assignee.indicator, "assignee"),
      soci::use(updated, "updated"), soci::use(due.value, due.indicator, "due"),
      soci::use(closed.value, closed.indicator, "closed"),
      soci::use(outcome.value, outcome.indicator, "outcome"),
      soci::use(contact.value, contact.indicator, "contact"),
      soci::use(documented.value, documented.indicator, "documented"),
      soci::use(documented_by.value, documented_by.indicator, "documented_by"),
      soci::use(c.id, "id");
}

std::optional<Case> Store::find_case(soci::session& sql, const std::string& id) {
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT " << kCaseColumns << " FROM cases c WHERE c.id = :id",
       soci::use(id, "id"));
  for (const auto& r : rows) return case_from(r);
  return std::nullopt;
}

void Store::insert_message(soci::session& sql, const Message& m) {
  const std::string author(to_string(m.author_kind));
  const std::string kind(to_string(m.kind));
  const long long created = m.created_at_ms;
  sql << "INSERT INTO case_messages (id, case_id, author_kind, author_id, kind, body,"
         " created_at_ms) VALUES (:id, :case_id, :author_kind, :author_id, :kind, :body, :at)",
      soci::use(m.id, "id"), soci::use(m.case_id, "case_id"), soci::use(author, "author_kind"),
      soci::use(m.author_id, "author_id"), soci::use(kind, "kind"), soci::use(m.body, "body"),
      soci::use(created, "at");
}

std::vector<Message> Store::messages(soci::session& sql, const std::string& case_id) {
  std::vector<Message> list;
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT m.id, m.case_id, m.author_kind, m.author_id, m.kind, m.body,"
                      " m.created_at_ms, COALESCE(p.given_name || ' ' || p.family_name,"
                      " s.given_name || ' ' || s.family_name, '')"
                      " FROM case_messages m"
                      " LEFT JOIN patients p ON m.author_kind <> 'staff' AND p.id = m.author_id"
                      " LEFT JOIN staff s ON m.author_kind = 'staff' AND s.id = m.author_id"
                      " WHERE m.case_id = :c ORDER BY m.created_at_ms, m.id",
       soci::use(case_id, "c"));
  for (const auto& r : rows) {
    Message m;
    m.id = r.get<std::string>(0);
    m.case_id = r.get<std::string>(1);
    m.author_kind = author_kind_from(r.get<std::string>(2)).value_or(AuthorKind::patient);
    m.author_id = r.get<std::string>(3);
    m.kind = message_kind_from(r.get<std::string>(4)).value_or(MessageKind::message);
    m.body = r.get<std::string>(5);
    m.created_at_ms = r.get<long long>(6);
    m.author_name = r.get<std::string>(7);
    list.push_back(std::move(m));
  }
  return list;
}

void Store::start_clock(soci::session& sql, const std::string& case_id,
                        const std::string& care_unit_id, const std::string& service_code,
                        const AnswerClock& clock) {
  const long long started = clock.started_at_ms;
  const long long due = clock.due_at_ms;
  const auto id = db::new_uuid_v7();
  sql << "INSERT INTO answer_clocks (id, case_id, care_unit_id, service_code, started_at_ms,"
         " due_at_ms) VALUES (:id, :c, :u, :s, :started, :due)",
      soci::use(id, "id"), soci::use(case_id, "c"), soci::use(care_unit_id, "u"),
      soci::use(service_code, "s"), soci::use(started, "started"), soci::use(due, "due");
}

void Store::stop_clocks(soci::session& sql, const std::string& case_id, std::int64_t at_ms) {
  const long long at = at_ms;
  sql << "UPDATE answer_clocks SET answered_at_ms = :at WHERE case_id = :c"
         " AND answered_at_ms IS NULL",
      soci::use(at, "at"), soci::use(case_id, "c");
}

std::optional<std::int64_t> Store::earliest_open_due(soci::session& sql,
                                                     const std::string& case_id) {
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT due_at_ms FROM answer_clocks WHERE case_id = :c"
                      " AND answered_at_ms IS NULL ORDER BY due_at_ms LIMIT 1",
       soci::use(case_id, "c"));
  for (const auto& r : rows) return r.get<long long>(0);
  return std::nullopt;
}

std::vector<CaseSummary> Store::unit_cases(soci::session& sql, const std::string& care_unit_id,
                                           bool closed, std::int64_t now_ms) {
  std::vector<CaseSummary> list;
  const long long now = now_ms;
  const std::string order = closed
                                ? " AND c.status = 'closed' ORDER BY c.closed_at_ms DESC LIMIT 200"
                                : " AND c.status <> 'closed'"
                                  " ORDER BY (c.due_at_ms IS NULL), c.due_at_ms, c.created_at_ms";
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT " << kCaseColumns << kSummaryColumns << kSummaryJoins
                   << " WHERE c.care_unit_id = :unit" << order,
       soci::use(now, "now"), soci::use(now, "now2"), soci::use(care_unit_id, "unit"));
  for (const auto& r : rows) list.push_back(summary_from(r));
  return list;
}

std::vector<CaseSummary> Store::patient_cases(soci::session& sql, const std::string& patient_id) {
  std::vector<CaseSummary> list;
  const long long now = 0;  // absences are staff matters; the patient's list does not show them
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT " << kCaseColumns << kSummaryColumns << kSummaryJoins
                   << " WHERE c.patient_id = :patient ORDER BY c.created_at_ms DESC LIMIT 200",
       soci::use(now, "now"), soci::use(now, "now2"), soci::use(patient_id, "patient"));
  for (const auto& r : rows) list.push_back(summary_from(r));
  return list;
}

std::vector<CaseSummary> Store::undocumented(soci::session& sql, const std::string& care_unit_id,
                                             std::int64_t closed_before_ms) {
  std::vector<CaseSummary> list;
  const long long now = 0;
  const long long before = closed_before_ms;
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT " << kCaseColumns << kSummaryColumns << kSummaryJoins
                   << " WHERE c.care_unit_id = :unit AND c.status = 'closed'"
                      " AND c.documented_at_ms IS NULL AND c.last_contact_ms IS NOT NULL"
                      " AND c.closed_at_ms < :before ORDER BY c.closed_at_ms LIMIT 500",
       soci::use(now, "now"), soci::use(now, "now2"), soci::use(care_unit_id, "unit"),
       soci::use(before, "before"));
  for (const auto& r : rows) list.push_back(summary_from(r));
  return list;
}

std::vector<Case> Store::cases_due_before(soci::session& sql, std::int64_t due_before_ms) {
  std::vector<Case> list;
  const long long before = due_before_ms;
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT " << kCaseColumns
                   << " FROM cases c WHERE c.status <> 'closed' AND c.due_at_ms IS NOT NULL"
                      " AND c.due_at_ms < :before ORDER BY c.due_at_ms LIMIT 5000",
       soci::use(before, "before"));
  for (const auto& r : rows) list.push_back(case_from(r));
  return list;
}

bool Store::insert_escalation(soci::session& sql, const Escalation& e) {
  const std::string level(to_string(e.level));
  const long long due = e.due_at_ms;
  const long long raised = e.raised_at_ms;
  soci::statement st =
      (sql.prepare << "INSERT INTO case_escalations (case_id, care_unit_id, level, due_at_ms,"
                      " raised_at_ms) VALUES (:c, :u, :l, :d, :r)"
                      " ON CONFLICT (case_id, level, due_at_ms) DO NOTHING",
       soci::use(e.case_id, "c"), soci::use(e.care_unit_id, "u"), soci::use(level, "l"),
       soci::use(due, "d"), soci::use(raised, "r"));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

std::vector<Escalation> Store::escalations(soci::session& sql, const std::string& care_unit_id,
                                           std::int64_t since_ms) {
  std::vector<Escalation> list;
  const long long since = since_ms;
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT case_id, care_unit_id, level, due_at_ms, raised_at_ms"
                      " FROM case_escalations WHERE care_unit_id = :u AND raised_at_ms >= :s"
                      " ORDER BY raised_at_ms DESC LIMIT 500",
       soci::use(care_unit_id, "u"), soci::use(since, "s"));
  for (const auto& r : rows) {
    list.push_back({r.get<std::string>(0), r.get<std::string>(1),
                    r.get<std::string>(2) == "overdue" ? ClockState::overdue : ClockState::at_risk,
                    r.get<long long>(3), r.get<long long>(4)});
  }
  return list;
}

void Store::set_absence(soci::session& sql, const Absence& a) {
  const long long from = a.from_ms;
  const long long to = a.to_ms;
  sql << "INSERT INTO staff_absences (staff_id, from_ms, to_ms) VALUES (:s, :f, :t)"
         " ON CONFLICT (staff_id) DO UPDATE SET from_ms = excluded.from_ms, to_ms = excluded.to_ms",
      soci::use(a.staff_id, "s"), soci::use(from, "f"), soci::use(to, "t");
}

void Store::clear_absence(soci::session& sql, const std::string& staff_id) {
  sql << "DELETE FROM staff_absences WHERE staff_id = :s", soci::use(staff_id, "s");
}

std::optional<Absence> Store::absence_of(soci::session& sql, const std::string& staff_id,
                                         std::int64_t now_ms) {
  const long long now = now_ms;
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT staff_id, from_ms, to_ms FROM staff_absences WHERE staff_id = :s"
                      " AND to_ms > :now",
       soci::use(staff_id, "s"), soci::use(now, "now"));
  for (const auto& r : rows) {
    return Absence{r.get<std::string>(0), r.get<long long>(1), r.get<long long>(2)};
  }
  return std::nullopt;
}

std::vector<UnitClock> Store::clocks(soci::session& sql, const std::string& care_unit_id,
                                     std::int64_t from_ms, std::int64_t to_ms) {
  std::vector<UnitClock> list;
  const long long from = from_ms;
  const long long to = to_ms;
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT care_unit_id, service_code, started_at_ms, due_at_ms, answered_at_ms"
                      " FROM answer_clocks WHERE care_unit_id = :u AND started_at_ms >= :f"
                      " AND started_at_ms < :t",
       soci::use(care_unit_id, "u"), soci::use(from, "f"), soci::use(to, "t"));
  for (const auto& r : rows) {
    list.push_back({r.get<std::string>(0), r.get<std::string>(1),
                    AnswerClock{r.get<long long>(2), r.get<long long>(3), optional_int64(r, 4)}});
  }
  return list;
}

std::vector<std::string> Store::case_services(soci::session& sql, const std::string& care_unit_id,
                                              std::int64_t from_ms, std::int64_t to_ms) {
  std::vector<std::string> codes;
  const long long from = from_ms;
  const long long to = to_ms;
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT service_code FROM cases WHERE care_unit_id = :u"
                      " AND created_at_ms >= :f AND created_at_ms < :t",
       soci::use(care_unit_id, "u"), soci::use(from, "f"), soci::use(to, "t"));
  for (const auto& r : rows) codes.push_back(r.get<std::string>(0));
  return codes;
}

namespace {
Attachment attachment_from(const soci::row& r) {
  return {r.get<std::string>(0), r.get<std::string>(1), r.get<std::string>(2),
          r.get<std::string>(3), r.get<long long>(4),   r.get<std::string>(5),
          r.get<long long>(6),   r.get<long long>(7)};
}
constexpr std::string_view kAttachmentColumns =
    "SELECT id, case_id, message_id, content_type, size_bytes, sha256, created_at_ms,"
    " delete_after_ms FROM case_attachments";
}  // namespace

void Store::insert_attachment(soci::session& sql, const Attachment& a) {
  const long long size = a.size;
  const long long created = a.created_at_ms;
  const long long expires = a.delete_after_ms;
  sql << "INSERT INTO case_attachments (id, case_id, message_id, content_type, size_bytes,"
         " sha256, created_at_ms, delete_after_ms) VALUES (:id, :c, :m, :t, :s, :h, :at, :exp)",
      soci::use(a.id, "id"), soci::use(a.case_id, "c"), soci::use(a.message_id, "m"),
      soci::use(a.content_type, "t"), soci::use(size, "s"), soci::use(a.sha256, "h"),
      soci::use(created, "at"), soci::use(expires, "exp");
}

std::optional<Attachment> Store::find_attachment(soci::session& sql, const std::string& id) {
  soci::rowset<soci::row> rows =
      (sql.prepare << kAttachmentColumns << " WHERE id = :id", soci::use(id, "id"));
  for (const auto& r : rows) return attachment_from(r);
  return std::nullopt;
}

std::vector<Attachment> Store::attachments(soci::session& sql, const std::string& case_id) {
  std::vector<Attachment> list;
  soci::rowset<soci::row> rows =
      (sql.prepare << kAttachmentColumns << " WHERE case_id = :c ORDER BY created_at_ms, id",
       soci::use(case_id, "c"));
  for (const auto& r : rows) list.push_back(attachment_from(r));
  return list;
}

std::vector<Attachment> Store::expired_attachments(soci::session& sql, std::int64_t now_ms) {
  std::vector<Attachment> list;
  const long long now = now_ms;
  soci::rowset<soci::row> rows =
      (sql.prepare << kAttachmentColumns << " WHERE delete_after_ms <= :now LIMIT 500",
       soci::use(now, "now"));
  for (const auto& r : rows) list.push_back(attachment_from(r));
  return list;
}

void Store::delete_attachment(soci::session& sql, const std::string& id) {
  sql << "DELETE FROM case_attachments WHERE id = :id", soci::use(id, "id");
}

}  // namespace oppenvard::eservices
