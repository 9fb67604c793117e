#include "engine/socg.h"

#include <algorithm>
#include <map>
#include <set>

#include "audit/chain.h"
#include "common/time.h"
#include "engine/detection.h"
#include "engine/internal/fields.h"
#include "engine/network_view.h"
#include "storage/findings.h"
#include "storage/organisations.h"

namespace cairn::engine {
namespace {

using internal::PostcodeArea;
using nlohmann::json;

bool Current(const storage::LinkRow& l, const std::string& today) { return l.end_date.empty() || l.end_date > today; }

json Detail(const storage::LinkRow& l) {
  json d = json::parse(l.detail, nullptr, false);
  return d.is_object() ? d : json::object();
}

struct Context {
  std::map<std::string, std::string> council_region;  // council name → region
  std::string today;
  storage::Reach reach;
};

class Builder {
 public:
  Builder(storage::Tx& tx, const Context& ctx) : tx_(tx), ctx_(ctx) {}

  Result<SocgProfile> Build(const storage::EntityRow& g) {
    SocgProfile p;
    p.group = g;
    p.reference = g.name;
    CAIRN_ASSIGN_OR_RETURN(auto links, storage::LinksOf(tx_, g.id));
    std::set<std::string> seen;
    for (const auto& l : links) {
      if (l.type != "member_of" || l.to_entity != g.id || !seen.insert(l.from_entity).second) continue;
      CAIRN_ASSIGN_OR_RETURN(auto e, storage::GetEntity(tx_, l.from_entity));
      if (!e) continue;
      if (e->kind == "person") p.members.push_back(*e);
      else if (e->kind == "organisation") AddBusiness(p, *e, "named in intelligence");
      else if (e->kind == "address") p.addresses.push_back(*e);
    }
    CAIRN_RETURN_IF_ERROR(CrimeTypes(p));
    for (const auto& m : p.members) CAIRN_RETURN_IF_ERROR(FromMember(p, m));
    for (auto& b : p.businesses) CAIRN_RETURN_IF_ERROR(FromBusiness(p, b));
    for (const auto& a : p.addresses) Area(p, a.postcode);
    p.councils.assign(councils_.begin(), councils_.end());
    p.regions.assign(regions_.begin(), regions_.end());
    p.postcode_areas.assign(areas_.begin(), areas_.end());
    p.uses_legitimate_business = !p.businesses.empty();
    if (g.owner_organisation_id) {
      CAIRN_ASSIGN_OR_RETURN(auto profile, storage::GetSocgProfile(tx_, p.reference, *g.owner_organisation_id));
      if (profile) {
        json types = json::parse(profile->crime_types, nullptr, false);
        if (types.is_array() && !types.empty()) {
          p.crime_types = types.get<std::vector<std::string>>();
          p.crime_types_from_records = false;
        }
        p.notes = profile->notes;
      }
      CAIRN_ASSIGN_OR_RETURN(p.assessments, storage::AssessmentsOf(tx_, p.reference, *g.owner_organisation_id));
    }
    return p;
  }

 private:
  void Area(SocgProfile& p, const std::string& postcode, const std::vector<std::string>* scottish = nullptr) {
    std::string area = PostcodeArea(postcode);
    if (area.empty()) return;
    areas_.insert(area);
    const auto& s = scottish ? *scottish : risk::DefaultThreatSettings().scottish_postcode_areas;
    if (std::find(s.begin(), s.end(), area) == s.end()) p.cross_border = true;
  }

  void Council(const std::string& name) {
    auto it = ctx_.council_region.find(name);
    if (it == ctx_.council_region.end()) return;
    councils_.insert(name);
    regions_.insert(it->second);
  }

  void AddBusiness(SocgProfile& p, const storage::EntityRow& e, const std::string& how) {
    for (auto& b : p.businesses) {
      if (b.entity.id == e.id) return;
    }
    p.businesses.push_back({e, how, 0});
  }

  Status CrimeTypes(SocgProfile& p) {
    CAIRN_ASSIGN_OR_RETURN(auto mentions, storage::MentionsOf(tx_, p.group.id));
    std::set<std::string> types;
    for (const auto& m : mentions) {
      if (m.format != "intelligence_subjects") continue;
      CAIRN_ASSIGN_OR_RETURN(auto payload, storage::PayloadOf(tx_, m.mention.source_record_id));
      json j = payload ? json::parse(*payload, nullptr, false) : json();
      if (!j.is_object()) continue;
      for (const auto& t : j.value("crime_types", json::array())) {
        if (t.is_string()) types.insert(t.get<std::string>());
      }
    }
    p.crime_types.assign(types.begin(), types.end());
    return Status::Ok();
  }

  Status FromMember(SocgProfile& p, const storage::EntityRow& m) {
    Area(p, m.postcode);
    CAIRN_ASSIGN_OR_RETURN(auto links, storage::LinksOf(tx_, m.id));
    for (const auto& l : links) {
      if (l.from_entity != m.id || !Current(l, ctx_.today)) continue;
      if (l.type == "officer_of" || l.type == "psc_of") {
        CAIRN_ASSIGN_OR_RETURN(auto c, storage::GetEntity(tx_, l.to_entity));
        if (c && c->kind == "organisation") AddBusiness(p, *c, (l.type == "officer_of" ? "officer: " : "PSC: ") + m.name);
      } else if (l.type == "licence_holder_of" || l.type == "manages") {
        Council(Detail(l).value("issuing_council", std::string()));
      }
    }
    return Status::Ok();
  }

  Status FromBusiness(SocgProfile& p, SocgBusiness& b) {
    Area(p, b.entity.postcode);
    CAIRN_ASSIGN_OR_RETURN(auto links, storage::LinksOf(tx_, b.entity.id));
    for (const auto& l : links) {
      if (l.from_entity != b.entity.id) continue;
      json d = Detail(l);
      if (l.type == "licence_holder_of") Council(d.value("issuing_council", std::string()));
      if (l.type == "trades_at") Council(d.value("agency", std::string()));
      if (l.type == "supplier_to") {
        CAIRN_ASSIGN_OR_RETURN(auto parties, storage::LinksOf(tx_, l.to_entity));
        for (const auto& q : parties) {
          if (q.type != "buyer_in") continue;
          CAIRN_ASSIGN_OR_RETURN(auto buyer, storage::GetEntity(tx_, q.from_entity));
          if (buyer) Council(buyer->name);
        }
      }
    }
    CAIRN_ASSIGN_OR_RETURN(auto risk, storage::RiskOf(tx_, b.entity.id, ctx_.reach));
    for (const auto& r : risk) b.risk = std::max(b.risk, r.risk);
    return Status::Ok();
  }

  storage::Tx& tx_;
  const Context& ctx_;
  std::set<std::string> councils_, regions_, areas_;
};

Result<Context> MakeContext(storage::Tx& tx, const app::Env& env, const storage::Reach& reach) {
  Context ctx;
  ctx.today = FormatTimestamp(env.clock.Now()).substr(0, 10);
  ctx.reach = reach;
  CAIRN_ASSIGN_OR_RETURN(auto orgs, storage::ListOrganisations(tx));
  for (const auto& o : orgs) {
    if (o.type == "council" && o.region) ctx.council_region[o.name] = *o.region;
  }
  return ctx;
}

bool MayAssess(const model::Actor& actor) { return actor.role == model::Role::kAnalyst && actor.user_id && actor.organisation_id; }

// The groups `actor` may see (or all, when `actor` is null).
Result<std::vector<SocgProfile>> Groups(const app::Env& env, const model::Actor* actor, const std::string& only) {
  std::vector<SocgProfile> out;
  storage::Reach reach;
  if (actor) reach = ReachOf(*actor);
  else reach.all_restricted = true;
  CAIRN_RETURN_IF_ERROR(env.db.Read([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(Context ctx, MakeContext(tx, env, reach));
    CAIRN_ASSIGN_OR_RETURN(auto groups, storage::EntitiesOfKind(tx, "socg"));
    for (const auto& g : groups) {
      if (actor && !CanSee(*actor, g.restricted, g.owner_organisation_id)) continue;
      if (!only.empty() && g.name != only) continue;
      Builder b(tx, ctx);
      CAIRN_ASSIGN_OR_RETURN(auto p, b.Build(g));
      out.push_back(std::move(p));
    }
    return Status::Ok();
  }));
  return out;
}

Status AuditRead(const app::Env& env, const model::Actor& actor, const std::string& id) {
  return env.db.Write([&](storage::Tx& tx) {
    return audit::Append(tx, env.clock, actor, {"read", "socg", id, true, {{"restricted", true}}});
  });
}

}  // namespace

Result<std::vector<SocgProfile>> ListSocgs(const app::Env& env, const model::Actor& actor) {
  CAIRN_ASSIGN_OR_RETURN(auto groups, Groups(env, &actor, ""));
  if (!groups.empty()) CAIRN_RETURN_IF_ERROR(AuditRead(env, actor, ""));
  return groups;
}

Result<SocgProfile> ReadSocg(const app::Env& env, const model::Actor& actor, const std::string& reference) {
  CAIRN_ASSIGN_OR_RETURN(auto groups, Groups(env, &actor, reference));
  if (groups.empty()) return NotFound("no SOC group " + reference);
  CAIRN_RETURN_IF_ERROR(AuditRead(env, actor, reference));
  return groups.front();
}

Result<SocgProfile> UpdateSocgProfile(const app::Env& env, const model::Actor& actor, const std::string& reference,
                                      const std::vector<std::string>& crime_types, const std::string& notes) {
  const auto& known = risk::DefaultThreatSettings().crime_types;
  for (const auto& t : crime_types) {
    if (std::find(known.begin(), known.end(), t) == known.end()) {
      return InvalidField("crime_types", "unknown crime type '" + t + "'");
    }
  }
  if (!MayAssess(actor)) return PermissionDenied("profiles are kept by analysts");
  CAIRN_ASSIGN_OR_RETURN(auto current, ReadSocg(env, actor, reference));
  CAIRN_RETURN_IF_ERROR(env.db.Write([&](storage::Tx& tx) -> Status {
    storage::SocgProfileRow row{reference, *actor.organisation_id, json(crime_types).dump(), notes, *actor.user_id,
                                FormatTimestamp(env.clock.Now())};
    CAIRN_RETURN_IF_ERROR(storage::UpsertSocgProfile(tx, row));
    return audit::Append(tx, env.clock, actor,
                         {"update", "socg", reference, true,
                          {{"crime_types", {{"from", current.crime_types}, {"to", crime_types}}}, {"notes", notes}}});
  }));
  return ReadSocg(env, actor, reference);
}

Result<storage::SocgAssessmentRow> AssessSocg(const app::Env& env, const model::Actor& actor, const std::string& reference,
                                              const risk::ThreatInput& input, const std::string& rationale) {
  CAIRN_ASSIGN_OR_RETURN(auto result, risk::Assess(risk::DefaultThreatSettings(), input));
  if (rationale.find_first_not_of(" \t\r\n") == std::string::npos) {
    return InvalidField("rationale", "say what the assessment rests on");
  }
  if (!MayAssess(actor)) return PermissionDenied("assessments are made by analysts");
  CAIRN_ASSIGN_OR_RETURN(auto group, ReadSocg(env, actor, reference));
  storage::SocgAssessmentRow row;
  row.socg_reference = reference;
  row.owner_organisation_id = *actor.organisation_id;
  row.attributes = json(input.attributes).dump();
  row.harm = input.harm;
  row.likelihood = input.likelihood;
  row.confidence = input.confidence;
  row.score = result.score;
  row.band = result.band;
  row.rationale = rationale;
  row.assessed_by = *actor.user_id;
  row.assessed_at = FormatTimestamp(env.clock.Now());
  CAIRN_RETURN_IF_ERROR(env.db.Write([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(row.id, storage::InsertSocgAssessment(tx, row));
    return audit::Append(tx, env.clock, actor,
                         {"assess", "socg", reference, true,
                          {{"score", row.score}, {"band", row.band}, {"harm", row.harm}, {"likelihood", row.likelihood},
                           {"confidence", row.confidence}}});
  }));
  row.assessor = actor.name;
  return row;
}

Result<std::vector<SocgProfile>> AllSocgsForAggregates(const app::Env& env) { return Groups(env, nullptr, ""); }

}  // namespace cairn::engine
