#include "eservices/service.hpp"

#include <sodium.h>
#include <boost/json.hpp>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>

#include <fcntl.h>
#include <unistd.h>

#include "core/time.hpp"
#include "db/uuid.hpp"

namespace oppenvard::eservices {
namespace {

using identity::StaffRole;

[[noreturn]] void fail(Error error) {
  throw EservicesError(error);
}

// A refused access by staff: recorded after the transaction that found it has rolled back.
struct RefusedAccess : EservicesError {
  explicit RefusedAccess(audit::NewAuditEvent e)
      : EservicesError(Error::not_allowed), event(std::move(e)) {}
  audit::NewAuditEvent event;
};

bool is_care_role(StaffRole role) {
  return role == StaffRole::doctor || role == StaffRole::clinician ||
         role == StaffRole::unit_manager;
}

std::string sha256_hex(const std::string& bytes) {
  unsigned char hash[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(hash, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (const auto b : hash) {
    out += kHex[b >> 4];
    out += kHex[b & 15];
  }
  return out;
}

// Durable before acknowledged: written, flushed to disk, then renamed into place.
void write_file_durably(const std::filesystem::path& path, const std::string& bytes) {
  std::filesystem::create_directories(path.parent_path());
  const auto temp = path.string() + ".part";
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) throw std::runtime_error("cannot create attachment file");
  std::size_t written = 0;
  while (written < bytes.size()) {
    const auto n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n <= 0) {
      ::close(fd);
      throw std::runtime_error("cannot write attachment file");
    }
    written += static_cast<std::size_t>(n);
  }
  const bool synced = ::fsync(fd) == 0;
  ::close(fd);
  if (!synced) throw std::runtime_error("cannot sync attachment file");
  std::filesystem::rename(temp, path);
}

}  // namespace

Service::Service(Store& store, identity::Store& people, audit::Service& audit,
                 const core::Clock& clock, const core::WorkingCalendar& calendar, Settings settings,
                 Publish publish)
    : store_(store),
      people_(people),
      audit_(audit),
      clock_(clock),
      calendar_(calendar),
      settings_(std::move(settings)),
      publish_(std::move(publish)) {}

// --- helpers ---

template <class F>
auto Service::transact(F&& fn) {
  try {
    return store_.database().transaction(std::forward<F>(fn));
  } catch (const RefusedAccess& refused) {
    audit_.record(refused.event);
    throw EservicesError(Error::not_allowed);
  }
}

std::string Service::staff_role_at(soci::session& sql, const identity::Principal& principal,
                                   const std::string& care_unit_id, bool care_roles_only) {
  if (principal.person_kind != "staff") return {};
  std::string best;
  for (const auto& a : people_.assignments_with_units(sql, principal.person_id)) {
    if (a.care_unit_id != care_unit_id) continue;
    if (care_roles_only && !is_care_role(a.role)) continue;
    // A unit manager's role names the access best when they hold several.
    if (best.empty() || a.role == StaffRole::unit_manager) best = std::string(to_string(a.role));
  }
  return best;
}

std::string Service::staff_role_at(const identity::Principal& principal,
                                   const std::string& care_unit_id, bool care_roles_only) {
  return store_.database().with_session([&](soci::session& sql) {
    return staff_role_at(sql, principal, care_unit_id, care_roles_only);
  });
}

Service::Access Service::access_to_case(soci::session& sql, const Caller& caller, const Case& c) {
  const auto& p = caller.principal;
  if (p.person_kind == "patient") {
    const auto subject = p.acting_for.value_or(p.person_id);
    if (subject == c.patient_id) return {false, p.acting_for ? "guardian" : "patient", ""};
  } else if (const auto role = staff_role_at(sql, p, c.care_unit_id, true); !role.empty()) {
    return {true, "staff", role};
  }
  // A refused attempt is an access attempt too (P2): recorded by transact() once this
  // transaction has rolled back.
  if (p.person_kind == "staff") {
    audit::NewAuditEvent e;
    e.actor_kind = "staff";
    e.actor_id = p.person_id;
    e.care_unit_id = c.care_unit_id;
    e.patient_id = c.patient_id;
    e.action = "read";
    e.object_type = "case";
    e.object_id = c.id;
    e.client_address = caller.client_address;
    e.success = false;
    throw RefusedAccess(std::move(e));
  }
  fail(Error::not_allowed);
}

void Service::require_catalogue_admin(const Caller& caller, const std::string& care_unit_id) {
  const auto& p = caller.principal;
  if (p.person_kind == "staff") {
    for (const auto& a : people_.assignments_with_units(p.person_id)) {
      if (a.care_unit_id == care_unit_id &&
          (a.role == StaffRole::eservice_admin || a.role == StaffRole::unit_manager)) {
        return;
      }
    }
  }
  fail(Error::not_allowed);
}

void Service::record(soci::session& sql, const Caller& caller, const Access& access, const Case& c,
                     const std::string& action, const std::string& object_type,
                     const std::string& object_id) {
  audit::NewAuditEvent e;
  e.actor_kind = access.actor_kind;
  e.actor_id = caller.principal.person_id;
  e.actor_role = access.role;
  e.care_unit_id = c.care_unit_id;
  e.patient_id = c.patient_id;
  e.action = action;
  e.object_type = object_type;
  e.object_id = object_id;
  e.client_address = caller.client_address;
  e.success = true;
  audit_.record(sql, e);
}

Case Service::load(soci::session& sql, const std::string& case_id) {
  auto c = store_.find_case(sql, case_id);
  if (!c) fail(Error::case_not_found);
  return *c;
}

CaseView Service::view(soci::session& sql, const Case& c, const Access& access) {
  CaseView v;
  // The list query carries the names; one row of it is the case.
  for (auto& s : store_.patient_cases(sql, c.patient_id)) {
    if (s.item.id == c.id) v.summary = std::move(s);
  }
  v.summary.item = c;
  v.messages = store_.messages(sql, c.id);
  v.attachments = store_.attachments(sql, c.id);
  v.clock = clock_state(c.due_at_ms, clock_.now_ms());
  if (const auto entry = store_.catalogue_entry(sql, c.care_unit_id, c.service_code)) {
    v.form = form_for(entry->code, entry->category);
  }
  v.viewer_is_staff = access.staff;
  v.images = store_.settings(sql, c.care_unit_id).images;
  return v;
}

void Service::announce(const Case& c) {
  if (!publish_) return;
  const boost::json::object event{{"kind", "case"},
                                  {"case_id", c.id},
                                  {"status", to_string(c.status)},
                                  {"updated_at", core::format_rfc3339_utc(c.updated_at_ms)}};
  publish_("unit:" + c.care_unit_id, event);
  publish_("case:" + c.id, event);
}

// --- public ---

Form Service::form(const std::string& care_unit_id, const std::string& code) {
  return store_.database().with_session([&](soci::session& sql) {
    if (!store_.unit(sql, care_unit_id)) fail(Error::clinic_not_found);
    const auto entry = store_.catalogue_entry(sql, care_unit_id, code);
    if (!entry || entry->status != "on") fail(Error::service_not_offered);
    auto f = form_for(entry->code, entry->category);
    if (!f) fail(Error::not_a_case_service);
    // Say so before the patient fills in a form the clinic cannot take yet (E5).
    if (!store_.settings(sql, care_unit_id).published) fail(Error::clinic_not_published);
    f->code = entry->code;
    return *f;
  });
}

ClinicInformation Service::information(const std::string& care_unit_id) {
  return store_.database().with_session([&](soci::session& sql) {
    if (!store_.unit(sql, care_unit_id)) fail(Error::clinic_not_found);
    return store_.information(sql, care_unit_id);
  });
}

// --- clinic administration ---

void Service::set_information(const Caller& caller, const std::string& care_unit_id,
                              const ClinicInformation& information) {
  require_catalogue_admin(caller, care_unit_id);
  if (auto problems = check_information(information); !problems.empty()) {
    throw InvalidFields(std::move(problems));
  }
  transact([&](soci::session& sql) { store_.replace_information(sql, care_unit_id, information); });
}

ClinicAdministration Service::administration(const Caller& caller,
                                             const std::string& care_unit_id) {
  require_catalogue_admin(caller, care_unit_id);
  return store_.database().with_session([&](soci::session& sql) {
    ClinicAdministration a;
    a.catalogue = store_.catalogue(sql, care_unit_id);
    a.settings = store_.settings(sql, care_unit_id);
    auto name = [&](const std::string& id) {
      const auto s = people_.find_staff_by_id(sql, id);
      return s ? s->given_name + " " + s->family_name : std::string();
    };
    for (const auto& id : store_.eservice_admins(sql, care_unit_id))
      a.admins.emplace_back(id, name(id));
    for (const auto& id : store_.staff_of_unit(sql, care_unit_id)) {
      a.candidates.emplace_back(id, name(id));
    }
    return a;
  });
}

CatalogueEntry Service::set_offer(const Caller& caller, const std::string& care_unit_id,
                                  const std::string& code, const std::string& status,
                                  const std::optional<std::string>& reason) {
  require_catalogue_admin(caller, care_unit_id);
  return transact([&](soci::session& sql) {
    auto entry = store_.catalogue_entry(sql, care_unit_id, code);
    if (!entry) fail(Error::service_not_offered);
    if (const auto error = check_offer_change(entry->category, status, reason)) fail(*error);
    const std::optional<std::string> kept_reason =
        status == "not_applicable" ? reason : std::optional<std::string>();
    store_.set_offer(sql, care_unit_id, code, status, kept_reason);
    entry->status = status;
    entry->reason = kept_reason;
    return *entry;
  });
}

CatalogueEntry Service::add_own_form(const Caller& caller, const std::string& care_unit_id,
                                     const std::string& name_sv, const std::string& name_en) {
  require_catalogue_admin(caller, care_unit_id);
  return transact([&](soci::session& sql) {
    CatalogueEntry e{
        "own-" + db::new_uuid_v7(), "custom", name_sv, name_en, "on", std::nullopt, care_unit_id};
    store_.insert_own_form(sql, e);
    return e;
  });
}

void Service::set_admins(const Caller& caller, const std::string& care_unit_id,
                         const std::vector<std::string>& staff_ids) {
  if (staff_role_at(caller.principal, care_unit_id, false) != "unit_manager") {
    fail(Error::not_allowed);
  }
  const std::set<std::string> unique(staff_ids.begin(), staff_ids.end());
  if (const auto error = check_admin_count(unique.size())) fail(*error);
  transact([&](soci::session& sql) {
    const auto staff = store_.staff_of_unit(sql, care_unit_id);
    for (const auto& id : unique) {
      if (std::find(staff.begin(), staff.end(), id) == staff.end()) fail(Error::not_staff_of_unit);
    }
    people_.replace_role_holders(sql, care_unit_id, StaffRole::eservice_admin,
                                 {unique.begin(), unique.end()});
  });
}

void Service::set_published(const Caller& caller, const std::string& care_unit_id, bool published) {
  require_catalogue_admin(caller, care_unit_id);
  transact([&](soci::session& sql) {
    if (published) {
      if (const auto error = check_admin_count(store_.eservice_admins(sql, care_unit_id).size())) {
        fail(*error);
      }
    }
    auto s = store_.settings(sql, care_unit_id);
    s.published = published;
    store_.save_settings(sql, care_unit_id, s);
  });
}

void Service::set_image_routine(const Caller& caller, const std::string& care_unit_id,
                                const ImageRoutine& routine) {
  require_catalogue_admin(caller, care_unit_id);
  transact([&](soci::session& sql) {
    auto s = store_.settings(sql, care_unit_id);
    s.images = routine;
    s.images.max_bytes = std::min(routine.max_bytes, settings_.max_attachment_bytes);
    store_.save_settings(sql, care_unit_id, s);
  });
}

// --- cases ---

CaseView Service::submit(const Caller& caller, const std::string& care_unit_id,
                         const std::string& code, const boost::json::object& answers) {
  const auto& p = caller.principal;
  if (p.person_kind != "patient") fail(Error::not_allowed);
  const auto now = clock_.now_ms();
  Case c;
  auto result = transact([&](soci::session& sql) {
    if (!store_.unit(sql, care_unit_id)) fail(Error::clinic_not_found);
    const auto entry = store_.catalogue_entry(sql, care_unit_id, code);
    if (!entry || entry->status != "on") fail(Error::service_not_offered);
    const auto f = form_for(entry->code, entry->category);
    if (!f) fail(Error::not_a_case_service);
    if (!store_.settings(sql, care_unit_id).published) fail(Error::clinic_not_published);
    auto checked = validate_fields(*f, answers);
    if (!checked.problems.empty()) throw InvalidFields(std::move(checked.problems));

    c.id = db::new_uuid_v7();
    c.care_unit_id = care_unit_id;
    c.service_code = code;
    c.patient_id = p.acting_for.value_or(p.person_id);
    c.submitted_by_kind = p.acting_for ? AuthorKind::guardian : AuthorKind::patient;
    c.submitted_by_id = p.person_id;
    c.status = CaseStatus::new_case;
    c.fields_json = boost::json::serialize(checked.fields);
    c.created_at_ms = now;
    c.updated_at_ms = now;
    const AnswerClock answer{now, core::answer_deadline_ms(now, calendar_), std::nullopt};
    c.due_at_ms = answer.due_at_ms;
    store_.insert_case(sql, c);
    store_.start_clock(sql, c.id, c.care_unit_id, c.service_code, answer);
    const Access access{false, std::string(to_string(c.submitted_by_kind)), ""};
    record(sql, caller, access, c, "create", "case", c.id);
    if (events_.submitted) events_.submitted(sql, c);
    return view(sql, c, access);
  });
  announce(c);
  return result;
}

std::vector<CaseSummary> Service::my_cases(const Caller& caller) {
  const auto& p = caller.principal;
  if (p.person_kind != "patient") fail(Error::not_allowed);
  return store_.database().with_session([&](soci::session& sql) {
    return store_.patient_cases(sql, p.acting_for.value_or(p.person_id));
  });
}

CaseView Service::get(const Caller& caller, const std::string& case_id) {
  return transact([&](soci::session& sql) {
    const auto c = load(sql, case_id);
    const auto access = access_to_case(sql, caller, c);
    if (access.staff) record(sql, caller, access, c, "read", "case", c.id);
    return view(sql, c, access);
  });
}

// One change to a case: authorised, applied, stored, recorded and announced together.
template <class F>
CaseView Service::change_case(const Caller& caller, const std::string& case_id, F&& apply) {
  const auto now = clock_.now_ms();
  Case c;
  auto result = transact([&](soci::session& sql) {
    c = load(sql, case_id);
    const auto access = access_to_case(sql, caller, c);
    const Recorded what = apply(sql, c, access, now);
    c.updated_at_ms = now;
    store_.update_case(sql, c);
    record(sql, caller, access, c, what.action, what.object_type, what.object_id);
    return view(sql, c, access);
  });
  announce(c);
  return result;
}

void Service::patient_wrote(soci::session& sql, Case& c, std::int64_t now) {
  store_.start_clock(sql, c.id, c.care_unit_id, c.service_code,
                     {now, core::answer_deadline_ms(now, calendar_), std::nullopt});
  c.status = *next_status(c.status, CaseAction::patient_message, c.assignee_id.has_value());
  c.due_at_ms = store_.earliest_open_due(sql, c.id);
}

Message Service::add_message(soci::session& sql, const Caller& caller, const Case& c, bool staff,
                             MessageKind kind, const std::string& body, std::int64_t now) {
  Message m;
  m.id = db::new_uuid_v7();
  m.case_id = c.id;
  m.author_kind = staff
                      ? AuthorKind::staff
                      : (caller.principal.acting_for ? AuthorKind::guardian : AuthorKind::patient);
  m.author_id = caller.principal.person_id;
  m.kind = kind;
  m.body = body;
  m.created_at_ms = now;
  store_.insert_message(sql, m);
  return m;
}

CaseView Service::post_message(const Caller& caller, const std::string& case_id, MessageKind kind,
                               const std::string& body) {
  return change_case(
      caller, case_id,
      [&](soci::session& sql, Case& c, const Access& access, std::int64_t now) -> Recorded {
        if (c.status == CaseStatus::closed) fail(Error::case_closed);
        if (access.staff == (kind == MessageKind::message)) fail(Error::invalid_transition);
        const auto m = add_message(sql, caller, c, access.staff, kind, body, now);
        if (access.staff) {
          // A reply or a question answers every waiting message; an unassigned case becomes the
          // replier's so the patient's answer finds its way back.
          store_.stop_clocks(sql, c.id, now);
          if (!c.assignee_id) c.assignee_id = caller.principal.person_id;
          c.last_contact_ms = now;
          c.status = *next_status(
              c.status,
              kind == MessageKind::question ? CaseAction::staff_question : CaseAction::staff_reply,
              true);
          c.due_at_ms = store_.earliest_open_due(sql, c.id);
          if (events_.staff_wrote) events_.staff_wrote(sql, c, m);
        } else {
          patient_wrote(sql, c, now);
        }
        return {"create", "message", m.id};
      });
}

CaseView Service::claim(const Caller& caller, const std::string& case_id) {
  return assign(caller, case_id, caller.principal.person_id);
}

CaseView Service::assign(const Caller& caller, const std::string& case_id,
                         const std::optional<std::string>& staff_id) {
  return change_case(
      caller, case_id,
      [&](soci::session& sql, Case& c, const Access& access, std::int64_t) -> Recorded {
        if (!access.staff) fail(Error::not_allowed);
        if (c.status == CaseStatus::closed) fail(Error::case_closed);
        if (staff_id) {
          const auto staff = people_.assignments_with_units(sql, *staff_id);
          const bool works_here = std::any_of(staff.begin(), staff.end(), [&](const auto& a) {
            return a.care_unit_id == c.care_unit_id && is_care_role(a.role);
          });
          if (!works_here) fail(Error::not_staff_of_unit);
        }
        c.assignee_id = staff_id;
        c.status = *next_status(c.status, CaseAction::assign, staff_id.has_value());
        return {"update", "case", c.id};
      });
}

CaseView Service::close(const Caller& caller, const std::string& case_id, Outcome outcome) {
  return change_case(
      caller, case_id,
      [&](soci::session& sql, Case& c, const Access& access, std::int64_t now) -> Recorded {
        if (!access.staff) fail(Error::not_allowed);
        if (c.status == CaseStatus::closed) fail(Error::case_closed);
        // Closing ends the clocks: the outcome (a booked time, a renewed prescription) is the
        // answer.
        store_.stop_clocks(sql, c.id, now);
        c.status = CaseStatus::closed;
        c.outcome = outcome;
        c.closed_at_ms = now;
        if (!c.last_contact_ms) c.last_contact_ms = now;
        if (!c.assignee_id) c.assignee_id = caller.principal.person_id;
        c.due_at_ms.reset();
        return {"update", "case", c.id};
      });
}

// --- inbox ---

Inbox Service::inbox(const Caller& caller, const std::string& care_unit_id, InboxFilter filter) {
  const auto role = staff_role_at(caller.principal, care_unit_id, true);
  if (role.empty()) fail(Error::not_allowed);
  const auto now = clock_.now_ms();
  const auto& viewer = caller.principal.person_id;
  return transact([&](soci::session& sql) {
    Inbox inbox;
    const auto open = store_.unit_cases(sql, care_unit_id, false, now);
    for (const auto& s : open) {
      ++inbox.counts.open;
      if (visible_in_inbox(s.item, InboxFilter::unassigned, viewer, s.assignee_absent)) {
        ++inbox.counts.unassigned;
      }
      const auto state = clock_state(s.item.due_at_ms, now);
      if (state == ClockState::at_risk) ++inbox.counts.at_risk;
      if (state == ClockState::overdue) ++inbox.counts.overdue;
    }
    const auto listed =
        filter == InboxFilter::closed ? store_.unit_cases(sql, care_unit_id, true, now) : open;
    std::set<std::string> patients;
    for (const auto& s : listed) {
      if (!visible_in_inbox(s.item, filter, viewer, s.assignee_absent)) continue;
      inbox.cases.push_back(s);
      inbox.clocks.push_back(clock_state(s.item.due_at_ms, now));
      // A list shows names: an access to each patient on it, recorded once per listing.
      if (patients.insert(s.item.patient_id).second) {
        record(sql, caller, {true, "staff", role}, s.item, "list", "inbox", care_unit_id);
      }
    }
    return inbox;
  });
}

void Service::set_absence(const Caller& caller, std::int64_t from_ms, std::int64_t to_ms) {
  if (caller.principal.person_kind != "staff") fail(Error::not_allowed);
  if (to_ms <= from_ms) fail(Error::invalid_transition);
  transact([&](soci::session& sql) {
    store_.set_absence(sql, {caller.principal.person_id, from_ms, to_ms});
  });
}

void Service::clear_absence(const Caller& caller) {
  if (caller.principal.person_kind != "staff") fail(Error::not_allowed);
  transact([&](soci::session& sql) { store_.clear_absence(sql, caller.principal.person_id); });
}

std::optional<Absence> Service::my_absence(const Caller& caller) {
  if (caller.principal.person_kind != "staff") fail(Error::not_allowed);
  return store_.database().with_session([&](soci::session& sql) {
    return store_.absence_of(sql, caller.principal.person_id, clock_.now_ms());
  });
}

// --- escalation ---

std::vector<Escalation> Service::escalate() {
  const auto now = clock_.now_ms();
  // A due day is at most 25 hours long (the autumn DST change): every case at risk now is due
  // within that; the rules decide exactly.
  constexpr std::int64_t kLongestDayMs = 25LL * 3'600'000;
  std::vector<Escalation> raised;
  transact([&](soci::session& sql) {
    for (const auto& c : store_.cases_due_before(sql, now + kLongestDayMs)) {
      const auto state = clock_state(c.due_at_ms, now);
      if (state != ClockState::at_risk && state != ClockState::overdue) continue;
      const Escalation e{c.id, c.care_unit_id, state, *c.due_at_ms, now};
      if (!store_.insert_escalation(sql, e)) continue;
      raised.push_back(e);
      if (events_.escalated) events_.escalated(sql, e);
    }
  });
  if (publish_) {
    for (const auto& e : raised) {
      publish_("unit:" + e.care_unit_id,
               boost::json::object{
                   {"kind", "escalation"}, {"case_id", e.case_id}, {"level", to_string(e.level)}});
    }
  }
  return raised;
}

std::vector<std::pair<Escalation, CaseSummary>> Service::escalations(
    const Caller& caller, const std::string& care_unit_id, int days) {
  if (staff_role_at(caller.principal, care_unit_id, false) != "unit_manager") {
    fail(Error::not_allowed);
  }
  const auto now = clock_.now_ms();
  return transact([&](soci::session& sql) {
    std::vector<std::pair<Escalation, CaseSummary>> list;
    const auto cases = store_.unit_cases(sql, care_unit_id, false, now);
    const auto closed = store_.unit_cases(sql, care_unit_id, true, now);
    std::set<std::string> patients;
    for (const auto& e : store_.escalations(sql, care_unit_id, now - days * 86'400'000LL)) {
      for (const auto* set : {&cases, &closed}) {
        for (const auto& s : *set) {
          if (s.item.id != e.case_id) continue;
          list.emplace_back(e, s);
          if (patients.insert(s.item.patient_id).second) {
            record(sql, caller, {true, "staff", "unit_manager"}, s.item, "list", "escalations",
                   care_unit_id);
          }
        }
      }
    }
    return list;
  });
}

// --- documentation support ---

SummaryDraft Service::summary(const Caller& caller, const std::string& case_id) {
  return transact([&](soci::session& sql) {
    const auto c = load(sql, case_id);
    const auto access = access_to_case(sql, caller, c);
    if (!access.staff) fail(Error::not_allowed);
    const auto v = view(sql, c, access);
    const auto patient = people_.find_patient_by_id(sql, c.patient_id);
    SummaryInput input;
    input.item = &c;
    input.service_name = v.summary.service_name_sv;
    input.patient_name = v.summary.patient_name;
    if (patient && patient->id_value.size() == 12) {
      input.patient_identifier = patient->id_value.substr(0, 8) + "-" + patient->id_value.substr(8);
    } else if (patient) {
      input.patient_identifier = patient->id_value;
    }
    input.care_unit_name = v.summary.care_unit_name;
    input.messages = v.messages;
    input.form = v.form ? &*v.form : nullptr;
    record(sql, caller, access, c, "export", "case_summary", c.id);
    return summary_draft(input);
  });
}

CaseView Service::mark_documented(const Caller& caller, const std::string& case_id) {
  return change_case(
      caller, case_id,
      [&](soci::session&, Case& c, const Access& access, std::int64_t now) -> Recorded {
        if (!access.staff) fail(Error::not_allowed);
        if (!c.last_contact_ms) fail(Error::not_closed);
        if (!c.documented_at_ms) {
          c.documented_at_ms = now;
          c.documented_by = caller.principal.person_id;
        }
        return {"update", "case_documentation", c.id};
      });
}

std::vector<CaseSummary> Service::undocumented(const Caller& caller,
                                               const std::string& care_unit_id) {
  const auto role = staff_role_at(caller.principal, care_unit_id, true);
  if (role.empty()) fail(Error::not_allowed);
  return transact([&](soci::session& sql) {
    auto list =
        store_.undocumented(sql, care_unit_id, clock_.now_ms() - settings_.documentation_due_ms);
    std::set<std::string> patients;
    for (const auto& s : list) {
      if (patients.insert(s.item.patient_id).second) {
        record(sql, caller, {true, "staff", role}, s.item, "list", "undocumented", care_unit_id);
      }
    }
    return list;
  });
}

// --- attachments ---

Attachment Service::attach(const Caller& caller, const std::string& case_id,
                           const std::string& content_type, const std::string& bytes) {
  Attachment a;
  change_case(caller, case_id,
              [&](soci::session& sql, Case& c, const Access& access, std::int64_t now) -> Recorded {
                // Images come from the patient (a rash, a wound); staff answer in words.
                if (access.staff) fail(Error::not_allowed);
                if (c.status == CaseStatus::closed) fail(Error::case_closed);
                const auto routine = store_.settings(sql, c.care_unit_id).images;
                if (const auto error = check_image(routine, content_type, bytes)) fail(*error);
                const auto m = add_message(sql, caller, c, false, MessageKind::message, "", now);
                a.id = db::new_uuid_v7();
                a.case_id = c.id;
                a.message_id = m.id;
                a.content_type = content_type;
                a.size = static_cast<std::int64_t>(bytes.size());
                a.sha256 = sha256_hex(bytes);
                a.created_at_ms = now;
                a.delete_after_ms =
                    now + static_cast<std::int64_t>(routine.retention_days) * 86'400'000LL;
                // The file is on disk before the row commits; a crash in between leaves an orphan
                // file, never a row without its bytes.
                write_file_durably(settings_.attachment_dir / a.id, bytes);
                store_.insert_attachment(sql, a);
                patient_wrote(sql, c, now);
                return {"create", "attachment", a.id};
              });
  return a;
}

AttachmentContent Service::attachment(const Caller& caller, const std::string& case_id,
                                      const std::string& attachment_id) {
  return transact([&](soci::session& sql) {
    const auto c = load(sql, case_id);
    const auto access = access_to_case(sql, caller, c);
    const auto meta = store_.find_attachment(sql, attachment_id);
    if (!meta || meta->case_id != c.id) fail(Error::attachment_not_found);
    std::ifstream in(settings_.attachment_dir / meta->id, std::ios::binary);
    if (!in) fail(Error::attachment_not_found);
    AttachmentContent content{*meta, std::string(std::istreambuf_iterator<char>(in), {})};
    if (access.staff) record(sql, caller, access, c, "read", "attachment", meta->id);
    return content;
  });
}

std::size_t Service::purge_expired_attachments() {
  return transact([&](soci::session& sql) {
    const auto expired = store_.expired_attachments(sql, clock_.now_ms());
    for (const auto& a : expired) {
      std::error_code ec;
      std::filesystem::remove(settings_.attachment_dir / a.id, ec);
      store_.delete_attachment(sql, a.id);
    }
    return expired.size();
  });
}

// --- follow-up ---

std::vector<ClinicReport> Service::report(const Caller& caller,
                                          const std::optional<std::string>& care_unit_id,
                                          const std::optional<std::string>& administration_id,
                                          std::int64_t from_ms, std::int64_t to_ms) {
  const auto& p = caller.principal;
  if (p.person_kind != "staff") fail(Error::not_allowed);
  const auto assignments = people_.assignments_with_units(p.person_id);
  const bool region_admin = std::any_of(assignments.begin(), assignments.end(), [](const auto& a) {
    return a.role == StaffRole::region_admin;
  });
  std::set<std::string> managed;
  for (const auto& a : assignments) {
    if (a.role == StaffRole::unit_manager || a.role == StaffRole::eservice_admin) {
      managed.insert(a.care_unit_id);
    }
  }
  const auto now = clock_.now_ms();
  return store_.database().with_session([&](soci::session& sql) {
    std::vector<ClinicReport> reports;
    for (const auto& unit : store_.units(sql, administration_id)) {
      if (care_unit_id && unit.id != *care_unit_id) continue;
      if (!region_admin && !managed.contains(unit.id)) continue;
      ClinicReport r;
      r.care_unit_id = unit.id;
      r.care_unit_name = unit.name;
      r.administration_id = unit.administration_id;
      r.administration_name = unit.administration_name;
      r.published = store_.settings(sql, unit.id).published;
      std::map<std::string, int> cases;
      for (const auto& code : store_.case_services(sql, unit.id, from_ms, to_ms)) ++cases[code];
      std::map<std::string, std::vector<AnswerClock>> clocks;
      std::vector<AnswerClock> all_clocks;
      for (const auto& uc : store_.clocks(sql, unit.id, from_ms, to_ms)) {
        clocks[uc.service_code].push_back(uc.clock);
        all_clocks.push_back(uc.clock);
      }
      for (const auto& e : store_.catalogue(sql, unit.id)) {
        if (e.category == "basic") {
          if (e.status == "on")
            r.basic_offered.push_back(e.code);
          else if (e.status == "not_applicable")
            r.basic_not_applicable.push_back(e.code);
          else
            r.basic_missing_without_reason.push_back(e.code);
        } else if (e.status == "on") {
          r.others_offered.push_back(e.code);
        }
        if (e.status == "off" && cases[e.code] == 0) continue;
        ServiceUsage u{e.code,       e.name_sv, e.name_en,
                       e.category,   e.status,  e.reason.value_or(""),
                       cases[e.code]};
        const auto tally = tally_clocks(clocks[e.code], now, calendar_);
        u.clocks = tally.counted;
        u.answered_in_time = tally.in_time;
        u.median_answer_working_hours = tally.median_working_hours;
        r.services.push_back(std::move(u));
        r.cases += cases[e.code];
      }
      const auto tally = tally_clocks(all_clocks, now, calendar_);
      r.clocks = tally.counted;
      r.answered_in_time = tally.in_time;
      r.median_answer_working_hours = tally.median_working_hours;
      reports.push_back(std::move(r));
    }
    if (!region_admin && reports.empty()) fail(Error::not_allowed);
    return reports;
  });
}

bool Service::may_listen(const identity::Principal& principal, const std::string& topic) {
  if (topic.starts_with("unit:")) {
    return !staff_role_at(principal, topic.substr(5), true).empty();
  }
  if (topic.starts_with("case:")) {
    return store_.database().with_session([&](soci::session& sql) {
      const auto c = store_.find_case(sql, topic.substr(5));
      if (!c) return false;
      if (principal.person_kind == "patient") {
        return principal.acting_for.value_or(principal.person_id) == c->patient_id;
      }
      return !staff_role_at(sql, principal, c->care_unit_id, true).empty();
    });
  }
  return false;
}

}  // namespace oppenvard::eservices
