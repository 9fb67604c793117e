#include "engine/picture.h"

#include <xlsxwriter.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "audit/chain.h"
#include "common/csv_field.h"
#include "common/crypto.h"
#include "embedded/embedded.h"
#include "engine/detection.h"
#include "engine/internal/xlsx.h"
#include "engine/network_view.h"
#include "engine/socg.h"
#include "risk/threat.h"
#include "storage/findings.h"

namespace cairn::engine {
namespace {

// SIC code → sector, from data/picture/sectors.csv (embedded). Hand-parsed: two columns, the
// second optionally quoted.
const std::map<std::string, std::string>& Sectors() {
  static const std::map<std::string, std::string> kSectors = [] {
    std::map<std::string, std::string> out;
    std::istringstream in(std::string(embedded::Find("data/picture/sectors.csv").value_or("")));
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#' || line.rfind("sic,", 0) == 0) continue;
      size_t comma = line.find(',');
      std::string sector = line.substr(comma + 1);
      if (sector.size() >= 2 && sector.front() == '"') sector = sector.substr(1, sector.size() - 2);
      out[line.substr(0, comma)] = sector;
    }
    return out;
  }();
  return kSectors;
}

struct Tally {
  int64_t groups = 0, members = 0, several = 0, legit = 0;
  std::vector<std::string> refs;
};

PictureRow Row(const std::string& key, const Tally& t, bool full, int below, bool* suppressed) {
  auto keep = [&](int64_t n) -> std::optional<int64_t> {
    if (full || n == 0 || n >= below) return n;
    *suppressed = true;
    return std::nullopt;
  };
  PictureRow r{key, keep(t.groups), keep(t.members), keep(t.several), keep(t.legit), {}};
  if (full) r.drill_down = t.refs;
  return r;
}

std::string Count(const std::optional<int64_t>& n, int below) {
  return n ? std::to_string(*n) : "<" + std::to_string(below);
}

}  // namespace

Result<Picture> BuildPicture(const app::Env& env, const model::Actor& actor) {
  const bool analyst = actor.role == model::Role::kAnalyst;
  const int below = risk::DefaultThreatSettings().suppress_below;
  CAIRN_ASSIGN_OR_RETURN(auto groups, AllSocgsForAggregates(env));
  std::map<std::string, Tally> regions, councils, crimes;
  Tally total;
  for (const auto& g : groups) {
    bool visible = CanSee(actor, g.group.restricted, g.group.owner_organisation_id);
    auto add = [&](Tally& t) {
      ++t.groups;
      t.members += int64_t(g.members.size());
      t.several += g.crime_types.size() >= 2 ? 1 : 0;
      t.legit += g.uses_legitimate_business ? 1 : 0;
      if (visible) t.refs.push_back(g.reference);
    };
    add(total);
    for (const auto& r : g.regions.empty() ? std::vector<std::string>{"Unknown"} : g.regions) add(regions[r]);
    for (const auto& c : g.councils.empty() ? std::vector<std::string>{"Unknown"} : g.councils) add(councils[c]);
    for (const auto& c : g.crime_types.empty() ? std::vector<std::string>{"not recorded"} : g.crime_types) add(crimes[c]);
  }
  Picture p;
  p.suppress_below = below;
  for (const char* r : {"West", "East", "North"}) regions.try_emplace(r);
  for (const auto& [k, t] : regions) p.regions.push_back(Row(k, t, analyst, below, &p.suppressed));
  for (const auto& [k, t] : councils) p.councils.push_back(Row(k, t, analyst, below, &p.suppressed));
  for (const auto& [k, t] : crimes) p.crime_types.push_back(Row(k, t, analyst, below, &p.suppressed));
  p.total = Row("All groups", total, analyst, below, &p.suppressed);

  // Businesses with a live finding other than sector alone (C6), as the viewer may see them.
  std::map<std::string, std::set<std::string>> flagged;  // sector → entities
  CAIRN_RETURN_IF_ERROR(env.db.Read([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(auto organisations, storage::FlaggedOrganisations(tx, ReachOf(actor), "C6"));
    for (const auto& [entity, sic_codes] : organisations) {
      std::istringstream sics(sic_codes);
      std::string sic;
      bool any = false;
      while (sics >> sic) {
        auto it = Sectors().find(sic);
        if (it == Sectors().end()) continue;
        flagged[it->second].insert(entity);
        any = true;
      }
      if (!any) flagged["Other"].insert(entity);
    }
    return Status::Ok();
  }));
  for (const auto& [sector, entities] : flagged) {
    Tally t;
    t.groups = int64_t(entities.size());
    PictureRow r = Row(sector, t, analyst, below, &p.suppressed);
    r.members = r.several_crime_types = r.legitimate_business = std::nullopt;
    p.sectors.push_back(r);
  }
  if (analyst) {
    CAIRN_RETURN_IF_ERROR(env.db.Write([&](storage::Tx& tx) {
      return audit::Append(tx, env.clock, actor, {"read", "picture", "", true, {{"drill_down", true}}});
    }));
  }
  return p;
}

std::string PictureCsv(const Picture& p) {
  std::ostringstream out;
  out << "dimension,key,groups,members,several_crime_types,legitimate_business\n";
  auto rows = [&](const char* dimension, const std::vector<PictureRow>& list) {
    for (const auto& r : list) {
      out << dimension << "," << CsvField(r.key) << "," << Count(r.groups, p.suppress_below);
      if (std::string(dimension) == "sector") {
        out << ",,,\n";
        continue;
      }
      out << "," << Count(r.members, p.suppress_below) << "," << Count(r.several_crime_types, p.suppress_below) << ","
          << Count(r.legitimate_business, p.suppress_below) << "\n";
    }
  };
  rows("total", {p.total});
  rows("region", p.regions);
  rows("council", p.councils);
  rows("crime_type", p.crime_types);
  rows("sector", p.sectors);
  return out.str();
}

Result<std::string> PictureXlsx(const Picture& p) {
  return internal::XlsxBytes("picture", [&](lxw_workbook* wb, lxw_format* bold) {
    auto sheet = [&](const char* name, const char* first, const std::vector<PictureRow>& list, bool groups_only) {
      lxw_worksheet* ws = workbook_add_worksheet(wb, name);
      std::vector<std::string> heads = {first, groups_only ? "Flagged businesses" : "Groups"};
      if (!groups_only) heads.insert(heads.end(), {"Members", "Several crime types", "Using legitimate businesses"});
      for (size_t c = 0; c < heads.size(); ++c) worksheet_write_string(ws, 0, lxw_col_t(c), heads[c].c_str(), bold);
      worksheet_set_column(ws, 0, 0, 40, nullptr);
      worksheet_set_column(ws, 1, 4, 18, nullptr);
      lxw_row_t row = 1;
      for (const auto& r : list) {
        worksheet_write_string(ws, row, 0, r.key.c_str(), nullptr);
        std::vector<std::optional<int64_t>> values = {r.groups};
        if (!groups_only) values.insert(values.end(), {r.members, r.several_crime_types, r.legitimate_business});
        for (size_t c = 0; c < values.size(); ++c) {
          if (values[c]) worksheet_write_number(ws, row, lxw_col_t(c + 1), double(*values[c]), nullptr);
          else worksheet_write_string(ws, row, lxw_col_t(c + 1), Count(values[c], p.suppress_below).c_str(), nullptr);
        }
        ++row;
      }
    };
    sheet("Regions", "Region", p.regions, false);
    sheet("Councils", "Council area", p.councils, false);
    sheet("Crime types", "Crime type", p.crime_types, false);
    sheet("Sectors", "Business sector", p.sectors, true);
  });
}

}  // namespace cairn::engine
