#include "meetings/store.hpp"

#include "db/rows.hpp"

namespace oppenvard::meetings {
namespace {

using db::optional_int64;
using db::optional_text;

constexpr std::string_view kCreateMeetings =
    "CREATE TABLE meetings ("
    " id TEXT PRIMARY KEY,"
    " appointment_id TEXT NOT NULL UNIQUE REFERENCES appointments (id),"
    " care_unit_id TEXT NOT NULL REFERENCES care_units (id),"
    " host_staff_id TEXT NOT NULL REFERENCES staff (id),"
    " patient_id TEXT NOT NULL REFERENCES patients (id),"
    " starts_at_ms BIGINT NOT NULL, created_at_ms BIGINT NOT NULL, ended_at_ms BIGINT,"
    " confidentiality_by TEXT, confidentiality_at_ms BIGINT, confidentiality_note TEXT NOT NULL,"
    " phone_fallback_by TEXT, phone_fallback_at_ms BIGINT)";
constexpr std::string_view kCreateParticipants =
    "CREATE TABLE meeting_participants ("
    " id TEXT PRIMARY KEY, meeting_id TEXT NOT NULL REFERENCES meetings (id),"
    " role TEXT NOT NULL CHECK (role IN ('host', 'staff', 'patient', 'guardian', 'guest')),"
    " person_kind TEXT NOT NULL, person_id TEXT NOT NULL,"
    " name TEXT NOT NULL, organisation TEXT NOT NULL, title TEXT NOT NULL,"
    " identification TEXT NOT NULL,"
    " state TEXT NOT NULL CHECK (state IN ('waiting', 'admitted', 'rejected', 'left')),"
    " joined_at_ms BIGINT NOT NULL, admitted_at_ms BIGINT,"
    " identified_by TEXT, identified_at_ms BIGINT, token_hash TEXT UNIQUE)";
constexpr std::string_view kIndexParticipants =
    "CREATE INDEX meeting_participants_by_meeting ON meeting_participants (meeting_id)";
constexpr std::string_view kCreateInvitations =
    "CREATE TABLE meeting_invitations ("
    " id TEXT PRIMARY KEY, meeting_id TEXT NOT NULL REFERENCES meetings (id),"
    " token_hash TEXT NOT NULL UNIQUE, name TEXT NOT NULL, organisation TEXT NOT NULL,"
    " title TEXT NOT NULL, expires_at_ms BIGINT NOT NULL, used_at_ms BIGINT,"
    " created_by TEXT NOT NULL)";
constexpr std::string_view kCreateReadiness =
    "CREATE TABLE meeting_host_readiness ("
    " meeting_id TEXT NOT NULL REFERENCES meetings (id),"
    " staff_id TEXT NOT NULL REFERENCES staff (id),"
    " location TEXT NOT NULL CHECK (location IN ('workplace', 'home')),"
    " checklist_confirmed INTEGER NOT NULL, equipment_tested INTEGER NOT NULL,"
    " recorded_at_ms BIGINT NOT NULL, PRIMARY KEY (meeting_id, staff_id))";
constexpr std::string_view kCreateApprovals =
    "CREATE TABLE staff_remote_work_approvals ("
    " staff_id TEXT NOT NULL REFERENCES staff (id),"
    " care_unit_id TEXT NOT NULL REFERENCES care_units (id),"
    " approved_by TEXT NOT NULL, insurance_proof_seen INTEGER NOT NULL,"
    " approved_at_ms BIGINT NOT NULL, PRIMARY KEY (staff_id, care_unit_id))";
constexpr std::string_view kCreateTrainings =
    "CREATE TABLE staff_trainings ("
    " staff_id TEXT PRIMARY KEY REFERENCES staff (id), completed_on TEXT NOT NULL,"
    " recorded_by TEXT NOT NULL, recorded_at_ms BIGINT NOT NULL)";

constexpr std::string_view kMeetingColumns =
    "SELECT id, appointment_id, care_unit_id, host_staff_id, patient_id, starts_at_ms,"
    " created_at_ms, ended_at_ms, confidentiality_by, confidentiality_at_ms,"
    " confidentiality_note, phone_fallback_by, phone_fallback_at_ms FROM meetings";
constexpr std::string_view kParticipantColumns =
    "SELECT id, meeting_id, role, person_kind, person_id, name, organisation, title,"
    " identification, state, joined_at_ms, admitted_at_ms, identified_by, identified_at_ms,"
    " token_hash FROM meeting_participants";
constexpr std::string_view kInvitationColumns =
    "SELECT id, meeting_id, token_hash, name, organisation, title, expires_at_ms, used_at_ms,"
    " created_by FROM meeting_invitations";

Meeting meeting_from(const soci::row& r) {
  Meeting m;
  m.id = r.get<std::string>(0);
  m.appointment_id = r.get<std::string>(1);
  m.care_unit_id = r.get<std::string>(2);
  m.host_staff_id = r.get<std::string>(3);
  m.patient_id = r.get<std::string>(4);
  m.starts_at_ms = r.get<long long>(5);
  m.created_at_ms = r.get<long long>(6);
  m.ended_at_ms = optional_int64(r, 7);
  m.confidentiality_by = optional_text(r, 8);
  m.confidentiality_at_ms = optional_int64(r, 9);
  m.confidentiality_note = r.get<std::string>(10);
  m.phone_fallback_by = optional_text(r, 11);
  m.phone_fallback_at_ms = optional_int64(r, 12);
  return m;
}

Participant participant_from(const soci::row& r) {
  Participant p;
  p.id = r.get<std::string>(0);
  p.meeting_id = r.get<std::string>(1);
  p.role = role_from(r.get<std::string>(2)).value_or(Role::guest);
  p.person_kind = r.get<std::string>(3);
  p.person_id = r.get<std::string>(4);
  p.name = r.get<std::string>(5);
  p.organisation = r.get<std::string>(6);
  p.title = r.get<std::string>(7);
  p.identification = r.get<std::string>(8);
  p.state = state_from(r.get<std::string>(9)).value_or(State::left);
  p.joined_at_ms = r.get<long long>(10);
  p.admitted_at_ms = optional_int64(r, 11);
  p.identified_by = optional_text(r, 12);
  p.identified_at_ms = optional_int64(r, 13);
  p.token_hash = optional_text(r, 14);
  return p;
}

Invitation invitation_from(const soci::row& r) {
  return {r.get<std::string>(0), r.get<std::string>(1), r.get<std::string>(2),
          r.get<std::string>(3), r.get<std::string>(4), r.get<std::string>(5),
          r.get<long long>(6),   optional_int64(r, 7),  r.get<std::string>(8)};
}

template <class T, class F>
std::optional<T> first(soci::rowset<soci::row>& rows, F&& from) {
  for (const auto& r : rows) return from(r);
  return std::nullopt;
}

// The columns of a meeting that change, bound for INSERT and UPDATE alike.
struct MeetingBinds {
  explicit MeetingBinds(const Meeting& m)
      : ended(m.ended_at_ms.value_or(0)),
        ended_ind(m.ended_at_ms ? soci::i_ok : soci::i_null),
        conf_by(m.confidentiality_by.value_or("")),
        conf_by_ind(m.confidentiality_by ? soci::i_ok : soci::i_null),
        conf_at(m.confidentiality_at_ms.value_or(0)),
        conf_at_ind(m.confidentiality_at_ms ? soci::i_ok : soci::i_null),
        phone_by(m.phone_fallback_by.value_or("")),
        phone_by_ind(m.phone_fallback_by ? soci::i_ok : soci::i_null),
        phone_at(m.phone_fallback_at_ms.value_or(0)),
        phone_at_ind(m.phone_fallback_at_ms ? soci::i_ok : soci::i_null) {}
  long long ended;
  soci::indicator ended_ind;
  std::string conf_by;
  soci::indicator conf_by_ind;
  long long conf_at;
  soci::indicator conf_at_ind;
  std::string phone_by;
  soci::indicator phone_by_ind;
  long long phone_at;
  soci::indicator phone_at_ind;
};

// The columns of a participant that change.
struct ParticipantBinds {
  explicit ParticipantBinds(const Participant& p)
      : state(to_string(p.state)),
        admitted(p.admitted_at_ms.value_or(0)),
        admitted_ind(p.admitted_at_ms ? soci::i_ok : soci::i_null),
        identified_by(p.identified_by.value_or("")),
        identified_by_ind(p.identified_by ? soci::i_ok : soci::i_null),
        identified_at(p.identified_at_ms.value_or(0)),
        identified_at_ind(p.identified_at_ms ? soci::i_ok : soci::i_null) {}
  std::string state;
  long long admitted;
  soci::indicator admitted_ind;
  std::string identified_by;
  soci::indicator identified_by_ind;
  long long identified_at;
  soci::indicator identified_at_ind;
};

}  // namespace

std::vector<db::Migration> migrations() {
  return {{"meetings/0001_meetings",
           {kCreateMeetings, kCreateParticipants, kIndexParticipants, kCreateInvitations,
            kCreateReadiness, kCreateApprovals, kCreateTrainings}}};
}

bool Store::insert_meeting(soci::session& sql, const Meeting& m) {
  const long long starts = m.starts_at_ms;
  const long long created = m.created_at_ms;
  soci::statement st =
      (sql.prepare << "INSERT INTO meetings (id, appointment_id, care_unit_id, host_staff_id,"
                      " patient_id, starts_at_ms, created_at_ms, confidentiality_note) VALUES"
                      " (:id, :a, :u, :h, :p, :s, :c, '') ON CONFLICT (appointment_id) DO NOTHING",
       soci::use(m.id, "id"), soci::use(m.appointment_id, "a"), soci::use(m.care_unit_id, "u"),
       soci::use(m.host_staff_id, "h"), soci::use(m.patient_id, "p"), soci::use(starts, "s"),
       soci::use(created, "c"));
  st.execute(true);
  return st.get_affected_rows() > 0;
}

void Store::lock_meeting(soci::session& sql, const std::string& id) {
  sql << "UPDATE meetings SET id = id WHERE id = :id", soci::use(id, "id");
}

void Store::update_meeting(soci::session& sql, const Meeting& m) {
  MeetingBinds b(m);
  sql << "UPDATE meetings SET ended_at_ms = :e, confidentiality_by = :cb,"
         " confidentiality_at_ms = :ca, confidentiality_note = :cn, phone_fallback_by = :pb,"
         " phone_fallback_at_ms = :pa WHERE id = :id",
      soci::use(b.ended, b.ended_ind, "e"), soci::use(b.conf_by, b.conf_by_ind, "cb"),
      soci::use(b.conf_at, b.conf_at_ind, "ca"), soci::use(m.confidentiality_note, "cn"),
      soci::use(b.phone_by, b.phone_by_ind, "pb"), soci::use(b.phone_at, b.phone_at_ind, "pa"),
      soci::use(m.id, "id");
}

std::optional<Meeting> Store::find_meeting(soci::session& sql, const std::string& id) {
  soci::rowset<soci::row> rows =
      (sql.prepare << std::string(kMeetingColumns) + " WHERE id = :id", soci::use(id, "id"));
  return first<Meeting>(rows, meeting_from);
}

std::optional<Meeting> Store::meeting_of_appointment(soci::session& sql,
                                                     const std::string& appointment_id) {
  soci::rowset<soci::row> rows =
      (sql.prepare << std::string(kMeetingColumns) + " WHERE appointment_id = :a",
       soci::use(appointment_id, "a"));
  return first<Meeting>(rows, meeting_from);
}

void Store::insert_participant(soci::session& sql, const Participant& p) {
  const std::string role(to_string(p.role));
  ParticipantBinds b(p);
  const long long joined = p.joined_at_ms;
  const std::string token = p.token_hash.value_or("");
  soci::indicator token_ind = p.token_hash ? soci::i_ok : soci::i_null;
  sql << "INSERT INTO meeting_participants (id, meeting_id, role, person_kind, person_id, name,"
         " organisation, title, identification, state, joined_at_ms, admitted_at_ms,"
         " identified_by, identified_at_ms, token_hash) VALUES (:id, :m, :r, :k, :pid, :n, :o,"
         " :t, :i, :s, :j, :a, :ib, :ia, :th)",
      soci::use(p.id, "id"), soci::use(p.meeting_id, "m"), soci::use(role, "r"),
      soci::use(p.person_kind, "k"), soci::use(p.person_id, "pid"), soci::use(p.name, "n"),
      soci::use(p.organisation, "o"), soci::use(p.title, "t"), soci::use(p.identification, "i"),
      soci::use(b.state, "s"), soci::use(joined, "j"), soci::use(b.admitted, b.admitted_ind, "a"),
      soci::use(b.identified_by, b.identified_by_ind, "ib"),
      soci::use(b.identified_at, b.identified_at_ind, "ia"), soci::use(token, token_ind, "th");
}

void Store::update_participant(soci::session& sql, const Participant& p) {
  ParticipantBinds b(p);
  sql << "UPDATE meeting_participants SET state = :s, identification = :i, admitted_at_ms = :a,"
         " identified_by = :ib, identified_at_ms = :ia WHERE id = :id",
      soci::use(b.state, "s"), soci::use(p.identification, "i"),
      soci::use(b.admitted, b.admitted_ind, "a"),
      soci::use(b.identified_by, b.identified_by_ind, "ib"),
      soci::use(b.identified_at, b.identified_at_ind, "ia"), soci::use(p.id, "id");
}

std::optional<Participant> Store::find_participant(soci::session& sql, const std::string& id) {
  soci::rowset<soci::row> rows =
      (sql.prepare << std::string(kParticipantColumns) + " WHERE id = :id", soci::use(id, "id"));
  return first<Participant>(rows, participant_from);
}

std::optional<Participant> Store::participant_by_token(soci::session& sql,
                                                       const std::string& token_hash) {
  soci::rowset<soci::row> rows =
      (sql.prepare << std::string(kParticipantColumns) + " WHERE token_hash = :t",
       soci::use(token_hash, "t"));
  return first<Participant>(rows, participant_from);
}

std::optional<Participant> Store::latest_participant(soci::session& sql,
                                                     const std::string& meeting_id,
                                                     const std::string& person_kind,
                                                     const std::string& person_id) {
  soci::rowset<soci::row> rows =
      (sql.prepare << std::string(kParticipantColumns) +
                          " WHERE meeting_id = :m AND person_kind = :k AND person_id = :p"
                          " ORDER BY joined_at_ms DESC, id DESC",
       soci::use(meeting_id, "m"), soci::use(person_kind, "k"), soci::use(person_id, "p"));
  return first<Participant>(rows, participant_from);
}

std::vector<Participant> Store::participants(soci::session& sql, const std::string& meeting_id) {
  std::vector<Participant> list;
  soci::rowset<soci::row> rows =
      (sql.prepare << std::string(kParticipantColumns) +
                          " WHERE meeting_id = :m ORDER BY joined_at_ms, id",
       soci::use(meeting_id, "m"));
  for (const auto& r : rows) list.push_back(participant_from(r));
  return list;
}

void Store::insert_invitation(soci::session& sql, const Invitation& i) {
  const long long expires = i.expires_at_ms;
  sql << "INSERT INTO meeting_invitations (id, meeting_id, token_hash, name, organisation, title,"
         " expires_at_ms, created_by) VALUES (:id, :m, :t, :n, :o, :ti, :e, :c)",
      soci::use(i.id, "id"), soci::use(i.meeting_id, "m"), soci::use(i.token_hash, "t"),
      soci::use(i.name, "n"), soci::use(i.organisation, "o"), soci::use(i.title, "ti"),
      soci::use(expires, "e"), soci::use(i.created_by, "c");
}

std::optional<Invitation> Store::invitation_by_token(soci::session& sql,
                                                     const std::string& token_hash) {
  soci::rowset<soci::row> rows =
      (sql.prepare << std::string(kInvitationColumns) + " WHERE token_hash = :t",
       soci::use(token_hash, "t"));
  return first<Invitation>(rows, invitation_from);
}

bool Store::use_invitation(soci::session& sql, const std::string& id, std::int64_t now_ms) {
  const long long now = now_ms;
  soci::statement st =
      (sql.prepare << "UPDATE meeting_invitations SET used_at_ms = :n WHERE id = :id AND"
                      " used_at_ms IS NULL",
       soci::use(now, "n"), soci::use(id, "id"));
  st.execute(true);
  return st.get_affected_rows() > 0;
}

void Store::save_readiness(soci::session& sql, const std::string& meeting_id,
                           const std::string& staff_id, const Readiness& r, std::int64_t now_ms) {
  const std::string location(to_string(r.location));
  const int checklist = r.checklist_confirmed ? 1 : 0;
  const int tested = r.equipment_tested ? 1 : 0;
  const long long now = now_ms;
  sql << "INSERT INTO meeting_host_readiness (meeting_id, staff_id, location,"
         " checklist_confirmed, equipment_tested, recorded_at_ms) VALUES (:m, :s, :l, :c, :e, :n)"
         " ON CONFLICT (meeting_id, staff_id) DO UPDATE SET location = excluded.location,"
         " checklist_confirmed = excluded.checklist_confirmed,"
         " equipment_tested = excluded.equipment_tested, recorded_at_ms = excluded.recorded_at_ms",
      soci::use(meeting_id, "m"), soci::use(staff_id, "s"), soci::use(location, "l"),
      soci::use(checklist, "c"), soci::use(tested, "e"), soci::use(now, "n");
}

bool Store::readiness_recorded(soci::session& sql, const std::string& meeting_id,
                               const std::string& staff_id) {
  int n = 0;
  sql << "SELECT COUNT(*) FROM meeting_host_readiness WHERE meeting_id = :m AND staff_id = :s",
      soci::use(meeting_id, "m"), soci::use(staff_id, "s"), soci::into(n);
  return n > 0;
}

void Store::save_approval(soci::session& sql, const RemoteWorkApproval& a) {
  const int seen = a.insurance_proof_seen ? 1 : 0;
  const long long at = a.approved_at_ms;
  sql << "INSERT INTO staff_remote_work_approvals (staff_id, care_unit_id, approved_by,"
         " insurance_proof_seen, approved_at_ms) VALUES (:s, :u, :b, :i, :a)"
         " ON CONFLICT (staff_id, care_unit_id) DO UPDATE SET approved_by = excluded.approved_by,"
         " insurance_proof_seen = excluded.insurance_proof_seen,"
         " approved_at_ms = excluded.approved_at_ms",
      soci::use(a.staff_id, "s"), soci::use(a.care_unit_id, "u"), soci::use(a.approved_by, "b"),
      soci::use(seen, "i"), soci::use(at, "a");
}

std::optional<RemoteWorkApproval> Store::approval(soci::session& sql, const std::string& staff_id,
                                                  const std::string& care_unit_id) {
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT staff_id, care_unit_id, approved_by, insurance_proof_seen,"
                      " approved_at_ms FROM staff_remote_work_approvals WHERE staff_id = :s AND"
                      " care_unit_id = :u",
       soci::use(staff_id, "s"), soci::use(care_unit_id, "u"));
  return first<RemoteWorkApproval>(rows, [](const soci::row& r) {
    return RemoteWorkApproval{r.get<std::string>(0), r.get<std::string>(1), r.get<std::string>(2),
                              r.get<int>(3) != 0, r.get<long long>(4)};
  });
}

void Store::delete_approval(soci::session& sql, const std::string& staff_id,
                            const std::string& care_unit_id) {
  sql << "DELETE FROM staff_remote_work_approvals WHERE staff_id = :s AND care_unit_id = :u",
      soci::use(staff_id, "s"), soci::use(care_unit_id, "u");
}

void Store::delete_training(soci::session& sql, const std::string& staff_id) {
  sql << "DELETE FROM staff_trainings WHERE staff_id = :s", soci::use(staff_id, "s");
}

void Store::save_training(soci::session& sql, const Training& t, std::int64_t now_ms) {
  const long long now = now_ms;
  sql << "INSERT INTO staff_trainings (staff_id, completed_on, recorded_by, recorded_at_ms)"
         " VALUES (:s, :c, :b, :n) ON CONFLICT (staff_id) DO UPDATE SET completed_on ="
         " excluded.completed_on, recorded_by = excluded.recorded_by,"
         " recorded_at_ms = excluded.recorded_at_ms",
      soci::use(t.staff_id, "s"), soci::use(t.completed_on, "c"), soci::use(t.recorded_by, "b"),
      soci::use(now, "n");
}

std::optional<Training> Store::training(soci::session& sql, const std::string& staff_id) {
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT staff_id, completed_on, recorded_by FROM staff_trainings"
                      " WHERE staff_id = :s",
       soci::use(staff_id, "s"));
  return first<Training>(rows, [](const soci::row& r) {
    return Training{r.get<std::string>(0), r.get<std::string>(1), r.get<std::string>(2)};
  });
}

int Store::meetings_hosted(soci::session& sql, const std::string& staff_id,
                           const std::string& care_unit_id, const std::string& except_meeting_id) {
  long long n = 0;
  sql << "SELECT COUNT(DISTINCT m.id) FROM meetings m JOIN meeting_participants p ON"
         " p.meeting_id = m.id WHERE m.care_unit_id = :u AND p.person_kind = 'staff' AND"
         " p.person_id = :s AND p.role = 'host' AND p.admitted_at_ms IS NOT NULL AND m.id <> :m",
      soci::use(care_unit_id, "u"), soci::use(staff_id, "s"), soci::use(except_meeting_id, "m"),
      soci::into(n);
  return static_cast<int>(n);
}

}  // namespace oppenvard::meetings
