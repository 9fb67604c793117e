// Bidder screening (engine/screening.h): tenders and their results for the partner that
// registered them; referrals and decisions for the police SPOC. Parse, call, serialise.
#include "api/body.h"
#include "api/handlers/handlers.h"
#include "engine/screening.h"

namespace cairn::api::handlers {
namespace {

using nlohmann::json;

json Tender(const storage::TenderRow& t) {
  return {{"id", t.id},         {"organisation", t.organisation_name}, {"buyer", t.buyer},
          {"title", t.title},   {"category", t.category},              {"value", t.value},
          {"cpv", json::parse(t.cpv, nullptr, false)}, {"created_at", t.created_at}};
}

json Bidder(const storage::BidderRow& b) {
  return {{"id", b.id},
          {"name", b.name},
          {"company_number", b.company_number},
          {"address", b.address},
          {"postcode", b.postcode},
          {"declaration_signed", b.declaration_signed},
          {"declaration_date", b.declaration_date},
          {"sia_approved", b.sia_approved},
          {"result", b.result},
          {"reference", b.reference},
          {"screened_at", b.screened_at}};
}

// What the partner sees of a decided referral: the outcome and what was released.
json Released(const storage::ReferralRow& r) {
  json j = {{"outcome", r.outcome}, {"decided_at", r.decided_at}};
  if (r.outcome == "information_released") {
    j["released_text"] = r.released_text;
    j["lawful_basis"] = r.lawful_basis;
    if (!r.schedule1_condition.empty()) j["schedule1_condition"] = r.schedule1_condition;
    j["handling_conditions"] = r.handling_conditions;
  }
  if (r.outcome.rfind("exclusion_", 0) == 0) {
    j["regulation"] = r.regulation;
    j["valid_until"] = r.valid_until;
  }
  return j;
}

json TenderView(const engine::TenderView& v) {
  json j = Tender(v.tender);
  j["bidders"] = json::array();
  for (const auto& b : v.bidders) {
    json bj = Bidder(b.bidder);
    bj["probity"] = b.probity;
    bj["decision"] = b.decision ? Released(*b.decision) : json();
    j["bidders"].push_back(bj);
  }
  return j;
}

json Referral(const engine::ReferralView& v) {
  const auto& r = v.referral;
  json j = {{"id", r.id},
            {"status", r.status},
            {"reasons", json::parse(r.reasons, nullptr, false)},
            {"bidder", Bidder(v.bidder)},
            {"entity_id", v.bidder.entity_id},
            {"tender", Tender(v.tender)}};
  if (r.status == "decided") {
    j["decision"] = {{"outcome", r.outcome},
                     {"lawful_basis", r.lawful_basis},
                     {"schedule1_condition", r.schedule1_condition},
                     {"handling_conditions", r.handling_conditions},
                     {"released_text", r.released_text},
                     {"regulation", r.regulation},
                     {"event_date", r.event_date},
                     {"valid_until", r.valid_until},
                     {"rationale", r.rationale},
                     {"decided_by", r.decider},
                     {"decided_at", r.decided_at}};
  }
  return j;
}

Result<engine::BidderInput> ReadBidder(const json& item, size_t i) {
  Body b(item);
  engine::BidderInput in;
  std::string at = "bidders[" + std::to_string(i) + "].";
  auto prefixed = [&](Status s) {
    return s.ok() ? s : InvalidField(at + s.field(), at + s.message());
  };
  auto name = b.String("name");
  if (!name.ok()) return prefixed(name.status());
  in.name = *name;
  for (auto [field, out] : {std::pair{"company_number", &in.company_number}, std::pair{"address", &in.address},
                            std::pair{"postcode", &in.postcode}, std::pair{"declaration_date", &in.declaration_date}}) {
    auto v = b.OptString(field);
    if (!v.ok()) return prefixed(v.status());
    *out = v->value_or("");
  }
  for (auto [field, out] : {std::pair{"declaration_signed", &in.declaration_signed}, std::pair{"sia_approved", &in.sia_approved}}) {
    auto v = b.OptBool(field);
    if (!v.ok()) return prefixed(v.status());
    *out = v->value_or(false);
  }
  Status done = b.Finish();
  if (!done.ok()) return prefixed(done);
  return in;
}

}  // namespace

Result<Reply> ListTenders(Request& req) {
  CAIRN_ASSIGN_OR_RETURN(auto tenders, engine::ListTenders(req.env, req.actor));
  json items = json::array();
  for (const auto& t : tenders) items.push_back(Tender(t));
  return Reply{200, {{"tenders", items}}, {}};
}

Result<Reply> CreateTender(Request& req) {
  Body b(req.body);
  engine::TenderInput in;
  CAIRN_ASSIGN_OR_RETURN(in.buyer, b.String("buyer"));
  CAIRN_ASSIGN_OR_RETURN(in.title, b.String("title"));
  CAIRN_ASSIGN_OR_RETURN(in.category, b.String("category"));
  CAIRN_ASSIGN_OR_RETURN(auto value, b.OptNumber("value"));
  CAIRN_ASSIGN_OR_RETURN(auto cpv, b.OptStringList("cpv"));
  CAIRN_ASSIGN_OR_RETURN(auto bidders, b.OptObjectList("bidders", 200));
  CAIRN_ASSIGN_OR_RETURN(auto csv, b.OptText("bidders_csv", 1 << 20));
  CAIRN_RETURN_IF_ERROR(b.Finish());
  in.value = value.value_or(0);
  in.cpv = cpv.value_or(std::vector<std::string>());
  if (bidders && csv) return InvalidField("bidders_csv", "give bidders or bidders_csv, not both");
  if (csv) {
    CAIRN_ASSIGN_OR_RETURN(in.bidders, engine::ParseBiddersCsv(*csv));
  } else if (bidders) {
    for (size_t i = 0; i < bidders->size(); ++i) {
      CAIRN_ASSIGN_OR_RETURN(auto bidder, ReadBidder((*bidders)[i], i));
      in.bidders.push_back(std::move(bidder));
    }
  }
  CAIRN_ASSIGN_OR_RETURN(auto v, engine::RegisterTender(req.env, req.actor, in));
  return Reply{201, TenderView(v), {}};
}

Result<Reply> GetTender(Request& req) {
  CAIRN_ASSIGN_OR_RETURN(int64_t id, IdParam(req, 0));
  CAIRN_ASSIGN_OR_RETURN(auto v, engine::ReadTender(req.env, req.actor, id));
  return Reply{200, TenderView(v), {}};
}

Result<Reply> ExportScreening(Request& req) {
  return Download(
      req, "cairn-screening", [&] { return engine::ExportScreeningCsv(req.env, req.actor); },
      [&] { return engine::ExportScreeningXlsx(req.env, req.actor); });
}

Result<Reply> ListReferrals(Request& req) {
  CAIRN_ASSIGN_OR_RETURN(auto rows, engine::ListReferrals(req.env, req.actor));
  json items = json::array();
  for (const auto& v : rows) items.push_back(Referral(v));
  return Reply{200, {{"referrals", items}}, {}};
}

Result<Reply> GetReferral(Request& req) {
  CAIRN_ASSIGN_OR_RETURN(int64_t id, IdParam(req, 0));
  CAIRN_ASSIGN_OR_RETURN(auto v, engine::ReadReferral(req.env, req.actor, id));
  return Reply{200, Referral(v), {}};
}

Result<Reply> DecideReferral(Request& req) {
  CAIRN_ASSIGN_OR_RETURN(int64_t id, IdParam(req, 0));
  Body b(req.body);
  engine::ReferralDecision d;
  CAIRN_ASSIGN_OR_RETURN(d.outcome, b.String("outcome"));
  CAIRN_ASSIGN_OR_RETURN(d.rationale, b.String("rationale"));
  for (auto [field, out] : {std::pair{"lawful_basis", &d.lawful_basis}, std::pair{"schedule1_condition", &d.schedule1_condition},
                            std::pair{"handling_conditions", &d.handling_conditions}, std::pair{"released_text", &d.released_text},
                            std::pair{"regulation", &d.regulation}, std::pair{"event_date", &d.event_date}}) {
    CAIRN_ASSIGN_OR_RETURN(auto v, b.OptString(field));
    *out = v.value_or("");
  }
  CAIRN_RETURN_IF_ERROR(b.Finish());
  CAIRN_ASSIGN_OR_RETURN(auto v, engine::DecideReferral(req.env, req.actor, id, d));
  return Reply{200, Referral(v), {}};
}

Result<Reply> ListExclusionGrounds(Request&) {
  json items = json::array();
  for (const auto& r : engine::Regulations())
    items.push_back({{"code", r.code}, {"title", r.title}, {"ground", r.ground}, {"valid_years", r.valid_years}});
  return Reply{200, {{"exclusion_grounds", items}}, {}};
}

}  // namespace cairn::api::handlers
