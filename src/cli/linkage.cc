// cairn dedupe / cairn link: record linkage over any CSV file (engine/linkage.h).
#include <chrono>
#include <fstream>
#include <iostream>

#include "cli/cli.h"
#include "engine/linkage.h"

namespace cairn::cli {
namespace {

struct LinkageArgs {
  std::string in, left, right, id, out;
  std::vector<std::string> fields;
  double threshold = 0.9;
};

Result<std::vector<engine::FieldSpec>> Fields(const std::vector<std::string>& raw) {
  std::vector<engine::FieldSpec> out;
  for (const auto& f : raw) {
    CAIRN_ASSIGN_OR_RETURN(auto spec, engine::ParseFieldSpec(f));
    out.push_back(spec);
  }
  return out;
}

Result<engine::LoadedRecords> Load(const std::string& path, const LinkageArgs& a,
                                   const std::vector<engine::FieldSpec>& fields) {
  auto start = std::chrono::steady_clock::now();
  CAIRN_ASSIGN_OR_RETURN(auto loaded, engine::LoadRecords(path, a.id, fields));
  std::cerr << "  reading " << path << ": "
            << std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() << " s\n";
  for (const auto& r : loaded.rejects) std::cerr << "rejected: " << r << "\n";
  std::cerr << path << ": " << loaded.records.size() << " records read, " << loaded.rejects.size() << " rejected\n";
  return loaded;
}

void PrintStats(const engine::LinkageStats& s, double seconds) {
  for (const auto& st : s.stages) std::cerr << "  " << st.stage << ": " << st.seconds << " s\n";
  std::cerr << "candidate pairs compared: " << s.candidate_pairs << "; matched: " << s.matched_pairs
            << "; EM iterations: " << s.em_iterations << "; estimated match share: " << s.prior << "\n"
            << "time: " << seconds << " s (" << (seconds > 0 ? double(s.records) / seconds : 0) << " records/s)\n";
}

Status RunDedupe(const LinkageArgs& a) {
  auto start = std::chrono::steady_clock::now();
  CAIRN_ASSIGN_OR_RETURN(auto fields, Fields(a.fields));
  CAIRN_ASSIGN_OR_RETURN(auto records, Load(a.in, a, fields));
  engine::LinkageOptions options;
  options.threshold = a.threshold;
  auto result = engine::Dedupe(records, fields, options);
  std::ofstream out(a.out);
  if (!out) return InvalidArgument("cannot write " + a.out);
  out << "id,cluster_id\n";
  for (size_t i = 0; i < result.ids.size(); ++i) out << result.ids[i] << "," << result.cluster_ids[i] << "\n";
  PrintStats(result.stats, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  return Status::Ok();
}

Status RunLink(const LinkageArgs& a) {
  auto start = std::chrono::steady_clock::now();
  CAIRN_ASSIGN_OR_RETURN(auto fields, Fields(a.fields));
  CAIRN_ASSIGN_OR_RETURN(auto left, Load(a.left, a, fields));
  CAIRN_ASSIGN_OR_RETURN(auto right, Load(a.right, a, fields));
  engine::LinkageOptions options;
  options.threshold = a.threshold;
  auto result = engine::Link(left, right, fields, options);
  std::ofstream out(a.out);
  if (!out) return InvalidArgument("cannot write " + a.out);
  out << "left_id,right_id,probability\n";
  for (const auto& p : result.pairs) out << p.left_id << "," << p.right_id << "," << p.probability << "\n";
  PrintStats(result.stats, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  return Status::Ok();
}

void AddCommon(CLI::App* cmd, LinkageArgs& a) {
  cmd->add_option("--id", a.id, "Column holding each record's id")->required();
  cmd->add_option("--field", a.fields,
                  "ROLE=COLUMN[+COLUMN...], repeatable. Roles: given_name, middle_name, surname, full_name, dob, "
                  "birth_year, birth_month, address, town, postcode, email, phone, org_name, company_number, id_number")
      ->required();
  cmd->add_option("--threshold", a.threshold, "Match probability at or above which records match")
      ->capture_default_str()->check(CLI::Range(0.0, 1.0));
}

}  // namespace

void AddLinkage(CLI::App& app, int& exit_code) {
  auto a = std::make_shared<LinkageArgs>();
  CLI::App* dedupe = app.add_subcommand("dedupe", "Find the records of one CSV file that are the same entity");
  dedupe->add_option("--in", a->in, "The CSV file")->required()->check(CLI::ExistingFile);
  dedupe->add_option("--out", a->out, "Where to write id,cluster_id")->required();
  AddCommon(dedupe, *a);
  dedupe->callback([a, &exit_code] {
    Status s = RunDedupe(*a);
    if (!s.ok()) exit_code = Fail(s);
  });

  CLI::App* link = app.add_subcommand("link", "Find the records of two CSV files that are the same entity");
  link->add_option("--left", a->left, "The first CSV file")->required()->check(CLI::ExistingFile);
  link->add_option("--right", a->right, "The second CSV file")->required()->check(CLI::ExistingFile);
  link->add_option("--out", a->out, "Where to write left_id,right_id,probability")->required();
  AddCommon(link, *a);
  link->callback([a, &exit_code] {
    Status s = RunLink(*a);
    if (!s.ok()) exit_code = Fail(s);
  });
}

}  // namespace cairn::cli
