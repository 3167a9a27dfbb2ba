#pragma once
// Use cases of log-in and sessions: the demo e-ID, who is logged in, acting for a child,
// log-out. Every handler that needs a person calls authenticate() first.
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "identity/model.hpp"
#include "identity/rules.hpp"
#include "identity/store.hpp"

namespace oppenvard::identity {

enum class Error {
  unauthenticated,   // no session, or it ended or expired
  csrf_mismatch,     // an unsafe request without the session's CSRF token
  demo_disabled,     // demo e-ID asked for outside demo mode
  unknown_person,    // demo log-in for someone who does not exist
  unknown_order,     // a demo order we never issued
  not_a_guardian,    // acting for someone who is not one's child
  proxy_ended,       // the child has turned 13
};

class IdentityError : public std::runtime_error {
 public:
  explicit IdentityError(Error error) : std::runtime_error("identity error"), error_(error) {}
  Error error() const { return error_; }

 private:
  Error error_;
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
  std::string status;  // "pending" | "complete" | "failed"
  std::string hint;    // "start_app" | "user_sign" | "expired" | "cancelled" | ""
  std::optional<std::string> token;  // set on "complete": the new session's token
};

class Service {
 public:
  Service(Store& store, const core::Clock& clock, bool demo_enabled, SessionPolicy policy = {})
      : store_(store), clock_(clock), demo_enabled_(demo_enabled), policy_(policy) {}

  // The session behind `token`; unsafe methods must carry its CSRF token.
  Principal authenticate(const std::optional<std::string>& token, bool unsafe_method,
                         const std::optional<std::string>& csrf_header);
  Me me(const Principal& principal);
  Me set_acting_for(const Principal& principal, const std::optional<std::string>& patient_id);
  void logout(const Principal& principal);
  void logout_everywhere(const Principal& principal);

  bool demo_enabled() const { return demo_enabled_; }
  std::vector<DemoPerson> demo_people();
  std::string demo_start(const std::string& person_id);
  DemoCollect demo_collect(const std::string& order_ref);
  void demo_cancel(const std::string& order_ref);

  const SessionPolicy& policy() const { return policy_; }

 private:
  std::string create_session(const std::string& kind, const std::string& person_id,
                             Assurance assurance);
  void require_demo() const;
  Store& store_;
  const core::Clock& clock_;
  bool demo_enabled_;
  SessionPolicy policy_;
};

}  // namespace oppenvard::identity
