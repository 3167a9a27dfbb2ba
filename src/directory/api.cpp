#include "directory/api.hpp"

#include <boost/json.hpp>

#include "directory/rules.hpp"
#include "http/json_body.hpp"
#include "http/problem.hpp"

namespace oppenvard::directory {
namespace {

http::Problem problem_of(Error error) {
  switch (error) {
    case Error::clinic_not_found:
      return {http::ProblemKind::not_found, "No clinic has this id."};
    case Error::bad_cursor:
      break;
  }
  return {http::ProblemKind::invalid_field,
          "The cursor is not one this server issued.",
          {{"cursor", "unknown cursor"}}};
}

boost::json::object offer_json(const EServiceOffer& o) {
  boost::json::object out{{"code", o.code},
                          {"category", to_string(o.category)},
                          {"name", {{"sv", o.name_sv}, {"en", o.name_en}}},
                          {"status", to_string(o.status)}};
  out["reason"] = o.reason ? boost::json::value(*o.reason) : boost::json::value(nullptr);
  return out;
}

}  // namespace

boost::json::object to_json(const Clinic& c) {
  boost::json::array eservices;
  for (const auto& o : c.eservices) eservices.push_back(offer_json(o));
  return {{"id", c.id},
          {"hsa_id", c.hsa_id},
          {"name", c.name},
          {"kind", to_string(c.kind)},
          {"administration", {{"id", c.administration_id}, {"name", c.administration_name}}},
          {"address", {{"street", c.street}, {"postal_code", c.postal_code}, {"city", c.city}}},
          {"phone", c.phone},
          {"email", c.email},
          {"opening_hours", c.opening_hours},
          {"description", c.description},
          {"eservices", std::move(eservices)}};
}

void register_routes(http::Router& router, Service& service, http::ResponseCache& cache) {
  // A cache hit is answered on the I/O thread; a miss reads the database on the pool.
  http::RouteOptions cached;
  cached.try_inline = [&cache](http::Request& request) { return cache.find(request.target); };

  router.add(
      "GET", "/api/v1/clinics",
      [&service, &cache](http::Request& request) {
        return cache.get_or_build(request.target, [&] {
          http::QueryReader reader(request);
          ClinicQuery query;
          query.text = reader.string("q", 100).value_or("");
          query.limit =
              static_cast<int>(reader.integer("limit", 1, Service::kMaxPageSize).value_or(50));
          const auto cursor = reader.string("cursor", 1024);
          reader.finish();
          if (cursor) {
            query.after = decode_cursor(*cursor);
            if (!query.after) throw problem_of(Error::bad_cursor);
          }
          const ClinicPage page = service.list(query);
          boost::json::array items;
          for (const auto& clinic : page.items) items.push_back(to_json(clinic));
          boost::json::object body{{"items", std::move(items)}};
          body["next_cursor"] = page.next ? boost::json::value(encode_cursor(*page.next))
                                          : boost::json::value(nullptr);
          return http::Response::json(body);
        });
      },
      cached);

  router.add(
      "GET", "/api/v1/clinics/{id}",
      [&service, &cache](http::Request& request) {
        return cache.get_or_build(request.target, [&] {
          try {
            return http::Response::json(to_json(service.get(std::string(request.param("id")))));
          } catch (const DirectoryError& e) {
            throw problem_of(e.error());
          }
        });
      },
      cached);
}

}  // namespace oppenvard::directory
