#include "engine/rapid_support.h"

#include <nlohmann/json.hpp>
#include <toml++/toml.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <set>

#include "audit/chain.h"
#include "common/time.h"
#include "config/toml_support.h"
#include "embedded/embedded.h"
#include "engine/picture.h"
#include "ingest/cairn_csv.h"
#include "risk/threat.h"
#include "storage/organisations.h"
#include "storage/rapid_support.h"

namespace cairn::engine {
namespace {

using model::Role;

// "Renfrewshire Council" and "renfrewshire" alike → "renfrewshire"; "Glasgow City Council" →
// "glasgow city". How registers, cases, tasks and the picture write an area differ; this is
// what they agree on.
std::string AreaKey(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  for (const char* suffix : {" council", " islands council"}) {
    std::string x = suffix;
    if (s.size() > x.size() && s.compare(s.size() - x.size(), x.size(), x) == 0) s.erase(s.size() - x.size());
  }
  std::replace(s.begin(), s.end(), '-', ' ');
  while (!s.empty() && s.back() == ' ') s.pop_back();
  return s;
}

std::string AreaName(const std::string& council_name) {
  std::string s = council_name;
  const std::string suffix = " Council";
  if (s.size() > suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0)
    s.erase(s.size() - suffix.size());
  return s;
}

bool Coordinator(const model::Actor& actor) { return actor.role == Role::kAdmin || actor.role == Role::kSecretariat; }

}  // namespace

Result<RapidSupportWeights> ParseRapidSupportWeights(const std::string& text, const std::string& source) {
  CAIRN_ASSIGN_OR_RETURN(toml::table root, config::ParseToml(text, source));
  RapidSupportWeights w;
  const toml::table* t = root["weights"].as_table();
  if (!t) return InvalidArgument(source + ": a [weights] table is needed");
  for (auto [key, out] : {std::pair{"flagged_businesses", &w.flagged_businesses}, std::pair{"socg_groups", &w.socg_groups},
                          std::pair{"exploitation_signals", &w.exploitation_signals}, std::pair{"open_tasks", &w.open_tasks}}) {
    auto v = (*t)[key].value<double>();
    if (!v || *v < 0) return InvalidArgument(source + ": weights." + key + " must be a number of 0 or more");
    *out = *v;
  }
  return w;
}

const RapidSupportWeights& DefaultRapidSupportWeights() {
  static const RapidSupportWeights kDefaults = [] {
    auto text = embedded::Find("config/rapid_support.toml");
    auto parsed = ParseRapidSupportWeights(std::string(text.value_or("")), "config/rapid_support.toml");
    // The defaults are part of the binary and tested; a broken one is a build bug.
    if (!parsed.ok()) std::abort();
    return *parsed;
  }();
  return kDefaults;
}

Result<AreaRanking> RankAreas(const app::Env& env, const model::Actor& actor) {
  AreaRanking out;
  out.weights = DefaultRapidSupportWeights();
  out.suppress_below = risk::DefaultThreatSettings().suppress_below;
  CAIRN_ASSIGN_OR_RETURN(auto picture, BuildPicture(env, actor));
  std::map<std::string, std::optional<int64_t>> groups;
  for (const auto& r : picture.councils) groups[AreaKey(r.key)] = r.groups;
  CAIRN_RETURN_IF_ERROR(env.db.Read([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(auto orgs, storage::ListOrganisations(tx));
    CAIRN_ASSIGN_OR_RETURN(auto licences, storage::RecordsOfFlaggedOrganisations(tx, ingest::kLicencesFormat));
    std::map<std::string, std::set<std::string>> flagged;  // area key → entities
    for (const auto& [entity, payload] : licences) {
      auto p = nlohmann::json::parse(payload, nullptr, false);
      if (p.is_object() && p.contains("issuing_council") && p["issuing_council"].is_string())
        flagged[AreaKey(p["issuing_council"].get<std::string>())].insert(entity);
    }
    std::map<std::string, int64_t> cases, tasks;
    CAIRN_ASSIGN_OR_RETURN(auto raw_cases, storage::OpenDivertCasesByArea(tx));
    CAIRN_ASSIGN_OR_RETURN(auto raw_tasks, storage::OpenTasksByArea(tx));
    for (const auto& [a, n] : raw_cases) cases[AreaKey(a)] += n;
    for (const auto& [a, n] : raw_tasks) tasks[AreaKey(a)] += n;
    CAIRN_ASSIGN_OR_RETURN(auto designated, storage::ListRapidSupport(tx));
    for (const auto& o : orgs) {
      if (o.type != "council") continue;
      AreaRow r;
      r.council_organisation_id = o.id;
      r.slug = o.slug;
      r.name = o.name;
      r.area = AreaName(o.name);
      r.region = o.region.value_or("");
      std::string key = AreaKey(o.name);
      r.flagged_businesses = int64_t(flagged[key].size());
      r.open_tasks = tasks[key];
      r.socg_groups = groups.count(key) ? groups[key] : std::optional<int64_t>(0);
      int64_t people = cases[key];
      bool small = people > 0 && people < out.suppress_below;
      r.exploitation_signals = small && !Coordinator(actor) ? std::nullopt : std::optional<int64_t>(people);
      const auto& w = out.weights;
      r.score = w.flagged_businesses * double(r.flagged_businesses) + w.socg_groups * double(r.socg_groups.value_or(0)) +
                w.exploitation_signals * double(r.exploitation_signals.value_or(0)) + w.open_tasks * double(r.open_tasks);
      r.designated = std::any_of(designated.begin(), designated.end(), [&](const auto& d) {
        return d.council_organisation_id == o.id && d.status == "active";
      });
      out.areas.push_back(std::move(r));
    }
    return Status::Ok();
  }));
  std::stable_sort(out.areas.begin(), out.areas.end(), [](const AreaRow& a, const AreaRow& b) {
    return a.score != b.score ? a.score > b.score : a.name < b.name;
  });
  return out;
}

Result<AreaPartnership> ReadArea(const app::Env& env, const model::Actor& actor, const std::string& slug) {
  CAIRN_ASSIGN_OR_RETURN(auto ranking, RankAreas(env, actor));
  auto it = std::find_if(ranking.areas.begin(), ranking.areas.end(), [&](const AreaRow& a) { return a.slug == slug; });
  if (it == ranking.areas.end()) return NotFound("no council area " + slug);
  AreaPartnership p;
  p.area = *it;
  CAIRN_RETURN_IF_ERROR(env.db.Read([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(auto d, storage::GetRapidSupport(tx, it->council_organisation_id));
    if (!d) return FailedPrecondition(it->area + " is not designated for rapid support");
    p.reason = d->reason;
    p.plan = d->plan;
    p.status = d->status;
    p.designated_at = d->designated_at;
    CAIRN_ASSIGN_OR_RETURN(p.members, storage::RapidSupportMembers(tx, it->council_organisation_id));
    return Status::Ok();
  }));
  BoardFilter f;
  f.council_area = p.area.area;
  CAIRN_ASSIGN_OR_RETURN(p.tasks, BuildTaskingBoard(env, actor, f));
  return p;
}

Result<AreaPartnership> DesignateArea(const app::Env& env, const model::Actor& actor, const std::string& slug,
                                      const std::string& reason, const std::string& plan,
                                      const std::vector<int64_t>& members) {
  if (!Coordinator(actor) || !actor.user_id) return PermissionDenied("the secretariat designates areas for rapid support");
  if (reason.find_first_not_of(" \t\r\n") == std::string::npos)
    return InvalidField("reason", "say why the area needs rapid support");
  CAIRN_RETURN_IF_ERROR(env.db.Write([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(auto council, storage::FindOrganisationBySlug(tx, slug));
    if (!council || council->type != "council") return NotFound("no council area " + slug);
    std::string now = FormatTimestamp(env.clock.Now());
    CAIRN_ASSIGN_OR_RETURN(auto existing, storage::GetRapidSupport(tx, council->id));
    storage::RapidSupportRow r = existing.value_or(storage::RapidSupportRow{});
    r.council_organisation_id = council->id;
    r.reason = reason;
    r.plan = plan;
    r.status = "active";
    if (!existing) {
      r.designated_by = *actor.user_id;
      r.designated_at = now;
    }
    r.updated_at = now;
    CAIRN_RETURN_IF_ERROR(storage::PutRapidSupport(tx, r));
    CAIRN_RETURN_IF_ERROR(storage::AddRapidSupportMember(tx, council->id, council->id, now));
    for (size_t i = 0; i < members.size(); ++i) {
      if (!storage::GetOrganisation(tx, members[i]).ok())
        return InvalidField("members[" + std::to_string(i) + "]", "no organisation with id " + std::to_string(members[i]));
      CAIRN_RETURN_IF_ERROR(storage::AddRapidSupportMember(tx, council->id, members[i], now));
    }
    return audit::Append(tx, env.clock, actor,
                         {existing ? "update" : "create", "rapid_support_area", slug, true, {{"members", members.size() + 1}}});
  }));
  return ReadArea(env, actor, slug);
}

}  // namespace cairn::engine
