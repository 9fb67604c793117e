#include "policy/policy.h"

#include <gtest/gtest.h>

#include <set>

namespace cairn::policy {
namespace {

using model::Role;

TEST(Policy, EveryActionHasItsOwnRule) {
  std::set<std::string_view> names;
  for (int a = 0; a <= static_cast<int>(Action::kMatchDecide); ++a) {
    auto name = ActionName(static_cast<Action>(a));
    EXPECT_TRUE(names.insert(name).second) << "two actions share the rule " << name;
  }
}

TEST(Policy, AnonymousMayOnlyCheckHealthAndSignIn) {
  EXPECT_TRUE(Authorize({}, Action::kHealthRead).ok());
  EXPECT_TRUE(Authorize({}, Action::kSessionCreate).ok());
  EXPECT_EQ(Authorize({}, Action::kStrandList).code(), StatusCode::kUnauthenticated);
}

TEST(Policy, AuditorReadsTheTrailButChangesNothing) {
  Principal auditor{Role::kAuditor, false};
  EXPECT_TRUE(Authorize(auditor, Action::kAuditRead).ok());
  for (Action a : {Action::kOrganisationCreate, Action::kOrganisationUpdate, Action::kUserCreate, Action::kUserUpdate}) {
    EXPECT_EQ(Authorize(auditor, a).code(), StatusCode::kPermissionDenied);
  }
}

TEST(Policy, OneTimePasswordHoldersMayOnlyManageTheirSession) {
  Principal fresh{Role::kAdmin, true};
  EXPECT_TRUE(Authorize(fresh, Action::kPasswordChange).ok());
  EXPECT_TRUE(Authorize(fresh, Action::kSessionRead).ok());
  EXPECT_EQ(Authorize(fresh, Action::kUserCreate).code(), StatusCode::kFailedPrecondition);
}

TEST(Policy, DenialNamesTheRoleAndAction) {
  Status s = Authorize({Role::kPartner, false}, Action::kUserList);
  EXPECT_NE(s.message().find("partner"), std::string::npos);
  EXPECT_NE(s.message().find("user.list"), std::string::npos);
}

}  // namespace
}  // namespace cairn::policy
