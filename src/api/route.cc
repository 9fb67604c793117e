#include "api/route.h"

#include <algorithm>
#include <charconv>

#include "api/handlers/handlers.h"

namespace cairn::api {

const std::vector<Route>& Routes() {
  using policy::Action;
  namespace h = handlers;
  static const std::vector<Route> kRoutes = {
      {"GET", "/api/v1/health", Action::kHealthRead, h::Health},
      {"GET", "/api/v1/ready", Action::kHealthRead, h::Ready},
      {"GET", "/api/v1/metrics", Action::kMetricsRead, h::Metrics},
      {"GET", "/api/v1/retention", Action::kRetentionRead, h::Retention},
      {"GET", "/api/v1/openapi.json", Action::kOpenApiRead, h::OpenApi},
      {"POST", "/api/v1/session/login", Action::kSessionCreate, h::Login},
      {"POST", "/api/v1/session/logout", Action::kSessionDelete, h::Logout},
      {"GET", "/api/v1/session/me", Action::kSessionRead, h::Me},
      {"POST", "/api/v1/session/password", Action::kPasswordChange, h::ChangePassword},
      {"GET", "/api/v1/organisations", Action::kOrganisationList, h::ListOrganisations},
      {"POST", "/api/v1/organisations", Action::kOrganisationCreate, h::CreateOrganisation},
      {"GET", "/api/v1/organisations/{id}", Action::kOrganisationRead, h::GetOrganisation},
      {"PATCH", "/api/v1/organisations/{id}", Action::kOrganisationUpdate, h::UpdateOrganisation},
      {"GET", "/api/v1/users", Action::kUserList, h::ListUsers},
      {"POST", "/api/v1/users", Action::kUserCreate, h::CreateUser},
      {"GET", "/api/v1/users/{id}", Action::kUserRead, h::GetUser},
      {"PATCH", "/api/v1/users/{id}", Action::kUserUpdate, h::UpdateUser},
      {"GET", "/api/v1/strands", Action::kStrandList, h::ListStrands},
      {"GET", "/api/v1/audit", Action::kAuditRead, h::ListAudit},
      {"GET", "/api/v1/search", Action::kNetworkSearch, h::Search},
      {"GET", "/api/v1/entities/{id}", Action::kEntityRead, h::GetEntity},
      {"GET", "/api/v1/entities/{id}/network", Action::kNetworkRead, h::GetNetwork},
      {"GET", "/api/v1/paths", Action::kPathRead, h::GetPath},
      {"POST", "/api/v1/match-decisions", Action::kMatchDecide, h::DecideMatch},
      {"GET", "/api/v1/findings", Action::kFindingList, h::ListFindings},
      {"GET", "/api/v1/findings/{id}", Action::kFindingRead, h::GetFinding},
      {"POST", "/api/v1/findings/{id}/decision", Action::kFindingDecide, h::DecideFinding},
      {"GET", "/api/v1/entities/{id}/risk", Action::kRiskRead, h::GetRisk},
      {"GET", "/api/v1/intelligence", Action::kIntelList, h::ListIntelligence},
      {"GET", "/api/v1/intelligence/{id}", Action::kIntelRead, h::GetIntelligence},
      {"POST", "/api/v1/intelligence/{id}/reviews", Action::kIntelReview, h::ReviewIntelligence},
      {"POST", "/api/v1/intelligence/{id}/disclosures", Action::kDisclosureCreate, h::CreateDisclosure},
      {"GET", "/api/v1/disclosures", Action::kDisclosureList, h::ListDisclosures},
      {"GET", "/api/v1/lawful-bases", Action::kLawfulBasisList, h::ListLawfulBases},
      {"GET", "/api/v1/socgs", Action::kSocgList, h::ListSocgs},
      {"GET", "/api/v1/socgs/{ref}", Action::kSocgRead, h::GetSocg},
      {"PATCH", "/api/v1/socgs/{ref}", Action::kSocgUpdate, h::UpdateSocg},
      {"POST", "/api/v1/socgs/{ref}/assessments", Action::kSocgAssess, h::AssessSocg},
      {"GET", "/api/v1/threat-settings", Action::kThreatSettingsRead, h::GetThreatSettings},
      {"GET", "/api/v1/picture", Action::kPictureRead, h::GetPicture},
      {"GET", "/api/v1/picture/export", Action::kPictureRead, h::ExportPicture},
      {"GET", "/api/v1/tenders", Action::kTenderList, h::ListTenders},
      {"POST", "/api/v1/tenders", Action::kTenderCreate, h::CreateTender},
      {"GET", "/api/v1/tenders/export", Action::kTenderExport, h::ExportScreening},
      {"GET", "/api/v1/tenders/{id}", Action::kTenderRead, h::GetTender},
      {"GET", "/api/v1/referrals", Action::kReferralList, h::ListReferrals},
      {"GET", "/api/v1/referrals/{id}", Action::kReferralRead, h::GetReferral},
      {"POST", "/api/v1/referrals/{id}/decision", Action::kReferralDecide, h::DecideReferral},
      {"GET", "/api/v1/exclusion-grounds", Action::kExclusionGroundList, h::ListExclusionGrounds},
      {"GET", "/api/v1/watchlist", Action::kWatchlistRead, h::GetWatchlist},
      {"POST", "/api/v1/watchlist/evaluate", Action::kWatchlistEvaluate, h::EvaluateWatchlist},
      {"GET", "/api/v1/procurement-exposure", Action::kExposureRead, h::GetExposure},
      {"GET", "/api/v1/procurement-exposure/export", Action::kExposureRead, h::ExportExposure},
      {"GET", "/api/v1/red-flags", Action::kRedFlagRead, h::GetRedFlagBoard},
      {"GET", "/api/v1/objectives", Action::kObjectiveList, h::ListObjectives},
      {"GET", "/api/v1/strategy", Action::kObjectiveList, h::GetStrategy},
      {"GET", "/api/v1/reports/progress", Action::kObjectiveList, h::GetProgressReport},
      {"GET", "/api/v1/tasks", Action::kTaskList, h::ListTasks},
      {"POST", "/api/v1/tasks", Action::kTaskCreate, h::CreateTask},
      {"GET", "/api/v1/tasks/{id}", Action::kTaskRead, h::GetTask},
      {"GET", "/api/v1/tasking-board", Action::kTaskList, h::GetTaskingBoard},
      {"POST", "/api/v1/tasks/{id}/status", Action::kTaskUpdate, h::ChangeTaskStatus},
      {"POST", "/api/v1/tasks/{id}/assign", Action::kTaskUpdate, h::AssignTask},
      {"POST", "/api/v1/tasks/{id}/outcomes", Action::kTaskOutcome, h::RecordTaskOutcome},
      {"GET", "/api/v1/task-outcome-types", Action::kTaskList, h::ListOutcomeTypes},
      {"POST", "/api/v1/organisations/{id}/capacity", Action::kCapacityUpdate, h::SetCapacity},
      {"GET", "/api/v1/notifications", Action::kNotificationList, h::ListNotifications},
      {"POST", "/api/v1/notifications/{id}/read", Action::kNotificationUpdate, h::ReadNotification},
      {"GET", "/api/v1/outbox", Action::kOutboxRead, h::ListOutbox},
      {"GET", "/api/v1/divert", Action::kDivertList, h::ListDivertCases},
      {"POST", "/api/v1/divert", Action::kDivertCreate, h::CreateDivertCase},
      {"GET", "/api/v1/divert/{id}", Action::kDivertRead, h::GetDivertCase},
      {"POST", "/api/v1/divert/{id}/organisations", Action::kDivertUpdate, h::AddDivertOrganisation},
      {"POST", "/api/v1/divert/{id}/nrm", Action::kDivertUpdate, h::UpdateDivertNrm},
      {"POST", "/api/v1/divert/{id}/doorstep", Action::kDivertUpdate, h::UpdateDivertDoorstep},
      {"POST", "/api/v1/divert/{id}/notes", Action::kDivertUpdate, h::AddDivertNote},
      {"POST", "/api/v1/divert/{id}/close", Action::kDivertUpdate, h::CloseDivertCase},
      {"GET", "/api/v1/self-assessment/checklist", Action::kAssessmentList, h::GetChecklist},
      {"GET", "/api/v1/self-assessments", Action::kAssessmentList, h::ListAssessments},
      {"POST", "/api/v1/self-assessments", Action::kAssessmentCreate, h::SubmitAssessment},
      {"GET", "/api/v1/self-assessments/{id}", Action::kAssessmentRead, h::GetAssessment},
      {"POST", "/api/v1/self-assessments/{id}/actions", Action::kAssessmentUpdate, h::AddPlanAction},
      {"POST", "/api/v1/plan-actions/{id}/reviews", Action::kAssessmentUpdate, h::ReviewPlanAction},
      {"GET", "/api/v1/areas", Action::kAreaRead, h::ListAreas},
      {"GET", "/api/v1/areas/{slug}", Action::kAreaRead, h::GetArea},
      {"POST", "/api/v1/areas/{slug}/designation", Action::kAreaDesignate, h::DesignateArea},
      {"GET", "/api/v1/training/courses", Action::kTrainingRead, h::ListCourses},
      {"POST", "/api/v1/training/courses", Action::kCourseCreate, h::AddCourse},
      {"POST", "/api/v1/training/completions", Action::kTrainingRecord, h::RecordCompletion},
      {"POST", "/api/v1/training/scope", Action::kTrainingRecord, h::SetTrainingScope},
      {"GET", "/api/v1/training/coverage", Action::kTrainingRead, h::GetTrainingCoverage},
      {"GET", "/api/v1/grants/schemes", Action::kGrantRead, h::ListGrantSchemes},
      {"POST", "/api/v1/grants/schemes", Action::kGrantSchemeCreate, h::CreateGrantScheme},
      {"GET", "/api/v1/grants/schemes/{id}", Action::kGrantRead, h::GetGrantScheme},
      {"POST", "/api/v1/grants/schemes/{id}/applications", Action::kGrantApply, h::CreateGrantApplication},
      {"GET", "/api/v1/grants/applications", Action::kGrantRead, h::ListGrantApplications},
      {"GET", "/api/v1/grants/applications/{id}", Action::kGrantRead, h::GetGrantApplication},
      {"PATCH", "/api/v1/grants/applications/{id}", Action::kGrantApply, h::SaveGrantApplication},
      {"POST", "/api/v1/grants/applications/{id}/submit", Action::kGrantApply, h::SubmitGrantApplication},
      {"POST", "/api/v1/grants/applications/{id}/revise", Action::kGrantApply, h::ReviseGrantApplication},
      {"POST", "/api/v1/grants/applications/{id}/endorsement", Action::kGrantEndorse, h::EndorseGrantApplication},
      {"POST", "/api/v1/grants/applications/{id}/decision", Action::kGrantDecide, h::DecideGrantApplication},
      {"POST", "/api/v1/grants/applications/{id}/payments", Action::kGrantPay, h::RecordGrantPayment},
      {"POST", "/api/v1/grants/applications/{id}/final-report", Action::kGrantApply, h::SubmitGrantFinalReport},
      {"POST", "/api/v1/grants/applications/{id}/evaluations", Action::kGrantEvaluate, h::AddGrantEvaluation},
      {"GET", "/api/v1/grants/360giving", Action::kGrantExport, h::GetGrants360Giving},
      {"GET", "/api/v1/guidance", Action::kGuidanceRead, h::ListGuidance},
      {"GET", "/api/v1/guidance/{slug}", Action::kGuidanceRead, h::GetGuidance},
      {"PUT", "/api/v1/guidance/{slug}", Action::kGuidanceEdit, h::SaveGuidance},
      {"GET", "/api/v1/case-studies", Action::kLibraryRead, h::ListCaseStudies},
      {"POST", "/api/v1/case-studies", Action::kLibraryWrite, h::CreateCaseStudy},
      {"GET", "/api/v1/case-studies/{id}", Action::kLibraryRead, h::GetCaseStudy},
      {"PATCH", "/api/v1/case-studies/{id}", Action::kLibraryWrite, h::UpdateCaseStudy},
      {"POST", "/api/v1/case-studies/{id}/links", Action::kLibraryWrite, h::LinkCaseStudy},
      {"GET", "/api/v1/resources", Action::kLibraryRead, h::ListResources},
      {"POST", "/api/v1/resources", Action::kLibraryWrite, h::CreateResource},
      {"GET", "/api/v1/resources/{id}", Action::kLibraryRead, h::GetResource},
      {"POST", "/api/v1/resources/{id}/file", Action::kLibraryWrite, h::UploadResource, /*raw_body=*/true},
      {"GET", "/api/v1/resources/{id}/file", Action::kLibraryRead, h::DownloadResource},
      {"GET", "/api/v1/library/search", Action::kLibraryRead, h::SearchLibrary},
      {"GET", "/api/v1/meetings", Action::kMeetingList, h::ListMeetings},
      {"POST", "/api/v1/meetings", Action::kMeetingCreate, h::CreateMeeting},
      {"GET", "/api/v1/meetings/{id}", Action::kMeetingRead, h::GetMeeting},
      {"POST", "/api/v1/meetings/{id}/decisions", Action::kMeetingUpdate, h::AddMeetingDecision},
      {"POST", "/api/v1/meetings/{id}/actions", Action::kMeetingUpdate, h::AddMeetingAction},
      {"POST", "/api/v1/meeting-actions/{id}/task", Action::kMeetingUpdate, h::TaskFromMeetingAction},
  };
  return kRoutes;
}

Result<int64_t> IdParam(const Request& req, size_t index) {
  const std::string& s = req.params.at(index);
  int64_t v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size()) return NotFound("no record with id " + s);
  return v;
}

Result<std::optional<int64_t>> IntQuery(const Request& req, const char* name) {
  if (!req.http.has_param(name)) return std::optional<int64_t>();
  std::string s = req.http.get_param_value(name);
  int64_t v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || ptr != s.data() + s.size()) {
    return InvalidField(name, "must be a whole number");
  }
  return std::optional<int64_t>(v);
}

Result<Paging> PagingQuery(const Request& req, int default_limit, int max_limit) {
  CAIRN_ASSIGN_OR_RETURN(auto limit, IntQuery(req, "limit"));
  CAIRN_ASSIGN_OR_RETURN(auto offset, IntQuery(req, "offset"));
  return Paging{int(std::clamp<int64_t>(limit.value_or(default_limit), 1, max_limit)),
                int(std::clamp<int64_t>(offset.value_or(0), 0, 1 << 30))};
}

}  // namespace cairn::api
