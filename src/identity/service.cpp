#include "identity/service.hpp"

#include <sodium.h>

#include "core/personal_id.hpp"
#include "core/time.hpp"
#include "db/uuid.hpp"
#include "identity/totp.hpp"

namespace oppenvard::identity {
namespace {

std::optional<date::year_month_day> birth_date_of(const Patient& p) {
  return core::parse_date(p.birth_date);
}

std::string display_identifier(const Patient& p, date::year_month_day today) {
  const auto parsed = core::parse_personal_id(p.id_value, today);
  return parsed ? core::display_form(parsed.value(), today) : p.id_value;
}

}  // namespace

void Service::require_demo() const {
  if (!demo_enabled_) throw IdentityError(Error::demo_disabled);
}

Principal Service::authenticate(const std::optional<std::string>& token, bool unsafe_method,
                                const std::optional<std::string>& csrf_header) {
  if (!token || !looks_like_token(*token)) throw IdentityError(Error::unauthenticated);
  const auto now = clock_.now_ms();
  const std::string hash = hash_token(*token);
  const auto session = store_.find_session(hash, now);
  if (!session) throw IdentityError(Error::unauthenticated);
  const SessionTimes times{session->created_at_ms, session->last_seen_at_ms,
                           session->absolute_expires_at_ms};
  if (session_state(times, now, policy_) != SessionState::active) {
    store_.end_session(hash, now);
    throw IdentityError(Error::unauthenticated);
  }
  if (unsafe_method && (!csrf_header ||
                        sodium_memcmp(csrf_header->data(), session->csrf_token.data(),
                                      session->csrf_token.size()) != 0 ||
                        csrf_header->size() != session->csrf_token.size())) {
    throw IdentityError(Error::csrf_mismatch);
  }
  if (should_touch(times, now, policy_)) store_.touch_session(hash, now);
  Principal p{hash,
              session->person_kind,
              session->person_id,
              assurance_from(session->assurance).value_or(Assurance::demo),
              session->csrf_token,
              session->acting_for};
  // A proxy ends on the child's 13th birthday even in the middle of a session.
  if (p.acting_for) {
    const auto child = store_.find_patient_by_id(*p.acting_for);
    const auto birth = child ? birth_date_of(*child) : std::nullopt;
    if (!birth || !guardian_may_act_for(*birth, core::stockholm_date(now))) {
      store_.set_acting_for(hash, std::nullopt);
      p.acting_for.reset();
    }
  }
  return p;
}

Me Service::me(const Principal& principal) {
  Me me;
  me.principal = principal;
  const auto now = clock_.now_ms();
  const auto today = core::stockholm_date(now);
  if (principal.person_kind == "patient") {
    const auto patient = store_.find_patient_by_id(principal.person_id);
    if (!patient) throw IdentityError(Error::unauthenticated);
    me.given_name = patient->given_name;
    me.family_name = patient->family_name;
    for (auto& child : store_.children_of_guardian(principal.person_id)) {
      const auto birth = birth_date_of(child);
      if (birth && guardian_may_act_for(*birth, today)) {
        me.may_act_for.push_back({child, proxy_last_day(*birth)});
        if (principal.acting_for == child.id) me.acting_for = child;
      }
    }
  } else {
    const auto staff = store_.find_staff_by_id(principal.person_id);
    if (!staff) throw IdentityError(Error::unauthenticated);
    me.given_name = staff->given_name;
    me.family_name = staff->family_name;
    me.assignments = store_.assignments_with_units(principal.person_id);
  }
  if (const auto session = store_.find_session(principal.token_hash, now)) {
    me.absolute_expires_at_ms = session->absolute_expires_at_ms;
  }
  return me;
}

void Service::audit_event(const std::string& actor_kind, const std::string& actor_id,
                          const std::string& patient_id, const std::string& action, bool success,
                          const std::string& client) {
  audit::NewAuditEvent e;
  e.actor_kind = actor_kind;
  e.actor_id = actor_id;
  e.patient_id = patient_id;
  e.action = action;
  e.object_type = "session";
  e.client_address = client;
  e.success = success;
  audit_.record(e);
}

Me Service::set_acting_for(const Principal& principal, const std::optional<std::string>& patient_id,
                           const std::string& client) {
  Principal updated = principal;
  if (patient_id) {
    if (principal.person_kind != "patient") throw IdentityError(Error::not_a_guardian);
    const auto children = store_.children_of_guardian(principal.person_id);
    const auto it = std::find_if(children.begin(), children.end(),
                                 [&](const Patient& c) { return c.id == *patient_id; });
    if (it == children.end()) {
      audit_event("patient", principal.person_id, *patient_id, "act_for", false, client);
      throw IdentityError(Error::not_a_guardian);
    }
    const auto birth = birth_date_of(*it);
    if (!birth || !guardian_may_act_for(*birth, core::stockholm_date(clock_.now_ms()))) {
      audit_event("guardian", principal.person_id, *patient_id, "act_for", false, client);
      throw IdentityError(Error::proxy_ended);
    }
    audit_event("guardian", principal.person_id, *patient_id, "act_for", true, client);
  }
  store_.set_acting_for(principal.token_hash, patient_id);
  updated.acting_for = patient_id;
  return me(updated);
}

void Service::logout(const Principal& principal) {
  store_.end_session(principal.token_hash, clock_.now_ms());
}

void Service::logout_everywhere(const Principal& principal) {
  store_.end_all_sessions(principal.person_kind, principal.person_id, clock_.now_ms());
}

std::string Service::create_session(const std::string& kind, const std::string& person_id,
                                    Assurance assurance) {
  // Always a fresh token: a session id known before log-in is never promoted (fixation).
  const std::string token = new_token();
  const auto now = clock_.now_ms();
  store_.insert_session({hash_token(token), kind, person_id, std::string(to_string(assurance)),
                         new_token(), std::nullopt, now, now, now + policy_.absolute_timeout_ms});
  return token;
}

std::string Service::log_in_external(const std::string& kind, const std::string& person_id,
                                     Assurance assurance, const std::string& client) {
  if (kind == "patient") {
    const auto patient = store_.find_patient_by_id(person_id);
    if (!patient) throw IdentityError(Error::unknown_person);
    const auto birth = birth_date_of(*patient);
    if (birth && guardian_may_act_for(*birth, core::stockholm_date(clock_.now_ms()))) {
      throw IdentityError(Error::under_13);
    }
  } else if (!store_.find_staff_by_id(person_id)) {
    throw IdentityError(Error::unknown_person);
  }
  audit_event(kind, person_id, kind == "patient" ? person_id : "", "login", true, client);
  return create_session(kind, person_id, assurance);
}

std::vector<DemoPerson> Service::demo_people() {
  require_demo();
  const auto today = core::stockholm_date(clock_.now_ms());
  std::vector<DemoPerson> out;
  for (const auto& p : store_.all_patients()) {
    std::string description = "Invånare";
    const auto children = store_.children_of_guardian(p.id);
    if (!children.empty()) {
      description = "Vårdnadshavare till " + children.front().given_name + " (född " +
                    children.front().birth_date.substr(0, 4) + ")";
    } else if (const auto birth = birth_date_of(p)) {
      if (const auto parsed = core::parse_personal_id(p.id_value, today)) {
        const int age = core::age_on(parsed.value(), today);
        if (age < kProxyAgeLimit) continue;  // represented by a guardian, never logs in
        if (age < 18) {
          description = "Ungdom, " + std::to_string(age) + " år";
        } else {
          description = "Invånare, " + std::to_string(age) + " år";
        }
        if (parsed.value().kind == core::PersonalIdKind::samordningsnummer) {
          description += ", samordningsnummer";
        }
      }
    }
    out.push_back({p.id, "patient", p.given_name + " " + p.family_name,
                   display_identifier(p, today), description});
  }
  for (const auto& s : store_.all_staff()) {
    out.push_back({s.id, "staff", s.given_name + " " + s.family_name, s.hsa_id, s.title});
  }
  return out;
}

std::string Service::demo_start(const std::string& person_id) {
  require_demo();
  std::string kind;
  if (const auto patient = store_.find_patient_by_id(person_id)) {
    const auto birth = birth_date_of(*patient);
    if (birth && guardian_may_act_for(*birth, core::stockholm_date(clock_.now_ms()))) {
      throw IdentityError(Error::under_13);
    }
    kind = "patient";
  } else if (store_.find_staff_by_id(person_id)) {
    kind = "staff";
  } else {
    throw IdentityError(Error::unknown_person);
  }
  const std::string ref = db::new_uuid_v7();
  store_.insert_demo_order({ref, kind, person_id, clock_.now_ms(), "pending"});
  return ref;
}

DemoCollect Service::demo_collect(const std::string& order_ref, const std::string& client) {
  require_demo();
  const auto order = store_.find_demo_order(order_ref);
  if (!order) throw IdentityError(Error::unknown_order);
  if (order->status == "cancelled") return {"failed", "cancelled", std::nullopt};
  if (order->status == "collected") return {"failed", "expired", std::nullopt};
  switch (demo_order_state(order->started_at_ms, clock_.now_ms())) {
    case OrderState::pending_start:
      return {"pending", "start_app", std::nullopt};
    case OrderState::pending_sign:
      return {"pending", "user_sign", std::nullopt};
    case OrderState::expired:
      store_.finish_demo_order(order_ref, "cancelled");
      return {"failed", "expired", std::nullopt};
    case OrderState::complete:
      break;
  }
  // Only the first collect of a completed order gets a session.
  if (!store_.finish_demo_order(order_ref, "collected")) {
    return {"failed", "expired", std::nullopt};
  }
  audit_event(order->person_kind, order->person_id,
              order->person_kind == "patient" ? order->person_id : "", "login", true, client);
  return {"complete", "", create_session(order->person_kind, order->person_id, Assurance::demo)};
}

void Service::demo_cancel(const std::string& order_ref) {
  require_demo();
  if (!store_.find_demo_order(order_ref)) throw IdentityError(Error::unknown_order);
  store_.finish_demo_order(order_ref, "cancelled");
}

}  // namespace oppenvard::identity

namespace oppenvard::identity {
namespace {

constexpr std::int64_t kChallengeLifetimeMs = 5 * 60 * 1000;
constexpr std::string_view kTotpIssuer = "Öppenvård";

}  // namespace

void Service::check_limits(const std::string& account_key, const std::string& address_key) {
  const auto now = clock_.now_ms();
  const auto wait = std::max(account_limits_.wait_ms(account_key, now),
                             address_limits_.wait_ms(address_key, now));
  if (wait > 0) throw IdentityError(Error::rate_limited, wait);
}

void Service::count_failure(const std::string& account_key, const std::string& address_key) {
  const auto now = clock_.now_ms();
  account_limits_.failure(account_key, now);
  address_limits_.failure(address_key, now);
}

PasswordStep Service::staff_password(const std::string& hsa_id, const std::string& password,
                                     const std::string& client) {
  const std::string account_key = "staff:" + hsa_id;
  const std::string address_key = "address:" + client;
  check_limits(account_key, address_key);
  const auto staff = store_.find_staff_by_hsa_id(hsa_id);
  const auto credentials = staff ? store_.find_credentials(staff->id) : std::nullopt;
  // Unknown account and wrong password look the same, and cost the same time.
  static const std::string kDummyHash = hash_password("unknown account");
  const std::string& hash = credentials ? credentials->password_hash : kDummyHash;
  const bool ok = password_matches(hash, password);
  if (!ok || !credentials) {
    count_failure(account_key, address_key);
    if (staff) audit_event("staff", staff->id, "", "login_password", false, client);
    throw IdentityError(Error::bad_credentials);
  }
  const std::string challenge = new_token();
  store_.insert_challenge(hash_token(challenge), staff->id, clock_.now_ms());
  if (credentials->totp_confirmed && credentials->totp_secret) {
    return {"totp_required", challenge, "", "", ""};
  }
  // First log-in (or an enrolment never confirmed): a new secret to scan.
  std::vector<std::uint8_t> secret(20);
  randombytes_buf(secret.data(), secret.size());
  const std::string base32 = base32_encode(secret);
  store_.set_totp(staff->id, base32, false);
  const std::string uri = otpauth_uri(kTotpIssuer, hsa_id, base32);
  return {"totp_enrolment", challenge, uri, base32, qr_svg(uri)};
}

std::string Service::staff_totp(const std::string& challenge, const std::string& code,
                                const std::string& client) {
  const auto now = clock_.now_ms();
  const std::string address_key = "address:" + client;
  if (!looks_like_token(challenge)) throw IdentityError(Error::unknown_challenge);
  const auto staff_id = store_.consume_challenge(hash_token(challenge), now, kChallengeLifetimeMs);
  if (!staff_id) throw IdentityError(Error::unknown_challenge);
  const auto staff = store_.find_staff_by_id(*staff_id);
  const auto credentials = store_.find_credentials(*staff_id);
  if (!staff || !credentials || !credentials->totp_secret) {
    throw IdentityError(Error::unknown_challenge);
  }
  const std::string account_key = "staff:" + staff->hsa_id;
  check_limits(account_key, address_key);
  const auto secret = base32_decode(*credentials->totp_secret);
  const auto step =
      secret ? verify_totp(*secret, code, now, credentials->totp_last_step) : std::nullopt;
  // The step is recorded atomically: two requests with one code cannot both succeed.
  if (!step || !store_.use_totp_step(*staff_id, *step)) {
    count_failure(account_key, address_key);
    audit_event("staff", *staff_id, "", "login_totp", false, client);
    throw IdentityError(Error::bad_code);
  }
  if (!credentials->totp_confirmed) store_.set_totp(*staff_id, *credentials->totp_secret, true);
  account_limits_.success(account_key);
  audit_event("staff", *staff_id, "", "login", true, client);
  return create_session("staff", *staff_id, Assurance::password_totp);
}

void Service::set_staff_password(const std::string& hsa_id, const std::string& password) {
  const auto staff = store_.find_staff_by_hsa_id(hsa_id);
  if (!staff) throw IdentityError(Error::unknown_person);
  store_.set_password(staff->id, hash_password(password), clock_.now_ms());
}

void Service::register_password_reset(const Principal& principal, const std::string& email,
                                      const std::string& phone) {
  if (principal.person_kind != "staff") throw IdentityError(Error::not_staff);
  if (!store_.find_credentials(principal.person_id)) {
    // Staff who log in through the region's IdP reset passwords there, not here.
    throw IdentityError(Error::not_staff);
  }
  store_.set_reset_contacts(principal.person_id, email, phone);
}

std::optional<std::pair<std::string, std::string>> Service::password_reset_contacts(
    const Principal& principal) {
  if (principal.person_kind != "staff") return std::nullopt;
  const auto c = store_.find_credentials(principal.person_id);
  if (!c || !c->reset_email) return std::nullopt;
  return std::make_pair(*c->reset_email, c->reset_phone.value_or(""));
}

}  // namespace oppenvard::identity
