// Case studies, the resource library and search over HTTP: filters, restricted case studies seen
// only by the organisations named (every read audited), links from tasks and meetings, uploads
// checked by their bytes (type, misleading extension, size, the virus-scan hook), versions and
// download counts, course materials, and search that respects permissions.
#include <gtest/gtest.h>

#include <set>

#include "test_server.h"

namespace cairn {
namespace {

using model::Role;
using nlohmann::json;
using testing::Session;

const std::string kPdf =
    "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
    "trailer << /Root 1 0 R >>\n%%EOF\n";
const std::string kPng = std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89", 33);

class LibraryApi : public ::testing::Test {
 protected:
  explicit LibraryApi(config::Settings settings = config::Defaults()) : server_(settings) {}
  void SetUp() override {
    partner_ = server_.Login(Role::kPartner);  // Scottish Government
    police_ = server_.AddUserAndLogin("police.one", Role::kAnalyst, "police-scotland");
    hmrc_ = server_.AddUserAndLogin("hmrc.one", Role::kPartner, "hmrc");
  }
  json CaseStudy(bool restricted) {
    json c = {{"title", restricted ? "Car wash labour exploitation, Fife" : "Licensing refusal for a nail bar"},
              {"summary", "Inspectors saw workers **living on site**; a joint visit followed."},
              {"sector", restricted ? "car_washes" : "nail_bars_and_beauty"},
              {"crime_types", {"human_trafficking"}},
              {"council_area", "Fife"},
              {"indicators", {"B2", "L1"}},
              {"strand", restricted ? "disrupt" : "deter"},
              {"outcome", restricted ? "Premises closed; 6 people safeguarded" : "Licence refused"},
              {"restricted", restricted}};
    if (restricted) c["shared_with"] = {server_.OrganisationId("police-scotland")};
    return c;
  }
  testing::Response Upload(const Session& s, int64_t id, const std::string& filename, const std::string& bytes) {
    return server_.Send("POST", "/api/v1/resources/" + std::to_string(id) + "/file?filename=" + filename, &s, bytes, {},
                        "application/octet-stream");
  }

  testing::TestServer server_;
  Session partner_, police_, hmrc_;
};

TEST_F(LibraryApi, RestrictedCaseStudiesAreForTheNamedOrganisationsOnlyAndAudited) {
  auto open = server_.Post("/api/v1/case-studies", &partner_, CaseStudy(false));
  ASSERT_EQ(open.status, 201) << open.raw;
  auto closed = server_.Post("/api/v1/case-studies", &partner_, CaseStudy(true));
  ASSERT_EQ(closed.status, 201) << closed.raw;
  EXPECT_NE(closed.body["html"].get<std::string>().find("<strong>living on site</strong>"), std::string::npos);
  std::string closed_path = "/api/v1/case-studies/" + std::to_string(closed.body["id"].get<int64_t>());

  EXPECT_EQ(server_.Get("/api/v1/case-studies", &hmrc_).body["case_studies"].size(), 1u) << "the open one only";
  EXPECT_EQ(server_.Get(closed_path, &hmrc_).status, 404);
  EXPECT_EQ(server_.Count("audit_log WHERE record_type = 'case_study' AND action = 'read' AND outcome = 'failure'"), 1);
  EXPECT_EQ(server_.Get("/api/v1/case-studies", &police_).body["case_studies"].size(), 2u) << "named";
  EXPECT_EQ(server_.Get(closed_path, &police_).status, 200);
  EXPECT_EQ(server_.Count("audit_log WHERE record_type = 'case_study' AND action = 'read' AND outcome = 'success'"), 2)
      << "the list and the page";
  EXPECT_EQ(server_.Send("PATCH", closed_path, &police_, CaseStudy(true).dump()).status, 403) << "named, not owner";

  // Filters.
  auto by = [&](const std::string& query) { return server_.Get("/api/v1/case-studies?" + query, &police_).body["case_studies"].size(); };
  EXPECT_EQ(by("sector=car_washes"), 1u);
  EXPECT_EQ(by("crime_type=human_trafficking"), 2u);
  EXPECT_EQ(by("area=fife"), 2u);
  EXPECT_EQ(by("strand=deter"), 1u);
  EXPECT_EQ(by("indicator=L1"), 2u);
  EXPECT_EQ(by("q=safeguarded"), 1u);

  // Bad input names its field and writes nothing.
  int64_t before = server_.Count("case_studies");
  json bad = CaseStudy(true);
  bad["shared_with"] = {999999};
  EXPECT_EQ(server_.Post("/api/v1/case-studies", &partner_, bad).body["error"]["field"], "shared_with");
  bad = CaseStudy(false);
  bad["outcome"] = "";
  EXPECT_EQ(server_.Post("/api/v1/case-studies", &partner_, bad).body["error"]["field"], "outcome");
  EXPECT_EQ(server_.Count("case_studies"), before);
  Session auditor = server_.Login(Role::kAuditor);
  EXPECT_EQ(server_.Post("/api/v1/case-studies", &auditor, CaseStudy(false)).status, 403);
}

TEST_F(LibraryApi, CaseStudiesAreLinkedFromTasksAndMeetings) {
  auto c = server_.Post("/api/v1/case-studies", &partner_, CaseStudy(false));
  int64_t id = c.body["id"];
  auto task = server_.Post("/api/v1/tasks", &partner_,
                           {{"title", "Inspect the nail bar"}, {"strand", "deter"}, {"objective", "deter-2"},
                            {"owner_organisation_id", server_.OrganisationId("scottish-government")}, {"harm", 3},
                            {"likelihood", 3}, {"confidence", 3}, {"due_date", "2026-12-31"}});
  ASSERT_EQ(task.status, 201) << task.raw;
  int64_t task_id = task.body["id"];
  auto linked = server_.Post("/api/v1/case-studies/" + std::to_string(id) + "/links", &partner_, {{"kind", "task"}, {"id", task_id}});
  ASSERT_EQ(linked.status, 200) << linked.raw;
  auto from_task = server_.Get("/api/v1/case-studies?task=" + std::to_string(task_id), &partner_);
  ASSERT_EQ(from_task.body["case_studies"].size(), 1u);
  EXPECT_EQ(from_task.body["case_studies"][0]["id"], id);
  EXPECT_EQ(server_.Post("/api/v1/case-studies/" + std::to_string(id) + "/links", &partner_, {{"kind", "task"}, {"id", 999999}}).status,
            422);
  EXPECT_EQ(server_.Post("/api/v1/case-studies/" + std::to_string(id) + "/links", &partner_, {{"kind", "email"}, {"id", 1}})
                .body["error"]["field"],
            "kind");
}

TEST_F(LibraryApi, UploadsAreCheckedByTheirBytesVersionedAndCounted) {
  auto r = server_.Post("/api/v1/resources", &partner_,
                        {{"title", "SOC awareness for procurement: slides"}, {"course", "soc-procurement"},
                         {"audiences", {"procurement"}}, {"topics", {"procurement", "bidder screening"}}});
  ASSERT_EQ(r.status, 201) << r.raw;
  int64_t id = r.body["id"];
  auto up = Upload(partner_, id, "handout.pdf", kPdf);
  ASSERT_EQ(up.status, 201) << up.raw;
  EXPECT_EQ(up.body["version"], 1);
  EXPECT_EQ(up.body["versions"][0]["content_type"], "application/pdf");

  // The wrong type, a misleading extension, an empty file: refused with the reason, nothing kept.
  auto png_as_pdf = Upload(partner_, id, "handout.pdf", kPng);
  EXPECT_EQ(png_as_pdf.status, 422);
  EXPECT_NE(png_as_pdf.body["error"]["message"].get<std::string>().find("says .pdf but its content is image/png"),
            std::string::npos)
      << png_as_pdf.raw;
  auto exe = Upload(partner_, id, "handout.pdf", std::string("MZ\x90\0\x03\0\0\0\x04\0\0\0\xff\xff\0\0", 16) + std::string(200, 'A'));
  EXPECT_EQ(exe.status, 422);
  EXPECT_NE(exe.body["error"]["message"].get<std::string>().find("does not take this kind of file"), std::string::npos) << exe.raw;
  EXPECT_EQ(Upload(partner_, id, "empty.pdf", "").status, 422);
  EXPECT_EQ(Upload(partner_, id, "../../etc/x.pdf", kPdf).body["error"]["field"], "filename");
  EXPECT_EQ(server_.Count("resource_versions"), 1);
  EXPECT_EQ(Upload(hmrc_, id, "mine.pdf", kPdf).status, 403) << "another organisation's resource";

  // A real spreadsheet (the progress report) is taken as one.
  auto xlsx = server_.Get("/api/v1/reports/progress?format=xlsx", &partner_);
  ASSERT_EQ(xlsx.status, 200);
  auto v2 = Upload(partner_, id, "progress.xlsx", xlsx.raw);
  ASSERT_EQ(v2.status, 201) << v2.raw;
  EXPECT_EQ(v2.body["version"], 2);
  EXPECT_EQ(v2.body["versions"][0]["content_type"], "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  auto latest = server_.Get("/api/v1/resources/" + std::to_string(id) + "/file", &hmrc_);
  ASSERT_EQ(latest.status, 200);
  EXPECT_EQ(latest.raw, xlsx.raw);
  auto first = server_.Get("/api/v1/resources/" + std::to_string(id) + "/file?version=1", &hmrc_);
  EXPECT_EQ(first.raw, kPdf);
  EXPECT_NE(first.headers.find("Content-Disposition")->second.find("handout.pdf"), std::string::npos);
  EXPECT_EQ(server_.Get("/api/v1/resources/" + std::to_string(id), &partner_).body["downloads"], 2);

  // A training course's materials.
  auto course = server_.Get("/api/v1/resources?course=soc-procurement", &partner_);
  ASSERT_EQ(course.body["resources"].size(), 1u);
  EXPECT_EQ(server_.Post("/api/v1/resources", &partner_, {{"title", "x"}, {"course", "no-such-course"}}).body["error"]["field"],
            "course");
}

class SmallLibrary : public LibraryApi {
 protected:
  static config::Settings Small() {
    config::Settings s = config::Defaults();
    s.resources_max_upload_bytes = 4096;
    s.resources_scan_command = "grep -qv EICAR-STANDARD-ANTIVIRUS-TEST-FILE";
    return s;
  }
  SmallLibrary() : LibraryApi(Small()) {}
};

TEST_F(SmallLibrary, OversizedFilesAndFilesTheScannerRefusesAreTurnedAway) {
  int64_t id = server_.Post("/api/v1/resources", &partner_, {{"title", "Notes"}}).body["id"];
  auto big = Upload(partner_, id, "notes.txt", std::string(5000, 'a'));
  EXPECT_EQ(big.status, 422);
  EXPECT_NE(big.body["error"]["message"].get<std::string>().find("the most the library takes is 4 KiB"), std::string::npos);
  auto flagged = Upload(partner_, id, "notes.txt", "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*\n");
  EXPECT_EQ(flagged.status, 422);
  EXPECT_NE(flagged.body["error"]["message"].get<std::string>().find("virus scanner refused"), std::string::npos);
  EXPECT_EQ(Upload(partner_, id, "notes.txt", "Meeting notes.\n").status, 201);
  EXPECT_EQ(server_.Count("resource_versions"), 1);
}

TEST_F(LibraryApi, SearchCoversGuidanceCaseStudiesAndResourcesAsEachMaySee) {
  ASSERT_EQ(server_.Post("/api/v1/case-studies", &partner_, CaseStudy(true)).status, 201);
  ASSERT_EQ(server_.Post("/api/v1/resources", &partner_, {{"title", "Car wash inspection checklist"}}).status, 201);
  auto kinds = [&](const Session& s) {
    std::set<std::string> out;
    auto res = server_.Get("/api/v1/library/search?q=car%20wash", &s);
    EXPECT_EQ(res.status, 200) << res.raw;
    for (const auto& r : res.body["results"]) out.insert(r["kind"]);
    return out;
  };
  EXPECT_EQ(kinds(police_), (std::set<std::string>{"guidance", "case_study", "resource"}));
  EXPECT_EQ(kinds(hmrc_), (std::set<std::string>{"guidance", "resource"})) << "the restricted case study stays hidden";
}

}  // namespace
}  // namespace cairn
