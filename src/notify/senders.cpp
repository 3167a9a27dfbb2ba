#include "notify/senders.hpp"

#include <curl/curl.h>
#include <openssl/evp.h>

#include <boost/json.hpp>

#include <chrono>
#include <cstring>
#include <ctime>
#include <mutex>

namespace oppenvard::notify {
namespace {

void global_init() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

// One handle per worker thread and channel, reset before each message: its open connection
// (and TLS session) to the SMTP server or gateway is reused, which is most of a send's cost.
struct ThreadHandles {
  CURL* smtp = nullptr;
  CURL* http = nullptr;
  ~ThreadHandles() {
    for (auto* h : {smtp, http}) {
      if (h != nullptr) curl_easy_cleanup(h);
    }
  }
};

CURL* thread_handle(bool smtp) {
  thread_local ThreadHandles handles;
  auto*& h = smtp ? handles.smtp : handles.http;
  if (h == nullptr) {
    h = curl_easy_init();
  } else {
    curl_easy_reset(h);
  }
  return h;
}

struct Easy {
  explicit Easy(bool smtp) : handle(thread_handle(smtp)) {}
  CURL* handle;
  curl_slist* headers = nullptr;
  curl_slist* recipients = nullptr;
  ~Easy() {
    curl_slist_free_all(headers);
    curl_slist_free_all(recipients);
  }
  void header(const std::string& line) { headers = curl_slist_append(headers, line.c_str()); }
};

std::string base64(std::string_view data) {
  std::string out(4 * ((data.size() + 2) / 3) + 1, '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(data.data()),
                                static_cast<int>(data.size()));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

// RFC 2047: a UTF-8 header word.
std::string encoded_word(std::string_view text) {
  return "=?UTF-8?B?" + base64(text) + "?=";
}

std::string wrapped_base64(std::string_view text) {
  const auto flat = base64(text);
  std::string out;
  for (std::size_t at = 0; at < flat.size(); at += 76) out += flat.substr(at, 76) + "\r\n";
  return out;
}

std::string rfc5322_date() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buffer[64];
  std::strftime(buffer, sizeof buffer, "%a, %d %b %Y %H:%M:%S +0000", &tm);
  return buffer;
}

struct Payload {
  std::string data;
  std::size_t at = 0;
};

std::size_t read_payload(char* out, std::size_t size, std::size_t count, void* user) {
  auto* p = static_cast<Payload*>(user);
  const auto n = std::min(size * count, p->data.size() - p->at);
  std::memcpy(out, p->data.data() + p->at, n);
  p->at += n;
  return n;
}

std::size_t collect(char* data, std::size_t size, std::size_t count, void* user) {
  auto* s = static_cast<std::string*>(user);
  if (s->size() < 64 * 1024) s->append(data, size * count);
  return size * count;
}

SendResult transport_error(CURLcode code) {
  switch (code) {
    case CURLE_OPERATION_TIMEDOUT:
      return {false, false, "timeout", std::nullopt};
    case CURLE_COULDNT_CONNECT:
    case CURLE_COULDNT_RESOLVE_HOST:
      return {false, false, "unreachable", std::nullopt};
    case CURLE_LOGIN_DENIED:
      return {false, true, "auth_refused", std::nullopt};
    case CURLE_USE_SSL_FAILED:
      return {false, false, "tls_unavailable", std::nullopt};
    default:
      return {false, false, "curl_" + std::to_string(static_cast<int>(code)), std::nullopt};
  }
}

class SmtpSender final : public Sender {
 public:
  explicit SmtpSender(SmtpSettings s) : s_(std::move(s)) { global_init(); }

  SendResult send(const OutgoingMessage& m) override {
    Easy e(true);
    if (e.handle == nullptr) return {false, false, "curl_init", std::nullopt};
    const auto domain = s_.from.substr(s_.from.find('@') + 1);
    Payload payload;
    payload.data = "Date: " + rfc5322_date() + "\r\nTo: <" + m.to + ">\r\nFrom: <" + s_.from +
                   ">\r\nMessage-ID: <" + m.idempotency_key + "@" + domain +
                   ">\r\nSubject: " + encoded_word(m.subject) +
                   "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
                   "Content-Transfer-Encoding: base64\r\nAuto-Submitted: auto-generated\r\n"
                   "X-Oppenvard-Idempotency-Key: " +
                   m.idempotency_key + "\r\n\r\n" + wrapped_base64(m.body);
    const std::string from = "<" + s_.from + ">";
    e.recipients = curl_slist_append(e.recipients, ("<" + m.to + ">").c_str());
    curl_easy_setopt(e.handle, CURLOPT_URL, s_.url.c_str());
    curl_easy_setopt(e.handle, CURLOPT_MAIL_FROM, from.c_str());
    curl_easy_setopt(e.handle, CURLOPT_MAIL_RCPT, e.recipients);
    curl_easy_setopt(e.handle, CURLOPT_READFUNCTION, read_payload);
    curl_easy_setopt(e.handle, CURLOPT_READDATA, &payload);
    curl_easy_setopt(e.handle, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(e.handle, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(e.handle, CURLOPT_TIMEOUT_MS, static_cast<long>(s_.timeout_ms));
    if (s_.require_tls) curl_easy_setopt(e.handle, CURLOPT_USE_SSL, CURLUSESSL_ALL);
    if (!s_.ca_file.empty()) curl_easy_setopt(e.handle, CURLOPT_CAINFO, s_.ca_file.c_str());
    if (!s_.username.empty()) {
      curl_easy_setopt(e.handle, CURLOPT_USERNAME, s_.username.c_str());
      curl_easy_setopt(e.handle, CURLOPT_PASSWORD, s_.password.c_str());
    }
    const auto code = curl_easy_perform(e.handle);
    long reply = 0;
    curl_easy_getinfo(e.handle, CURLINFO_RESPONSE_CODE, &reply);
    if (code == CURLE_OK) return {true, false, "", m.idempotency_key};
    if (reply >= 500) return {false, true, "smtp_" + std::to_string(reply), std::nullopt};
    if (reply >= 400) return {false, false, "smtp_" + std::to_string(reply), std::nullopt};
    return transport_error(code);
  }

 private:
  SmtpSettings s_;
};

class HttpSmsSender final : public Sender {
 public:
  explicit HttpSmsSender(SmsGatewaySettings s) : s_(std::move(s)) { global_init(); }

  SendResult send(const OutgoingMessage& m) override {
    Easy e(false);
    if (e.handle == nullptr) return {false, false, "curl_init", std::nullopt};
    std::string body;
    if (s_.kind == SmsGatewayKind::kannel) {
      // Kannel's POST form: the text is the body, everything else in headers, so the number
      // never appears in a URL (URLs end up in access logs).
      body = m.body;
      e.header("Content-Type: text/plain; charset=UTF-8");
      e.header("X-Kannel-Username: " + s_.username);
      e.header("X-Kannel-Password: " + s_.password);
      e.header("X-Kannel-From: " + s_.from);
      e.header("X-Kannel-To: " + m.to);
      if (!s_.report_url.empty()) {
        e.header("X-Kannel-DLR-Mask: 31");
        e.header("X-Kannel-DLR-Url: " + report_url(m.idempotency_key) + "&status=%d");
      }
    } else {
      boost::json::object o{
          {"to", m.to}, {"from", s_.from}, {"text", m.body}, {"reference", m.idempotency_key}};
      if (!s_.report_url.empty()) o["status_callback"] = report_url(m.idempotency_key);
      body = boost::json::serialize(o);
      e.header("Content-Type: application/json");
      e.header("Idempotency-Key: " + m.idempotency_key);
      if (!s_.password.empty()) e.header("Authorization: Bearer " + s_.password);
    }
    std::string response;
    curl_easy_setopt(e.handle, CURLOPT_URL, s_.url.c_str());
    curl_easy_setopt(e.handle, CURLOPT_HTTPHEADER, e.headers);
    curl_easy_setopt(e.handle, CURLOPT_POSTFIELDS, body.c_str());
    curl_easy_setopt(e.handle, CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
    curl_easy_setopt(e.handle, CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(e.handle, CURLOPT_WRITEDATA, &response);
    curl_easy_setopt(e.handle, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(e.handle, CURLOPT_TIMEOUT_MS, static_cast<long>(s_.timeout_ms));
    const auto code = curl_easy_perform(e.handle);
    if (code != CURLE_OK) return transport_error(code);
    long status = 0;
    curl_easy_getinfo(e.handle, CURLINFO_RESPONSE_CODE, &status);
    if (status >= 200 && status < 300) return {true, false, "", provider_id(response, m)};
    const bool permanent = status >= 400 && status < 500 && status != 408 && status != 429;
    return {false, permanent, "http_" + std::to_string(status), std::nullopt};
  }

 private:
  std::string report_url(const std::string& key) const {
    return s_.report_url + (s_.report_url.find('?') == std::string::npos ? "?" : "&") + "id=" + key;
  }
  // The JSON provider's message id where it gives one; Kannel reports carry our own id.
  std::string provider_id(const std::string& response, const OutgoingMessage& m) const {
    if (s_.kind == SmsGatewayKind::json) {
      boost::system::error_code ec;
      const auto v = boost::json::parse(response, ec);
      if (!ec && v.is_object()) {
        if (const auto* id = v.as_object().if_contains("id"); id != nullptr && id->is_string()) {
          return std::string(id->as_string());
        }
      }
    }
    return m.idempotency_key;
  }

  SmsGatewaySettings s_;
};

}  // namespace

std::unique_ptr<Sender> make_smtp_sender(SmtpSettings settings) {
  return std::make_unique<SmtpSender>(std::move(settings));
}

std::unique_ptr<Sender> make_sms_sender(SmsGatewaySettings settings) {
  return std::make_unique<HttpSmsSender>(std::move(settings));
}

}  // namespace oppenvard::notify
