// cairn synth: synthetic Scotland in every source format with its truth (synth/world.h), and
// `cairn synth persons`, a person file in the Febrl layout (synth/persons.h), and `cairn synth releases`,
// OCDS compiled releases for the red flags (synth/releases.h).
#include <unistd.h>

#include <fstream>
#include <iostream>

#include "cli/cli.h"
#include "cli/progress.h"
#include "synth/persons.h"
#include "synth/releases.h"
#include "synth/world.h"

namespace cairn::cli {
namespace {

struct WorldArgs {
  std::string out, scale = "demo";
  uint64_t seed = 1;
};

Status RunWorld(const WorldArgs& a) {
  if (a.out.empty()) return InvalidField("--out", "--out FOLDER is required (or use `cairn synth persons`)");
  synth::WorldOptions o;
  o.scale = *synth::ParseScale(a.scale);
  o.seed = a.seed;
  o.out_dir = a.out;
  if (isatty(STDERR_FILENO)) {
    o.progress = [](const std::string& file, uint64_t done, uint64_t total) {
      std::cerr << "\r  " << file << ": " << done << " of " << total << "        " << std::flush;
      if (done == total) std::cerr << "\n";
    };
  }
  CAIRN_ASSIGN_OR_RETURN(auto report, synth::WriteWorld(o));
  for (const auto& f : report.files) {
    std::cout << a.out << "/" << f.file << ": " << f.rows << (f.file == "truth.json" ? " planted patterns" : f.file == "detection.toml" ? " formation agents allowed" : " rows")
              << "\n";
  }
  std::cout << report.companies << " companies, " << report.people << " people behind the records, "
            << report.patterns << " planted patterns (scale " << a.scale << ", seed " << a.seed << ")\n";
  return Status::Ok();
}

}  // namespace

void AddSynth(CLI::App& app, int& exit_code) {
  CLI::App* synth = app.add_subcommand(
      "synth", "Generate synthetic test data with known truth: a whole synthetic Scotland, or (synth persons) a person file");
  synth->require_subcommand(0, 1);
  auto w = std::make_shared<WorldArgs>();
  synth->add_option("--out", w->out, "Folder to write companies.csv, psc.jsonl, officers.jsonl, ocds.jsonl, "
                                     "licences.csv, inspections.csv, intel.csv and truth.json into");
  synth->add_option("--scale", w->scale, "demo (about 5k companies), scotland (250k) or uk (5M)")
      ->check(CLI::IsMember({"demo", "scotland", "uk"}))
      ->capture_default_str();
  synth->add_option("--seed", w->seed, "Random seed: the same scale and seed give the same files")->capture_default_str();

  auto o = std::make_shared<synth::PersonsOptions>();
  auto out = std::make_shared<std::string>();
  CLI::App* persons = synth->add_subcommand("persons", "People in the Febrl column layout; rec_id holds the truth");
  persons->add_option("--rows", o->rows, "How many rows")->required()->check(CLI::PositiveNumber);
  persons->add_option("--seed", o->seed, "Random seed: the same seed gives the same file")->capture_default_str();
  persons->add_option("--out", *out, "The CSV file to write")->required();
  persons->callback([o, out, &exit_code] {
    std::ofstream file(*out);
    Status s = file ? synth::WritePersons(*o, file) : InvalidArgument("cannot write " + *out);
    if (!s.ok()) exit_code = Fail(s);
    else std::cerr << "wrote " << o->rows << " rows to " << *out << "\n";
  });
  auto r = std::make_shared<synth::ReleasesOptions>();
  auto r_out = std::make_shared<std::string>();
  CLI::App* releases = synth->add_subcommand(
      "releases", "OCDS compiled releases with bids and awards, one per line, for the red flags (cairn redflags)");
  releases->add_option("--rows", r->rows, "How many releases")->required()->check(CLI::PositiveNumber);
  releases->add_option("--seed", r->seed, "Random seed: the same seed gives the same file")->capture_default_str();
  releases->add_option("--out", *r_out, "The JSON-lines file to write")->required();
  releases->callback([r, r_out, &exit_code] {
    std::ofstream file(*r_out);
    if (isatty(STDERR_FILENO)) r->progress = [r_out](uint64_t done, uint64_t total) { DrawProgress(*r_out, done, total); };
    Status s = file ? synth::WriteReleases(*r, file) : InvalidArgument("cannot write " + *r_out);
    if (r->progress) std::cerr << "\n";
    if (!s.ok()) exit_code = Fail(s);
    else std::cerr << "wrote " << r->rows << " releases to " << *r_out << "\n";
  });
  synth->callback([synth, persons, releases, w, &exit_code] {
    if (persons->parsed() || releases->parsed()) return;
    Status s = RunWorld(*w);
    if (!s.ok()) exit_code = Fail(s);
  });
}

}  // namespace cairn::cli
