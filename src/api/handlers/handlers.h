// The API's handlers, one group per file in this folder. See route.h for the contract.
#pragma once

#include <functional>

#include "api/route.h"

namespace cairn::api::handlers {

// meta.cc
Result<Reply> Health(Request& req);
Result<Reply> OpenApi(Request& req);
Result<Reply> Ready(Request& req);
Result<Reply> Metrics(Request& req);
Result<Reply> Retention(Request& req);

// session.cc
Result<Reply> Login(Request& req);
Result<Reply> Logout(Request& req);
Result<Reply> Me(Request& req);
Result<Reply> ChangePassword(Request& req);

// organisations.cc
Result<Reply> ListOrganisations(Request& req);
Result<Reply> GetOrganisation(Request& req);
Result<Reply> CreateOrganisation(Request& req);
Result<Reply> UpdateOrganisation(Request& req);

// users.cc
Result<Reply> ListUsers(Request& req);
Result<Reply> GetUser(Request& req);
Result<Reply> CreateUser(Request& req);
Result<Reply> UpdateUser(Request& req);

// strands.cc
Result<Reply> ListStrands(Request& req);

// audit.cc
Result<Reply> ListAudit(Request& req);

// network.cc
Result<Reply> Search(Request& req);
Result<Reply> GetEntity(Request& req);
Result<Reply> GetNetwork(Request& req);
Result<Reply> GetPath(Request& req);
Result<Reply> DecideMatch(Request& req);

// findings.cc
Result<Reply> ListFindings(Request& req);
Result<Reply> GetFinding(Request& req);
Result<Reply> DecideFinding(Request& req);
Result<Reply> GetRisk(Request& req);

// intelligence.cc
Result<Reply> ListIntelligence(Request& req);
Result<Reply> GetIntelligence(Request& req);
Result<Reply> ReviewIntelligence(Request& req);
Result<Reply> CreateDisclosure(Request& req);
Result<Reply> ListDisclosures(Request& req);
Result<Reply> ListLawfulBases(Request& req);

// socg.cc
Result<Reply> ListSocgs(Request& req);
Result<Reply> GetSocg(Request& req);
Result<Reply> UpdateSocg(Request& req);
Result<Reply> AssessSocg(Request& req);
Result<Reply> GetThreatSettings(Request& req);
Result<Reply> ListTenders(Request& req);
Result<Reply> CreateTender(Request& req);
Result<Reply> GetTender(Request& req);
Result<Reply> ExportScreening(Request& req);
Result<Reply> ListReferrals(Request& req);
Result<Reply> GetReferral(Request& req);
Result<Reply> DecideReferral(Request& req);
Result<Reply> ListExclusionGrounds(Request& req);
Result<Reply> GetWatchlist(Request& req);
Result<Reply> EvaluateWatchlist(Request& req);
Result<Reply> GetExposure(Request& req);
Result<Reply> ExportExposure(Request& req);
Result<Reply> GetRedFlagBoard(Request& req);

// `basename`.csv or .xlsx by ?format= (default csv), from whichever producer is asked for;
// InvalidField("format") for anything else.
Result<Reply> Download(Request& req, const std::string& basename, const std::function<Result<std::string>()>& csv,
                       const std::function<Result<std::string>()>& xlsx);

// picture.cc
Result<Reply> GetPicture(Request& req);
Result<Reply> ExportPicture(Request& req);

// tasks.cc
Result<Reply> ListObjectives(Request& req);
Result<Reply> ListTasks(Request& req);
Result<Reply> CreateTask(Request& req);
Result<Reply> GetTask(Request& req);
Result<Reply> ChangeTaskStatus(Request& req);
Result<Reply> AssignTask(Request& req);
Result<Reply> RecordTaskOutcome(Request& req);
Result<Reply> ListOutcomeTypes(Request& req);
Result<Reply> SetCapacity(Request& req);
Result<Reply> ListNotifications(Request& req);
Result<Reply> ReadNotification(Request& req);
Result<Reply> ListOutbox(Request& req);
Result<Reply> GetTaskingBoard(Request& req);

// strategy.cc
Result<Reply> GetStrategy(Request& req);
Result<Reply> GetProgressReport(Request& req);
// The financial year (1 April to 1 April) holding `today` (YYYY-MM-DD), as [from, to).
std::pair<std::string, std::string> FinancialYear(const std::string& today);

// divert.cc
Result<Reply> ListDivertCases(Request& req);
Result<Reply> CreateDivertCase(Request& req);
Result<Reply> GetDivertCase(Request& req);
Result<Reply> AddDivertOrganisation(Request& req);
Result<Reply> UpdateDivertNrm(Request& req);
Result<Reply> UpdateDivertDoorstep(Request& req);
Result<Reply> AddDivertNote(Request& req);
Result<Reply> CloseDivertCase(Request& req);

// self_assessment.cc
Result<Reply> GetChecklist(Request& req);
Result<Reply> ListAssessments(Request& req);
Result<Reply> SubmitAssessment(Request& req);
Result<Reply> GetAssessment(Request& req);
Result<Reply> AddPlanAction(Request& req);
Result<Reply> ReviewPlanAction(Request& req);

// areas.cc
Result<Reply> ListAreas(Request& req);
Result<Reply> GetArea(Request& req);
Result<Reply> DesignateArea(Request& req);

// training.cc
Result<Reply> ListCourses(Request& req);
Result<Reply> AddCourse(Request& req);
Result<Reply> RecordCompletion(Request& req);
Result<Reply> SetTrainingScope(Request& req);
Result<Reply> GetTrainingCoverage(Request& req);

// grants.cc
Result<Reply> ListGrantSchemes(Request& req);
Result<Reply> CreateGrantScheme(Request& req);
Result<Reply> GetGrantScheme(Request& req);
Result<Reply> ListGrantApplications(Request& req);
Result<Reply> CreateGrantApplication(Request& req);
Result<Reply> GetGrantApplication(Request& req);
Result<Reply> SaveGrantApplication(Request& req);
Result<Reply> SubmitGrantApplication(Request& req);
Result<Reply> ReviseGrantApplication(Request& req);
Result<Reply> EndorseGrantApplication(Request& req);
Result<Reply> DecideGrantApplication(Request& req);
Result<Reply> RecordGrantPayment(Request& req);
Result<Reply> SubmitGrantFinalReport(Request& req);
Result<Reply> AddGrantEvaluation(Request& req);
Result<Reply> GetGrants360Giving(Request& req);

// guidance.cc
Result<Reply> ListGuidance(Request& req);
Result<Reply> GetGuidance(Request& req);
Result<Reply> SaveGuidance(Request& req);

// library.cc
Result<Reply> ListCaseStudies(Request& req);
Result<Reply> CreateCaseStudy(Request& req);
Result<Reply> GetCaseStudy(Request& req);
Result<Reply> UpdateCaseStudy(Request& req);
Result<Reply> LinkCaseStudy(Request& req);
Result<Reply> ListResources(Request& req);
Result<Reply> CreateResource(Request& req);
Result<Reply> GetResource(Request& req);
Result<Reply> UploadResource(Request& req);
Result<Reply> DownloadResource(Request& req);
Result<Reply> SearchLibrary(Request& req);

// meetings.cc
Result<Reply> ListMeetings(Request& req);
Result<Reply> CreateMeeting(Request& req);
Result<Reply> GetMeeting(Request& req);
Result<Reply> AddMeetingDecision(Request& req);
Result<Reply> AddMeetingAction(Request& req);
Result<Reply> TaskFromMeetingAction(Request& req);

}  // namespace cairn::api::handlers
