#include "meetings/rules.hpp"

#include <algorithm>

#include <openssl/evp.h>
#include <openssl/hmac.h>

namespace oppenvard::meetings {

std::vector<std::string> missing_for_hosting(const Readiness& r, const HostingFacts& f) {
  std::vector<std::string> missing;
  if (!r.checklist_confirmed) missing.emplace_back("checklist_not_confirmed");
  if (!f.trained) missing.emplace_back("training_missing");
  if (r.location == Location::home) {
    if (!f.remote_work_approved) missing.emplace_back("remote_work_not_approved");
    if (f.remote_work_approved && !f.insurance_proof_seen) {
      missing.emplace_back("insurance_proof_not_seen");
    }
    if (f.meetings_held_at_unit < f.min_meetings_before_home) {
      missing.emplace_back("too_few_meetings_held");
    }
    if (!r.equipment_tested) missing.emplace_back("equipment_not_tested");
  }
  return missing;
}

bool may_relay(State from, State to) {
  return from == State::admitted && to == State::admitted;
}

bool visit_took_place(const std::vector<Participant>& participants) {
  return std::any_of(participants.begin(), participants.end(), [](const Participant& p) {
    return (p.role == Role::patient || p.role == Role::guardian) && p.admitted_at_ms.has_value();
  });
}

bool invitation_usable(const Invitation& invitation, std::int64_t now_ms) {
  return !invitation.used_at_ms && now_ms < invitation.expires_at_ms;
}

bool needs_confidentiality_assessment(Role role, bool assessed) {
  return role == Role::guest && !assessed;
}

std::string identification_of(std::string_view person_kind, std::string_view assurance) {
  if (person_kind == "guest") return "guest_link";
  if (assurance == "staff_verified") return "staff_verified";
  if (person_kind == "staff") return "staff_account";
  if (assurance == "demo") return "e_id_demo";
  return "e_id";
}

TurnCredentials turn_credentials(std::string_view secret, std::string_view user,
                                 std::int64_t now_ms, std::int64_t lifetime_ms) {
  const auto expires = now_ms + lifetime_ms;
  TurnCredentials c;
  c.username = std::to_string(expires / 1000) + ":" + std::string(user);
  c.expires_at_ms = expires;
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  HMAC(EVP_sha1(), secret.data(), static_cast<int>(secret.size()),
       reinterpret_cast<const unsigned char*>(c.username.data()), c.username.size(), mac, &length);
  std::string encoded(4 * ((length + 2) / 3) + 1, '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(encoded.data()), mac,
                                static_cast<int>(length));
  encoded.resize(static_cast<std::size_t>(n));
  c.password = std::move(encoded);
  return c;
}

}  // namespace oppenvard::meetings
