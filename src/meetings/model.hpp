#pragma once
// Video meetings (V1–V9, C1–C2, W1–W2, W4, W7, A1): a meeting per video appointment, its
// participants in a waiting room until the host admits them, guests of other organisations by
// single-use links, the host's readiness (checklist, location and what hosting from home
// needs), the confidentiality assessment, and the switch to phone. Media never passes the
// server: it relays only signaling between admitted participants.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace oppenvard::meetings {

enum class Role { host, staff, patient, guardian, guest };
enum class State { waiting, admitted, rejected, left };
enum class Location { workplace, home };

struct Meeting {
  std::string id;
  std::string appointment_id;
  std::string care_unit_id;
  std::string host_staff_id;  // the appointment's practitioner
  std::string patient_id;
  std::int64_t starts_at_ms = 0;
  std::int64_t created_at_ms = 0;
  std::optional<std::int64_t> ended_at_ms;
  // V3: recorded before the first participant of another organisation is admitted.
  std::optional<std::string> confidentiality_by;
  std::optional<std::int64_t> confidentiality_at_ms;
  std::string confidentiality_note;
  // V8: the connection failed and the contact went on by phone.
  std::optional<std::string> phone_fallback_by;
  std::optional<std::int64_t> phone_fallback_at_ms;
};

struct Participant {
  std::string id;
  std::string meeting_id;
  Role role = Role::patient;
  std::string person_kind;  // "patient" | "staff" | "guest"
  std::string person_id;    // for guests: the invitation's id
  std::string name;
  std::string organisation;
  std::string title;           // staff title, or the guest's role ("Socialsekreterare")
  std::string identification;  // e_id | e_id_demo | staff_account | staff_verified | guest_link
  State state = State::waiting;
  std::int64_t joined_at_ms = 0;
  std::optional<std::int64_t> admitted_at_ms;
  std::optional<std::string> identified_by;  // staff who saw ID on camera
  std::optional<std::int64_t> identified_at_ms;
  std::optional<std::string> token_hash;  // guests: their participant token, hashed
};

// A single-use, expiring invitation for someone of another organisation (V3).
struct Invitation {
  std::string id;
  std::string meeting_id;
  std::string token_hash;
  std::string name;
  std::string organisation;
  std::string title;
  std::int64_t expires_at_ms = 0;
  std::optional<std::int64_t> used_at_ms;
  std::string created_by;
};

// W1, W7: the unit manager's decision that a staff member may hold meetings from home, after
// seeing proof of home insurance. A1: training in the platform, recorded by the manager.
struct RemoteWorkApproval {
  std::string staff_id;
  std::string care_unit_id;
  std::string approved_by;
  bool insurance_proof_seen = false;
  std::int64_t approved_at_ms = 0;
};

struct Training {
  std::string staff_id;
  std::string completed_on;  // YYYY-MM-DD
  std::string recorded_by;
};

struct Readiness {
  Location location = Location::workplace;
  bool checklist_confirmed = false;  // V5
  bool equipment_tested = false;     // V6, W2: the pre-call check passed
};

enum class Error {
  not_allowed,
  appointment_not_found,
  not_a_video_appointment,
  meeting_not_found,
  meeting_ended,
  participant_not_found,
  not_ready,                 // the host's readiness is missing something (see the detail)
  confidentiality_required,  // V3: before admitting another organisation
  invitation_invalid,        // unknown, used or expired link
  not_admitted,              // signaling only between admitted participants
  bad_input,
  turn_not_configured,
};

std::string_view to_string(Role r);
std::optional<Role> role_from(std::string_view text);
std::string_view to_string(State s);
std::optional<State> state_from(std::string_view text);
std::string_view to_string(Location l);
std::optional<Location> location_from(std::string_view text);
std::string_view to_string(Error e);

}  // namespace oppenvard::meetings
