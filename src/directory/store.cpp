#include "directory/store.hpp"

#include <unordered_map>

#include "directory/rules.hpp"

namespace oppenvard::directory {
namespace {

// Reference data of E1 (basic offering) and E2 (recommended services) lives in the
// migration: every installation has the same service codes.
constexpr std::string_view kCreateRegions =
    "CREATE TABLE regions (id TEXT PRIMARY KEY, name TEXT NOT NULL)";
constexpr std::string_view kCreateAdministrations =
    "CREATE TABLE administrations ("
    " id TEXT PRIMARY KEY,"
    " region_id TEXT NOT NULL REFERENCES regions (id),"
    " name TEXT NOT NULL,"
    " owner TEXT NOT NULL CHECK (owner IN ('region', 'municipality')))";
constexpr std::string_view kCreateCareUnits =
    "CREATE TABLE care_units ("
    " id TEXT PRIMARY KEY,"
    " hsa_id TEXT NOT NULL UNIQUE,"
    " name TEXT NOT NULL,"
    " kind TEXT NOT NULL CHECK (kind IN ('primary_care', 'habilitation', 'psychiatry', "
    "'home_care')),"
    " administration_id TEXT NOT NULL REFERENCES administrations (id),"
    " street TEXT NOT NULL, postal_code TEXT NOT NULL, city TEXT NOT NULL,"
    " phone TEXT NOT NULL, email TEXT NOT NULL, opening_hours TEXT NOT NULL,"
    " description TEXT NOT NULL,"
    " search_text TEXT NOT NULL,"
    " sort_key TEXT NOT NULL)";
constexpr std::string_view kIndexCareUnits =
    "CREATE INDEX care_units_by_sort_key ON care_units (sort_key, id)";
constexpr std::string_view kCreateKinds =
    "CREATE TABLE eservice_kinds ("
    " code TEXT PRIMARY KEY,"
    " category TEXT NOT NULL CHECK (category IN ('basic', 'recommended', 'custom')),"
    " name_sv TEXT NOT NULL, name_en TEXT NOT NULL,"
    " sort_order INTEGER NOT NULL,"
    " owner_care_unit_id TEXT REFERENCES care_units (id))";
constexpr std::string_view kCreateOffers =
    "CREATE TABLE clinic_eservices ("
    " care_unit_id TEXT NOT NULL REFERENCES care_units (id),"
    " code TEXT NOT NULL REFERENCES eservice_kinds (code),"
    " status TEXT NOT NULL CHECK (status IN ('on', 'off', 'not_applicable')),"
    " reason TEXT,"
    " PRIMARY KEY (care_unit_id, code),"
    " CHECK (status <> 'not_applicable' OR reason IS NOT NULL))";
constexpr std::string_view kSeedKinds =
    "INSERT INTO eservice_kinds (code, category, name_sv, name_en, sort_order) VALUES"
    " ('book_appointment', 'basic', 'Boka tid', 'Book an appointment', 10),"
    " ('cancel_rebook', 'basic', 'Av- och omboka tid', 'Cancel or rebook an appointment', 20),"
    " ('renew_prescription', 'basic', 'Förnya recept', 'Renew a prescription', 30),"
    " ('contact_me', 'basic', 'Kontakta mig', 'Contact me', 40),"
    " ('send_message', 'basic', 'Skicka meddelande', 'Send a message', 50),"
    " ('self_referral', 'basic', 'Egenremiss', 'Self-referral', 60),"
    " ('referral_question', 'basic', 'Fråga om min remiss', 'Ask about my referral', 70),"
    " ('certificate_request', 'basic', 'Beställ intyg', 'Request a certificate', 80),"
    " ('advice', 'recommended', 'Rådgivning', 'Advice', 110),"
    " ('renew_assistive_device', 'recommended', 'Förnya hjälpmedel', "
    "'Renew an assistive device', 120),"
    " ('feedback', 'recommended', 'Hjälp oss att bli bättre', 'Help us improve', 130),"
    " ('lifestyle_advice', 'recommended', 'Levnadsvanor', 'Lifestyle advice', 140),"
    " ('specialist_contact', 'recommended', 'Kontakta specialistsjuksköterska', "
    "'Contact a specialist nurse', 150),"
    " ('examination_question', 'recommended', 'Frågor om undersökningar', "
    "'Questions about examinations', 160),"
    " ('standalone_timebook', 'recommended', 'Tidbok', 'Self-booking', 170),"
    " ('web_booking', 'recommended', 'Webbtidbok', 'Web booking', 180)";

constexpr std::string_view kClinicColumns =
    "c.id, c.hsa_id, c.name, c.kind, a.id, a.name, c.street, c.postal_code, c.city, c.phone, "
    "c.email, c.opening_hours, c.description, c.sort_key";
// One filter for the page and for its offers, so both see the same clinics.
constexpr std::string_view kPageFilter =
    " FROM care_units c JOIN administrations a ON a.id = c.administration_id"
    " WHERE c.search_text LIKE :pattern ESCAPE '\\'"
    " AND (c.sort_key > :after_key OR (c.sort_key = :after_key_eq AND c.id > :after_id))"
    " ORDER BY c.sort_key, c.id LIMIT :limit";
constexpr std::string_view kOfferColumns =
    "SELECT o.care_unit_id, o.code, k.category, k.name_sv, k.name_en, o.status, o.reason"
    " FROM clinic_eservices o JOIN eservice_kinds k ON k.code = o.code";
constexpr std::string_view kOffersOrder = " AND o.status <> 'off' ORDER BY k.sort_order, k.code";

constexpr std::string_view kUpsertRegion =
    "INSERT INTO regions (id, name) VALUES (:id, :name)"
    " ON CONFLICT (id) DO UPDATE SET name = excluded.name";
constexpr std::string_view kUpsertAdministration =
    "INSERT INTO administrations (id, region_id, name, owner) VALUES (:id, :region, :name, :owner)"
    " ON CONFLICT (id) DO UPDATE SET name = excluded.name, owner = excluded.owner";
constexpr std::string_view kUpsertClinic =
    "INSERT INTO care_units (id, hsa_id, name, kind, administration_id, street, postal_code,"
    " city, phone, email, opening_hours, description, search_text, sort_key)"
    " VALUES (:id, :hsa, :name, :kind, :adm, :street, :postal, :city, :phone, :email, :hours,"
    " :description, :search, :sort)"
    " ON CONFLICT (id) DO UPDATE SET hsa_id = excluded.hsa_id, name = excluded.name,"
    " kind = excluded.kind, administration_id = excluded.administration_id,"
    " street = excluded.street, postal_code = excluded.postal_code, city = excluded.city,"
    " phone = excluded.phone, email = excluded.email, opening_hours = excluded.opening_hours,"
    " description = excluded.description, search_text = excluded.search_text,"
    " sort_key = excluded.sort_key";
constexpr std::string_view kUpsertKind =
    "INSERT INTO eservice_kinds (code, category, name_sv, name_en, sort_order,"
    " owner_care_unit_id) VALUES (:code, :category, :sv, :en, :sort, :owner)"
    " ON CONFLICT (code) DO UPDATE SET category = excluded.category, name_sv = excluded.name_sv,"
    " name_en = excluded.name_en, sort_order = excluded.sort_order,"
    " owner_care_unit_id = excluded.owner_care_unit_id";
constexpr std::string_view kUpsertOffer =
    "INSERT INTO clinic_eservices (care_unit_id, code, status, reason)"
    " VALUES (:clinic, :code, :status, :reason)"
    " ON CONFLICT (care_unit_id, code) DO UPDATE SET status = excluded.status,"
    " reason = excluded.reason";

Clinic clinic_from(const soci::row& r) {
  Clinic c;
  c.id = r.get<std::string>(0);
  c.hsa_id = r.get<std::string>(1);
  c.name = r.get<std::string>(2);
  c.kind = clinic_kind_from(r.get<std::string>(3)).value_or(ClinicKind::primary_care);
  c.administration_id = r.get<std::string>(4);
  c.administration_name = r.get<std::string>(5);
  c.street = r.get<std::string>(6);
  c.postal_code = r.get<std::string>(7);
  c.city = r.get<std::string>(8);
  c.phone = r.get<std::string>(9);
  c.email = r.get<std::string>(10);
  c.opening_hours = r.get<std::string>(11);
  c.description = r.get<std::string>(12);
  return c;
}

std::pair<std::string, EServiceOffer> offer_from(const soci::row& r) {
  EServiceOffer o;
  o.code = r.get<std::string>(1);
  o.category = category_from(r.get<std::string>(2)).value_or(EServiceCategory::custom);
  o.name_sv = r.get<std::string>(3);
  o.name_en = r.get<std::string>(4);
  o.status = status_from(r.get<std::string>(5)).value_or(EServiceStatus::off);
  if (r.get_indicator(6) == soci::i_ok) o.reason = r.get<std::string>(6);
  return {r.get<std::string>(0), std::move(o)};
}

}  // namespace

std::vector<db::Migration> migrations() {
  return {{"directory/0001_clinics",
           {kCreateRegions, kCreateAdministrations, kCreateCareUnits, kIndexCareUnits, kCreateKinds,
            kCreateOffers, kSeedKinds}}};
}

ClinicPage Store::list(const ClinicQuery& query) {
  return db_.with_session([&](soci::session& sql) {
    const std::string pattern = contains_pattern(fold_for_search(query.text));
    const std::string after_key = query.after ? query.after->sort_key : "";
    const std::string after_id = query.after ? query.after->id : "";
    const int fetch = query.limit + 1;  // one extra tells whether a next page exists
    ClinicPage page;
    std::vector<std::string> sort_keys;
    {
      soci::rowset<soci::row> rows =
          (sql.prepare << "SELECT " + std::string(kClinicColumns) + std::string(kPageFilter),
           soci::use(pattern, "pattern"), soci::use(after_key, "after_key"),
           soci::use(after_key, "after_key_eq"), soci::use(after_id, "after_id"),
           soci::use(fetch, "limit"));
      for (const auto& row : rows) {
        page.items.push_back(clinic_from(row));
        sort_keys.push_back(row.get<std::string>(13));
      }
    }
    if (page.items.size() > static_cast<std::size_t>(query.limit)) {
      page.items.pop_back();
      page.next = Cursor{sort_keys[page.items.size() - 1], page.items.back().id};
    }
    if (page.items.empty()) return page;
    std::unordered_map<std::string, Clinic*> by_id;
    for (auto& c : page.items) by_id.emplace(c.id, &c);
    soci::rowset<soci::row> offers =
        (sql.prepare << std::string(kOfferColumns) + " WHERE o.care_unit_id IN (SELECT c.id" +
                            std::string(kPageFilter) + ")" + std::string(kOffersOrder),
         soci::use(pattern, "pattern"), soci::use(after_key, "after_key"),
         soci::use(after_key, "after_key_eq"), soci::use(after_id, "after_id"),
         soci::use(query.limit, "limit"));
    for (const auto& row : offers) {
      auto [clinic_id, offer] = offer_from(row);
      if (auto it = by_id.find(clinic_id); it != by_id.end()) {
        it->second->eservices.push_back(std::move(offer));
      }
    }
    return page;
  });
}

std::optional<Clinic> Store::find(const std::string& id) {
  return db_.with_session([&](soci::session& sql) -> std::optional<Clinic> {
    std::optional<Clinic> clinic;
    {
      soci::rowset<soci::row> rows =
          (sql.prepare << "SELECT " + std::string(kClinicColumns) +
                              " FROM care_units c JOIN administrations a"
                              " ON a.id = c.administration_id WHERE c.id = :id",
           soci::use(id, "id"));
      for (const auto& row : rows) clinic = clinic_from(row);
    }
    if (!clinic) return std::nullopt;
    soci::rowset<soci::row> offers =
        (sql.prepare << std::string(kOfferColumns) + " WHERE o.care_unit_id = :id" +
                            std::string(kOffersOrder),
         soci::use(id, "id"));
    for (const auto& row : offers) clinic->eservices.push_back(offer_from(row).second);
    return clinic;
  });
}

void Store::upsert_region(const std::string& id, const std::string& name) {
  db_.transaction([&](soci::session& sql) {
    sql << kUpsertRegion, soci::use(id, "id"), soci::use(name, "name");
  });
}

void Store::upsert_administration(const std::string& region_id, const NewAdministration& a) {
  db_.transaction([&](soci::session& sql) {
    sql << kUpsertAdministration, soci::use(a.id, "id"), soci::use(region_id, "region"),
        soci::use(a.name, "name"), soci::use(a.owner, "owner");
  });
}

void Store::upsert_clinic(const Clinic& c) {
  const std::string kind(to_string(c.kind));
  const std::string search = fold_for_search(c.name + " " + c.city);
  const std::string sort = swedish_sort_key(c.name);
  db_.transaction([&](soci::session& sql) {
    sql << kUpsertClinic, soci::use(c.id, "id"), soci::use(c.hsa_id, "hsa"),
        soci::use(c.name, "name"), soci::use(kind, "kind"), soci::use(c.administration_id, "adm"),
        soci::use(c.street, "street"), soci::use(c.postal_code, "postal"),
        soci::use(c.city, "city"), soci::use(c.phone, "phone"), soci::use(c.email, "email"),
        soci::use(c.opening_hours, "hours"), soci::use(c.description, "description"),
        soci::use(search, "search"), soci::use(sort, "sort");
  });
}

void Store::upsert_eservice_kind(const EServiceOffer& kind, int sort_order,
                                 const std::optional<std::string>& owner_clinic_id) {
  const std::string category(to_string(kind.category));
  const std::string owner = owner_clinic_id.value_or("");
  soci::indicator owner_ind = owner_clinic_id ? soci::i_ok : soci::i_null;
  db_.transaction([&](soci::session& sql) {
    sql << kUpsertKind, soci::use(kind.code, "code"), soci::use(category, "category"),
        soci::use(kind.name_sv, "sv"), soci::use(kind.name_en, "en"), soci::use(sort_order, "sort"),
        soci::use(owner, owner_ind, "owner");
  });
}

void Store::set_offer(const std::string& clinic_id, const std::string& code, EServiceStatus status,
                      const std::optional<std::string>& reason) {
  const std::string status_text(to_string(status));
  const std::string reason_text = reason.value_or("");
  soci::indicator reason_ind = reason ? soci::i_ok : soci::i_null;
  db_.transaction([&](soci::session& sql) {
    sql << kUpsertOffer, soci::use(clinic_id, "clinic"), soci::use(code, "code"),
        soci::use(status_text, "status"), soci::use(reason_text, reason_ind, "reason");
  });
}

}  // namespace oppenvard::directory
