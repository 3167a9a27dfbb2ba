#include "meetings/service.hpp"

#include <gtest/gtest.h>

#include <map>
#include <mutex>

#include "core/time.hpp"
#include "db/testing.hpp"
#include "directory/testing.hpp"
#include "eservices/store.hpp"
#include "identity/testing.hpp"

namespace oppenvard::meetings {
namespace {

using identity::StaffRole;

const std::string kUnit = "unit-1";

std::int64_t at(const char* text) {
  return *core::parse_rfc3339(text);
}

Actor person(const identity::Caller& c) {
  return {c.principal, std::nullopt, c.client_address};
}
Actor patient(const std::string& id, std::optional<std::string> acting_for = {}) {
  return person(identity::testing::patient(id, std::move(acting_for)));
}
Actor staff(const std::string& id) {
  return person(identity::testing::staff(id));
}
Actor guest(const std::string& token) {
  return {std::nullopt, token, "192.0.2.9"};
}

class MeetingsServiceTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    for (const auto& list : {directory::migrations(), identity::migrations(), audit::migrations(),
                             eservices::migrations(), booking::migrations(), migrations()}) {
      db::migrate(scratch_.db(), list);
    }
    directory::testing::seed_clinics(scratch_.db(), {{kUnit, "Vårdcentralen Björkdalen"}});
    identity::testing::seed_people(people_, kUnit);
    people_.upsert_patient({"ella", "1.2.752.129.2.1.3.1", "201604059802", "Ella", "Lindqvist",
                            "2016-04-05", std::nullopt, std::nullopt});
    people_.upsert_staff(
        {"anna", "SE2", "Anna", "Nilsson", "Sjuksköterska", {{kUnit, StaffRole::clinician}}});
  }

  // A video appointment with Karin for the patient, tomorrow at 13:00.
  std::string video_appointment(const std::string& patient_id, const std::string& id) {
    scratch_.db().transaction([&](soci::session& sql) {
      bookings_.insert_type(sql, {"video", kUnit, "Videobesök", "Video visit", 20,
                                  booking::Channel::video, booking::Profession::doctor, false});
      booking::Slot slot;
      slot.id = "slot-" + id;
      slot.care_unit_id = kUnit;
      slot.staff_id = "karin";
      slot.appointment_type_id = "video";
      slot.start_ms = at("2026-11-24T13:00:00+01:00") + static_cast<std::int64_t>(id.size());
      slot.end_ms = slot.start_ms + 20 * 60'000;
      bookings_.insert_slot(sql, slot);
      booking::Appointment a;
      a.id = id;
      a.care_unit_id = kUnit;
      a.slot_id = slot.id;
      a.staff_id = "karin";
      a.patient_id = patient_id;
      a.appointment_type_id = "video";
      a.channel = booking::Channel::video;
      a.profession = booking::Profession::doctor;
      a.start_ms = slot.start_ms;
      a.end_ms = slot.end_ms;
      a.source = booking::Source::staff;
      a.booked_by_kind = "staff";
      a.booked_by_id = "karin";
      a.suitability = booking::Suitability{"karin", clock_.now_ms()};
      a.created_at_ms = a.updated_at_ms = clock_.now_ms();
      bookings_.insert_appointment(sql, a);
    });
    return id;
  }

  // Karin trained, ready at the workplace, in the meeting as host.
  std::string hosted_meeting(const std::string& patient_id = "erik") {
    const auto m =
        service_.open(staff("karin"), video_appointment(patient_id, "appt-" + patient_id));
    service_.record_training(staff("mats"), kUnit, "karin", "2026-09-01");
    service_.ready(staff("karin"), m.id, {Location::workplace, true, false});
    service_.join(staff("karin"), m.id);
    return m.id;
  }

  Error error_of(const std::function<void()>& f, std::vector<std::string>* missing = nullptr) {
    try {
      f();
    } catch (const MeetingError& e) {
      if (missing) *missing = e.missing();
      return e.error();
    }
    ADD_FAILURE() << "no error";
    return Error::bad_input;
  }

  std::vector<boost::json::value> events_to(const std::string& topic) {
    std::lock_guard lock(mutex_);
    return published_[topic];
  }

  db::testing::ScratchDatabase scratch_{GetParam(), 8};
  identity::Store people_{scratch_.db()};
  core::FixedClock clock_{at("2026-11-23T10:00:00+01:00")};
  audit::Service audit_{scratch_.db(), clock_};
  booking::Store bookings_{scratch_.db()};
  Store store_{scratch_.db()};
  std::mutex mutex_;
  std::map<std::string, std::vector<boost::json::value>> published_;
  Service service_{
      store_,
      bookings_,
      people_,
      audit_,
      clock_,
      Settings{2, 3'600'000, {"stun:127.0.0.1:3478"}, {"turn:127.0.0.1:3478"}, "s3cret"},
      [this](const std::string& topic, const boost::json::value& event) {
        std::lock_guard lock(mutex_);
        published_[topic].push_back(event);
      }};
};

TEST_P(MeetingsServiceTest, TheHostNeedsTrainingAndTheChecklistAndFromHomeMuchMore) {
  const auto m = service_.open(staff("karin"), video_appointment("erik", "a1"));
  EXPECT_EQ(service_.open(patient("erik"), "a1").id, m.id);  // one meeting per appointment
  EXPECT_EQ(error_of([&] { service_.join(staff("karin"), m.id); }), Error::not_ready);
  std::vector<std::string> missing;
  EXPECT_EQ(error_of(
                [&] {
                  service_.ready(staff("karin"), m.id, {Location::workplace, false});
                },
                &missing),
            Error::not_ready);
  EXPECT_EQ(missing, (std::vector<std::string>{"checklist_not_confirmed", "training_missing"}));
  EXPECT_EQ(
      error_of([&] { service_.record_training(staff("anna"), kUnit, "karin", "2026-09-01"); }),
      Error::not_allowed);  // the unit manager records training
  service_.record_training(staff("mats"), kUnit, "karin", "2026-09-01");
  EXPECT_EQ(error_of(
                [&] {
                  service_.ready(staff("karin"), m.id, {Location::home, true, true});
                },
                &missing),
            Error::not_ready);
  EXPECT_EQ(missing,
            (std::vector<std::string>{"remote_work_not_approved", "too_few_meetings_held"}));
  service_.approve_remote_work(staff("mats"), kUnit, "karin", false);
  error_of([&] { service_.ready(staff("karin"), m.id, {Location::home, true, true}); }, &missing);
  EXPECT_EQ(missing,
            (std::vector<std::string>{"insurance_proof_not_seen", "too_few_meetings_held"}));
  // Only the appointment's practitioner hosts.
  EXPECT_EQ(error_of([&] {
              service_.ready(staff("anna"), m.id, {Location::workplace, true});
            }),
            Error::not_allowed);
  service_.ready(staff("karin"), m.id, {Location::workplace, true, false});
  const auto v = service_.join(staff("karin"), m.id);
  EXPECT_EQ(v.me.role, Role::host);
  EXPECT_EQ(v.me.state, State::admitted);
}

TEST_P(MeetingsServiceTest, EveryoneButTheHostWaitsAndNoSignalingReachesTheWaiting) {
  const auto id = hosted_meeting();
  const auto waiting = service_.join(patient("erik"), id);
  EXPECT_EQ(waiting.me.state, State::waiting);
  EXPECT_EQ(waiting.me.identification, "e_id_demo");  // the test session is a demo log-in
  ASSERT_EQ(waiting.participants.size(), 1u);         // sees nobody else while waiting
  const auto host = service_.view(staff("karin"), id);
  ASSERT_EQ(host.participants.size(), 2u);
  const auto& host_id = host.me.id;
  EXPECT_EQ(error_of([&] {
              service_.signal(patient("erik"), id, host_id, {{"sdp", "x"}});
            }),
            Error::not_admitted);
  EXPECT_EQ(error_of([&] {
              service_.signal(staff("karin"), id, waiting.me.id, {{"sdp", "x"}});
            }),
            Error::not_admitted);
  EXPECT_TRUE(events_to(participant_topic(id, waiting.me.id)).empty());
  EXPECT_EQ(error_of([&] { service_.admit(patient("erik"), id, waiting.me.id, true); }),
            Error::not_allowed);
  // Identified by staff (ID shown on camera), then admitted.
  EXPECT_EQ(service_.identify(staff("karin"), id, waiting.me.id).identification, "staff_verified");
  service_.admit(staff("karin"), id, waiting.me.id, true);
  EXPECT_EQ(events_to(participant_topic(id, waiting.me.id)).front().at("type"), "admitted");
  service_.signal(staff("karin"), id, waiting.me.id, {{"sdp", "offer"}});
  const auto got = events_to(participant_topic(id, waiting.me.id)).back();
  EXPECT_EQ(got.at("type"), "signal");
  EXPECT_EQ(got.at("from").as_string(), host_id);
  EXPECT_EQ(service_.view(patient("erik"), id).participants.size(), 2u);
  service_.chat(patient("erik"), id, "Hörs jag?");
  EXPECT_EQ(events_to(participant_topic(id, host_id)).back().at("text"), "Hörs jag?");
  // Someone else's patient cannot join.
  EXPECT_EQ(error_of([&] { service_.join(patient("ella"), id); }), Error::not_allowed);
}

TEST_P(MeetingsServiceTest, AnotherOrganisationJoinsByASingleUseLinkAfterTheAssessment) {
  const auto id = hosted_meeting();
  const auto link =
      service_.invite(staff("karin"), id, "Sofia Berg", "Botkyrka kommun", "Socialsekreterare");
  const auto [guest_p, token] = service_.accept_invitation(link.token, "192.0.2.9");
  EXPECT_EQ(guest_p.state, State::waiting);
  EXPECT_EQ(guest_p.identification, "guest_link");
  EXPECT_EQ(guest_p.organisation, "Botkyrka kommun");
  EXPECT_EQ(error_of([&] { service_.accept_invitation(link.token, "192.0.2.9"); }),
            Error::invitation_invalid);  // single use
  EXPECT_EQ(service_.view(guest(token), id).me.id, guest_p.id);
  EXPECT_EQ(error_of([&] { service_.admit(staff("karin"), id, guest_p.id, true); }),
            Error::confidentiality_required);
  EXPECT_EQ(error_of([&] { service_.assess_confidentiality(staff("karin"), id, ""); }),
            Error::bad_input);
  service_.assess_confidentiality(staff("karin"), id,
                                  "Sekretessprövat: samordning med socialtjänsten.");
  service_.admit(staff("karin"), id, guest_p.id, true);
  EXPECT_EQ(service_.view(guest(token), id).participants.size(), 2u);
  EXPECT_EQ(error_of([&] { service_.view(guest("not-a-token"), id); }),
            Error::participant_not_found);
  // A guest who reloads (the page left) waits again in the same place for the host.
  service_.leave(guest(token), id);
  EXPECT_EQ(service_.view(guest(token), id).me.state, State::left);
  const auto again = service_.join(guest(token), id).me;
  EXPECT_EQ(again.state, State::waiting);
  EXPECT_EQ(again.id, guest_p.id);
  service_.admit(staff("karin"), id, guest_p.id, true);
  // An expired link.
  const auto late = service_.invite(staff("karin"), id, "Tolk", "Tolkförmedlingen", "Tolk");
  clock_.advance(3'600'001);
  EXPECT_EQ(error_of([&] { service_.accept_invitation(late.token, "192.0.2.9"); }),
            Error::invitation_invalid);
}

TEST_P(MeetingsServiceTest, ChildrenRemindTheHostAndThePhoneReserveIsRecorded) {
  const auto id = hosted_meeting("ella");
  EXPECT_TRUE(service_.view(staff("karin"), id).child);
  const auto m = service_.switch_to_phone(staff("karin"), id);
  EXPECT_TRUE(m.phone_fallback_at_ms.has_value());
  EXPECT_EQ(m.phone_fallback_by, "karin");
  const auto a = scratch_.db().with_session(
      [&](soci::session& sql) { return bookings_.find_appointment(sql, m.appointment_id); });
  EXPECT_EQ(a->channel, booking::Channel::phone);
  EXPECT_EQ(error_of([&] { service_.switch_to_phone(patient("ella"), id); }),
            Error::participant_not_found);
}

TEST_P(MeetingsServiceTest, TheHostEndsTheMeetingForEveryoneAndTheVisitCountsIfThePatientCame) {
  const auto id = hosted_meeting();
  const auto erik = service_.join(patient("erik"), id).me;
  const auto anna = service_.join(staff("anna"), id).me;  // still waiting at the end
  EXPECT_EQ(error_of([&] { service_.end(patient("erik"), id); }), Error::not_allowed);
  service_.admit(staff("karin"), id, erik.id, true);
  const auto ended = service_.end(staff("karin"), id);
  EXPECT_TRUE(ended.visit_took_place);
  EXPECT_TRUE(ended.meeting.ended_at_ms.has_value());
  // Everyone still there, admitted or waiting, is told and is out.
  EXPECT_EQ(events_to(participant_topic(id, erik.id)).back().at("type"), "ended");
  EXPECT_EQ(events_to(participant_topic(id, anna.id)).back().at("type"), "ended");
  EXPECT_EQ(service_.view(patient("erik"), id).me.state, State::left);
  EXPECT_EQ(error_of([&] { service_.join(patient("erik"), id); }), Error::meeting_ended);
  EXPECT_EQ(error_of([&] { service_.end(staff("karin"), id); }), Error::meeting_ended);
  const auto a = scratch_.db().with_session([&](soci::session& sql) {
    return bookings_.find_appointment(sql, ended.meeting.appointment_id);
  });
  EXPECT_EQ(a->status, booking::AppointmentStatus::fulfilled);

  // Nobody came: the appointment stays booked for staff to mark.
  const auto empty = service_.open(staff("karin"), video_appointment("ella", "appt-nobody")).id;
  service_.ready(staff("karin"), empty, {Location::workplace, true, false});
  service_.join(staff("karin"), empty);
  const auto nobody = service_.end(staff("karin"), empty);
  EXPECT_FALSE(nobody.visit_took_place);
  const auto b = scratch_.db().with_session([&](soci::session& sql) {
    return bookings_.find_appointment(sql, nobody.meeting.appointment_id);
  });
  EXPECT_EQ(b->status, booking::AppointmentStatus::booked);
}

TEST_P(MeetingsServiceTest, IceServersCarryTimeLimitedTurnCredentials) {
  const auto id = hosted_meeting();
  const auto servers = service_.ice_servers(staff("karin"), id);
  ASSERT_EQ(servers.size(), 2u);
  EXPECT_EQ(servers[0].urls.front(), "stun:127.0.0.1:3478");
  EXPECT_EQ(servers[1].urls.front(), "turn:127.0.0.1:3478");
  const auto expiry = std::stoll(servers[1].username.substr(0, servers[1].username.find(':')));
  EXPECT_EQ(expiry, (clock_.now_ms() + 3'600'000) / 1000);
  EXPECT_EQ(servers[1].credential.size(), 28u);
  // Before joining too (the pre-call check tests TURN), but only for those who may join.
  EXPECT_EQ(service_.ice_servers(patient("erik"), id).size(), 2u);
  EXPECT_EQ(error_of([&] { service_.ice_servers(patient("ella"), id); }),
            Error::participant_not_found);
  EXPECT_EQ(error_of([&] { service_.ice_servers(guest("not-a-token"), id); }),
            Error::participant_not_found);
  // A colleague gets them once in the meeting; someone turned away, and anyone after the end,
  // does not.
  EXPECT_EQ(error_of([&] { service_.ice_servers(staff("anna"), id); }),
            Error::participant_not_found);
  const auto anna = service_.join(staff("anna"), id).me;
  EXPECT_EQ(service_.ice_servers(staff("anna"), id).size(), 2u);
  service_.admit(staff("karin"), id, anna.id, false);
  EXPECT_EQ(error_of([&] { service_.ice_servers(staff("anna"), id); }), Error::not_allowed);
  service_.end(staff("karin"), id);
  EXPECT_EQ(error_of([&] { service_.ice_servers(patient("erik"), id); }), Error::meeting_ended);
}

TEST_P(MeetingsServiceTest, TheTurnedAwaySeeItAndStayOutWhileThoseWhoLeftMayComeBack) {
  const auto id = hosted_meeting();
  const auto erik = service_.join(patient("erik"), id).me;
  service_.admit(staff("karin"), id, erik.id, false);
  const auto seen = service_.view(patient("erik"), id);
  EXPECT_EQ(seen.me.state, State::rejected);
  EXPECT_EQ(seen.participants.size(), 1u);  // still sees nobody
  // Joining again does not put him back in the waiting room: the host's decision stands.
  EXPECT_EQ(service_.join(patient("erik"), id).me.state, State::rejected);
  EXPECT_EQ(service_.view(staff("karin"), id).participants.size(), 1u);
  // Someone who left (a closed tab) waits again when they come back.
  const auto anna = service_.join(staff("anna"), id).me;
  service_.admit(staff("karin"), id, anna.id, true);
  const auto host_topic = participant_topic(id, service_.view(staff("karin"), id).me.id);
  const auto before = events_to(host_topic).size();
  service_.leave(staff("anna"), id);
  EXPECT_EQ(events_to(host_topic).size(), before + 1);  // the host's roster is told
  EXPECT_EQ(service_.view(staff("anna"), id).me.state, State::left);
  const auto back = service_.join(staff("anna"), id).me;
  EXPECT_EQ(back.state, State::waiting);
  EXPECT_NE(back.id, anna.id);
  // A late leave of the old place (a closed tab) does not take out the new one.
  service_.leave(staff("anna"), id, anna.id);
  EXPECT_EQ(service_.view(staff("anna"), id).me.state, State::waiting);
  service_.leave(staff("anna"), id, back.id);
  EXPECT_EQ(service_.view(staff("anna"), id).me.state, State::left);
  EXPECT_EQ(events_to(participant_topic(id, back.id)).back().at("type"), "left");
}

TEST_P(MeetingsServiceTest, TheUnitManagerSeesAndWithdrawsWhatHostingFromHomeRestsOn) {
  const auto id = hosted_meeting();
  service_.approve_remote_work(staff("mats"), kUnit, "karin", true);
  auto records = service_.hosting_records(staff("mats"), kUnit);
  const auto karin = std::find_if(records.begin(), records.end(),
                                  [](const auto& r) { return r.staff_id == "karin"; });
  ASSERT_NE(karin, records.end());
  EXPECT_EQ(karin->name, "Karin Ekström");
  ASSERT_TRUE(karin->training.has_value());
  EXPECT_EQ(karin->training->completed_on, "2026-09-01");
  ASSERT_TRUE(karin->approval.has_value());
  EXPECT_TRUE(karin->approval->insurance_proof_seen);
  EXPECT_EQ(karin->meetings_hosted, 1);
  EXPECT_EQ(error_of([&] { service_.hosting_records(staff("karin"), kUnit); }),
            Error::not_allowed);  // the unit manager's view
  service_.withdraw_remote_work(staff("mats"), kUnit, "karin");
  service_.withdraw_training(staff("mats"), kUnit, "karin");
  records = service_.hosting_records(staff("mats"), kUnit);
  for (const auto& r : records) {
    EXPECT_FALSE(r.approval.has_value());
    EXPECT_FALSE(r.training.has_value());
  }
  std::vector<std::string> missing;
  error_of([&] { service_.ready(staff("karin"), id, {Location::home, true, true}); }, &missing);
  EXPECT_EQ(missing, (std::vector<std::string>{"training_missing", "remote_work_not_approved",
                                               "too_few_meetings_held"}));
  EXPECT_EQ(error_of([&] { service_.withdraw_remote_work(staff("anna"), kUnit, "karin"); }),
            Error::not_allowed);
}

INSTANTIATE_TEST_SUITE_P(Backends, MeetingsServiceTest,
                         ::testing::ValuesIn(db::testing::backends()), db::testing::BackendName{});

}  // namespace
}  // namespace oppenvard::meetings
