// cairn synth persons: a synthetic person file in the Febrl layout (synth/persons.h).
#include <fstream>
#include <iostream>

#include "cli/cli.h"
#include "synth/persons.h"

namespace cairn::cli {

void AddSynth(CLI::App& app, int& exit_code) {
  CLI::App* synth = app.add_subcommand("synth", "Generate synthetic test data with known truth");
  synth->require_subcommand(1);
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
}

}  // namespace cairn::cli
