#include "directory/store.hpp"

#include <gtest/gtest.h>

#include "db/testing.hpp"
#include "db/uuid.hpp"
#include "directory/service.hpp"

namespace oppenvard::directory {
namespace {

class DirectoryStoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db::migrate(scratch_.db(), migrations());
    store_.upsert_region("r", "Region");
    store_.upsert_administration("r", {"adm", "Förvaltningen", "region"});
  }

  Clinic clinic(std::string name, std::string city) {
    Clinic c;
    c.id = db::new_uuid_v7();
    c.hsa_id = "SE2321000131-E" + c.id.substr(24);
    c.name = std::move(name);
    c.kind = ClinicKind::primary_care;
    c.administration_id = "adm";
    c.street = "Gatan 1";
    c.postal_code = "123 45";
    c.city = std::move(city);
    c.phone = "010-000 00 00";
    c.email = "x@example.se";
    c.opening_hours = "Mån–fre";
    c.description = "";
    store_.upsert_clinic(c);
    return c;
  }

  std::vector<std::string> names(const ClinicPage& page) {
    std::vector<std::string> out;
    for (const auto& c : page.items) out.push_back(c.name);
    return out;
  }

  db::testing::ScratchDatabase scratch_{GetParam()};
  Store store_{scratch_.db()};
  Service service_{store_};
};

TEST_P(DirectoryStoreTest, ListsInSwedishOrderAndPagesWithoutGapsOrRepeats) {
  for (const auto* n : {"Örby vårdcentral", "Åby vårdcentral", "Ärla vårdcentral",
                        "Ale vårdcentral", "Zeta vårdcentral"}) {
    clinic(n, "Stad");
  }
  std::vector<std::string> seen;
  ClinicQuery query;
  query.limit = 2;
  for (int pages = 0; pages < 10; ++pages) {
    const auto page = service_.list(query);
    for (auto& n : names(page)) seen.push_back(n);
    if (!page.next) break;
    query.after = page.next;
  }
  EXPECT_EQ(seen,
            (std::vector<std::string>{"Ale vårdcentral", "Zeta vårdcentral", "Åby vårdcentral",
                                      "Ärla vårdcentral", "Örby vårdcentral"}));
}

TEST_P(DirectoryStoreTest, SearchIgnoresCaseIncludingSwedishLetters) {
  clinic("Vårdcentralen Älvängen", "Ale");
  clinic("Hälsocentralen Norr", "Östersund");
  ClinicQuery query;
  query.text = "ÄLVÄNG";
  EXPECT_EQ(names(service_.list(query)), (std::vector<std::string>{"Vårdcentralen Älvängen"}));
  query.text = "östersund";
  EXPECT_EQ(names(service_.list(query)), (std::vector<std::string>{"Hälsocentralen Norr"}));
  query.text = "%";
  EXPECT_TRUE(service_.list(query).items.empty()) << "a wildcard must be taken literally";
}

TEST_P(DirectoryStoreTest, OffersCarryCategoryNamesAndReasonsButNotSwitchedOffServices) {
  const auto c = clinic("Habiliteringen", "Stad");
  store_.set_offer(c.id, "book_appointment", EServiceStatus::on, std::nullopt);
  store_.set_offer(c.id, "renew_prescription", EServiceStatus::not_applicable,
                   "Vi förskriver inte läkemedel.");
  store_.set_offer(c.id, "advice", EServiceStatus::off, std::nullopt);
  const Clinic found = service_.get(c.id);
  ASSERT_EQ(found.eservices.size(), 2u);
  EXPECT_EQ(found.eservices[0].code, "book_appointment");
  EXPECT_EQ(found.eservices[0].category, EServiceCategory::basic);
  EXPECT_EQ(found.eservices[0].name_sv, "Boka tid");
  EXPECT_EQ(found.eservices[1].code, "renew_prescription");
  EXPECT_EQ(found.eservices[1].status, EServiceStatus::not_applicable);
  EXPECT_EQ(found.eservices[1].reason, "Vi förskriver inte läkemedel.");
  // The list carries the same offers as the single read.
  const auto page = service_.list({});
  ASSERT_EQ(page.items.size(), 1u);
  EXPECT_EQ(page.items[0].eservices.size(), 2u);
}

TEST_P(DirectoryStoreTest, NotApplicableWithoutAReasonIsRefusedByTheDatabase) {
  const auto c = clinic("Mottagningen", "Stad");
  EXPECT_ANY_THROW(
      store_.set_offer(c.id, "self_referral", EServiceStatus::not_applicable, std::nullopt));
}

TEST_P(DirectoryStoreTest, TheBasicOfferingAndRecommendedServicesAreSeeded) {
  int basic = 0, recommended = 0;
  scratch_.db().with_session([&](soci::session& sql) {
    sql << "SELECT COUNT(*) FROM eservice_kinds WHERE category = 'basic'", soci::into(basic);
    sql << "SELECT COUNT(*) FROM eservice_kinds WHERE category = 'recommended'",
        soci::into(recommended);
  });
  EXPECT_EQ(basic, 8);
  EXPECT_EQ(recommended, 8);
}

TEST_P(DirectoryStoreTest, UnknownOrMalformedIdsAreNotFound) {
  for (const std::string& id : {db::new_uuid_v7(), std::string("not-a-uuid"), std::string("")}) {
    try {
      service_.get(id);
      ADD_FAILURE() << "found " << id;
    } catch (const DirectoryError& e) {
      EXPECT_EQ(e.error(), Error::clinic_not_found);
    }
  }
}

TEST_P(DirectoryStoreTest, UpsertUpdatesInPlace) {
  auto c = clinic("Gamla namnet", "Stad");
  c.name = "Nya namnet";
  store_.upsert_clinic(c);
  EXPECT_EQ(service_.get(c.id).name, "Nya namnet");
  EXPECT_EQ(service_.list({}).items.size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(Backends, DirectoryStoreTest, ::testing::ValuesIn(db::testing::backends()),
                         db::testing::BackendName{});

}  // namespace
}  // namespace oppenvard::directory
