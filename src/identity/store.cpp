#include "identity/store.hpp"

namespace oppenvard::identity {
namespace {

constexpr std::string_view kCreatePatients =
    "CREATE TABLE patients ("
    " id TEXT PRIMARY KEY,"
    " id_system TEXT NOT NULL,"
    " id_value TEXT NOT NULL,"
    " given_name TEXT NOT NULL, family_name TEXT NOT NULL,"
    " birth_date TEXT NOT NULL,"
    " phone TEXT, email TEXT,"
    " UNIQUE (id_system, id_value))";
constexpr std::string_view kCreateGuardianships =
    "CREATE TABLE guardianships ("
    " guardian_id TEXT NOT NULL REFERENCES patients (id),"
    " child_id TEXT NOT NULL REFERENCES patients (id),"
    " PRIMARY KEY (guardian_id, child_id),"
    " CHECK (guardian_id <> child_id))";
constexpr std::string_view kCreateStaff =
    "CREATE TABLE staff ("
    " id TEXT PRIMARY KEY,"
    " hsa_id TEXT NOT NULL UNIQUE,"
    " given_name TEXT NOT NULL, family_name TEXT NOT NULL,"
    " title TEXT NOT NULL)";
constexpr std::string_view kCreateAssignments =
    "CREATE TABLE staff_assignments ("
    " staff_id TEXT NOT NULL REFERENCES staff (id),"
    " care_unit_id TEXT REFERENCES care_units (id),"
    " role TEXT NOT NULL CHECK (role IN ('doctor', 'clinician', 'unit_manager', "
    "'eservice_admin', 'region_admin')),"
    " CHECK ((role = 'region_admin') = (care_unit_id IS NULL)))";
constexpr std::string_view kIndexAssignments =
    "CREATE UNIQUE INDEX staff_assignments_unique ON staff_assignments "
    "(staff_id, COALESCE(care_unit_id, ''), role)";

constexpr std::string_view kUpsertPatient =
    "INSERT INTO patients (id, id_system, id_value, given_name, family_name, birth_date, phone,"
    " email) VALUES (:id, :system, :value, :given, :family, :birth, :phone, :email)"
    " ON CONFLICT (id) DO UPDATE SET id_system = excluded.id_system,"
    " id_value = excluded.id_value, given_name = excluded.given_name,"
    " family_name = excluded.family_name, birth_date = excluded.birth_date,"
    " phone = excluded.phone, email = excluded.email";
constexpr std::string_view kUpsertStaff =
    "INSERT INTO staff (id, hsa_id, given_name, family_name, title)"
    " VALUES (:id, :hsa, :given, :family, :title)"
    " ON CONFLICT (id) DO UPDATE SET hsa_id = excluded.hsa_id, given_name = excluded.given_name,"
    " family_name = excluded.family_name, title = excluded.title";
constexpr std::string_view kDeleteAssignments = "DELETE FROM staff_assignments WHERE staff_id = :id";
constexpr std::string_view kInsertAssignment =
    "INSERT INTO staff_assignments (staff_id, care_unit_id, role) VALUES (:id, :unit, :role)";
constexpr std::string_view kLinkGuardian =
    "INSERT INTO guardianships (guardian_id, child_id) VALUES (:guardian, :child)"
    " ON CONFLICT (guardian_id, child_id) DO NOTHING";
constexpr std::string_view kSelectPatient =
    "SELECT id, id_system, id_value, given_name, family_name, birth_date, phone, email"
    " FROM patients WHERE id_system = :system AND id_value = :value";
constexpr std::string_view kSelectStaff =
    "SELECT id, hsa_id, given_name, family_name, title FROM staff WHERE hsa_id = :hsa";
constexpr std::string_view kSelectAssignments =
    "SELECT care_unit_id, role FROM staff_assignments WHERE staff_id = :id"
    " ORDER BY care_unit_id, role";
constexpr std::string_view kSelectChildren =
    "SELECT child_id FROM guardianships WHERE guardian_id = :guardian ORDER BY child_id";

std::optional<std::string> optional_text(const soci::row& row, std::size_t i) {
  if (row.get_indicator(i) != soci::i_ok) return std::nullopt;
  return row.get<std::string>(i);
}

}  // namespace

std::vector<db::Migration> migrations() {
  return {{"identity/0001_people",
           {kCreatePatients, kCreateGuardianships, kCreateStaff, kCreateAssignments,
            kIndexAssignments}}};
}

void Store::upsert_patient(const Patient& p) {
  const std::string phone = p.phone.value_or("");
  const std::string email = p.email.value_or("");
  soci::indicator phone_ind = p.phone ? soci::i_ok : soci::i_null;
  soci::indicator email_ind = p.email ? soci::i_ok : soci::i_null;
  db_.transaction([&](soci::session& sql) {
    sql << kUpsertPatient, soci::use(p.id, "id"), soci::use(p.id_system, "system"),
        soci::use(p.id_value, "value"), soci::use(p.given_name, "given"),
        soci::use(p.family_name, "family"), soci::use(p.birth_date, "birth"),
        soci::use(phone, phone_ind, "phone"), soci::use(email, email_ind, "email");
  });
}

void Store::upsert_staff(const StaffMember& s) {
  db_.transaction([&](soci::session& sql) {
    sql << kUpsertStaff, soci::use(s.id, "id"), soci::use(s.hsa_id, "hsa"),
        soci::use(s.given_name, "given"), soci::use(s.family_name, "family"),
        soci::use(s.title, "title");
    sql << kDeleteAssignments, soci::use(s.id, "id");
    for (const Assignment& a : s.assignments) {
      const std::string unit = a.care_unit_id.value_or("");
      soci::indicator unit_ind = a.care_unit_id ? soci::i_ok : soci::i_null;
      const std::string role(to_string(a.role));
      sql << kInsertAssignment, soci::use(s.id, "id"), soci::use(unit, unit_ind, "unit"),
          soci::use(role, "role");
    }
  });
}

void Store::link_guardian(const std::string& guardian_id, const std::string& child_id) {
  db_.transaction([&](soci::session& sql) {
    sql << kLinkGuardian, soci::use(guardian_id, "guardian"), soci::use(child_id, "child");
  });
}

std::optional<Patient> Store::find_patient(const std::string& id_system,
                                           const std::string& id_value) {
  return db_.with_session([&](soci::session& sql) -> std::optional<Patient> {
    soci::rowset<soci::row> rows =
        (sql.prepare << kSelectPatient, soci::use(id_system, "system"),
         soci::use(id_value, "value"));
    for (const auto& r : rows) {
      return Patient{r.get<std::string>(0), r.get<std::string>(1), r.get<std::string>(2),
                     r.get<std::string>(3), r.get<std::string>(4), r.get<std::string>(5),
                     optional_text(r, 6),   optional_text(r, 7)};
    }
    return std::nullopt;
  });
}

std::optional<StaffMember> Store::find_staff_by_hsa_id(const std::string& hsa_id) {
  return db_.with_session([&](soci::session& sql) -> std::optional<StaffMember> {
    std::optional<StaffMember> staff;
    {
      soci::rowset<soci::row> rows = (sql.prepare << kSelectStaff, soci::use(hsa_id, "hsa"));
      for (const auto& r : rows) {
        staff = StaffMember{r.get<std::string>(0), r.get<std::string>(1), r.get<std::string>(2),
                            r.get<std::string>(3), r.get<std::string>(4), {}};
      }
    }
    if (!staff) return std::nullopt;
    soci::rowset<soci::row> rows = (sql.prepare << kSelectAssignments, soci::use(staff->id, "id"));
    for (const auto& r : rows) {
      staff->assignments.push_back(
          {optional_text(r, 0), staff_role_from(r.get<std::string>(1)).value_or(StaffRole::clinician)});
    }
    return staff;
  });
}

std::vector<std::string> Store::children_of(const std::string& guardian_id) {
  return db_.with_session([&](soci::session& sql) {
    std::vector<std::string> ids;
    soci::rowset<std::string> rows =
        (sql.prepare << kSelectChildren, soci::use(guardian_id, "guardian"));
    for (const auto& id : rows) ids.push_back(id);
    return ids;
  });
}

std::size_t Store::count_patients() {
  return db_.with_session([](soci::session& sql) {
    long long n = 0;
    sql << "SELECT COUNT(*) FROM patients", soci::into(n);
    return static_cast<std::size_t>(n);
  });
}

std::size_t Store::count_staff() {
  return db_.with_session([](soci::session& sql) {
    long long n = 0;
    sql << "SELECT COUNT(*) FROM staff", soci::into(n);
    return static_cast<std::size_t>(n);
  });
}

}  // namespace oppenvard::identity
