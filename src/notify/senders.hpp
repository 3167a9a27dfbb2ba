#pragma once
// The edges of notifications: one Sender per channel. E-mail goes over SMTP (STARTTLS and
// authentication where configured); SMS through an HTTP gateway — Kannel's sendsms interface or
// a generic JSON provider API. Blocking (libcurl): called from the delivery workers only.
// Addresses and texts are never logged; errors carry a code, never a server's words.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace oppenvard::notify {

struct OutgoingMessage {
  std::string idempotency_key;  // the delivery id: the same on every retry
  std::string to;
  std::string subject;  // e-mail only
  std::string body;
};

struct SendResult {
  bool ok = false;
  bool permanent = false;  // retrying cannot help (refused address, bad credentials)
  std::string error;       // a short code such as "smtp_550" or "http_503" or "timeout"
  std::optional<std::string> provider_id;
};

class Sender {
 public:
  virtual ~Sender() = default;
  virtual SendResult send(const OutgoingMessage& message) = 0;
};

struct SmtpSettings {
  std::string url;  // smtp://host:port (STARTTLS when require_tls) or smtps://host:port
  std::string username;
  std::string password;
  std::string from;  // the envelope and header sender, e.g. no-reply@region.example
  bool require_tls = true;
  std::string ca_file;  // optional: trust this CA (e.g. the test's own)
  std::int64_t timeout_ms = 15'000;
};

enum class SmsGatewayKind { kannel, json };

struct SmsGatewaySettings {
  SmsGatewayKind kind = SmsGatewayKind::json;
  std::string url;  // Kannel: http://host:13013/cgi-bin/sendsms; JSON: the provider's endpoint
  std::string username;
  std::string password;    // Kannel password, or the JSON provider's bearer token
  std::string from;        // the sender name shown on the phone
  std::string report_url;  // where delivery reports are sent back (our /api/v1/notify/…)
  std::int64_t timeout_ms = 15'000;
};

std::unique_ptr<Sender> make_smtp_sender(SmtpSettings settings);
std::unique_ptr<Sender> make_sms_sender(SmsGatewaySettings settings);

}  // namespace oppenvard::notify
