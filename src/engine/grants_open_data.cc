// The awarded grants as 360Giving open data (https://standard.threesixtygiving.org): a JSON
// package {"grants": [...]} in the standard's JSON schema, or one row per grant under the
// standard's spreadsheet column titles (CSV or XLSX). Identifiers: every grant is
// "<publisher prefix>-<reference>" (config/cairn.toml [grants] publisher_prefix, "360G-…");
// organisations carry their org-id.guide identifier, or "<publisher prefix>-org-<slug>" where
// none is recorded, as the standard allows. Amounts are pounds, written from pence exactly.
#include <nlohmann/json.hpp>

#include "audit/chain.h"
#include "common/csv_field.h"
#include "common/money.h"
#include "engine/grants.h"
#include "engine/internal/xlsx.h"
#include "storage/grants.h"
#include "storage/organisations.h"

namespace cairn::engine {
namespace {

using nlohmann::json;

struct OpenGrant {
  std::string id, title, description, award_date, start, end, last_modified;
  int64_t applied = 0, awarded = 0, disbursed = 0;
  std::string recipient_id, recipient_name, funder_id, funder_name, programme_code, programme_title;
};

const std::vector<std::string> kColumns = {
    "Identifier",          "Title",                   "Description",            "Currency",
    "Amount Applied For",  "Amount Awarded",          "Amount Disbursed",       "Award Date",
    "Planned Dates:Start Date", "Planned Dates:End Date", "Recipient Org:Identifier", "Recipient Org:Name",
    "Funding Org:Identifier", "Funding Org:Name",     "Grant Programme:Code",   "Grant Programme:Title",
    "Last Modified"};

std::vector<std::string> Cells(const OpenGrant& g) {
  return {g.id,          g.title,         g.description,    "GBP",          DecimalPounds(g.applied),
          DecimalPounds(g.awarded), DecimalPounds(g.disbursed), g.award_date, g.start, g.end,
          g.recipient_id, g.recipient_name, g.funder_id,    g.funder_name,  g.programme_code,
          g.programme_title, g.last_modified};
}

// Pounds as a JSON number with at most two decimals, from pence: 1234.5 prints as 1234.5.
json Amount(int64_t pence) { return pence % 100 == 0 ? json(pence / 100) : json(double(pence) / 100.0); }

Result<std::vector<OpenGrant>> Collect(const app::Env& env) {
  std::vector<OpenGrant> out;
  const std::string& prefix = env.settings.grants_publisher_prefix;
  CAIRN_RETURN_IF_ERROR(env.db.Read([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(auto schemes, storage::ListSchemes(tx));
    CAIRN_ASSIGN_OR_RETURN(auto orgs, storage::ListOrganisations(tx));
    auto org = [&](int64_t id) -> const model::Organisation* {
      for (const auto& o : orgs)
        if (o.id == id) return &o;
      return nullptr;
    };
    auto org_id = [&](const model::Organisation* o) {
      if (!o) return std::string();
      return o->org_identifier.empty() ? prefix + "-org-" + o->slug : o->org_identifier;
    };
    for (const auto& s : schemes) {
      CAIRN_ASSIGN_OR_RETURN(auto apps, storage::ListApplications(tx, s.id));
      CAIRN_ASSIGN_OR_RETURN(auto payments, storage::ListPayments(tx, s.id, 0));
      for (auto it = apps.rbegin(); it != apps.rend(); ++it) {
        const auto& a = *it;
        if (a.status != "approved" && a.status != "completed") continue;
        OpenGrant g;
        g.id = prefix + "-" + a.reference;
        g.title = a.title;
        g.description = a.summary;
        g.applied = a.amount_pence;
        g.awarded = a.awarded_pence;
        for (const auto& p : payments)
          if (p.application_id == a.id) g.disbursed += p.amount_pence;
        g.award_date = a.decided_at.substr(0, 10);
        g.start = a.starts_on;
        g.end = a.ends_on;
        g.last_modified = a.updated_at;
        const auto* recipient = org(a.organisation_id);
        g.recipient_id = org_id(recipient);
        g.recipient_name = recipient ? recipient->name : "";
        const auto* funder = org(s.funder_organisation_id);
        g.funder_id = org_id(funder);
        g.funder_name = funder ? funder->name : "";
        g.programme_code = s.code;
        g.programme_title = s.title;
        out.push_back(std::move(g));
      }
    }
    return Status::Ok();
  }));
  return out;
}

std::string Json(const std::vector<OpenGrant>& grants) {
  json list = json::array();
  for (const auto& g : grants) {
    json j = {{"id", g.id},
              {"title", g.title},
              {"description", g.description},
              {"currency", "GBP"},
              {"amountAppliedFor", Amount(g.applied)},
              {"amountAwarded", Amount(g.awarded)},
              {"amountDisbursed", Amount(g.disbursed)},
              {"awardDate", g.award_date},
              {"recipientOrganization", json::array({{{"id", g.recipient_id}, {"name", g.recipient_name}}})},
              {"fundingOrganization", json::array({{{"id", g.funder_id}, {"name", g.funder_name}}})},
              {"grantProgramme", json::array({{{"code", g.programme_code}, {"title", g.programme_title}}})},
              {"lastModified", g.last_modified}};
    if (!g.start.empty() && !g.end.empty())
      j["plannedDates"] = json::array({{{"startDate", g.start}, {"endDate", g.end}}});
    list.push_back(std::move(j));
  }
  return json{{"grants", list}}.dump(2) + "\n";
}

std::string Csv(const std::vector<OpenGrant>& grants) {
  std::string out;
  auto row = [&](const std::vector<std::string>& cells) {
    for (size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + CsvField(cells[i]);
    out += "\r\n";
  };
  row(kColumns);
  for (const auto& g : grants) row(Cells(g));
  return out;
}

Result<std::string> Xlsx(const std::vector<OpenGrant>& grants) {
  return internal::XlsxBytes("360giving", [&](lxw_workbook* wb, lxw_format* bold) {
    lxw_worksheet* sheet = workbook_add_worksheet(wb, "grants");
    for (size_t c = 0; c < kColumns.size(); ++c) worksheet_write_string(sheet, 0, lxw_col_t(c), kColumns[c].c_str(), bold);
    lxw_row_t r = 1;
    for (const auto& g : grants) {
      auto cells = Cells(g);
      for (size_t c = 0; c < cells.size(); ++c) {
        // Amounts as numbers, so a spreadsheet sums them; pence / 100 is exact to the penny here.
        if (c >= 4 && c <= 6) {
          int64_t pence = c == 4 ? g.applied : c == 5 ? g.awarded : g.disbursed;
          worksheet_write_number(sheet, r, lxw_col_t(c), double(pence) / 100.0, nullptr);
        } else {
          worksheet_write_string(sheet, r, lxw_col_t(c), cells[c].c_str(), nullptr);
        }
      }
      ++r;
    }
  });
}

}  // namespace

const std::vector<std::string>& OpenDataRequiredColumns() {
  static const std::vector<std::string> kRequired = {"Identifier",  "Title",         "Description",
                                                     "Currency",    "Amount Awarded", "Award Date",
                                                     "Recipient Org:Identifier", "Recipient Org:Name",
                                                     "Funding Org:Identifier", "Funding Org:Name"};
  return kRequired;
}

Result<std::string> GrantsOpenData(const app::Env& env, const model::Actor& actor, const std::string& format) {
  if (format != "json" && format != "csv" && format != "xlsx") return InvalidField("format", "format must be json, csv or xlsx");
  CAIRN_ASSIGN_OR_RETURN(auto grants, Collect(env));
  std::string bytes;
  if (format == "json") bytes = Json(grants);
  if (format == "csv") bytes = Csv(grants);
  if (format == "xlsx") {
    CAIRN_ASSIGN_OR_RETURN(bytes, Xlsx(grants));
  }
  CAIRN_RETURN_IF_ERROR(env.db.Write([&](storage::Tx& tx) {
    return audit::Append(tx, env.clock, actor,
                         {"export", "grants_360giving", format, true, {{"grants", int64_t(grants.size())}}});
  }));
  return bytes;
}

}  // namespace cairn::engine
