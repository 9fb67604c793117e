// Guidance over HTTP: the first content set seeded and covering every indicator, Markdown with
// scripts or raw HTML neutralised, editing kept as versions and audited, who may edit, filters,
// review dates, and the public site serving public pages only, to anyone.
#include <gtest/gtest.h>

#include <set>

#include "engine/guidance.h"
#include "test_server.h"

namespace cairn {
namespace {

using model::Role;
using nlohmann::json;

TEST(Guidance, RenderingDropsRawHtmlAndScriptUrls) {
  std::string html = engine::RenderMarkdown(
      "# Title\n\n<script>alert(1)</script>\n\nText <img src=x onerror=alert(2)> and <b>bold</b>.\n\n"
      "[click](javascript:alert(3)) [data](data:text/html;base64,PHNjcmlwdD4=) [ok](how-to-report)\n\n"
      "<div onclick=\"alert(4)\">block</div>\n");
  EXPECT_NE(html.find("<h1>Title</h1>"), std::string::npos) << html;
  for (const char* bad : {"<script", "onerror", "javascript:", "data:text/html", "<b>", "onclick", "<div"})
    EXPECT_EQ(html.find(bad), std::string::npos) << bad << " in " << html;
  EXPECT_NE(html.find("<a href=\"how-to-report\">ok</a>"), std::string::npos) << html;
}

TEST(Guidance, AFileWithoutFrontMatterNamesTheFile) {
  auto r = engine::ParseGuidanceFile("content/guidance/x.md", "# no front matter\n");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("content/guidance/x.md line 1"), std::string::npos);
  r = engine::ParseGuidanceFile("content/guidance/y.md", "+++\ntitle = \"Y\"\naudiences = [\"martians\"]\n+++\nbody\n");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("unknown audience 'martians'"), std::string::npos);
}

class GuidanceApi : public ::testing::Test {
 protected:
  testing::TestServer server_;
  testing::Session partner_ = server_.Login(Role::kPartner);
  testing::Session secretariat_ = server_.Login(Role::kSecretariat);
};

TEST_F(GuidanceApi, TheFirstContentSetCoversEveryIndicatorSectorAndAudience) {
  auto r = server_.Get("/api/v1/guidance", &partner_);
  ASSERT_EQ(r.status, 200) << r.raw;
  ASSERT_GE(r.body["pages"].size(), 21u);
  std::set<std::string> indicators, audiences, sectors;
  for (const auto& p : r.body["pages"]) {
    for (const auto& i : p["indicators"]) indicators.insert(i);
    for (const auto& a : p["audiences"]) audiences.insert(a);
    for (const auto& s : p["sectors"]) sectors.insert(s);
  }
  // Every indicator a finding or a red flag can carry has a page to link to.
  for (const char* code : {"C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8", "C9", "N1", "N2", "B1", "B2", "L1", "R003",
                           "R018", "R024", "R025", "R028", "R030", "R035", "R036", "R038", "R048", "R058", "P1", "P2",
                           "P3", "P4", "P5", "P6", "P7"})
    EXPECT_TRUE(indicators.count(code)) << code << " has no guidance";
  for (const auto& [code, _] : engine::GuidanceAudiences()) EXPECT_TRUE(audiences.count(code)) << code;
  for (const char* sector : {"pubs_and_clubs", "nail_bars_and_beauty", "car_washes", "construction"})
    EXPECT_TRUE(sectors.count(sector)) << sector;
  auto page = server_.Get("/api/v1/guidance/refer-what-happens-next", &partner_);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body["html"].get<std::string>().find("<strong>Do not alert the bidder, applicant or business</strong>"),
            std::string::npos);
  auto c3 = server_.Get("/api/v1/guidance?indicator=C3", &partner_);
  ASSERT_EQ(c3.body["pages"].size(), 1u);
  EXPECT_EQ(c3.body["pages"][0]["slug"], "indicators-companies");
  auto words = server_.Get("/api/v1/guidance?q=caravan%20container", &partner_);
  EXPECT_GE(words.body["pages"].size(), 1u);
  for (const auto& p : words.body["pages"]) EXPECT_NE(p["slug"], "for-elected-members");
  auto owners = server_.Get("/api/v1/guidance?audience=business_owners", &partner_);
  for (const auto& p : owners.body["pages"])
    EXPECT_NE(std::find(p["audiences"].begin(), p["audiences"].end(), "business_owners"), p["audiences"].end());
}

TEST_F(GuidanceApi, MarkdownWithScriptsOrRawHtmlIsNeutralised) {
  auto r = server_.Send("PUT", "/api/v1/guidance/test-page", &secretariat_,
                        json{{"title", "Test"},
                             {"body", "Hello <script>steal()</script> <iframe src=evil></iframe> [x](javascript:steal())"},
                             {"audiences", {"communities"}},
                             {"public", true}}
                            .dump());
  ASSERT_EQ(r.status, 200) << r.raw;
  for (const char* bad : {"<script", "<iframe", "javascript:"}) {
    EXPECT_EQ(r.body["html"].get<std::string>().find(bad), std::string::npos) << bad;
    auto pub = server_.Get("/public/test-page", nullptr);
    EXPECT_EQ(pub.raw.find(bad), std::string::npos) << bad << " on the public page";
  }
  EXPECT_EQ(r.body["body"], "Hello <script>steal()</script> <iframe src=evil></iframe> [x](javascript:steal())")
      << "the source is kept as written; only its rendering is neutralised";
}

TEST_F(GuidanceApi, EditsAreVersionedAuditedAndForTheSecretariatOnly) {
  json page = {{"title", "Scrap yards"}, {"body", "Version one."}, {"audiences", {"regulatory_services"}},
               {"sectors", {"waste_and_scrap"}}, {"review_on", "2027-06-30"}};
  auto r = server_.Send("PUT", "/api/v1/guidance/sector-scrap-yards", &partner_, page.dump());
  EXPECT_EQ(r.status, 403);
  r = server_.Send("PUT", "/api/v1/guidance/sector-scrap-yards", &secretariat_, page.dump());
  ASSERT_EQ(r.status, 200) << r.raw;
  EXPECT_EQ(r.body["version"], 1);
  page["body"] = "Version two.";
  r = server_.Send("PUT", "/api/v1/guidance/sector-scrap-yards", &secretariat_, page.dump());
  EXPECT_EQ(r.body["version"], 2);
  EXPECT_EQ(server_.Count("guidance_versions WHERE version = 2"), 1);
  EXPECT_EQ(server_.Count("audit_log WHERE record_type = 'guidance' AND record_id = 'sector-scrap-yards'"), 2);
  // Bad input names its field and writes nothing.
  int64_t versions = server_.Count("guidance_versions");
  for (auto [field, value] : {std::pair<std::string, json>{"review_on", "next year"}, {"audiences", json::array({"martians"})},
                              {"body", "  "}}) {
    json bad = page;
    bad[field] = value;
    r = server_.Send("PUT", "/api/v1/guidance/sector-scrap-yards", &secretariat_, bad.dump());
    EXPECT_EQ(r.status, 422) << field;
    EXPECT_EQ(r.body["error"]["field"], field);
  }
  r = server_.Send("PUT", "/api/v1/guidance/Not_A_Slug", &secretariat_, page.dump());
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(server_.Count("guidance_versions"), versions);
  // A seeded page an editor changed is not put back by the next seeding.
  r = server_.Send("PUT", "/api/v1/guidance/how-to-report", &secretariat_,
                   json{{"title", "How to report (edited)"}, {"body", "Edited."}, {"public", true}}.dump());
  ASSERT_EQ(r.status, 200);
  ASSERT_TRUE(engine::SeedGuidance(server_.env()).ok());
  EXPECT_EQ(server_.Get("/api/v1/guidance/how-to-report", &partner_).body["title"], "How to report (edited)");
}

TEST_F(GuidanceApi, PagesPastTheirReviewDateAreFlagged) {
  EXPECT_FALSE(server_.Get("/api/v1/guidance/how-to-report", &partner_).body["review_due"]);
  server_.clock().Advance(std::chrono::hours(24 * 400));  // past 2027-11-30
  testing::Session again = server_.Login(Role::kPartner);
  EXPECT_TRUE(server_.Get("/api/v1/guidance/how-to-report", &again).body["review_due"]);
}

TEST_F(GuidanceApi, ThePublicSiteServesPublicPagesOnlyToAnyone) {
  auto home = server_.Get("/public/", nullptr);
  ASSERT_EQ(home.status, 200);
  EXPECT_NE(home.headers.find("Content-Type")->second.find("text/html"), std::string::npos);
  EXPECT_EQ(home.headers.count("Set-Cookie"), 0u);
  EXPECT_NE(home.raw.find("href=\"/public/how-to-report\""), std::string::npos);
  EXPECT_NE(home.raw.find("href=\"/public/doorstep-crime\""), std::string::npos);
  EXPECT_EQ(home.raw.find("for-procurement"), std::string::npos) << "not a public page";
  EXPECT_EQ(home.raw.find("<script"), std::string::npos);
  EXPECT_NE(home.raw.find("name=\"viewport\""), std::string::npos) << "readable on a phone";
  auto page = server_.Get("/public/sector-car-washes", nullptr);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.raw.find("<h1>Hand car washes</h1>"), std::string::npos);
  EXPECT_NE(page.raw.find("0800 555 111"), std::string::npos);
  for (const char* hidden : {"/public/for-procurement", "/public/refer-what-happens-next", "/public/no-such-page",
                             "/public/..%2Fapi%2Fv1%2Fusers", "/public/%2e%2e/api/v1/users"}) {
    auto r = server_.Get(hidden, nullptr);
    EXPECT_EQ(r.status, 404) << hidden;
    EXPECT_EQ(r.raw.find("\"users\""), std::string::npos) << hidden;
  }
  EXPECT_EQ(server_.Get("/public", nullptr).status, 301);
  // Unpublishing takes a page off the site at once.
  auto r = server_.Send("PUT", "/api/v1/guidance/sector-car-washes", &secretariat_,
                        json{{"title", "Hand car washes"}, {"body", "Draft."}, {"public", false}}.dump());
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(server_.Get("/public/sector-car-washes", nullptr).status, 404);
  EXPECT_EQ(server_.Get("/public/", nullptr).raw.find("sector-car-washes"), std::string::npos);
}

}  // namespace
}  // namespace cairn
