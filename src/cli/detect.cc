// cairn detect, cairn findings and cairn risk: run the risk indicators (engine/detection.h) and
// list what they found.
#include <cstdio>
#include <iostream>

#include "audit/chain.h"
#include "common/csv_field.h"
#include "cli/cli.h"
#include "common/time.h"
#include "engine/detection.h"
#include "risk/settings.h"
#include "storage/findings.h"

namespace cairn::cli {
namespace {

struct DetectArgs {
  std::string config, as_of;
};

Status Detect(const GlobalOptions& g, const DetectArgs& a) {
  // Settings first: a broken file is refused before anything is read.
  CAIRN_ASSIGN_OR_RETURN(auto settings, risk::LoadSettings(a.config));
  CAIRN_ASSIGN_OR_RETURN(auto ctx, Open(g));
  std::string as_of = a.as_of.empty() ? FormatTimestamp(ctx->clock.Now()).substr(0, 10) : a.as_of;
  CAIRN_ASSIGN_OR_RETURN(auto report, engine::RunDetection(ctx->env(), model::Actor::System(), settings, as_of));
  std::cout << "as of " << as_of << ": " << report.entities << " entities (" << report.companies_with_facts
            << " with register facts), " << report.links << " links\n";
  int64_t total = 0;
  for (const auto& [code, n] : report.findings) {
    std::cout << "  " << code << ": " << n << " findings\n";
    total += n;
  }
  const auto& w = report.written;
  std::cout << total << " findings: " << w.inserted << " new, " << w.updated << " changed, " << w.reopened
            << " reopened (evidence changed since dismissed), " << w.deleted << " gone, " << w.unchanged
            << " unchanged; " << report.risk_rows << " entities with risk\n";
  PrintStages(report.stages);
  return Status::Ok();
}

struct ListArgs {
  std::string format = "csv", indicator, kind;
  int top = 0;
  bool include_restricted = false;
};

Status AuditRestrictedRead(app::Env& env, const char* what, size_t rows) {
  return env.db.Write([&](storage::Tx& tx) {
    return audit::Append(tx, env.clock, model::Actor::System(),
                         {"read", what, "", true, {{"include_restricted", true}, {"rows", rows}}});
  });
}

Status Findings(const GlobalOptions& g, const ListArgs& a) {
  CAIRN_ASSIGN_OR_RETURN(auto ctx, Open(g));
  app::Env env = ctx->env();
  storage::FindingQuery q;
  q.indicator = a.indicator;
  q.limit = a.top > 0 ? a.top : 1 << 30;
  storage::Reach reach;
  reach.all_restricted = a.include_restricted;
  std::vector<storage::FindingRow> rows;
  CAIRN_RETURN_IF_ERROR(env.db.Read([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(rows, storage::QueryFindings(tx, q, reach));
    return Status::Ok();
  }));
  if (a.include_restricted) CAIRN_RETURN_IF_ERROR(AuditRestrictedRead(env, "findings", rows.size()));
  if (a.format == "json") {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& f : rows) {
      out.push_back({{"id", f.id}, {"indicator", f.indicator}, {"entity", {{"id", f.entity_id}, {"kind", f.entity_kind}, {"name", f.entity_name}}},
                     {"score", f.score}, {"summary", f.summary}, {"status", f.status}, {"restricted", f.restricted},
                     {"evidence", nlohmann::json::parse(f.evidence)}});
    }
    std::cout << out.dump(2) << "\n";
    return Status::Ok();
  }
  std::cout << "id,indicator,entity_id,entity_kind,entity_name,score,status,restricted,summary,evidence\n";
  for (const auto& f : rows) {
    std::string evidence;
    for (const auto& e : nlohmann::json::parse(f.evidence)) {
      evidence += (evidence.empty() ? "" : "; ") + e.value("file", std::string("record ")) +
                  (e.contains("line") ? ":" + std::to_string(e.value("line", 0)) : std::to_string(e.value("record", 0))) +
                  " " + e.value("note", std::string());
    }
    std::cout << f.id << "," << f.indicator << "," << f.entity_id << "," << f.entity_kind << "," << CsvField(f.entity_name) << ","
              << f.score << "," << f.status << "," << (f.restricted ? 1 : 0) << "," << CsvField(f.summary) << "," << CsvField(evidence)
              << "\n";
  }
  return Status::Ok();
}

Status Ranking(const GlobalOptions& g, const ListArgs& a) {
  CAIRN_ASSIGN_OR_RETURN(auto ctx, Open(g));
  app::Env env = ctx->env();
  storage::Reach reach;
  reach.all_restricted = a.include_restricted;
  std::vector<storage::RiskRow> rows;
  CAIRN_RETURN_IF_ERROR(env.db.Read([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(rows, storage::TopRisk(tx, a.kind, reach, a.top > 0 ? a.top : 1 << 29));
    return Status::Ok();
  }));
  if (a.include_restricted) CAIRN_RETURN_IF_ERROR(AuditRestrictedRead(env, "risk", rows.size()));
  if (a.format == "json") {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& r : rows) {
      out.push_back({{"entity", {{"id", r.entity_id}, {"kind", r.entity_kind}, {"name", r.entity_name}}}, {"risk", r.risk},
                     {"own", r.own_score}, {"neighbours", r.neighbour_score}, {"findings", r.findings},
                     {"restricted", r.restricted}});
    }
    std::cout << out.dump(2) << "\n";
    return Status::Ok();
  }
  std::cout << "rank,entity_id,entity_kind,entity_name,risk,own,neighbours,findings,restricted\n";
  int rank = 0;
  for (const auto& r : rows) {
    std::cout << ++rank << "," << r.entity_id << "," << r.entity_kind << "," << CsvField(r.entity_name) << "," << r.risk << ","
              << r.own_score << "," << r.neighbour_score << "," << r.findings << "," << (r.restricted ? 1 : 0) << "\n";
  }
  return Status::Ok();
}

void ListOptions(CLI::App* cmd, ListArgs& a) {
  cmd->add_option("--format", a.format, "csv or json")->check(CLI::IsMember({"csv", "json"}));
  cmd->add_option("--top", a.top, "Only the first N")->check(CLI::PositiveNumber);
  cmd->add_flag("--include-restricted", a.include_restricted,
                "Include findings that rest on intelligence (the read is audited)");
}

}  // namespace

void AddDetect(CLI::App& app, GlobalOptions& g, int& exit_code) {
  auto a = std::make_shared<DetectArgs>();
  CLI::App* cmd = app.add_subcommand("detect", "Run the risk indicators over the resolved network");
  cmd->add_option("--config", a->config, "Detection settings (defaults: config/detection.toml)");
  cmd->add_option("--as-of", a->as_of, "The date to measure from, YYYY-MM-DD (default: today)");
  cmd->callback([&g, &exit_code, a] {
    if (Status s = Detect(g, *a); !s.ok()) exit_code = Fail(s);
  });

  auto f = std::make_shared<ListArgs>();
  CLI::App* findings = app.add_subcommand("findings", "List findings, highest score first");
  ListOptions(findings, *f);
  findings->add_option("--indicator", f->indicator, "Only this indicator (C1 … L1)");
  findings->callback([&g, &exit_code, f] {
    if (Status s = Findings(g, *f); !s.ok()) exit_code = Fail(s);
  });

  auto r = std::make_shared<ListArgs>();
  CLI::App* ranking = app.add_subcommand("risk", "Rank entities by risk: their findings and their neighbours'");
  ListOptions(ranking, *r);
  ranking->add_option("--kind", r->kind, "Only this kind of entity")->check(CLI::IsMember({"person", "organisation", "address"}));
  ranking->callback([&g, &exit_code, r] {
    if (Status s = Ranking(g, *r); !s.ok()) exit_code = Fail(s);
  });
}

}  // namespace cairn::cli
