#include "app/demo_data.hpp"

#include "booking/store.hpp"
#include "directory/store.hpp"
#include "eservices/store.hpp"
#include "identity/rules.hpp"
#include "identity/store.hpp"
#include "meetings/store.hpp"

namespace oppenvard::app {
namespace {

using directory::Clinic;
using directory::ClinicKind;
using directory::EServiceCategory;
using directory::EServiceStatus;
using identity::StaffRole;

constexpr const char* kPersonnummer = "1.2.752.129.2.1.3.1";
constexpr const char* kSamordningsnummer = "1.2.752.129.2.1.3.3";

std::string demo_id(int n) {
  const std::string digits = std::to_string(n);
  return "0190a000-0000-7000-8000-" + std::string(12 - digits.size(), '0') + digits;
}

const std::string kRegion = demo_id(1);
const std::string kRegionAdministration = demo_id(2);
const std::string kMunicipalAdministration = demo_id(3);
const std::string kPrimaryCare = demo_id(11);
const std::string kHabilitation = demo_id(12);
const std::string kPsychiatry = demo_id(13);
const std::string kHomeCare = demo_id(14);

const std::vector<std::string> kBasic{
    "book_appointment", "cancel_rebook", "renew_prescription", "contact_me",
    "send_message",     "self_referral", "referral_question",  "certificate_request"};

struct Offer {
  std::string code;
  EServiceStatus status;
  std::optional<std::string> reason;
};

void offer(directory::Store& store, const std::string& clinic, const std::vector<Offer>& offers) {
  for (const auto& o : offers) store.set_offer(clinic, o.code, o.status, o.reason);
}

std::vector<Offer> basic_except(const std::vector<Offer>& exceptions) {
  std::vector<Offer> out;
  for (const auto& code : kBasic) {
    Offer o{code, EServiceStatus::on, std::nullopt};
    for (const auto& e : exceptions) {
      if (e.code == code) o = e;
    }
    out.push_back(o);
  }
  return out;
}

void load_directory(db::Database& db) {
  directory::Store store(db);
  store.upsert_region(kRegion, "Region Älvstaden (demo)");
  store.upsert_administration(
      kRegion, {kRegionAdministration, "Hälso- och sjukvårdsförvaltningen Älvstaden", "region"});
  store.upsert_administration(
      kRegion,
      {kMunicipalAdministration, "Vård- och omsorgsförvaltningen, Lunda kommun", "municipality"});

  Clinic primary{kPrimaryCare,
                 "SE2321000131-E000000000101",
                 "Vårdcentralen Björkdalen",
                 ClinicKind::primary_care,
                 kRegionAdministration,
                 "",
                 "Björkvägen 4",
                 "412 58",
                 "Göteborg",
                 "010-000 00 01",
                 "bjorkdalen@example.se",
                 "Mån–fre 08–17",
                 "Vårdcentral för alla åldrar med läkare, sjuksköterskor och "
                 "diabetesmottagning.",
                 {}};
  Clinic habilitation{kHabilitation,
                      "SE2321000131-E000000000102",
                      "Barn- och ungdomshabiliteringen Älvstaden",
                      ClinicKind::habilitation,
                      kRegionAdministration,
                      "",
                      "Älvgatan 12",
                      "417 05",
                      "Göteborg",
                      "010-000 00 02",
                      "habilitering.alvstaden@example.se",
                      "Mån–fre 08–16",
                      "Habilitering för barn och unga 0–17 år med varaktiga "
                      "funktionsnedsättningar.",
                      {}};
  Clinic psychiatry{kPsychiatry,
                    "SE2321000131-E000000000103",
                    "Psykiatriska öppenvårdsmottagningen Ekbacken",
                    ClinicKind::psychiatry,
                    kRegionAdministration,
                    "",
                    "Ekbacken 3",
                    "431 30",
                    "Mölndal",
                    "010-000 00 03",
                    "ekbacken@example.se",
                    "Mån–fre 08–16:30",
                    "Allmänpsykiatrisk öppenvård för vuxna.",
                    {}};
  Clinic home_care{kHomeCare,
                   "SE2120000000-E000000000104",
                   "Hemtjänsten Norra Lunden",
                   ClinicKind::home_care,
                   kMunicipalAdministration,
                   "",
                   "Lundenvägen 20",
                   "416 52",
                   "Lunda",
                   "010-000 00 04",
                   "hemtjanst.norralunden@example.se",
                   "Alla dagar 07–22",
                   "Kommunal hemtjänst: omsorg och service i hemmet enligt biståndsbeslut.",
                   {}};
  for (const Clinic* c : {&primary, &habilitation, &psychiatry, &home_care}) {
    store.upsert_clinic(*c);
  }

  // E2: a clinic's own contact form (the "contact the diabetes nurse" example).
  store.upsert_eservice_kind(
      {"bjorkdalen_diabetes_nurse", EServiceCategory::custom, "Kontakta diabetessjuksköterskan",
       "Contact the diabetes nurse", EServiceStatus::on, std::nullopt},
      900, kPrimaryCare);

  offer(store, kPrimaryCare, basic_except({}));
  offer(store, kPrimaryCare,
        {{"advice", EServiceStatus::on, std::nullopt},
         {"feedback", EServiceStatus::on, std::nullopt},
         {"lifestyle_advice", EServiceStatus::on, std::nullopt},
         {"web_booking", EServiceStatus::on, std::nullopt},
         {"bjorkdalen_diabetes_nurse", EServiceStatus::on, std::nullopt}});
  offer(store, kHabilitation,
        basic_except({{"renew_prescription", EServiceStatus::not_applicable,
                       "Habiliteringen förskriver inte läkemedel."}}));
  offer(store, kHabilitation,
        {{"renew_assistive_device", EServiceStatus::on, std::nullopt},
         {"advice", EServiceStatus::on, std::nullopt},
         {"feedback", EServiceStatus::on, std::nullopt}});
  offer(store, kPsychiatry, basic_except({}));
  offer(store, kPsychiatry,
        {{"examination_question", EServiceStatus::on, std::nullopt},
         {"feedback", EServiceStatus::on, std::nullopt},
         {"standalone_timebook", EServiceStatus::off, std::nullopt}});
  offer(store, kHomeCare,
        basic_except({{"renew_prescription", EServiceStatus::not_applicable,
                       "Recept förnyas av din vårdcentral."},
                      {"self_referral", EServiceStatus::not_applicable,
                       "Hemtjänst söks hos kommunens biståndshandläggare."},
                      {"referral_question", EServiceStatus::not_applicable,
                       "Hemtjänsten tar inte emot remisser."},
                      {"certificate_request", EServiceStatus::not_applicable,
                       "Hemtjänsten utfärdar inte medicinska intyg."}}));
  offer(store, kHomeCare, {{"feedback", EServiceStatus::on, std::nullopt}});
}

struct DemoPatient {
  int n;
  const char* system;
  const char* value;
  const char* given;
  const char* family;
  const char* birth;
};

// Fictional people. Serial numbers 98x–99x follow the habit of Sweden's published test
// personnummer; Tolvan Tolvansson is the classic test number.
const DemoPatient kPatients[] = {
    {101, kPersonnummer, "201605149820", "Ella", "Lindqvist", "2016-05-14"},
    {102, kPersonnummer, "198403029872", "Johan", "Lindqvist", "1984-03-02"},
    {103, kPersonnummer, "198609199909", "Sara", "Lindqvist", "1986-09-19"},
    {104, kPersonnummer, "201103029847", "Nora", "Berglund", "2011-03-02"},
    {105, kSamordningsnummer, "199007729933", "Amir", "Haddad", "1990-07-12"},
    {106, kPersonnummer, "193809309861", "Greta", "Holm", "1938-09-30"},
    {107, kPersonnummer, "197506119812", "Erik", "Sandberg", "1975-06-11"},
    {108, kPersonnummer, "195801189951", "Lars", "Åberg", "1958-01-18"},
    {109, kPersonnummer, "191212121212", "Tolvan", "Tolvansson", "1912-12-12"},
};

struct DemoStaff {
  int n;
  const char* hsa;
  const char* given;
  const char* family;
  const char* title;
  std::vector<identity::Assignment> assignments;
};

void load_people(db::Database& db) {
  identity::Store store(db);
  for (const auto& p : kPatients) {
    store.upsert_patient(
        {demo_id(p.n), p.system, p.value, p.given, p.family, p.birth, std::nullopt, std::nullopt});
  }
  store.link_guardian(demo_id(102), demo_id(101));
  store.link_guardian(demo_id(103), demo_id(101));

  const std::vector<DemoStaff> staff{
      {201,
       "SE2321000131-S000000000201",
       "Karin",
       "Ekström",
       "Specialist i allmänmedicin",
       {{kPrimaryCare, StaffRole::doctor}}},
      {202,
       "SE2321000131-S000000000202",
       "Anna",
       "Nilsson",
       "Distriktssköterska",
       {{kPrimaryCare, StaffRole::clinician}, {kPrimaryCare, StaffRole::eservice_admin}}},
      {203,
       "SE2321000131-S000000000203",
       "Mats",
       "Johansson",
       "Verksamhetschef",
       {{kPrimaryCare, StaffRole::unit_manager}}},
      {204,
       "SE2321000131-S000000000204",
       "Sofia",
       "Berg",
       "Arbetsterapeut",
       {{kHabilitation, StaffRole::clinician}, {kHabilitation, StaffRole::eservice_admin}}},
      {205,
       "SE2321000131-S000000000205",
       "Leila",
       "Karimi",
       "Specialist i psykiatri",
       {{kPsychiatry, StaffRole::doctor}}},
      {206,
       "SE2321000131-S000000000206",
       "Jonas",
       "Ek",
       "Enhetschef",
       {{kHabilitation, StaffRole::unit_manager}, {kPsychiatry, StaffRole::unit_manager}}},
      {207,
       "SE2120000000-S000000000207",
       "Peter",
       "Lund",
       "Undersköterska",
       {{kHomeCare, StaffRole::clinician}}},
      {208,
       "SE2120000000-S000000000208",
       "Maria",
       "Ek",
       "Enhetschef hemtjänst",
       {{kHomeCare, StaffRole::unit_manager}, {kHomeCare, StaffRole::eservice_admin}}},
      {209,
       "SE2321000131-S000000000209",
       "Olof",
       "Strand",
       "Regional förvaltare",
       {{std::nullopt, StaffRole::region_admin}}},
  };
  for (const auto& s : staff) {
    store.upsert_staff({demo_id(s.n), s.hsa, s.given, s.family, s.title, s.assignments});
    // Demo staff may also try the password + TOTP log-in; hashed once, kept across restarts.
    if (!store.find_credentials(demo_id(s.n))) {
      store.set_password(demo_id(s.n), identity::hash_password(kDemoStaffPassword), 0);
    }
  }
}

// E5/M3: clinics with a designated e-service administrator have published their e-services;
// psychiatry has none yet, so patients see it cannot take cases. Björkdalen accepts photos.
void load_eservice_settings(db::Database& db) {
  eservices::Store store(db);
  db.transaction([&](soci::session& sql) {
    for (const auto& clinic : {kPrimaryCare, kHabilitation, kHomeCare}) {
      auto settings = store.settings(sql, clinic);
      settings.published = true;
      if (clinic == kPrimaryCare) {
        settings.images = {true, {"image/jpeg", "image/png"}, 1'000'000, 30};
      }
      store.save_settings(sql, clinic, settings);
    }
    // A3: what Björkdalen publishes beside its e-services.
    store.replace_information(
        sql, kPrimaryCare,
        {{{"Så använder du e-tjänsterna på 1177",
           "https://www.1177.se/om-1177/nar-du-loggar-in-pa-1177/"},
          {"Egenvård och råd", "https://www.1177.se/"}},
         {{"Teknisk support för e-tjänsterna", "0771-11 77 00", "", "Alla dagar, dygnet runt"},
          {"E-tjänstansvarig på mottagningen", "", "etjanster.bjorkdalen@example.se",
           "Vardagar 8–16"}}});
  });
}

// Björkdalen's timebook: Karin's visits (self-bookable) on weekday mornings and video on
// Tuesday and Thursday afternoons; Anna's phone calls. Slots follow when the server starts.
void load_booking(db::Database& db) {
  using booking::Channel;
  using booking::Profession;
  booking::Store store(db);
  const auto karin = demo_id(201);
  const auto anna = demo_id(202);
  const booking::AppointmentType visit{demo_id(301),       kPrimaryCare, "Läkarbesök",
                                       "Doctor's visit",   30,           Channel::in_person,
                                       Profession::doctor, true};
  const booking::AppointmentType video{
      demo_id(302), kPrimaryCare,   "Videobesök hos läkare", "Video visit with a doctor",
      20,           Channel::video, Profession::doctor,      false};
  const booking::AppointmentType phone{demo_id(303),
                                       kPrimaryCare,
                                       "Telefonsamtal med sjuksköterska",
                                       "Phone call with a nurse",
                                       15,
                                       Channel::phone,
                                       Profession::other,
                                       false};
  db.transaction([&](soci::session& sql) {
    for (const auto& t : {visit, video, phone}) store.insert_type(sql, t);
    int n = 310;
    for (int weekday = 1; weekday <= 5; ++weekday) {
      store.insert_opening_hours(sql, {demo_id(n++),
                                       kPrimaryCare,
                                       karin,
                                       visit.id,
                                       weekday,
                                       8 * 60,
                                       11 * 60,
                                       "2026-01-01",
                                       {}});
    }
    for (const int weekday : {2, 4}) {
      store.insert_opening_hours(sql, {demo_id(n++),
                                       kPrimaryCare,
                                       karin,
                                       video.id,
                                       weekday,
                                       13 * 60,
                                       15 * 60,
                                       "2026-01-01",
                                       {}});
    }
    for (const int weekday : {1, 3}) {
      store.insert_opening_hours(sql, {demo_id(n++),
                                       kPrimaryCare,
                                       anna,
                                       phone.id,
                                       weekday,
                                       13 * 60,
                                       15 * 60,
                                       "2026-01-01",
                                       {}});
    }
  });
}

// Karin has completed the platform training (A1) and may host video meetings from the
// workplace; nobody is approved for meetings from home yet (the unit manager decides).
void load_meetings(db::Database& db) {
  meetings::Store store(db);
  db.transaction([&](soci::session& sql) {
    if (!store.training(sql, demo_id(201))) {
      store.save_training(sql, {demo_id(201), "2026-09-01", demo_id(203)}, 0);
    }
  });
}

}  // namespace

void load_demo_data(db::Database& db) {
  load_directory(db);
  load_people(db);
  load_eservice_settings(db);
  load_booking(db);
  load_meetings(db);
}

std::vector<DemoPerson> demo_people() {
  return {
      {"patient (adult)", "Erik Sandberg", "750611-9812"},
      {"guardian of Ella Lindqvist (born 2016)", "Sara Lindqvist", "860919-9909"},
      {"patient born 2011", "Nora Berglund", "110302-9847"},
      {"patient with samordningsnummer", "Amir Haddad", "900772-9933"},
      {"patient born 1938", "Greta Holm", "380930-9861"},
      {"staff: doctor, Vårdcentralen Björkdalen", "Karin Ekström", "SE2321000131-S000000000201"},
      {"staff: nurse and e-service administrator", "Anna Nilsson", "SE2321000131-S000000000202"},
      {"staff: unit manager", "Mats Johansson", "SE2321000131-S000000000203"},
      {"staff: region administrator", "Olof Strand", "SE2321000131-S000000000209"},
  };
}

}  // namespace oppenvard::app
