#include "booking/store.hpp"

#include <cstring>

#include "db/rows.hpp"
#include "db/uuid.hpp"

namespace oppenvard::booking {
namespace {

constexpr std::string_view kCreateTypes =
    "CREATE TABLE appointment_types ("
    " id TEXT PRIMARY KEY,"
    " care_unit_id TEXT NOT NULL REFERENCES care_units (id),"
    " name_sv TEXT NOT NULL, name_en TEXT NOT NULL,"
    " minutes INTEGER NOT NULL CHECK (minutes BETWEEN 5 AND 480),"
    " channel TEXT NOT NULL CHECK (channel IN ('in_person', 'video', 'phone')),"
    " profession TEXT NOT NULL CHECK (profession IN ('doctor', 'other')),"
    " self_bookable INTEGER NOT NULL,"
    " CHECK (self_bookable = 0 OR channel = 'in_person'))";
constexpr std::string_view kCreateHours =
    "CREATE TABLE opening_hours ("
    " id TEXT PRIMARY KEY,"
    " care_unit_id TEXT NOT NULL REFERENCES care_units (id),"
    " staff_id TEXT NOT NULL REFERENCES staff (id),"
    " appointment_type_id TEXT NOT NULL REFERENCES appointment_types (id),"
    " weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),"
    " start_minute INTEGER NOT NULL, end_minute INTEGER NOT NULL,"
    " valid_from TEXT NOT NULL, valid_to TEXT)";
constexpr std::string_view kCreateSlots =
    "CREATE TABLE slots ("
    " id TEXT PRIMARY KEY,"
    " care_unit_id TEXT NOT NULL REFERENCES care_units (id),"
    " staff_id TEXT NOT NULL REFERENCES staff (id),"
    " appointment_type_id TEXT NOT NULL REFERENCES appointment_types (id),"
    " start_ms BIGINT NOT NULL, end_ms BIGINT NOT NULL,"
    " opening_hours_id TEXT REFERENCES opening_hours (id),"
    " UNIQUE (staff_id, start_ms),"
    " CHECK (end_ms > start_ms))";
constexpr std::string_view kIndexSlots =
    "CREATE INDEX slots_by_unit ON slots (care_unit_id, start_ms)";
constexpr std::string_view kCreateBlocks =
    "CREATE TABLE slot_blocks ("
    " id TEXT PRIMARY KEY,"
    " staff_id TEXT NOT NULL REFERENCES staff (id),"
    " from_ms BIGINT NOT NULL, to_ms BIGINT NOT NULL, reason TEXT NOT NULL,"
    " CHECK (to_ms > from_ms))";
constexpr std::string_view kIndexBlocks =
    "CREATE INDEX slot_blocks_by_staff ON slot_blocks (staff_id, from_ms)";
constexpr std::string_view kCreateAppointments =
    "CREATE TABLE appointments ("
    " id TEXT PRIMARY KEY,"
    " care_unit_id TEXT NOT NULL REFERENCES care_units (id),"
    " slot_id TEXT NOT NULL REFERENCES slots (id),"
    " staff_id TEXT NOT NULL REFERENCES staff (id),"
    " patient_id TEXT NOT NULL REFERENCES patients (id),"
    " appointment_type_id TEXT NOT NULL REFERENCES appointment_types (id),"
    " channel TEXT NOT NULL, profession TEXT NOT NULL,"
    " start_ms BIGINT NOT NULL, end_ms BIGINT NOT NULL,"
    " status TEXT NOT NULL CHECK (status IN ('booked', 'arrived', 'fulfilled', 'cancelled',"
    " 'noshow')),"
    " source TEXT NOT NULL CHECK (source IN ('request', 'self_service', 'staff')),"
    " case_id TEXT REFERENCES cases (id),"
    " booked_by_kind TEXT NOT NULL, booked_by_id TEXT NOT NULL,"
    " suitability_by TEXT REFERENCES staff (id), suitability_at_ms BIGINT,"
    " sequence INTEGER NOT NULL,"
    " created_at_ms BIGINT NOT NULL, updated_at_ms BIGINT NOT NULL,"
    " CHECK (channel = 'in_person' OR suitability_by IS NOT NULL))";
// The guarantee against double booking: one live appointment per slot.
constexpr std::string_view kIndexOnePerSlot =
    "CREATE UNIQUE INDEX appointments_live_slot ON appointments (slot_id)"
    " WHERE status <> 'cancelled'";
constexpr std::string_view kIndexByPatient =
    "CREATE INDEX appointments_by_patient ON appointments (patient_id, start_ms)";
constexpr std::string_view kIndexByUnit =
    "CREATE INDEX appointments_by_unit ON appointments (care_unit_id, start_ms)";
constexpr std::string_view kCreateFlags =
    "CREATE TABLE patient_disability_flags ("
    " patient_id TEXT PRIMARY KEY REFERENCES patients (id),"
    " recorded_by TEXT NOT NULL, recorded_at_ms BIGINT NOT NULL)";
constexpr std::string_view kCreateMaturity =
    "CREATE TABLE maturity_assessments ("
    " id TEXT PRIMARY KEY,"
    " patient_id TEXT NOT NULL REFERENCES patients (id),"
    " care_unit_id TEXT NOT NULL REFERENCES care_units (id),"
    " assessed_by TEXT NOT NULL REFERENCES staff (id),"
    " assessed_at_ms BIGINT NOT NULL,"
    " suitable INTEGER NOT NULL)";

constexpr std::string_view kTypeColumns =
    "SELECT id, care_unit_id, name_sv, name_en, minutes, channel, profession, self_bookable"
    " FROM appointment_types";

AppointmentType type_from(const soci::row& r) {
  return {r.get<std::string>(0),
          r.get<std::string>(1),
          r.get<std::string>(2),
          r.get<std::string>(3),
          r.get<int>(4),
          channel_from(r.get<std::string>(5)).value_or(Channel::in_person),
          profession_from(r.get<std::string>(6)).value_or(Profession::other),
          r.get<int>(7) != 0};
}

// A slot is taken when a live appointment holds it or an absence covers it.
const std::string kSlotTaken =
    "EXISTS (SELECT 1 FROM appointments a WHERE a.slot_id = s.id AND a.status <> 'cancelled')"
    " OR EXISTS (SELECT 1 FROM slot_blocks b WHERE b.staff_id = s.staff_id"
    " AND b.from_ms < s.end_ms AND b.to_ms > s.start_ms)";
const std::string kSlotColumns =
    "SELECT s.id, s.care_unit_id, s.staff_id, st.given_name || ' ' || st.family_name,"
    " s.appointment_type_id, s.start_ms, s.end_ms,"
    " CASE WHEN " +
    kSlotTaken +
    " THEN 0 ELSE 1 END"
    " FROM slots s JOIN staff st ON st.id = s.staff_id";
// The same condition as a filter, so a search for free times stops at its limit in SQL.
const std::string kSlotIsFree = " AND (:any_state = 1 OR NOT (" + kSlotTaken + "))";

Slot slot_from(const soci::row& r) {
  return {r.get<std::string>(0), r.get<std::string>(1),    r.get<std::string>(2),
          r.get<std::string>(3), r.get<std::string>(4),    r.get<long long>(5),
          r.get<long long>(6),   db::integer_at(r, 7) != 0};
}

constexpr std::string_view kAppointmentColumns =
    "SELECT a.id, a.care_unit_id, u.name, a.slot_id, a.staff_id,"
    " st.given_name || ' ' || st.family_name, a.patient_id,"
    " p.given_name || ' ' || p.family_name, a.appointment_type_id, t.name_sv, t.name_en,"
    " a.channel, a.profession, a.start_ms, a.end_ms, a.status, a.source, a.case_id,"
    " a.booked_by_kind, a.booked_by_id, a.suitability_by, a.suitability_at_ms, a.sequence,"
    " a.created_at_ms, a.updated_at_ms"
    " FROM appointments a JOIN care_units u ON u.id = a.care_unit_id"
    " JOIN staff st ON st.id = a.staff_id JOIN patients p ON p.id = a.patient_id"
    " JOIN appointment_types t ON t.id = a.appointment_type_id";

Appointment appointment_from(const soci::row& r) {
  Appointment a;
  a.id = r.get<std::string>(0);
  a.care_unit_id = r.get<std::string>(1);
  a.care_unit_name = r.get<std::string>(2);
  a.slot_id = r.get<std::string>(3);
  a.staff_id = r.get<std::string>(4);
  a.staff_name = r.get<std::string>(5);
  a.patient_id = r.get<std::string>(6);
  a.patient_name = r.get<std::string>(7);
  a.appointment_type_id = r.get<std::string>(8);
  a.type_name_sv = r.get<std::string>(9);
  a.type_name_en = r.get<std::string>(10);
  a.channel = channel_from(r.get<std::string>(11)).value_or(Channel::in_person);
  a.profession = profession_from(r.get<std::string>(12)).value_or(Profession::other);
  a.start_ms = r.get<long long>(13);
  a.end_ms = r.get<long long>(14);
  a.status = appointment_status_from(r.get<std::string>(15)).value_or(AppointmentStatus::booked);
  a.source = source_from(r.get<std::string>(16)).value_or(Source::staff);
  a.case_id = db::optional_text(r, 17);
  a.booked_by_kind = r.get<std::string>(18);
  a.booked_by_id = r.get<std::string>(19);
  if (const auto by = db::optional_text(r, 20))
    a.suitability = Suitability{*by, r.get<long long>(21)};
  a.sequence = r.get<int>(22);
  a.created_at_ms = r.get<long long>(23);
  a.updated_at_ms = r.get<long long>(24);
  return a;
}

}  // namespace

std::vector<db::Migration> migrations() {
  return {{"booking/0001_appointments",
           {kCreateTypes, kCreateHours, kCreateSlots, kIndexSlots, kCreateBlocks, kIndexBlocks,
            kCreateAppointments, kIndexOnePerSlot, kIndexByPatient, kIndexByUnit, kCreateFlags,
            kCreateMaturity}}};
}

bool is_unique_violation(const std::exception& e) {
  const char* what = e.what();
  return std::strstr(what, "UNIQUE constraint failed") != nullptr ||
         std::strstr(what, "duplicate key value violates unique constraint") != nullptr;
}

bool Store::unit_exists(soci::session& sql, const std::string& care_unit_id) {
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT id FROM care_units WHERE id = :id", soci::use(care_unit_id, "id"));
  return rows.begin() != rows.end();
}

void Store::insert_type(soci::session& sql, const AppointmentType& t) {
  const std::string channel(to_string(t.channel));
  const std::string profession(to_string(t.profession));
  const int self = t.self_bookable ? 1 : 0;
  sql << "INSERT INTO appointment_types (id, care_unit_id, name_sv, name_en, minutes, channel,"
         " profession, self_bookable) VALUES (:id, :u, :sv, :en, :m, :c, :p, :s)"
         " ON CONFLICT (id) DO NOTHING",
      soci::use(t.id, "id"), soci::use(t.care_unit_id, "u"), soci::use(t.name_sv, "sv"),
      soci::use(t.name_en, "en"), soci::use(t.minutes, "m"), soci::use(channel, "c"),
      soci::use(profession, "p"), soci::use(self, "s");
}

std::optional<AppointmentType> Store::find_type(soci::session& sql, const std::string& id) {
  soci::rowset<soci::row> rows =
      (sql.prepare << kTypeColumns << " WHERE id = :id", soci::use(id, "id"));
  for (const auto& r : rows) return type_from(r);
  return std::nullopt;
}

std::vector<AppointmentType> Store::types(soci::session& sql, const std::string& care_unit_id) {
  std::vector<AppointmentType> list;
  soci::rowset<soci::row> rows =
      (sql.prepare << kTypeColumns << " WHERE care_unit_id = :u ORDER BY name_sv, id",
       soci::use(care_unit_id, "u"));
  for (const auto& r : rows) list.push_back(type_from(r));
  return list;
}

void Store::insert_opening_hours(soci::session& sql, const OpeningHours& h) {
  const std::string to = h.valid_to.value_or("");
  soci::indicator to_ind = h.valid_to ? soci::i_ok : soci::i_null;
  sql << "INSERT INTO opening_hours (id, care_unit_id, staff_id, appointment_type_id, weekday,"
         " start_minute, end_minute, valid_from, valid_to) VALUES (:id, :u, :s, :t, :w, :a, :b,"
         " :f, :to) ON CONFLICT (id) DO NOTHING",
      soci::use(h.id, "id"), soci::use(h.care_unit_id, "u"), soci::use(h.staff_id, "s"),
      soci::use(h.appointment_type_id, "t"), soci::use(h.weekday, "w"),
      soci::use(h.start_minute, "a"), soci::use(h.end_minute, "b"), soci::use(h.valid_from, "f"),
      soci::use(to, to_ind, "to");
}

std::vector<OpeningHours> Store::opening_hours(soci::session& sql,
                                               const std::string& care_unit_id) {
  std::vector<OpeningHours> list;
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT id, care_unit_id, staff_id, appointment_type_id, weekday,"
                      " start_minute, end_minute, valid_from, valid_to FROM opening_hours"
                      " WHERE care_unit_id = :u ORDER BY staff_id, weekday, start_minute",
       soci::use(care_unit_id, "u"));
  for (const auto& r : rows) {
    list.push_back({r.get<std::string>(0), r.get<std::string>(1), r.get<std::string>(2),
                    r.get<std::string>(3), r.get<int>(4), r.get<int>(5), r.get<int>(6),
                    r.get<std::string>(7), db::optional_text(r, 8)});
  }
  return list;
}

bool Store::insert_slot(soci::session& sql, const Slot& s) {
  const long long start = s.start_ms;
  const long long end = s.end_ms;
  soci::statement st =
      (sql.prepare << "INSERT INTO slots (id, care_unit_id, staff_id, appointment_type_id,"
                      " start_ms, end_ms) VALUES (:id, :u, :s, :t, :a, :b)"
                      " ON CONFLICT (staff_id, start_ms) DO NOTHING",
       soci::use(s.id, "id"), soci::use(s.care_unit_id, "u"), soci::use(s.staff_id, "s"),
       soci::use(s.appointment_type_id, "t"), soci::use(start, "a"), soci::use(end, "b"));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

std::optional<Slot> Store::find_slot(soci::session& sql, const std::string& id, std::int64_t) {
  soci::rowset<soci::row> rows =
      (sql.prepare << kSlotColumns << " WHERE s.id = :id", soci::use(id, "id"));
  for (const auto& r : rows) return slot_from(r);
  return std::nullopt;
}

std::vector<Slot> Store::slots(soci::session& sql, const SlotQuery& q) {
  std::vector<Slot> list;
  const long long from = q.from_ms;
  const long long to = q.to_ms;
  const std::string staff = q.staff_id.value_or("");
  const int any_staff = q.staff_id ? 0 : 1;
  const std::string type = q.appointment_type_id.value_or("");
  const int any_type = q.appointment_type_id ? 0 : 1;
  const int self_only = q.self_bookable_only ? 1 : 0;
  soci::rowset<soci::row> rows =
      (sql.prepare << kSlotColumns
                   << " JOIN appointment_types t ON t.id = s.appointment_type_id"
                      " WHERE s.care_unit_id = :u AND s.start_ms >= :f AND s.start_ms < :t"
                      " AND (:any_staff = 1 OR s.staff_id = :staff)"
                      " AND (:any_type = 1 OR s.appointment_type_id = :type)"
                      " AND (:self_only = 0 OR t.self_bookable = 1)"
                      " ORDER BY s.start_ms, s.staff_id",
       soci::use(q.care_unit_id, "u"), soci::use(from, "f"), soci::use(to, "t"),
       soci::use(any_staff, "any_staff"), soci::use(staff, "staff"),
       soci::use(any_type, "any_type"), soci::use(type, "type"), soci::use(self_only, "self_only"));
  for (const auto& r : rows) {
    auto slot = slot_from(r);
    if (q.free_only && !slot.free) continue;
    list.push_back(std::move(slot));
    if (static_cast<int>(list.size()) >= q.limit) break;
  }
  return list;
}

void Store::insert_block(soci::session& sql, const std::string& staff_id, std::int64_t from_ms,
                         std::int64_t to_ms, const std::string& reason) {
  const long long from = from_ms;
  const long long to = to_ms;
  const std::string id = staff_id + ":" + std::to_string(from_ms) + ":" + std::to_string(to_ms);
  sql << "INSERT INTO slot_blocks (id, staff_id, from_ms, to_ms, reason) VALUES (:id, :s, :f,"
         " :t, :r) ON CONFLICT (id) DO NOTHING",
      soci::use(id, "id"), soci::use(staff_id, "s"), soci::use(from, "f"), soci::use(to, "t"),
      soci::use(reason, "r");
}

std::vector<Absence> Store::absences(soci::session& sql, const std::string& care_unit_id,
                                     std::int64_t from_ms) {
  const long long from = from_ms;
  std::vector<Absence> list;
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT b.staff_id, s.given_name || ' ' || s.family_name, b.from_ms,"
                      " b.to_ms FROM slot_blocks b JOIN staff s ON s.id = b.staff_id"
                      " WHERE b.to_ms > :f AND b.staff_id IN (SELECT staff_id FROM"
                      " staff_assignments WHERE care_unit_id = :u) ORDER BY b.from_ms, b.staff_id",
       soci::use(from, "f"), soci::use(care_unit_id, "u"));
  for (const auto& r : rows) {
    list.push_back(
        {r.get<std::string>(0), r.get<std::string>(1), db::integer_at(r, 2), db::integer_at(r, 3)});
  }
  return list;
}

void Store::insert_appointment(soci::session& sql, const Appointment& a) {
  const std::string channel(to_string(a.channel));
  const std::string profession(to_string(a.profession));
  const std::string status(to_string(a.status));
  const std::string source(to_string(a.source));
  const long long start = a.start_ms;
  const long long end = a.end_ms;
  const std::string case_id = a.case_id.value_or("");
  soci::indicator case_ind = a.case_id ? soci::i_ok : soci::i_null;
  const std::string by = a.suitability ? a.suitability->confirmed_by : "";
  soci::indicator by_ind = a.suitability ? soci::i_ok : soci::i_null;
  const long long by_at = a.suitability ? a.suitability->confirmed_at_ms : 0;
  soci::indicator by_at_ind = by_ind;
  const long long created = a.created_at_ms;
  const long long updated = a.updated_at_ms;
  sql << "INSERT INTO appointments (id, care_unit_id, slot_id, staff_id, patient_id,"
         " appointment_type_id, channel, profession, start_ms, end_ms, status, source, case_id,"
         " booked_by_kind, booked_by_id, suitability_by, suitability_at_ms, sequence,"
         " created_at_ms, updated_at_ms) VALUES (:id, :u, :slot, :staff, :patient, :type,"
         " :channel, :profession, :start, :end, :status, :source, :case_id, :by_kind, :by_id,"
         " :s_by, :s_at, :seq, :created, :updated)",
      soci::use(a.id, "id"), soci::use(a.care_unit_id, "u"), soci::use(a.slot_id, "slot"),
      soci::use(a.staff_id, "staff"), soci::use(a.patient_id, "patient"),
      soci::use(a.appointment_type_id, "type"), soci::use(channel, "channel"),
      soci::use(profession, "profession"), soci::use(start, "start"), soci::use(end, "end"),
      soci::use(status, "status"), soci::use(source, "source"),
      soci::use(case_id, case_ind, "case_id"), soci::use(a.booked_by_kind, "by_kind"),
      soci::use(a.booked_by_id, "by_id"), soci::use(by, by_ind, "s_by"),
      soci::use(by_at, by_at_ind, "s_at"), soci::use(a.sequence, "seq"),
      soci::use(created, "created"), soci::use(updated, "updated");
}

void Store::update_appointment(soci::session& sql, const Appointment& a) {
  const std::string status(to_string(a.status));
  const std::string channel(to_string(a.channel));
  const long long updated = a.updated_at_ms;
  const long long start = a.start_ms;
  const long long end = a.end_ms;
  sql << "UPDATE appointments SET status = :status, sequence = :seq, updated_at_ms = :updated,"
         " slot_id = :slot, staff_id = :staff, start_ms = :start, end_ms = :end,"
         " channel = :channel WHERE id = :id",
      soci::use(status, "status"), soci::use(a.sequence, "seq"), soci::use(updated, "updated"),
      soci::use(a.slot_id, "slot"), soci::use(a.staff_id, "staff"), soci::use(start, "start"),
      soci::use(end, "end"), soci::use(channel, "channel"), soci::use(a.id, "id");
}

std::optional<Appointment> Store::find_appointment(soci::session& sql, const std::string& id) {
  soci::rowset<soci::row> rows =
      (sql.prepare << kAppointmentColumns << " WHERE a.id = :id", soci::use(id, "id"));
  for (const auto& r : rows) return appointment_from(r);
  return std::nullopt;
}

std::vector<Appointment> Store::appointments(soci::session& sql, const AppointmentQuery& q) {
  std::vector<Appointment> list;
  const std::string unit = q.care_unit_id.value_or("");
  const int any_unit = q.care_unit_id ? 0 : 1;
  const std::string patient = q.patient_id.value_or("");
  const int any_patient = q.patient_id ? 0 : 1;
  const std::string staff = q.staff_id.value_or("");
  const int any_staff = q.staff_id ? 0 : 1;
  const long long from = q.from_ms;
  const long long to = q.to_ms;
  const int cancelled = q.include_cancelled ? 1 : 0;
  soci::rowset<soci::row> rows =
      (sql.prepare << kAppointmentColumns
                   << " WHERE (:any_unit = 1 OR a.care_unit_id = :unit)"
                      " AND (:any_patient = 1 OR a.patient_id = :patient)"
                      " AND (:any_staff = 1 OR a.staff_id = :staff)"
                      " AND a.start_ms >= :f AND a.start_ms < :t"
                      " AND (:cancelled = 1 OR a.status <> 'cancelled')"
                      " ORDER BY a.start_ms, a.id LIMIT 1000",
       soci::use(any_unit, "any_unit"), soci::use(unit, "unit"),
       soci::use(any_patient, "any_patient"), soci::use(patient, "patient"),
       soci::use(any_staff, "any_staff"), soci::use(staff, "staff"), soci::use(from, "f"),
       soci::use(to, "t"), soci::use(cancelled, "cancelled"));
  for (const auto& r : rows) list.push_back(appointment_from(r));
  return list;
}

bool Store::has_disability_flag(soci::session& sql, const std::string& patient_id) {
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT patient_id FROM patient_disability_flags WHERE patient_id = :p",
       soci::use(patient_id, "p"));
  return rows.begin() != rows.end();
}

void Store::set_disability_flag(soci::session& sql, const std::string& patient_id, bool flagged,
                                const std::string& recorded_by, std::int64_t at_ms) {
  if (!flagged) {
    sql << "DELETE FROM patient_disability_flags WHERE patient_id = :p", soci::use(patient_id, "p");
    return;
  }
  const long long at = at_ms;
  sql << "INSERT INTO patient_disability_flags (patient_id, recorded_by, recorded_at_ms)"
         " VALUES (:p, :by, :at) ON CONFLICT (patient_id) DO NOTHING",
      soci::use(patient_id, "p"), soci::use(recorded_by, "by"), soci::use(at, "at");
}

void Store::insert_maturity_assessment(soci::session& sql, const MaturityAssessment& m) {
  const std::string id = db::new_uuid_v7();
  const long long at = m.assessed_at_ms;
  const int suitable = m.suitable ? 1 : 0;
  sql << "INSERT INTO maturity_assessments (id, patient_id, care_unit_id, assessed_by,"
         " assessed_at_ms, suitable) VALUES (:id, :p, :u, :by, :at, :ok)",
      soci::use(id, "id"), soci::use(m.patient_id, "p"), soci::use(m.care_unit_id, "u"),
      soci::use(m.assessed_by, "by"), soci::use(at, "at"), soci::use(suitable, "ok");
}

std::optional<MaturityAssessment> Store::latest_maturity_assessment(
    soci::session& sql, const std::string& patient_id, const std::string& care_unit_id) {
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT patient_id, care_unit_id, assessed_by, assessed_at_ms, suitable"
                      " FROM maturity_assessments WHERE patient_id = :p AND care_unit_id = :u"
                      " ORDER BY assessed_at_ms DESC LIMIT 1",
       soci::use(patient_id, "p"), soci::use(care_unit_id, "u"));
  for (const auto& r : rows) {
    return MaturityAssessment{r.get<std::string>(0), r.get<std::string>(1), r.get<std::string>(2),
                              r.get<long long>(3), r.get<int>(4) != 0};
  }
  return std::nullopt;
}

}  // namespace oppenvard::booking
