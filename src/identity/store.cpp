#include "identity/store.hpp"

#include "db/rows.hpp"

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
constexpr std::string_view kDeleteAssignments =
    "DELETE FROM staff_assignments WHERE staff_id = :id";
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

constexpr std::string_view kCreateSessions =
    "CREATE TABLE sessions ("
    " token_hash TEXT PRIMARY KEY,"
    " person_kind TEXT NOT NULL CHECK (person_kind IN ('patient', 'staff')),"
    " person_id TEXT NOT NULL,"
    " assurance TEXT NOT NULL,"
    " csrf_token TEXT NOT NULL,"
    " acting_for_patient_id TEXT REFERENCES patients (id),"
    " created_at_ms BIGINT NOT NULL,"
    " last_seen_at_ms BIGINT NOT NULL,"
    " absolute_expires_at_ms BIGINT NOT NULL,"
    " ended_at_ms BIGINT)";
constexpr std::string_view kIndexSessions =
    "CREATE INDEX sessions_by_person ON sessions (person_kind, person_id)";
constexpr std::string_view kCreateDemoOrders =
    "CREATE TABLE demo_login_orders ("
    " order_ref TEXT PRIMARY KEY,"
    " person_kind TEXT NOT NULL,"
    " person_id TEXT NOT NULL,"
    " started_at_ms BIGINT NOT NULL,"
    " status TEXT NOT NULL CHECK (status IN ('pending', 'collected', 'cancelled')))";

constexpr std::string_view kCreateCredentials =
    "CREATE TABLE staff_credentials ("
    " staff_id TEXT PRIMARY KEY REFERENCES staff (id),"
    " password_hash TEXT NOT NULL,"
    " totp_secret TEXT,"
    " totp_confirmed INTEGER NOT NULL DEFAULT 0,"
    " totp_last_step BIGINT NOT NULL DEFAULT 0,"
    " reset_email TEXT, reset_phone TEXT,"
    " password_changed_at_ms BIGINT NOT NULL)";
constexpr std::string_view kCreateChallenges =
    "CREATE TABLE staff_login_challenges ("
    " challenge_hash TEXT PRIMARY KEY,"
    " staff_id TEXT NOT NULL REFERENCES staff (id),"
    " created_at_ms BIGINT NOT NULL,"
    " used INTEGER NOT NULL DEFAULT 0)";
constexpr std::string_view kSelectCredentials =
    "SELECT staff_id, password_hash, totp_secret, totp_confirmed, totp_last_step, reset_email,"
    " reset_phone FROM staff_credentials WHERE staff_id = :id";
constexpr std::string_view kUpsertPassword =
    "INSERT INTO staff_credentials (staff_id, password_hash, password_changed_at_ms)"
    " VALUES (:id, :hash, :now) ON CONFLICT (staff_id) DO UPDATE SET"
    " password_hash = excluded.password_hash,"
    " password_changed_at_ms = excluded.password_changed_at_ms";
constexpr std::string_view kSetTotp =
    "UPDATE staff_credentials SET totp_secret = :secret, totp_confirmed = :confirmed"
    " WHERE staff_id = :id";
constexpr std::string_view kUseTotpStep =
    "UPDATE staff_credentials SET totp_last_step = :step"
    " WHERE staff_id = :id AND totp_last_step < :step_again";
constexpr std::string_view kSetResetContacts =
    "UPDATE staff_credentials SET reset_email = :email, reset_phone = :phone WHERE staff_id = :id";
constexpr std::string_view kInsertChallenge =
    "INSERT INTO staff_login_challenges (challenge_hash, staff_id, created_at_ms)"
    " VALUES (:hash, :id, :now)";
constexpr std::string_view kConsumeChallenge =
    "UPDATE staff_login_challenges SET used = 1"
    " WHERE challenge_hash = :hash AND used = 0 AND created_at_ms > :oldest";
constexpr std::string_view kSelectChallengeStaff =
    "SELECT staff_id FROM staff_login_challenges WHERE challenge_hash = :hash";

constexpr std::string_view kPatientColumns =
    "SELECT id, id_system, id_value, given_name, family_name, birth_date, phone, email FROM "
    "patients";
constexpr std::string_view kStaffColumns =
    "SELECT id, hsa_id, given_name, family_name, title FROM staff";
constexpr std::string_view kSelectChildPatients =
    "SELECT p.id, p.id_system, p.id_value, p.given_name, p.family_name, p.birth_date, p.phone,"
    " p.email FROM guardianships g JOIN patients p ON p.id = g.child_id"
    " WHERE g.guardian_id = :guardian ORDER BY p.birth_date, p.id";
constexpr std::string_view kSelectAssignmentViews =
    "SELECT a.care_unit_id, COALESCE(c.name, ''), a.role FROM staff_assignments a"
    " LEFT JOIN care_units c ON c.id = a.care_unit_id WHERE a.staff_id = :id"
    " ORDER BY c.name, a.role";
constexpr std::string_view kInsertSession =
    "INSERT INTO sessions (token_hash, person_kind, person_id, assurance, csrf_token,"
    " acting_for_patient_id, created_at_ms, last_seen_at_ms, absolute_expires_at_ms)"
    " VALUES (:hash, :kind, :person, :assurance, :csrf, :acting, :created, :seen, :expires)";
constexpr std::string_view kSelectSession =
    "SELECT token_hash, person_kind, person_id, assurance, csrf_token, acting_for_patient_id,"
    " created_at_ms, last_seen_at_ms, absolute_expires_at_ms FROM sessions"
    " WHERE token_hash = :hash AND ended_at_ms IS NULL AND absolute_expires_at_ms > :now";
constexpr std::string_view kTouchSession =
    "UPDATE sessions SET last_seen_at_ms = :now WHERE token_hash = :hash";
constexpr std::string_view kSetActingFor =
    "UPDATE sessions SET acting_for_patient_id = :acting WHERE token_hash = :hash";
constexpr std::string_view kEndSession =
    "UPDATE sessions SET ended_at_ms = :now WHERE token_hash = :hash AND ended_at_ms IS NULL";
constexpr std::string_view kEndAllSessions =
    "UPDATE sessions SET ended_at_ms = :now WHERE person_kind = :kind AND person_id = :person"
    " AND ended_at_ms IS NULL";
constexpr std::string_view kInsertOrder =
    "INSERT INTO demo_login_orders (order_ref, person_kind, person_id, started_at_ms, status)"
    " VALUES (:ref, :kind, :person, :started, 'pending')";
constexpr std::string_view kSelectOrder =
    "SELECT order_ref, person_kind, person_id, started_at_ms, status FROM demo_login_orders"
    " WHERE order_ref = :ref";
constexpr std::string_view kFinishOrder =
    "UPDATE demo_login_orders SET status = :status WHERE order_ref = :ref AND status = 'pending'";

using db::optional_text;

Patient patient_from(const soci::row& r) {
  return Patient{r.get<std::string>(0), r.get<std::string>(1), r.get<std::string>(2),
                 r.get<std::string>(3), r.get<std::string>(4), r.get<std::string>(5),
                 optional_text(r, 6),   optional_text(r, 7)};
}

StaffMember staff_from(const soci::row& r) {
  return StaffMember{r.get<std::string>(0), r.get<std::string>(1), r.get<std::string>(2),
                     r.get<std::string>(3), r.get<std::string>(4), {}};
}

std::vector<Patient> patients_where(soci::session& sql, const std::string& where,
                                    const std::string& value) {
  std::vector<Patient> out;
  soci::rowset<soci::row> rows =
      (sql.prepare << std::string(kPatientColumns) + where, soci::use(value, "v"));
  for (const auto& r : rows) out.push_back(patient_from(r));
  return out;
}

}  // namespace

// OpenID Connect log-ins in flight (identity/oidc_login.cpp): single use, 10 minutes.
constexpr std::string_view kCreateOidcStates =
    "CREATE TABLE oidc_login_states ("
    " state_hash TEXT PRIMARY KEY,"
    " provider_id TEXT NOT NULL,"
    " nonce TEXT NOT NULL,"
    " code_verifier TEXT NOT NULL,"
    " return_to TEXT NOT NULL,"
    " created_at_ms BIGINT NOT NULL)";

std::vector<db::Migration> migrations() {
  return {{"identity/0001_people",
           {kCreatePatients, kCreateGuardianships, kCreateStaff, kCreateAssignments,
            kIndexAssignments}},
          {"identity/0002_sessions", {kCreateSessions, kIndexSessions, kCreateDemoOrders}},
          {"identity/0003_staff_credentials", {kCreateCredentials, kCreateChallenges}},
          {"identity/0004_oidc", {kCreateOidcStates}}};
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

void Store::replace_role_holders(soci::session& sql, const std::string& care_unit_id,
                                 StaffRole role, const std::vector<std::string>& staff_ids) {
  const std::string role_name(to_string(role));
  sql << "DELETE FROM staff_assignments WHERE care_unit_id = :unit AND role = :role",
      soci::use(care_unit_id, "unit"), soci::use(role_name, "role");
  for (const auto& id : staff_ids) {
    sql << kInsertAssignment, soci::use(id, "id"), soci::use(care_unit_id, "unit"),
        soci::use(role_name, "role");
  }
}

void Store::link_guardian(const std::string& guardian_id, const std::string& child_id) {
  db_.transaction([&](soci::session& sql) {
    sql << kLinkGuardian, soci::use(guardian_id, "guardian"), soci::use(child_id, "child");
  });
}

std::optional<Patient> Store::find_patient(const std::string& id_system,
                                           const std::string& id_value) {
  return db_.with_session(
      [&](soci::session& sql) { return find_patient(sql, id_system, id_value); });
}

std::optional<Patient> Store::find_patient(soci::session& sql, const std::string& id_system,
                                           const std::string& id_value) {
  soci::rowset<soci::row> rows =
      (sql.prepare << kSelectPatient, soci::use(id_system, "system"), soci::use(id_value, "value"));
  for (const auto& r : rows) return patient_from(r);
  return std::nullopt;
}

std::vector<StaffMember> Store::staff_at_unit(soci::session& sql, const std::string& care_unit_id) {
  std::vector<StaffMember> out;
  soci::rowset<soci::row> rows =
      (sql.prepare << std::string(kStaffColumns) +
                          " WHERE id IN (SELECT staff_id FROM staff_assignments WHERE"
                          " care_unit_id = :u) ORDER BY family_name, given_name, id",
       soci::use(care_unit_id, "u"));
  for (const auto& r : rows) out.push_back(staff_from(r));
  return out;
}

std::optional<StaffMember> Store::find_staff_by_hsa_id(const std::string& hsa_id) {
  return db_.with_session([&](soci::session& sql) -> std::optional<StaffMember> {
    std::optional<StaffMember> staff;
    {
      soci::rowset<soci::row> rows = (sql.prepare << kSelectStaff, soci::use(hsa_id, "hsa"));
      for (const auto& r : rows) staff = staff_from(r);
    }
    if (!staff) return std::nullopt;
    soci::rowset<soci::row> rows = (sql.prepare << kSelectAssignments, soci::use(staff->id, "id"));
    for (const auto& r : rows) {
      staff->assignments.push_back(
          {optional_text(r, 0),
           staff_role_from(r.get<std::string>(1)).value_or(StaffRole::clinician)});
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

namespace oppenvard::identity {
namespace {

Session session_from(const soci::row& r) {
  Session s;
  s.token_hash = r.get<std::string>(0);
  s.person_kind = r.get<std::string>(1);
  s.person_id = r.get<std::string>(2);
  s.assurance = r.get<std::string>(3);
  s.csrf_token = r.get<std::string>(4);
  s.acting_for = optional_text(r, 5);
  s.created_at_ms = r.get<long long>(6);
  s.last_seen_at_ms = r.get<long long>(7);
  s.absolute_expires_at_ms = r.get<long long>(8);
  return s;
}

}  // namespace

std::optional<Patient> Store::find_patient_by_id(const std::string& id) {
  return db_.with_session([&](soci::session& sql) { return find_patient_by_id(sql, id); });
}

std::optional<Patient> Store::find_patient_by_id(soci::session& sql, const std::string& id) {
  auto found = patients_where(sql, " WHERE id = :v", id);
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::optional<StaffMember> Store::find_staff_by_id(const std::string& id) {
  return db_.with_session([&](soci::session& sql) { return find_staff_by_id(sql, id); });
}

std::optional<StaffMember> Store::find_staff_by_id(soci::session& sql, const std::string& id) {
  soci::rowset<soci::row> rows =
      (sql.prepare << std::string(kStaffColumns) + " WHERE id = :v", soci::use(id, "v"));
  for (const auto& r : rows) return staff_from(r);
  return std::nullopt;
}

std::vector<Patient> Store::children_of_guardian(const std::string& guardian_id) {
  return db_.with_session([&](soci::session& sql) {
    std::vector<Patient> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << kSelectChildPatients, soci::use(guardian_id, "guardian"));
    for (const auto& r : rows) out.push_back(patient_from(r));
    return out;
  });
}

std::vector<AssignmentView> Store::assignments_with_units(const std::string& staff_id) {
  return db_.with_session(
      [&](soci::session& sql) { return assignments_with_units(sql, staff_id); });
}

std::vector<AssignmentView> Store::assignments_with_units(soci::session& sql,
                                                          const std::string& staff_id) {
  std::vector<AssignmentView> out;
  soci::rowset<soci::row> rows = (sql.prepare << kSelectAssignmentViews, soci::use(staff_id, "id"));
  for (const auto& r : rows) {
    out.push_back({optional_text(r, 0).value_or(""), r.get<std::string>(1),
                   staff_role_from(r.get<std::string>(2)).value_or(StaffRole::clinician)});
  }
  return out;
}

std::vector<Patient> Store::all_patients() {
  return db_.with_session([&](soci::session& sql) {
    std::vector<Patient> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << std::string(kPatientColumns) + " ORDER BY family_name, given_name, id");
    for (const auto& r : rows) out.push_back(patient_from(r));
    return out;
  });
}

std::vector<StaffMember> Store::all_staff() {
  return db_.with_session([&](soci::session& sql) {
    std::vector<StaffMember> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << std::string(kStaffColumns) + " ORDER BY family_name, given_name, id");
    for (const auto& r : rows) out.push_back(staff_from(r));
    return out;
  });
}

void Store::insert_session(const Session& s) {
  const std::string acting = s.acting_for.value_or("");
  soci::indicator acting_ind = s.acting_for ? soci::i_ok : soci::i_null;
  const long long created = s.created_at_ms, seen = s.last_seen_at_ms,
                  expires = s.absolute_expires_at_ms;
  db_.transaction([&](soci::session& sql) {
    sql << kInsertSession, soci::use(s.token_hash, "hash"), soci::use(s.person_kind, "kind"),
        soci::use(s.person_id, "person"), soci::use(s.assurance, "assurance"),
        soci::use(s.csrf_token, "csrf"), soci::use(acting, acting_ind, "acting"),
        soci::use(created, "created"), soci::use(seen, "seen"), soci::use(expires, "expires");
  });
}

std::optional<Session> Store::find_session(const std::string& token_hash, std::int64_t now_ms) {
  return db_.with_session([&](soci::session& sql) -> std::optional<Session> {
    const long long now = now_ms;
    soci::rowset<soci::row> rows =
        (sql.prepare << kSelectSession, soci::use(token_hash, "hash"), soci::use(now, "now"));
    for (const auto& r : rows) return session_from(r);
    return std::nullopt;
  });
}

void Store::touch_session(const std::string& token_hash, std::int64_t now_ms) {
  const long long now = now_ms;
  db_.transaction([&](soci::session& sql) {
    sql << kTouchSession, soci::use(now, "now"), soci::use(token_hash, "hash");
  });
}

void Store::set_acting_for(const std::string& token_hash,
                           const std::optional<std::string>& patient_id) {
  const std::string acting = patient_id.value_or("");
  soci::indicator acting_ind = patient_id ? soci::i_ok : soci::i_null;
  db_.transaction([&](soci::session& sql) {
    sql << kSetActingFor, soci::use(acting, acting_ind, "acting"), soci::use(token_hash, "hash");
  });
}

void Store::end_session(const std::string& token_hash, std::int64_t now_ms) {
  const long long now = now_ms;
  db_.transaction([&](soci::session& sql) {
    sql << kEndSession, soci::use(now, "now"), soci::use(token_hash, "hash");
  });
}

std::size_t Store::end_all_sessions(const std::string& person_kind, const std::string& person_id,
                                    std::int64_t now_ms) {
  const long long now = now_ms;
  return db_.transaction([&](soci::session& sql) {
    soci::statement st = (sql.prepare << kEndAllSessions, soci::use(now, "now"),
                          soci::use(person_kind, "kind"), soci::use(person_id, "person"));
    st.execute(true);
    return static_cast<std::size_t>(st.get_affected_rows());
  });
}

void Store::insert_demo_order(const DemoOrder& o) {
  const long long started = o.started_at_ms;
  db_.transaction([&](soci::session& sql) {
    sql << kInsertOrder, soci::use(o.order_ref, "ref"), soci::use(o.person_kind, "kind"),
        soci::use(o.person_id, "person"), soci::use(started, "started");
  });
}

std::optional<DemoOrder> Store::find_demo_order(const std::string& order_ref) {
  return db_.with_session([&](soci::session& sql) -> std::optional<DemoOrder> {
    soci::rowset<soci::row> rows = (sql.prepare << kSelectOrder, soci::use(order_ref, "ref"));
    for (const auto& r : rows) {
      return DemoOrder{r.get<std::string>(0), r.get<std::string>(1), r.get<std::string>(2),
                       r.get<long long>(3), r.get<std::string>(4)};
    }
    return std::nullopt;
  });
}

bool Store::finish_demo_order(const std::string& order_ref, const std::string& status) {
  return db_.transaction([&](soci::session& sql) {
    soci::statement st =
        (sql.prepare << kFinishOrder, soci::use(status, "status"), soci::use(order_ref, "ref"));
    st.execute(true);
    return st.get_affected_rows() == 1;
  });
}

}  // namespace oppenvard::identity

namespace oppenvard::identity {

std::optional<StaffCredentials> Store::find_credentials(const std::string& staff_id) {
  return db_.with_session([&](soci::session& sql) -> std::optional<StaffCredentials> {
    soci::rowset<soci::row> rows = (sql.prepare << kSelectCredentials, soci::use(staff_id, "id"));
    for (const auto& r : rows) {
      return StaffCredentials{r.get<std::string>(0), r.get<std::string>(1), optional_text(r, 2),
                              r.get<int>(3) != 0,    r.get<long long>(4),   optional_text(r, 5),
                              optional_text(r, 6)};
    }
    return std::nullopt;
  });
}

void Store::set_password(const std::string& staff_id, const std::string& password_hash,
                         std::int64_t now_ms) {
  const long long now = now_ms;
  db_.transaction([&](soci::session& sql) {
    sql << kUpsertPassword, soci::use(staff_id, "id"), soci::use(password_hash, "hash"),
        soci::use(now, "now");
  });
}

void Store::set_totp(const std::string& staff_id, const std::string& secret, bool confirmed) {
  const int confirmed_int = confirmed ? 1 : 0;
  db_.transaction([&](soci::session& sql) {
    sql << kSetTotp, soci::use(secret, "secret"), soci::use(confirmed_int, "confirmed"),
        soci::use(staff_id, "id");
  });
}

bool Store::use_totp_step(const std::string& staff_id, std::int64_t step) {
  const long long s = step;
  return db_.transaction([&](soci::session& sql) {
    soci::statement st = (sql.prepare << kUseTotpStep, soci::use(s, "step"),
                          soci::use(staff_id, "id"), soci::use(s, "step_again"));
    st.execute(true);
    return st.get_affected_rows() == 1;
  });
}

void Store::set_reset_contacts(const std::string& staff_id, const std::string& email,
                               const std::string& phone) {
  db_.transaction([&](soci::session& sql) {
    sql << kSetResetContacts, soci::use(email, "email"), soci::use(phone, "phone"),
        soci::use(staff_id, "id");
  });
}

void Store::insert_challenge(const std::string& challenge_hash, const std::string& staff_id,
                             std::int64_t now_ms) {
  const long long now = now_ms;
  db_.transaction([&](soci::session& sql) {
    sql << kInsertChallenge, soci::use(challenge_hash, "hash"), soci::use(staff_id, "id"),
        soci::use(now, "now");
  });
}

std::optional<std::string> Store::consume_challenge(const std::string& challenge_hash,
                                                    std::int64_t now_ms, std::int64_t max_age_ms) {
  const long long oldest = now_ms - max_age_ms;
  return db_.transaction([&](soci::session& sql) -> std::optional<std::string> {
    soci::statement st = (sql.prepare << kConsumeChallenge, soci::use(challenge_hash, "hash"),
                          soci::use(oldest, "oldest"));
    st.execute(true);
    if (st.get_affected_rows() != 1) return std::nullopt;
    std::string staff_id;
    sql << kSelectChallengeStaff, soci::use(challenge_hash, "hash"), soci::into(staff_id);
    return staff_id;
  });
}

}  // namespace oppenvard::identity
