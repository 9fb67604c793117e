#include "engine/extract.h"

#include <gtest/gtest.h>

namespace cairn::engine {
namespace {

using nlohmann::json;

const Relation* Find(const Extracted& x, const std::string& type) {
  for (const auto& r : x.relations) {
    if (r.type == type) return &r;
  }
  return nullptr;
}

TEST(Extract, CompanyIsRegisteredAtItsAddress) {
  auto x = Extract("companies_house_companies",
                   json::parse(R"({"company_number":"SC612345","company_name":"CLYDE TAVERNS LTD",
                     "registered_address":{"address_line_1":"12 HIGH STREET","post_town":"PAISLEY","postcode":"PA1 1AA"}})"));
  ASSERT_EQ(x.mentions.size(), 2u);
  EXPECT_EQ(x.mentions[0].kind, "organisation");
  EXPECT_EQ(x.mentions[0].company_number, "SC612345");
  EXPECT_EQ(x.mentions[1].kind, "address");
  EXPECT_EQ(x.mentions[1].postcode, "PA1 1AA");
  const Relation* r = Find(x, "registered_at");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->from, 0u);
  EXPECT_EQ(r->to, 1u);
}

TEST(Extract, OfficerIsAPersonWithDatesAndRole) {
  auto x = Extract("companies_house_officers", json::parse(R"({"company_number":"SC612345","data":{
      "name":"SMITH, John Robert","officer_role":"director","appointed_on":"2015-01-01","resigned_on":"2019-06-30",
      "date_of_birth":{"month":3,"year":1970},"address":{"premises":"12","address_line_1":"High Street","postal_code":"PA1 1AA"}}})"));
  ASSERT_GE(x.mentions.size(), 2u);
  const Mention& officer = x.mentions[1];
  EXPECT_EQ(officer.kind, "person");
  EXPECT_EQ(officer.surname, "SMITH");
  EXPECT_EQ(officer.given_name, "John Robert");
  EXPECT_EQ(officer.birth_date, "1970-03");
  EXPECT_EQ(officer.postcode, "PA1 1AA");
  const Relation* r = Find(x, "officer_of");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(x.mentions[r->to].company_number, "SC612345");
  EXPECT_EQ(r->start, "2015-01-01");
  EXPECT_EQ(r->end, "2019-06-30");
  EXPECT_EQ(r->detail["role"], "director");
  EXPECT_NE(Find(x, "lives_at"), nullptr);
}

TEST(Extract, CorporatePscIsAnOrganisationWithItsRegistration) {
  auto x = Extract("companies_house_psc", json::parse(R"({"company_number":"SC612345","data":{
      "kind":"corporate-entity-person-with-significant-control","name":"CLYDE HOLDINGS LIMITED",
      "identification":{"registration_number":"SC500001"},"natures_of_control":["ownership-of-shares-50-to-75-percent"],
      "notified_on":"2019-02-01"}})"));
  const Relation* r = Find(x, "psc_of");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(x.mentions[r->from].kind, "organisation");
  EXPECT_EQ(x.mentions[r->from].company_number, "SC500001");
  EXPECT_EQ(r->detail["natures_of_control"][0], "ownership-of-shares-50-to-75-percent");
}

TEST(Extract, PscStatementMarksTheCompanyAndNamesNoOne) {
  auto x = Extract("companies_house_psc", json::parse(R"({"company_number":"SC598765","data":{
      "kind":"persons-with-significant-control-statement","statement":"no-individual-or-entity-with-signficant-control"}})"));
  ASSERT_EQ(x.mentions.size(), 1u);
  EXPECT_EQ(x.mentions[0].reference, "no-individual-or-entity-with-signficant-control");
  EXPECT_TRUE(x.relations.empty());
}

TEST(Extract, LicenceHolderAndManagerOfThePremises) {
  auto x = Extract("licences", json::parse(R"({"licence_id":"PL/1","issuing_council":"Renfrewshire Council",
      "licence_type":"premises_alcohol","status":"granted","premises_name":"The Clyde Tavern","address":"12 High Street",
      "postcode":"PA1 1AA","holder_name":"CLYDE TAVERNS LTD","holder_type":"company","holder_company_number":"SC612345",
      "designated_premises_manager":"John Smith","granted_on":"2021-04-01"})"));
  const Relation* holder = Find(x, "licence_holder_of");
  ASSERT_NE(holder, nullptr);
  EXPECT_EQ(x.mentions[holder->from].company_number, "SC612345");
  EXPECT_EQ(holder->detail["licence_type"], "premises_alcohol");
  const Relation* dpm = Find(x, "manages");
  ASSERT_NE(dpm, nullptr);
  EXPECT_EQ(x.mentions[dpm->from].surname, "Smith");
  EXPECT_EQ(dpm->to, holder->to) << "both relate to the one premises";
}

TEST(Extract, InspectionCarriesItsSignals) {
  auto x = Extract("inspections", json::parse(R"({"report_id":"L1","date":"2024-06-11","agency":"Glasgow City Council",
      "service":"licensing","premises_name":"Glossy Nails","postcode":"G2 8AA","business_name":"GLOSSY NAILS LTD",
      "company_number":"SC598765","signals":["workers_living_on_site"]})"));
  const Relation* r = Find(x, "trades_at");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->detail["signals"][0], "workers_living_on_site");
}

TEST(Extract, IntelligenceSubjectBelongsToItsGroup) {
  auto x = Extract("intelligence_subjects", json::parse(R"({"subject_id":"PS-1","subject_type":"person",
      "name":"John Robert Smith","date_of_birth":"1970-03-15","postcode":"PA1 1AA","socg_reference":"SOCG-W-017"})"));
  EXPECT_EQ(x.mentions[0].kind, "person");
  EXPECT_EQ(x.mentions[0].surname, "Smith");
  const Relation* r = Find(x, "member_of");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(x.mentions[r->to].kind, "socg");
  EXPECT_EQ(x.mentions[r->to].reference, "SOCG-W-017");
}

TEST(Extract, ProcurementPartiesBidAndSupply) {
  auto x = Extract("ocds", json::parse(R"({"ocid":"ocds-r6ebe6-0001","buyer":{"id":"B","name":"Renfrewshire Council"},
      "parties":[{"id":"B","name":"Renfrewshire Council"},
                 {"id":"S","name":"CLYDE WASTE LTD","identifier":{"scheme":"GB-COH","id":"SC612345"},"address":{"postalCode":"PA1 1AA"}}],
      "bids":{"details":[{"status":"valid","tenderers":[{"id":"S"}]},{"status":"valid","tenderers":[{"id":"T","name":"OTHER LTD"}]}]},
      "awards":[{"status":"active","suppliers":[{"id":"S"}]}]})"));
  EXPECT_EQ(x.mentions[0].kind, "process");
  EXPECT_EQ(x.mentions[0].reference, "ocds-r6ebe6-0001");
  const Relation* supplier = Find(x, "supplier_to");
  ASSERT_NE(supplier, nullptr);
  EXPECT_EQ(x.mentions[supplier->from].company_number, "SC612345");
  EXPECT_EQ(supplier->to, 0u);
  int bids = 0;
  for (const auto& r : x.relations) bids += r.type == "bidder_in";
  EXPECT_EQ(bids, 2);
  EXPECT_NE(Find(x, "buyer_in"), nullptr);
}

TEST(Extract, SplitsBothNameOrders) {
  std::string g, s;
  SplitPersonName("SMITH, John Robert", &g, &s);
  EXPECT_EQ(g, "John Robert");
  EXPECT_EQ(s, "SMITH");
  SplitPersonName("Mr John Smith", &g, &s);
  EXPECT_EQ(g, "Mr John");
  EXPECT_EQ(s, "Smith");
}

}  // namespace
}  // namespace cairn::engine
