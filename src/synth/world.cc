#include "synth/world.h"

#include <filesystem>

#include "synth/internal/builder.h"
#include "synth/internal/writers.h"

namespace cairn::synth {

std::optional<Scale> ParseScale(std::string_view name) {
  if (name == "demo") return Scale::kDemo;
  if (name == "scotland") return Scale::kScotland;
  if (name == "uk") return Scale::kUk;
  return std::nullopt;
}

uint64_t CompaniesAt(Scale scale) {
  switch (scale) {
    case Scale::kDemo: return 5000;
    case Scale::kScotland: return 250000;
    case Scale::kUk: return 5000000;
  }
  return 0;
}

Result<WorldReport> WriteWorld(const WorldOptions& options) {
  std::error_code ec;
  std::filesystem::create_directories(options.out_dir, ec);
  if (ec || !std::filesystem::is_directory(options.out_dir)) {
    return InvalidArgument("cannot use " + options.out_dir + " as the output folder: " + ec.message());
  }
  const char* scale = options.scale == Scale::kDemo ? "demo" : options.scale == Scale::kScotland ? "scotland" : "uk";
  // The word lists are the same for every seed; the seed decides who is drawn.
  Words words(options.seed, 300, 40000, 8000);
  internal::World world;
  internal::Builder builder(world, words);
  if (!builder.LoadReference()) return Internal("the synthetic reference lists were not built into this binary");
  internal::Counts counts = internal::CountsFor(CompaniesAt(options.scale));
  if (options.progress) options.progress("building the world", 0, 1);
  builder.Ordinary(counts);
  builder.Plant(counts);
  if (options.progress) options.progress("building the world", 1, 1);

  Words noise(options.seed ^ 0x5eed5eedULL, 300, 40000, 8000);
  internal::Writers writers(world, noise, options.out_dir, options.progress);
  std::vector<std::pair<std::string, uint64_t>> files;
  using W = internal::Writers;
  for (auto [file, write] : {std::pair{internal::File::kCompanies, &W::Companies}, {internal::File::kPsc, &W::Pscs},
                             {internal::File::kOfficers, &W::Officers}, {internal::File::kOcds, &W::Ocds},
                             {internal::File::kLicences, &W::Licences}, {internal::File::kInspections, &W::Inspections},
                             {internal::File::kIntel, &W::Intel}}) {
    CAIRN_ASSIGN_OR_RETURN(uint64_t rows, (writers.*write)());
    files.emplace_back(internal::FileName(file), rows);
  }
  CAIRN_RETURN_IF_ERROR(internal::WriteTruth(world, words, writers.mentions(), options.out_dir + "/truth.json", scale,
                                             options.seed, files));
  CAIRN_RETURN_IF_ERROR(internal::WriteDetectionSettings(world, options.out_dir + "/detection.toml"));
  WorldReport report;
  for (const auto& [file, rows] : files) report.files.push_back({file, rows});
  report.files.push_back({"truth.json", world.patterns.size()});
  report.files.push_back({"detection.toml", world.agent_addresses.size()});
  for (const auto& people : writers.mentions().people) report.people += people.empty() ? 0 : 1;
  for (const auto& c : world.companies) report.companies += c.in_register ? 1 : 0;
  report.patterns = world.patterns.size();
  return report;
}

}  // namespace cairn::synth
