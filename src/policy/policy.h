// Authorisation: the one place that decides who may do what.
//
// Every API route names one Action; the server asks Authorize before calling the handler, so
// no handler checks roles itself. The rules are the table in policy.cc; docs/security.md
// explains them and tests/http/access_matrix.csv restates them as expected answers, which the
// access test checks for every route and every role.
#pragma once

#include <optional>
#include <string_view>

#include "common/status.h"
#include "model/role.h"

namespace cairn::policy {

enum class Action {
  kHealthRead,
  kMetricsRead,
  kRetentionRead,
  kSessionCreate,  // sign in
  kSessionRead,    // who am I
  kSessionDelete,  // sign out
  kPasswordChange,
  kOpenApiRead,
  kOrganisationList,
  kOrganisationRead,
  kOrganisationCreate,
  kOrganisationUpdate,
  kUserList,
  kUserRead,
  kUserCreate,
  kUserUpdate,
  kStrandList,
  kAuditRead,
  kNetworkSearch,
  kEntityRead,
  kNetworkRead,
  kPathRead,
  kMatchDecide,
  kFindingList,
  kFindingRead,
  kFindingDecide,
  kRiskRead,
  kIntelList,
  kIntelRead,
  kIntelReview,
  kDisclosureCreate,
  kDisclosureList,
  kLawfulBasisList,
  kSocgList,
  kSocgRead,
  kSocgUpdate,
  kSocgAssess,
  kTenderList,
  kTenderRead,
  kTenderCreate,
  kTenderExport,
  kReferralList,
  kReferralRead,
  kReferralDecide,
  kExclusionGroundList,
  kWatchlistRead,
  kWatchlistEvaluate,
  kExposureRead,
  kRedFlagRead,
  kThreatSettingsRead,
  kPictureRead,
  kObjectiveList,
  kTaskList,
  kTaskRead,
  kTaskCreate,
  kTaskUpdate,
  kTaskOutcome,
  kCapacityUpdate,
  kNotificationList,
  kNotificationUpdate,
  kOutboxRead,
  kMeetingList,
  kMeetingRead,
  kMeetingCreate,
  kMeetingUpdate,
  kDivertList,
  kDivertRead,
  kDivertCreate,
  kDivertUpdate,
  kAssessmentList,
  kAssessmentRead,
  kAssessmentCreate,
  kAssessmentUpdate,
  kAreaRead,
  kAreaDesignate,
  kTrainingRead,
  kTrainingRecord,
  kCourseCreate,
  kGrantRead,
  kGrantSchemeCreate,
  kGrantApply,
  kGrantEndorse,
  kGrantDecide,
  kGrantPay,
  kGrantEvaluate,
  kGrantExport,
  kGuidanceRead,
  kGuidanceEdit,
  kLibraryRead,
  kLibraryWrite,
};

// The caller as policy sees them: anonymous (no role) or a signed-in user.
struct Principal {
  std::optional<model::Role> role;
  bool must_change_password = false;
};

// OK if allowed. Unauthenticated when the action needs a session and there is none;
// FailedPrecondition when the user must change a one-time password first; PermissionDenied
// when the role may not.
Status Authorize(const Principal& who, Action action);

// Stable name such as "organisation.create", used in logs and the OpenAPI document.
std::string_view ActionName(Action action);

}  // namespace cairn::policy
