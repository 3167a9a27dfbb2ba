#include "meetings/api.hpp"

#include <boost/json.hpp>

#include "core/time.hpp"
#include "http/json_body.hpp"
#include "http/problem.hpp"
#include "identity/api.hpp"

namespace oppenvard::meetings {
namespace {

using boost::json::array;
using boost::json::object;
using boost::json::value;
using http::ProblemKind;

// Why hosting is refused, in the words the host needs (V5, A1, W1, W2, W7).
std::string_view missing_text(std::string_view code) {
  if (code == "checklist_not_confirmed") return "Confirm the environment checklist.";
  if (code == "training_missing") return "Training in the platform is not recorded for you.";
  if (code == "remote_work_not_approved") {
    return "Your unit manager has not approved meetings from home.";
  }
  if (code == "insurance_proof_not_seen") {
    return "Your unit manager has not recorded seeing proof of home insurance.";
  }
  if (code == "too_few_meetings_held") {
    return "Hold more digital meetings at the workplace before hosting from home.";
  }
  if (code == "equipment_not_tested") return "Run the equipment and connection test first.";
  return "Something is missing.";
}

http::Problem problem_of(const MeetingError& e) {
  switch (e.error()) {
    case Error::not_allowed:
      return {ProblemKind::forbidden, "You may not do this in this meeting."};
    case Error::appointment_not_found:
      return {ProblemKind::not_found, "No appointment has this id."};
    case Error::not_a_video_appointment:
      return {ProblemKind::conflict, "This appointment is not a video meeting."};
    case Error::meeting_not_found:
      return {ProblemKind::not_found, "No meeting has this id."};
    case Error::meeting_ended:
      return {ProblemKind::conflict, "The meeting has ended or its appointment was cancelled."};
    case Error::participant_not_found:
      return {ProblemKind::not_found, "Not a participant of this meeting (join first)."};
    case Error::not_ready: {
      std::vector<http::FieldError> errors;
      for (const auto& code : e.missing()) {
        errors.push_back({code, std::string(missing_text(code))});
      }
      if (errors.empty()) errors.push_back({"readiness", "Record your readiness first."});
      return {ProblemKind::conflict, "You cannot host this meeting yet.", errors};
    }
    case Error::confidentiality_required:
      return {ProblemKind::conflict,
              "Record the confidentiality assessment before admitting someone from another "
              "organisation."};
    case Error::invitation_invalid:
      return {ProblemKind::not_found, "This link is unknown, used or expired."};
    case Error::not_admitted:
      return {ProblemKind::conflict, "Only admitted participants exchange media and messages."};
    case Error::bad_input:
      return {
          ProblemKind::invalid_field, "Some fields are wrong.", {{"/", "see the API document"}}};
    case Error::turn_not_configured:
      return {ProblemKind::unavailable, "No TURN server is configured."};
  }
  return {ProblemKind::internal, "Something went wrong on our side."};
}

template <class F>
http::Response guarded(F&& f) {
  try {
    return f();
  } catch (const MeetingError& e) {
    throw problem_of(e).code(std::string(to_string(e.error())));
  }
}

std::string param(const http::Request& request, std::string_view name) {
  return std::string(request.param(name));
}

// A guest by the token of their link, anyone else by their session.
Actor actor_of(identity::Service& identity, const http::Request& request) {
  Actor a;
  a.client_address = request.remote_address;
  if (const auto token = request.header("x-meeting-token")) {
    a.guest_token = std::string(*token);
  } else {
    a.principal = identity::authenticate(identity, request);
  }
  return a;
}

value optional_time(const std::optional<std::int64_t>& ms) {
  return ms ? value(core::format_rfc3339_utc(*ms)) : value(nullptr);
}

object participant_json(const Participant& p) {
  return {{"id", p.id},
          {"role", to_string(p.role)},
          {"name", p.name},
          {"organisation", p.organisation},
          {"title", p.title},
          {"identification", p.identification},
          {"identified_by_staff_at", optional_time(p.identified_at_ms)},
          {"state", to_string(p.state)}};
}

object view_json(const MeetingView& v) {
  array participants;
  for (const auto& p : v.participants) participants.push_back(participant_json(p));
  array reminders{value(kNeverRecorded)};
  if (v.me.role == Role::host && v.child) reminders.push_back(value(kChildReminder));
  if (v.me.role == Role::patient || v.me.role == Role::guardian) {
    reminders.push_back(value(kPrivatePlaceReminder));
  }
  return {{"id", v.meeting.id},
          {"appointment_id", v.meeting.appointment_id},
          {"care_unit", {{"id", v.meeting.care_unit_id}, {"name", v.care_unit_name}}},
          {"starts_at", core::format_rfc3339_utc(v.meeting.starts_at_ms)},
          {"recorded", false},
          {"child", v.child},
          {"reminders", std::move(reminders)},
          {"confidentiality_assessed_at", optional_time(v.meeting.confidentiality_at_ms)},
          {"phone_fallback_at", optional_time(v.meeting.phone_fallback_at_ms)},
          {"ended_at", optional_time(v.meeting.ended_at_ms)},
          {"me", participant_json(v.me)},
          {"participants", std::move(participants)}};
}

}  // namespace

void register_routes(http::Router& router, Service& service, identity::Service& identity,
                     const identity::TopicGrants& grants) {
  router.add("POST", "/api/v1/appointments/{id}/meeting", [&](http::Request& request) {
    const auto actor = actor_of(identity, request);
    return guarded([&] {
      const auto m = service.open(actor, param(request, "id"));
      return http::Response::json(object{{"id", m.id},
                                         {"appointment_id", m.appointment_id},
                                         {"starts_at", core::format_rfc3339_utc(m.starts_at_ms)}});
    });
  });

  router.add("POST", "/api/v1/meetings/{id}/readiness", [&](http::Request& request) {
    const auto actor = actor_of(identity, request);
    const auto body = http::parse_json_object(request);
    http::FieldReader reader(body);
    Readiness r;
    const auto location = reader.string("location", true, 20);
    r.checklist_confirmed = reader.boolean("checklist_confirmed", true).value_or(false);
    r.equipment_tested = reader.boolean("equipment_tested", false).value_or(false);
    if (location && !location_from(*location)) reader.fail("location", "workplace or home");
    reader.finish();
    r.location = location_from(*location).value_or(Location::workplace);
    return guarded([&] {
      service.ready(actor, param(request, "id"), r);
      return http::Response{204, {}, {}};
    });
  });

  router.add("POST", "/api/v1/meetings/{id}/join", [&](http::Request& request) {
    const auto actor = actor_of(identity, request);
    return guarded(
        [&] { return http::Response::json(view_json(service.join(actor, param(request, "id")))); });
  });

  router.add("GET", "/api/v1/meetings/{id}", [&](http::Request& request) {
    const auto actor = actor_of(identity, request);
    return guarded(
        [&] { return http::Response::json(view_json(service.view(actor, param(request, "id")))); });
  });

  router.add("POST", "/api/v1/meetings/{id}/leave", [&](http::Request& request) {
    const auto actor = actor_of(identity, request);
    std::string participant_id;
    if (!request.body.empty()) {
      const auto body = http::parse_json_object(request);
      http::FieldReader reader(body);
      participant_id = reader.string("participant_id", false, 100).value_or("");
      reader.finish();
    }
    return guarded([&] {
      service.leave(actor, param(request, "id"), participant_id);
      return http::Response{204, {}, {}};
    });
  });

  router.add("POST", "/api/v1/meetings/{id}/participants/{participant_id}/admission",
             [&](http::Request& request) {
               const auto actor = actor_of(identity, request);
               const auto body = http::parse_json_object(request);
               http::FieldReader reader(body);
               const bool admitted = reader.boolean("admitted", true).value_or(false);
               reader.finish();
               return guarded([&] {
                 return http::Response::json(participant_json(service.admit(
                     actor, param(request, "id"), param(request, "participant_id"), admitted)));
               });
             });

  router.add("POST", "/api/v1/meetings/{id}/participants/{participant_id}/identified",
             [&](http::Request& request) {
               const auto actor = actor_of(identity, request);
               return guarded([&] {
                 return http::Response::json(participant_json(service.identify(
                     actor, param(request, "id"), param(request, "participant_id"))));
               });
             });

  router.add("PUT", "/api/v1/meetings/{id}/confidentiality", [&](http::Request& request) {
    const auto actor = actor_of(identity, request);
    const auto body = http::parse_json_object(request);
    http::FieldReader reader(body);
    const auto note = reader.string("note", true, 2000).value_or("");
    reader.finish();
    return guarded([&] {
      service.assess_confidentiality(actor, param(request, "id"), note);
      return http::Response{204, {}, {}};
    });
  });

  router.add("POST", "/api/v1/meetings/{id}/invitations", [&](http::Request& request) {
    const auto actor = actor_of(identity, request);
    const auto body = http::parse_json_object(request);
    http::FieldReader reader(body);
    const auto name = reader.string("name", true, 200).value_or("");
    const auto organisation = reader.string("organisation", true, 200).value_or("");
    const auto title = reader.string("title", false, 200).value_or("");
    reader.finish();
    return guarded([&] {
      const auto link = service.invite(actor, param(request, "id"), name, organisation, title);
      // The token rides in the fragment: browsers never send it to a server or a log.
      return http::Response::json(
          object{{"id", link.invitation.id},
                 {"link", "/mote/gast#" + link.token},
                 {"expires_at", core::format_rfc3339_utc(link.invitation.expires_at_ms)}},
          201);
    });
  });

  router.add("POST", "/api/v1/meeting-invitations/accept", [&](http::Request& request) {
    const auto body = http::parse_json_object(request);
    http::FieldReader reader(body);
    const auto token = reader.string("token", true, 100).value_or("");
    reader.finish();
    return guarded([&] {
      const auto [p, participant_token] = service.accept_invitation(token, request.remote_address);
      return http::Response::json(object{{"meeting_id", p.meeting_id},
                                         {"participant", participant_json(p)},
                                         {"participant_token", participant_token}},
                                  201);
    });
  });

  router.add("POST", "/api/v1/meetings/{id}/signals", [&](http::Request& request) {
    const auto actor = actor_of(identity, request);
    const auto body = http::parse_json_object(request);
    const auto* to = body.if_contains("to");
    const auto* payload = body.if_contains("payload");
    if (to == nullptr || !to->is_string() || payload == nullptr || !payload->is_object() ||
        body.size() != 2) {
      throw http::Problem(ProblemKind::invalid_field, "Send {\"to\": participant id, \"payload\"}.",
                          {{"/payload", "an object (SDP or ICE candidate)"}});
    }
    return guarded([&] {
      service.signal(actor, param(request, "id"), std::string(to->as_string()), *payload);
      return http::Response{204, {}, {}};
    });
  });

  router.add("POST", "/api/v1/meetings/{id}/chat", [&](http::Request& request) {
    const auto actor = actor_of(identity, request);
    const auto body = http::parse_json_object(request);
    http::FieldReader reader(body);
    const auto text = reader.string("text", true, 2000).value_or("");
    reader.finish();
    return guarded([&] {
      service.chat(actor, param(request, "id"), text);
      return http::Response{204, {}, {}};
    });
  });

  router.add("GET", "/api/v1/meetings/{id}/ice-servers", [&](http::Request& request) {
    const auto actor = actor_of(identity, request);
    return guarded([&] {
      array list;
      for (const auto& s : service.ice_servers(actor, param(request, "id"))) {
        array urls;
        for (const auto& u : s.urls) urls.push_back(value(u));
        object o{{"urls", std::move(urls)}};
        if (!s.username.empty()) {
          o["username"] = s.username;
          o["credential"] = s.credential;
        }
        list.push_back(std::move(o));
      }
      return http::Response::json(object{{"ice_servers", std::move(list)}});
    });
  });

  router.add("POST", "/api/v1/meetings/{id}/grant", [&](http::Request& request) {
    const auto actor = actor_of(identity, request);
    return guarded([&] {
      const auto topic = service.topic_for(actor, param(request, "id"));
      const auto now = service.clock().now_ms();
      return http::Response::json(object{{"topic", topic}, {"grant", grants.issue(topic, now)}});
    });
  });

  router.add("POST", "/api/v1/meetings/{id}/phone-fallback", [&](http::Request& request) {
    const auto actor = actor_of(identity, request);
    return guarded([&] {
      const auto m = service.switch_to_phone(actor, param(request, "id"));
      return http::Response::json(
          object{{"phone_fallback_at", optional_time(m.phone_fallback_at_ms)},
                 {"reminder", kPhoneReminder}});
    });
  });

  router.add("POST", "/api/v1/meetings/{id}/end", [&](http::Request& request) {
    const auto actor = actor_of(identity, request);
    return guarded([&] {
      const auto e = service.end(actor, param(request, "id"));
      return http::Response::json(object{{"ended_at", optional_time(e.meeting.ended_at_ms)},
                                         {"visit_took_place", e.visit_took_place},
                                         {"reminder", kDocumentReminder}});
    });
  });

  router.add("GET", "/api/v1/units/{id}/hosting-records", [&](http::Request& request) {
    const auto actor = actor_of(identity, request);
    return guarded([&] {
      array list;
      for (const auto& r : service.hosting_records(actor, param(request, "id"))) {
        value training = nullptr;
        if (r.training) training = object{{"completed_on", r.training->completed_on}};
        value approval = nullptr;
        if (r.approval) {
          approval = object{{"approved_at", core::format_rfc3339_utc(r.approval->approved_at_ms)},
                            {"insurance_proof_seen", r.approval->insurance_proof_seen}};
        }
        list.push_back(object{{"staff_id", r.staff_id},
                              {"name", r.name},
                              {"title", r.title},
                              {"training", std::move(training)},
                              {"remote_work_approval", std::move(approval)},
                              {"meetings_hosted", r.meetings_hosted}});
      }
      return http::Response::json(object{{"staff", std::move(list)}});
    });
  });

  const auto no_content = [] { return http::Response{204, {}, {}}; };
  router.add(
      "PUT", "/api/v1/units/{id}/staff/{staff_id}/meeting-training", [&](http::Request& request) {
        const auto actor = actor_of(identity, request);
        const auto body = http::parse_json_object(request);
        http::FieldReader reader(body);
        const auto date = reader.string("completed_on", true, 10).value_or("");
        reader.finish();
        return guarded([&] {
          service.record_training(actor, param(request, "id"), param(request, "staff_id"), date);
          return no_content();
        });
      });
  router.add("DELETE", "/api/v1/units/{id}/staff/{staff_id}/meeting-training",
             [&](http::Request& request) {
               const auto actor = actor_of(identity, request);
               return guarded([&] {
                 service.withdraw_training(actor, param(request, "id"), param(request, "staff_id"));
                 return no_content();
               });
             });

  router.add("PUT", "/api/v1/units/{id}/staff/{staff_id}/remote-work-approval",
             [&](http::Request& request) {
               const auto actor = actor_of(identity, request);
               const auto body = http::parse_json_object(request);
               http::FieldReader reader(body);
               const bool seen = reader.boolean("insurance_proof_seen", true).value_or(false);
               reader.finish();
               return guarded([&] {
                 service.approve_remote_work(actor, param(request, "id"),
                                             param(request, "staff_id"), seen);
                 return no_content();
               });
             });
  router.add("DELETE", "/api/v1/units/{id}/staff/{staff_id}/remote-work-approval",
             [&](http::Request& request) {
               const auto actor = actor_of(identity, request);
               return guarded([&] {
                 service.withdraw_remote_work(actor, param(request, "id"),
                                              param(request, "staff_id"));
                 return no_content();
               });
             });
}

}  // namespace oppenvard::meetings
