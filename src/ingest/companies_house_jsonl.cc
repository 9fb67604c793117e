#include "ingest/companies_house_jsonl.h"

#include <simdjson.h>

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>

#include "common/crypto.h"

namespace cairn::ingest {
namespace {

using simdjson::dom::element;
using simdjson::dom::object;

// A parser per thread: simdjson parsers reuse their buffers between documents.
simdjson::dom::parser& Parser() {
  thread_local simdjson::dom::parser parser;
  return parser;
}

std::string Text(const object& o, std::string_view key) {
  std::string_view v;
  return o[key].get_string().get(v) == simdjson::SUCCESS ? std::string(v) : std::string();
}

// "YYYY-MM-DD" must be a real date; absent or null is fine.
Status CheckDate(const object& data, std::string_view key) {
  element e;
  if (data[key].get(e) != simdjson::SUCCESS || e.is_null()) return Status::Ok();
  std::string_view v;
  int y = 0, m = 0, d = 0;
  if (e.get_string().get(v) != simdjson::SUCCESS || v.size() != 10 ||
      std::sscanf(std::string(v).c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3 ||
      !std::chrono::year_month_day{std::chrono::year{y}, std::chrono::month{unsigned(m)}, std::chrono::day{unsigned(d)}}.ok()) {
    return InvalidField(std::string(key), std::string(key) + " is not a real date: " + simdjson::minify(e));
  }
  return Status::Ok();
}

struct Envelope {
  std::string company_number;
  object data;
  std::string data_json;
};

Result<Envelope> Open(std::string_view line) {
  element doc;
  auto error = Parser().parse(line.data(), line.size()).get(doc);
  if (error) return InvalidArgument(std::string("invalid JSON: ") + simdjson::error_message(error));
  Envelope env;
  object root;
  if (doc.get_object().get(root) != simdjson::SUCCESS) return InvalidArgument("the line is not a JSON object");
  if (root["data"].get_object().get(env.data) != simdjson::SUCCESS) return InvalidField("data", "data is missing");
  env.company_number = Text(root, "company_number");
  env.data_json = simdjson::minify(env.data);
  return env;
}

// The stored record: the envelope again, compact. The company number is escaped as a JSON
// string, never pasted in raw.
std::string Payload(const Envelope& env) {
  return "{\"company_number\":" + nlohmann::json(env.company_number).dump() + ",\"data\":" + env.data_json + "}";
}

}  // namespace

std::optional<std::string> DetectCompaniesHouseJsonl(std::string_view first_line) {
  auto env = Open(first_line);
  if (!env.ok()) return std::nullopt;
  std::string kind = Text(env->data, "kind");
  if (kind.find("significant-control") != std::string::npos || kind == "exemptions" || kind.rfind("totals#", 0) == 0) {
    return std::string(kPscFormat);
  }
  if (!Text(env->data, "officer_role").empty()) return std::string(kOfficersFormat);
  return std::nullopt;
}

Result<std::optional<SourceRecord>> ParsePscLine(std::string_view line) {
  CAIRN_ASSIGN_OR_RETURN(Envelope env, Open(line));
  std::string kind = Text(env.data, "kind");
  if (kind.rfind("totals#", 0) == 0) return std::optional<SourceRecord>();
  if (env.company_number.empty()) return InvalidField("company_number", "company_number is missing");
  if (kind.empty()) return InvalidField("kind", "data.kind is missing");
  CAIRN_RETURN_IF_ERROR(CheckDate(env.data, "notified_on"));
  CAIRN_RETURN_IF_ERROR(CheckDate(env.data, "ceased_on"));
  std::string self;
  object links;
  if (env.data["links"].get_object().get(links) == simdjson::SUCCESS) self = Text(links, "self");
  // Without a link, the content identifies the PSC (the same statement twice is one record).
  if (self.empty()) self = kind + "/" + Sha256Hex(env.data_json).substr(0, 16);
  return std::optional<SourceRecord>(SourceRecord{env.company_number + "/" + self, Payload(env)});
}

Result<std::optional<SourceRecord>> ParseOfficerLine(std::string_view line) {
  CAIRN_ASSIGN_OR_RETURN(Envelope env, Open(line));
  if (env.company_number.empty()) return InvalidField("company_number", "company_number is missing");
  std::string name = Text(env.data, "name"), role = Text(env.data, "officer_role");
  if (name.empty()) return InvalidField("name", "data.name is missing");
  if (role.empty()) return InvalidField("officer_role", "data.officer_role is missing");
  CAIRN_RETURN_IF_ERROR(CheckDate(env.data, "appointed_on"));
  CAIRN_RETURN_IF_ERROR(CheckDate(env.data, "resigned_on"));
  std::string officer = name;
  object links, officer_links;
  if (env.data["links"].get_object().get(links) == simdjson::SUCCESS &&
      links["officer"].get_object().get(officer_links) == simdjson::SUCCESS) {
    std::string appointments = Text(officer_links, "appointments");
    if (!appointments.empty()) officer = appointments;
  }
  std::string key = env.company_number + "/" + officer + "/" + role + "/" + Text(env.data, "appointed_on");
  return std::optional<SourceRecord>(SourceRecord{key, Payload(env)});
}

}  // namespace cairn::ingest
