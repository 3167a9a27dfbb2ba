#include "audit/api.hpp"

#include <boost/json.hpp>

#include "core/time.hpp"
#include "http/json_body.hpp"
#include "http/problem.hpp"
#include "identity/api.hpp"

namespace oppenvard::audit {
namespace {

boost::json::object event_json(const AuditEvent& e) {
  return {{"id", e.id},
          {"sequence", e.sequence},
          {"at", core::format_rfc3339_utc(e.at_ms)},
          {"actor", {{"kind", e.actor_kind}, {"id", e.actor_id}, {"role", e.actor_role}}},
          {"care_unit_id", e.care_unit_id},
          {"patient_id", e.patient_id},
          {"action", e.action},
          {"object", {{"type", e.object_type}, {"id", e.object_id}}},
          {"client_address", e.client_address},
          {"success", e.success}};
}

// The unit manager of `care_unit_id`, or a 403: only they review the unit's access log.
identity::Principal require_unit_manager(identity::Service& identity, const http::Request& request,
                                         const std::string& care_unit_id) {
  return identity::require_role_at(identity, request, care_unit_id,
                                   {identity::StaffRole::unit_manager});
}

std::optional<std::int64_t> instant_param(http::QueryReader& reader, const char* name,
                                          std::vector<http::FieldError>& errors) {
  const auto text = reader.string(name, 40);
  if (!text) return std::nullopt;
  const auto at = core::parse_rfc3339(*text);
  if (!at) errors.push_back({name, "must be an RFC 3339 date-time"});
  return at;
}

void record_review_access(Service& audit, const identity::Principal& who,
                          const std::string& care_unit_id, const std::string& action,
                          const http::Request& request) {
  NewAuditEvent e;
  e.actor_kind = "staff";
  e.actor_id = who.person_id;
  e.actor_role = "unit_manager";
  e.care_unit_id = care_unit_id;
  e.action = action;
  e.object_type = "audit_log";
  e.client_address = request.remote_address;
  e.success = true;
  audit.record(e);
}

}  // namespace

void register_routes(http::Router& router, Service& audit, identity::Service& identity,
                     UnitName unit_name) {
  router.add("GET", "/api/v1/audit/events", [&](http::Request& request) {
    http::QueryReader reader(request);
    std::vector<http::FieldError> errors;
    Query query;
    const auto unit = reader.string("care_unit_id", 64);
    query.care_unit_id = unit;
    query.patient_id = reader.string("patient_id", 64);
    query.actor_id = reader.string("actor_id", 64);
    query.from_ms = instant_param(reader, "from", errors);
    query.to_ms = instant_param(reader, "to", errors);
    query.limit = static_cast<int>(reader.integer("limit", 1, Service::kMaxPageSize).value_or(100));
    query.after_sequence = reader.integer("cursor", 0, INT64_MAX);
    reader.finish();
    if (!unit) errors.push_back({"care_unit_id", "is required"});
    if (!errors.empty()) {
      throw http::Problem(http::ProblemKind::invalid_field, "Some query parameters are wrong.",
                          errors);
    }
    const auto who = require_unit_manager(identity, request, *unit);
    const auto events = audit.query(query);
    record_review_access(audit, who, *unit, "audit_read", request);
    boost::json::array items;
    for (const auto& e : events) items.push_back(event_json(e));
    boost::json::object body{{"items", std::move(items)}};
    body["next_cursor"] = events.size() == static_cast<std::size_t>(query.limit) && !events.empty()
                              ? boost::json::value(std::to_string(events.back().sequence))
                              : boost::json::value(nullptr);
    return http::Response::json(body);
  });

  router.add("GET", "/api/v1/audit/sample", [&](http::Request& request) {
    http::QueryReader reader(request);
    std::vector<http::FieldError> errors;
    const auto unit = reader.string("care_unit_id", 64);
    const auto from = instant_param(reader, "from", errors);
    const auto to = instant_param(reader, "to", errors);
    const auto n = reader.integer("n", 1, static_cast<std::int64_t>(Service::kMaxSampleSize));
    const auto seed = reader.integer("seed", 0, INT64_MAX);
    reader.finish();
    if (!unit) errors.push_back({"care_unit_id", "is required"});
    if (!from) errors.push_back({"from", "is required"});
    if (!to) errors.push_back({"to", "is required"});
    if (!errors.empty()) {
      throw http::Problem(http::ProblemKind::invalid_field, "Some query parameters are wrong.",
                          errors);
    }
    const auto who = require_unit_manager(identity, request, *unit);
    const auto events =
        audit.random_sample(*unit, *from, *to, static_cast<std::size_t>(n.value_or(20)),
                            static_cast<std::uint64_t>(seed.value_or(1)));
    record_review_access(audit, who, *unit, "audit_sample", request);
    boost::json::array items;
    for (const auto& e : events) items.push_back(event_json(e));
    return http::Response::json(boost::json::object{{"items", std::move(items)}});
  });

  router.add("POST", "/api/v1/audit/events/{id}/reviews", [&](http::Request& request) {
    const auto principal = identity::authenticate(identity, request);
    const auto body = http::parse_json_object(request);
    http::FieldReader reader(body);
    const auto note = reader.string("note", true, 2000);
    reader.finish();
    const auto event = audit.find(std::string(request.param("id")));
    // An event outside the manager's units reads as "not found", like one that is missing.
    if (!event) throw http::Problem(http::ProblemKind::not_found, "No such event.");
    try {
      require_unit_manager(identity, request, event->care_unit_id);
    } catch (const http::Problem&) {
      throw http::Problem(http::ProblemKind::not_found, "No such event.");
    }
    const auto review = audit.mark_reviewed(event->id, principal.person_id, *note);
    return http::Response::json(
        boost::json::object{{"id", review.id},
                            {"event_id", review.event_id},
                            {"reviewer_id", review.reviewer_id},
                            {"reviewed_at", core::format_rfc3339_utc(review.reviewed_at_ms)},
                            {"note", review.note}},
        201);
  });

  router.add("GET", "/api/v1/me/access-log",
             [&audit, &identity, unit_name](http::Request& request) {
               const auto principal = identity::authenticate(identity, request);
               if (principal.person_kind != "patient") {
                 throw http::Problem(http::ProblemKind::forbidden,
                                     "The access log extract is for patients.");
               }
               // A guardian acting for a child reads the child's extract.
               const std::string patient = principal.acting_for.value_or(principal.person_id);
               boost::json::array items;
               for (const auto& row : audit.extract_for_patient(patient)) {
                 if (!row.success || row.care_unit_id.empty())
                   continue;  // accesses by care units only
                 items.push_back({{"at", core::format_rfc3339_utc(row.at_ms)},
                                  {"care_unit_id", row.care_unit_id},
                                  {"care_unit_name", unit_name(row.care_unit_id)},
                                  {"action", row.action}});
               }
               return http::Response::json(boost::json::object{{"items", std::move(items)}});
             });
}

}  // namespace oppenvard::audit
