#include "app/public_api.hpp"

#include <boost/json.hpp>

#include "app/application.hpp"
#include "core/time.hpp"
#include "http/json_body.hpp"

namespace oppenvard::app {

void register_public_routes(http::Router& router, const core::WorkingCalendar& calendar) {
  router.add("GET", "/api/v1/openapi.json",
             [](http::Request&) {
               auto response =
                   http::Response::text(std::string(openapi_json()), "application/json");
               response.set_header("Cache-Control", "no-cache");
               return response;
             },
             {.blocking = false});

  router.add(
      "GET", "/api/v1/calendar/days-off",
      [](http::Request& request) {
        http::QueryReader reader(request);
        const auto year =
            reader.integer("year", core::first_calendar_year, core::last_calendar_year);
        if (!year) {
          throw http::Problem(http::ProblemKind::invalid_field, "Give the year as ?year=YYYY.",
                              {{"year", "is required"}});
        }
        reader.finish();
        boost::json::array days;
        for (const auto& d : core::days_off(static_cast<int>(*year))) {
          days.push_back({{"date", core::format_date(d.day)},
                          {"name", d.name},
                          {"public_holiday", d.public_holiday}});
        }
        return http::Response::json(boost::json::object{{"year", *year}, {"days_off", days}});
      },
      {.blocking = false});

  router.add("POST", "/api/v1/calendar/answer-deadline",
             [&calendar](http::Request& request) {
               const auto body = http::parse_json_object(request);
               http::FieldReader fields(body);
               const auto arrived_text = fields.string("arrived", true, 64);
               std::optional<std::int64_t> arrived;
               if (arrived_text) {
                 arrived = core::parse_rfc3339(*arrived_text);
                 if (!arrived)
                   fields.fail("arrived", "must be an RFC 3339 date-time with an offset");
               }
               fields.finish();
               std::int64_t due = 0;
               try {
                 due = core::answer_deadline_ms(*arrived, calendar);
               } catch (const std::out_of_range&) {
                 throw http::Problem(http::ProblemKind::invalid_field,
                                     "The calendar covers the years 1900–2199.",
                                     {{"/arrived", "outside 1900–2199"}});
               }
               return http::Response::json(
                   boost::json::object{{"arrived", core::format_rfc3339_utc(*arrived)},
                                       {"due", core::format_rfc3339_stockholm(due)},
                                       {"due_utc", core::format_rfc3339_utc(due)},
                                       {"working_days", core::answer_working_days}});
             },
             {.blocking = false});
}

}  // namespace oppenvard::app
