#pragma once
// Use cases of video meetings. A meeting belongs to a video appointment; the appointment's
// practitioner hosts once their readiness holds; everyone else waits until admitted, seeing
// nobody and reached by no signaling. Guests of other organisations join by single-use links
// and act through a participant token instead of a session. The server relays signaling (SDP
// and ICE) and chat between admitted participants through each participant's own realtime
// topic and stores neither; media flows peer to peer or through TURN, never through here.
#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <boost/json/value.hpp>

#include "audit/service.hpp"
#include "booking/store.hpp"
#include "core/clock.hpp"
#include "identity/service.hpp"
#include "identity/store.hpp"
#include "meetings/model.hpp"
#include "meetings/rules.hpp"
#include "meetings/store.hpp"

namespace oppenvard::meetings {

class MeetingError : public std::runtime_error {
 public:
  explicit MeetingError(Error error, std::vector<std::string> missing = {})
      : std::runtime_error("meeting error"), error_(error), missing_(std::move(missing)) {}
  Error error() const { return error_; }
  const std::vector<std::string>& missing() const { return missing_; }

 private:
  Error error_;
  std::vector<std::string> missing_;
};

// Who acts: a session (patients, guardians, staff) or a guest's participant token.
struct Actor {
  std::optional<identity::Principal> principal;
  std::optional<std::string> guest_token;
  std::string client_address;
};

struct Settings {
  int min_meetings_before_home = 5;
  std::int64_t invitation_lifetime_ms = 24LL * 3'600'000;
  std::vector<std::string> stun_urls;
  std::vector<std::string> turn_urls;
  std::string turn_secret;
  std::int64_t turn_lifetime_ms = 3'600'000;
};

struct MeetingView {
  Meeting meeting;
  Participant me;
  std::vector<Participant> participants;  // everyone for the admitted; only oneself while waiting
  bool child = false;                     // the patient is under 18 (C2)
  std::string care_unit_name;
};

// What hosting from home depends on, per staff member of a unit (for the unit manager).
struct HostingRecord {
  std::string staff_id;
  std::string name;
  std::string title;
  std::optional<Training> training;
  std::optional<RemoteWorkApproval> approval;
  int meetings_hosted = 0;
};

struct IceServer {
  std::vector<std::string> urls;
  std::string username;
  std::string credential;
};

using Publish = std::function<void(const std::string& topic, const boost::json::value& event)>;

// The realtime topic of one participant: their waiting-room news, signaling and chat.
std::string participant_topic(const std::string& meeting_id, const std::string& participant_id);

class Service {
 public:
  Service(Store& store, booking::Store& bookings, identity::Store& people, audit::Service& audit,
          const core::Clock& clock, Settings settings, Publish publish);

  // The meeting of a video appointment (created at the first ask).
  Meeting open(const Actor& actor, const std::string& appointment_id);
  // V5, A1, W1, W2, W7: records the host's readiness, or fails with what is missing.
  void ready(const Actor& actor, const std::string& meeting_id, const Readiness& readiness);
  MeetingView join(const Actor& actor, const std::string& meeting_id);
  MeetingView view(const Actor& actor, const std::string& meeting_id);
  // Out of the meeting. With `participant_id`, only if that is still the actor's place: a late
  // leave from a closed tab does not take out the place a newer page has taken.
  void leave(const Actor& actor, const std::string& meeting_id,
             const std::string& participant_id = "");

  // --- the host ---
  Participant admit(const Actor& host, const std::string& meeting_id,
                    const std::string& participant_id, bool admitted);
  Participant identify(const Actor& host, const std::string& meeting_id,
                       const std::string& participant_id);
  void assess_confidentiality(const Actor& host, const std::string& meeting_id,
                              const std::string& note);
  struct Link {
    Invitation invitation;
    std::string token;  // shown once; only its hash is stored
  };
  Link invite(const Actor& host, const std::string& meeting_id, const std::string& name,
              const std::string& organisation, const std::string& title);
  Meeting switch_to_phone(const Actor& host, const std::string& meeting_id);
  // Ends the meeting for everyone (they are told); the appointment becomes fulfilled if the
  // patient took part (W3: the host is then reminded to document).
  struct Ended {
    Meeting meeting;
    bool visit_took_place = false;
  };
  Ended end(const Actor& host, const std::string& meeting_id);

  // --- guests ---
  // Uses the link once; returns the new participant and its token for every later call.
  std::pair<Participant, std::string> accept_invitation(const std::string& link_token,
                                                        const std::string& client_address);

  // --- signaling and chat between admitted participants ---
  void signal(const Actor& actor, const std::string& meeting_id, const std::string& to,
              const boost::json::value& payload);
  void chat(const Actor& actor, const std::string& meeting_id, const std::string& text);
  std::vector<IceServer> ice_servers(const Actor& actor, const std::string& meeting_id);
  // The participant's own topic, if the actor is in the meeting (for a realtime grant).
  std::string topic_for(const Actor& actor, const std::string& meeting_id);

  const core::Clock& clock() const { return clock_; }

  // --- staff records (the unit manager) ---
  std::vector<HostingRecord> hosting_records(const Actor& manager, const std::string& care_unit_id);
  void record_training(const Actor& manager, const std::string& care_unit_id,
                       const std::string& staff_id, const std::string& completed_on);
  void withdraw_training(const Actor& manager, const std::string& care_unit_id,
                         const std::string& staff_id);
  void approve_remote_work(const Actor& manager, const std::string& care_unit_id,
                           const std::string& staff_id, bool insurance_proof_seen);
  void withdraw_remote_work(const Actor& manager, const std::string& care_unit_id,
                            const std::string& staff_id);

 private:
  Meeting load(soci::session& sql, const std::string& meeting_id);
  // The meeting, locked for the rest of the transaction.
  Meeting load_locked(soci::session& sql, const std::string& meeting_id);
  std::optional<Participant> find_me(soci::session& sql, const Actor& actor, const Meeting& m);
  Participant me_in(soci::session& sql, const Actor& actor, const Meeting& m);  // or fails
  Participant host_in(soci::session& sql, const Actor& actor, const Meeting& m);
  MeetingView join_as_guest(const Actor& actor, const std::string& meeting_id);
  // The patient (or their guardian) and staff of the unit may join; guests come by link.
  bool may_join(soci::session& sql, const identity::Principal& p, const Meeting& m);
  // The actor manages the unit, and `staff_id` (unless empty) works there.
  void require_manager(soci::session& sql, const Actor& manager, const std::string& care_unit_id,
                       const std::string& staff_id);
  bool staff_at(soci::session& sql, const std::string& staff_id, const std::string& care_unit_id,
                bool manager);
  void record(soci::session& sql, const Actor& actor, const Meeting& m, const std::string& action);
  // The topics of the meeting's participants (the admitted ones, or all still there).
  std::vector<std::string> topics(soci::session& sql, const Meeting& m, bool admitted_only);
  void publish(const std::vector<std::string>& topics, const boost::json::value& event);

  Store& store_;
  booking::Store& bookings_;
  identity::Store& people_;
  audit::Service& audit_;
  const core::Clock& clock_;
  Settings settings_;
  Publish publish_;
};

}  // namespace oppenvard::meetings
