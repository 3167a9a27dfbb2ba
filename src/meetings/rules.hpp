#pragma once
// Pure rules of video meetings: what hosting needs (V5, A1; from home also W1, W2, W7), who
// may exchange signaling (only admitted participants: no media to anyone else), guest links,
// the confidentiality assessment before another organisation joins (V3), how a participant was
// identified, whether the visit took place, the reminders for meetings with children (C2, V9),
// the phone reserve (V8, W4) and documentation (W3), and TURN REST credentials. No I/O.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "meetings/model.hpp"

namespace oppenvard::meetings {

// What is missing before this staff member may host, as stable codes in the order to fix them:
// checklist_not_confirmed, training_missing, and from home: remote_work_not_approved,
// insurance_proof_not_seen, too_few_meetings_held, equipment_not_tested. Empty: may host.
struct HostingFacts {
  bool trained = false;
  bool remote_work_approved = false;
  bool insurance_proof_seen = false;
  int meetings_held_at_unit = 0;
  int min_meetings_before_home = 5;
};
std::vector<std::string> missing_for_hosting(const Readiness& readiness, const HostingFacts& f);

// Signaling (offers, answers, candidates) flows only between admitted participants.
bool may_relay(State from, State to);

bool invitation_usable(const Invitation& invitation, std::int64_t now_ms);

// V3: someone of another organisation is admitted only after the assessment is recorded.
bool needs_confidentiality_assessment(Role role, bool assessed);

// The visit took place (the appointment is fulfilled when the host ends the meeting) if the
// patient or their guardian was admitted at some point; otherwise it stays for staff to mark
// (a no-show, say).
bool visit_took_place(const std::vector<Participant>& participants);

// How a participant was identified, shown to the host (V2): from the session's assurance.
std::string identification_of(std::string_view person_kind, std::string_view assurance);

// The texts the meeting page shows; they depend only on who takes part.
inline constexpr std::string_view kNeverRecorded = "Mötet spelas inte in.";
inline constexpr std::string_view kChildReminder =
    "Patienten är under 18 år. Ställ inga frågor om utsatthet eller hemförhållanden i ett "
    "digitalt möte – någon som skadar barnet kan lyssna.";
inline constexpr std::string_view kPrivatePlaceReminder =
    "Sitt på en avskild plats där ingen annan hör eller ser, aldrig på en allmän plats.";
inline constexpr std::string_view kPhoneReminder =
    "Ring från jobbmobilen i första hand. Från en privat mobil: ring med dolt nummer (#31# före "
    "numret) och radera patientens nummer ur samtalslistan direkt efter samtalet.";

// W3: shown to the host when the meeting ends.
inline constexpr std::string_view kDocumentReminder =
    "Dokumentera besöket i journalen direkt efter mötet. Skriv inte ner uppgifter om patienten "
    "någon annanstans.";

// TURN REST (coturn --use-auth-secret): username "<expiry unix s>:<user>", password
// base64(HMAC-SHA1(secret, username)).
struct TurnCredentials {
  std::string username;
  std::string password;
  std::int64_t expires_at_ms = 0;
};
TurnCredentials turn_credentials(std::string_view secret, std::string_view user,
                                 std::int64_t now_ms, std::int64_t lifetime_ms);

}  // namespace oppenvard::meetings
