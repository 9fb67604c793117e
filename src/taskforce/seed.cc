#include "taskforce/seed.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <sstream>

#include "audit/chain.h"
#include "common/time.h"
#include "embedded/embedded.h"
#include "storage/grants.h"
#include "storage/organisations.h"
#include "storage/strands.h"
#include "storage/tasks.h"
#include "storage/training.h"

namespace cairn::taskforce {
namespace {

constexpr char kTaskforceFile[] = "data/seed/taskforce.json";
constexpr char kCouncilsFile[] = "data/seed/councils.csv";

// The councils file is plain "slug,name,region" with '#' comments and no quoting.
Result<std::vector<model::Organisation>> ParseCouncils(const std::string& csv) {
  std::vector<model::Organisation> out;
  std::istringstream in(csv);
  std::string line;
  int n = 0;
  bool header_seen = false;
  while (std::getline(in, line)) {
    ++n;
    if (line.empty() || line[0] == '#') continue;
    if (!header_seen) { header_seen = true; continue; }
    std::vector<std::string> cols;
    std::stringstream ls(line);
    for (std::string c; std::getline(ls, c, ',');) cols.push_back(c);
    std::string where = std::string(kCouncilsFile) + " line " + std::to_string(n);
    if (cols.size() != 3) return InvalidArgument(where + ": want 3 columns (slug,name,region)");
    if (!model::IsRegion(cols[2])) return InvalidArgument(where + ": region must be West, East or North");
    model::Organisation o;
    o.slug = cols[0];
    o.name = cols[1];
    o.type = "council";
    o.region = cols[2];
    out.push_back(o);
  }
  return out;
}

Result<std::vector<model::Organisation>> ParseMembers(const nlohmann::json& doc) {
  std::vector<model::Organisation> out;
  const auto& list = doc.at("organisations");
  for (size_t i = 0; i < list.size(); ++i) {
    const auto& m = list[i];
    model::Organisation o;
    o.slug = m.at("slug").get<std::string>();
    o.name = m.at("name").get<std::string>();
    o.type = m.at("type").get<std::string>();
    if (!model::IsOrganisationType(o.type)) {
      return InvalidArgument(std::string(kTaskforceFile) + ": organisations[" + std::to_string(i) +
                             "].type '" + o.type + "' is not a known type");
    }
    o.taskforce_member = true;
    if (m.contains("taskforce_role")) o.taskforce_role = m["taskforce_role"].get<std::string>();
    out.push_back(o);
  }
  return out;
}

}  // namespace

Result<SeedReport> SeedFrom(const app::Env& env, const std::string& taskforce_json,
                            const std::string& councils_csv) {
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(taskforce_json);
  } catch (const nlohmann::json::exception& e) {
    return InvalidArgument(std::string(kTaskforceFile) + ": " + e.what());
  }
  SeedReport report;
  CAIRN_ASSIGN_OR_RETURN(auto councils, ParseCouncils(councils_csv));
  Result<std::vector<model::Organisation>> members = InvalidArgument("unparsed");
  try {
    members = ParseMembers(doc);
  } catch (const nlohmann::json::exception& e) {
    return InvalidArgument(std::string(kTaskforceFile) + ": " + e.what());
  }
  if (!members.ok()) return members.status();
  std::vector<model::Organisation> all = *members;
  all.insert(all.end(), councils.begin(), councils.end());
  model::Actor system = model::Actor::System("seed");
  Status s = env.db.Write([&](storage::Tx& tx) -> Status {
    std::string now = FormatTimestamp(env.clock.Now());
    for (model::Organisation& o : all) {
      CAIRN_ASSIGN_OR_RETURN(auto existing, storage::FindOrganisationBySlug(tx, o.slug));
      if (existing) { o.id = existing->id; continue; }
      o.created_at = o.updated_at = now;
      CAIRN_ASSIGN_OR_RETURN(o.id, storage::InsertOrganisation(tx, o));
      ++report.organisations_created;
      CAIRN_RETURN_IF_ERROR(audit::Append(tx, env.clock, system,
                                          {"create", "organisation", std::to_string(o.id), true,
                                           {{"slug", o.slug}, {"name", o.name}, {"seed", true}}}));
    }
    CAIRN_ASSIGN_OR_RETURN(auto existing_strands, storage::ListStrands(tx));
    for (const auto& js : doc.at("strands")) {
      model::Strand st;
      st.code = js.at("code").get<std::string>();
      bool exists = false;
      for (const auto& e : existing_strands) exists = exists || e.code == st.code;
      if (exists) continue;
      st.name = js.at("name").get<std::string>();
      st.aim = js.at("aim").get<std::string>();
      st.position = js.at("position").get<int>();
      if (js.contains("lead_person")) st.lead_person = js["lead_person"].get<std::string>();
      std::string lead = js.at("lead").get<std::string>();
      CAIRN_ASSIGN_OR_RETURN(auto org, storage::FindOrganisationBySlug(tx, lead));
      if (!org) return InvalidArgument(std::string(kTaskforceFile) + ": strand " + st.code + " lead '" + lead + "' is not an organisation");
      st.lead_organisation_id = org->id;
      CAIRN_ASSIGN_OR_RETURN(int64_t id, storage::UpsertStrand(tx, st));
      ++report.strands_written;
      CAIRN_RETURN_IF_ERROR(audit::Append(tx, env.clock, system,
                                          {"upsert", "strand", std::to_string(id), true,
                                           {{"code", st.code}, {"lead", lead}, {"seed", true}}}));
    }
    // The strategy's objectives, for strands old and new: tasks, action plans and grants link to them.
    CAIRN_ASSIGN_OR_RETURN(auto strands, storage::ListStrands(tx));
    for (const auto& js : doc.at("strands")) {
      std::string code = js.at("code").get<std::string>();
      auto strand = std::find_if(strands.begin(), strands.end(), [&](const auto& x) { return x.code == code; });
      if (strand == strands.end() || !js.contains("objectives")) continue;
      int64_t position = 0;
      for (const auto& jo : js.at("objectives")) {
        storage::ObjectiveRow o;
        o.strand_id = strand->id;
        o.code = jo.at("code").get<std::string>();
        o.title = jo.at("title").get<std::string>();
        o.position = ++position;
        CAIRN_ASSIGN_OR_RETURN(bool inserted, storage::InsertObjectiveIfNew(tx, o));
        if (!inserted) continue;
        ++report.objectives_written;
        CAIRN_RETURN_IF_ERROR(audit::Append(tx, env.clock, system,
                                            {"create", "objective", o.code, true, {{"strand", code}, {"seed", true}}}));
      }
    }
    // The training courses the Taskforce offers or recommends, each serving an objective.
    CAIRN_ASSIGN_OR_RETURN(auto objectives, storage::ListObjectives(tx));
    for (const auto& jc : doc.value("courses", nlohmann::json::array())) {
      storage::CourseRow c;
      c.code = jc.at("code").get<std::string>();
      c.title = jc.at("title").get<std::string>();
      c.audience = jc.value("audience", "");
      c.provider = jc.value("provider", "");
      std::string objective = jc.value("objective", "");
      for (const auto& o : objectives)
        if (o.code == objective) c.objective_id = o.id;
      c.created_at = FormatTimestamp(env.clock.Now());
      CAIRN_ASSIGN_OR_RETURN(bool inserted, storage::InsertCourseIfNew(tx, c));
      if (!inserted) continue;
      CAIRN_RETURN_IF_ERROR(audit::Append(tx, env.clock, system, {"create", "course", c.code, true, {{"seed", true}}}));
    }
    // The grant scheme the seeds describe: £150,000 in grants of up to £10,000 (engine/grants.h).
    CAIRN_ASSIGN_OR_RETURN(auto schemes, storage::ListSchemes(tx));
    CAIRN_ASSIGN_OR_RETURN(auto strands_now, storage::ListStrands(tx));
    for (const auto& js : doc.value("grant_schemes", nlohmann::json::array())) {
      storage::SchemeRow g;
      g.code = js.at("code").get<std::string>();
      if (std::any_of(schemes.begin(), schemes.end(), [&](const auto& x) { return x.code == g.code; })) continue;
      g.title = js.at("title").get<std::string>();
      g.description = js.value("description", "");
      g.budget_pence = js.at("budget_pence").get<int64_t>();
      g.max_grant_pence = js.at("max_grant_pence").get<int64_t>();
      g.opens_on = js.at("opens_on").get<std::string>();
      g.closes_on = js.at("closes_on").get<std::string>();
      CAIRN_ASSIGN_OR_RETURN(auto funder, storage::FindOrganisationBySlug(tx, js.at("funder").get<std::string>()));
      if (!funder) return InvalidArgument(std::string(kTaskforceFile) + ": grant scheme " + g.code + " has an unknown funder");
      g.funder_organisation_id = funder->id;
      for (const auto& code : js.at("strands"))
        for (const auto& st : strands_now)
          if (st.code == code.get<std::string>()) g.strand_ids.push_back(st.id);
      g.created_at = FormatTimestamp(env.clock.Now());
      CAIRN_RETURN_IF_ERROR(storage::InsertScheme(tx, g).status());
      CAIRN_RETURN_IF_ERROR(audit::Append(tx, env.clock, system, {"create", "grant_scheme", g.code, true, {{"seed", true}}}));
    }
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return report;
}

Result<SeedReport> SeedTaskforce(const app::Env& env) {
  try {
    return SeedFrom(env, std::string(embedded::Find(kTaskforceFile).value_or("")),
                    std::string(embedded::Find(kCouncilsFile).value_or("")));
  } catch (const nlohmann::json::exception& e) {
    return InvalidArgument(std::string(kTaskforceFile) + ": " + e.what());
  }
}

}  // namespace cairn::taskforce
