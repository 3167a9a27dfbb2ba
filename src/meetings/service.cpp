#include "meetings/service.hpp"

#include <algorithm>

#include <boost/json.hpp>

#include "core/time.hpp"
#include "db/uuid.hpp"
#include "identity/rules.hpp"

namespace oppenvard::meetings {
namespace {

using identity::StaffRole;

[[noreturn]] void fail(Error error, std::vector<std::string> missing = {}) {
  throw MeetingError(error, std::move(missing));
}

}  // namespace

std::string participant_topic(const std::string& meeting_id, const std::string& participant_id) {
  return "meeting:" + meeting_id + ":" + participant_id;
}

Service::Service(Store& store, booking::Store& bookings, identity::Store& people,
                 audit::Service& audit, const core::Clock& clock, Settings settings,
                 Publish publish)
    : store_(store),
      bookings_(bookings),
      people_(people),
      audit_(audit),
      clock_(clock),
      settings_(std::move(settings)),
      publish_(std::move(publish)) {}

bool Service::staff_at(soci::session& sql, const std::string& staff_id,
                       const std::string& care_unit_id, bool manager) {
  const auto list = people_.assignments_with_units(sql, staff_id);
  return std::any_of(list.begin(), list.end(), [&](const auto& a) {
    return a.care_unit_id == care_unit_id &&
           (manager ? a.role == StaffRole::unit_manager : a.role != StaffRole::region_admin);
  });
}

Meeting Service::load(soci::session& sql, const std::string& meeting_id) {
  auto m = store_.find_meeting(sql, meeting_id);
  if (!m) fail(Error::meeting_not_found);
  return *m;
}

Meeting Service::load_locked(soci::session& sql, const std::string& meeting_id) {
  store_.lock_meeting(sql, meeting_id);
  return load(sql, meeting_id);
}

// The actor's own place in the meeting, whatever its state: a guest by token, anyone else by
// their session.
std::optional<Participant> Service::find_me(soci::session& sql, const Actor& actor,
                                            const Meeting& m) {
  std::optional<Participant> p;
  if (actor.guest_token) {
    p = store_.participant_by_token(sql, identity::hash_token(*actor.guest_token));
    if (p && p->meeting_id != m.id) p.reset();
  } else if (actor.principal) {
    p = store_.latest_participant(sql, m.id, actor.principal->person_kind,
                                  actor.principal->person_id);
  }
  return p;
}

Participant Service::me_in(soci::session& sql, const Actor& actor, const Meeting& m) {
  auto p = find_me(sql, actor, m);
  if (!p) fail(Error::participant_not_found);
  return *p;
}

bool Service::may_join(soci::session& sql, const identity::Principal& p, const Meeting& m) {
  return p.person_kind == "staff" ? staff_at(sql, p.person_id, m.care_unit_id, false)
                                  : p.acting_for.value_or(p.person_id) == m.patient_id;
}

Participant Service::host_in(soci::session& sql, const Actor& actor, const Meeting& m) {
  auto p = me_in(sql, actor, m);
  if (p.role != Role::host || p.state != State::admitted) fail(Error::not_allowed);
  return p;
}

void Service::record(soci::session& sql, const Actor& actor, const Meeting& m,
                     const std::string& action) {
  if (!actor.principal || actor.principal->person_kind != "staff") return;
  audit::NewAuditEvent e;
  e.actor_kind = "staff";
  e.actor_id = actor.principal->person_id;
  e.care_unit_id = m.care_unit_id;
  e.patient_id = m.patient_id;
  e.action = action;
  e.object_type = "meeting";
  e.object_id = m.id;
  e.client_address = actor.client_address;
  e.success = true;
  audit_.record(sql, e);
}

std::vector<std::string> Service::topics(soci::session& sql, const Meeting& m, bool admitted_only) {
  std::vector<std::string> list;
  for (const auto& p : store_.participants(sql, m.id)) {
    if (p.state == State::admitted || (!admitted_only && p.state == State::waiting)) {
      list.push_back(participant_topic(m.id, p.id));
    }
  }
  return list;
}

void Service::publish(const std::vector<std::string>& topics, const boost::json::value& event) {
  if (!publish_) return;
  for (const auto& t : topics) publish_(t, event);
}

Meeting Service::open(const Actor& actor, const std::string& appointment_id) {
  if (!actor.principal) fail(Error::not_allowed);
  const auto& p = *actor.principal;
  return store_.database().transaction([&](soci::session& sql) {
    const auto a = bookings_.find_appointment(sql, appointment_id);
    if (!a) fail(Error::appointment_not_found);
    const bool allowed = p.person_kind == "staff"
                             ? staff_at(sql, p.person_id, a->care_unit_id, false)
                             : p.acting_for.value_or(p.person_id) == a->patient_id;
    if (!allowed) fail(Error::not_allowed);
    if (a->channel != booking::Channel::video) fail(Error::not_a_video_appointment);
    if (a->status == booking::AppointmentStatus::cancelled) fail(Error::meeting_ended);
    if (auto m = store_.meeting_of_appointment(sql, appointment_id)) return *m;
    Meeting m;
    m.id = db::new_uuid_v7();
    m.appointment_id = a->id;
    m.care_unit_id = a->care_unit_id;
    m.host_staff_id = a->staff_id;
    m.patient_id = a->patient_id;
    m.starts_at_ms = a->start_ms;
    m.created_at_ms = clock_.now_ms();
    store_.insert_meeting(sql, m);
    return *store_.meeting_of_appointment(sql, appointment_id);
  });
}

void Service::ready(const Actor& actor, const std::string& meeting_id, const Readiness& r) {
  if (!actor.principal || actor.principal->person_kind != "staff") fail(Error::not_allowed);
  const auto& staff_id = actor.principal->person_id;
  store_.database().transaction([&](soci::session& sql) {
    const auto m = load(sql, meeting_id);
    if (m.host_staff_id != staff_id) fail(Error::not_allowed);
    HostingFacts f;
    f.trained = store_.training(sql, staff_id).has_value();
    if (const auto a = store_.approval(sql, staff_id, m.care_unit_id)) {
      f.remote_work_approved = true;
      f.insurance_proof_seen = a->insurance_proof_seen;
    }
    f.meetings_held_at_unit = store_.meetings_hosted(sql, staff_id, m.care_unit_id, m.id);
    f.min_meetings_before_home = settings_.min_meetings_before_home;
    if (auto missing = missing_for_hosting(r, f); !missing.empty()) {
      fail(Error::not_ready, std::move(missing));
    }
    store_.save_readiness(sql, m.id, staff_id, r, clock_.now_ms());
  });
}

MeetingView Service::join(const Actor& actor, const std::string& meeting_id) {
  if (!actor.principal) return join_as_guest(actor, meeting_id);
  const auto& p = *actor.principal;
  std::vector<std::string> tell;
  store_.database().transaction([&](soci::session& sql) {
    const auto m = load_locked(sql, meeting_id);
    if (m.ended_at_ms) fail(Error::meeting_ended);
    if (!may_join(sql, p, m)) fail(Error::not_allowed);
    // Already waiting or admitted: the same place. Rejected: the host's decision stands.
    if (const auto before = store_.latest_participant(sql, m.id, p.person_kind, p.person_id);
        before && before->state != State::left) {
      return;
    }
    Participant me;
    me.id = db::new_uuid_v7();
    me.meeting_id = m.id;
    me.person_kind = p.person_kind;
    me.person_id = p.person_id;
    me.identification = identification_of(p.person_kind, identity::to_string(p.assurance));
    me.joined_at_ms = clock_.now_ms();
    if (p.person_kind == "staff") {
      const auto s = people_.find_staff_by_id(sql, p.person_id);
      me.name = s ? s->given_name + " " + s->family_name : "";
      me.title = s ? s->title : "";
      const auto a = bookings_.find_appointment(sql, m.appointment_id);
      me.organisation = a ? a->care_unit_name : "";
      if (p.person_id == m.host_staff_id) {
        if (!store_.readiness_recorded(sql, m.id, p.person_id)) fail(Error::not_ready);
        me.role = Role::host;
        me.state = State::admitted;
        me.admitted_at_ms = me.joined_at_ms;
      } else {
        me.role = Role::staff;
      }
      record(sql, actor, m, "meeting.join");
    } else {
      const auto person = people_.find_patient_by_id(sql, p.person_id);
      me.name = person ? person->given_name + " " + person->family_name : "";
      me.role = p.acting_for ? Role::guardian : Role::patient;
    }
    store_.insert_participant(sql, me);
    tell = topics(sql, m, true);
  });
  publish(tell, boost::json::object{{"type", "roster"}});
  return view(actor, meeting_id);
}

// Guests joined with their link; one who left (a reload, a closed tab) waits again in the same
// place until the host lets them in once more.
MeetingView Service::join_as_guest(const Actor& actor, const std::string& meeting_id) {
  bool back = false;
  std::vector<std::string> tell;
  store_.database().transaction([&](soci::session& sql) {
    const auto m = load_locked(sql, meeting_id);
    auto me = me_in(sql, actor, m);
    if (me.state != State::left) return;
    if (m.ended_at_ms) fail(Error::meeting_ended);
    me.state = State::waiting;
    me.joined_at_ms = clock_.now_ms();
    me.admitted_at_ms.reset();
    store_.update_participant(sql, me);
    tell = topics(sql, m, true);
    back = true;
  });
  if (back) publish(tell, boost::json::object{{"type", "roster"}});
  return view(actor, meeting_id);
}

MeetingView Service::view(const Actor& actor, const std::string& meeting_id) {
  return store_.database().with_session([&](soci::session& sql) {
    MeetingView v;
    v.meeting = load(sql, meeting_id);
    v.me = me_in(sql, actor, v.meeting);
    if (v.me.state == State::admitted) {
      for (auto& p : store_.participants(sql, meeting_id)) {
        if (p.state == State::waiting || p.state == State::admitted) {
          v.participants.push_back(std::move(p));
        }
      }
    } else {
      v.participants.push_back(v.me);
    }
    if (const auto patient = people_.find_patient_by_id(sql, v.meeting.patient_id)) {
      const auto age =
          core::age_in_years(patient->birth_date, core::stockholm_date(clock_.now_ms()));
      v.child = age && *age < 18;
    }
    if (const auto a = bookings_.find_appointment(sql, v.meeting.appointment_id)) {
      v.care_unit_name = a->care_unit_name;
    }
    return v;
  });
}

void Service::leave(const Actor& actor, const std::string& meeting_id,
                    const std::string& participant_id) {
  std::vector<std::string> tell;
  std::string own;
  store_.database().transaction([&](soci::session& sql) {
    const auto m = load_locked(sql, meeting_id);
    auto me = me_in(sql, actor, m);
    if (!participant_id.empty() && participant_id != me.id) return;
    if (me.state != State::waiting && me.state != State::admitted) return;
    me.state = State::left;
    store_.update_participant(sql, me);
    tell = topics(sql, m, true);
    own = participant_topic(m.id, me.id);
  });
  if (own.empty()) return;
  // Also to the leaver's own topic: a page still showing this place learns it is gone.
  publish({own}, boost::json::object{{"type", "left"}});
  publish(tell, boost::json::object{{"type", "roster"}});
}

Participant Service::admit(const Actor& host, const std::string& meeting_id,
                           const std::string& participant_id, bool admitted) {
  std::vector<std::string> tell;
  std::string own;
  auto result = store_.database().transaction([&](soci::session& sql) {
    const auto m = load_locked(sql, meeting_id);
    host_in(sql, host, m);
    auto p = store_.find_participant(sql, participant_id);
    if (!p || p->meeting_id != m.id || p->state != State::waiting) {
      fail(Error::participant_not_found);
    }
    if (admitted &&
        needs_confidentiality_assessment(p->role, m.confidentiality_at_ms.has_value())) {
      fail(Error::confidentiality_required);
    }
    p->state = admitted ? State::admitted : State::rejected;
    if (admitted) p->admitted_at_ms = clock_.now_ms();
    store_.update_participant(sql, *p);
    record(sql, host, m, admitted ? "meeting.admit" : "meeting.reject");
    tell = topics(sql, m, true);
    own = participant_topic(m.id, p->id);
    return *p;
  });
  publish({own}, boost::json::object{{"type", admitted ? "admitted" : "rejected"}});
  publish(tell, boost::json::object{{"type", "roster"}});
  return result;
}

Participant Service::identify(const Actor& host, const std::string& meeting_id,
                              const std::string& participant_id) {
  std::vector<std::string> tell;
  auto result = store_.database().transaction([&](soci::session& sql) {
    const auto m = load(sql, meeting_id);
    const auto me = host_in(sql, host, m);
    auto p = store_.find_participant(sql, participant_id);
    if (!p || p->meeting_id != m.id) fail(Error::participant_not_found);
    p->identification = "staff_verified";
    p->identified_by = me.person_id;
    p->identified_at_ms = clock_.now_ms();
    store_.update_participant(sql, *p);
    record(sql, host, m, "meeting.identify");
    tell = topics(sql, m, true);
    return *p;
  });
  publish(tell, boost::json::object{{"type", "roster"}});
  return result;
}

void Service::assess_confidentiality(const Actor& host, const std::string& meeting_id,
                                     const std::string& note) {
  if (note.size() < 5 || note.size() > 2000) fail(Error::bad_input);
  store_.database().transaction([&](soci::session& sql) {
    auto m = load(sql, meeting_id);
    const auto me = host_in(sql, host, m);
    m.confidentiality_by = me.person_id;
    m.confidentiality_at_ms = clock_.now_ms();
    m.confidentiality_note = note;
    store_.update_meeting(sql, m);
    record(sql, host, m, "meeting.confidentiality_assessment");
  });
}

Service::Link Service::invite(const Actor& host, const std::string& meeting_id,
                              const std::string& name, const std::string& organisation,
                              const std::string& title) {
  if (name.empty() || organisation.empty() || name.size() > 200 || organisation.size() > 200 ||
      title.size() > 200) {
    fail(Error::bad_input);
  }
  return store_.database().transaction([&](soci::session& sql) {
    const auto m = load(sql, meeting_id);
    const auto me = host_in(sql, host, m);
    Link link;
    link.token = identity::new_token();
    link.invitation = {db::new_uuid_v7(),
                       m.id,
                       identity::hash_token(link.token),
                       name,
                       organisation,
                       title,
                       clock_.now_ms() + settings_.invitation_lifetime_ms,
                       std::nullopt,
                       me.person_id};
    store_.insert_invitation(sql, link.invitation);
    record(sql, host, m, "meeting.invite");
    return link;
  });
}

std::pair<Participant, std::string> Service::accept_invitation(const std::string& link_token,
                                                               const std::string&) {
  if (!identity::looks_like_token(link_token)) fail(Error::invitation_invalid);
  std::vector<std::string> tell;
  auto result = store_.database().transaction([&](soci::session& sql) {
    const auto i = store_.invitation_by_token(sql, identity::hash_token(link_token));
    const auto now = clock_.now_ms();
    if (!i || !invitation_usable(*i, now) || !store_.use_invitation(sql, i->id, now)) {
      fail(Error::invitation_invalid);
    }
    const auto m = load_locked(sql, i->meeting_id);
    if (m.ended_at_ms) fail(Error::meeting_ended);
    const auto token = identity::new_token();
    Participant p;
    p.id = db::new_uuid_v7();
    p.meeting_id = m.id;
    p.role = Role::guest;
    p.person_kind = "guest";
    p.person_id = i->id;
    p.name = i->name;
    p.organisation = i->organisation;
    p.title = i->title;
    p.identification = identification_of("guest", "");
    p.joined_at_ms = now;
    p.token_hash = identity::hash_token(token);
    store_.insert_participant(sql, p);
    tell = topics(sql, m, true);
    return std::pair{p, token};
  });
  publish(tell, boost::json::object{{"type", "roster"}});
  return result;
}

Meeting Service::switch_to_phone(const Actor& host, const std::string& meeting_id) {
  return store_.database().transaction([&](soci::session& sql) {
    auto m = load(sql, meeting_id);
    const auto me = host_in(sql, host, m);
    m.phone_fallback_by = me.person_id;
    m.phone_fallback_at_ms = clock_.now_ms();
    store_.update_meeting(sql, m);
    // Recorded on the appointment too: it went on as a phone contact.
    if (auto a = bookings_.find_appointment(sql, m.appointment_id)) {
      a->channel = booking::Channel::phone;
      a->updated_at_ms = clock_.now_ms();
      bookings_.update_appointment(sql, *a);
    }
    record(sql, host, m, "meeting.phone_fallback");
    return m;
  });
}

Service::Ended Service::end(const Actor& host, const std::string& meeting_id) {
  std::vector<std::string> tell;
  auto result = store_.database().transaction([&](soci::session& sql) {
    Ended e{load_locked(sql, meeting_id), false};
    auto& m = e.meeting;
    if (m.ended_at_ms) fail(Error::meeting_ended);
    host_in(sql, host, m);
    tell = topics(sql, m, false);
    const auto now = clock_.now_ms();
    const auto everyone = store_.participants(sql, m.id);
    for (auto p : everyone) {
      if (p.state != State::waiting && p.state != State::admitted) continue;
      p.state = State::left;
      store_.update_participant(sql, p);
    }
    m.ended_at_ms = now;
    store_.update_meeting(sql, m);
    e.visit_took_place = visit_took_place(everyone);
    auto a = bookings_.find_appointment(sql, m.appointment_id);
    if (e.visit_took_place && a &&
        (a->status == booking::AppointmentStatus::booked ||
         a->status == booking::AppointmentStatus::arrived)) {
      a->status = booking::AppointmentStatus::fulfilled;
      a->updated_at_ms = now;
      bookings_.update_appointment(sql, *a);
    }
    record(sql, host, m, "meeting.end");
    return e;
  });
  publish(tell, boost::json::object{{"type", "ended"}});
  return result;
}

void Service::signal(const Actor& actor, const std::string& meeting_id, const std::string& to,
                     const boost::json::value& payload) {
  std::string topic;
  std::string from;
  store_.database().with_session([&](soci::session& sql) {
    const auto m = load(sql, meeting_id);
    const auto me = me_in(sql, actor, m);
    const auto peer = store_.find_participant(sql, to);
    if (!peer || peer->meeting_id != m.id) fail(Error::participant_not_found);
    if (!may_relay(me.state, peer->state)) fail(Error::not_admitted);
    topic = participant_topic(m.id, peer->id);
    from = me.id;
  });
  publish({topic}, boost::json::object{{"type", "signal"}, {"from", from}, {"payload", payload}});
}

void Service::chat(const Actor& actor, const std::string& meeting_id, const std::string& text) {
  if (text.empty() || text.size() > 2000) fail(Error::bad_input);
  std::vector<std::string> tell;
  std::string from;
  std::string name;
  store_.database().with_session([&](soci::session& sql) {
    const auto m = load(sql, meeting_id);
    const auto me = me_in(sql, actor, m);
    if (me.state != State::admitted) fail(Error::not_admitted);
    tell = topics(sql, m, true);
    from = me.id;
    name = me.name;
  });
  publish(tell, boost::json::object{{"type", "chat"},
                                    {"from", from},
                                    {"name", name},
                                    {"text", text},
                                    {"at", core::format_rfc3339_utc(clock_.now_ms())}});
}

std::vector<IceServer> Service::ice_servers(const Actor& actor, const std::string& meeting_id) {
  // Those in the meeting (waiting or admitted) and, before joining so the pre-call check can
  // test TURN (V6), the patient, their guardian and the host; never after the end, never to
  // someone turned away.
  const auto user = store_.database().with_session([&](soci::session& sql) {
    const auto m = load(sql, meeting_id);
    if (m.ended_at_ms) fail(Error::meeting_ended);
    const auto me = find_me(sql, actor, m);
    if (me && (me->state == State::waiting || me->state == State::admitted)) return me->id;
    if (me && me->state == State::rejected) fail(Error::not_allowed);
    const auto& p = actor.principal;
    const bool expected =
        p && (p->person_kind == "staff" ? p->person_id == m.host_staff_id : may_join(sql, *p, m));
    if (!expected) fail(Error::participant_not_found);
    return p->person_id;
  });
  std::vector<IceServer> list;
  if (!settings_.stun_urls.empty()) list.push_back({settings_.stun_urls, "", ""});
  if (!settings_.turn_urls.empty() && !settings_.turn_secret.empty()) {
    const auto c =
        turn_credentials(settings_.turn_secret, user, clock_.now_ms(), settings_.turn_lifetime_ms);
    list.push_back({settings_.turn_urls, c.username, c.password});
  }
  return list;
}

std::string Service::topic_for(const Actor& actor, const std::string& meeting_id) {
  return store_.database().with_session([&](soci::session& sql) {
    const auto m = load(sql, meeting_id);
    return participant_topic(m.id, me_in(sql, actor, m).id);
  });
}

void Service::require_manager(soci::session& sql, const Actor& manager,
                              const std::string& care_unit_id, const std::string& staff_id) {
  if (!manager.principal || !staff_at(sql, manager.principal->person_id, care_unit_id, true) ||
      (!staff_id.empty() && !staff_at(sql, staff_id, care_unit_id, false))) {
    fail(Error::not_allowed);
  }
}

std::vector<HostingRecord> Service::hosting_records(const Actor& manager,
                                                    const std::string& care_unit_id) {
  return store_.database().with_session([&](soci::session& sql) {
    require_manager(sql, manager, care_unit_id, "");
    std::vector<HostingRecord> list;
    for (const auto& s : people_.staff_at_unit(sql, care_unit_id)) {
      HostingRecord r;
      r.staff_id = s.id;
      r.name = s.given_name + " " + s.family_name;
      r.title = s.title;
      r.training = store_.training(sql, s.id);
      r.approval = store_.approval(sql, s.id, care_unit_id);
      r.meetings_hosted = store_.meetings_hosted(sql, s.id, care_unit_id, "");
      list.push_back(std::move(r));
    }
    return list;
  });
}

void Service::record_training(const Actor& manager, const std::string& care_unit_id,
                              const std::string& staff_id, const std::string& completed_on) {
  if (!core::parse_date(completed_on)) fail(Error::bad_input);
  store_.database().transaction([&](soci::session& sql) {
    require_manager(sql, manager, care_unit_id, staff_id);
    store_.save_training(sql, {staff_id, completed_on, manager.principal->person_id},
                         clock_.now_ms());
  });
}

void Service::withdraw_training(const Actor& manager, const std::string& care_unit_id,
                                const std::string& staff_id) {
  store_.database().transaction([&](soci::session& sql) {
    require_manager(sql, manager, care_unit_id, staff_id);
    store_.delete_training(sql, staff_id);
  });
}

void Service::approve_remote_work(const Actor& manager, const std::string& care_unit_id,
                                  const std::string& staff_id, bool insurance_proof_seen) {
  store_.database().transaction([&](soci::session& sql) {
    require_manager(sql, manager, care_unit_id, staff_id);
    store_.save_approval(sql, {staff_id, care_unit_id, manager.principal->person_id,
                               insurance_proof_seen, clock_.now_ms()});
  });
}

void Service::withdraw_remote_work(const Actor& manager, const std::string& care_unit_id,
                                   const std::string& staff_id) {
  store_.database().transaction([&](soci::session& sql) {
    require_manager(sql, manager, care_unit_id, staff_id);
    store_.delete_approval(sql, staff_id, care_unit_id);
  });
}

}  // namespace oppenvard::meetings
