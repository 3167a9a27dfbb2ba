#pragma once
// Use cases of log-in and sessions: the demo e-ID, who is logged in, acting for a child,
// log-out. Every handler that needs a person calls authenticate() first.
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "audit/service.hpp"
#include "core/clock.hpp"
#include "identity/model.hpp"
#include "identity/rate_limit.hpp"
#include "identity/rules.hpp"
#include "identity/store.hpp"

namespace oppenvard::identity {

enum class Error {
  unauthenticated,    // no session, or it ended or expired
  csrf_mismatch,      // an unsafe request without the session's CSRF token
  demo_disabled,      // demo e-ID asked for outside demo mode
  unknown_person,     // demo log-in for someone who does not exist
  unknown_order,      // a demo order we never issued
  not_a_guardian,     // acting for someone who is not one's child
  proxy_ended,        // the child has turned 13
  rate_limited,       // too many failed log-ins: wait
  bad_credentials,    // wrong HSA-id or password (never says which)
  bad_code,           // wrong, reused or late TOTP code
  unknown_challenge,  // a second-factor step we never issued, or one already used
  not_staff,          // a staff-only action by someone else
  under_13,           // children under 13 are represented by a guardian, they do not log in
};

class IdentityError : public std::runtime_error {
 public:
  explicit IdentityError(Error error, std::int64_t retry_after_ms = 0)
      : std::runtime_error("identity error"), error_(error), retry_after_ms_(retry_after_ms) {}
  Error error() const { return error_; }
  std::int64_t retry_after_ms() const { return retry_after_ms_; }

 private:
  Error error_;
  std::int64_t retry_after_ms_;
};

// Who is behind a request.
struct Principal {
  std::string token_hash;
  std::string person_kind;  // "patient" | "staff"
  std::string person_id;
  Assurance assurance = Assurance::demo;
  std::string csrf_token;
  std::optional<std::string> acting_for;
};

// Who acts and from where: the person behind a request and the client's address, which
// every access to patient data records.
struct Caller {
  Principal principal;
  std::string client_address;
};

struct Me {
  Principal principal;
  std::string given_name;
  std::string family_name;
  std::optional<Patient> acting_for;
  struct Child {
    Patient patient;
    date::year_month_day until;
  };
  std::vector<Child> may_act_for;
  std::vector<AssignmentView> assignments;
  std::int64_t absolute_expires_at_ms = 0;
};

struct DemoPerson {
  std::string id;
  std::string kind;
  std::string name;
  std::string identifier;
  std::string description;
};

struct DemoCollect {
  std::string status;                // "pending" | "complete" | "failed"
  std::string hint;                  // "start_app" | "user_sign" | "expired" | "cancelled" | ""
  std::optional<std::string> token;  // set on "complete": the new session's token
};

// The first step of a staff password log-in: a second factor is always required.
struct PasswordStep {
  std::string status;     // "totp_required" | "totp_enrolment"
  std::string challenge;  // single use, for the TOTP step
  // Only for enrolment: what the authenticator app needs.
  std::string otpauth_uri;
  std::string secret;
  std::string qr_svg;
};

class Service {
 public:
  Service(Store& store, const core::Clock& clock, audit::Service& audit, bool demo_enabled,
          SessionPolicy policy = {})
      : store_(store), clock_(clock), audit_(audit), demo_enabled_(demo_enabled), policy_(policy) {}

  // The session behind `token`; unsafe methods must carry its CSRF token.
  Principal authenticate(const std::optional<std::string>& token, bool unsafe_method,
                         const std::optional<std::string>& csrf_header);
  Me me(const Principal& principal);
  Me set_acting_for(const Principal& principal, const std::optional<std::string>& patient_id,
                    const std::string& client = "");
  void logout(const Principal& principal);
  void logout_everywhere(const Principal& principal);

  bool demo_enabled() const { return demo_enabled_; }
  std::vector<DemoPerson> demo_people();
  std::string demo_start(const std::string& person_id);
  DemoCollect demo_collect(const std::string& order_ref, const std::string& client = "");
  void demo_cancel(const std::string& order_ref);

  const SessionPolicy& policy() const { return policy_; }

  // A log-in vouched for by an external identity provider (OpenID Connect): audited, and a
  // fresh session with `assurance`; children under 13 are refused. The new session's token.
  std::string log_in_external(const std::string& kind, const std::string& person_id,
                              Assurance assurance, const std::string& client);

  // Staff without an identity provider: password (argon2id), then TOTP. `client` is the
  // caller's address, for the per-address limit.
  // Records log-ins and proxies in the audit log (who, whom, what, when, from where).
  void audit_event(const std::string& actor_kind, const std::string& actor_id,
                   const std::string& patient_id, const std::string& action, bool success,
                   const std::string& client);

  PasswordStep staff_password(const std::string& hsa_id, const std::string& password,
                              const std::string& client);
  std::string staff_totp(const std::string& challenge, const std::string& code,
                         const std::string& client);  // the new session's token
  void set_staff_password(const std::string& hsa_id, const std::string& password);
  // H1: staff register where a self-service password reset is sent.
  void register_password_reset(const Principal& principal, const std::string& email,
                               const std::string& phone);
  std::optional<std::pair<std::string, std::string>> password_reset_contacts(
      const Principal& principal);

 private:
  std::string create_session(const std::string& kind, const std::string& person_id,
                             Assurance assurance);
  void require_demo() const;
  void check_limits(const std::string& account_key, const std::string& address_key);
  void count_failure(const std::string& account_key, const std::string& address_key);
  Store& store_;
  const core::Clock& clock_;
  audit::Service& audit_;
  bool demo_enabled_;
  SessionPolicy policy_;
  RateLimiter account_limits_{LimitPolicy{}};
  RateLimiter address_limits_{LimitPolicy{20, 15 * 60 * 1000, 10 * 1000, 5 * 60 * 1000}};
};

}  // namespace oppenvard::identity
