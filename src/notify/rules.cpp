#include "notify/rules.hpp"

#include <date/date.h>

#include <algorithm>
#include <array>
#include <cctype>

#include "core/time.hpp"

namespace oppenvard::notify {
namespace {

constexpr std::string_view kDoNotReplySv = " Svara inte på detta meddelande.";
constexpr std::string_view kDoNotReplyEn = " Do not reply to this message.";

struct Text {
  std::string_view subject_sv, subject_en, sv, en;
};

Text text_of(Event event) {
  switch (event) {
    case Event::case_reply:
      return {
          "Nytt meddelande", "New message",
          "Du har fått ett nytt meddelande i e-tjänsterna. Logga in på {link} för att läsa det.",
          "You have a new message in the e-services. Log in at {link} to read it."};
    case Event::booking_confirmed:
      return {"Bokad tid", "Appointment booked",
              "Din tid är bokad {date} kl. {time}. Se tiden eller avboka på {link}.",
              "Your appointment is booked for {date} at {time}. See it or cancel at {link}."};
    case Event::visit_morning:
      return {"Påminnelse om din tid", "Appointment reminder",
              "Påminnelse: du har en bokad tid i dag kl. {time}. Se mer på {link}.",
              "Reminder: you have an appointment today at {time}. See more at {link}."};
    case Event::video_soon:
      return {"Ditt videomöte börjar snart", "Your video meeting starts soon",
              "Ditt videomöte börjar kl. {time}, om 15 minuter. Anslut via {link}.",
              "Your video meeting starts at {time}, in 15 minutes. Join at {link}."};
    case Event::booking_cancelled:
      return {"Avbokad tid", "Appointment cancelled",
              "Din tid {date} kl. {time} är avbokad. Se mer på {link}.",
              "Your appointment on {date} at {time} is cancelled. See more at {link}."};
    case Event::escalation:
      return {"Ärende nära svarstiden", "Case near its answer time",
              "Ett ärende i enhetens inkorg närmar sig eller har passerat svarstiden. Logga in på "
              "{link}.",
              "A case in the unit's inbox is near or past its answer time. Log in at {link}."};
  }
  return {};
}

// Placeholders that would carry a clinic, a person, a reason or free text (N1).
constexpr std::array kForbiddenPlaceholders{
    "clinic",       "clinic_name", "unit",         "care_unit",  "mottagning",  "patient",
    "patient_name", "name",        "first_name",   "given_name", "family_name", "last_name",
    "staff",        "staff_name",  "practitioner", "doctor",     "reason",      "reason_for_visit",
    "diagnosis",    "message",     "message_text", "body",       "text",        "free_text",
    "note",         "comment",     "subject",      "title",      "service",     "service_name",
    "personnummer", "personal_id", "phone",        "email",      "address",     "type"};
constexpr std::array kAllowedPlaceholders{"date", "time", "link"};

// Words (as word beginnings) that name a diagnosis or a kind of clinic that reveals one. Short
// ones must be the whole word.
struct SensitiveWord {
  std::string_view stem;
  bool whole_word;
};
constexpr SensitiveWord kSensitiveWords[] = {{"psykiatri", false},
                                             {"psykiatrisk", false},
                                             {"rättspsyk", false},
                                             {"psykolog", false},
                                             {"abort", false},
                                             {"beroende", false},
                                             {"missbruk", false},
                                             {"alkohol", false},
                                             {"narkotika", false},
                                             {"sti", true},
                                             {"std", true},
                                             {"hiv", true},
                                             {"könssjuk", false},
                                             {"klamydia", false},
                                             {"venereolog", false},
                                             {"ungdomsmottagning", false},
                                             {"preventivmedel", false},
                                             {"graviditet", false},
                                             {"gravid", true},
                                             {"mödravård", false},
                                             {"cancer", false},
                                             {"onkolog", false},
                                             {"diagnos", false},
                                             {"diabetes", false},
                                             {"depression", false},
                                             {"ätstörning", false},
                                             {"dialys", false},
                                             {"smittskydd", false},
                                             {"hepatit", false},
                                             {"demens", false},
                                             {"provsvar", false},
                                             {"remiss", false},
                                             {"sexuell", false},
                                             {"psychiatr", false},
                                             {"abortion", false},
                                             {"addiction", false},
                                             {"substance", false},
                                             {"sexual", false},
                                             {"oncolog", false},
                                             {"diagnosis", false},
                                             {"pregnan", false},
                                             {"dementia", false},
                                             {"test result", false}};

// Lower case for ASCII and the Swedish letters (UTF-8 Å Ä Ö É → å ä ö é).
std::string lower(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == 0xC3 && i + 1 < text.size()) {
      auto next = static_cast<unsigned char>(text[i + 1]);
      if (next == 0x85 || next == 0x84 || next == 0x96 || next == 0x89) next += 0x20;
      out += static_cast<char>(c);
      out += static_cast<char>(next);
      ++i;
    } else {
      out += static_cast<char>(std::tolower(c));
    }
  }
  return out;
}

bool is_word_byte(unsigned char c) {
  return std::isalnum(c) != 0 || c >= 0x80;  // UTF-8 letters (å ä ö é …) count as letters
}

bool contains_word(const std::string& text, const SensitiveWord& w) {
  for (auto at = text.find(w.stem); at != std::string::npos; at = text.find(w.stem, at + 1)) {
    const bool starts = at == 0 || !is_word_byte(static_cast<unsigned char>(text[at - 1]));
    const auto end = at + w.stem.size();
    const bool ends = end == text.size() || !is_word_byte(static_cast<unsigned char>(text[end]));
    if (starts && (!w.whole_word || ends)) return true;
  }
  return false;
}

std::string weekday_name(unsigned iso, Language l) {
  static constexpr std::array sv{"måndag", "tisdag", "onsdag", "torsdag",
                                 "fredag", "lördag", "söndag"};
  static constexpr std::array en{"Monday", "Tuesday",  "Wednesday", "Thursday",
                                 "Friday", "Saturday", "Sunday"};
  return l == Language::sv ? sv.at(iso - 1) : en.at(iso - 1);
}

std::string month_name(unsigned m, Language l) {
  static constexpr std::array sv{"januari",   "februari", "mars",     "april",
                                 "maj",       "juni",     "juli",     "augusti",
                                 "september", "oktober",  "november", "december"};
  static constexpr std::array en{"January",   "February", "March",    "April",
                                 "May",       "June",     "July",     "August",
                                 "September", "October",  "November", "December"};
  return l == Language::sv ? sv.at(m - 1) : en.at(m - 1);
}

int local_minute(std::int64_t at_ms) {
  const auto text = core::format_rfc3339_stockholm(at_ms);  // YYYY-MM-DDTHH:MM:SS…
  return std::stoi(text.substr(11, 2)) * 60 + std::stoi(text.substr(14, 2));
}

}  // namespace

Template default_template(Event event, Channel channel, Language language) {
  const auto t = text_of(event);
  const bool sv = language == Language::sv;
  std::string body(sv ? t.sv : t.en);
  if (event != Event::escalation) body += sv ? kDoNotReplySv : kDoNotReplyEn;
  return {event,
          channel,
          language,
          channel == Channel::email ? std::string(sv ? t.subject_sv : t.subject_en) : "",
          std::move(body),
          false};
}

std::optional<TemplateProblem> check_template(std::string_view text,
                                              const std::vector<std::string>& clinic_names) {
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return TemplateProblem{"empty", "The text is empty."};
  }
  if (text.size() > 480) return TemplateProblem{"too_long", "At most 480 characters."};
  for (std::size_t at = 0; at < text.size(); ++at) {
    if (text[at] == '}') return TemplateProblem{"unbalanced_braces", "A '}' without '{'."};
    if (text[at] != '{') continue;
    const auto end = text.find('}', at);
    if (end == std::string_view::npos) {
      return TemplateProblem{"unbalanced_braces", "A '{' without '}'."};
    }
    const std::string name(text.substr(at + 1, end - at - 1));
    if (std::find(kAllowedPlaceholders.begin(), kAllowedPlaceholders.end(), name) ==
        kAllowedPlaceholders.end()) {
      const bool named = std::find(kForbiddenPlaceholders.begin(), kForbiddenPlaceholders.end(),
                                   name) != kForbiddenPlaceholders.end();
      return TemplateProblem{
          named ? "forbidden_placeholder" : "unknown_placeholder",
          named ? "{" + name +
                      "} could reveal a clinic, a person, a reason for visit or free text; only "
                      "{date}, {time} and {link} may be used."
                : "Only {date}, {time} and {link} may be used."};
    }
    at = end;
  }
  const auto low = lower(text);
  for (const auto& w : kSensitiveWords) {
    if (contains_word(low, w)) {
      return TemplateProblem{"sensitive_word", "The text names a diagnosis or a kind of care (\"" +
                                                   std::string(w.stem) +
                                                   "\"), which a message must not reveal."};
    }
  }
  for (const auto& name : clinic_names) {
    const auto n = lower(name);
    if (!n.empty() && low.find(n) != std::string::npos) {
      return TemplateProblem{"clinic_name", "The text names a clinic, which a message must not."};
    }
  }
  return std::nullopt;
}

std::string render(std::string_view text, const RenderValues& values) {
  std::string out;
  out.reserve(text.size() + 32);
  for (std::size_t at = 0; at < text.size(); ++at) {
    if (text[at] == '{') {
      const auto end = text.find('}', at);
      if (end != std::string_view::npos) {
        const auto name = text.substr(at + 1, end - at - 1);
        if (name == "date") out += values.date;
        if (name == "time") out += values.time;
        if (name == "link") out += values.link;
        at = end;
        continue;
      }
    }
    out += text[at];
  }
  return out;
}

RenderValues values_for(std::int64_t starts_at_ms, Language language, std::string link) {
  const auto day = core::stockholm_date(starts_at_ms);
  const auto iso = date::weekday(date::sys_days(day)).iso_encoding();
  const auto minute = local_minute(starts_at_ms);
  const auto two = [](int n) { return (n < 10 ? "0" : "") + std::to_string(n); };
  const auto d = static_cast<unsigned>(day.day());
  const auto m = static_cast<unsigned>(day.month());
  std::string date_text =
      weekday_name(iso, language) + " " + std::to_string(d) + " " + month_name(m, language);
  return {std::move(date_text), two(minute / 60) + ":" + two(minute % 60), std::move(link)};
}

std::optional<std::string> normalize_mobile(std::string_view text) {
  std::string digits;
  bool plus = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '+' && i == 0) {
      plus = true;
    } else if (std::isdigit(static_cast<unsigned char>(c)) != 0) {
      digits += c;
    } else if (c != ' ' && c != '-' && c != '(' && c != ')') {
      return std::nullopt;
    }
  }
  std::string national;
  if (plus && digits.starts_with("46")) {
    national = digits.substr(2);
  } else if (!plus && digits.starts_with("0046")) {
    national = digits.substr(4);
  } else if (!plus && digits.starts_with("0")) {
    national = digits.substr(1);
  } else {
    return std::nullopt;
  }
  if (national.size() != 9 || national[0] != '7') return std::nullopt;
  return "+46" + national;
}

bool valid_email(std::string_view text) {
  if (text.size() < 3 || text.size() > 254) return false;
  const auto at = text.find('@');
  if (at == std::string_view::npos || at == 0 || at > 64 || text.find('@', at + 1) != text.npos) {
    return false;
  }
  const auto domain = text.substr(at + 1);
  const auto dot = domain.find('.');
  if (dot == std::string_view::npos || dot == 0 || domain.back() == '.') return false;
  return std::none_of(text.begin(), text.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u <= ' ' || c == '<' || c == '>' || c == ',' || c == ';' || c == '"' || u == 0x7F;
  });
}

std::optional<std::string> normalize_address(Channel channel, std::string_view text) {
  if (channel == Channel::sms) return normalize_mobile(text);
  if (!valid_email(text)) return std::nullopt;
  return std::string(text);
}

bool guardian_decides(int age_years) {
  return age_years < 13;
}

std::int64_t retry_delay_ms(int attempt, double jitter) {
  constexpr std::int64_t kBase = 30'000;
  constexpr std::int64_t kCap = 3'600'000;
  const int doublings = std::clamp(attempt - 1, 0, 20);
  const auto full = std::min(kCap, kBase << doublings);
  const double spread = 0.5 + 0.5 * std::clamp(jitter, 0.0, 1.0);
  return static_cast<std::int64_t>(static_cast<double>(full) * spread);
}

std::int64_t outside_quiet_hours(std::int64_t at_ms, const QuietHours& quiet) {
  const int m = local_minute(at_ms);
  const bool wraps = quiet.start_minute > quiet.end_minute;
  const bool inside = wraps ? (m >= quiet.start_minute || m < quiet.end_minute)
                            : (m >= quiet.start_minute && m < quiet.end_minute);
  if (!inside) return at_ms;
  auto day = core::stockholm_date(at_ms);
  if (wraps && m >= quiet.start_minute) day = date::sys_days(day) + date::days(1);
  return core::stockholm_local_time_ms(day, quiet.end_minute);
}

std::vector<Reminder> appointment_reminders(std::int64_t starts_at_ms, bool video,
                                            std::int64_t now_ms, int morning_minute) {
  constexpr std::int64_t kMinute = 60'000;
  std::vector<Reminder> list{{Event::booking_confirmed, now_ms, false}};
  const auto morning =
      core::stockholm_local_time_ms(core::stockholm_date(starts_at_ms), morning_minute);
  if (morning > now_ms + kMinute && morning < starts_at_ms) {
    list.push_back({Event::visit_morning, morning, false});
  }
  const auto soon = starts_at_ms - 15 * kMinute;
  if (video && soon > now_ms + kMinute) list.push_back({Event::video_soon, soon, true});
  return list;
}

}  // namespace oppenvard::notify
