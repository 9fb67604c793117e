// cairn resolve: rebuild the network from the stored source records (engine/resolution.h).
#include <unistd.h>

#include <cstdio>
#include <functional>
#include <iostream>
#include <memory>

#include "cli/cli.h"
#include "cli/progress.h"
#include "engine/resolution.h"
#include "engine/truth.h"

namespace cairn::cli {

void AddResolve(CLI::App& app, GlobalOptions& g, int& exit_code) {
  CLI::App* cmd = app.add_subcommand("resolve", "Resolve the stored records into entities and links (the network)");
  cmd->callback([&g, &exit_code] {
    Status s = [&]() -> Status {
      CAIRN_ASSIGN_OR_RETURN(auto ctx, Open(g));
      // On a terminal each stage is shown as it ends, and the longest steps (reading the records,
      // writing the rows) as a bar while they run: at national scale a run takes many minutes.
      std::function<void(const engine::StageTime&)> stage;
      engine::ResolutionProgress bar;
      auto drawn = std::make_shared<bool>(false);
      if (isatty(STDERR_FILENO)) {
        std::cerr << "resolving; stages as they end:\n";
        stage = [drawn](const engine::StageTime& s) {
          if (*drawn) std::cerr << "\r\033[K";  // the bar's line gives way to the stage's
          *drawn = false;
          PrintStage(std::cerr, s);
        };
        bar = [drawn](const std::string& step, int64_t done, int64_t total) {
          DrawProgress(step, uint64_t(done), uint64_t(total));
          std::cerr << "\033[K" << std::flush;  // a shorter step's name leaves none of the last one's
          *drawn = true;
        };
      }
      CAIRN_ASSIGN_OR_RETURN(auto report, engine::ResolveNetwork(ctx->env(), model::Actor::System(), stage, bar));
      std::cout << "records " << report.records << ", mentions " << report.mentions << ", links " << report.links << "\n";
      for (const auto& [kind, n] : report.entities) std::cout << "  " << kind << ": " << n << " entities\n";
      std::cout << "entity ids kept from the last run: " << report.ids_kept << "\n";
      if (report.person_model_used) {
        std::cout << "people: " << report.person_candidate_pairs << " candidate pairs compared, "
                  << report.person_matched_pairs << " joined by the Fellegi-Sunter model\n";
        for (const auto& step : report.person_stages) {
          std::cout << "  ";  // under the people line, each of its steps
          PrintStage(std::cout, step);
        }
      } else {
        std::cout << "people: too few to train a model; joined by name with birth month or postcode\n";
      }
      const auto& w = report.written;
      std::cout << "rows written: " << w.inserted << " inserted, " << w.updated << " updated, " << w.deleted
                << " deleted; " << w.unchanged << " unchanged\n";
      PrintStages(report.stages);
      return Status::Ok();
    }();
    if (!s.ok()) exit_code = Fail(s);
  });
}

}  // namespace cairn::cli

namespace cairn::cli {
namespace {

void Print(const char* what, const engine::ClusterQuality& q) {
  std::printf("%-9s precision %.4f  recall %.4f  (%lld mentions; %lld true and %lld resolved entities; %lld true, "
              "%lld resolved and %lld correct pairs)\n",
              what, q.precision(), q.recall(), static_cast<long long>(q.mentions), static_cast<long long>(q.true_entities),
              static_cast<long long>(q.resolved_entities), static_cast<long long>(q.true_pairs),
              static_cast<long long>(q.resolved_pairs), static_cast<long long>(q.correct_pairs));
}

}  // namespace

void AddEvaluate(CLI::App& app, GlobalOptions& g, int& exit_code) {
  auto truth = std::make_shared<std::string>();
  auto detection = std::make_shared<bool>(false);
  CLI::App* cmd = app.add_subcommand(
      "evaluate", "Measure the resolved network against the truth.json of a synthetic world (cairn synth)");
  cmd->add_option("--truth", *truth, "The truth.json that cairn synth wrote with the loaded files")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_flag("--detection", *detection, "Also measure the findings of cairn detect against the planted patterns");
  cmd->callback([&g, &exit_code, truth, detection] {
    Status s = [&]() -> Status {
      CAIRN_ASSIGN_OR_RETURN(auto ctx, Open(g));
      CAIRN_ASSIGN_OR_RETURN(auto e, engine::EvaluateAgainstTruth(ctx->env(), *truth));
      Print("people", e.people);
      Print("companies", e.companies);
      std::printf("(%lld person and organisation mentions are not in the truth: buyers and other parties)\n",
                  static_cast<long long>(e.unlabelled));
      if (*detection) {
        CAIRN_ASSIGN_OR_RETURN(auto d, engine::EvaluateDetection(ctx->env(), *truth));
        std::printf("indicator  planted  found  share   ordinary companies flagged (of %lld)\n",
                    static_cast<long long>(d.ordinary));
        for (const auto& [code, iq] : d.indicators) {
          std::printf("%-9s  %7lld  %5lld  %.3f   %lld (%.4f)\n", code.c_str(), static_cast<long long>(iq.planted),
                      static_cast<long long>(iq.found), iq.planted ? double(iq.found) / double(iq.planted) : 0.0,
                      static_cast<long long>(iq.ordinary_flagged), d.ordinary ? double(iq.ordinary_flagged) / double(d.ordinary) : 0.0);
        }
        std::printf("ordinary companies with any finding but C6: %lld of %lld (%.4f)\n",
                    static_cast<long long>(d.ordinary_flagged), static_cast<long long>(d.ordinary),
                    d.ordinary ? double(d.ordinary_flagged) / double(d.ordinary) : 0.0);
        std::printf("ranking: P = %lld planted SOC-group businesses; precision in the top P %.3f; recall in the top 2P %.3f\n",
                    static_cast<long long>(d.planted_businesses), d.precision_at_p(), d.recall_at_2p());
      }
      return Status::Ok();
    }();
    if (!s.ok()) exit_code = Fail(s);
  });
}

}  // namespace cairn::cli
