// Outbox throughput (bench/notify, docs/benchmarks.md "Notifications"): N staff replies to a
// consenting patient become 2N deliveries (SMS through the JSON provider, e-mail over SMTP
// with STARTTLS and AUTH) that W workers deliver to the local peers of tests/notify. Runs on
// a fresh SQLite file, or PostgreSQL when OPPENVARD_TEST_PG_URL is set and --pg is given.
// Prints one JSON line: enqueue and expand rates, deliveries per second, send latency.
#include <algorithm>
#include <chrono>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include <boost/json.hpp>

#include "audit/service.hpp"
#include "core/clock.hpp"
#include "db/testing.hpp"
#include "directory/store.hpp"
#include "notify/service.hpp"

using namespace oppenvard;
using Clock = std::chrono::steady_clock;

namespace {

double seconds_since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

identity::Caller as(const std::string& kind, const std::string& id) {
  identity::Principal p;
  p.person_kind = kind;
  p.person_id = id;
  return {p, "127.0.0.1"};
}

}  // namespace

int main(int argc, char** argv) {
  int count = 1000;
  int workers = 4;
  std::string smtp_port, http_port, ca_file, backend = "sqlite";
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const std::string next = i + 1 < argc ? argv[i + 1] : "";
    if (a == "--pg") {
      backend = "postgresql";
      continue;
    }
    if (a == "--count") count = std::stoi(next);
    if (a == "--workers") workers = std::stoi(next);
    if (a == "--smtp-port") smtp_port = next;
    if (a == "--http-port") http_port = next;
    if (a == "--ca-file") ca_file = next;
    ++i;
  }
  db::testing::ScratchDatabase scratch(backend, static_cast<std::size_t>(workers) + 2);
  for (const auto& list : {directory::migrations(), identity::migrations(), audit::migrations(),
                           notify::migrations()}) {
    db::migrate(scratch.db(), list);
  }
  directory::Store directory(scratch.db());
  directory.upsert_region("region", "Region");
  directory.upsert_administration("region", {"adm", "Primärvården", "region"});
  directory::Clinic c;
  c.id = "unit";
  c.hsa_id = "SE2321000131-E1";
  c.name = "Vårdcentralen";
  c.administration_id = "adm";
  directory.upsert_clinic(c);
  identity::Store people(scratch.db());
  people.upsert_patient({"erik", "1.2.752.129.2.1.3.1", "197506119812", "Erik", "Sandberg",
                         "1975-06-11", std::nullopt, std::nullopt});
  people.upsert_staff({"mats",
                       "SE3",
                       "Mats",
                       "Johansson",
                       "Enhetschef",
                       {{std::string("unit"), identity::StaffRole::unit_manager}}});
  core::SystemClock clock;
  audit::Service audit(scratch.db(), clock);
  notify::Store store(scratch.db());
  notify::Senders senders;
  senders.email = notify::make_smtp_sender({"smtp://127.0.0.1:" + smtp_port, "oppenvard",
                                            "smtp-secret", "no-reply@vard.example", true, ca_file});
  senders.sms = notify::make_sms_sender({notify::SmsGatewayKind::json,
                                         "http://127.0.0.1:" + http_port + "/sms", "",
                                         "provider-token", "Varden", ""});
  notify::Settings settings;
  settings.quiet = {0, 0};  // never quiet: the benchmark runs at any hour
  notify::Service service(store, people, audit, clock, settings, std::move(senders));
  service.set_clinic_settings(as("staff", "mats"), "unit", true, std::string("RA-1"));
  for (const auto channel : {notify::Channel::sms, notify::Channel::email}) {
    service.set_my_consent(as("patient", "erik"),
                           {"unit", channel, true,
                            channel == notify::Channel::sms ? "0701234567" : "erik@example.se"});
  }

  auto t = Clock::now();
  for (int done = 0; done < count;) {
    scratch.db().transaction([&](soci::session& sql) {
      for (int i = 0; i < 500 && done < count; ++i, ++done) {
        service.case_answered(sql, "case", "message-" + std::to_string(done), "erik", "unit");
      }
    });
  }
  const double enqueue_s = seconds_since(t);
  t = Clock::now();
  const auto expanded = service.expand_due();
  const double expand_s = seconds_since(t);

  std::vector<std::vector<double>> latencies(static_cast<std::size_t>(workers));
  t = Clock::now();
  std::vector<std::thread> threads;
  for (int w = 0; w < workers; ++w) {
    threads.emplace_back([&, w] {
      for (;;) {
        const auto start = Clock::now();
        if (!service.deliver_one("bench-" + std::to_string(w))) break;
        latencies[static_cast<std::size_t>(w)].push_back(seconds_since(start) * 1000.0);
      }
    });
  }
  for (auto& th : threads) th.join();
  const double deliver_s = seconds_since(t);
  std::vector<double> all;
  for (const auto& l : latencies) all.insert(all.end(), l.begin(), l.end());
  std::sort(all.begin(), all.end());
  const auto pct = [&](double p) {
    return all.empty() ? 0.0
                       : all[static_cast<std::size_t>(p * static_cast<double>(all.size() - 1))];
  };
  const auto sent = service.count(notify::DeliveryStatus::sent);
  boost::json::object out{{"backend", backend},
                          {"notifications", count},
                          {"deliveries", expanded},
                          {"sent", sent},
                          {"dead", service.count(notify::DeliveryStatus::dead)},
                          {"workers", workers},
                          {"enqueue_per_s", count / enqueue_s},
                          {"expand_per_s", static_cast<double>(expanded) / expand_s},
                          {"delivered_per_s", static_cast<double>(sent) / deliver_s},
                          {"deliver_ms_p50", pct(0.5)},
                          {"deliver_ms_p99", pct(0.99)}};
  std::cout << boost::json::serialize(out) << "\n";
  return sent == expanded && expanded == static_cast<std::size_t>(2 * count) ? 0 : 1;
}
