// Intelligence records: police-held subject records (ingested as intelligence_subjects,
// restricted to the organisation that holds them), graded 3x5x2, linked to the resolved
// entities they are about, reviewed on a schedule, and disclosed — in part, on a recorded lawful
// basis — to partner organisations.
//
// Only analysts of the owning organisation see a record; every read of one is audited, and
// anyone else gets NotFound (policy refuses other roles before this, and audits the refusal). A
// receiving organisation sees only what a disclosure released: its text, basis and conditions.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "app/env.h"
#include "common/status.h"
#include "model/actor.h"
#include "storage/intelligence.h"

namespace cairn::engine {

struct IntelRecord {
  int64_t id = 0;
  std::string subject_id, subject_type, name, date_of_birth, company_number, address, postcode, socg_reference;
  std::string source_grade, information_grade, handling_code, handling_conditions;  // 3x5x2
  nlohmann::json legacy_grading;  // the original 5x5x5 grades, or null
  std::string originator, recorded_on;
  std::string review_on;  // the latest review's next date, else the record's own review date
  bool review_due = false;
  std::string file;
  int64_t line = 0;
  std::string entity_id, entity_name, entity_kind;
  std::vector<storage::IntelReviewRow> reviews;       // ReadIntelligence only
  std::vector<storage::DisclosureRow> disclosures;    // ReadIntelligence only
};

struct IntelQuery {
  bool due_only = false;     // only records past their review date (the review queue)
  std::string subject_type;  // "" = any
  int limit = 100, offset = 0;
};

struct IntelPage {
  std::vector<IntelRecord> records;
  int64_t total = 0;
};

// The actor's organisation's records, review date first. Audited.
Result<IntelPage> ListIntelligence(const app::Env& env, const model::Actor& actor, const IntelQuery& query);

// One record with its reviews and disclosures. NotFound unless the actor is an analyst of the
// owner. Audited.
Result<IntelRecord> ReadIntelligence(const app::Env& env, const model::Actor& actor, int64_t id);

// How many intelligence records, across every owning organisation, are past their review date by
// more than `grace_days` (the retention report: intelligence is reviewed by its analysts, never
// deleted by a job). Reads no record into the result, so it is not audited as a read.
Result<int64_t> CountIntelligencePastReview(const app::Env& env, int grace_days);

// Records a review and the next review date (YYYY-MM-DD, after today). InvalidField for a bad
// date or an empty note. Audited.
Result<IntelRecord> ReviewIntelligence(const app::Env& env, const model::Actor& actor, int64_t id,
                                       const std::string& next_review_on, const std::string& note);

struct DisclosureRequest {
  int64_t to_organisation_id = 0;
  std::string released_text, lawful_basis, schedule1_condition, handling_conditions;
};

// Records a disclosure from record `id`. InvalidField naming the field for: no released text;
// an unknown lawful basis; a basis that needs a Schedule 1 condition without one (or with an
// unknown one); no handling conditions when the record's handling code is C; an unknown
// organisation, or the owner itself. Audited.
Result<storage::DisclosureRow> Disclose(const app::Env& env, const model::Actor& actor, int64_t id,
                                        const DisclosureRequest& request);

// Disclosures to the actor's organisation ("received") or from it ("made"; analysts only).
Result<std::vector<storage::DisclosureRow>> ListDisclosures(const app::Env& env, const model::Actor& actor,
                                                            const std::string& direction);

struct LawfulBasis {
  std::string code, title;
  bool needs_condition = false;
};
struct LawfulBases {
  std::vector<LawfulBasis> bases;
  std::vector<std::pair<std::string, std::string>> conditions;  // code, title
};
// The reference list in data/intel/lawful_bases.toml (embedded).
const LawfulBases& AllLawfulBases();

// InvalidField("lawful_basis" | "schedule1_condition") unless `lawful_basis` is in the list and
// comes with a known Schedule 1 condition exactly when it needs one.
Status CheckLawfulBasis(const std::string& lawful_basis, const std::string& schedule1_condition);

}  // namespace cairn::engine
