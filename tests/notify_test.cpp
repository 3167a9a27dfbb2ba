// Notifications end to end with real peers: an SMTP server (npm smtp-server: STARTTLS and AUTH
// required), a JSON SMS provider that honours Idempotency-Key (tests/notify/peers.mjs), and a
// real Kannel (bearerbox + smsbox) whose HTTP SMSC is that same peer. The real binary sends a
// content-free SMS and e-mail when staff reply to a patient who consented and nothing to one
// who did not; booking confirmations carry date and time only; a server killed in the middle
// of delivery loses and duplicates nothing; Kannel's delivery reports come back.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <thread>

#include "support/child_process.hpp"
#include "support/client.hpp"
#include "support/server_process.hpp"

namespace oppenvard::testing {
namespace {

using namespace std::chrono_literals;
namespace fs = std::filesystem;

const std::string kBjorkdalen = "0190a000-0000-7000-8000-000000000011";
const std::string kSmtpUser = "oppenvard";
const std::string kSmtpPassword = "smtp-secret";
const std::string kSmsToken = "provider-token";

// The peers and Kannel, once for the suite.
struct Peers {
  fs::path dir;
  unsigned short smtp_port = free_port();
  unsigned short http_port = free_port();
  unsigned short kannel_admin = free_port();
  unsigned short kannel_box = free_port();
  unsigned short kannel_sendsms = free_port();
  unsigned short kannel_smsc = free_port();
  std::unique_ptr<ChildProcess> node;
  std::unique_ptr<ChildProcess> bearerbox;
  std::unique_ptr<ChildProcess> smsbox;

  Peers() {
    char pattern[] = "/tmp/oppenvard-notify-XXXXXX";
    dir = mkdtemp(pattern);
    const auto cert = (dir / "cert.pem").string();
    const auto key = (dir / "key.pem").string();
    const auto openssl =
        "openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1"
        " -addext subjectAltName=IP:127.0.0.1 -keyout " +
        key + " -out " + cert + " >/dev/null 2>&1";
    if (std::system(openssl.c_str()) != 0) throw std::runtime_error("openssl failed");
    node = std::make_unique<ChildProcess>(
        std::vector<std::string>{"/usr/bin/node", source_dir() + "/tests/notify/peers.mjs",
                                 std::to_string(smtp_port), std::to_string(http_port),
                                 std::to_string(kannel_smsc), cert, key, kSmtpUser, kSmtpPassword,
                                 kSmsToken},
        std::map<std::string, std::string>{}, (dir / "peers.log").string(),
        source_dir() + "/tests/notify");
    node->wait_for_output("ready", 30s);
    start_kannel();
  }

  void start_kannel() {
    std::ifstream in(source_dir() + "/tests/support/kannel/kannel.conf.template");
    std::stringstream text;
    text << in.rdbuf();
    std::string conf = text.str();
    const std::map<std::string, std::string> values{
        {"@DIR@", dir.string()},
        {"@ADMIN_PORT@", std::to_string(kannel_admin)},
        {"@ADMIN_PASSWORD@", "admin-secret"},
        {"@SMSBOX_PORT@", std::to_string(kannel_box)},
        {"@SENDSMS_PORT@", std::to_string(kannel_sendsms)},
        {"@SMSC_PORT@", std::to_string(kannel_smsc)},
        {"@RECEIVER_URL@", "http://127.0.0.1:" + std::to_string(http_port)},
        {"@USER@", "oppenvard"},
        {"@PASSWORD@", "kannel-secret"},
        {"@SENDER@", "Varden"}};
    for (const auto& [placeholder, value] : values) {
      for (auto at = conf.find(placeholder); at != std::string::npos;
           at = conf.find(placeholder, at + value.size())) {
        conf.replace(at, placeholder.size(), value);
      }
    }
    const auto conf_path = (dir / "kannel.conf").string();
    std::ofstream(conf_path) << conf;
    bearerbox = std::make_unique<ChildProcess>(
        std::vector<std::string>{"/usr/sbin/bearerbox", "-v", "4", conf_path},
        std::map<std::string, std::string>{}, (dir / "bearerbox.out").string(), dir.string());
    wait_until("bearerbox and its SMSC",
               [&] { return status().find("online") != std::string::npos; });
    smsbox = std::make_unique<ChildProcess>(
        std::vector<std::string>{"/usr/sbin/smsbox", "-v", "4", conf_path},
        std::map<std::string, std::string>{}, (dir / "smsbox.out").string(), dir.string());
    wait_until("smsbox", [&] {
      const auto s = status();
      return s.find("smsbox:") != std::string::npos && s.find("on-line") != std::string::npos &&
             http_request(kannel_sendsms, "GET", "/cgi-bin/sendsms").status > 0;
    });
  }

  std::string status() {
    try {
      return http_request(kannel_admin, "GET", "/status.txt?password=admin-secret").body;
    } catch (const std::exception&) {
      return "";
    }
  }

  template <class F>
  static void wait_until(const std::string& what, F&& ready) {
    const auto deadline = std::chrono::steady_clock::now() + 30s;
    while (std::chrono::steady_clock::now() < deadline) {
      try {
        if (ready()) return;
      } catch (const std::exception&) {
      }
      std::this_thread::sleep_for(100ms);
    }
    throw std::runtime_error(what + " did not start");
  }

  ~Peers() {
    smsbox.reset();  // before bearerbox, or it reconnects in a loop
    bearerbox.reset();
    node.reset();
    std::error_code ec;
    fs::remove_all(dir, ec);
  }

  boost::json::value messages() const { return http_request(http_port, "GET", "/messages").json(); }
  void delay(int ms) const {
    http_request(http_port, "POST", "/control", R"({"delay_ms":)" + std::to_string(ms) + "}",
                 {{"content-type", "application/json"}});
  }
};

class NotificationsEndToEnd : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { peers_ = new Peers(); }
  static void TearDownTestSuite() {
    delete peers_;
    peers_ = nullptr;
  }

  // A server wired to the peers: e-mail always, SMS through the JSON provider or Kannel.
  static std::map<std::string, std::string> environment(bool kannel) {
    std::map<std::string, std::string> env{
        {"OPPENVARD_ACCESS_LOG", "false"},
        {"OPPENVARD_DEMO_NOW", "2026-11-23T10:00:00+01:00"},
        {"OPPENVARD_NOTIFY_POLL_MS", "50"},
        {"OPPENVARD_NOTIFY_LINK", "https://vard.example/"},
        {"OPPENVARD_SMTP_URL", "smtp://127.0.0.1:" + std::to_string(peers_->smtp_port)},
        {"OPPENVARD_SMTP_USERNAME", kSmtpUser},
        {"OPPENVARD_SMTP_PASSWORD", kSmtpPassword},
        {"OPPENVARD_SMTP_FROM", "no-reply@vard.example"},
        {"OPPENVARD_SMTP_CA_FILE", (peers_->dir / "cert.pem").string()},
        {"OPPENVARD_SMS_REPORT_TOKEN", "report-token"}};
    if (kannel) {
      env["OPPENVARD_SMS_GATEWAY"] = "kannel";
      env["OPPENVARD_SMS_URL"] =
          "http://127.0.0.1:" + std::to_string(peers_->kannel_sendsms) + "/cgi-bin/sendsms";
      env["OPPENVARD_SMS_USERNAME"] = "oppenvard";
      env["OPPENVARD_SMS_PASSWORD"] = "kannel-secret";
    } else {
      env["OPPENVARD_SMS_GATEWAY"] = "json";
      env["OPPENVARD_SMS_URL"] = "http://127.0.0.1:" + std::to_string(peers_->http_port) + "/sms";
      env["OPPENVARD_SMS_PASSWORD"] = kSmsToken;
    }
    return env;
  }

  static HttpResult call(const ServerProcess& s, const DemoSession& who, const std::string& method,
                         const std::string& target, const std::string& body = "") {
    return session_request(s.port(), who, method, target, body);
  }

  // SMS on at Björkdalen (risk analysis recorded) and Erik's consent to both channels.
  static void consent_erik(const ServerProcess& s, const std::string& phone,
                           const std::string& email) {
    const auto mats = demo_session(s.port(), "Mats Johansson");
    const auto on =
        call(s, mats, "PUT", "/api/v1/clinics/" + kBjorkdalen + "/notification-settings",
             R"({"sms_enabled":true,"risk_analysis_document":"RA-2026-14"})");
    ASSERT_EQ(on.status, 200) << on.body;
    const auto erik = demo_session(s.port(), "Erik Sandberg");
    for (const auto& [channel, address] :
         std::map<std::string, std::string>{{"sms", phone}, {"email", email}}) {
      const auto r = call(s, erik, "PUT", "/api/v1/me/notification-consents",
                          R"({"clinic_id":")" + kBjorkdalen + R"(","channel":")" + channel +
                              R"(","given":true,"address":")" + address + "\"}");
      ASSERT_EQ(r.status, 200) << r.body;
    }
  }

  // A case from the patient and `replies` answers from Karin; returns the case id.
  static std::string case_with_replies(const ServerProcess& s, const std::string& patient,
                                       int replies) {
    const auto who = demo_session(s.port(), patient);
    const auto created =
        call(s, who, "POST", "/api/v1/cases",
             R"({"clinic_id":")" + kBjorkdalen +
                 R"(","service_code":"send_message","fields":{"message":"Hej, en fråga"}})");
    EXPECT_EQ(created.status, 201) << created.body;
    const std::string id(created.json().at("id").as_string());
    const auto karin = demo_session(s.port(), "Karin Ekström");
    for (int i = 0; i < replies; ++i) {
      const auto r = call(s, karin, "POST", "/api/v1/cases/" + id + "/messages",
                          R"({"kind":"reply","body":"Svar nummer )" + std::to_string(i) + "\"}");
      EXPECT_EQ(r.status, 201) << r.body;
    }
    return id;
  }

  // What arrived for `address` (an e-mail recipient or an SMS number), once per key.
  static std::vector<boost::json::object> arrived(const std::string& address) {
    std::vector<boost::json::object> list;
    const auto all = peers_->messages();
    for (const auto& m : all.at("emails").as_array()) {
      if (m.at("to").as_array().front().as_string() == address) list.push_back(m.as_object());
    }
    for (const auto& m : all.at("sms").as_array()) {
      if (m.at("to").as_string() == address) list.push_back(m.as_object());
    }
    return list;
  }

  static std::vector<boost::json::object> wait_for(const std::string& address, std::size_t n,
                                                   std::chrono::seconds timeout = 20s) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    auto list = arrived(address);
    while (list.size() < n && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(50ms);
      list = arrived(address);
    }
    return list;
  }

  static Peers* peers_;
};
Peers* NotificationsEndToEnd::peers_ = nullptr;

TEST_F(NotificationsEndToEnd, AConsentingPatientGetsAContentFreeSmsAndEmailOthersNothing) {
  ServerProcess server(environment(false));
  consent_erik(server, "070-111 22 33", "erik.sandberg@example.se");
  // Greta has given no consent: her reply goes first and must never arrive anywhere.
  const auto before = peers_->messages();
  case_with_replies(server, "Greta Holm", 1);
  case_with_replies(server, "Erik Sandberg", 1);
  const auto sms = wait_for("+46701112233", 1);
  const auto mail = wait_for("erik.sandberg@example.se", 1);
  ASSERT_EQ(sms.size(), 1u);
  ASSERT_EQ(mail.size(), 1u);
  EXPECT_EQ(sms[0].at("via"), "json");
  EXPECT_EQ(mail[0].at("tls"), true);  // STARTTLS, then AUTH, then the message
  EXPECT_EQ(mail[0].at("subject"), "Nytt meddelande");
  for (const auto* m : {&sms[0], &mail[0]}) {
    const std::string text(m->at("text").as_string());
    EXPECT_NE(text.find("nytt meddelande i e-tjänsterna"), std::string::npos) << text;
    EXPECT_NE(text.find("https://vard.example/"), std::string::npos);
    for (const char* secret : {"Björkdalen", "Erik", "Sandberg", "Karin", "Svar nummer", "fråga"}) {
      EXPECT_EQ(text.find(secret), std::string::npos) << secret << " in " << text;
    }
  }
  // Exactly Erik's two arrived since the test began: nothing for Greta.
  std::this_thread::sleep_for(300ms);
  const auto after = peers_->messages();
  EXPECT_EQ(after.at("emails").as_array().size(), before.at("emails").as_array().size() + 1);
  EXPECT_EQ(after.at("sms").as_array().size(), before.at("sms").as_array().size() + 1);

  // A booking: confirmation with date and time only, in both channels.
  const auto erik = demo_session(server.port(), "Erik Sandberg");
  const auto slots = call(server, erik, "GET",
                          "/api/v1/units/" + kBjorkdalen + "/slots?from=2026-11-25&to=2026-11-26")
                         .json();
  const std::string slot(slots.at("items").as_array().front().at("id").as_string());
  ASSERT_EQ(
      call(server, erik, "POST", "/api/v1/appointments", R"({"slot_id":")" + slot + "\"}").status,
      201);
  const auto confirmed = wait_for("+46701112233", 2);
  ASSERT_EQ(confirmed.size(), 2u);
  std::string confirmation;
  for (const auto& m : confirmed) {
    if (std::string(m.at("text").as_string()).find("bokad") != std::string::npos)
      confirmation = m.at("text").as_string();
  }
  EXPECT_NE(confirmation.find("onsdag 25 november kl. 08:00"), std::string::npos) << confirmation;
  EXPECT_EQ(confirmation.find("Läkarbesök"), std::string::npos);

  // Withdrawn: the next reply reaches nobody.
  ASSERT_EQ(call(server, erik, "PUT", "/api/v1/me/notification-consents",
                 R"({"clinic_id":")" + kBjorkdalen + R"(","channel":"sms","given":false})")
                .status,
            200);
  case_with_replies(server, "Erik Sandberg", 1);
  wait_for("erik.sandberg@example.se", 3);  // the e-mail still comes: consent kept there
  std::this_thread::sleep_for(300ms);
  EXPECT_EQ(arrived("+46701112233").size(), 2u);
}

TEST_F(NotificationsEndToEnd, KillingTheServerMidDeliveryLosesAndDuplicatesNothing) {
  char pattern[] = "/tmp/oppenvard-notify-data-XXXXXX";
  const std::string data = mkdtemp(pattern);
  auto env = environment(false);
  env["OPPENVARD_DATA"] = data;
  env["OPPENVARD_NOTIFY_LEASE_MS"] = "1500";
  const std::string phone = "070-222 33 44";
  const std::string email = "kill.test@example.se";
  auto server = std::make_unique<ServerProcess>(env);
  consent_erik(*server, phone, email);
  peers_->delay(150);  // each message takes a while: the kill lands in the middle
  case_with_replies(*server, "Erik Sandberg", 12);  // 24 messages
  wait_for("+46702223344", 3);
  server->kill_now();
  const auto at_kill = arrived("+46702223344").size() + arrived(email).size();
  EXPECT_LT(at_kill, 24u) << "the kill came too late to prove anything";
  peers_->delay(0);
  server = std::make_unique<ServerProcess>(env);  // the same database, restarted
  const auto sms = wait_for("+46702223344", 12, 40s);
  const auto mail = wait_for(email, 12, 40s);
  EXPECT_EQ(sms.size(), 12u);
  EXPECT_EQ(mail.size(), 12u);
  // The receivers saw every message once per key; any resend carried the same key.
  const auto all = peers_->messages();
  std::set<std::string> keys;
  for (const auto& m : all.at("sms").as_array()) keys.insert(std::string(m.at("key").as_string()));
  for (const auto& m : all.at("emails").as_array())
    keys.insert(std::string(m.at("key").as_string()));
  EXPECT_EQ(keys.size(), all.at("sms").as_array().size() + all.at("emails").as_array().size());
  // And the outbox agrees: all 24 sent (the last answers may still be on their way back), none
  // dead.
  const auto olof = demo_session(server->port(), "Olof Strand");
  const auto count = [&](const std::string& status) {
    const auto r = call(*server, olof, "GET", "/api/v1/notification-outbox?status=" + status);
    EXPECT_EQ(r.status, 200) << r.body;
    return r.json().at("items").as_array().size();
  };
  for (int i = 0; i < 100 && count("sent") < 24; ++i) std::this_thread::sleep_for(100ms);
  EXPECT_EQ(count("sent"), 24u);
  EXPECT_EQ(count("dead"), 0u);
  EXPECT_EQ(count("pending") + count("sending"), 0u);
  server.reset();
  std::error_code ec;
  fs::remove_all(data, ec);
}

TEST_F(NotificationsEndToEnd, TwoServersOnOnePostgreSQLSendEachMessageOnce) {
  const char* pg = std::getenv("OPPENVARD_TEST_PG_URL");
  if (pg == nullptr) GTEST_SKIP() << "needs OPPENVARD_TEST_PG_URL (scripts/test starts one)";
  const std::string base(pg);
  const std::string database = "oppenvard_notify_two_nodes";
  const auto psql = "psql '" + base + "' -q -c 'DROP DATABASE IF EXISTS " + database +
                    "' -c 'CREATE DATABASE " + database + "' >/dev/null 2>&1";
  ASSERT_EQ(std::system(psql.c_str()), 0);
  auto env = environment(false);
  env["OPPENVARD_DATABASE_URL"] = base.substr(0, base.rfind('/') + 1) + database;
  env["OPPENVARD_DEMO"] = "true";
  ServerProcess first(env);
  ServerProcess second(env);  // both deliver from the same outbox
  consent_erik(first, "070-444 55 66", "two.nodes@example.se");
  const auto before = peers_->messages().at("raw");
  peers_->delay(20);
  case_with_replies(second, "Erik Sandberg", 15);
  EXPECT_EQ(wait_for("+46704445566", 15).size(), 15u);
  EXPECT_EQ(wait_for("two.nodes@example.se", 15).size(), 15u);
  std::this_thread::sleep_for(500ms);
  peers_->delay(0);
  // Not even a resend: each of the 30 messages left exactly one node exactly once.
  const auto after = peers_->messages().at("raw");
  EXPECT_EQ(after.at("sms").as_int64() - before.at("sms").as_int64(), 15);
  EXPECT_EQ(after.at("smtp").as_int64() - before.at("smtp").as_int64(), 15);
}

TEST_F(NotificationsEndToEnd, KannelCarriesTheSmsAndItsDeliveryReportsComeBack) {
  // Kannel calls the server back, so the server listens where the report URL says.
  auto env = environment(true);
  const auto port = std::to_string(free_port());
  env["OPPENVARD_LISTEN"] = "127.0.0.1:" + port;
  env["OPPENVARD_SMS_REPORT_URL"] = "http://127.0.0.1:" + port + "/api/v1/notify/sms-reports";
  ServerProcess server(env);
  consent_erik(server, "+46 70 333 44 55", "kannel.test@example.se");
  case_with_replies(server, "Erik Sandberg", 1);
  const auto sms = wait_for("+46703334455", 1);
  ASSERT_EQ(sms.size(), 1u);
  EXPECT_EQ(sms[0].at("via"), "kannel");
  EXPECT_EQ(sms[0].at("from"), "Varden");
  const std::string text(sms[0].at("text").as_string());
  EXPECT_NE(text.find("Du har fått ett nytt meddelande i e-tjänsterna"), std::string::npos)
      << text;  // UTF-8 intact through Kannel
  // The SMSC accepted (8), then the phone got it (1): the report reaches the outbox.
  const auto olof = demo_session(server.port(), "Olof Strand");
  std::string status;
  for (int i = 0; i < 100 && status != "1"; ++i) {
    const auto r = call(server, olof, "GET", "/api/v1/notification-outbox?status=sent").json();
    for (const auto& d : r.at("items").as_array()) {
      if (d.at("channel") == "sms" && d.at("provider_status").is_string())
        status = d.at("provider_status").as_string();
    }
    std::this_thread::sleep_for(100ms);
  }
  EXPECT_EQ(status, "1");
  // A report without the token is refused.
  EXPECT_EQ(
      http_request(server.port(), "GET", "/api/v1/notify/sms-reports?token=x&id=y&status=1").status,
      404);
}

}  // namespace
}  // namespace oppenvard::testing
