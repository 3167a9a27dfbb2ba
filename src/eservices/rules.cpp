#include "eservices/rules.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <set>

#include "core/time.hpp"

namespace oppenvard::eservices {
namespace {

FormField field(std::string key, FieldKind kind, bool required, std::string label_sv,
                std::string label_en, std::string help_sv = {}, std::string help_en = {},
                std::vector<Choice> choices = {}) {
  return {std::move(key),
          kind,
          required,
          std::move(label_sv),
          std::move(label_en),
          std::move(help_sv),
          std::move(help_en),
          std::move(choices)};
}

FormField message_field(bool required, std::string label_sv = "Ditt meddelande",
                        std::string label_en = "Your message") {
  return field("message", FieldKind::textarea, required, std::move(label_sv), std::move(label_en),
               "Skriv inte mer än vad vårdpersonalen behöver veta.",
               "Write only what the staff need to know.");
}

FormField wished_times_field(bool required) {
  return field("wished_times", FieldKind::textarea, required, "Önskade tider", "Preferred times",
               "Ge gärna flera förslag på dagar och tider som passar dig.",
               "Give several days and times that suit you.");
}

const std::vector<Choice> kChannels{{"in_person", "Besök på mottagningen", "Visit at the clinic"},
                                    {"video", "Videosamtal", "Video call"},
                                    {"phone", "Telefonsamtal", "Phone call"}};

std::vector<Form> all_forms() {
  return {
      {"book_appointment",
       "Skicka en förfrågan om tid. Mottagningen återkommer med en tid.",
       "Send a request for an appointment. The clinic gets back to you with a time.",
       {field("reason", FieldKind::textarea, true, "Vad gäller det?", "What is it about?",
              "Beskriv kort dina besvär och hur länge du har haft dem.",
              "Briefly describe your symptoms and how long you have had them."),
        wished_times_field(true),
        field("channel", FieldKind::choice, false, "Hur vill du träffas?",
              "How would you like to meet?", "", "", kChannels)}},
      {"cancel_rebook",
       "Av- eller omboka en tid du redan har.",
       "Cancel or rebook an appointment you already have.",
       {field("appointment", FieldKind::text, true, "Vilken tid gäller det?",
              "Which appointment is it?", "Ange datum och klockslag.", "Give date and time."),
        field("action", FieldKind::choice, true, "Vad vill du göra?", "What would you like to do?",
              "", "", {{"cancel", "Avboka", "Cancel"}, {"rebook", "Omboka", "Rebook"}}),
        wished_times_field(false), message_field(false)}},
      {"renew_prescription",
       "Be om att få ett recept förnyat.",
       "Ask for a prescription to be renewed.",
       {field("medicines", FieldKind::textarea, true, "Vilka läkemedel?", "Which medicines?",
              "Ett läkemedel per rad, med styrka, till exempel Levaxin 50 mikrogram.",
              "One medicine per line with its strength, e.g. Levaxin 50 micrograms."),
        message_field(false)}},
      {"contact_me",
       "Be mottagningen ringa upp dig.",
       "Ask the clinic to call you back.",
       {field("phone", FieldKind::phone, true, "Telefonnummer", "Phone number"),
        field("good_times", FieldKind::text, true, "När passar det att vi ringer?",
              "When may we call?", "Till exempel vardagar efter 13.",
              "For example weekdays after 1 pm."),
        field("topic", FieldKind::textarea, true, "Vad gäller det?", "What is it about?")}},
      {"send_message",
       "Skicka ett meddelande till mottagningen. Vid akuta besvär: ring 1177 eller 112.",
       "Send a message to the clinic. If it is urgent, call 1177 or 112.",
       {message_field(true)}},
      {"self_referral",
       "Skriv en egen remiss till mottagningen.",
       "Write a self-referral to the clinic.",
       {field("reason", FieldKind::textarea, true, "Varför söker du?", "Why are you seeking care?"),
        field("since", FieldKind::text, false, "Sedan när?", "Since when?"),
        field("earlier_care", FieldKind::textarea, false, "Tidigare kontakter med vården",
              "Earlier contacts with care")}},
      {"referral_question",
       "Fråga om en remiss som har skickats till eller från mottagningen.",
       "Ask about a referral sent to or from the clinic.",
       {field("referral_from", FieldKind::text, true, "Vem skrev remissen?",
              "Who wrote the referral?"),
        field("sent_on", FieldKind::date, false, "Ungefär när skickades den?",
              "Roughly when was it sent?", "ÅÅÅÅ-MM-DD", "YYYY-MM-DD"),
        field("question", FieldKind::textarea, true, "Din fråga", "Your question")}},
      {"certificate_request",
       "Beställ ett intyg. Vissa intyg kostar, se mottagningens avgifter.",
       "Request a certificate. Some certificates carry a fee, see the clinic's fees.",
       {field("certificate_kind", FieldKind::choice, true, "Vilket intyg?", "Which certificate?",
              "", "",
              {{"sick_leave", "Sjukintyg", "Sick-leave certificate"},
               {"travel", "Resintyg", "Travel certificate"},
               {"school_sport", "Intyg för skola eller idrott", "School or sport certificate"},
               {"driving_licence", "Körkortsintyg", "Driving-licence certificate"},
               {"other", "Annat intyg", "Other certificate"}}),
        field("purpose", FieldKind::textarea, true, "Vad ska intyget användas till?",
              "What is the certificate for?")}},
      {"advice",
       "Få råd av mottagningen.",
       "Get advice from the clinic.",
       {field("question", FieldKind::textarea, true, "Din fråga", "Your question")}},
      {"renew_assistive_device",
       "Förnya ett hjälpmedel du redan har.",
       "Renew an assistive device you already have.",
       {field("device", FieldKind::text, true, "Vilket hjälpmedel?", "Which assistive device?"),
        message_field(false)}},
      {"feedback",
       "Berätta vad vi kan göra bättre. Du får inget svar om du inte ber om det.",
       "Tell us what we can do better. You get no answer unless you ask for one.",
       {message_field(true, "Dina synpunkter", "Your feedback"),
        field("wants_answer", FieldKind::choice, false, "Vill du ha svar?",
              "Would you like an answer?", "", "", {{"yes", "Ja", "Yes"}, {"no", "Nej", "No"}})}},
      {"lifestyle_advice",
       "Få stöd med levnadsvanor.",
       "Get support with lifestyle habits.",
       {field("area", FieldKind::choice, true, "Vad vill du ha stöd med?",
              "What would you like support with?", "", "",
              {{"food", "Matvanor", "Food"},
               {"tobacco", "Tobak", "Tobacco"},
               {"exercise", "Fysisk aktivitet", "Exercise"},
               {"alcohol", "Alkohol", "Alcohol"}}),
        field("question", FieldKind::textarea, true, "Din fråga", "Your question")}},
      {"specialist_contact",
       "Kontakta en specialistsjuksköterska på mottagningen.",
       "Contact a specialist nurse at the clinic.",
       {message_field(true)}},
      {"examination_question",
       "Fråga om en undersökning eller ett provsvar.",
       "Ask about an examination or a test result.",
       {field("examination", FieldKind::text, true, "Vilken undersökning?", "Which examination?"),
        field("question", FieldKind::textarea, true, "Din fråga", "Your question")}},
  };
}

std::string trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last - first + 1));
}

// Length in characters (UTF-8 code points), which is what a person counts.
std::size_t characters(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

bool valid_phone(std::string_view text) {
  const auto digits =
      std::count_if(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
  return digits >= 6 && digits <= 15 &&
         text.find_first_not_of("+0123456789 -()") == std::string_view::npos;
}

bool has_control_characters(std::string_view text, bool allow_newlines) {
  return std::any_of(text.begin(), text.end(), [&](char c) {
    const auto u = static_cast<unsigned char>(c);
    if (allow_newlines && (c == '\n' || c == '\r' || c == '\t')) return false;
    return u < 0x20 || u == 0x7F;
  });
}

}  // namespace

std::optional<Form> form_for(std::string_view code, std::string_view category) {
  if (category == "custom") {
    return Form{"custom",
                "Skicka ett meddelande till mottagningen.",
                "Send a message to the clinic.",
                {message_field(true)}};
  }
  for (auto& form : all_forms()) {
    if (form.code == code) return form;
  }
  return std::nullopt;
}

ValidatedFields validate_fields(const Form& form, const boost::json::object& answers) {
  ValidatedFields result;
  std::set<std::string, std::less<>> known;
  for (const auto& f : form.fields) {
    known.insert(f.key);
    const auto pointer = "/fields/" + f.key;
    const auto* value = answers.if_contains(f.key);
    if (value == nullptr || value->is_null()) {
      if (f.required) result.problems.push_back({pointer, "is required"});
      continue;
    }
    if (!value->is_string()) {
      result.problems.push_back({pointer, "must be a string"});
      continue;
    }
    const auto text = trimmed(value->get_string());
    if (text.empty()) {
      if (f.required) result.problems.push_back({pointer, "must not be blank"});
      continue;
    }
    const bool multiline = f.kind == FieldKind::textarea;
    const auto max = multiline ? kTextareaMax : kTextMax;
    if (characters(text) > max) {
      result.problems.push_back({pointer, "is longer than " + std::to_string(max) + " characters"});
      continue;
    }
    if (has_control_characters(text, multiline)) {
      result.problems.push_back({pointer, "contains control characters"});
      continue;
    }
    switch (f.kind) {
      case FieldKind::phone:
        if (!valid_phone(text)) result.problems.push_back({pointer, "must be a phone number"});
        break;
      case FieldKind::date:
        if (!core::parse_date(text)) {
          result.problems.push_back({pointer, "must be a date YYYY-MM-DD"});
        }
        break;
      case FieldKind::choice:
        if (std::none_of(f.choices.begin(), f.choices.end(),
                         [&](const Choice& c) { return c.value == text; })) {
          result.problems.push_back({pointer, "must be one of the listed choices"});
        }
        break;
      case FieldKind::text:
      case FieldKind::textarea:
        break;
    }
    result.fields[f.key] = text;
  }
  for (const auto& item : answers) {
    if (!known.contains(item.key())) {
      result.problems.push_back(
          {"/fields/" + std::string(item.key()), "is not a field of this form"});
    }
  }
  if (!result.problems.empty()) result.fields.clear();
  return result;
}

std::optional<std::string> clean_message(std::string_view body) {
  auto text = trimmed(body);
  if (text.empty() || characters(text) > kMessageMax || has_control_characters(text, true)) {
    return std::nullopt;
  }
  return text;
}

std::vector<FieldProblem> check_information(const ClinicInformation& information) {
  std::vector<FieldProblem> problems;
  auto one_line = [](const std::string& text, std::size_t max) {
    return !trimmed(text).empty() && characters(text) <= max &&
           !has_control_characters(text, false);
  };
  if (information.material.size() > kMaxInformationLinks) {
    problems.push_back({"/material", "at most 20 links"});
  }
  if (information.support.size() > kMaxSupportContacts) {
    problems.push_back({"/support", "at most 10 contacts"});
  }
  for (std::size_t i = 0; i < information.material.size(); ++i) {
    const auto& link = information.material[i];
    const auto at = "/material/" + std::to_string(i);
    if (!one_line(link.title, kTextMax)) problems.push_back({at + "/title", "1–200 characters"});
    const bool https = link.url.starts_with("https://") && link.url.size() > 8 &&
                       link.url.size() <= 2000 &&
                       link.url.find_first_of(" \t\r\n<>\"@") == std::string::npos;
    if (!https) problems.push_back({at + "/url", "must be an https:// address"});
  }
  for (std::size_t i = 0; i < information.support.size(); ++i) {
    const auto& c = information.support[i];
    const auto at = "/support/" + std::to_string(i);
    if (!one_line(c.label, kTextMax)) problems.push_back({at + "/label", "1–200 characters"});
    if (c.phone.empty() && c.email.empty()) {
      problems.push_back({at, "needs a phone number or an e-mail address"});
    }
    if (!c.phone.empty() && !valid_phone(c.phone)) {
      problems.push_back({at + "/phone", "must be a phone number"});
    }
    const auto atsign = c.email.find('@');
    if (!c.email.empty() &&
        (atsign == std::string::npos || atsign == 0 || atsign + 1 >= c.email.size() ||
         !one_line(c.email, 254) || c.email.find(' ') != std::string::npos)) {
      problems.push_back({at + "/email", "must be an e-mail address"});
    }
    if (!c.hours.empty() && !one_line(c.hours, kTextMax)) {
      problems.push_back({at + "/hours", "at most 200 characters"});
    }
  }
  return problems;
}

ClockState clock_state(std::optional<std::int64_t> due_at_ms, std::int64_t now_ms) {
  if (!due_at_ms) return ClockState::none;
  if (now_ms > *due_at_ms) return ClockState::overdue;
  const auto due_day_start = core::stockholm_start_of_day_ms(core::stockholm_date(*due_at_ms));
  return now_ms >= due_day_start ? ClockState::at_risk : ClockState::on_time;
}

std::optional<Error> check_offer_change(std::string_view category, std::string_view status,
                                        const std::optional<std::string>& reason) {
  const bool has_reason = reason && characters(trimmed(*reason)) >= kMinReasonLength;
  if (category == "basic") {
    if (status == "off") return Error::basic_cannot_be_off;
    if (status == "not_applicable" && !has_reason) return Error::reason_required;
    return std::nullopt;
  }
  if (status == "not_applicable") return Error::invalid_transition;
  return std::nullopt;
}

std::optional<Error> check_admin_count(std::size_t count) {
  if (count == 0) return Error::no_admin;
  if (count > 2) return Error::too_many_admins;
  return std::nullopt;
}

std::optional<CaseStatus> next_status(CaseStatus current, CaseAction action,
                                      bool has_assignee_after) {
  if (current == CaseStatus::closed) return std::nullopt;
  const auto open_or_new = has_assignee_after ? CaseStatus::open : CaseStatus::new_case;
  switch (action) {
    case CaseAction::patient_message:
      return open_or_new;
    case CaseAction::staff_reply:
      return open_or_new;
    case CaseAction::staff_question:
      return CaseStatus::waiting_for_patient;
    case CaseAction::claim:
    case CaseAction::assign:
      return current == CaseStatus::waiting_for_patient ? current : open_or_new;
    case CaseAction::close:
      return CaseStatus::closed;
  }
  return std::nullopt;
}

bool visible_in_inbox(const Case& c, InboxFilter filter, const std::string& viewer_id,
                      bool assignee_absent) {
  const bool closed = c.status == CaseStatus::closed;
  switch (filter) {
    case InboxFilter::closed:
      return closed;
    case InboxFilter::all:
      return !closed;
    case InboxFilter::mine:
      return !closed && c.assignee_id == viewer_id;
    case InboxFilter::unassigned:
      return !closed && (!c.assignee_id || (assignee_absent && *c.assignee_id != viewer_id));
  }
  return false;
}

double working_hours_between(std::int64_t from_ms, std::int64_t to_ms,
                             const core::WorkingCalendar& calendar) {
  if (to_ms <= from_ms) return 0.0;
  constexpr std::int64_t kHour = 3'600'000;
  std::int64_t total = 0;
  auto day = core::stockholm_date(from_ms);
  const auto last = core::stockholm_date(to_ms);
  // Walk the local days; each working day contributes the overlap with its office hours.
  for (; date::sys_days(day) <= date::sys_days(last);
       day = date::year_month_day(date::sys_days(day) + date::days(1))) {
    if (!calendar.is_working_day(day)) continue;
    const auto open = core::stockholm_local_time_ms(day, kWorkdayStartHour * 60);
    const auto close = core::stockholm_local_time_ms(day, kWorkdayEndHour * 60);
    const auto a = std::max(open, from_ms);
    const auto b = std::min(close, to_ms);
    if (b > a) total += b - a;
  }
  return static_cast<double>(total) / static_cast<double>(kHour);
}

std::optional<double> median(std::vector<double> values) {
  if (values.empty()) return std::nullopt;
  std::sort(values.begin(), values.end());
  const auto n = values.size();
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
}

ClockTally tally_clocks(const std::vector<AnswerClock>& clocks, std::int64_t now_ms,
                        const core::WorkingCalendar& calendar) {
  ClockTally tally;
  std::vector<double> hours;
  for (const auto& c : clocks) {
    if (c.answered_at_ms) {
      ++tally.counted;
      if (*c.answered_at_ms <= c.due_at_ms) ++tally.in_time;
      hours.push_back(working_hours_between(c.started_at_ms, *c.answered_at_ms, calendar));
    } else if (now_ms > c.due_at_ms) {
      ++tally.counted;
    }
  }
  tally.median_working_hours = median(std::move(hours));
  return tally;
}

std::string sniff_image_type(std::string_view bytes) {
  auto starts = [&](std::string_view magic) { return bytes.substr(0, magic.size()) == magic; };
  if (starts("\xFF\xD8\xFF")) return "image/jpeg";
  if (starts(std::string_view("\x89PNG\r\n\x1A\n", 8))) return "image/png";
  if (starts("GIF87a") || starts("GIF89a")) return "image/gif";
  if (bytes.size() >= 12 && starts("RIFF") && bytes.substr(8, 4) == "WEBP") return "image/webp";
  if (bytes.size() >= 12 && bytes.substr(4, 4) == "ftyp" &&
      (bytes.substr(8, 4) == "heic" || bytes.substr(8, 4) == "heix" ||
       bytes.substr(8, 4) == "mif1")) {
    return "image/heic";
  }
  return {};
}

std::optional<Error> check_image(const ImageRoutine& routine, std::string_view declared_type,
                                 std::string_view bytes) {
  if (!routine.enabled) return Error::images_not_allowed;
  if (std::find(routine.types.begin(), routine.types.end(), declared_type) == routine.types.end()) {
    return Error::image_type_not_allowed;
  }
  if (static_cast<std::int64_t>(bytes.size()) > routine.max_bytes) return Error::image_too_large;
  if (bytes.empty() || sniff_image_type(bytes) != declared_type) {
    return Error::image_content_mismatch;
  }
  return std::nullopt;
}

SummaryDraft summary_draft(const SummaryInput& input) {
  SummaryDraft draft;
  const auto& c = *input.item;
  const auto contact_ms = c.last_contact_ms.value_or(c.closed_at_ms.value_or(c.created_at_ms));
  draft.contact_day = core::format_date(core::stockholm_date(contact_ms));
  std::string t;
  t += "Kontaktdag: " + draft.contact_day + "\n";
  t += "Vårdkontakt via e-tjänst: " + input.service_name + "\n";
  t += "Vårdenhet: " + input.care_unit_name + "\n";
  t += "Patient: " + input.patient_name + ", " + input.patient_identifier + "\n";
  if (c.outcome) t += "Utfall: " + std::string(to_string(*c.outcome)) + "\n";
  t += "\nUppgifter i formuläret:\n";
  boost::system::error_code ec;
  const auto fields = boost::json::parse(c.fields_json, ec);
  if (!ec && fields.is_object() && input.form != nullptr) {
    for (const auto& f : input.form->fields) {
      if (const auto* v = fields.as_object().if_contains(f.key); v && v->is_string()) {
        t += "- " + f.label_sv + ": " + std::string(v->get_string()) + "\n";
      }
    }
  }
  t += "\nMeddelanden:\n";
  for (const auto& m : input.messages) {
    t += core::format_rfc3339_stockholm(m.created_at_ms).substr(0, 16) + " " + m.author_name;
    t += m.kind == MessageKind::question ? " (fråga)" : "";
    t += ":\n" + m.body + "\n";
  }
  t += "\nSammanfattning av given vård: \n";
  draft.text = std::move(t);
  return draft;
}

}  // namespace oppenvard::eservices
