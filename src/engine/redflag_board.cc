#include "engine/redflag_board.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "common/crypto.h"
#include "engine/internal/fields.h"
#include "procurement/redflags/run.h"
#include "procurement/redflags/settings.h"
#include "storage/network.h"

namespace cairn::engine {
namespace {

using nlohmann::json;
namespace rf = procurement::redflags;

const std::map<std::string, std::string>& Titles() {
  static const std::map<std::string, std::string> kTitles = {
      {"R003", "Short submission period"}, {"R018", "Single bid received"},
      {"R024", "Price close to winning bid"}, {"R025", "Excessive unsuccessful bids"},
      {"R028", "Identical bid prices"}, {"R030", "Late bid won"},
      {"R035", "All except winning bid disqualified"}, {"R036", "Lowest bid disqualified"},
      {"R038", "Excessive disqualified bids"}, {"R048", "Heterogeneous supplier"},
      {"R058", "Heavily discounted bid"}};
  return kTitles;
}

// What the board needs of one release.
struct Release {
  std::string title, buyer_id, buyer_name, file;
  int64_t line = 0;
  std::vector<std::pair<std::string, std::string>> suppliers;  // id, name (active awards)
};

PartyFlags& Party(std::map<std::string, PartyFlags>& parties, const std::string& id, const std::string& name) {
  PartyFlags& p = parties[id];
  p.id = id;
  if (p.name.empty()) p.name = name.empty() ? id : name;
  return p;
}

std::vector<PartyFlags> Ranked(std::map<std::string, PartyFlags>& parties) {
  std::vector<PartyFlags> out;
  for (auto& [id, p] : parties) out.push_back(std::move(p));
  std::sort(out.begin(), out.end(), [](const PartyFlags& a, const PartyFlags& b) {
    return std::tie(b.processes, a.name) < std::tie(a.processes, b.name);
  });
  return out;
}

}  // namespace

Result<RedFlagBoard> BuildRedFlagBoard(const app::Env& env, const model::Actor&) {
  RedFlagBoard board;
  board.titles = Titles();
  std::map<std::string, Release> releases;  // by ocid
  std::map<std::string, std::string> party_names;
  auto path = std::filesystem::temp_directory_path() / ("cairn-releases-" + RandomToken() + ".jsonl");
  {
    std::ofstream out(path);
    std::vector<int64_t> ids;
    std::map<int64_t, std::string> ocid_of;
    CAIRN_RETURN_IF_ERROR(env.db.Read([&](storage::Tx& tx) -> Status {
      CAIRN_RETURN_IF_ERROR(storage::ScanSourceRecordsOf(tx, "ocds", [&](const storage::SourceRecordView& r) {
        json p = json::parse(r.payload, nullptr, false);
        if (!p.is_object()) return;
        std::string ocid = internal::Str(p, "ocid");
        Release rel;
        rel.title = internal::Str(p.value("tender", json::object()), "title");
        const json& buyer = p.value("buyer", json::object());
        rel.buyer_id = internal::Str(buyer, "id");
        rel.buyer_name = internal::Str(buyer, "name");
        for (const json& party : p.value("parties", json::array()))
          if (party.is_object()) party_names[internal::Str(party, "id")] = internal::Str(party, "name");
        for (const json& award : p.value("awards", json::array())) {
          if (!award.is_object() || internal::Str(award, "status") != "active") continue;
          for (const json& s : award.value("suppliers", json::array()))
            if (s.is_object()) rel.suppliers.emplace_back(internal::Str(s, "id"), internal::Str(s, "name"));
        }
        releases[ocid] = rel;
        ids.push_back(r.id);
        ocid_of[r.id] = ocid;
        out << p.dump() << '\n';
      }));
      CAIRN_ASSIGN_OR_RETURN(auto provenance, storage::ProvenanceOf(tx, ids));
      for (const auto& [id, prov] : provenance) {
        Release& rel = releases[ocid_of[id]];
        rel.file = std::filesystem::path(prov.file).filename().string();
        rel.line = prov.line;
      }
      return Status::Ok();
    }));
    if (!out) return DataLoss("cannot write the releases for the red flags");
  }
  auto report = rf::RunRedFlags(path.string(), rf::AllIndicators(), {});
  std::filesystem::remove(path);
  if (!report.ok()) return report.status();
  board.releases = int64_t(report->counts.processes);
  json results = report->Output(false);

  std::map<std::string, PartyFlags> buyers, suppliers;
  const json processes = results.value("OCID", json::object());  // kept: items() refers into it
  for (const auto& [ocid, codes] : processes.items()) {
    const Release& rel = releases[ocid];
    PartyFlags* buyer = rel.buyer_id.empty() && rel.buyer_name.empty()
                            ? nullptr
                            : &Party(buyers, rel.buyer_id.empty() ? rel.buyer_name : rel.buyer_id, rel.buyer_name);
    std::vector<PartyFlags*> winners;
    for (const auto& [id, name] : rel.suppliers) winners.push_back(&Party(suppliers, id, name));
    if (buyer) ++buyer->processes;
    for (PartyFlags* w : winners) ++w->processes;
    for (const auto& [code, value] : codes.items()) {
      FlagEvidence e{code, board.titles[code], value.get<double>(), ocid, rel.title, rel.file, rel.line};
      ++board.totals[code];
      if (buyer) ++buyer->codes[code], buyer->flags.push_back(e);
      for (PartyFlags* w : winners) ++w->codes[code], w->flags.push_back(e);
    }
  }
  // Party-level flags: R025, R028, R030, R038, R048 on tenderers; R038 on buyers.
  for (const auto& [group, target] : {std::pair{"Tenderer", &suppliers}, std::pair{"Buyer", &buyers}}) {
    const json flagged = results.value(group, json::object());
    for (const auto& [id, codes] : flagged.items()) {
      PartyFlags& p = Party(*target, id, party_names[id]);
      for (const auto& [code, value] : codes.items()) {
        if (std::string(group) == "Tenderer" && value.get<double>() == 0.0) continue;  // a process flag's winner
        ++p.codes[code];
        bool party_only = code == "R025" || code == "R038" || code == "R048";  // the rest are counted per process
        if (party_only) ++board.totals[code];
        p.flags.push_back({code, board.titles[code], value.get<double>(), "", "", "", 0});
      }
    }
  }
  board.buyers = Ranked(buyers);
  board.suppliers = Ranked(suppliers);
  return board;
}

}  // namespace cairn::engine
