#include "identity/api.hpp"

#include <boost/json.hpp>

#include "core/time.hpp"
#include "http/json_body.hpp"
#include "http/problem.hpp"

namespace oppenvard::identity {
namespace {

constexpr std::string_view kCsrfHeader = "x-csrf-token";

http::Problem problem_of(Error error) {
  switch (error) {
    case Error::unauthenticated:
      return {http::ProblemKind::unauthenticated, "Log in to continue."};
    case Error::csrf_mismatch:
      return {http::ProblemKind::forbidden,
              "The request lacks this session's X-CSRF-Token header."};
    case Error::demo_disabled:
      return {http::ProblemKind::not_found, "There is nothing at this address."};
    case Error::unknown_person:
      return {http::ProblemKind::invalid_field,
              "No demo person has this id.",
              {{"/person_id", "unknown"}}};
    case Error::unknown_order:
      return {http::ProblemKind::not_found, "No log-in order has this reference."};
    case Error::not_a_guardian:
      return {http::ProblemKind::forbidden, "You may not act for this person."};
    case Error::proxy_ended:
      return {http::ProblemKind::forbidden,
              "A guardian acts for a child only until the child turns 13."};
    case Error::rate_limited:
      return {http::ProblemKind::too_many_requests,
              "Too many failed log-ins. Wait before trying again."};
    case Error::bad_credentials:
      return {http::ProblemKind::unauthenticated, "Wrong HSA-id or password."};
    case Error::bad_code:
      return {http::ProblemKind::unauthenticated, "The code is wrong or has already been used."};
    case Error::unknown_challenge:
      return {http::ProblemKind::unauthenticated,
              "The log-in step has expired. Start again with your password."};
    case Error::under_13:
      return {http::ProblemKind::forbidden,
              "Children under 13 are represented by a guardian and do not log in themselves."};
    case Error::not_staff:
      return {http::ProblemKind::forbidden, "Only staff with a password account can do this."};
  }
  return {http::ProblemKind::internal, "Something went wrong on our side."};
}

http::Problem problem_of(const IdentityError& e) {
  auto problem = problem_of(e.error());
  if (e.retry_after_ms() > 0) {
    problem.retry_after(static_cast<int>((e.retry_after_ms() + 999) / 1000));
  }
  return problem;
}

template <class F>
http::Response guarded(F&& f) {
  try {
    return f();
  } catch (const IdentityError& e) {
    throw problem_of(e);
  }
}

bool unsafe(const http::Request& request) {
  return request.method != "GET" && request.method != "HEAD" && request.method != "OPTIONS";
}

// Before log-in there is no session token to compare with; a custom header still cannot be
// sent cross-site without a CORS preflight, which this server never grants.
void require_anonymous_csrf(const http::Request& request) {
  const auto header = request.header(kCsrfHeader);
  if (!header || header->empty()) throw problem_of(Error::csrf_mismatch);
}

std::string session_cookie(const std::string& token) {
  return std::string(kSessionCookie) + "=" + token + "; Path=/; HttpOnly; Secure; SameSite=Lax";
}

std::string expired_cookie() {
  return std::string(kSessionCookie) + "=; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=0";
}

boost::json::value patient_json(const Patient& p) {
  return {{"id", p.id},
          {"given_name", p.given_name},
          {"family_name", p.family_name},
          {"birth_date", p.birth_date}};
}

boost::json::object me_json(const Me& me, const SessionPolicy& policy) {
  boost::json::array may_act_for;
  for (const auto& child : me.may_act_for) {
    auto c = patient_json(child.patient).as_object();
    c["until"] = core::format_date(child.until);
    may_act_for.push_back(std::move(c));
  }
  boost::json::array assignments;
  for (const auto& a : me.assignments) {
    assignments.push_back(
        {{"care_unit_id", a.care_unit_id.empty() ? boost::json::value(nullptr)
                                                 : boost::json::value(a.care_unit_id)},
         {"care_unit_name", a.care_unit_name},
         {"role", to_string(a.role)}});
  }
  return {
      {"person",
       {{"id", me.principal.person_id},
        {"kind", me.principal.person_kind},
        {"given_name", me.given_name},
        {"family_name", me.family_name}}},
      {"assurance", to_string(me.principal.assurance)},
      {"csrf_token", me.principal.csrf_token},
      {"acting_for", me.acting_for ? patient_json(*me.acting_for) : boost::json::value(nullptr)},
      {"may_act_for", std::move(may_act_for)},
      {"assignments", std::move(assignments)},
      {"session",
       {{"expires_at", core::format_rfc3339_utc(me.absolute_expires_at_ms)},
        {"idle_timeout_seconds", policy.idle_timeout_ms / 1000}}}};
}

std::string body_string(const http::Request& request, std::string_view field) {
  const auto body = http::parse_json_object(request);
  http::FieldReader reader(body);
  auto value = reader.string(field, true, 64);
  reader.finish();
  return *value;
}

Me guarded_me(Service& service, const Principal& principal) {
  try {
    return service.me(principal);
  } catch (const IdentityError& e) {
    throw problem_of(e);
  }
}

}  // namespace

Principal authenticate(Service& service, const http::Request& request) {
  std::optional<std::string> token;
  if (const auto cookies = request.header("cookie")) token = cookie_value(*cookies, kSessionCookie);
  std::optional<std::string> csrf;
  if (const auto h = request.header(kCsrfHeader)) csrf = std::string(*h);
  try {
    return service.authenticate(token, unsafe(request), csrf);
  } catch (const IdentityError& e) {
    throw problem_of(e);
  }
}

Caller caller_of(Service& service, const http::Request& request) {
  return {authenticate(service, request), request.remote_address};
}

Principal require_role_at(Service& service, const http::Request& request,
                          const std::string& care_unit_id, std::initializer_list<StaffRole> roles) {
  const auto principal = authenticate(service, request);
  if (principal.person_kind == "staff" && !care_unit_id.empty()) {
    for (const auto& a : guarded_me(service, principal).assignments) {
      if (a.care_unit_id != care_unit_id) continue;
      for (const auto role : roles) {
        if (a.role == role) return principal;
      }
    }
  }
  throw http::Problem(http::ProblemKind::forbidden,
                      "Your assignments do not cover this care unit.");
}

void register_routes(http::Router& router, Service& service) {
  router.add("GET", "/api/v1/me", [&service](http::Request& request) {
    const auto principal = authenticate(service, request);
    return guarded([&] {
      auto body = me_json(service.me(principal), service.policy());
      if (principal.person_kind == "staff") {
        body["password_reset_registered"] = service.password_reset_contacts(principal).has_value();
      }
      return http::Response::json(body);
    });
  });

  router.add("PUT", "/api/v1/me/password-reset", [&service](http::Request& request) {
    const auto principal = authenticate(service, request);
    const auto body = http::parse_json_object(request);
    http::FieldReader reader(body);
    const auto email = reader.string("email", true, 254);
    const auto phone = reader.string("phone", true, 32);
    if (email && (email->find('@') == std::string::npos || email->size() < 3)) {
      reader.fail("email", "must be an e-mail address");
    }
    if (phone &&
        (phone->size() < 6 || phone->find_first_not_of("+0123456789 -") != std::string::npos)) {
      reader.fail("phone", "must be a phone number");
    }
    reader.finish();
    return guarded([&] {
      service.register_password_reset(principal, *email, *phone);
      http::Response response;
      response.status = 204;
      return response;
    });
  });

  router.add("POST", "/api/v1/auth/staff/password", [&service](http::Request& request) {
    require_anonymous_csrf(request);
    const auto body = http::parse_json_object(request);
    http::FieldReader reader(body);
    const auto hsa_id = reader.string("hsa_id", true, 31);
    const auto password = reader.string("password", true, 256);
    reader.finish();
    return guarded([&] {
      const auto step = service.staff_password(*hsa_id, *password, request.remote_address);
      boost::json::object out{{"status", step.status}, {"challenge", step.challenge}};
      if (step.status == "totp_enrolment") {
        out["otpauth_uri"] = step.otpauth_uri;
        out["secret"] = step.secret;
        out["qr_svg"] = step.qr_svg;
      }
      return http::Response::json(out);
    });
  });

  router.add("POST", "/api/v1/auth/staff/totp", [&service](http::Request& request) {
    require_anonymous_csrf(request);
    const auto body = http::parse_json_object(request);
    http::FieldReader reader(body);
    const auto challenge = reader.string("challenge", true, 64);
    const auto code = reader.string("code", true, 6);
    reader.finish();
    return guarded([&] {
      const auto token = service.staff_totp(*challenge, *code, request.remote_address);
      auto response = http::Response::json(boost::json::object{{"status", "complete"}});
      response.set_header("Set-Cookie", session_cookie(token));
      return response;
    });
  });

  router.add("PUT", "/api/v1/me/acting-for", [&service](http::Request& request) {
    const auto principal = authenticate(service, request);
    const auto body = http::parse_json_object(request);
    http::FieldReader reader(body);
    const auto patient_id = reader.string("patient_id", false, 64);
    if (!body.contains("patient_id")) reader.fail("patient_id", "is required (null for yourself)");
    reader.finish();
    return guarded([&] {
      return http::Response::json(me_json(
          service.set_acting_for(principal, patient_id, request.remote_address), service.policy()));
    });
  });

  router.add("POST", "/api/v1/auth/logout", [&service](http::Request& request) {
    const auto principal = authenticate(service, request);
    service.logout(principal);
    http::Response response;
    response.status = 204;
    response.set_header("Set-Cookie", expired_cookie());
    return response;
  });

  router.add("POST", "/api/v1/auth/logout-everywhere", [&service](http::Request& request) {
    const auto principal = authenticate(service, request);
    service.logout_everywhere(principal);
    http::Response response;
    response.status = 204;
    response.set_header("Set-Cookie", expired_cookie());
    return response;
  });

  // The demo e-ID exists only in demo mode: outside it these routes are never registered.
  if (!service.demo_enabled()) return;

  router.add("GET", "/api/v1/auth/demo/people", [&service](http::Request&) {
    return guarded([&] {
      boost::json::array items;
      for (const auto& p : service.demo_people()) {
        items.push_back({{"id", p.id},
                         {"kind", p.kind},
                         {"name", p.name},
                         {"identifier", p.identifier},
                         {"description", p.description}});
      }
      return http::Response::json(boost::json::object{{"items", std::move(items)}});
    });
  });

  router.add("POST", "/api/v1/auth/demo/start", [&service](http::Request& request) {
    require_anonymous_csrf(request);
    const auto person_id = body_string(request, "person_id");
    return guarded([&] {
      return http::Response::json(boost::json::object{{"order_ref", service.demo_start(person_id)},
                                                      {"status", "pending"},
                                                      {"hint", "start_app"}});
    });
  });

  router.add("POST", "/api/v1/auth/demo/collect", [&service](http::Request& request) {
    require_anonymous_csrf(request);
    const auto order_ref = body_string(request, "order_ref");
    return guarded([&] {
      const auto result = service.demo_collect(order_ref, request.remote_address);
      boost::json::object body{{"status", result.status}};
      if (!result.hint.empty()) body["hint"] = result.hint;
      auto response = http::Response::json(body);
      if (result.token) response.set_header("Set-Cookie", session_cookie(*result.token));
      return response;
    });
  });

  router.add("POST", "/api/v1/auth/demo/cancel", [&service](http::Request& request) {
    require_anonymous_csrf(request);
    const auto order_ref = body_string(request, "order_ref");
    return guarded([&] {
      service.demo_cancel(order_ref);
      return http::Response::json(boost::json::object{{"status", "failed"}, {"hint", "cancelled"}});
    });
  });
}

}  // namespace oppenvard::identity
