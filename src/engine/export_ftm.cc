#include "engine/export_ftm.h"

#include <nlohmann/json.hpp>
#include <set>

#include "storage/network.h"

namespace cairn::engine {
namespace {

using nlohmann::json;

void Put(json& props, const char* key, const std::string& value) {
  if (!value.empty()) props[key] = json::array({value});
}

json EntityFtm(const storage::EntityRow& e) {
  json props = json::object();
  Put(props, "name", e.name);
  std::string schema = "LegalEntity";
  if (e.kind == "person") {
    schema = "Person";
    Put(props, "birthDate", e.birth_date);
    Put(props, "postalCode", e.postcode);
  } else if (e.kind == "organisation") {
    schema = "Company";
    Put(props, "registrationNumber", e.company_number);
    if (!e.company_number.empty()) Put(props, "jurisdiction", "gb");
    Put(props, "postalCode", e.postcode);
  } else if (e.kind == "address") {
    schema = "Address";
    props.erase("name");
    Put(props, "full", e.name);
    Put(props, "postalCode", e.postcode);
  } else if (e.kind == "socg") {
    schema = "Organization";
    Put(props, "topics", "crime");
  } else if (e.kind == "process") {
    schema = "Contract";
    props.erase("name");
    Put(props, "title", e.name);
  }
  return {{"id", "cairn-" + e.id}, {"schema", schema}, {"properties", props}};
}

json LinkFtm(const storage::LinkRow& l, int64_t n) {
  json props = json::object();
  std::string schema, from_key, to_key;
  if (l.type == "officer_of") {
    schema = "Directorship", from_key = "director", to_key = "organization";
    json d = json::parse(l.detail, nullptr, false);
    if (d.is_object() && d.contains("role")) Put(props, "role", d["role"].get<std::string>());
  } else if (l.type == "psc_of") {
    schema = "Ownership", from_key = "owner", to_key = "asset";
  } else if (l.type == "member_of") {
    schema = "Membership", from_key = "member", to_key = "organization";
  } else {
    schema = "UnknownLink", from_key = "subject", to_key = "object";
    Put(props, "role", l.type);
  }
  Put(props, from_key.c_str(), "cairn-" + l.from_entity);
  Put(props, to_key.c_str(), "cairn-" + l.to_entity);
  Put(props, "startDate", l.start_date);
  Put(props, "endDate", l.end_date);
  return {{"id", "cairn-link-" + std::to_string(n)}, {"schema", schema}, {"properties", props}};
}

}  // namespace

Result<FtmExportReport> ExportFtm(const app::Env& env, bool include_restricted, std::ostream& out) {
  FtmExportReport report;
  std::set<std::string> exported;
  int64_t n = 0;
  CAIRN_RETURN_IF_ERROR(env.db.Read([&](storage::Tx& tx) {
    return storage::ScanNetwork(
        tx,
        [&](const storage::EntityRow& e) {
          if (e.restricted && !include_restricted) { ++report.withheld; return; }
          out << EntityFtm(e).dump(-1, ' ', false, json::error_handler_t::replace) << "\n";
          exported.insert(e.id);
          ++report.entities;
        },
        [&](const storage::LinkRow& l) {
          ++n;
          bool ends = exported.count(l.from_entity) && exported.count(l.to_entity);
          if (!ends || (l.restricted && !include_restricted)) { ++report.withheld; return; }
          out << LinkFtm(l, n).dump(-1, ' ', false, json::error_handler_t::replace) << "\n";
          ++report.links;
        });
  }));
  if (!out) return Unavailable("could not write the export");
  return report;
}

}  // namespace cairn::engine
