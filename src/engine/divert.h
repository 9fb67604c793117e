// Divert and victims: referrals for people at risk — a young person being drawn into SOC, a
// potential victim of human trafficking, an older victim of doorstep crime — worked by the
// organisations named on the case.
//
// Minimal personal data: a label (initials or a pseudonym, never a full name; at most 40
// characters), an age band and a council area. Consent is recorded on every case. Only the
// organisations working the case see it — not the secretariat, not auditors (who read the audit
// trail) — and every read, list or case, is audited as a read of restricted data.
//
// Trafficking: the National Referral Mechanism's reasonable grounds decision, then the
// conclusive grounds decision. In Scotland a positive reasonable grounds decision brings at least
// 90 days of support; the case carries that clock (NrmClock) and flags it when 14 days or fewer
// are left without a conclusive decision.
//
// Doorstep crime: a nominated neighbour and a no-cold-calling zone request.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/env.h"
#include "common/status.h"
#include "model/actor.h"
#include "storage/divert.h"

namespace cairn::engine {

inline constexpr int kNrmSupportDays = 90;
inline constexpr int kNrmWarnDays = 14;

struct NrmClock {
  bool running = false;          // a positive reasonable grounds decision, no conclusive one yet
  std::string support_until;     // reasonable grounds date + 90 days
  int64_t days_remaining = 0;    // from today; negative once past
  bool due_soon = false;         // running and 14 days or fewer left
};
// The clock for `c` on `today` (YYYY-MM-DD).
NrmClock NrmClockOf(const storage::DivertCaseRow& c, const std::string& today);

struct DivertCaseInput {
  std::string kind;  // young_person, trafficking_victim, doorstep_victim
  std::string label, age_band, council_area;
  std::string consent;  // given, refused, not_sought
  std::string consent_note;
  std::vector<int64_t> organisations;  // others working the case, besides the actor's own
  bool nominated_neighbour = false;    // doorstep
  std::string nrm_referred_on;         // trafficking, YYYY-MM-DD if referred
};

struct DivertCaseView {
  storage::DivertCaseRow c;
  std::vector<std::pair<int64_t, std::string>> members;
  std::vector<storage::DivertNoteRow> notes;
  NrmClock clock;
  bool lead = false;  // the actor's organisation leads the case
};

// The age bands a case may give.
const std::vector<std::string>& AgeBands();

// InvalidField naming the field for: an unknown kind, age band or consent; no label or one over
// 40 characters; no council area; consent not given or not sought without a note saying why;
// an unknown organisation; a bad date. Audited.
Result<DivertCaseView> CreateDivertCase(const app::Env& env, const model::Actor& actor, const DivertCaseInput& input);
// NotFound unless the actor's organisation works the case. Audited as a restricted read.
Result<DivertCaseView> ReadDivertCase(const app::Env& env, const model::Actor& actor, int64_t id);
// The cases the actor's organisation works. Audited as a restricted read.
Result<std::vector<DivertCaseView>> ListDivertCases(const app::Env& env, const model::Actor& actor);

// The lead organisation adds another organisation to work the case.
Result<DivertCaseView> AddDivertOrganisation(const app::Env& env, const model::Actor& actor, int64_t id,
                                             int64_t organisation_id);

struct NrmUpdate {
  std::optional<std::string> referred_on;
  std::optional<std::string> reasonable_grounds, reasonable_grounds_on;  // pending, positive, negative
  std::optional<std::string> conclusive_grounds, conclusive_grounds_on;
};
// Records NRM decisions on a trafficking case. InvalidField for: another kind of case; a decision
// that is not pending, positive or negative; a positive or negative decision without its date; a
// date in the future; a reasonable grounds decision before referral; a conclusive decision
// without a positive reasonable grounds one, or dated before it. Audited.
Result<DivertCaseView> UpdateNrm(const app::Env& env, const model::Actor& actor, int64_t id, const NrmUpdate& update);

// Doorstep crime: a nominated neighbour; a no-cold-calling zone requested (today).
Result<DivertCaseView> UpdateDoorstep(const app::Env& env, const model::Actor& actor, int64_t id, bool nominated_neighbour,
                                      bool request_ncc_zone);

Result<DivertCaseView> AddDivertNote(const app::Env& env, const model::Actor& actor, int64_t id, const std::string& text);
// Closes an open case with a reason (the lead organisation).
Result<DivertCaseView> CloseDivertCase(const app::Env& env, const model::Actor& actor, int64_t id, const std::string& reason);

// Whether `organisation_id` works the case, for tasks that carry it (engine/tasks.cc).
Result<bool> WorksDivertCase(storage::Tx& tx, int64_t case_id, int64_t organisation_id);

}  // namespace cairn::engine
