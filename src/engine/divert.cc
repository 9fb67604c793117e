#include "engine/divert.h"

#include <algorithm>
#include <cstdio>
#include <functional>

#include "audit/chain.h"
#include "common/time.h"
#include "storage/organisations.h"

namespace cairn::engine {
namespace {

using model::Role;

bool Blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

std::string Today(const app::Env& env) { return FormatTimestamp(env.clock.Now()).substr(0, 10); }

Status CheckDate(const std::string& value, const std::string& field, const std::string& today) {
  if (value.size() != 10 || !ParseTimestamp(value).ok()) return InvalidField(field, field + " must be a date, YYYY-MM-DD");
  if (value > today) return InvalidField(field, field + " " + value + " is in the future");
  return Status::Ok();
}

int64_t DaysBetween(const std::string& from, const std::string& to) {
  auto a = ParseTimestamp(from), b = ParseTimestamp(to);
  if (!a.ok() || !b.ok()) return 0;
  return std::chrono::duration_cast<std::chrono::hours>(*b - *a).count() / 24;
}

std::string AddDays(const std::string& date, int days) {
  auto t = ParseTimestamp(date);
  return t.ok() ? FormatTimestamp(*t + std::chrono::hours(24 * days)).substr(0, 10) : "";
}

// The case, if the actor's organisation works it; NotFound (as if absent) otherwise.
Result<storage::DivertCaseRow> Worked(storage::Tx& tx, const model::Actor& actor, int64_t id) {
  CAIRN_ASSIGN_OR_RETURN(auto c, storage::GetDivertCase(tx, id));
  if (!c || !actor.organisation_id || !actor.user_id || actor.role == Role::kAuditor)
    return NotFound("no case with id " + std::to_string(id));
  CAIRN_ASSIGN_OR_RETURN(bool works, WorksDivertCase(tx, id, *actor.organisation_id));
  if (!works) return NotFound("no case with id " + std::to_string(id));
  return *c;
}

Result<DivertCaseView> View(storage::Tx& tx, const model::Actor& actor, const storage::DivertCaseRow& c,
                            const std::string& today) {
  DivertCaseView v;
  v.c = c;
  CAIRN_ASSIGN_OR_RETURN(v.members, storage::DivertMembers(tx, c.id));
  CAIRN_ASSIGN_OR_RETURN(v.notes, storage::DivertNotes(tx, c.id));
  v.clock = NrmClockOf(c, today);
  v.lead = actor.organisation_id == c.lead_organisation_id;
  return v;
}

Status AuditRead(storage::Tx& tx, const app::Env& env, const model::Actor& actor, const std::string& id, size_t rows) {
  return audit::Append(tx, env.clock, actor, {"read", "divert_case", id, true, {{"restricted", true}, {"rows", rows}}});
}

// Changes a case the actor's organisation works, then reads it back in the same transaction.
Result<DivertCaseView> Change(const app::Env& env, const model::Actor& actor, int64_t id, bool lead_only,
                              const std::function<Status(storage::Tx&, storage::DivertCaseRow&)>& change,
                              const std::string& what) {
  DivertCaseView v;
  std::string today = Today(env);
  CAIRN_RETURN_IF_ERROR(env.db.Write([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(auto c, Worked(tx, actor, id));
    if (lead_only && actor.organisation_id != c.lead_organisation_id)
      return PermissionDenied("only " + c.lead_organisation + ", which leads the case, may do this");
    CAIRN_RETURN_IF_ERROR(change(tx, c));
    c.updated_at = FormatTimestamp(env.clock.Now());
    CAIRN_RETURN_IF_ERROR(storage::UpdateDivertCase(tx, c));
    CAIRN_RETURN_IF_ERROR(audit::Append(tx, env.clock, actor, {"update", "divert_case", c.reference, true, {{"what", what}}}));
    CAIRN_ASSIGN_OR_RETURN(v, View(tx, actor, c, today));
    return Status::Ok();
  }));
  return v;
}

}  // namespace

NrmClock NrmClockOf(const storage::DivertCaseRow& c, const std::string& today) {
  NrmClock k;
  if (c.kind != "trafficking_victim" || c.reasonable_grounds != "positive" || c.reasonable_grounds_on.empty()) return k;
  k.support_until = AddDays(c.reasonable_grounds_on, kNrmSupportDays);
  k.days_remaining = DaysBetween(today, k.support_until);
  k.running = c.conclusive_grounds != "positive" && c.conclusive_grounds != "negative";
  k.due_soon = k.running && k.days_remaining <= kNrmWarnDays;
  return k;
}

const std::vector<std::string>& AgeBands() {
  static const std::vector<std::string> kBands = {"under 12", "12-15", "16-17", "18-24", "25-64", "65-74", "75 and over"};
  return kBands;
}

Result<bool> WorksDivertCase(storage::Tx& tx, int64_t case_id, int64_t organisation_id) {
  CAIRN_ASSIGN_OR_RETURN(auto members, storage::DivertMembers(tx, case_id));
  return std::any_of(members.begin(), members.end(), [&](const auto& m) { return m.first == organisation_id; });
}

Result<DivertCaseView> CreateDivertCase(const app::Env& env, const model::Actor& actor, const DivertCaseInput& in) {
  static const std::vector<std::string> kKinds = {"young_person", "trafficking_victim", "doorstep_victim"};
  if (std::find(kKinds.begin(), kKinds.end(), in.kind) == kKinds.end())
    return InvalidField("kind", "kind must be young_person, trafficking_victim or doorstep_victim");
  if (Blank(in.label)) return InvalidField("label", "give initials or a pseudonym");
  if (in.label.size() > 40) return InvalidField("label", "a label is initials or a pseudonym, at most 40 characters");
  const auto& bands = AgeBands();
  if (std::find(bands.begin(), bands.end(), in.age_band) == bands.end())
    return InvalidField("age_band", "age_band must be one of: under 12, 12-15, 16-17, 18-24, 25-64, 65-74, 75 and over");
  if (Blank(in.council_area)) return InvalidField("council_area", "give the council area");
  if (in.consent != "given" && in.consent != "refused" && in.consent != "not_sought")
    return InvalidField("consent", "consent must be given, refused or not_sought");
  if (in.consent != "given" && Blank(in.consent_note))
    return InvalidField("consent_note", "say why the case proceeds without consent (for example, child protection)");
  std::string today = Today(env);
  if (!in.nrm_referred_on.empty()) {
    if (in.kind != "trafficking_victim") return InvalidField("nrm_referred_on", "only a trafficking case has an NRM referral");
    CAIRN_RETURN_IF_ERROR(CheckDate(in.nrm_referred_on, "nrm_referred_on", today));
  }
  if (in.nominated_neighbour && in.kind != "doorstep_victim")
    return InvalidField("nominated_neighbour", "only a doorstep crime case has a nominated neighbour");
  if (!actor.user_id || !actor.organisation_id || actor.role == Role::kAuditor)
    return PermissionDenied("cases are referred by a signed-in member of an organisation");
  DivertCaseView v;
  CAIRN_RETURN_IF_ERROR(env.db.Write([&](storage::Tx& tx) -> Status {
    storage::DivertCaseRow c;
    c.kind = in.kind;
    c.label = in.label;
    c.age_band = in.age_band;
    c.council_area = in.council_area;
    c.consent = in.consent;
    c.consent_note = in.consent_note;
    c.lead_organisation_id = *actor.organisation_id;
    c.nrm_referred_on = in.nrm_referred_on;
    if (!in.nrm_referred_on.empty()) c.reasonable_grounds = "pending";
    c.nominated_neighbour = in.nominated_neighbour;
    c.created_by = *actor.user_id;
    c.created_at = c.updated_at = FormatTimestamp(env.clock.Now());
    CAIRN_ASSIGN_OR_RETURN(c.id, storage::InsertDivertCase(tx, c));
    char ref[24];
    std::snprintf(ref, sizeof ref, "DIV-%06lld", static_cast<long long>(c.id));
    c.reference = ref;
    CAIRN_RETURN_IF_ERROR(storage::SetDivertReference(tx, c.id, c.reference));
    CAIRN_RETURN_IF_ERROR(storage::AddDivertMember(tx, c.id, c.lead_organisation_id, c.created_at));
    for (size_t i = 0; i < in.organisations.size(); ++i) {
      if (!storage::GetOrganisation(tx, in.organisations[i]).ok())
        return InvalidField("organisations[" + std::to_string(i) + "]", "no organisation with id " + std::to_string(in.organisations[i]));
      CAIRN_RETURN_IF_ERROR(storage::AddDivertMember(tx, c.id, in.organisations[i], c.created_at));
    }
    CAIRN_ASSIGN_OR_RETURN(auto lead, storage::GetOrganisation(tx, c.lead_organisation_id));
    c.lead_organisation = lead.name;
    // The audit names the case, never the person.
    CAIRN_RETURN_IF_ERROR(audit::Append(tx, env.clock, actor,
                                        {"create", "divert_case", c.reference, true,
                                         {{"kind", c.kind}, {"consent", c.consent}, {"organisations", in.organisations.size() + 1}}}));
    CAIRN_ASSIGN_OR_RETURN(v, View(tx, actor, c, today));
    return Status::Ok();
  }));
  return v;
}

Result<DivertCaseView> ReadDivertCase(const app::Env& env, const model::Actor& actor, int64_t id) {
  DivertCaseView v;
  std::string today = Today(env);
  // A write transaction: the read and its audit entry are one.
  Status s = env.db.Write([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(auto c, Worked(tx, actor, id));
    CAIRN_ASSIGN_OR_RETURN(v, View(tx, actor, c, today));
    return AuditRead(tx, env, actor, c.reference, 1);
  });
  if (s.code() == StatusCode::kNotFound) {
    // A refused attempt is kept too: someone asked for a case they do not work.
    CAIRN_RETURN_IF_ERROR(env.db.Write([&](storage::Tx& tx) {
      return audit::Append(tx, env.clock, actor, {"read", "divert_case", std::to_string(id), false, {{"restricted", true}}});
    }));
  }
  CAIRN_RETURN_IF_ERROR(s);
  return v;
}

Result<std::vector<DivertCaseView>> ListDivertCases(const app::Env& env, const model::Actor& actor) {
  std::vector<DivertCaseView> out;
  if (!actor.organisation_id || !actor.user_id || actor.role == Role::kAuditor) return out;
  std::string today = Today(env);
  CAIRN_RETURN_IF_ERROR(env.db.Write([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(auto rows, storage::DivertCasesOf(tx, *actor.organisation_id));
    for (const auto& c : rows) {
      CAIRN_ASSIGN_OR_RETURN(auto v, View(tx, actor, c, today));
      out.push_back(std::move(v));
    }
    return AuditRead(tx, env, actor, "", out.size());
  }));
  return out;
}

Result<DivertCaseView> AddDivertOrganisation(const app::Env& env, const model::Actor& actor, int64_t id,
                                             int64_t organisation_id) {
  return Change(
      env, actor, id, true,
      [&](storage::Tx& tx, storage::DivertCaseRow& c) -> Status {
        if (!storage::GetOrganisation(tx, organisation_id).ok())
          return InvalidField("organisation_id", "no organisation with id " + std::to_string(organisation_id));
        return storage::AddDivertMember(tx, c.id, organisation_id, FormatTimestamp(env.clock.Now()));
      },
      "organisation added: " + std::to_string(organisation_id));
}

Result<DivertCaseView> UpdateNrm(const app::Env& env, const model::Actor& actor, int64_t id, const NrmUpdate& u) {
  std::string today = Today(env);
  auto decision = [&](const std::optional<std::string>& d, const std::optional<std::string>& on, const std::string& field,
                      std::string& into, std::string& into_on) -> Status {
    if (!d) return Status::Ok();
    if (*d != "pending" && *d != "positive" && *d != "negative")
      return InvalidField(field, field + " must be pending, positive or negative");
    into = *d;
    if (*d == "pending") {
      into_on.clear();
      return Status::Ok();
    }
    if (!on) return InvalidField(field + "_on", "a " + *d + " decision needs its date");
    CAIRN_RETURN_IF_ERROR(CheckDate(*on, field + "_on", today));
    into_on = *on;
    return Status::Ok();
  };
  return Change(
      env, actor, id, false,
      [&](storage::Tx&, storage::DivertCaseRow& c) -> Status {
        if (c.kind != "trafficking_victim") return InvalidField("kind", "only a trafficking case goes to the NRM");
        if (u.referred_on) {
          CAIRN_RETURN_IF_ERROR(CheckDate(*u.referred_on, "referred_on", today));
          c.nrm_referred_on = *u.referred_on;
          if (c.reasonable_grounds.empty()) c.reasonable_grounds = "pending";
        }
        CAIRN_RETURN_IF_ERROR(decision(u.reasonable_grounds, u.reasonable_grounds_on, "reasonable_grounds",
                                       c.reasonable_grounds, c.reasonable_grounds_on));
        CAIRN_RETURN_IF_ERROR(decision(u.conclusive_grounds, u.conclusive_grounds_on, "conclusive_grounds",
                                       c.conclusive_grounds, c.conclusive_grounds_on));
        if (!c.reasonable_grounds.empty() && c.nrm_referred_on.empty())
          return InvalidField("referred_on", "record the NRM referral before its decisions");
        if (!c.reasonable_grounds_on.empty() && c.reasonable_grounds_on < c.nrm_referred_on)
          return InvalidField("reasonable_grounds_on", "the reasonable grounds decision cannot come before the referral");
        if (!c.conclusive_grounds.empty() && c.conclusive_grounds != "pending") {
          if (c.reasonable_grounds != "positive")
            return InvalidField("conclusive_grounds", "a conclusive grounds decision follows a positive reasonable grounds one");
          if (c.conclusive_grounds_on < c.reasonable_grounds_on)
            return InvalidField("conclusive_grounds_on", "the conclusive grounds decision cannot come before the reasonable grounds one");
        }
        return Status::Ok();
      },
      "nrm");
}

Result<DivertCaseView> UpdateDoorstep(const app::Env& env, const model::Actor& actor, int64_t id, bool nominated_neighbour,
                                      bool request_ncc_zone) {
  std::string today = Today(env);
  return Change(
      env, actor, id, false,
      [&](storage::Tx&, storage::DivertCaseRow& c) -> Status {
        if (c.kind != "doorstep_victim") return InvalidField("kind", "only a doorstep crime case has these");
        c.nominated_neighbour = nominated_neighbour;
        if (request_ncc_zone && c.ncc_zone_requested_on.empty()) c.ncc_zone_requested_on = today;
        return Status::Ok();
      },
      "doorstep");
}

Result<DivertCaseView> AddDivertNote(const app::Env& env, const model::Actor& actor, int64_t id, const std::string& text) {
  if (Blank(text)) return InvalidField("text", "a note needs text");
  return Change(
      env, actor, id, false,
      [&](storage::Tx& tx, storage::DivertCaseRow& c) -> Status {
        return storage::InsertDivertNote(tx, {0, c.id, FormatTimestamp(env.clock.Now()), *actor.user_id, text, ""});
      },
      "note");
}

Result<DivertCaseView> CloseDivertCase(const app::Env& env, const model::Actor& actor, int64_t id, const std::string& reason) {
  if (Blank(reason)) return InvalidField("reason", "say why the case is closed");
  return Change(
      env, actor, id, true,
      [&](storage::Tx&, storage::DivertCaseRow& c) -> Status {
        if (c.status == "closed") return FailedPrecondition("the case is already closed");
        c.status = "closed";
        c.closed_reason = reason;
        return Status::Ok();
      },
      "closed");
}

}  // namespace cairn::engine
