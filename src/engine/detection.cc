#include "engine/detection.h"

#include <algorithm>
#include <set>

#include "audit/chain.h"
#include "common/crypto.h"
#include "common/time.h"
#include "engine/internal/fields.h"
#include "engine/internal/stopwatch.h"
#include "engine/network_view.h"
#include "risk/detect.h"
#include "storage/network.h"

namespace cairn::engine {
namespace {

using internal::PostcodeArea;
using internal::Str;
using nlohmann::json;

risk::CompanyFacts Facts(int64_t record, const json& p) {
  risk::CompanyFacts f;
  f.record = record;
  f.status = Str(p, "status");
  f.incorporated = Str(p, "incorporation_date");
  f.dissolved = Str(p, "dissolution_date");
  const json& accounts = p.value("accounts", json::object());
  f.accounts_category = Str(accounts, "category");
  f.accounts_next_due = Str(accounts, "next_due");
  f.registered_postcode = Str(p.value("registered_address", json::object()), "postcode");
  for (const json& sic : p.value("sic_codes", json::array())) {
    if (!Str(sic, "code").empty()) f.sic_codes.push_back(Str(sic, "code"));
  }
  for (const json& prev : p.value("previous_names", json::array())) {
    if (!Str(prev, "changed_on").empty()) f.name_changes.push_back(Str(prev, "changed_on"));
  }
  return f;
}

std::string FindingKey(const risk::Finding& f, const std::string& entity) {
  std::string key = f.indicator + "/" + entity;
  if (f.restricted) key += "/restricted-" + std::to_string(f.owner.value_or(0));
  return key;
}

std::string Join(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : " ") + p;
  return out;
}

// The stored rows for `findings`, with each evidence record's provenance.
Result<std::vector<storage::FindingRow>> Rows(storage::Tx& tx, const risk::Network& net,
                                              const std::vector<risk::Finding>& findings) {
  std::set<int64_t> cited;
  for (const auto& f : findings) {
    for (const auto& e : f.evidence) cited.insert(e.record);
  }
  CAIRN_ASSIGN_OR_RETURN(auto provenance, storage::ProvenanceOf(tx, std::vector<int64_t>(cited.begin(), cited.end())));
  std::vector<storage::FindingRow> rows;
  rows.reserve(findings.size());
  for (const auto& f : findings) {
    const risk::Node& n = net.node(f.node);
    storage::FindingRow row;
    row.finding_key = FindingKey(f, n.id);
    row.indicator = f.indicator;
    row.entity_id = n.id;
    row.entity_kind = n.kind;
    row.entity_name = n.name;
    row.postcode_area = PostcodeArea(n.postcode);
    if (n.company) row.sic_codes = Join(n.company->sic_codes);
    row.score = std::round(f.score * 1e6) / 1e6;
    row.summary = f.summary;
    row.restricted = f.restricted;
    row.owner_organisation_id = f.owner;
    json evidence = json::array();
    std::string hashed;
    for (const auto& e : f.evidence) {
      json item = {{"record", e.record}, {"note", e.note}};
      if (auto it = provenance.find(e.record); it != provenance.end()) {
        item["format"] = it->second.format;
        item["key"] = it->second.record_key;
        item["file"] = it->second.file;
        item["line"] = it->second.line;
        hashed += it->second.content_hash;
      }
      hashed += "|" + std::to_string(e.record) + "|" + e.note + "\n";
      evidence.push_back(std::move(item));
    }
    row.evidence = evidence.dump();
    row.evidence_hash = Sha256Hex(hashed);
    rows.push_back(std::move(row));
  }
  return rows;
}

// Risk rows: everyone's (from public findings and links), then each owner's with its restricted
// findings added, where that differs.
std::vector<storage::RiskRow> RiskRows(const risk::Network& net, const std::vector<risk::Finding>& findings,
                                       const std::vector<bool>& counts, const risk::Section& settings) {
  std::vector<const risk::Finding*> open;
  std::set<int64_t> owners;
  for (size_t i = 0; i < findings.size(); ++i) {
    if (!counts[i]) continue;
    open.push_back(&findings[i]);
    if (findings[i].restricted) owners.insert(findings[i].owner.value_or(0));
  }
  std::vector<int64_t> found(net.nodes().size(), 0);
  for (const auto* f : open) ++found[f->node];
  auto row = [&](uint32_t i, const risk::Risk& r, bool restricted, std::optional<int64_t> owner) {
    const risk::Node& n = net.node(i);
    auto round = [](double v) { return std::round(v * 1e6) / 1e6; };
    return storage::RiskRow{n.id, n.kind, n.name, restricted, owner, round(r.own), round(r.neighbours), round(r.risk), found[i]};
  };
  std::vector<storage::RiskRow> rows;
  auto everyone = risk::Combine(net, open, settings, false);
  for (uint32_t i = 0; i < everyone.size(); ++i) {
    if (everyone[i].risk > 0 && !net.node(i).restricted) rows.push_back(row(i, everyone[i], false, std::nullopt));
  }
  for (int64_t owner : owners) {
    std::vector<const risk::Finding*> theirs;
    for (const auto* f : open) {
      if (!f->restricted || f->owner.value_or(0) == owner) theirs.push_back(f);
    }
    auto with = risk::Combine(net, theirs, settings, true);
    for (uint32_t i = 0; i < with.size(); ++i) {
      if (with[i].risk > 0 && with[i].risk != everyone[i].risk) rows.push_back(row(i, with[i], true, owner));
    }
  }
  return rows;
}

}  // namespace

Result<risk::Network> LoadRiskNetwork(const app::Env& env, const std::string& as_of) {
  risk::Network net;
  net.as_of = as_of;
  CAIRN_RETURN_IF_ERROR(env.db.Read([&](storage::Tx& tx) -> Status {
    CAIRN_RETURN_IF_ERROR(storage::ScanNetwork(
        tx,
        [&](const storage::EntityRow& e) {
          risk::Node n{e.id, e.kind, e.name, e.postcode, e.restricted, e.owner_organisation_id};
          n.company_number = e.company_number;
          net.Add(std::move(n));
        },
        [&](const storage::LinkRow& l) {
          auto from = net.Find(l.from_entity), to = net.Find(l.to_entity);
          if (!from || !to) return;
          risk::Edge e{*from, *to, l.type, l.start_date, l.end_date};
          e.detail = json::parse(l.detail, nullptr, false);
          if (e.detail.is_discarded()) e.detail = json::object();
          e.record = l.source_record_id;
          e.restricted = l.restricted;
          e.owner = l.owner_organisation_id;
          net.Link(std::move(e));
        }));
    std::map<int64_t, uint32_t> company_records;
    CAIRN_RETURN_IF_ERROR(storage::ScanMentions(tx, [&](const storage::MentionView& v) {
      const auto& m = v.mention;
      auto node = net.Find(m.entity_id);
      if (!node) return;
      if (v.format == "companies_house_companies" && m.role == "company") company_records[m.source_record_id] = *node;
      if (v.format == "companies_house_psc" && m.role == "company" && !m.reference.empty()) {
        net.node(*node).psc_statement = m.reference;
        net.node(*node).psc_statement_record = m.source_record_id;
      }
      if (m.role == "subject" && m.restricted) {
        net.node(*node).subjects.push_back({m.source_record_id, m.owner_organisation_id, ""});
      }
    }));
    return storage::ScanSourceRecordsOf(tx, "companies_house_companies", [&](const storage::SourceRecordView& r) {
      auto it = company_records.find(r.id);
      if (it == company_records.end()) return;
      json payload = json::parse(r.payload, nullptr, false);
      if (payload.is_object()) net.node(it->second).company = Facts(r.id, payload);
    });
  }));
  // Each subject's SOC group, from its member_of link.
  for (const auto& e : net.edges()) {
    if (e.type != "member_of") continue;
    for (auto& s : net.node(e.from).subjects) {
      if (s.record == e.record) s.socg = net.node(e.to).name;
    }
  }
  return net;
}

storage::Reach ReachOf(const model::Actor& actor) {
  storage::Reach reach;
  if (actor.role == model::Role::kAnalyst && actor.organisation_id) reach.restricted_owner = actor.organisation_id;
  return reach;
}

Result<DetectionReport> RunDetection(const app::Env& env, const model::Actor& actor, const risk::Settings& settings,
                                     const std::string& as_of) {
  if (as_of.size() != 10 || !ParseTimestamp(as_of).ok()) return InvalidField("as_of", "'" + as_of + "' is not a YYYY-MM-DD date");
  DetectionReport report;
  internal::Stopwatch stages(&report.stages);
  CAIRN_ASSIGN_OR_RETURN(risk::Network net, LoadRiskNetwork(env, as_of));
  report.entities = int64_t(net.nodes().size());
  report.links = int64_t(net.edges().size());
  for (const auto& n : net.nodes()) report.companies_with_facts += n.company ? 1 : 0;
  stages.Lap("read network");
  std::vector<risk::Finding> findings = risk::Detect(net, settings);
  for (const auto& f : findings) ++report.findings[f.indicator];
  stages.Lap("indicators");
  std::string now = FormatTimestamp(env.clock.Now());
  CAIRN_RETURN_IF_ERROR(env.db.Write([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(auto rows, Rows(tx, net, findings));
    CAIRN_ASSIGN_OR_RETURN(auto stored, storage::AllFindings(tx));
    std::map<std::string, const storage::FindingRow*> decided;
    for (const auto& s : stored) decided[s.finding_key] = &s;
    std::vector<bool> counts(findings.size(), true);
    for (size_t i = 0; i < rows.size(); ++i) {
      auto it = decided.find(rows[i].finding_key);
      counts[i] = !(it != decided.end() && it->second->status == "dismissed" &&
                    it->second->decided_evidence_hash == rows[i].evidence_hash);
    }
    CAIRN_RETURN_IF_ERROR(storage::ReplaceFindings(tx, rows, stored, now, &report.written));
    auto risk_rows = RiskRows(net, findings, counts, settings["risk"]);
    report.risk_rows = int64_t(risk_rows.size());
    CAIRN_RETURN_IF_ERROR(storage::ReplaceRisk(tx, risk_rows));
    json counts_json = report.findings;
    return audit::Append(tx, env.clock, actor,
                         {"detect", "findings", "", true,
                          {{"as_of", as_of}, {"findings", counts_json}, {"inserted", report.written.inserted},
                           {"updated", report.written.updated}, {"reopened", report.written.reopened},
                           {"deleted", report.written.deleted}}});
  }));
  stages.Lap("write");
  return report;
}

Result<storage::FindingRow> DecideOnFinding(const app::Env& env, const model::Actor& actor, int64_t id,
                                            const std::string& decision, const std::string& reason) {
  static const std::map<std::string, std::string> kStatus = {{"dismiss", "dismissed"}, {"confirm", "confirmed"},
                                                             {"reopen", "open"}};
  auto status = kStatus.find(decision);
  if (status == kStatus.end()) return InvalidField("decision", "must be dismiss, confirm or reopen");
  std::string why = reason;
  why.erase(0, why.find_first_not_of(" \t\r\n"));
  if (why.empty()) return InvalidField("reason", "say why: a decision without a reason cannot be reviewed");
  if (!actor.user_id) return PermissionDenied("decisions are made by a signed-in analyst");
  storage::FindingRow out;
  CAIRN_RETURN_IF_ERROR(env.db.Write([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(auto f, storage::GetFinding(tx, id));
    if (!f || !CanSee(actor, f->restricted, f->owner_organisation_id)) return NotFound("no finding " + std::to_string(id));
    std::string at = FormatTimestamp(env.clock.Now());
    CAIRN_RETURN_IF_ERROR(storage::DecideFinding(tx, id, status->second, why, *actor.user_id, at, f->evidence_hash));
    CAIRN_ASSIGN_OR_RETURN(auto updated, storage::GetFinding(tx, id));
    out = *updated;
    return audit::Append(tx, env.clock, actor,
                         {"decide", "finding", std::to_string(id), true,
                          {{"decision", decision}, {"reason", why}, {"indicator", f->indicator}, {"entity", f->entity_id}}});
  }));
  return out;
}

namespace {

bool AnyRestricted(const std::vector<storage::FindingRow>& rows) {
  for (const auto& r : rows) {
    if (r.restricted) return true;
  }
  return false;
}

}  // namespace

Result<FindingPage> ListFindings(const app::Env& env, const model::Actor& actor, const storage::FindingQuery& query) {
  FindingPage page;
  storage::Reach reach = ReachOf(actor);
  CAIRN_RETURN_IF_ERROR(env.db.Read([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(page.findings, storage::QueryFindings(tx, query, reach));
    CAIRN_ASSIGN_OR_RETURN(page.total, storage::CountFindings(tx, query, reach));
    return Status::Ok();
  }));
  if (AnyRestricted(page.findings)) {
    CAIRN_RETURN_IF_ERROR(env.db.Write([&](storage::Tx& tx) {
      return audit::Append(tx, env.clock, actor,
                           {"read", "findings", "", true, {{"indicator", query.indicator}, {"restricted", true}}});
    }));
  }
  return page;
}

Result<storage::FindingRow> ReadFinding(const app::Env& env, const model::Actor& actor, int64_t id) {
  std::optional<storage::FindingRow> f;
  CAIRN_RETURN_IF_ERROR(env.db.Read([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(f, storage::GetFinding(tx, id));
    return Status::Ok();
  }));
  if (!f || !CanSee(actor, f->restricted, f->owner_organisation_id)) return NotFound("no finding " + std::to_string(id));
  if (f->restricted) {
    CAIRN_RETURN_IF_ERROR(env.db.Write([&](storage::Tx& tx) {
      return audit::Append(tx, env.clock, actor, {"read", "finding", std::to_string(id), true, {{"restricted", true}}});
    }));
  }
  return *f;
}

Result<EntityRisk> RiskOfEntity(const app::Env& env, const model::Actor& actor, const std::string& entity_id) {
  EntityRisk out;
  storage::Reach reach = ReachOf(actor), all;
  all.all_restricted = true;
  storage::FindingQuery q;
  q.entity_id = entity_id;
  q.limit = 200;
  CAIRN_RETURN_IF_ERROR(env.db.Read([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(auto entity, storage::GetEntity(tx, entity_id));
    if (!entity || !CanSee(actor, entity->restricted, entity->owner_organisation_id)) {
      return NotFound("no entity " + entity_id);
    }
    CAIRN_ASSIGN_OR_RETURN(auto rows, storage::RiskOf(tx, entity_id, reach));
    for (const auto& r : rows) {
      if (!out.risk || r.restricted) out.risk = r;
    }
    CAIRN_ASSIGN_OR_RETURN(out.findings, storage::QueryFindings(tx, q, reach));
    CAIRN_ASSIGN_OR_RETURN(int64_t visible, storage::CountFindings(tx, q, reach));
    CAIRN_ASSIGN_OR_RETURN(int64_t every, storage::CountFindings(tx, q, all));
    out.refer = every > visible;
    return Status::Ok();
  }));
  if (AnyRestricted(out.findings)) {
    CAIRN_RETURN_IF_ERROR(env.db.Write([&](storage::Tx& tx) {
      return audit::Append(tx, env.clock, actor, {"read", "risk", entity_id, true, {{"restricted", true}}});
    }));
  }
  return out;
}

}  // namespace cairn::engine
