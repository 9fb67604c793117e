#include "engine/intelligence.h"

#include <algorithm>
#include <toml++/toml.h>

#include "audit/chain.h"
#include "common/time.h"
#include "embedded/embedded.h"
#include "engine/internal/fields.h"
#include "storage/organisations.h"

namespace cairn::engine {
namespace {

using internal::Str;
using nlohmann::json;

std::string Today(const app::Env& env) { return FormatTimestamp(env.clock.Now()).substr(0, 10); }

IntelRecord FromRow(const storage::IntelRecordRow& row, const std::string& today) {
  IntelRecord r;
  json p = json::parse(row.payload, nullptr, false);
  if (!p.is_object()) p = json::object();
  r.id = row.id;
  r.subject_id = Str(p, "subject_id");
  r.subject_type = Str(p, "subject_type");
  r.name = Str(p, "name");
  r.date_of_birth = Str(p, "date_of_birth");
  r.company_number = Str(p, "company_number");
  r.address = Str(p, "address");
  r.postcode = Str(p, "postcode");
  r.socg_reference = Str(p, "socg_reference");
  r.source_grade = Str(p, "source_grade");
  r.information_grade = Str(p, "information_grade");
  r.handling_code = Str(p, "handling_code");
  r.handling_conditions = Str(p, "handling_conditions");
  r.legacy_grading = p.value("legacy_grading", json());
  r.originator = Str(p, "originator");
  r.recorded_on = Str(p, "recorded_on");
  r.review_on = row.next_review_on.empty() ? Str(p, "review_on") : row.next_review_on;
  r.review_due = !r.review_on.empty() && r.review_on < today;
  r.file = row.file;
  r.line = row.line;
  r.entity_id = row.entity_id;
  r.entity_name = row.entity_name;
  r.entity_kind = row.entity_kind;
  return r;
}

bool IsOwnersAnalyst(const model::Actor& actor, std::optional<int64_t> owner) {
  return actor.role == model::Role::kAnalyst && actor.organisation_id && owner && *actor.organisation_id == *owner;
}

Status AuditRead(const app::Env& env, const model::Actor& actor, const std::string& id, json detail) {
  return env.db.Write([&](storage::Tx& tx) {
    return audit::Append(tx, env.clock, actor, {"read", "intelligence", id, true, std::move(detail)});
  });
}

// The record if the actor may see it.
Result<storage::IntelRecordRow> Visible(storage::Tx& tx, const model::Actor& actor, int64_t id) {
  CAIRN_ASSIGN_OR_RETURN(auto row, storage::GetIntelRecord(tx, id));
  if (!row || !IsOwnersAnalyst(actor, row->owner_organisation_id)) {
    return NotFound("no intelligence record " + std::to_string(id));
  }
  return *row;
}

bool IsDate(const std::string& s) { return s.size() == 10 && ParseTimestamp(s).ok(); }

}  // namespace

const LawfulBases& AllLawfulBases() {
  static const LawfulBases kBases = [] {
    LawfulBases out;
    auto text = embedded::Find("data/intel/lawful_bases.toml");
    toml::table root = toml::parse(std::string(text.value_or("")));
    if (auto* bases = root["basis"].as_array()) {
      for (auto& b : *bases) {
        auto& t = *b.as_table();
        out.bases.push_back({t["code"].value_or(std::string()), t["title"].value_or(std::string()),
                             t["needs_condition"].value_or(false)});
      }
    }
    if (auto* conditions = root["condition"].as_array()) {
      for (auto& c : *conditions) {
        auto& t = *c.as_table();
        out.conditions.emplace_back(t["code"].value_or(std::string()), t["title"].value_or(std::string()));
      }
    }
    return out;
  }();
  return kBases;
}

Result<int64_t> CountIntelligencePastReview(const app::Env& env, int grace_days) {
  std::string cutoff = FormatTimestamp(env.clock.Now() - std::chrono::hours(24) * grace_days).substr(0, 10);
  int64_t n = 0;
  CAIRN_RETURN_IF_ERROR(env.db.Read([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(auto owners, storage::IntelOwners(tx));
    for (int64_t owner : owners) {
      CAIRN_ASSIGN_OR_RETURN(auto rows, storage::IntelRecordsOf(tx, owner));
      for (const auto& row : rows) {
        IntelRecord r = FromRow(row, cutoff);
        if (r.review_due) ++n;
      }
    }
    return Status::Ok();
  }));
  return n;
}

Result<IntelPage> ListIntelligence(const app::Env& env, const model::Actor& actor, const IntelQuery& query) {
  if (actor.role != model::Role::kAnalyst || !actor.organisation_id) return PermissionDenied("intelligence is for analysts");
  std::vector<storage::IntelRecordRow> rows;
  CAIRN_RETURN_IF_ERROR(env.db.Read([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(rows, storage::IntelRecordsOf(tx, *actor.organisation_id));
    return Status::Ok();
  }));
  std::string today = Today(env);
  std::vector<IntelRecord> all;
  for (const auto& row : rows) {
    IntelRecord r = FromRow(row, today);
    if (query.due_only && !r.review_due) continue;
    if (!query.subject_type.empty() && r.subject_type != query.subject_type) continue;
    all.push_back(std::move(r));
  }
  // The queue reads soonest (most overdue) first; records without a review date last.
  std::stable_sort(all.begin(), all.end(), [](const IntelRecord& a, const IntelRecord& b) {
    if (a.review_on.empty() != b.review_on.empty()) return b.review_on.empty();
    return a.review_on < b.review_on;
  });
  IntelPage page;
  page.total = int64_t(all.size());
  for (size_t i = size_t(std::max(0, query.offset)); i < all.size() && int(page.records.size()) < query.limit; ++i) {
    page.records.push_back(std::move(all[i]));
  }
  CAIRN_RETURN_IF_ERROR(AuditRead(env, actor, "", {{"list", true}, {"due_only", query.due_only}, {"shown", page.records.size()}}));
  return page;
}

Result<IntelRecord> ReadIntelligence(const app::Env& env, const model::Actor& actor, int64_t id) {
  IntelRecord out;
  CAIRN_RETURN_IF_ERROR(env.db.Read([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(auto row, Visible(tx, actor, id));
    out = FromRow(row, Today(env));
    CAIRN_ASSIGN_OR_RETURN(out.reviews, storage::ReviewsOf(tx, id));
    CAIRN_ASSIGN_OR_RETURN(out.disclosures, storage::DisclosuresOfRecord(tx, id));
    return Status::Ok();
  }));
  CAIRN_RETURN_IF_ERROR(AuditRead(env, actor, std::to_string(id), {{"subject_id", out.subject_id}}));
  return out;
}

Result<IntelRecord> ReviewIntelligence(const app::Env& env, const model::Actor& actor, int64_t id,
                                       const std::string& next_review_on, const std::string& note) {
  if (!IsDate(next_review_on)) return InvalidField("next_review_on", "give the next review date as YYYY-MM-DD");
  if (next_review_on <= Today(env)) return InvalidField("next_review_on", "the next review must be after today");
  if (note.find_first_not_of(" \t\r\n") == std::string::npos) {
    return InvalidField("note", "say what the review found");
  }
  if (!actor.user_id) return PermissionDenied("reviews are made by a signed-in analyst");
  CAIRN_RETURN_IF_ERROR(env.db.Write([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(auto row, Visible(tx, actor, id));
    storage::IntelReviewRow review{0, id, *actor.user_id, "", FormatTimestamp(env.clock.Now()), next_review_on, note};
    CAIRN_ASSIGN_OR_RETURN(review.id, storage::InsertIntelReview(tx, review));
    return audit::Append(tx, env.clock, actor,
                         {"review", "intelligence", std::to_string(id), true, {{"next_review_on", next_review_on}}});
  }));
  return ReadIntelligence(env, actor, id);
}

Status CheckLawfulBasis(const std::string& lawful_basis, const std::string& schedule1_condition) {
  const auto& bases = AllLawfulBases();
  auto basis = std::find_if(bases.bases.begin(), bases.bases.end(), [&](const auto& b) { return b.code == lawful_basis; });
  if (basis == bases.bases.end()) return InvalidField("lawful_basis", "unknown lawful basis '" + lawful_basis + "'");
  if (basis->needs_condition) {
    auto known = std::find_if(bases.conditions.begin(), bases.conditions.end(),
                              [&](const auto& c) { return c.first == schedule1_condition; });
    if (known == bases.conditions.end()) {
      return InvalidField("schedule1_condition", schedule1_condition.empty()
                                                     ? "this basis needs a DPA 2018 Schedule 1 condition"
                                                     : "unknown Schedule 1 condition '" + schedule1_condition + "'");
    }
  } else if (!schedule1_condition.empty()) {
    return InvalidField("schedule1_condition", "a Schedule 1 condition goes only with UK GDPR Article 10");
  }
  return Status::Ok();
}

Result<storage::DisclosureRow> Disclose(const app::Env& env, const model::Actor& actor, int64_t id,
                                        const DisclosureRequest& req) {
  auto blank = [](const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; };
  if (blank(req.released_text)) return InvalidField("released_text", "say what is released: the recipient sees only this");
  CAIRN_RETURN_IF_ERROR(CheckLawfulBasis(req.lawful_basis, req.schedule1_condition));
  if (!actor.user_id || !actor.organisation_id) return PermissionDenied("disclosures are made by a signed-in analyst");
  storage::DisclosureRow d;
  CAIRN_RETURN_IF_ERROR(env.db.Write([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(auto row, Visible(tx, actor, id));
    IntelRecord record = FromRow(row, Today(env));
    if (record.handling_code == "C" && blank(req.handling_conditions)) {
      return InvalidField("handling_conditions", "the record's handling code is C: say what conditions go with it (" +
                                                     record.handling_conditions + ")");
    }
    auto to = storage::GetOrganisation(tx, req.to_organisation_id);
    if (!to.ok()) return InvalidField("to_organisation_id", "no organisation " + std::to_string(req.to_organisation_id));
    if (req.to_organisation_id == *row.owner_organisation_id) {
      return InvalidField("to_organisation_id", "the record is already held by that organisation");
    }
    d = {0, id, *row.owner_organisation_id, req.to_organisation_id, *actor.user_id, "", to->name,
         req.released_text, req.lawful_basis, req.schedule1_condition, req.handling_conditions,
         FormatTimestamp(env.clock.Now())};
    CAIRN_ASSIGN_OR_RETURN(d.id, storage::InsertDisclosure(tx, d));
    return audit::Append(tx, env.clock, actor,
                         {"disclose", "intelligence", std::to_string(id), true,
                          {{"disclosure", d.id}, {"to_organisation_id", d.to_organisation_id}, {"lawful_basis", d.lawful_basis},
                           {"schedule1_condition", d.schedule1_condition}}});
  }));
  return d;
}

Result<std::vector<storage::DisclosureRow>> ListDisclosures(const app::Env& env, const model::Actor& actor,
                                                            const std::string& direction) {
  if (direction != "received" && direction != "made") return InvalidField("direction", "must be received or made");
  if (!actor.organisation_id) return PermissionDenied("disclosures belong to an organisation");
  if (direction == "made" && actor.role != model::Role::kAnalyst) {
    return PermissionDenied("only analysts see what their organisation disclosed");
  }
  std::vector<storage::DisclosureRow> out;
  CAIRN_RETURN_IF_ERROR(env.db.Read([&](storage::Tx& tx) -> Status {
    if (direction == "made") {
      CAIRN_ASSIGN_OR_RETURN(out, storage::DisclosuresFrom(tx, *actor.organisation_id));
    } else {
      CAIRN_ASSIGN_OR_RETURN(out, storage::DisclosuresTo(tx, *actor.organisation_id));
    }
    return Status::Ok();
  }));
  return out;
}

}  // namespace cairn::engine
