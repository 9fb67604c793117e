#include "policy/policy.h"

namespace cairn::policy {
namespace {

using model::Role;

// Who may do what. kPublic actions need no session; kAnySignedIn any role; otherwise the
// listed roles. kBeforePasswordChange marks what a user with a one-time password may still do.
enum Audience { kPublic, kAnySignedIn, kRoles };

constexpr unsigned Bit(Role r) { return 1u << static_cast<unsigned>(r); }

constexpr unsigned kCaseworkers = Bit(Role::kAdmin) | Bit(Role::kSecretariat) | Bit(Role::kStrandLead) |
                                  Bit(Role::kAnalyst) | Bit(Role::kPartner);

struct Rule {
  Action action;
  std::string_view name;
  Audience audience;
  unsigned roles;  // bit set of Bit(role)
  bool before_password_change;
};

constexpr Rule kRules[] = {
    {Action::kHealthRead, "health.read", kPublic, 0, true},
    // Metrics are for the operator's monitoring system, which has no session: the handler
    // admits only a bearer token from the environment or a direct caller on the same host.
    {Action::kMetricsRead, "metrics.read", kPublic, 0, true},
    // What the retention rules would delete or anonymise now: for those who run and oversee it.
    {Action::kRetentionRead, "retention.read", kRoles, Bit(Role::kAdmin) | Bit(Role::kAuditor), false},
    {Action::kSessionCreate, "session.create", kPublic, 0, true},
    {Action::kSessionRead, "session.read", kAnySignedIn, 0, true},
    {Action::kSessionDelete, "session.delete", kAnySignedIn, 0, true},
    {Action::kPasswordChange, "session.password", kAnySignedIn, 0, true},
    {Action::kOpenApiRead, "openapi.read", kAnySignedIn, 0, false},
    {Action::kOrganisationList, "organisation.list", kAnySignedIn, 0, false},
    {Action::kOrganisationRead, "organisation.read", kAnySignedIn, 0, false},
    {Action::kOrganisationCreate, "organisation.create", kRoles, Bit(Role::kAdmin), false},
    {Action::kOrganisationUpdate, "organisation.update", kRoles, Bit(Role::kAdmin), false},
    // Users' records hold personal data: the people who administer or coordinate partners.
    {Action::kUserList, "user.list", kRoles, Bit(Role::kAdmin) | Bit(Role::kSecretariat), false},
    {Action::kUserRead, "user.read", kRoles, Bit(Role::kAdmin) | Bit(Role::kSecretariat), false},
    {Action::kUserCreate, "user.create", kRoles, Bit(Role::kAdmin), false},
    {Action::kUserUpdate, "user.update", kRoles, Bit(Role::kAdmin), false},
    {Action::kStrandList, "strand.list", kAnySignedIn, 0, false},
    // The audit trail is for those who oversee the system, and never changeable through it.
    {Action::kAuditRead, "audit.read", kRoles, Bit(Role::kAuditor) | Bit(Role::kAdmin), false},
    // The network: open-register data for everyone who works cases; restricted records within
    // it are filtered per viewer in engine/network_view.cc. Auditors audit; they do not browse.
    {Action::kNetworkSearch, "network.search", kRoles, kCaseworkers, false},
    {Action::kEntityRead, "entity.read", kRoles, kCaseworkers, false},
    {Action::kNetworkRead, "network.read", kRoles, kCaseworkers, false},
    {Action::kPathRead, "path.read", kRoles, kCaseworkers, false},
    // Deciding who is who is analysts' work (the Detect strand's).
    {Action::kMatchDecide, "match.decide", kRoles, Bit(Role::kAnalyst), false},
    // Findings are prompts for review: caseworkers read them (restricted ones are filtered by
    // owner in the engine, as for entities); only analysts decide on them.
    {Action::kFindingList, "finding.list", kRoles, kCaseworkers, false},
    {Action::kFindingRead, "finding.read", kRoles, kCaseworkers, false},
    {Action::kFindingDecide, "finding.decide", kRoles, Bit(Role::kAnalyst), false},
    {Action::kRiskRead, "risk.read", kRoles, kCaseworkers, false},
    // Intelligence records are for analysts (of the owning organisation: the engine checks);
    // what is disclosed from them reaches a partner only as a disclosure.
    {Action::kIntelList, "intelligence.list", kRoles, Bit(Role::kAnalyst), false},
    {Action::kIntelRead, "intelligence.read", kRoles, Bit(Role::kAnalyst), false},
    {Action::kIntelReview, "intelligence.review", kRoles, Bit(Role::kAnalyst), false},
    {Action::kDisclosureCreate, "disclosure.create", kRoles, Bit(Role::kAnalyst), false},
    {Action::kDisclosureList, "disclosure.list", kRoles, kCaseworkers, false},
    {Action::kLawfulBasisList, "lawful_basis.list", kAnySignedIn, 0, false},
    // SOC groups are intelligence: profiles are for the holder's analysts; everyone else sees
    // groups only in the aggregate picture.
    {Action::kSocgList, "socg.list", kRoles, Bit(Role::kAnalyst), false},
    {Action::kSocgRead, "socg.read", kRoles, Bit(Role::kAnalyst), false},
    {Action::kSocgUpdate, "socg.update", kRoles, Bit(Role::kAnalyst), false},
    {Action::kSocgAssess, "socg.assess", kRoles, Bit(Role::kAnalyst), false},
    // Screening: any caseworker registers tenders for their organisation (engine/screening.h
    // keeps each organisation to its own); referrals rest on intelligence, for the SPOC's analysts.
    {Action::kTenderList, "tender.list", kRoles, kCaseworkers, false},
    {Action::kTenderRead, "tender.read", kRoles, kCaseworkers, false},
    {Action::kTenderCreate, "tender.create", kRoles, kCaseworkers, false},
    {Action::kTenderExport, "tender.export", kRoles, kCaseworkers, false},
    {Action::kReferralList, "referral.list", kRoles, Bit(Role::kAnalyst), false},
    {Action::kReferralRead, "referral.read", kRoles, Bit(Role::kAnalyst), false},
    {Action::kReferralDecide, "referral.decide", kRoles, Bit(Role::kAnalyst), false},
    {Action::kExclusionGroundList, "exclusion_ground.list", kAnySignedIn, 0, false},
    // Blind screening: another deployment's service account (a partner) reads the keyed set and
    // sends blinded points; neither reveals anything (engine/watchlist.h), and both are audited.
    {Action::kWatchlistRead, "watchlist.read", kRoles, kCaseworkers, false},
    {Action::kWatchlistEvaluate, "watchlist.evaluate", kRoles, kCaseworkers, false},
    // Aggregates: partners' small counts are withheld by the engine (engine/exposure.h).
    {Action::kExposureRead, "procurement_exposure.read", kRoles, kCaseworkers, false},
    // Public procurement data: every caseworker.
    {Action::kRedFlagRead, "red_flags.read", kRoles, kCaseworkers, false},
    {Action::kThreatSettingsRead, "threat_settings.read", kAnySignedIn, 0, false},
    // The picture is aggregates: small counts are withheld from all but analysts (engine).
    {Action::kPictureRead, "picture.read", kRoles, kCaseworkers, false},
    {Action::kObjectiveList, "objective.list", kAnySignedIn, 0, false},
    // Tasks: every caseworker proposes them and reads their organisation's (coordinators and
    // auditors read all); only the owning organisation moves one on or records its outcomes, and
    // a source's restrictions travel with it (engine/tasks.h checks both).
    {Action::kTaskList, "task.list", kRoles, kCaseworkers | Bit(Role::kAuditor), false},
    {Action::kTaskRead, "task.read", kRoles, kCaseworkers | Bit(Role::kAuditor), false},
    {Action::kTaskCreate, "task.create", kRoles, kCaseworkers, false},
    {Action::kTaskUpdate, "task.update", kRoles, kCaseworkers, false},
    {Action::kTaskOutcome, "task.outcome", kRoles, kCaseworkers, false},
    // An organisation's own capacity (the engine keeps each to its own; coordinators any).
    {Action::kCapacityUpdate, "organisation.capacity", kRoles, kCaseworkers, false},
    {Action::kNotificationList, "notification.list", kAnySignedIn, 0, false},
    {Action::kNotificationUpdate, "notification.update", kAnySignedIn, 0, false},
    // The outbox holds every email the system wrote, to anyone: for those who run the system.
    {Action::kOutboxRead, "outbox.read", kRoles, Bit(Role::kAdmin), false},
    // Meetings: read by every caseworker and auditor; recorded by a caseworker for their own
    // organisation, whose people (or the secretariat) add decisions and actions (the engine).
    {Action::kMeetingList, "meeting.list", kRoles, kCaseworkers | Bit(Role::kAuditor), false},
    {Action::kMeetingRead, "meeting.read", kRoles, kCaseworkers | Bit(Role::kAuditor), false},
    {Action::kMeetingCreate, "meeting.create", kRoles, kCaseworkers, false},
    {Action::kMeetingUpdate, "meeting.update", kRoles, kCaseworkers, false},
    // Divert and victims: people's cases, for the organisations working each (the engine checks
    // membership and audits every read); auditors read the audit trail, not the cases.
    {Action::kDivertList, "divert.list", kRoles, kCaseworkers, false},
    {Action::kDivertRead, "divert.read", kRoles, kCaseworkers, false},
    {Action::kDivertCreate, "divert.create", kRoles, kCaseworkers, false},
    {Action::kDivertUpdate, "divert.update", kRoles, kCaseworkers, false},
    // Self-assessments: an organisation's own (and the coordinators'), checked in the engine.
    {Action::kAssessmentList, "self_assessment.list", kRoles, kCaseworkers, false},
    {Action::kAssessmentRead, "self_assessment.read", kRoles, kCaseworkers, false},
    {Action::kAssessmentCreate, "self_assessment.create", kRoles, kCaseworkers, false},
    {Action::kAssessmentUpdate, "self_assessment.update", kRoles, kCaseworkers, false},
    // Areas: aggregates with small counts withheld (the engine); the secretariat designates.
    {Action::kAreaRead, "area.read", kRoles, kCaseworkers | Bit(Role::kAuditor), false},
    {Action::kAreaDesignate, "area.designate", kRoles, Bit(Role::kAdmin) | Bit(Role::kSecretariat), false},
    // Training: coverage in counts for every caseworker; names stay with their organisation.
    {Action::kTrainingRead, "training.read", kRoles, kCaseworkers | Bit(Role::kAuditor), false},
    {Action::kTrainingRecord, "training.record", kRoles, kCaseworkers, false},
    {Action::kCourseCreate, "course.create", kRoles, Bit(Role::kAdmin) | Bit(Role::kSecretariat), false},
    // Grants: applications are filtered per viewer in the engine (own organisation, the strand's
    // lead, the secretariat); members apply, the strand lead endorses, the secretariat decides
    // and pays. The 360Giving export holds only what is published about awards.
    {Action::kGrantRead, "grant.read", kRoles, kCaseworkers | Bit(Role::kAuditor), false},
    {Action::kGrantSchemeCreate, "grant.scheme.create", kRoles, Bit(Role::kAdmin) | Bit(Role::kSecretariat), false},
    {Action::kGrantApply, "grant.apply", kRoles, kCaseworkers, false},
    {Action::kGrantEndorse, "grant.endorse", kRoles, Bit(Role::kStrandLead), false},
    {Action::kGrantDecide, "grant.decide", kRoles, Bit(Role::kSecretariat), false},
    {Action::kGrantPay, "grant.pay", kRoles, Bit(Role::kSecretariat), false},
    {Action::kGrantEvaluate, "grant.evaluate", kRoles, Bit(Role::kSecretariat) | Bit(Role::kStrandLead), false},
    {Action::kGrantExport, "grant.export", kAnySignedIn, 0, false},
    // Guidance is for everyone who signs in (its public pages are also on /public, outside the
    // API); the secretariat keeps it.
    {Action::kGuidanceRead, "guidance.read", kAnySignedIn, 0, false},
    {Action::kGuidanceEdit, "guidance.edit", kRoles, Bit(Role::kAdmin) | Bit(Role::kSecretariat), false},
    // Case studies and resources: caseworkers add them; restricted case studies are filtered to
    // their named organisations in the engine.
    {Action::kLibraryRead, "library.read", kRoles, kCaseworkers | Bit(Role::kAuditor), false},
    {Action::kLibraryWrite, "library.write", kRoles, kCaseworkers, false},
};

const Rule& RuleFor(Action action) {
  for (const Rule& r : kRules) {
    if (r.action == action) return r;
  }
  // Unreachable (policy_test checks that every Action has a rule), but fail closed if not: no role.
  static constexpr Rule kNobody{Action::kHealthRead, "unknown", kRoles, 0, false};
  return kNobody;
}

}  // namespace

Status Authorize(const Principal& who, Action action) {
  const Rule& rule = RuleFor(action);
  if (rule.audience == kPublic) return Status::Ok();
  if (!who.role) return Unauthenticated("sign in first");
  if (who.must_change_password && !rule.before_password_change) {
    return FailedPrecondition("change your one-time password before doing anything else");
  }
  if (rule.audience == kAnySignedIn) return Status::Ok();
  if (rule.roles & Bit(*who.role)) return Status::Ok();
  return PermissionDenied("your role (" + std::string(model::RoleName(*who.role)) +
                          ") may not do this (" + std::string(rule.name) + ")");
}

std::string_view ActionName(Action action) { return RuleFor(action).name; }

}  // namespace cairn::policy
