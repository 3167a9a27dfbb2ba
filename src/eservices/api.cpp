#include "eservices/api.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <cmath>
#include <map>

#include "core/time.hpp"
#include "http/json_body.hpp"
#include "http/problem.hpp"
#include "identity/api.hpp"

namespace oppenvard::eservices {
namespace {

using boost::json::array;
using boost::json::object;
using boost::json::value;
using http::ProblemKind;

http::Problem problem_of(Error error) {
  switch (error) {
    case Error::clinic_not_found:
      return {ProblemKind::not_found, "No clinic has this id."};
    case Error::case_not_found:
      return {ProblemKind::not_found, "No case has this id."};
    case Error::attachment_not_found:
      return {ProblemKind::not_found, "No attachment has this id in this case."};
    case Error::service_not_offered:
      return {ProblemKind::invalid_field,
              "The clinic does not offer this e-service.",
              {{"/service_code", "not offered by this clinic"}}};
    case Error::not_a_case_service:
      return {ProblemKind::invalid_field,
              "This e-service is booked in the timebook, not sent as a case.",
              {{"/service_code", "not sent as a case"}}};
    case Error::clinic_not_published:
      return {ProblemKind::conflict,
              "The clinic has not opened its e-services yet. Contact the clinic by phone."};
    case Error::not_allowed:
      return {ProblemKind::forbidden, "You may not do this with this case or clinic."};
    case Error::case_closed:
      return {ProblemKind::conflict, "The case is closed. Start a new case to write again."};
    case Error::invalid_transition:
      return {ProblemKind::conflict, "This is not possible for the case as it stands."};
    case Error::reason_required:
      return {ProblemKind::invalid_field,
              "A basic e-service marked not applicable needs a reason.",
              {{"/reason", "is required (at least 5 characters)"}}};
    case Error::basic_cannot_be_off:
      return {ProblemKind::invalid_field,
              "A basic e-service is offered, or marked not applicable with a reason.",
              {{"/status", "must be on or not_applicable for a basic e-service"}}};
    case Error::too_many_admins:
      return {ProblemKind::invalid_field,
              "A clinic has one or two e-service administrators.",
              {{"/staff_ids", "at most two"}}};
    case Error::no_admin:
      return {ProblemKind::conflict,
              "Designate an e-service administrator before publishing the e-services."};
    case Error::not_staff_of_unit:
      return {ProblemKind::invalid_field,
              "Only staff of the clinic can be chosen.",
              {{"/staff_id", "does not work at this clinic"}}};
    case Error::images_not_allowed:
      return {ProblemKind::forbidden, "This clinic does not accept images."};
    case Error::image_type_not_allowed:
      return {ProblemKind::unsupported_media_type,
              "This clinic does not accept this kind of image."};
    case Error::image_too_large:
      return {ProblemKind::payload_too_large, "The image is larger than the clinic accepts."};
    case Error::image_content_mismatch:
      return {ProblemKind::unsupported_media_type,
              "The file is not the kind of image its Content-Type says."};
    case Error::not_closed:
      return {ProblemKind::conflict, "There has been no contact to document yet."};
  }
  return {ProblemKind::internal, "Something went wrong on our side."};
}

template <class F>
http::Response guarded(F&& f) {
  try {
    return f();
  } catch (const EservicesError& e) {
    throw problem_of(e.error()).code(std::string(to_string(e.error())));
  } catch (const InvalidFields& e) {
    std::vector<http::FieldError> errors;
    for (const auto& p : e.problems()) errors.push_back({p.field, p.message});
    throw http::Problem(ProblemKind::invalid_field, "Some fields are wrong.", std::move(errors));
  }
}

using identity::caller_of;

value instant(const std::optional<std::int64_t>& ms) {
  return ms ? value(core::format_rfc3339_utc(*ms)) : value(nullptr);
}

value hours(const std::optional<double>& h) {
  return h ? value(std::round(*h * 10.0) / 10.0) : value(nullptr);
}

object case_json(const CaseSummary& s, ClockState clock) {
  const auto& c = s.item;
  boost::system::error_code ec;
  auto fields = boost::json::parse(c.fields_json, ec);
  if (ec) fields = object{};
  return {
      {"id", c.id},
      {"clinic", {{"id", c.care_unit_id}, {"name", s.care_unit_name}}},
      {"service",
       {{"code", c.service_code}, {"name_sv", s.service_name_sv}, {"name_en", s.service_name_en}}},
      {"patient",
       {{"id", c.patient_id}, {"name", s.patient_name}, {"birth_date", s.patient_birth_date}}},
      {"submitted_by", to_string(c.submitted_by_kind)},
      {"status", to_string(c.status)},
      {"assignee", c.assignee_id ? value(object{{"id", *c.assignee_id},
                                                {"name", s.assignee_name},
                                                {"absent", s.assignee_absent}})
                                 : value(nullptr)},
      {"fields", fields},
      {"created_at", core::format_rfc3339_utc(c.created_at_ms)},
      {"updated_at", core::format_rfc3339_utc(c.updated_at_ms)},
      {"due_at", instant(c.due_at_ms)},
      {"clock", to_string(clock)},
      {"closed_at", instant(c.closed_at_ms)},
      {"outcome", c.outcome ? value(to_string(*c.outcome)) : value(nullptr)},
      {"last_contact_at", instant(c.last_contact_ms)},
      {"documented_at", instant(c.documented_at_ms)}};
}

object form_json(const Form& f) {
  array fields;
  for (const auto& field : f.fields) {
    array choices;
    for (const auto& c : field.choices) {
      choices.push_back({{"value", c.value}, {"label_sv", c.label_sv}, {"label_en", c.label_en}});
    }
    fields.push_back({{"key", field.key},
                      {"kind", to_string(field.kind)},
                      {"required", field.required},
                      {"label_sv", field.label_sv},
                      {"label_en", field.label_en},
                      {"help_sv", field.help_sv},
                      {"help_en", field.help_en},
                      {"max_length", field.kind == FieldKind::textarea ? kTextareaMax : kTextMax},
                      {"choices", std::move(choices)}});
  }
  return {{"code", f.code},
          {"intro_sv", f.intro_sv},
          {"intro_en", f.intro_en},
          {"fields", std::move(fields)}};
}

object attachment_json(const Attachment& a) {
  return {{"id", a.id},
          {"content_type", a.content_type},
          {"size", a.size},
          {"created_at", core::format_rfc3339_utc(a.created_at_ms)},
          {"delete_after", core::format_rfc3339_utc(a.delete_after_ms)}};
}

object view_json(const CaseView& v) {
  auto body = case_json(v.summary, v.clock);
  array messages;
  for (const auto& m : v.messages) {
    array attachments;
    for (const auto& a : v.attachments) {
      if (a.message_id == m.id) attachments.push_back(attachment_json(a));
    }
    messages.push_back({{"id", m.id},
                        {"author", {{"kind", to_string(m.author_kind)}, {"name", m.author_name}}},
                        {"kind", to_string(m.kind)},
                        {"body", m.body},
                        {"created_at", core::format_rfc3339_utc(m.created_at_ms)},
                        {"attachments", std::move(attachments)}});
  }
  body["messages"] = std::move(messages);
  body["form"] = v.form ? value(form_json(*v.form)) : value(nullptr);
  body["viewer"] = v.viewer_is_staff ? "staff" : "patient";
  array types;
  for (const auto& t : v.images.types) types.emplace_back(t);
  body["images"] =
      object{{"accepted", v.images.enabled && v.summary.item.status != CaseStatus::closed},
             {"types", std::move(types)},
             {"max_bytes", v.images.max_bytes}};
  return body;
}

object entry_json(const CatalogueEntry& e) {
  return {{"code", e.code},
          {"category", e.category},
          {"name_sv", e.name_sv},
          {"name_en", e.name_en},
          {"status", e.status},
          {"reason", e.reason ? value(*e.reason) : value(nullptr)},
          {"own", e.owner_care_unit_id.has_value()}};
}

array people_json(const std::vector<std::pair<std::string, std::string>>& people) {
  array a;
  for (const auto& [id, name] : people) a.push_back({{"id", id}, {"name", name}});
  return a;
}

object information_json(const ClinicInformation& info) {
  array material;
  for (const auto& m : info.material) material.push_back({{"title", m.title}, {"url", m.url}});
  array support;
  for (const auto& c : info.support) {
    support.push_back(
        {{"label", c.label}, {"phone", c.phone}, {"email", c.email}, {"hours", c.hours}});
  }
  return {{"material", std::move(material)}, {"support", std::move(support)}};
}

std::string csv_cell(const std::string& text) {
  if (text.find_first_of(",\"\n;") == std::string::npos) return text;
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string number(const std::optional<double>& h) {
  if (!h) return "";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", *h);
  return buffer;
}

std::string report_csv(const std::vector<ClinicReport>& reports) {
  std::string out =
      "administration,clinic,published,service_code,service,category,status,reason,cases,"
      "clocks,answered_in_time,share_in_time,median_answer_working_hours\r\n";
  for (const auto& r : reports) {
    for (const auto& s : r.services) {
      const std::optional<double> share =
          s.clocks > 0 ? std::optional<double>(100.0 * s.answered_in_time / s.clocks)
                       : std::nullopt;
      out += csv_cell(r.administration_name) + "," + csv_cell(r.care_unit_name) + "," +
             (r.published ? "yes" : "no") + "," + s.code + "," + csv_cell(s.name_sv) + "," +
             s.category + "," + s.status + "," + csv_cell(s.reason) + "," +
             std::to_string(s.cases) + "," + std::to_string(s.clocks) + "," +
             std::to_string(s.answered_in_time) + "," + number(share) + "," +
             number(s.median_answer_working_hours) + "\r\n";
    }
  }
  return out;
}

array codes(const std::vector<std::string>& list) {
  array a;
  for (const auto& c : list) a.emplace_back(c);
  return a;
}

object report_json(const ClinicReport& r) {
  array services;
  for (const auto& s : r.services) {
    services.push_back({{"code", s.code},
                        {"name_sv", s.name_sv},
                        {"name_en", s.name_en},
                        {"category", s.category},
                        {"status", s.status},
                        {"reason", s.reason},
                        {"cases", s.cases},
                        {"clocks", s.clocks},
                        {"answered_in_time", s.answered_in_time},
                        {"median_answer_working_hours", hours(s.median_answer_working_hours)}});
  }
  return {{"clinic", {{"id", r.care_unit_id}, {"name", r.care_unit_name}}},
          {"administration", {{"id", r.administration_id}, {"name", r.administration_name}}},
          {"published", r.published},
          {"offers_eservices", r.published && !r.basic_offered.empty()},
          {"basic_offered", codes(r.basic_offered)},
          {"basic_not_applicable", codes(r.basic_not_applicable)},
          {"basic_missing_without_reason", codes(r.basic_missing_without_reason)},
          {"others_offered", codes(r.others_offered)},
          {"cases", r.cases},
          {"clocks", r.clocks},
          {"answered_in_time", r.answered_in_time},
          {"median_answer_working_hours", hours(r.median_answer_working_hours)},
          {"services", std::move(services)}};
}

std::int64_t instant_query(http::QueryReader& reader, const char* name, std::int64_t fallback,
                           std::vector<http::FieldError>& errors) {
  const auto text = reader.string(name, 40);
  if (!text) return fallback;
  if (const auto at = core::parse_rfc3339(*text)) return *at;
  if (const auto day = core::parse_date(*text)) return core::stockholm_start_of_day_ms(*day);
  errors.push_back({name, "must be a date YYYY-MM-DD or an RFC 3339 date-time"});
  return fallback;
}

std::string id_param(const http::Request& request, std::string_view name) {
  return std::string(request.param(name));
}

}  // namespace

void register_routes(http::Router& router, Service& service, identity::Service& identity) {
  // --- public ---
  router.add("GET", "/api/v1/clinics/{id}/eservices/{code}/form", [&](http::Request& request) {
    return guarded([&] {
      return http::Response::json(
          form_json(service.form(id_param(request, "id"), id_param(request, "code"))));
    });
  });

  router.add("GET", "/api/v1/clinics/{id}/information", [&](http::Request& request) {
    return guarded([&] {
      return http::Response::json(information_json(service.information(id_param(request, "id"))));
    });
  });

  // --- clinic administration ---
  router.add("PUT", "/api/v1/clinics/{id}/information", [&](http::Request& request) {
    const auto caller = caller_of(identity, request);
    const auto body = http::parse_json_object(request);
    http::FieldReader reader(body);
    const auto* material = reader.array("material", true);
    const auto* support = reader.array("support", true);
    reader.finish();
    ClinicInformation info;
    std::vector<http::FieldError> errors;
    // Each entry is read strictly too: wrong types and unknown keys are named by pointer.
    auto read_items = [&](const boost::json::array& items, const std::string& name,
                          const std::vector<const char*>& keys, auto&& add) {
      for (std::size_t i = 0; i < items.size(); ++i) {
        const auto at = "/" + name + "/" + std::to_string(i);
        if (!items[i].is_object()) {
          errors.push_back({at, "must be an object"});
          continue;
        }
        std::map<std::string, std::string> values;
        for (const auto& kv : items[i].as_object()) {
          const bool known =
              std::any_of(keys.begin(), keys.end(), [&](const char* k) { return kv.key() == k; });
          if (!known)
            errors.push_back({at + "/" + std::string(kv.key()), "is not a known field"});
          else if (!kv.value().is_string() || kv.value().get_string().size() > 2000) {
            errors.push_back({at + "/" + std::string(kv.key()), "must be a string"});
          } else {
            values[std::string(kv.key())] = std::string(kv.value().get_string());
          }
        }
        add(values);
      }
    };
    read_items(*material, "material", {"title", "url"}, [&](auto& v) {
      info.material.push_back({v["title"], v["url"]});
    });
    read_items(*support, "support", {"label", "phone", "email", "hours"}, [&](auto& v) {
      info.support.push_back({v["label"], v["phone"], v["email"], v["hours"]});
    });
    if (!errors.empty()) {
      throw http::Problem(ProblemKind::invalid_field, "Some fields are wrong.", errors);
    }
    return guarded([&] {
      service.set_information(caller, id_param(request, "id"), info);
      return http::Response::json(information_json(info));
    });
  });

  router.add("GET", "/api/v1/clinics/{id}/eservice-administration", [&](http::Request& request) {
    const auto caller = caller_of(identity, request);
    return guarded([&] {
      const auto a = service.administration(caller, id_param(request, "id"));
      array catalogue;
      for (const auto& e : a.catalogue) catalogue.push_back(entry_json(e));
      array types;
      for (const auto& t : a.settings.images.types) types.emplace_back(t);
      return http::Response::json(object{{"catalogue", std::move(catalogue)},
                                         {"published", a.settings.published},
                                         {"image_routine",
                                          {{"enabled", a.settings.images.enabled},
                                           {"types", std::move(types)},
                                           {"max_bytes", a.settings.images.max_bytes},
                                           {"retention_days", a.settings.images.retention_days}}},
                                         {"admins", people_json(a.admins)},
                                         {"staff", people_json(a.candidates)}});
    });
  });

  router.add("PUT", "/api/v1/clinics/{id}/eservices/{code}", [&](http::Request& request) {
    const auto caller = caller_of(identity, request);
    const auto body = http::parse_json_object(request);
    http::FieldReader reader(body);
    const auto status = reader.string("status", true, 20);
    const auto reason = reader.string("reason", false, 500);
    if (status && *status != "on" && *status != "off" && *status != "not_applicable") {
      reader.fail("status", "must be on, off or not_applicable");
    }
    reader.finish();
    return guarded([&] {
      return http::Response::json(entry_json(service.set_offer(
          caller, id_param(request, "id"), id_param(request, "code"), *status, reason)));
    });
  });

  router.add("POST", "/api/v1/clinics/{id}/eservices", [&](http::Request& request) {
    const auto caller = caller_of(identity, request);
    const auto body = http::parse_json_object(request);
    http::FieldReader reader(body);
    const auto sv = reader.string("name_sv", true, 100);
    const auto en = reader.string("name_en", true, 100);
    reader.finish();
    return guarded([&] {
      return http::Response::json(
          entry_json(service.add_own_form(caller, id_param(request, "id"), *sv, *en)), 201);
    });
  });

  router.add("PUT", "/api/v1/clinics/{id}/eservice-admins", [&](http::Request& request) {
    const auto caller = caller_of(identity, request);
    const auto body = http::parse_json_object(request);
    std::vector<std::string> ids;
    const auto* list = body.if_contains("staff_ids");
    std::vector<http::FieldError> errors;
    if (list == nullptr || !list->is_array()) {
      errors.push_back({"/staff_ids", "must be an array of staff ids"});
    } else {
      for (const auto& id : list->as_array()) {
        if (!id.is_string() || id.get_string().size() > 64) {
          errors.push_back({"/staff_ids", "must be an array of staff ids"});
          break;
        }
        ids.emplace_back(id.get_string());
      }
    }
    for (const auto& item : body) {
      if (item.key() != "staff_ids")
        errors.push_back({"/" + std::string(item.key()), "unknown field"});
    }
    if (!errors.empty()) {
      throw http::Problem(ProblemKind::invalid_field, "Some fields are wrong.", errors);
    }
    return guarded([&] {
      service.set_admins(caller, id_param(request, "id"), ids);
      return http::Response{204, {}, {}};
    });
  });

  router.add("PUT", "/api/v1/clinics/{id}/eservice-publication", [&](http::Request& request) {
    const auto caller = caller_of(identity, request);
    const auto body = http::parse_json_object(request);
    http::FieldReader reader(body);
    const auto published = reader.boolean("published", true);
    reader.finish();
    return guarded([&] {
      service.set_published(caller, id_param(request, "id"), *published);
      return http::Response{204, {}, {}};
    });
  });

  router.add("PUT", "/api/v1/clinics/{id}/image-routine", [&](http::Request& request) {
    const auto caller = caller_of(identity, request);
    const auto body = http::parse_json_object(request);
    http::FieldReader reader(body);
    ImageRoutine routine;
    routine.enabled = reader.boolean("enabled", true).value_or(false);
    routine.max_bytes = reader.integer("max_bytes", true, 1024, 100LL << 20).value_or(0);
    routine.retention_days =
        static_cast<int>(reader.integer("retention_days", true, 1, 3650).value_or(30));
    routine.types.clear();
    if (const auto* types = reader.array("types", true)) {
      for (const auto& t : *types) {
        const bool known =
            t.is_string() && (t.get_string() == "image/jpeg" || t.get_string() == "image/png" ||
                              t.get_string() == "image/gif" || t.get_string() == "image/webp" ||
                              t.get_string() == "image/heic");
        if (!known) {
          reader.fail("types",
                      "must list image/jpeg, image/png, image/gif, image/webp or image/heic");
          break;
        }
        routine.types.emplace_back(t.get_string());
      }
    }
    reader.finish();
    return guarded([&] {
      service.set_image_routine(caller, id_param(request, "id"), routine);
      return http::Response{204, {}, {}};
    });
  });

  // --- cases ---
  router.add("POST", "/api/v1/cases", [&](http::Request& request) {
    const auto caller = caller_of(identity, request);
    const auto body = http::parse_json_object(request);
    http::FieldReader reader(body);
    const auto clinic = reader.string("clinic_id", true, 64);
    const auto code = reader.string("service_code", true, 64);
    const auto* fields = reader.object("fields", true);
    reader.finish();
    return guarded([&] {
      const auto v = service.submit(caller, *clinic, *code, *fields);
      auto response = http::Response::json(view_json(v), 201);
      response.set_header("Location", "/api/v1/cases/" + v.summary.item.id);
      return response;
    });
  });

  router.add("GET", "/api/v1/me/cases", [&](http::Request& request) {
    const auto caller = caller_of(identity, request);
    return guarded([&] {
      const auto now = service.clock().now_ms();
      array items;
      for (const auto& s : service.my_cases(caller)) {
        items.push_back(case_json(s, clock_state(s.item.due_at_ms, now)));
      }
      return http::Response::json(object{{"items", std::move(items)}});
    });
  });

  router.add("GET", "/api/v1/cases/{id}", [&](http::Request& request) {
    const auto caller = caller_of(identity, request);
    return guarded([&] {
      return http::Response::json(view_json(service.get(caller, id_param(request, "id"))));
    });
  });

  router.add("POST", "/api/v1/cases/{id}/messages", [&](http::Request& request) {
    const auto caller = caller_of(identity, request);
    const auto body = http::parse_json_object(request);
    http::FieldReader reader(body);
    const auto kind_text = reader.string("kind", false, 20);
    const auto text = reader.string("body", true, 20'000);
    std::optional<MessageKind> kind = MessageKind::message;
    if (kind_text) kind = message_kind_from(*kind_text);
    if (!kind) reader.fail("kind", "must be message, reply or question");
    std::optional<std::string> clean;
    if (text) {
      clean = clean_message(*text);
      if (!clean) reader.fail("body", "must be 1–4000 characters of text");
    }
    reader.finish();
    // Staff who send no kind mean a reply.
    return guarded([&] {
      auto k = *kind;
      if (!kind_text && caller.principal.person_kind == "staff") k = MessageKind::reply;
      return http::Response::json(
          view_json(service.post_message(caller, id_param(request, "id"), k, *clean)), 201);
    });
  });

  router.add("POST", "/api/v1/cases/{id}/claim", [&](http::Request& request) {
    const auto caller = caller_of(identity, request);
    return guarded([&] {
      return http::Response::json(view_json(service.claim(caller, id_param(request, "id"))));
    });
  });

  router.add("PUT", "/api/v1/cases/{id}/assignee", [&](http::Request& request) {
    const auto caller = caller_of(identity, request);
    const auto body = http::parse_json_object(request);
    std::optional<std::string> staff_id;
    const auto* v = body.if_contains("staff_id");
    if (v == nullptr || !(v->is_null() || v->is_string()) || body.size() != 1) {
      throw http::Problem(ProblemKind::invalid_field, "Send {\"staff_id\": id or null}.",
                          {{"/staff_id", "must be a staff id or null"}});
    }
    if (v->is_string()) staff_id = std::string(v->get_string());
    return guarded([&] {
      return http::Response::json(
          view_json(service.assign(caller, id_param(request, "id"), staff_id)));
    });
  });

  router.add("POST", "/api/v1/cases/{id}/close", [&](http::Request& request) {
    const auto caller = caller_of(identity, request);
    const auto body = http::parse_json_object(request);
    http::FieldReader reader(body);
    const auto outcome_text = reader.string("outcome", true, 40);
    std::optional<Outcome> outcome;
    if (outcome_text) {
      outcome = outcome_from(*outcome_text);
      if (!outcome) reader.fail("outcome", "is not a known outcome");
    }
    reader.finish();
    return guarded([&] {
      return http::Response::json(
          view_json(service.close(caller, id_param(request, "id"), *outcome)));
    });
  });

  router.add("GET", "/api/v1/cases/{id}/summary", [&](http::Request& request) {
    const auto caller = caller_of(identity, request);
    http::QueryReader reader(request);
    const auto format = reader.string("format", 10);
    reader.finish();
    return guarded([&] {
      const auto draft = service.summary(caller, id_param(request, "id"));
      if (format && *format == "text") {
        auto response = http::Response::text(draft.text, "text/plain; charset=utf-8");
        response.set_header("Cache-Control", "no-store");
        return response;
      }
      return http::Response::json(object{{"contact_day", draft.contact_day}, {"text", draft.text}});
    });
  });

  router.add("POST", "/api/v1/cases/{id}/documented", [&](http::Request& request) {
    const auto caller = caller_of(identity, request);
    return guarded([&] {
      return http::Response::json(
          view_json(service.mark_documented(caller, id_param(request, "id"))));
    });
  });

  router.add("POST", "/api/v1/cases/{id}/attachments", [&](http::Request& request) {
    const auto caller = caller_of(identity, request);
    const std::string type(request.header("content-type").value_or(""));
    const auto media_type = type.substr(0, type.find(';'));
    return guarded([&] {
      return http::Response::json(attachment_json(service.attach(caller, id_param(request, "id"),
                                                                 media_type, request.body)),
                                  201);
    });
  });

  router.add("GET", "/api/v1/cases/{id}/attachments/{attachment_id}", [&](http::Request& request) {
    const auto caller = caller_of(identity, request);
    return guarded([&] {
      auto content =
          service.attachment(caller, id_param(request, "id"), id_param(request, "attachment_id"));
      auto response = http::Response::text(std::move(content.bytes), content.meta.content_type);
      response.set_header("Cache-Control", "private, no-store");
      response.set_header("Content-Disposition", "inline");
      return response;
    });
  });

  // --- unit inbox ---
  router.add("GET", "/api/v1/units/{id}/inbox", [&](http::Request& request) {
    const auto caller = caller_of(identity, request);
    http::QueryReader reader(request);
    const auto filter_text = reader.string("filter", 20);
    reader.finish();
    const auto filter = filter_text ? inbox_filter_from(*filter_text) : InboxFilter::all;
    if (!filter) {
      throw http::Problem(ProblemKind::invalid_field, "Unknown filter.",
                          {{"filter", "must be all, mine, unassigned or closed"}});
    }
    return guarded([&] {
      const auto inbox = service.inbox(caller, id_param(request, "id"), *filter);
      array items;
      for (std::size_t i = 0; i < inbox.cases.size(); ++i) {
        auto item = case_json(inbox.cases[i], inbox.clocks[i]);
        item.erase("fields");  // the list shows who and when; the form is read in the case
        items.push_back(std::move(item));
      }
      return http::Response::json(object{{"counts",
                                          {{"open", inbox.counts.open},
                                           {"unassigned", inbox.counts.unassigned},
                                           {"at_risk", inbox.counts.at_risk},
                                           {"overdue", inbox.counts.overdue}}},
                                         {"items", std::move(items)}});
    });
  });

  router.add("GET", "/api/v1/units/{id}/escalations", [&](http::Request& request) {
    const auto caller = caller_of(identity, request);
    http::QueryReader reader(request);
    const auto days = reader.integer("days", 1, 90).value_or(14);
    reader.finish();
    return guarded([&] {
      const auto now = service.clock().now_ms();
      array items;
      for (const auto& [e, s] :
           service.escalations(caller, id_param(request, "id"), static_cast<int>(days))) {
        auto item = case_json(s, clock_state(s.item.due_at_ms, now));
        item.erase("fields");
        items.push_back({{"level", to_string(e.level)},
                         {"due_at", core::format_rfc3339_utc(e.due_at_ms)},
                         {"raised_at", core::format_rfc3339_utc(e.raised_at_ms)},
                         {"case", std::move(item)}});
      }
      return http::Response::json(object{{"items", std::move(items)}});
    });
  });

  router.add("GET", "/api/v1/units/{id}/undocumented", [&](http::Request& request) {
    const auto caller = caller_of(identity, request);
    return guarded([&] {
      array items;
      for (const auto& s : service.undocumented(caller, id_param(request, "id"))) {
        auto item = case_json(s, ClockState::none);
        item.erase("fields");
        items.push_back(std::move(item));
      }
      return http::Response::json(object{{"items", std::move(items)}});
    });
  });

  router.add("GET", "/api/v1/me/absence", [&](http::Request& request) {
    const auto caller = caller_of(identity, request);
    return guarded([&] {
      const auto a = service.my_absence(caller);
      return http::Response::json(a ? value(object{{"from", core::format_rfc3339_utc(a->from_ms)},
                                                   {"to", core::format_rfc3339_utc(a->to_ms)}})
                                    : value(nullptr));
    });
  });

  router.add("PUT", "/api/v1/me/absence", [&](http::Request& request) {
    const auto caller = caller_of(identity, request);
    const auto body = http::parse_json_object(request);
    http::FieldReader reader(body);
    const auto from_text = reader.string("from", true, 40);
    const auto to_text = reader.string("to", true, 40);
    std::optional<std::int64_t> from, to;
    if (from_text && !(from = core::parse_rfc3339(*from_text))) {
      reader.fail("from", "must be an RFC 3339 date-time");
    }
    if (to_text && !(to = core::parse_rfc3339(*to_text))) {
      reader.fail("to", "must be an RFC 3339 date-time");
    }
    if (from && to && *to <= *from) reader.fail("to", "must be after from");
    reader.finish();
    return guarded([&] {
      service.set_absence(caller, *from, *to);
      return http::Response{204, {}, {}};
    });
  });

  router.add("DELETE", "/api/v1/me/absence", [&](http::Request& request) {
    const auto caller = caller_of(identity, request);
    return guarded([&] {
      service.clear_absence(caller);
      return http::Response{204, {}, {}};
    });
  });

  // --- follow-up ---
  router.add("GET", "/api/v1/reports/eservices", [&](http::Request& request) {
    const auto caller = caller_of(identity, request);
    http::QueryReader reader(request);
    std::vector<http::FieldError> errors;
    const auto unit = reader.string("care_unit_id", 64);
    const auto administration = reader.string("administration_id", 64);
    const auto now = service.clock().now_ms();
    const auto to = instant_query(reader, "to", now + 1, errors);
    const auto from = instant_query(reader, "from", to - 90LL * 86'400'000, errors);
    const auto format = reader.string("format", 10);
    reader.finish();
    if (format && *format != "csv" && *format != "json") {
      errors.push_back({"format", "must be json or csv"});
    }
    if (!errors.empty()) {
      throw http::Problem(ProblemKind::invalid_field, "Some query parameters are wrong.", errors);
    }
    return guarded([&] {
      const auto reports = service.report(caller, unit, administration, from, to);
      if (format && *format == "csv") {
        auto response = http::Response::text(report_csv(reports), "text/csv; charset=utf-8");
        response.set_header("Content-Disposition",
                            "attachment; filename=\"e-tjanster-uppfoljning.csv\"");
        return response;
      }
      array items;
      for (const auto& r : reports) items.push_back(report_json(r));
      return http::Response::json(object{{"from", core::format_rfc3339_utc(from)},
                                         {"to", core::format_rfc3339_utc(to)},
                                         {"items", std::move(items)}});
    });
  });
}

}  // namespace oppenvard::eservices
