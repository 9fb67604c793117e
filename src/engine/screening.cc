#include "engine/screening.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <sstream>

#include "audit/chain.h"
#include "common/csv_field.h"
#include "common/time.h"
#include "engine/internal/xlsx.h"
#include "engine/intelligence.h"
#include "engine/watchlist.h"
#include "ingest/csv.h"
#include "resolve/normalise.h"
#include "resolve/record.h"
#include "storage/findings.h"
#include "storage/network.h"
#include "storage/organisations.h"

namespace cairn::engine {
namespace {

using nlohmann::json;

constexpr size_t kMaxBidders = 200;
// A bidder whose risk (own findings and neighbours', docs/detection.md) reaches this is referred
// even without intelligence behind it.
constexpr double kReferRisk = 0.7;
// Findings that say something about a bidder's probity by themselves.
const std::vector<std::string> kProbityIndicators = {"P1", "P4", "P7", "C2", "C4"};

bool IsSecurityWork(const std::vector<std::string>& cpv) {
  return std::any_of(cpv.begin(), cpv.end(), [](const std::string& c) { return c.rfind("7971", 0) == 0; });
}

Status CheckDate(const std::string& value, const std::string& field) {
  if (value.empty()) return Status::Ok();
  if (value.size() != 10 || !ParseTimestamp(value).ok()) return InvalidField(field, field + " must be a date, YYYY-MM-DD");
  return Status::Ok();
}

Status Validate(const TenderInput& in) {
  if (in.buyer.empty()) return InvalidField("buyer", "buyer is required");
  if (in.title.empty()) return InvalidField("title", "title is required");
  if (in.category != "goods" && in.category != "services" && in.category != "works")
    return InvalidField("category", "category must be goods, services or works");
  if (in.value < 0) return InvalidField("value", "value must not be negative");
  if (in.bidders.empty()) return InvalidField("bidders", "a tender needs at least one bidder");
  if (in.bidders.size() > kMaxBidders) return InvalidField("bidders", "at most 200 bidders per tender");
  for (size_t i = 0; i < in.bidders.size(); ++i) {
    const auto& b = in.bidders[i];
    std::string at = "bidders[" + std::to_string(i) + "]";
    if (b.name.empty()) return InvalidField(at + ".name", at + ": name is required");
    CAIRN_RETURN_IF_ERROR(CheckDate(b.declaration_date, at + ".declaration_date"));
    if (b.declaration_signed && b.declaration_date.empty())
      return InvalidField(at + ".declaration_date", at + ": a signed declaration needs its date");
  }
  return Status::Ok();
}

// The resolved organisation a bidder is, or nullopt: by company number, else by name at the
// postcode.
Result<std::optional<storage::EntityRow>> FindBidder(storage::Tx& tx, const BidderInput& b) {
  if (!b.company_number.empty()) {
    std::string number = resolve::NormaliseForRole(resolve::Role::kCompanyNumber, b.company_number);
    CAIRN_ASSIGN_OR_RETURN(auto rows, storage::FindEntities(tx, number, "", "", {}, 20));
    for (const auto& e : rows)
      if (e.kind == "organisation" && e.company_number == number) return std::optional<storage::EntityRow>(e);
  }
  if (!b.postcode.empty()) {
    std::string want = resolve::NormaliseOrganisationName(b.name);
    CAIRN_ASSIGN_OR_RETURN(auto rows, storage::FindEntities(tx, "", resolve::NormalisePostcode(b.postcode), "", {}, 500));
    for (const auto& e : rows)
      if (e.kind == "organisation" && resolve::NormaliseOrganisationName(e.name) == want)
        return std::optional<storage::EntityRow>(e);
  }
  return std::optional<storage::EntityRow>();
}

struct Screened {
  std::string entity_id;
  json reasons = json::array();
  std::optional<int64_t> intelligence_owner;  // the owner of the first intelligence-based reason
};

// Why (if at all) the bidder should be referred: a watchlist published here names it, or its
// findings. Reads restricted findings as the system does; what it read is only ever shown to the
// SPOC.
Result<Screened> Screen(storage::Tx& tx, const WatchlistIndex& watchlists, const BidderInput& b) {
  Screened s;
  for (const auto& hit : watchlists.Find(b.name, b.company_number)) {
    s.reasons.push_back({{"indicator", "watchlist"},
                         {"summary", "on the watchlist " + hit.organisation + " published " + hit.published_at + " (by " +
                                         hit.by + ")"},
                         {"restricted", true}});
    if (!s.intelligence_owner) s.intelligence_owner = hit.organisation_id;
  }
  CAIRN_ASSIGN_OR_RETURN(auto entity, FindBidder(tx, b));
  if (!entity) {
    if (!b.company_number.empty())
      s.reasons.push_back({{"indicator", "P7"}, {"summary", "company number " + b.company_number + " is not in the network"}});
    return s;
  }
  s.entity_id = entity->id;
  storage::Reach all;
  all.all_restricted = true;
  storage::FindingQuery q;
  q.entity_id = entity->id;
  q.limit = 200;
  CAIRN_ASSIGN_OR_RETURN(auto findings, storage::QueryFindings(tx, q, all));
  for (const auto& f : findings) {
    bool probity = std::find(kProbityIndicators.begin(), kProbityIndicators.end(), f.indicator) != kProbityIndicators.end();
    if (!f.restricted && !probity) continue;
    s.reasons.push_back({{"indicator", f.indicator}, {"summary", f.summary}, {"finding_id", f.id},
                         {"restricted", f.restricted}, {"score", f.score}});
    if (f.restricted && !s.intelligence_owner) s.intelligence_owner = f.owner_organisation_id;
  }
  CAIRN_ASSIGN_OR_RETURN(auto risks, storage::RiskOf(tx, entity->id, all));
  double risk = 0;
  for (const auto& r : risks) risk = std::max(risk, r.risk);
  if (risk >= kReferRisk && s.reasons.empty())
    s.reasons.push_back({{"indicator", "risk"}, {"summary", "risk " + std::to_string(risk).substr(0, 4) + " from its findings and its neighbours'"}});
  return s;
}

Result<int64_t> PoliceOrganisation(storage::Tx& tx) {
  CAIRN_ASSIGN_OR_RETURN(auto orgs, storage::ListOrganisations(tx));
  std::optional<int64_t> best;
  for (const auto& o : orgs)
    if (o.type == "police" && (!best || o.id < *best)) best = o.id;
  if (!best) return FailedPrecondition("a bidder needs referring but there is no police organisation to refer to");
  return *best;
}

std::string Reference(int64_t tender_id, size_t position) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "SCR-%06lld-%02zu", static_cast<long long>(tender_id), position + 1);
  return buf;
}

std::vector<std::string> Cpvs(const storage::TenderRow& t) {
  std::vector<std::string> out;
  json j = json::parse(t.cpv, nullptr, false);
  if (j.is_array())
    for (const auto& c : j)
      if (c.is_string()) out.push_back(c.get<std::string>());
  return out;
}

// What the partner may see of a decision: the outcome and what was released, never the reasons.
storage::ReferralRow Released(storage::ReferralRow r) {
  r.reasons = "[]";
  r.rationale.clear();
  r.decided_by = 0;
  r.decider.clear();
  if (r.outcome != "information_released") r.lawful_basis = r.schedule1_condition = r.handling_conditions = r.released_text = "";
  return r;
}

Result<TenderView> View(storage::Tx& tx, const storage::TenderRow& t) {
  TenderView v{t, {}};
  CAIRN_ASSIGN_OR_RETURN(auto bidders, storage::BiddersOf(tx, t.id));
  bool security = IsSecurityWork(Cpvs(t));
  for (auto& b : bidders) {
    BidderView bv{b, {}, std::nullopt};
    if (!b.declaration_signed) bv.probity.push_back("no signed SOC non-involvement declaration");
    if (security && !b.sia_approved) bv.probity.push_back("security work without SIA Approved Contractor Scheme status");
    CAIRN_ASSIGN_OR_RETURN(auto referral, storage::ReferralOfBidder(tx, b.id));
    if (referral && referral->status == "decided") bv.decision = Released(*referral);
    v.bidders.push_back(std::move(bv));
  }
  return v;
}

bool IsAnalystOf(const model::Actor& actor, int64_t organisation_id) {
  return actor.role == model::Role::kAnalyst && actor.organisation_id == organisation_id;
}

std::string AddYears(const std::string& date, int years) {
  return std::to_string(std::stoi(date.substr(0, 4)) + years) + date.substr(4, 6);
}

}  // namespace

const std::vector<Regulation>& Regulations() {
  static const std::vector<Regulation> kAll = {
      {"pcsr2015-58-1", "Public Contracts (Scotland) Regulations 2015, reg. 58(1): conviction for a listed offence", "mandatory", 5},
      {"psr2016-8", "Procurement (Scotland) Regulations 2016, reg. 8: conviction for a listed offence", "mandatory", 5},
      {"pcsr2015-58-8", "Public Contracts (Scotland) Regulations 2015, reg. 58(8): discretionary ground", "discretionary", 3},
      {"psr2016-9", "Procurement (Scotland) Regulations 2016, reg. 9: discretionary ground", "discretionary", 3},
  };
  return kAll;
}

Result<std::vector<BidderInput>> ParseBiddersCsv(const std::string& csv) {
  std::istringstream in(csv);
  ingest::CsvReader reader(in, "bidders_csv");
  ingest::CsvRow row;
  std::string error;
  auto fail = [](int64_t line, const std::string& why) {
    return InvalidField("bidders_csv", "row " + std::to_string(line) + ": " + why + "; nothing was loaded");
  };
  if (reader.Read(&row, &error) != ingest::CsvReader::Next::kRow) return fail(1, "a header row is needed");
  ingest::CsvHeader header(row.fields);
  auto name_col = header.Index("name");
  if (!name_col.ok()) return fail(1, name_col.status().message());
  auto col = [&](const char* name) -> std::optional<size_t> {
    auto i = header.Index(name);
    return i.ok() ? std::optional<size_t>(*i) : std::nullopt;
  };
  const auto number = col("company_number"), address = col("address"), postcode = col("postcode"),
             signed_col = col("declaration_signed"), date = col("declaration_date"), sia = col("sia_approved");
  auto yes_no = [&](const std::optional<size_t>& c, const std::string& column, bool* out) -> Status {
    std::string v = c ? ingest::Trim(row.fields[*c]) : "";
    std::transform(v.begin(), v.end(), v.begin(), [](unsigned char ch) { return char(std::tolower(ch)); });
    if (v.empty() || v == "no" || v == "false" || v == "0") *out = false;
    else if (v == "yes" || v == "true" || v == "1") *out = true;
    else return fail(row.line, column + " must be yes or no, not \"" + v + "\"");
    return Status::Ok();
  };
  std::vector<BidderInput> out;
  while (true) {
    auto next = reader.Read(&row, &error);
    if (next == ingest::CsvReader::Next::kEnd) break;
    if (next == ingest::CsvReader::Next::kBad) return fail(row.line, error);
    if (row.fields.size() != header.size())
      return fail(row.line, std::to_string(row.fields.size()) + " columns where the header has " + std::to_string(header.size()));
    BidderInput b;
    auto field = [&](const std::optional<size_t>& c) { return c ? ingest::Trim(row.fields[*c]) : std::string(); };
    b.name = field(*name_col);
    if (b.name.empty()) return fail(row.line, "name is empty");
    b.company_number = field(number);
    b.address = field(address);
    b.postcode = field(postcode);
    b.declaration_date = field(date);
    CAIRN_RETURN_IF_ERROR(yes_no(signed_col, "declaration_signed", &b.declaration_signed));
    CAIRN_RETURN_IF_ERROR(yes_no(sia, "sia_approved", &b.sia_approved));
    if (!CheckDate(b.declaration_date, "declaration_date").ok()) return fail(row.line, "declaration_date must be YYYY-MM-DD");
    out.push_back(std::move(b));
    if (out.size() > kMaxBidders) return fail(row.line, "at most 200 bidders per tender");
  }
  if (out.empty()) return InvalidField("bidders_csv", "no bidders in the upload");
  return out;
}

Result<TenderView> RegisterTender(const app::Env& env, const model::Actor& actor, const TenderInput& input) {
  CAIRN_RETURN_IF_ERROR(Validate(input));
  if (!actor.organisation_id || !actor.user_id) return PermissionDenied("only a signed-in member of an organisation may register a tender");
  storage::TenderRow t;
  t.organisation_id = *actor.organisation_id;
  t.buyer = input.buyer;
  t.title = input.title;
  t.category = input.category;
  t.value = input.value;
  t.cpv = json(input.cpv).dump();
  t.created_by = *actor.user_id;
  t.created_at = FormatTimestamp(env.clock.Now());
  int64_t referred = 0;
  CAIRN_RETURN_IF_ERROR(env.db.Write([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(t.id, storage::InsertTender(tx, t));
    CAIRN_ASSIGN_OR_RETURN(auto watchlists, WatchlistIndex::Load(tx));
    for (size_t i = 0; i < input.bidders.size(); ++i) {
      const BidderInput& in = input.bidders[i];
      CAIRN_ASSIGN_OR_RETURN(auto screened, Screen(tx, watchlists, in));
      storage::BidderRow b{0, t.id, int64_t(i), in.name, in.company_number, in.address, in.postcode,
                           in.declaration_signed, in.declaration_date, in.sia_approved,
                           screened.reasons.empty() ? "no_concerns" : "refer", Reference(t.id, i), screened.entity_id,
                           t.created_at};
      CAIRN_ASSIGN_OR_RETURN(b.id, storage::InsertBidder(tx, b));
      if (b.result != "refer") continue;
      ++referred;
      storage::ReferralRow r;
      r.bidder_id = b.id;
      if (screened.intelligence_owner) {
        r.spoc_organisation_id = *screened.intelligence_owner;
      } else {
        CAIRN_ASSIGN_OR_RETURN(r.spoc_organisation_id, PoliceOrganisation(tx));
      }
      r.reasons = screened.reasons.dump();
      CAIRN_ASSIGN_OR_RETURN(r.id, storage::InsertReferral(tx, r));
    }
    return audit::Append(tx, env.clock, actor,
                         {"create", "tender", std::to_string(t.id), false,
                          {{"title", t.title}, {"bidders", input.bidders.size()}, {"referred", referred}}});
  }));
  return ReadTender(env, actor, t.id);
}

Result<std::vector<storage::TenderRow>> ListTenders(const app::Env& env, const model::Actor& actor) {
  if (!actor.organisation_id) return std::vector<storage::TenderRow>();
  std::vector<storage::TenderRow> out;
  CAIRN_RETURN_IF_ERROR(env.db.Read([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(out, storage::ListTenders(tx, *actor.organisation_id));
    return Status::Ok();
  }));
  return out;
}

Result<TenderView> ReadTender(const app::Env& env, const model::Actor& actor, int64_t id) {
  TenderView v;
  CAIRN_RETURN_IF_ERROR(env.db.Read([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(auto t, storage::GetTender(tx, id));
    if (!t || t->organisation_id != actor.organisation_id) return NotFound("no tender with id " + std::to_string(id));
    CAIRN_ASSIGN_OR_RETURN(v, View(tx, *t));
    return Status::Ok();
  }));
  return v;
}

namespace {

Result<std::optional<ReferralView>> LoadReferral(storage::Tx& tx, const storage::ReferralRow& r) {
  CAIRN_ASSIGN_OR_RETURN(auto bidder, storage::GetBidder(tx, r.bidder_id));
  if (!bidder) return std::optional<ReferralView>();
  CAIRN_ASSIGN_OR_RETURN(auto tender, storage::GetTender(tx, bidder->tender_id));
  if (!tender) return std::optional<ReferralView>();
  return std::optional<ReferralView>(ReferralView{r, *bidder, *tender});
}

Status AuditReferralRead(const app::Env& env, const model::Actor& actor, const std::string& what, size_t rows) {
  return env.db.Write([&](storage::Tx& tx) {
    return audit::Append(tx, env.clock, actor, {"read", "referral", what, true, {{"restricted", true}, {"rows", rows}}});
  });
}

}  // namespace

Result<std::vector<ReferralView>> ListReferrals(const app::Env& env, const model::Actor& actor) {
  std::vector<ReferralView> out;
  if (!actor.organisation_id) return out;
  CAIRN_RETURN_IF_ERROR(env.db.Read([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(auto rows, storage::ReferralsFor(tx, *actor.organisation_id));
    for (const auto& r : rows) {
      CAIRN_ASSIGN_OR_RETURN(auto v, LoadReferral(tx, r));
      if (v) out.push_back(std::move(*v));
    }
    return Status::Ok();
  }));
  CAIRN_RETURN_IF_ERROR(AuditReferralRead(env, actor, "", out.size()));
  return out;
}

Result<ReferralView> ReadReferral(const app::Env& env, const model::Actor& actor, int64_t id) {
  std::optional<ReferralView> v;
  CAIRN_RETURN_IF_ERROR(env.db.Read([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(auto r, storage::GetReferral(tx, id));
    if (!r || !IsAnalystOf(actor, r->spoc_organisation_id)) return NotFound("no referral with id " + std::to_string(id));
    CAIRN_ASSIGN_OR_RETURN(v, LoadReferral(tx, *r));
    return v ? Status::Ok() : NotFound("no referral with id " + std::to_string(id));
  }));
  CAIRN_RETURN_IF_ERROR(AuditReferralRead(env, actor, std::to_string(id), 1));
  return *v;
}

namespace {

Status ValidateDecision(const ReferralDecision& d, const std::string& today, ReferralDecision* clean, std::string* valid_until) {
  *clean = ReferralDecision{d.outcome, "", "", "", "", "", "", d.rationale};
  static const std::vector<std::string> kOutcomes = {"no_action", "enhanced_checks", "information_released",
                                                     "exclusion_mandatory", "exclusion_discretionary"};
  if (std::find(kOutcomes.begin(), kOutcomes.end(), d.outcome) == kOutcomes.end())
    return InvalidField("outcome", "outcome must be one of no_action, enhanced_checks, information_released, "
                                   "exclusion_mandatory, exclusion_discretionary");
  if (d.rationale.empty()) return InvalidField("rationale", "a decision needs its rationale");
  if (d.outcome == "information_released") {
    if (d.released_text.empty()) return InvalidField("released_text", "say what is released");
    CAIRN_RETURN_IF_ERROR(CheckLawfulBasis(d.lawful_basis, d.schedule1_condition));
    clean->schedule1_condition = d.schedule1_condition;
    if (d.handling_conditions.empty()) return InvalidField("handling_conditions", "a release needs handling conditions");
    clean->lawful_basis = d.lawful_basis;
    clean->handling_conditions = d.handling_conditions;
    clean->released_text = d.released_text;
  }
  if (d.outcome.rfind("exclusion_", 0) == 0) {
    std::string ground = d.outcome.substr(10);
    const auto& regs = Regulations();
    auto reg = std::find_if(regs.begin(), regs.end(), [&](const Regulation& r) { return r.code == d.regulation; });
    if (reg == regs.end() || reg->ground != ground)
      return InvalidField("regulation", "cite a " + ground + " exclusion ground (see /api/v1/exclusion-grounds)");
    std::string what = ground == "mandatory" ? "the conviction's date" : "the date of the conduct";
    if (d.event_date.empty() || CheckDate(d.event_date, "event_date").ok() == false)
      return InvalidField("event_date", "give " + what + ", YYYY-MM-DD");
    if (d.event_date > today) return InvalidField("event_date", what + " is in the future");
    *valid_until = AddYears(d.event_date, reg->valid_years);
    if (*valid_until < today)
      return InvalidField("event_date", "the ground lasts " + std::to_string(reg->valid_years) + " years from " + what +
                                            ": it ended on " + *valid_until);
    clean->regulation = d.regulation;
    clean->event_date = d.event_date;
  }
  return Status::Ok();
}

}  // namespace

Result<ReferralView> DecideReferral(const app::Env& env, const model::Actor& actor, int64_t id,
                                    const ReferralDecision& decision) {
  std::string now = FormatTimestamp(env.clock.Now());
  ReferralDecision clean;
  std::string valid_until;
  CAIRN_RETURN_IF_ERROR(ValidateDecision(decision, now.substr(0, 10), &clean, &valid_until));
  CAIRN_RETURN_IF_ERROR(env.db.Write([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(auto r, storage::GetReferral(tx, id));
    if (!r || !IsAnalystOf(actor, r->spoc_organisation_id)) return NotFound("no referral with id " + std::to_string(id));
    if (r->status == "decided") return FailedPrecondition("referral " + std::to_string(id) + " has been decided");
    r->status = "decided";
    r->outcome = clean.outcome;
    r->lawful_basis = clean.lawful_basis;
    r->schedule1_condition = clean.schedule1_condition;
    r->handling_conditions = clean.handling_conditions;
    r->released_text = clean.released_text;
    r->regulation = clean.regulation;
    r->event_date = clean.event_date;
    r->valid_until = valid_until;
    r->rationale = clean.rationale;
    r->decided_by = *actor.user_id;
    r->decided_at = now;
    CAIRN_RETURN_IF_ERROR(storage::DecideReferral(tx, *r));
    return audit::Append(tx, env.clock, actor,
                         {"decide", "referral", std::to_string(id), true,
                          {{"outcome", r->outcome}, {"lawful_basis", r->lawful_basis}, {"regulation", r->regulation},
                           {"valid_until", r->valid_until}}});
  }));
  return ReadReferral(env, actor, id);
}

namespace {

const std::vector<std::string> kExportColumns = {
    "tender_id", "buyer", "title", "reference", "bidder", "company_number", "result", "declaration_signed",
    "probity", "outcome", "released_text", "lawful_basis", "handling_conditions", "regulation", "valid_until"};

// One row per bidder of the actor's organisation's tenders, as the export's columns. Audited.
Result<std::vector<std::vector<std::string>>> ExportRows(const app::Env& env, const model::Actor& actor,
                                                         const std::string& format) {
  CAIRN_ASSIGN_OR_RETURN(auto tenders, ListTenders(env, actor));
  std::vector<std::vector<std::string>> rows;
  for (const auto& t : tenders) {
    CAIRN_ASSIGN_OR_RETURN(auto v, ReadTender(env, actor, t.id));
    for (const auto& b : v.bidders) {
      std::string probity;
      for (const auto& p : b.probity) probity += (probity.empty() ? "" : "; ") + p;
      const storage::ReferralRow none;
      const storage::ReferralRow& d = b.decision ? *b.decision : none;
      rows.push_back({std::to_string(t.id), t.buyer, t.title, b.bidder.reference, b.bidder.name, b.bidder.company_number,
                      b.bidder.result, b.bidder.declaration_signed ? "yes" : "no", probity, b.decision ? d.outcome : "",
                      d.released_text, d.lawful_basis, d.handling_conditions, d.regulation, d.valid_until});
    }
  }
  CAIRN_RETURN_IF_ERROR(env.db.Write([&](storage::Tx& tx) {
    return audit::Append(tx, env.clock, actor,
                         {"export", "screening", "", false, {{"tenders", tenders.size()}, {"format", format}}});
  }));
  return rows;
}

}  // namespace

Result<std::string> ExportScreeningCsv(const app::Env& env, const model::Actor& actor) {
  CAIRN_ASSIGN_OR_RETURN(auto rows, ExportRows(env, actor, "csv"));
  std::string out;
  rows.insert(rows.begin(), kExportColumns);
  for (const auto& cells : rows) {
    for (size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + CsvField(cells[i]);
    out += "\n";
  }
  return out;
}

Result<std::string> ExportScreeningXlsx(const app::Env& env, const model::Actor& actor) {
  CAIRN_ASSIGN_OR_RETURN(auto rows, ExportRows(env, actor, "xlsx"));
  return internal::XlsxBytes("screening", [&](lxw_workbook* wb, lxw_format* bold) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, "Screening");
    for (size_t c = 0; c < kExportColumns.size(); ++c)
      worksheet_write_string(ws, 0, lxw_col_t(c), kExportColumns[c].c_str(), bold);
    worksheet_set_column(ws, 0, lxw_col_t(kExportColumns.size() - 1), 20, nullptr);
    for (size_t r = 0; r < rows.size(); ++r)
      for (size_t c = 0; c < rows[r].size(); ++c)
        worksheet_write_string(ws, lxw_row_t(r + 1), lxw_col_t(c), rows[r][c].c_str(), nullptr);
  });
}

}  // namespace cairn::engine
