// Booking under load against a running server in demo mode (bench/booking starts one):
//   1. slot search: patients ask for free times, for --seconds, from --threads threads;
//   2. a booking storm: every free slot of a fresh 5-minute type (08–12 every day up to the
//      horizon) is booked by two patients at once, so half the requests must lose.
// Prints one JSON line: requests per second, p50/p99 in ms, bookings per second, and the
// double-booking check (no slot won twice, every slot won once).
#include <boost/json.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <iostream>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "core/time.hpp"
#include "support/client.hpp"

namespace {

using oppenvard::testing::demo_session;
using oppenvard::testing::DemoSession;
using oppenvard::testing::session_request;
using Clock = std::chrono::steady_clock;

const std::string kUnit = "0190a000-0000-7000-8000-000000000011";  // Vårdcentralen Björkdalen
const std::string kKarin = "0190a000-0000-7000-8000-000000000201";

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
}

double ms_since(Clock::time_point t) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

}  // namespace

int main(int argc, char** argv) {
  unsigned short port = 0;
  int threads = 8;
  int seconds = 10;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--port") port = static_cast<unsigned short>(std::stoi(argv[i + 1]));
    if (flag == "--threads") threads = std::stoi(argv[i + 1]);
    if (flag == "--seconds") seconds = std::stoi(argv[i + 1]);
  }
  if (port == 0) {
    std::cerr << "usage: booking_bench --port P [--threads N] [--seconds S]\n";
    return 2;
  }
  // Demo people: the unit manager sets up, five patients book.
  const auto mats = demo_session(port, "Mats Johansson");
  std::vector<DemoSession> patients;
  for (const char* name :
       {"Erik Sandberg", "Sara Lindqvist", "Nora Berglund", "Amir Haddad", "Greta Holm"}) {
    patients.push_back(demo_session(port, name));
  }
  const auto type =
      session_request(port, mats, "POST", "/api/v1/units/" + kUnit + "/appointment-types",
                      R"({"name_sv":"Mätning","name_en":"Benchmark","minutes":5,)"
                      R"("channel":"in_person","profession":"other","self_bookable":true})");
  if (type.status != 201) {
    std::cerr << "type: " << type.status << " " << type.body << "\n";
    return 1;
  }
  const std::string type_id(type.json().at("id").as_string());
  long long slots_created = 0;
  const auto setup_started = Clock::now();
  for (int weekday = 1; weekday <= 7; ++weekday) {
    const auto hours =
        session_request(port, mats, "POST", "/api/v1/units/" + kUnit + "/opening-hours",
                        R"({"staff_id":")" + kKarin + R"(","appointment_type_id":")" + type_id +
                            R"(","weekday":)" + std::to_string(weekday) +
                            R"(,"start_minute":480,"end_minute":720,"valid_from":"2020-01-01"})");
    if (hours.status != 201) {
      std::cerr << "hours: " << hours.status << " " << hours.body << "\n";
      return 1;
    }
    slots_created += hours.json().at("slots_created").as_int64();
  }
  const double setup_ms = ms_since(setup_started);

  // --- 1. slot search ---
  std::vector<std::vector<double>> search_latencies(static_cast<std::size_t>(threads));
  std::atomic<long long> search_errors{0};
  {
    const auto until = Clock::now() + std::chrono::seconds(seconds);
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t) {
      pool.emplace_back([&, t] {
        const auto& who = patients[static_cast<std::size_t>(t) % patients.size()];
        while (Clock::now() < until) {
          const auto started = Clock::now();
          const auto r = session_request(
              port, who, "GET",
              "/api/v1/units/" + kUnit + "/slots?appointment_type_id=" + type_id + "&limit=50");
          search_latencies[static_cast<std::size_t>(t)].push_back(ms_since(started));
          if (r.status != 200) ++search_errors;
        }
      });
    }
    for (auto& th : pool) th.join();
  }
  std::vector<double> search;
  for (const auto& v : search_latencies) search.insert(search.end(), v.begin(), v.end());

  // --- 2. the booking storm ---
  std::vector<std::string> slot_ids;
  {
    std::string from = "2000-01-01T00:00:00Z";
    for (int page = 0; page < 40; ++page) {
      const auto r =
          session_request(port, patients[0], "GET",
                          "/api/v1/units/" + kUnit + "/slots?appointment_type_id=" + type_id +
                              "&limit=500&from=" + from + "&to=2100-01-01");
      const auto body = r.json();
      const auto& items = body.at("items").as_array();
      for (const auto& s : items) slot_ids.emplace_back(s.at("id").as_string());
      if (items.size() < 500) break;
      // The next page starts a millisecond after the last start.
      const auto last = oppenvard::core::parse_rfc3339(items.back().at("start").as_string());
      from = oppenvard::core::format_rfc3339_utc(*last + 1);
    }
  }
  std::set<std::string> unique(slot_ids.begin(), slot_ids.end());
  slot_ids.assign(unique.begin(), unique.end());
  std::vector<std::string> work;
  for (const auto& id : slot_ids) {
    work.push_back(id);
    work.push_back(id);  // a second patient wants the same time
  }
  std::atomic<std::size_t> next{0};
  std::mutex mutex;
  std::map<std::string, int> won;
  std::vector<std::vector<double>> book_latencies(static_cast<std::size_t>(threads));
  std::atomic<long long> conflicts{0};
  std::atomic<long long> errors{0};
  const auto storm_started = Clock::now();
  {
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t) {
      pool.emplace_back([&, t] {
        for (std::size_t i = next++; i < work.size(); i = next++) {
          const auto& who = patients[(i + static_cast<std::size_t>(t)) % patients.size()];
          const auto started = Clock::now();
          const auto r = session_request(port, who, "POST", "/api/v1/appointments",
                                         R"({"slot_id":")" + work[i] + "\"}");
          book_latencies[static_cast<std::size_t>(t)].push_back(ms_since(started));
          if (r.status == 201) {
            std::lock_guard lock(mutex);
            ++won[work[i]];
          } else if (r.status == 409) {
            ++conflicts;
          } else {
            ++errors;
          }
        }
      });
    }
    for (auto& th : pool) th.join();
  }
  const double storm_seconds = ms_since(storm_started) / 1000.0;
  std::vector<double> booking;
  for (const auto& v : book_latencies) booking.insert(booking.end(), v.begin(), v.end());
  long long bookings = 0;
  long long doubly_won = 0;
  for (const auto& [id, n] : won) {
    bookings += n;
    if (n > 1) ++doubly_won;
  }
  const bool all_slots_booked =
      static_cast<long long>(won.size()) == static_cast<long long>(slot_ids.size());

  boost::json::object out{
      {"threads", threads},
      {"slots_created", slots_created},
      {"slot_setup_ms", static_cast<long long>(setup_ms)},
      {"search_requests", static_cast<long long>(search.size())},
      {"search_per_second", static_cast<double>(search.size()) / seconds},
      {"search_p50_ms", percentile(search, 0.5)},
      {"search_p99_ms", percentile(search, 0.99)},
      {"search_errors", search_errors.load()},
      {"booking_requests", static_cast<long long>(work.size())},
      {"bookings", bookings},
      {"bookings_per_second", static_cast<double>(bookings) / storm_seconds},
      {"booking_requests_per_second", static_cast<double>(work.size()) / storm_seconds},
      {"booking_p50_ms", percentile(booking, 0.5)},
      {"booking_p99_ms", percentile(booking, 0.99)},
      {"conflicts", conflicts.load()},
      {"errors", errors.load()},
      {"slots_won_twice", doubly_won},
      {"every_slot_booked_once", all_slots_booked && doubly_won == 0}};
  std::cout << boost::json::serialize(out) << "\n";
  return doubly_won == 0 && errors == 0 ? 0 : 1;
}
