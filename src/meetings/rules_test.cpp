#include "meetings/rules.hpp"

#include <gtest/gtest.h>

namespace oppenvard::meetings {
namespace {

using Missing = std::vector<std::string>;

TEST(Hosting, FromTheWorkplaceTheChecklistAndTrainingAreEnough) {
  HostingFacts f;
  Readiness r;
  EXPECT_EQ(missing_for_hosting(r, f), (Missing{"checklist_not_confirmed", "training_missing"}));
  r.checklist_confirmed = true;
  EXPECT_EQ(missing_for_hosting(r, f), (Missing{"training_missing"}));
  f.trained = true;
  EXPECT_TRUE(missing_for_hosting(r, f).empty());
}

TEST(Hosting, FromHomeNeedsApprovalInsuranceExperienceAndATestedSetUp) {
  HostingFacts f;
  f.trained = true;
  Readiness r{Location::home, true, false};
  EXPECT_EQ(missing_for_hosting(r, f),
            (Missing{"remote_work_not_approved", "too_few_meetings_held", "equipment_not_tested"}));
  f.remote_work_approved = true;
  EXPECT_EQ(missing_for_hosting(r, f),
            (Missing{"insurance_proof_not_seen", "too_few_meetings_held", "equipment_not_tested"}));
  f.insurance_proof_seen = true;
  f.meetings_held_at_unit = 4;
  r.equipment_tested = true;
  EXPECT_EQ(missing_for_hosting(r, f), (Missing{"too_few_meetings_held"}));
  f.meetings_held_at_unit = 5;
  EXPECT_TRUE(missing_for_hosting(r, f).empty());
  f.min_meetings_before_home = 10;
  EXPECT_EQ(missing_for_hosting(r, f), (Missing{"too_few_meetings_held"}));
}

TEST(Relay, OnlyBetweenAdmittedParticipants) {
  for (const auto from : {State::waiting, State::admitted, State::rejected, State::left}) {
    for (const auto to : {State::waiting, State::admitted, State::rejected, State::left}) {
      EXPECT_EQ(may_relay(from, to), from == State::admitted && to == State::admitted);
    }
  }
}

TEST(Visit, TookPlaceOnlyIfThePatientOrGuardianWasAdmitted) {
  EXPECT_FALSE(visit_took_place({}));
  for (const auto role : {Role::host, Role::staff, Role::patient, Role::guardian, Role::guest}) {
    for (const bool admitted : {false, true}) {
      Participant p;
      p.role = role;
      p.state = State::left;  // how they stand at the end does not matter
      if (admitted) p.admitted_at_ms = 1;
      const bool patient_side = role == Role::patient || role == Role::guardian;
      EXPECT_EQ(visit_took_place({p}), patient_side && admitted)
          << to_string(role) << " admitted=" << admitted;
      Participant host;
      host.role = Role::host;
      host.admitted_at_ms = 1;
      EXPECT_EQ(visit_took_place({host, p}), patient_side && admitted);
    }
  }
}

TEST(Invitations, SingleUseAndExpiring) {
  Invitation i;
  i.expires_at_ms = 1000;
  EXPECT_TRUE(invitation_usable(i, 999));
  EXPECT_FALSE(invitation_usable(i, 1000));
  i.used_at_ms = 10;
  EXPECT_FALSE(invitation_usable(i, 500));
}

TEST(Confidentiality, OnlyOtherOrganisationsNeedTheAssessment) {
  EXPECT_TRUE(needs_confidentiality_assessment(Role::guest, false));
  EXPECT_FALSE(needs_confidentiality_assessment(Role::guest, true));
  for (const auto r : {Role::host, Role::staff, Role::patient, Role::guardian}) {
    EXPECT_FALSE(needs_confidentiality_assessment(r, false));
  }
}

TEST(Identification, FollowsTheSession) {
  EXPECT_EQ(identification_of("patient", "substantial"), "e_id");
  EXPECT_EQ(identification_of("patient", "demo"), "e_id_demo");
  EXPECT_EQ(identification_of("patient", "staff_verified"), "staff_verified");
  EXPECT_EQ(identification_of("staff", "password_totp"), "staff_account");
  EXPECT_EQ(identification_of("guest", ""), "guest_link");
}

TEST(Turn, RestCredentialsAsCoturnComputesThem) {
  // RFC 2104 HMAC-SHA1 of "1700000600:alice" under "secret", base64: checked with
  // `printf %s 1700000600:alice | openssl dgst -sha1 -hmac secret -binary | base64`.
  const auto c = turn_credentials("secret", "alice", 1'700'000'000'000, 600'000);
  EXPECT_EQ(c.username, "1700000600:alice");
  EXPECT_EQ(c.expires_at_ms, 1'700'000'600'000);
  EXPECT_EQ(c.password.size(), 28u);
  EXPECT_EQ(c.password, "5PrY1fcLQr5jls8N4ZU7fEnmVNE=");
}

}  // namespace
}  // namespace oppenvard::meetings
