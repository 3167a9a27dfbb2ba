#include "notify/api.hpp"

#include <boost/json.hpp>

#include "core/time.hpp"
#include "http/json_body.hpp"
#include "http/problem.hpp"
#include "identity/api.hpp"

namespace oppenvard::notify {
namespace {

using boost::json::array;
using boost::json::object;
using boost::json::value;
using http::ProblemKind;

http::Problem problem_of(const NotifyError& e) {
  switch (e.error()) {
    case Error::not_allowed:
      return {ProblemKind::forbidden, "You may not do this here."};
    case Error::unit_not_found:
      return {ProblemKind::not_found, "No care unit has this id."};
    case Error::patient_not_found:
      return {ProblemKind::not_found, "No patient has this id."};
    case Error::bad_address:
      return {ProblemKind::invalid_field,
              "This is not a Swedish mobile number or an e-mail address.",
              {{"/address", "a mobile number such as 070-123 45 67, or an e-mail address"}}};
    case Error::sms_not_enabled:
      return {ProblemKind::conflict,
              "This clinic does not send SMS: it has not recorded its risk analysis."};
    case Error::risk_analysis_missing:
      return {ProblemKind::invalid_field,
              "SMS can be switched on only after the risk analysis is recorded.",
              {{"/risk_analysis_document", "the reference of the risk analysis document"}}};
    case Error::guardian_decides:
      return {ProblemKind::forbidden,
              "For a child under 13 the guardian decides about notifications."};
    case Error::method_required:
      return {ProblemKind::invalid_field,
              "Say how the consent was obtained.",
              {{"/method", "e.g. \"muntligt vid besök\""}}};
    case Error::template_rejected:
      return {ProblemKind::invalid_field,
              "The template could reveal something sensitive.",
              {{"/body", e.detail()}}};
    case Error::delivery_not_found:
      return {ProblemKind::not_found, "Not found."};
    case Error::not_dead:
      return {ProblemKind::conflict, "Only deliveries that failed for good can be retried."};
  }
  return {ProblemKind::internal, "Something went wrong on our side."};
}

template <class F>
http::Response guarded(F&& f) {
  try {
    return f();
  } catch (const NotifyError& e) {
    throw problem_of(e).code(std::string(to_string(e.error())));
  }
}

using identity::caller_of;

std::string param(const http::Request& request, std::string_view name) {
  return std::string(request.param(name));
}

value optional_time(const std::optional<std::int64_t>& ms) {
  return ms ? value(core::format_rfc3339_utc(*ms)) : value(nullptr);
}

object consent_json(const Consent& c) {
  return {{"clinic_id", c.care_unit_id},
          {"channel", to_string(c.channel)},
          {"given", c.given},
          {"address", c.address},
          {"language", to_string(c.language)},
          {"source", c.source},
          {"method", c.method},
          {"recorded_at", core::format_rfc3339_utc(c.recorded_at_ms)}};
}

array consents_json(const std::vector<Consent>& list) {
  array items;
  for (const auto& c : list) items.push_back(consent_json(c));
  return items;
}

object settings_json(const ClinicSettings& s) {
  return {
      {"clinic_id", s.care_unit_id},
      {"sms_enabled", s.sms_enabled},
      {"risk_analysis", s.risk_analysis_document
                            ? value(object{{"document", *s.risk_analysis_document},
                                           {"recorded_by", s.risk_analysis_by.value_or("")},
                                           {"recorded_at", optional_time(s.risk_analysis_at_ms)}})
                            : value(nullptr)}};
}

object template_json(const Template& t) {
  return {{"event", to_string(t.event)},
          {"channel", to_string(t.channel)},
          {"language", to_string(t.language)},
          {"subject", t.subject},
          {"body", t.body},
          {"customised", t.customised}};
}

// Administrators see where a message went only as much as they need to tell two apart.
std::string masked(const std::string& address) {
  if (address.size() <= 4) return "••••";
  return address.substr(0, 3) + std::string("••••") + address.substr(address.size() - 2);
}

object delivery_json(const Delivery& d) {
  return {{"id", d.id},
          {"event", to_string(d.event)},
          {"channel", to_string(d.channel)},
          {"to", masked(d.address)},
          {"status", to_string(d.status)},
          {"attempts", d.attempts},
          {"next_attempt_at", core::format_rfc3339_utc(d.next_attempt_at_ms)},
          {"last_error", d.last_error},
          {"provider_status", d.provider_status ? value(*d.provider_status) : value(nullptr)},
          {"created_at", core::format_rfc3339_utc(d.created_at_ms)},
          {"sent_at", optional_time(d.sent_at_ms)}};
}

object notice_json(const StaffNotice& n) {
  return {{"id", n.id},
          {"kind", n.kind},
          {"care_unit_id", n.care_unit_id},
          {"case_id", n.object_id},
          {"level", n.level.empty() ? value(nullptr) : value(n.level)},
          {"created_at", core::format_rfc3339_utc(n.created_at_ms)},
          {"read_at", optional_time(n.read_at_ms)}};
}

object preference_json(const StaffPreference& p) {
  return {
      {"channel", to_string(p.channel)}, {"escalations", p.escalations}, {"address", p.address}};
}

// The common body of a consent change: channel, given, address, language (and method).
ConsentChange read_change(http::FieldReader& reader, bool with_method) {
  ConsentChange c;
  const auto channel = reader.string("channel", true, 10);
  c.given = reader.boolean("given", true).value_or(false);
  c.address = reader.string("address", false, 254).value_or("");
  const auto language = reader.string("language", false, 2);
  if (with_method) c.method = reader.string("method", true, 200).value_or("");
  if (channel && !channel_from(*channel)) reader.fail("channel", "sms or email");
  if (language && !language_from(*language)) reader.fail("language", "sv or en");
  if (channel) c.channel = channel_from(*channel).value_or(Channel::sms);
  if (language) c.language = language_from(*language).value_or(Language::sv);
  return c;
}

}  // namespace

void register_routes(http::Router& router, Service& service, identity::Service& identity) {
  router.add("GET", "/api/v1/me/notification-consents", [&](http::Request& request) {
    const auto caller = caller_of(identity, request);
    return guarded([&] {
      return http::Response::json(
          object{{"items", consents_json(service.my_consents(caller))},
                 {"channels",
                  {{"sms", service.sms_configured()}, {"email", service.email_configured()}}}});
    });
  });

  router.add("PUT", "/api/v1/me/notification-consents", [&](http::Request& request) {
    const auto caller = caller_of(identity, request);
    const auto body = http::parse_json_object(request);
    http::FieldReader reader(body);
    const auto clinic = reader.string("clinic_id", true, 64).value_or("");
    auto change = read_change(reader, false);
    reader.finish();
    change.care_unit_id = clinic;
    return guarded(
        [&] { return http::Response::json(consent_json(service.set_my_consent(caller, change))); });
  });

  router.add("GET", "/api/v1/units/{id}/patients/{patient_id}/notification-consents",
             [&](http::Request& request) {
               const auto caller = caller_of(identity, request);
               return guarded([&] {
                 return http::Response::json(object{
                     {"items", consents_json(service.patient_consents(
                                   caller, param(request, "id"), param(request, "patient_id")))}});
               });
             });

  router.add("POST", "/api/v1/units/{id}/patients/{patient_id}/notification-consents",
             [&](http::Request& request) {
               const auto caller = caller_of(identity, request);
               const auto body = http::parse_json_object(request);
               http::FieldReader reader(body);
               auto change = read_change(reader, true);
               reader.finish();
               change.care_unit_id = param(request, "id");
               return guarded([&] {
                 return http::Response::json(consent_json(service.record_consent(
                                                 caller, param(request, "patient_id"), change)),
                                             201);
               });
             });

  router.add("GET", "/api/v1/clinics/{id}/notification-settings", [&](http::Request& request) {
    const auto caller = caller_of(identity, request);
    return guarded([&] {
      return http::Response::json(
          settings_json(service.clinic_settings(caller, param(request, "id"))));
    });
  });

  router.add("PUT", "/api/v1/clinics/{id}/notification-settings", [&](http::Request& request) {
    const auto caller = caller_of(identity, request);
    const auto body = http::parse_json_object(request);
    http::FieldReader reader(body);
    const bool enabled = reader.boolean("sms_enabled", true).value_or(false);
    const auto document = reader.string("risk_analysis_document", false, 200);
    reader.finish();
    return guarded([&] {
      return http::Response::json(settings_json(
          service.set_clinic_settings(caller, param(request, "id"), enabled, document)));
    });
  });

  router.add("GET", "/api/v1/notification-templates", [&](http::Request& request) {
    const auto caller = caller_of(identity, request);
    return guarded([&] {
      array items;
      for (const auto& t : service.templates(caller)) items.push_back(template_json(t));
      return http::Response::json(object{{"items", std::move(items)}});
    });
  });

  router.add("PUT", "/api/v1/notification-templates/{event}/{channel}/{language}",
             [&](http::Request& request) {
               const auto caller = caller_of(identity, request);
               const auto event = event_from(param(request, "event"));
               const auto channel = channel_from(param(request, "channel"));
               const auto language = language_from(param(request, "language"));
               if (!event || !channel || !language) {
                 throw http::Problem(ProblemKind::not_found, "No such template.");
               }
               const auto body = http::parse_json_object(request);
               http::FieldReader reader(body);
               Template t{*event, *channel, *language, "", "", true};
               t.subject = reader.string("subject", false, 200).value_or("");
               t.body = reader.string("body", true, 2000).value_or("");
               reader.finish();
               return guarded([&] {
                 return http::Response::json(template_json(service.set_template(caller, t)));
               });
             });

  router.add("GET", "/api/v1/notification-outbox", [&](http::Request& request) {
    const auto caller = caller_of(identity, request);
    http::QueryReader reader(request);
    DeliveryQuery q;
    const auto status = reader.string("status", 20);
    q.limit = static_cast<int>(reader.integer("limit", 1, 500).value_or(100));
    reader.finish();
    if (status) {
      q.status = delivery_status_from(*status);
      if (!q.status) {
        throw http::Problem(ProblemKind::invalid_field, "Some fields are wrong.",
                            {{"status", "pending, sending, sent, dead, suppressed or cancelled"}});
      }
    }
    return guarded([&] {
      array items;
      for (const auto& d : service.deliveries(caller, q)) items.push_back(delivery_json(d));
      return http::Response::json(object{{"items", std::move(items)}});
    });
  });

  router.add("POST", "/api/v1/notification-outbox/{id}/retry", [&](http::Request& request) {
    const auto caller = caller_of(identity, request);
    return guarded([&] {
      return http::Response::json(delivery_json(service.retry(caller, param(request, "id"))));
    });
  });

  // Delivery reports from the SMS gateway (Kannel calls back with GET, as configured in the
  // message's DLR URL); authenticated by the report token, not by a session.
  router.add("GET", "/api/v1/notify/sms-reports", [&](http::Request& request) {
    http::QueryReader reader(request);
    const auto token = reader.string("token", 200).value_or("");
    const auto id = reader.string("id", 100).value_or("");
    const auto status = reader.string("status", 20).value_or("");
    reader.finish();
    if (!service.delivery_report(token, id, status)) {
      throw http::Problem(ProblemKind::not_found, "Unknown report.");
    }
    return http::Response{204, {}, {}};
  });

  router.add("GET", "/api/v1/me/notifications", [&](http::Request& request) {
    const auto caller = caller_of(identity, request);
    http::QueryReader reader(request);
    const auto limit = static_cast<int>(reader.integer("limit", 1, 200).value_or(50));
    reader.finish();
    return guarded([&] {
      array items;
      std::size_t unread = 0;
      for (const auto& n : service.my_notices(caller, limit)) {
        if (!n.read_at_ms) ++unread;
        items.push_back(notice_json(n));
      }
      return http::Response::json(object{{"items", std::move(items)}, {"unread", unread}});
    });
  });

  router.add("POST", "/api/v1/me/notifications/{id}/read", [&](http::Request& request) {
    const auto caller = caller_of(identity, request);
    return guarded([&] {
      service.mark_read(caller, param(request, "id"));
      return http::Response{204, {}, {}};
    });
  });

  router.add("GET", "/api/v1/me/notification-preferences", [&](http::Request& request) {
    const auto caller = caller_of(identity, request);
    return guarded([&] {
      array items;
      for (const auto& p : service.my_preferences(caller)) items.push_back(preference_json(p));
      return http::Response::json(object{{"items", std::move(items)}});
    });
  });

  router.add("PUT", "/api/v1/me/notification-preferences", [&](http::Request& request) {
    const auto caller = caller_of(identity, request);
    const auto body = http::parse_json_object(request);
    http::FieldReader reader(body);
    StaffPreference p;
    const auto channel = reader.string("channel", true, 10);
    p.escalations = reader.boolean("escalations", true).value_or(false);
    p.address = reader.string("address", false, 254).value_or("");
    if (channel && !channel_from(*channel)) reader.fail("channel", "sms or email");
    reader.finish();
    p.channel = channel_from(*channel).value_or(Channel::email);
    return guarded([&] {
      return http::Response::json(preference_json(service.set_my_preference(caller, p)));
    });
  });
}

}  // namespace oppenvard::notify
